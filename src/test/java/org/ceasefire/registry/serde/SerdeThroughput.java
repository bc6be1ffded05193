package org.ceasefire.registry.serde;

import java.util.Arrays;
import java.util.Map;

import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.registry.MockSchemaRegistry;
import org.ceasefire.registry.SampleStatements;

/**
 * A command-line measurement (not a test) of the serde's single-thread throughput on a ~400-byte
 * MinistryStatement: records/s to serialize and to deserialize, median of 5 runs after warm-up.
 * The registry is an in-memory scope, so after the first record only the serde's own work is
 * measured (ids and schemas are cached, as they are against a real registry).
 * <pre>
 * mvn -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.mainClass=org.ceasefire.registry.serde.SerdeThroughput -Dexec.classpathScope=test
 * </pre>
 */
public final class SerdeThroughput {

    private static final String TOPIC = "ceasefire.statements";
    private static final int RECORDS_PER_RUN = 200_000;
    private static final int WARM_UP_RUNS = 5;
    private static final int MEASURED_RUNS = 5;

    private SerdeThroughput() {
    }

    public static void main(String[] args) {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://throughput");
        try (SpecificAvroSerde<MinistryStatement> serde = new SpecificAvroSerde<>()) {
            serde.configure(config, false);
            MinistryStatement statement = SampleStatements.full();
            byte[] encoded = serde.serializer().serialize(TOPIC, statement);
            System.out.printf("record: %d bytes on the wire (5-byte header + Avro)%n", encoded.length);

            for (int i = 0; i < WARM_UP_RUNS; i++) {
                serializeRun(serde, statement);
                deserializeRun(serde, encoded);
            }
            double[] serialize = new double[MEASURED_RUNS];
            double[] deserialize = new double[MEASURED_RUNS];
            for (int i = 0; i < MEASURED_RUNS; i++) {
                serialize[i] = serializeRun(serde, statement);
                deserialize[i] = deserializeRun(serde, encoded);
            }
            System.out.printf("serialize:   median %,.0f records/s  (runs: %s)%n", median(serialize), runs(serialize));
            System.out.printf("deserialize: median %,.0f records/s  (runs: %s)%n", median(deserialize), runs(deserialize));
        } finally {
            MockSchemaRegistry.dropScope("throughput");
        }
    }

    private static double serializeRun(SpecificAvroSerde<MinistryStatement> serde, MinistryStatement statement) {
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < RECORDS_PER_RUN; i++) {
            bytes += serde.serializer().serialize(TOPIC, statement).length;
        }
        return rate(start, bytes);
    }

    private static double deserializeRun(SpecificAvroSerde<MinistryStatement> serde, byte[] encoded) {
        long checksum = 0;
        long start = System.nanoTime();
        for (int i = 0; i < RECORDS_PER_RUN; i++) {
            checksum += serde.deserializer().deserialize(TOPIC, encoded).getRevision();
        }
        return rate(start, checksum);
    }

    /** Records per second; {@code sink} is checked so the JIT cannot drop the loop. */
    private static double rate(long startNanos, long sink) {
        long elapsed = System.nanoTime() - startNanos;
        if (sink == 0) {
            throw new IllegalStateException("nothing was processed");
        }
        return RECORDS_PER_RUN / (elapsed / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String runs(double[] values) {
        return String.join(", ", Arrays.stream(values).mapToObj(v -> String.format("%,.0f", v)).toList());
    }
}
