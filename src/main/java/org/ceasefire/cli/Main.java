package org.ceasefire.cli;

import org.ceasefire.config.InvalidConfigException;
import org.ceasefire.config.Secrets;
import org.ceasefire.ingest.KafkaSettingErrors;
import org.ceasefire.topics.TopicMisconfiguredException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line entry point: {@code java -jar target/ceasefire-monitor.jar <command>}. */
@Command(name = "ceasefire-monitor",
        mixinStandardHelpOptions = true,
        version = "ceasefire-monitor 0.1.0",
        description = "Pairs the contradictory statements of both sides of a ceasefire and keeps rolling tallies per sector.",
        subcommands = {
                DemoCommand.class,
                RunCommand.class,
                IngestCommand.class,
                GazetteerCommand.class,
                GenerateCommand.class,
                ConfigCommand.class,
                ReplayCommand.class,
                DevClusterCommand.class,
                BrokerCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::reportConfigurationProblem);
    }

    /**
     * A wrong setting or a misconfigured topic is the user's to fix: one line naming the key is more
     * use than a stack trace. Anything else is a bug and keeps its stack trace. Either way secrets
     * are hidden, as in every other output.
     */
    private static int reportConfigurationProblem(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        java.io.PrintWriter err = command.getErr();
        java.util.Optional<String> kafkaSetting = KafkaSettingErrors.describe(e);
        if (e instanceof InvalidConfigException || e instanceof TopicMisconfiguredException) {
            err.println(command.getCommandName() + ": " + Secrets.redactText(e.getMessage()));
        } else if (kafkaSetting.isPresent()) {
            err.println(command.getCommandName() + ": " + kafkaSetting.get());
        } else {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            err.print(Secrets.redactText(trace.toString()));
        }
        err.flush();
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
