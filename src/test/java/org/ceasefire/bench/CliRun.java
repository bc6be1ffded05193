package org.ceasefire.bench;

import java.util.Arrays;
import java.util.Locale;

import org.ceasefire.cli.Main;

/** A benchmark child (not a test): runs one CLI command ({@code ingest}, {@code replay}) and reports its wall time and memory. */
public final class CliRun {
    private CliRun() {
    }

    public static void main(String[] args) {
        Resources resources = new Resources();
        long began = System.nanoTime();
        int code = Main.commandLine().execute(args);
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT seconds=%.3f%n", seconds);
        System.out.println("RESULT exit=" + code);
        resources.print();
        System.out.flush();
        System.exit(code == 0 ? 0 : 10 + code);
    }

    static String describe(String[] args) {
        return String.join(" ", Arrays.asList(args));
    }
}
