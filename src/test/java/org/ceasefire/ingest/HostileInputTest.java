package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceasefire.ingest.IngestRunner.Run;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input a careless user or an attacker would give {@code ingest}: characters outside the BMP,
 * binary files, bytes that are not UTF-8, escapes that are half a character, lines of any length and
 * CSV headers with the wrong names. The contract for all of them: exit 2, a summary, every bad line
 * rejected with a reason naming where it is, every good line sent.
 */
class HostileInputTest {
    private static final String GOOD_1 = IngestCommandTest.GOOD_1;
    private static final String GOOD_2 = IngestCommandTest.GOOD_2;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Run ingest(String... args) {
        return IngestRunner.ingest(dir, InputStream.nullInputStream(), args);
    }

    private List<JsonNode> rejects(String input) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(input + ".rejects.jsonl"), StandardCharsets.UTF_8)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    @DisplayName("an emoji in a text is kept; one outside any string is rejected naming its code point, and the run finishes")
    void charactersOutsideTheBmp() throws IOException {
        String withEmoji = GOOD_2.replace("\"location\":\"Tegh\"", "\"location\":\"Tegh\",\"text\":\"shelling \uD83D\uDE00 at dawn\"");
        Files.writeString(dir.resolve("emoji.jsonl"), GOOD_1 + "\n\uD83D\uDE00{\"statement_id\":\"x\"}\n" + withEmoji + "\n");
        Run run = ingest("--dry-run", "emoji.jsonl");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("read 3, valid 2 (dry run: nothing sent), rejected 1,");
        assertThat(run.err()).contains("emoji.jsonl:2: (record): not valid JSON: Unexpected character (U+1F600)")
                .contains("(at column 1)")
                .doesNotContain("55357");
        List<JsonNode> rejects = rejects("emoji.jsonl");
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0).get("original").asText()).startsWith("\uD83D\uDE00{");
    }

    @Test
    @DisplayName("a binary file is read to its end: every line rejected and recorded, the good line after it still valid")
    void binaryFile() throws IOException {
        byte[] noise = new byte[1 << 20];
        new Random(19).nextBytes(noise);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(noise);
        file.write(("\n" + GOOD_1 + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("noise.bin"), file.toByteArray());
        long nonBlankNoiseLines = nonBlankLines(noise);

        Run run = ingest("--dry-run", "--format", "jsonl", "noise.bin");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("read " + (nonBlankNoiseLines + 1) + ", valid 1 (dry run: nothing sent), rejected "
                + nonBlankNoiseLines + ",");
        assertThat(rejects("noise.bin")).hasSize((int) nonBlankNoiseLines)
                .allSatisfy(reject -> assertThat(reject.get("reasons").get(0).asText()).startsWith("(record): not "));
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are rejected naming the line and the offset of the first bad byte")
    void invalidUtf8() throws IOException {
        byte[] prefix = (GOOD_1 + "\n{\"statement_id\":\"").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(prefix);
        file.write(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28});
        file.write(("\"}\n" + GOOD_2 + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("latin.jsonl"), file.toByteArray());
        int lineStart = GOOD_1.length() + 1;
        int badInLine = prefix.length - lineStart;

        Run run = ingest("--dry-run", "latin.jsonl");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("read 3, valid 2");
        assertThat(run.err()).contains("latin.jsonl:2: (record): not UTF-8 text: byte 0xFF at offset " + badInLine
                + " of the line (offset " + prefix.length + " of the input)");
        JsonNode reject = rejects("latin.jsonl").get(0);
        assertThat(reject.get("bytes").get("from").asLong()).isEqualTo(lineStart);
        assertThat(reject.get("bytes").get("to").asLong()).isEqualTo(prefix.length + 4 + 2);
        assertThat(reject.has("original")).isFalse();
        assertThat(reject.get("excerpt").asText()).startsWith("{\"statement_id\":\"\uFFFD");
    }

    @Test
    @DisplayName("an escape that is half a surrogate pair is rejected naming the field, not sent as '?'")
    void loneSurrogateEscape() throws IOException {
        String half = GOOD_2.replace("\"location\":\"Tegh\"", "\"location\":\"Tegh\",\"text\":\"a\\ud800b\"");
        Files.writeString(dir.resolve("half.jsonl"), GOOD_1 + "\n" + half + "\n");
        Run run = ingest("--dry-run", "half.jsonl");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("read 2, valid 1");
        assertThat(run.err()).contains("half.jsonl:2: text: contains an escape such as \\ud800 that is half of a surrogate pair");
    }

    @Test
    @DisplayName("by default a line over 1 MiB is rejected unread; the rejects file keeps an excerpt and its byte range")
    void overLongLineWithTheDefaultLimit() throws IOException {
        String longLine = "{\"text\":\"" + "x".repeat(2 << 20) + "\"}";
        Files.writeString(dir.resolve("long.jsonl"), GOOD_1 + "\n" + longLine + "\n" + GOOD_2 + "\n");
        Run run = ingest("--dry-run", "long.jsonl");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("read 3, valid 2");
        long from = GOOD_1.length() + 1;
        long to = from + longLine.length();
        assertThat(run.err()).contains("long.jsonl:2: (record): the line is " + longLine.length()
                + " bytes long, more than the limit of 1048576 (bytes " + from + "-" + to + " of the input)");
        assertThat(Files.size(dir.resolve("long.jsonl.rejects.jsonl"))).isLessThan(2_000);
        JsonNode reject = rejects("long.jsonl").get(0);
        assertThat(reject.get("excerpt").asText()).startsWith("{\"text\":\"xxx").hasSizeLessThanOrEqualTo(InputLines.EXCERPT_BYTES + 1);
        assertThat(reject.get("bytes").get("from").asLong()).isEqualTo(from);
        assertThat(reject.get("bytes").get("to").asLong()).isEqualTo(to);
    }

    @Test
    @DisplayName("--max-line-bytes sets the limit; a CSV quote left open is cut at it and reading goes on")
    void maxLineBytesOption() throws IOException {
        String header = "statement_id,issuer,published_at,incident_start,claim,accused,text";
        String row = "az-%d,AZ,2023-04-11T17:10:00+04:00,2023-04-11T16:00:00+04:00,ACCUSATION,AM,%s";
        StringBuilder csv = new StringBuilder(header).append('\n').append(String.format(row, 1, "fine")).append('\n');
        csv.append(String.format(row, 2, "\"never closed")).append('\n');
        for (int i = 0; i < 30; i++) {
            csv.append("more of the open cell, line ").append(i).append('\n');
        }
        csv.append(String.format(row, 3, "fine")).append('\n');
        Files.writeString(dir.resolve("open.csv"), csv);

        Run run = ingest("--dry-run", "--max-line-bytes", "500", "open.csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("open.csv:3: (record): a quoted cell is still open after 500 characters");
        assertThat(run.out()).contains("valid 2");
        assertThat(ingest("--dry-run", "--max-line-bytes", "0", "open.csv").err()).contains("--max-line-bytes must be at least 1");
    }

    @Test
    @DisplayName("a CSV header column that is not a field is named in every row's rejection, even where its cell is empty")
    void csvUnknownColumns() throws IOException {
        Files.writeString(dir.resolve("wrong.csv"), "statement_id,issuer,publishd_at,incident_start,claim,accused,notes\n"
                + "az-1,AZ,2023-04-11T17:10:00+04:00,2023-04-11T16:00:00+04:00,ACCUSATION,AM,\n");
        Run run = ingest("--dry-run", "wrong.csv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("wrong.csv:2: ")
                .contains("published_at: required field is missing")
                .contains("publishd_at: unknown column in the header (line 1)")
                .contains("notes: unknown column in the header (line 1)")
                .doesNotContain("unknown field");
    }

    /** Lines as the reader counts them: split at \n, a \r before it dropped, blank ones skipped. */
    private static long nonBlankLines(byte[] bytes) {
        long count = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                if (i > start && !new String(bytes, start, end - start, StandardCharsets.UTF_8).isBlank()) {
                    count++;
                }
                start = i + 1;
            }
        }
        return count;
    }
}
