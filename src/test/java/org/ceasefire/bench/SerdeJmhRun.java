package org.ceasefire.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.kafka.common.serialization.Serde;
import org.ceasefire.avro.MinistryStatement;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A benchmark child (not a test): runs {@link SerdeBenchmark} under JMH and prints, for
 * {@link PipelineBenchmark}, the score of every measurement iteration of each method as
 * {@code RESULT serialize=a;b;c}. JMH forks its own JVM for the measurement, so this process only
 * drives it. Arguments: {@code forks=1}, {@code warmups=3}, {@code iterations=3},
 * {@code seconds=1} (length of each iteration), {@code heap=512m} (the fork's -Xmx), {@code json=}
 * (where JMH writes its own results, optional).
 */
public final class SerdeJmhRun {
    private SerdeJmhRun() {
    }

    public static void main(String[] argv) throws RunnerException {
        Args args = new Args(argv);
        System.out.println("RESULT recordBytes=" + meanRecordBytes());
        TimeValue iteration = TimeValue.seconds(args.getLong("seconds", 1));
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + SerdeBenchmark.class.getName().replace(".", "\\.") + "\\.")
                .forks((int) args.getLong("forks", 1))
                .warmupIterations((int) args.getLong("warmups", 3))
                .warmupTime(iteration)
                .measurementIterations((int) args.getLong("iterations", 3))
                .measurementTime(iteration)
                // Set, not inherited: the fork's heap should not depend on how this driver was started.
                .jvmArgs("-Xmx" + args.get("heap", "512m"));
        String json = args.get("json", "");
        if (!json.isEmpty()) {
            options.resultFormat(ResultFormatType.JSON).result(json);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            System.out.println("RESULT " + method.substring(method.lastIndexOf('.') + 1) + "=" + iterationScores(result));
        }
        System.exit(0);
    }

    /** Every measurement iteration of every fork, in records/s: each is one value of the row. */
    private static String iterationScores(RunResult result) {
        return result.getBenchmarkResults().stream()
                .flatMap(fork -> fork.getIterationResults().stream())
                .map(iteration -> String.format(Locale.ROOT, "%.0f", iteration.getPrimaryResult().getScore()))
                .collect(Collectors.joining(";"));
    }

    /** The mean encoded size, for the row's label; measured here, outside the timed fork. */
    private static long meanRecordBytes() {
        MinistryStatement[] records = SerdeBenchmark.statements();
        long bytes = 0;
        try (Serde<MinistryStatement> serde = SerdeBenchmark.serde()) {
            for (MinistryStatement record : records) {
                bytes += serde.serializer().serialize(SerdeBenchmark.TOPIC, record).length;
            }
        }
        return bytes / records.length;
    }
}
