package org.ceasefire.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.ingest.generator.StatementGenerator;
import org.ceasefire.registry.MockSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;

/**
 * A benchmark child (not a test): the Avro serde's single-thread throughput on the generated
 * statements (the same records as the rest of the run, 10,000 of them cycled), with the schema id
 * cached as it is against a real registry. Warm-up rounds, then measured rounds; a careful loop
 * whose results are consumed, rather than JMH.
 */
public final class SerdeRun {
    private static final String TOPIC = "ceasefire.statements";

    private SerdeRun() {
    }

    public static void main(String[] argv) {
        Args args = new Args(argv);
        int rounds = (int) args.getLong("repeats", 5);
        int perRound = (int) args.getLong("perRound", 500_000);
        List<MinistryStatement> statements = new ArrayList<>();
        new StatementGenerator(Worlds.world(50, 1), 1).generate(10_000, statements::add);
        MinistryStatement[] records = statements.toArray(MinistryStatement[]::new);
        try {
            Serde<MinistryStatement> serde = AvroSerdes.specific(Map.of("schema.registry.url", "mock://bench-serde"), false);
            byte[][] encoded = new byte[records.length][];
            long bytes = 0;
            for (int i = 0; i < records.length; i++) {
                encoded[i] = serde.serializer().serialize(TOPIC, records[i]);
                bytes += encoded[i].length;
            }
            System.out.println("RESULT recordBytes=" + bytes / records.length);
            for (int i = 0; i < 3; i++) {
                serialize(serde, records, perRound);
                deserialize(serde, encoded, perRound);
            }
            double[] ser = new double[rounds];
            double[] de = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                ser[i] = serialize(serde, records, perRound);
                de[i] = deserialize(serde, encoded, perRound);
            }
            System.out.println("RESULT serialize=" + join(ser));
            System.out.println("RESULT deserialize=" + join(de));
        } finally {
            MockSchemaRegistry.dropScope("bench-serde");
        }
        System.exit(0);
    }

    private static double serialize(Serde<MinistryStatement> serde, MinistryStatement[] records, int n) {
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += serde.serializer().serialize(TOPIC, records[i % records.length]).length;
        }
        return rate(start, n, sink);
    }

    private static double deserialize(Serde<MinistryStatement> serde, byte[][] encoded, int n) {
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += serde.deserializer().deserialize(TOPIC, encoded[i % encoded.length]).getRevision();
        }
        return rate(start, n, sink);
    }

    private static double rate(long start, int n, long sink) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink == 0) {
            throw new IllegalStateException("nothing processed");
        }
        return n / seconds;
    }

    private static String join(double[] values) {
        return String.join(";", Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }
}
