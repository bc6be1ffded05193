package org.ceasefire.config;

import java.util.List;

/** Every setting the application reads, with its default and meaning: the source of docs/configuration.md. */
public final class AppSettings {
    public static final Setting BOOTSTRAP_SERVERS = new Setting("bootstrap.servers", "localhost:9092",
            "Kafka brokers to connect to (Kafka's own key, passed to every client).");
    public static final Setting SCHEMA_REGISTRY_URL = new Setting("schema.registry.url", "http://localhost:8081",
            "Schema Registry URL(s), comma-separated for fail-over (Confluent's key, passed to the serde).");
    public static final Setting APPLICATION_ID = new Setting("application.id", "ceasefire-monitor",
            "Kafka Streams application id: instances with the same id share the work.");
    public static final Setting PROCESSING_GUARANTEE = new Setting("processing.guarantee", "exactly_once_v2",
            "Kafka Streams processing guarantee.");
    public static final Setting TOPIC_PREFIX = new Setting("ceasefire.topic.prefix", "ceasefire.",
            "Prefix of every topic name.");
    /** One default for run, demo and dev-cluster, so that topics one creates are the topics the other expects. */
    public static final String DEFAULT_PARTITIONS = "6";
    public static final Setting TOPIC_PARTITIONS = new Setting("ceasefire.topic.partitions", DEFAULT_PARTITIONS,
            "Partitions of the data topics when the app creates them (the most instances that can share the work); "
                    + "existing topics keep theirs, and must all have the same count.");
    public static final Setting TOPIC_REPLICATION_FACTOR = new Setting("ceasefire.topic.replication.factor", "-1",
            "Replication factor of the topics the app creates; -1 takes the broker's default.replication.factor.");
    public static final Setting CONFLICT_FILE = new Setting("ceasefire.conflict.file", "",
            "Conflict definition and gazetteer JSON file; empty uses the built-in Armenia–Azerbaijan file.");
    public static final Setting PAIRING_DISTANCE = new Setting("ceasefire.pairing.distance", "PT6H",
            "Largest gap between two incident times that can still pair (ISO-8601 duration).");
    public static final Setting PAIRING_HORIZON = new Setting("ceasefire.pairing.horizon", "PT72H",
            "A statement appended to the log longer than this after its incident is late: tallied, flagged, not paired by time.");
    public static final Setting HTTP_HOST = new Setting("ceasefire.http.host", "127.0.0.1",
            "Address the query API and dashboard bind to; 0.0.0.0 for every interface.");
    public static final Setting HTTP_PORT = new Setting("ceasefire.http.port", "8080",
            "Port of the query API and dashboard; 0 picks a free port.");
    public static final Setting ADVERTISED_HTTP = new Setting("ceasefire.http.advertised", "",
            "host:port other instances use to reach this one's API (Kafka Streams application.server); empty uses host and port above.");
    public static final Setting MAP_TILES = new Setting("ceasefire.dashboard.map.tiles", "none",
            "Background tiles of the dashboard's map: none (plain background, no request elsewhere) or an http(s) URL template with {z}, {x}, {y}.");
    public static final Setting DATA_DIR = new Setting("ceasefire.data.dir", "~/.ceasefire-monitor",
            "The app's own folder: Kafka Streams state (unless state.dir is set) and logs; ~ is the user's home directory.");
    public static final Setting STATE_DIR = new Setting("state.dir", "",
            "Kafka Streams state directory; empty uses state/ in ceasefire.data.dir. Streams keeps one folder per application.id in it; "
                    + "state built on another cluster or by another topology, or that cannot be opened, "
                    + "is deleted and rebuilt from the changelogs.");
    public static final Setting SERDE_CLASS = new Setting("ceasefire.avro.serde.class", "org.ceasefire.registry.serde.SpecificAvroSerde",
            "Avro serde class; io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde works when Confluent's jar is on the class path.");
    public static final Setting SHUTDOWN_TIMEOUT = new Setting("ceasefire.shutdown.timeout", "PT30S",
            "How long a graceful shutdown may take before the process exits anyway.");

    public static final List<Setting> ALL = List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, APPLICATION_ID, PROCESSING_GUARANTEE,
            TOPIC_PREFIX, TOPIC_PARTITIONS, TOPIC_REPLICATION_FACTOR, CONFLICT_FILE, PAIRING_DISTANCE, PAIRING_HORIZON,
            HTTP_HOST, HTTP_PORT, ADVERTISED_HTTP, MAP_TILES, DATA_DIR, STATE_DIR, SERDE_CLASS, SHUTDOWN_TIMEOUT);

    private AppSettings() {
    }

    /** The settings table of docs/configuration.md. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder()
                .append("| key | environment variable | default | meaning |\n")
                .append("| --- | --- | --- | --- |\n");
        for (Setting setting : ALL) {
            table.append("| `").append(setting.key()).append("` | `").append(setting.environmentVariable()).append("` | ")
                    .append(setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`").append(" | ")
                    .append(setting.meaning()).append(" |\n");
        }
        return table.toString();
    }
}
