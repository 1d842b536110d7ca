package io.quantlake.sizing;

/** Thrown when the risk-budgeting solver stops before the risk contributions meet their budgets. */
public final class RiskParityNotConvergedException extends ArithmeticException {

    private final double residual;
    private final int iterations;

    RiskParityNotConvergedException(String message, double residual, int iterations) {
        super(message + ": residual max|RC_i/b_i - 1| = " + residual + " after " + iterations + " iterations");
        this.residual = residual;
        this.iterations = iterations;
    }

    /** Last residual {@code max_i |RC_i / b_i - 1|}. */
    public double residual() {
        return residual;
    }

    /** Iterations performed. */
    public int iterations() {
        return iterations;
    }
}
