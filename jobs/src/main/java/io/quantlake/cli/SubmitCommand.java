package io.quantlake.cli;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code submit [spark-submit options] --class C [args]}: runs
 * {@code org.apache.spark.deploy.SparkSubmit} in this JVM with the local classpath, so no Spark
 * distribution is needed. The application jar is this (shaded) jar; everything after
 * {@code --class C} is passed to the job. Without {@code --master}, {@code local[*]} is used. A QuantLake job
 * that fails has printed its one line; submit then exits with the job's exit code and adds nothing.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Local spark-submit without a Spark distribution.",
                "Usage: submit [spark-submit options] --class C [args]; e.g.",
                "  submit --master 'local[2]' --class io.quantlake.jobs.LakeSummaryJob --lake ./lake"})
final class SubmitCommand implements Callable<Integer> {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        String[] submitArgs = sparkSubmitArgs(args, applicationJar());
        try {
            Class.forName("org.apache.spark.deploy.SparkSubmit")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) submitArgs);
        } catch (InvocationTargetException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof JobFailedException failed) {
                    return failed.exitCode();
                }
            }
            throw new IllegalStateException("spark-submit --class " + args.get(args.indexOf("--class") + 1) + " failed: "
                    + OneLineErrors.message(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start SparkSubmit: " + OneLineErrors.message(e), e);
        }
        return 0;
    }

    /** Inserts the application jar after the options and {@code --class C}; adds {@code --master local[*]} when absent. */
    static String[] sparkSubmitArgs(List<String> args, String jar) {
        int classAt = args.indexOf("--class");
        if (classAt < 0 || classAt + 1 >= args.size()) {
            throw new IllegalArgumentException("submit needs --class <main class>, e.g. submit --class io.quantlake.jobs.LakeSummaryJob --lake ./lake");
        }
        List<String> out = new ArrayList<>();
        if (!args.subList(0, classAt).contains("--master")) {
            out.add("--master");
            out.add("local[*]");
        }
        out.addAll(args.subList(0, classAt + 2));
        out.add(jar);
        out.addAll(args.subList(classAt + 2, args.size()));
        return out.toArray(new String[0]);
    }

    private static String applicationJar() {
        try {
            File f = new File(SubmitCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return f.getAbsolutePath();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the QuantLake jar", e);
        }
    }
}
