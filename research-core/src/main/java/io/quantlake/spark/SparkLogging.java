package io.quantlake.spark;

/**
 * Spark logs at WARN on stderr unless the user configured log4j2 (a {@code log4j2.*} file on the
 * classpath or {@code -Dlog4j2.configurationFile}); stdout stays free for command output such as
 * {@code sql --csv}.
 *
 * <p>Spark installs its own INFO-level defaults when it finds log4j2 unconfigured. Pointing
 * {@code log4j2.configurationFile} at QuantLake's WARN configuration before log4j2 initialises
 * keeps Spark's start-up chatter out; if log4j2 was initialised earlier, {@link SparkSessions}
 * still lowers the level to WARN once the context exists.
 */
final class SparkLogging {
    static final String CONFIG_RESOURCE = "io/quantlake/spark/log4j2-quantlake.properties";
    private static final String[] USER_CONFIG_RESOURCES = {
        "log4j2-test.properties", "log4j2-test.xml", "log4j2.properties", "log4j2.xml",
        "log4j2.yaml", "log4j2.yml", "log4j2.json"};

    private SparkLogging() {
    }

    static synchronized void quietUnlessConfigured() {
        if (System.getProperty("log4j2.configurationFile") != null
                || System.getProperty("log4j.configurationFile") != null) {
            return;
        }
        ClassLoader loader = SparkLogging.class.getClassLoader();
        for (String name : USER_CONFIG_RESOURCES) {
            if (loader.getResource(name) != null) {
                return;
            }
        }
        System.setProperty("log4j2.configurationFile", CONFIG_RESOURCE);
    }
}
