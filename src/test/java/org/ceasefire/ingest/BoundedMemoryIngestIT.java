package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ceasefire.cli.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the length of a line: a 50 MB line and many lines just under the limit
 * are ingested by a JVM with a 96 MB heap, which exits 2 with its summary instead of running out of memory.
 */
class BoundedMemoryIngestIT {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a 50 MB line and 40 lines of 1 MB pass through a 96 MB heap: exit 2, a summary, every line accounted for")
    void hugeLinesInASmallHeap() throws IOException, InterruptedException {
        Path input = dir.resolve("huge.jsonl");
        String nearLimit = IngestCommandTest.GOOD_1.replace("\"location\":\"Tegh\"",
                "\"location\":\"Tegh\",\"text\":\"" + "y".repeat(1_000_000) + "\"");
        try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            out.write(IngestCommandTest.GOOD_1 + "\n");
            out.write("{\"text\":\"");
            for (int i = 0; i < 50; i++) {
                out.write("x".repeat(1_000_000));
            }
            out.write("\"}\n");
            for (int i = 0; i < 40; i++) {
                out.write(nearLimit.replace("am-1", "am-long-" + i) + "\n");
            }
            out.write(IngestCommandTest.GOOD_2 + "\n");
        }
        Path log = dir.resolve("ingest.log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "ingest", "--dry-run", input.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("huge.jsonl:2: (record): the line is 50000011 bytes long, more than the limit of 1048576")
                .contains("read 43, valid ");
        assertThat(Files.size(dir.resolve("huge.jsonl.rejects.jsonl"))).isLessThan(45_000_000L);
    }
}
