package org.ceasefire.cli;

import java.nio.file.Path;

import org.ceasefire.config.AppConfig;
import org.ceasefire.config.AppSettings;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.TopologyConfig;

/** Builds the topology's configuration from the application's. */
final class TopologyConfigs {
    private TopologyConfigs() {
    }

    static GazetteerFile conflictFile(AppConfig config) {
        String file = config.get(AppSettings.CONFLICT_FILE);
        return GazetteerFile.readOrBuiltIn(file.isBlank() ? null : Path.of(file));
    }

    static TopologyConfig from(AppConfig config) {
        return new TopologyConfig(new Topics(config.get(AppSettings.TOPIC_PREFIX)), conflictFile(config).conflict(),
                config.getDuration(AppSettings.PAIRING_DISTANCE), config.getDuration(AppSettings.PAIRING_HORIZON),
                config.clientProperties());
    }
}
