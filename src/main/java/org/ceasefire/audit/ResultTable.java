package org.ceasefire.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.ceasefire.embedded.EmbeddedKafka;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * The latest output record per key, kept on disk (RocksDB in a temporary folder) so that the results
 * of a history of any length fit in a bounded heap. Keys are ordered by their UTF-8 bytes: the order
 * of every report and of every comparison. Values are Avro binary of one record class. Not thread-safe.
 */
public final class ResultTable<V extends SpecificRecord> implements AutoCloseable {
    /** The order of keys in a table: by their UTF-8 bytes, unsigned. */
    public static final Comparator<String> KEY_ORDER = Comparator.comparing(
            (String key) -> key.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final Options options;
    private final WriteOptions writes;
    private final RocksDB db;
    private final SpecificDatumWriter<V> writer;
    private final SpecificDatumReader<V> reader;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;
    private long size;

    public ResultTable(Class<V> type) {
        try {
            dir = Files.createTempDirectory("ceasefire-results-");
            options = new Options().setCreateIfMissing(true);
            // A scratch table: rebuilt from the log after any crash, so it needs no write-ahead log.
            writes = new WriteOptions().setDisableWAL(true);
            db = RocksDB.open(options, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for replay results", e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot open a results table: " + e.getMessage(), e);
        }
        writer = new SpecificDatumWriter<>(type);
        reader = new SpecificDatumReader<>(type);
    }

    /** A table holding a copy of {@code records}. */
    public static <V extends SpecificRecord> ResultTable<V> copyOf(Class<V> type, Map<String, V> records) {
        ResultTable<V> table = new ResultTable<>(type);
        records.forEach(table::put);
        return table;
    }

    /** Sets the latest record of a key; a null record removes the key, as a tombstone does on a compacted topic. */
    public void put(String key, V record) {
        if (record == null) {
            remove(key);
            return;
        }
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        try {
            if (!db.keyExists(k)) {
                size++;
            }
            db.put(writes, k, encode(record));
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot write result " + key + ": " + e.getMessage(), e);
        }
    }

    public void remove(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        try {
            if (db.keyExists(k)) {
                size--;
                db.delete(writes, k);
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot remove result " + key + ": " + e.getMessage(), e);
        }
    }

    /** The record of a key, or null. */
    public V get(String key) {
        try {
            byte[] value = db.get(key.getBytes(StandardCharsets.UTF_8));
            return value == null ? null : decode(value);
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot read result " + key + ": " + e.getMessage(), e);
        }
    }

    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Every key and record in key order. */
    public void forEach(BiConsumer<String, V> action) {
        try (Cursor cursor = cursor()) {
            while (cursor.advance()) {
                action.accept(cursor.key(), cursor.value());
            }
        }
    }

    /** A copy in memory, for small tables (tests, a demo's summary). */
    public SortedMap<String, V> toMap() {
        SortedMap<String, V> map = new TreeMap<>(KEY_ORDER);
        forEach(map::put);
        return map;
    }

    /** A forward cursor over the table in key order, before its first entry; close it after use. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** Walks the table in key order: {@link #advance()} moves to the next entry, {@link #key()} and {@link #value()} read it. */
    public final class Cursor implements AutoCloseable {
        private final RocksIterator iterator = db.newIterator();
        private boolean started;

        private Cursor() {
        }

        /** Moves to the next entry (the first, on the first call); false when there is none. */
        public boolean advance() {
            if (started) {
                iterator.next();
            } else {
                iterator.seekToFirst();
                started = true;
            }
            return iterator.isValid();
        }

        public String key() {
            return new String(iterator.key(), StandardCharsets.UTF_8);
        }

        public V value() {
            return decode(iterator.value());
        }

        @Override
        public void close() {
            iterator.close();
        }
    }

    private byte[] encode(V record) {
        buffer.reset();
        encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
        try {
            writer.write(record, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private V decode(byte[] bytes) {
        decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
        try {
            return reader.read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException("A results table holds a record it cannot read", e);
        }
    }

    @Override
    public void close() {
        db.close();
        writes.close();
        options.close();
        EmbeddedKafka.deleteRecursively(dir);
    }
}
