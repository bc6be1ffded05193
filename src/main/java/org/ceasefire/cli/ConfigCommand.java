package org.ceasefire.cli;

import java.util.concurrent.Callable;

import org.ceasefire.config.AppSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows the effective configuration (secrets hidden) or the table of every setting. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration, secrets hidden, or with --table the table of every setting.")
public final class ConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--table", description = "Print the Markdown table of every setting (docs/configuration.md).")
    boolean table;

    @Override
    public Integer call() {
        System.out.print(table ? AppSettings.markdownTable() : options.load().describe());
        return 0;
    }
}
