package io.quantlake.cli;

import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Option values a command parses itself (market, interval, dates, presets): a value the parser rejects is a
 * usage error, exit 2, one line naming the option and the accepted values, as picocli reports its own
 * conversions: {@code Invalid value for option '--market': unknown market 'spto'; accepted: spot, usdm}.
 */
final class OptionValues {
    private OptionValues() {
    }

    /** {@code parser} applied to {@code value}; its {@link IllegalArgumentException} becomes a {@link ParameterException}. */
    static <T> T parse(CommandSpec spec, String option, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': "
                    + e.getMessage(), e, null, value);
        }
    }
}
