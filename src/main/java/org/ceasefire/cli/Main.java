package org.ceasefire.cli;

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
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
