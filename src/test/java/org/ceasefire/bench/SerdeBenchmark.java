package org.ceasefire.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.ingest.generator.StatementGenerator;
import org.ceasefire.registry.MockSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * JMH benchmark (not a test) of the Avro serde on the wire format (magic byte, schema id, Avro
 * binary): one operation is one record, so ops/s is records/s. The records are generated statements,
 * 10,000 of them cycled, so that the branch predictor and caches see varied records rather than one.
 * The registry is an in-memory {@code mock://} one: after the first record the schema id is cached,
 * as against a real registry, and no registry call is timed. {@link SerdeJmhRun} runs it for
 * {@link PipelineBenchmark}; the annotations are the defaults of a run by hand.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
public class SerdeBenchmark {
    static final String TOPIC = "ceasefire.statements";
    static final int RECORDS = 10_000;
    private static final String SCOPE = "bench-serde";

    private MinistryStatement[] records;
    private byte[][] encoded;
    private Serde<MinistryStatement> serde;
    private Serializer<MinistryStatement> serializer;
    private Deserializer<MinistryStatement> deserializer;
    private int next;

    /** The records of every serde measurement: the same world and seed as the rest of the run. */
    static MinistryStatement[] statements() {
        List<MinistryStatement> statements = new ArrayList<>(RECORDS);
        new StatementGenerator(Worlds.world(50, 1), 1).generate(RECORDS, statements::add);
        return statements.toArray(MinistryStatement[]::new);
    }

    static Serde<MinistryStatement> serde() {
        return AvroSerdes.specific(Map.of("schema.registry.url", MockSchemaRegistry.MOCK_URL_PREFIX + SCOPE), false);
    }

    @Setup(Level.Trial)
    public void setUp() {
        records = statements();
        serde = serde();
        serializer = serde.serializer();
        deserializer = serde.deserializer();
        // Encoding every record once registers the schema, so neither benchmark times a registration.
        encoded = new byte[records.length][];
        for (int i = 0; i < records.length; i++) {
            encoded[i] = serializer.serialize(TOPIC, records[i]);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        serde.close();
        MockSchemaRegistry.dropScope(SCOPE);
    }

    /** Returned, so JMH consumes it and the encoding cannot be optimised away. */
    @Benchmark
    public byte[] serialize() {
        return serializer.serialize(TOPIC, records[advance()]);
    }

    @Benchmark
    public MinistryStatement deserialize() {
        return deserializer.deserialize(TOPIC, encoded[advance()]);
    }

    private int advance() {
        int i = next;
        next = i + 1 == RECORDS ? 0 : i + 1;
        return i;
    }
}
