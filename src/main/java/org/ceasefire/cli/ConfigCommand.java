package org.ceasefire.cli;

import java.util.concurrent.Callable;

import org.ceasefire.config.AppSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows the effective configuration (secrets hidden) or the table of every setting. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration, secrets hidden, or with --table the table of every setting.")
public final class ConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--table", description = "Print the Markdown table of every setting (docs/configuration.md).")
    boolean table;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(table ? AppSettings.markdownTable() : options.load().describe());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
