package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A run's books balance from its own capital, and fail loudly, naming the bar, from any other. */
class BooksCheckTest {
    @Test
    void balancedBooksPassAndAWrongCapitalFailsAtTheFirstBar() {
        Panel panel = KernelProperties.panel(new Random(1), 4, 40, true);
        KernelProperties.Drawn drawn = KernelProperties.randomWeights(new Random(3), panel.bars(), 4, true, 0.01, false,
                KernelProperties.randomConfig(new Random(2), Market.SPOT));
        SimConfig config = drawn.config();
        BacktestResult run = Simulator.run(panel, config, StrategyInput.weights(drawn.targets()));
        assertDoesNotThrow(() -> BooksCheck.verify(panel, config.capital(), run));
        IllegalStateException off = assertThrows(IllegalStateException.class,
                () -> BooksCheck.verify(panel, config.capital() + 1, run));
        assertTrue(off.getMessage().startsWith("equity identity at bar 0"), off.getMessage());
    }
}
