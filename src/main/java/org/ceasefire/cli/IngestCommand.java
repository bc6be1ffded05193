package org.ceasefire.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serializer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.config.Secrets;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.contract.StatementValidator;
import org.ceasefire.ingest.DryRunSink;
import org.ceasefire.ingest.IngestStats;
import org.ceasefire.ingest.Ingestor;
import org.ceasefire.ingest.Input;
import org.ceasefire.ingest.InputFormat;
import org.ceasefire.ingest.InputLines;
import org.ceasefire.ingest.InputResolver;
import org.ceasefire.ingest.KafkaStatementSink;
import org.ceasefire.ingest.Reachability;
import org.ceasefire.ingest.StatementChecker;
import org.ceasefire.ingest.StatementSink;
import org.ceasefire.ingest.TerminalProgress;
import org.ceasefire.registry.serde.AvroSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ingest}: validates statements from JSON Lines or CSV and produces them, as Avro, to the statements topic. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Validate statements (JSON Lines or CSV) and send them to the statements topic.",
                "CSV: a header row of the contract's field names; weapons as small_arms;mortar; casualties as "
                        + "PARTY:KILLED:WOUNDED:CIVILIAN separated by ; (AM:4:6:false;AZ:3:0:false)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every statement was sent", "2:some records were rejected (the others were sent)",
                "1:the broker or the registry could not be reached, an input is missing, or sending failed"})
public final class IngestCommand implements Callable<Integer> {
    public static final int ALL_SENT = 0;
    public static final int FAILED = 1;
    public static final int SOME_REJECTED = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions connection = new ConfigOptions();

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or globs to read; - for standard input.")
    List<String> inputs;

    @Option(names = "--conflict", paramLabel = "FILE", description = "Conflict definition and gazetteer (default: the built-in Armenia–Azerbaijan one).")
    Path conflictFile;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where rejected records go (default: <input>.rejects.jsonl next to each input; stdin.rejects.jsonl for stdin).")
    Path rejects;

    @Option(names = "--dry-run", description = "Validate only; send nothing and contact no broker.")
    boolean dryRun;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "jsonl|csv|auto", converter = FormatConverter.class,
            description = "Input format (default: ${DEFAULT-VALUE}: by file extension, else by the first character).")
    InputFormat format;

    @Option(names = "--check-timeout", defaultValue = "5s", converter = DurationConverter.class,
            description = "How long to wait for the broker and the registry before giving up (default: ${DEFAULT-VALUE}).")
    Duration checkTimeout;

    @Option(names = "--max-line-bytes", defaultValue = "" + InputLines.DEFAULT_MAX_LINE_BYTES, paramLabel = "BYTES",
            description = "The longest line read; a longer one is rejected unread, with only its start and its byte range "
                    + "in the rejects file (default: ${DEFAULT-VALUE}, 1 MiB).")
    int maxLineBytes;

    private final InputStream stdin;
    private final Path workingDirectory;

    public IngestCommand() {
        this(System.in, Path.of("").toAbsolutePath());
    }

    /** For tests: a given standard input and working directory. */
    public IngestCommand(InputStream stdin, Path workingDirectory) {
        this.stdin = stdin;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Input> resolved;
        StatementChecker checker;
        if (maxLineBytes < 1) {
            err.println("ingest: --max-line-bytes must be at least 1, not " + maxLineBytes);
            return FAILED;
        }
        try {
            resolved = new InputResolver(workingDirectory).resolve(inputs);
            checker = new StatementChecker(new StatementValidator(GazetteerFile.readOrBuiltIn(absolute(conflictFile)).conflict()));
        } catch (RuntimeException e) {
            err.println("ingest: " + Secrets.redactText(e.getMessage()));
            return FAILED;
        }
        if (!dryRun) {
            Optional<String> unreachable = unreachable();
            if (unreachable.isPresent()) {
                err.println("ingest: " + unreachable.get());
                return FAILED;
            }
        }
        IngestStats stats;
        try (StatementSink sink = dryRun ? new DryRunSink() : kafkaSink()) {
            Ingestor ingestor = new Ingestor(checker, sink, err, TerminalProgress.forConsole(err), stdin, maxLineBytes);
            Function<Input, Path> rejectsFor = input -> rejects != null ? absolute(rejects) : input.defaultRejects(workingDirectory);
            stats = ingestor.run(resolved, format, rejectsFor, dryRun);
            if (sink.failed() > 0) {
                err.println("ingest: " + sink.failed() + " statement(s) could not be sent to " + connection.bootstrapServers()
                        + "; first error: " + Secrets.redactText(String.valueOf(sink.firstFailure())));
            }
        }
        out.println(stats.summary());
        out.flush();
        err.flush();
        if (stats.failed() > 0) {
            return FAILED;
        }
        return stats.rejected() > 0 ? SOME_REJECTED : ALL_SENT;
    }

    private Optional<String> unreachable() {
        Reachability reachability = new Reachability(checkTimeout);
        Optional<String> broker = reachability.broker(connection.clientProperties(), connection.bootstrapServersSource(),
                List.of(connection.topics().statements()));
        return broker.isPresent() ? broker : reachability.registry(connection.schemaRegistryUrl(), connection.schemaRegistryUrlSource());
    }

    private StatementSink kafkaSink() {
        Serializer<MinistryStatement> serializer = AvroSerdes.<MinistryStatement>specific(connection.clientProperties(), false).serializer();
        return new KafkaStatementSink(KafkaStatementSink.producerConfig(connection.clientProperties()), serializer, connection.topics().statements(),
                KafkaStatementSink.DEFAULT_MAX_IN_FLIGHT);
    }

    /** Accepts the format in any case, whether or not the command line allows case-insensitive enums. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            try {
                return InputFormat.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format: use jsonl, csv or auto");
            }
        }
    }

    private Path absolute(Path path) {
        return path == null ? null : workingDirectory.resolve(path);
    }
}
