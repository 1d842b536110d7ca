package io.quantlake.factor;

import io.quantlake.spark.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRegex;
import org.apache.spark.sql.catalyst.analysis.UnresolvedStar;
import org.apache.spark.sql.catalyst.expressions.Ascending$;
import org.apache.spark.sql.catalyst.expressions.CurrentRow$;
import org.apache.spark.sql.catalyst.expressions.Divide;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.RowFrame$;
import org.apache.spark.sql.catalyst.expressions.SortOrder;
import org.apache.spark.sql.catalyst.expressions.SpecifiedWindowFrame;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.expressions.UnaryMinus;
import org.apache.spark.sql.catalyst.expressions.UnboundedFollowing$;
import org.apache.spark.sql.catalyst.expressions.UnboundedPreceding$;
import org.apache.spark.sql.catalyst.expressions.UnresolvedWindowExpression;
import org.apache.spark.sql.catalyst.expressions.UnspecifiedFrame$;
import org.apache.spark.sql.catalyst.expressions.WindowExpression;
import org.apache.spark.sql.catalyst.expressions.WindowSpecDefinition;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.parser.ParseException;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A user factor's Spark SQL expression, checked and rewritten before anything runs (see {@link UserFactor}
 * for the syntax). Parsing uses Spark's own SQL parser ({@code CatalystSqlParser}, no session needed);
 * every check walks the Catalyst tree:
 *
 * <ul>
 *   <li>columns: only {@link #COLUMNS} of the {@link FactorFrame prepared frame};</li>
 *   <li>functions: Spark's built-in scalar functions; {@code lag(x, k)} with {@code k >= 1}, whose window (the
 *       symbol's own bars in time order) is implied; an aggregate only {@code over last N} or over an explicit
 *       {@code OVER (PARTITION BY symbol ORDER BY open_time ROWS BETWEEN a PRECEDING AND b PRECEDING | CURRENT ROW)};</li>
 *   <li>look-ahead refused: {@code lead}, a negative lag, a frame reaching past the current row (any
 *       {@code FOLLOWING}), an OVER clause without the symbol partition and time order; an unbounded
 *       preceding frame is refused too (its value would depend on where the data starts);</li>
 *   <li>{@code a / b} becomes {@code try_divide(a, b)}: null where {@code b} is 0, as in the built-in factors
 *       (Spark 4's ANSI mode would fail the whole job).</li>
 * </ul>
 *
 * <p>The warm-up is derived from the tree: {@code 1 + extra(e)} own bars with {@code extra(ret) = 1} (it reads
 * the previous bar), {@code extra(lag(x, k)) = k + extra(x)}, {@code extra(agg(x) over a frame starting a bars back) = a + extra(x)} ({@code a = N − 1} for
 * {@code over last N}) and, for any other node, the largest {@code extra} of its children.
 */
final class FactorExpression {
    /** The prepared frame's columns an expression may read (per bar: prices in quote currency, volumes, a return). */
    static final List<String> COLUMNS = List.of(FactorFrame.OPEN, FactorFrame.HIGH, FactorFrame.LOW, FactorFrame.CLOSE,
            FactorFrame.VOLUME, FactorFrame.QV, FactorFrame.RET);

    /** {@code over last N} (outside quotes), rewritten to the named window {@code last_N} keeping every position. */
    private static final Pattern OVER_LAST = Pattern.compile("(?i)\\bover(\\s+)last(\\s+)(\\d+)\\b");
    private static final Pattern LAST_N = Pattern.compile("(?i)last_+(\\d+)");
    private static final String OWN_HISTORY = "PARTITION BY " + FactorFrame.MARKET + ", " + FactorFrame.INTERVAL + ", "
            + FactorFrame.SYMBOL + " ORDER BY " + FactorFrame.TS;

    /** The checked expression: the rewritten Catalyst tree (unresolved, over the prepared frame) and its warm-up in own bars. */
    record Checked(Expression tree, int warmup) {
    }

    /** A problem with the expression; the caller adds the factor and the file. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private record Node(Expression tree, int extra) {
    }

    private FactorExpression() {
    }

    /** Parses, checks and rewrites {@code text}; a {@link Problem} describes the first thing wrong, in one line. */
    static Checked check(String text) {
        if (text == null || text.isBlank()) {
            throw new Problem("the expression is empty");
        }
        SparkSessions.quietLogging(); // configs are checked before any session: keep Spark's INFO defaults out
        Expression parsed;
        try {
            parsed = CatalystSqlParser$.MODULE$.parseExpression(sugar(text));
        } catch (Exception e) { // Scala throws ParseException (an AnalysisException) undeclared
            if (e instanceof ParseException || e instanceof AnalysisException) {
                throw new Problem("syntax error: " + firstLine(e.getMessage()));
            }
            throw e;
        }
        Node n = visit(parsed);
        return new Checked(n.tree(), 1 + n.extra());
    }

    /** {@code text} with each {@code over last N} outside quotes as {@code over last_N} (same length: positions in errors hold). */
    static String sugar(String text) {
        StringBuilder out = new StringBuilder(text);
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if ((c == 'o' || c == 'O') && (i == 0 || !isIdentifierPart(text.charAt(i - 1)))) {
                Matcher m = OVER_LAST.matcher(text).region(i, text.length());
                if (m.lookingAt()) {
                    for (int k = m.start(2); k < m.end(2); k++) {
                        out.setCharAt(k, '_');
                    }
                    i = m.end() - 1;
                }
            }
        }
        return out.toString();
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The first non-blank line of a Spark message, without its error class and SQLSTATE. */
    static String firstLine(String message) {
        for (String line : message.split("\n")) {
            if (!line.isBlank()) {
                return line.trim().replaceFirst("^\\[[A-Z_.]+] ", "").replaceFirst(" SQLSTATE: \\w+", "");
            }
        }
        return message;
    }

    private static Node visit(Expression e) {
        if (e instanceof UnresolvedAttribute a) {
            String name = a.name().toLowerCase(Locale.ROOT);
            if (a.nameParts().size() != 1 || !COLUMNS.contains(name)) {
                throw unknownColumn(a.name());
            }
            return new Node(e, name.equals(FactorFrame.RET) ? 1 : 0); // ret reads the previous own bar too
        }
        if (e instanceof UnresolvedStar || e instanceof UnresolvedRegex) {
            throw unknownColumn(e.sql());
        }
        if (e instanceof SubqueryExpression) {
            throw new Problem("a subquery is not allowed: a factor reads only the symbol's own candles");
        }
        if (e instanceof UnresolvedWindowExpression w) {
            return overLast(w);
        }
        if (e instanceof WindowExpression w) {
            return explicitOver(w);
        }
        if (e instanceof UnresolvedFunction f) {
            return function(f);
        }
        if (e instanceof Divide d) {
            Node num = visit(d.left());
            Node den = visit(d.right());
            Expression tryDivide = CatalystSqlParser$.MODULE$.parseExpression("try_divide(a, b)")
                    .withNewChildren(seq(List.of(num.tree(), den.tree())));
            return new Node(tryDivide, Math.max(num.extra(), den.extra()));
        }
        return children(e, 0);
    }

    /** {@code e} with its children visited; {@code extra} plus the children's largest. */
    private static Node children(Expression e, int extra) {
        List<Expression> kids = new ArrayList<>();
        int most = 0;
        for (Expression c : CollectionConverters.asJava(e.children())) {
            Node n = visit(c);
            kids.add(n.tree());
            most = Math.max(most, n.extra());
        }
        return new Node(kids.isEmpty() ? e : e.withNewChildren(seq(kids)), extra + most);
    }

    /** A function call without OVER: a scalar function, or {@code lag} on the implied own-history window. */
    private static Node function(UnresolvedFunction f) {
        String name = kind(f);
        if (name.equals("lag")) {
            int k = lagOffset(f);
            Node inner = children(f, k);
            return new Node(new WindowExpression(inner.tree(), ownHistory("")), inner.extra());
        }
        if (name.equals("aggregate")) {
            throw new Problem("aggregate " + functionName(f) + "(…) needs a frame: write `" + functionName(f)
                    + "(…) over last N` (the symbol's last N own bars ending at t)");
        }
        return children(f, 0);
    }

    /** {@code agg(x) over last N}: the frame of the symbol's last N own bars ending at t. */
    private static Node overLast(UnresolvedWindowExpression w) {
        String ref = w.windowSpec().name();
        Matcher m = LAST_N.matcher(ref);
        if (!m.matches() || m.group(1).length() > 6 || Integer.parseInt(m.group(1)) < 1) {
            throw new Problem("unknown window `over " + ref + "`: write `over last N` with N >= 1 own bars");
        }
        int n = Integer.parseInt(m.group(1));
        UnresolvedFunction f = windowFunction(w.child(), "over last " + n);
        Node inner = children(f, n - 1);
        return new Node(new WindowExpression(inner.tree(), ownHistory(rows(n - 1, 0))), inner.extra());
    }

    /** An explicit {@code OVER (…)}: only the symbol's own past, in time order, with a bounded ROWS frame. */
    private static Node explicitOver(WindowExpression w) {
        WindowSpecDefinition spec = w.windowSpec();
        String partition = names(CollectionConverters.asJava(spec.partitionSpec()));
        List<SortOrder> order = CollectionConverters.asJava(spec.orderSpec());
        boolean ownOrder = order.size() == 1 && order.get(0).direction() == Ascending$.MODULE$
                && List.of("open_time", FactorFrame.TS).contains(names(List.of(order.get(0).child())));
        if (!(partition.equals(FactorFrame.SYMBOL) || partition.equals("market,interval,symbol")) || !ownOrder) {
            throw new Problem("look-ahead: an OVER clause must be PARTITION BY symbol ORDER BY open_time (the symbol's "
                    + "own bars in time order), got OVER (" + spec.sql() + ")");
        }
        UnresolvedFunction f = windowFunction(w.windowFunction(), "OVER (…)");
        if (kind(f).equals("lag")) {
            if (!(spec.frameSpecification() instanceof UnspecifiedFrame$)) {
                throw new Problem("lag(…) takes no window frame, got " + frameSql(spec.frameSpecification()));
            }
            int k = lagOffset(f);
            Node inner = children(f, k);
            return new Node(new WindowExpression(inner.tree(), ownHistory("")), inner.extra());
        }
        if (!(spec.frameSpecification() instanceof SpecifiedWindowFrame frame) || frame.frameType() != RowFrame$.MODULE$) {
            throw new Problem(functionName(f) + "(…) OVER (…) needs a ROWS frame ending at the current row or "
                    + "before, e.g. ROWS BETWEEN 19 PRECEDING AND CURRENT ROW (or write `over last 20`), got "
                    + frameSql(spec.frameSpecification()));
        }
        int upper = bound(frame.upper(), frame);
        int lower = bound(frame.lower(), frame);
        if (lower > upper) {
            throw new Problem("window frame " + frame.sql() + " is empty: its start is after its end");
        }
        Node inner = children(f, -lower);
        return new Node(new WindowExpression(inner.tree(), ownHistory(rows(-lower, -upper))), inner.extra());
    }

    /** A frame bound as a row offset from t (<= 0); FOLLOWING and UNBOUNDED bounds are refused. */
    private static int bound(Expression b, SpecifiedWindowFrame frame) {
        if (b instanceof CurrentRow$) {
            return 0;
        }
        if (b instanceof UnboundedFollowing$) {
            throw new Problem("look-ahead: the frame " + frame.sql() + " reaches UNBOUNDED FOLLOWING (later bars)");
        }
        if (b instanceof UnboundedPreceding$) {
            throw new Problem("the frame " + frame.sql() + " starts UNBOUNDED PRECEDING: its value would depend on where "
                    + "the data starts; use a bounded frame such as `over last N`");
        }
        Optional<Long> v = b instanceof UnaryMinus u ? wholeNumber(u.child()).map(x -> -x) : wholeNumber(b);
        if (v.isEmpty()) {
            throw new Problem("window frame bounds must be whole numbers of bars, got " + b.sql());
        }
        if (v.get() > 0) {
            throw new Problem("look-ahead: the frame " + frame.sql() + " reaches " + v.get() + " FOLLOWING (past the current row)");
        }
        if (v.get() < -1_000_000) {
            throw new Problem("window frame bound " + b.sql() + " is too far back (at most 1000000 bars)");
        }
        return (int) (long) v.get();
    }

    /** The function of a window: an aggregate, or lag; lead and the other window functions are refused. */
    private static UnresolvedFunction windowFunction(Expression fn, String over) {
        if (!(fn instanceof UnresolvedFunction f)) {
            throw new Problem("`" + over + "` applies to an aggregate such as avg(x) or stddev(x), got " + fn.sql());
        }
        String kind = kind(f);
        if (!kind.equals("aggregate") && !kind.equals("lag")) {
            throw new Problem("`" + over + "` applies to an aggregate such as avg(x) or stddev(x), got " + functionName(f) + "(…)");
        }
        if (kind.equals("lag") && over.startsWith("over last")) {
            throw new Problem("lag(x, k) takes no `" + over + "`: the symbol's own bars in time order are implied");
        }
        return f;
    }

    /**
     * {@code lag}, {@code aggregate} or {@code scalar}; lead, the other window functions and unknown names are
     * refused here.
     */
    private static String kind(UnresolvedFunction f) {
        String name = functionName(f);
        if (name.equals("lead")) {
            throw new Problem("look-ahead: lead(…) reads later bars; use lag(x, k) for earlier ones");
        }
        if (name.equals("lag")) {
            return "lag";
        }
        Optional<ExpressionInfo> info = f.nameParts().size() == 1
                ? Optional.ofNullable(FunctionRegistry.builtin().lookupFunction(FunctionIdentifier.apply(name)).getOrElse(() -> null))
                : Optional.empty();
        if (info.isEmpty()) {
            throw new Problem("unknown function " + f.nameParts().mkString(".") + "(…): use Spark SQL built-in functions");
        }
        String group = info.get().getGroup();
        if ("window_funcs".equals(group)) {
            throw new Problem("window function " + name + "(…) is not supported: use lag(x, k) or an aggregate `over last N`");
        }
        if ("generator_funcs".equals(group)) {
            throw new Problem(name + "(…) makes rows; a factor is one value per bar");
        }
        return "agg_funcs".equals(group) ? "aggregate" : "scalar";
    }

    /** The lag offset k >= 1 (1 when omitted): a whole-number literal; a negative one reads later bars. */
    private static int lagOffset(UnresolvedFunction f) {
        List<Expression> args = CollectionConverters.asJava(f.arguments());
        if (args.isEmpty() || args.size() > 3) {
            throw new Problem("lag takes (x), (x, k) or (x, k, default), got " + args.size() + " arguments");
        }
        if (args.size() == 1) {
            return 1;
        }
        Expression k = args.get(1);
        Optional<Long> v = k instanceof UnaryMinus u ? wholeNumber(u.child()).map(x -> -x) : wholeNumber(k);
        if (v.isEmpty()) {
            throw new Problem("lag offset must be a whole number of bars, got " + k.sql());
        }
        if (v.get() < 0) {
            throw new Problem("look-ahead: lag(…, " + v.get() + ") reads later bars; the offset must be >= 1");
        }
        if (v.get() < 1 || v.get() > 1_000_000) {
            throw new Problem("lag offset must be in [1, 1000000] bars, got " + v.get());
        }
        return (int) (long) v.get();
    }

    private static Optional<Long> wholeNumber(Expression e) {
        if (e instanceof Literal l && (l.value() instanceof Integer || l.value() instanceof Long
                || l.value() instanceof Short || l.value() instanceof Byte)) {
            return Optional.of(((Number) l.value()).longValue());
        }
        return Optional.empty();
    }

    /** A frame as SQL ({@code ROWS BETWEEN …}); "no frame" when unspecified. */
    private static String frameSql(Object frame) {
        return frame instanceof SpecifiedWindowFrame f ? f.sql() : "no frame";
    }

    private static String functionName(UnresolvedFunction f) {
        return f.nameParts().mkString(".").toLowerCase(Locale.ROOT);
    }

    /** Lower-case attribute names joined by commas; "?" for anything that is not a plain column. */
    private static String names(List<Expression> exprs) {
        List<String> out = new ArrayList<>();
        for (Expression e : exprs) {
            out.add(e instanceof UnresolvedAttribute a ? a.name().toLowerCase(Locale.ROOT) : "?");
        }
        return String.join(",", out);
    }

    private static Problem unknownColumn(String name) {
        return new Problem("unknown column '" + name + "'; columns: " + String.join(", ", COLUMNS));
    }

    /** {@code ROWS BETWEEN a PRECEDING AND b PRECEDING} (b = 0: CURRENT ROW). */
    private static String rows(int a, int b) {
        return "ROWS BETWEEN " + (a == 0 ? "CURRENT ROW" : a + " PRECEDING") + " AND "
                + (b == 0 ? "CURRENT ROW" : b + " PRECEDING");
    }

    /** The symbol's own bars in time order in the prepared frame, with {@code frame} (empty: none, as lag needs). */
    private static WindowSpecDefinition ownHistory(String frame) {
        Expression w = CatalystSqlParser$.MODULE$.parseExpression("lag(x) OVER (" + OWN_HISTORY + " " + frame + ")");
        return ((WindowExpression) w).windowSpec();
    }

    private static scala.collection.immutable.Seq<Expression> seq(List<Expression> list) {
        return CollectionConverters.asScala(list).toSeq();
    }
}
