package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.ingest.IngestRunner.Run;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
    static final String GOOD_1 = StatementParserTest.VALID;
    static final String GOOD_2 = GOOD_1.replace("am-1", "am-2");
    static final String BAD = GOOD_1.replace("\"issuer\":\"AM\",", "").replace("am-1", "am-3");

    @TempDir
    Path dir;

    private Run ingest(InputStream stdin, String... args) {
        return IngestRunner.ingest(dir, stdin, args);
    }

    private Run ingest(String... args) {
        return ingest(InputStream.nullInputStream(), args);
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    @DisplayName("a dry run of valid lines exits 0, sends nothing and writes no rejects file")
    void dryRunOfValidLines() throws IOException {
        write("ok.jsonl", GOOD_1, "", GOOD_2);
        Run run = ingest("--dry-run", "ok.jsonl");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("read 2, valid 2 (dry run: nothing sent), rejected 0, duplicates in the input 0");
        assertThat(run.err()).isEmpty();
        assertThat(dir.resolve("ok.jsonl.rejects.jsonl")).doesNotExist();
    }

    @Test
    @DisplayName("a clean run removes the rejects file an earlier run of the same input left")
    void cleanRunRemovesStaleRejects() throws IOException {
        write("fixed.jsonl", GOOD_1, "{\"statement_id\": \"bad one\"}");
        assertThat(ingest("--dry-run", "fixed.jsonl").exitCode()).isEqualTo(2);
        assertThat(dir.resolve("fixed.jsonl.rejects.jsonl")).exists();

        write("fixed.jsonl", GOOD_1);
        assertThat(ingest("--dry-run", "fixed.jsonl").exitCode()).isEqualTo(0);
        assertThat(dir.resolve("fixed.jsonl.rejects.jsonl")).doesNotExist();
    }

    @Test
    @DisplayName("a bad line exits 2, is named on stderr as file:line: field: reason and lands in the rejects file with its original text")
    void badLineIsRejected() throws IOException {
        write("mixed.jsonl", GOOD_1, BAD, GOOD_2);
        Run run = ingest("--dry-run", "mixed.jsonl");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mixed.jsonl:2: issuer: required field is missing");
        assertThat(run.out()).contains("read 3, valid 2 (dry run: nothing sent), rejected 1,");
        List<String> rejects = Files.readAllLines(dir.resolve("mixed.jsonl.rejects.jsonl"));
        assertThat(rejects).hasSize(1);
        JsonNode reject = new ObjectMapper().readTree(rejects.get(0));
        assertThat(reject.get("source").asText()).isEqualTo("mixed.jsonl");
        assertThat(reject.get("line").asInt()).isEqualTo(2);
        assertThat(reject.get("original").asText()).isEqualTo(BAD);
        assertThat(reject.get("reasons")).extracting(JsonNode::asText).containsExactly("issuer: required field is missing");
    }

    @Test
    @DisplayName("standard input is read with -, and its rejects go to stdin.rejects.jsonl in the working directory")
    void readsStdin() throws IOException {
        String input = String.join("\n", GOOD_1, BAD) + "\n";
        Run run = ingest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "--dry-run", "-");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("stdin:2: issuer: required field is missing");
        assertThat(Files.readAllLines(dir.resolve("stdin.rejects.jsonl"))).hasSize(1);
    }

    @Test
    @DisplayName("--rejects collects the rejects of every input in one file; a glob matches several inputs in order")
    void globAndRejectsOption() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        write("in/a.jsonl", BAD);
        write("in/b.jsonl", BAD.replace("am-3", "am-4"));
        Run run = ingest("--dry-run", "--rejects", "all-rejects.jsonl", "in/*.jsonl");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("in/a.jsonl:1: issuer", "in/b.jsonl:1: issuer");
        assertThat(Files.readAllLines(dir.resolve("all-rejects.jsonl"))).hasSize(2);
        assertThat(run.out()).contains("read 2, valid 0");
    }

    @Test
    @DisplayName("the same id and revision twice in the input is counted as a duplicate")
    void countsDuplicates() throws IOException {
        write("dup.jsonl", GOOD_1, GOOD_2, GOOD_1, GOOD_1.replace("\"issuer\"", "\"revision\":2,\"issuer\""));
        Run run = ingest("--dry-run", "dup.jsonl");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("read 4, valid 4 (dry run: nothing sent), rejected 0, duplicates in the input 1");
    }

    @Test
    @DisplayName("CSV is recognised by its extension, or forced with --format csv on any name")
    void readsCsv() throws IOException {
        String csv = "statement_id,issuer,published_at,incident_start,claim,accused,casualties\n"
                + "az-1,AZ,2023-04-11T17:10:00+04:00,2023-04-11T16:00:00+04:00,ACCUSATION,AM,AZ:3:0:false\n"
                + "az-2,AZ,2023-04-11T17:10:00+04:00,2023-04-11T16:00:00+04:00,ACCUSATION,AZ,\n";
        Files.writeString(dir.resolve("s.csv"), csv);
        Files.writeString(dir.resolve("s.txt"), csv);
        Run byExtension = ingest("--dry-run", "s.csv");
        assertThat(byExtension.exitCode()).isEqualTo(2);
        assertThat(byExtension.err()).contains("s.csv:3: accused: equals the issuer AZ");
        Run forced = ingest("--dry-run", "--format", "csv", "s.txt");
        assertThat(forced.out()).contains("read 2, valid 1");
    }

    @Test
    @DisplayName("a missing input exits 1 and names it")
    void missingInput() {
        Run run = ingest("--dry-run", "nope.jsonl", "none-*.jsonl");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ingest: no such file: nope.jsonl; no file matches none-*.jsonl");
    }

    @Test
    @DisplayName("an unreachable broker exits 1 before reading, naming the address and where it was configured")
    void unreachableBroker() throws IOException {
        write("ok.jsonl", GOOD_1);
        String address = "127.0.0.1:" + EmbeddedKafka.freePort();
        Run run = ingest("--bootstrap-servers", address, "--check-timeout", "1s", "ok.jsonl");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ingest: Cannot reach the Kafka broker at " + address + " (set by command line) within 1 s");
        assertThat(run.out()).isEmpty();
    }
}
