package org.ceasefire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.ceasefire.avro.Place;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.ingest.GazetteerLoader;
import org.ceasefire.ingest.Reachability;
import org.ceasefire.registry.serde.AvroSerdes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gazetteer}: commands about the conflict definition and its places. */
@Command(name = "gazetteer", mixinStandardHelpOptions = true,
        description = "Work with the conflict definition and gazetteer.",
        subcommands = {GazetteerCommand.Load.class, GazetteerResolveCommand.class, GazetteerCheckCommand.class, CommandLine.HelpCommand.class})
public final class GazetteerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code gazetteer load [FILE]}: writes the places of a conflict file to the gazetteer topic. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load the places of a conflict definition file (default: the built-in one) into the gazetteer topic.")
    public static final class Load implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions connection = new ConfigOptions();

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Conflict definition and gazetteer JSON.")
        Path file;

        @Option(names = "--check-timeout", defaultValue = "5s", converter = DurationConverter.class,
                description = "How long to wait for the broker and the registry before giving up (default: ${DEFAULT-VALUE}).")
        Duration checkTimeout;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<GazetteerFile> read = ConflictFiles.readOrReport(file, "gazetteer load", err);
            if (read.isEmpty()) {
                return 1;
            }
            GazetteerFile gazetteer = read.get();
            String topic = connection.topics().gazetteer();
            Reachability reachability = new Reachability(checkTimeout);
            Optional<String> problem = reachability.broker(connection.clientProperties(), connection.bootstrapServersSource(), List.of(topic))
                    .or(() -> reachability.registry(connection.schemaRegistryUrl(), connection.schemaRegistryUrlSource()));
            if (problem.isPresent()) {
                err.println("gazetteer load: " + problem.get());
                return 1;
            }
            int loaded = new GazetteerLoader(connection.clientProperties(),
                    AvroSerdes.<Place>specific(connection.clientProperties(), false).serializer()).load(gazetteer.places(), topic);
            out.printf("Loaded %d places of conflict %s (%d sectors) into %s.%n", loaded, gazetteer.conflict().id(),
                    gazetteer.conflict().sectors().size(), topic);
            return 0;
        }
    }
}
