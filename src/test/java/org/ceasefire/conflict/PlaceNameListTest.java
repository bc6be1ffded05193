package org.ceasefire.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The built-in gazetteer measured on location strings as the ministries write them
 * ({@code place-names/am-az-locations.tsv}: day, expected place ids, location).
 */
class PlaceNameListTest {
    static final String LIST = "place-names/am-az-locations.tsv";
    /** The share of strings that must resolve to exactly their places. */
    static final double MIN_CORRECT_SHARE = 0.95;

    record Case(LocalDate day, List<String> expected, String location) {
    }

    @Test
    @DisplayName("at least 95 % of 100+ real-style location strings resolve to exactly their places, and none to a wrong place")
    void resolvesTheList() throws IOException {
        List<Case> cases = read();
        PlaceResolver resolver = new PlaceResolver(GazetteerFile.builtIn());
        int correct = 0;
        List<String> falseMatches = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        long began = System.nanoTime();
        for (Case c : cases) {
            List<String> found = resolver.resolve(c.location(), c.day()).stream().map(r -> r.place().getPlaceId()).toList();
            if (found.equals(c.expected())) {
                correct++;
            } else if (!c.expected().containsAll(found)) {
                falseMatches.add(c.location() + " -> " + found + " (expected " + c.expected() + ")");
            } else {
                misses.add(c.location() + " -> " + found + " (expected " + c.expected() + ")");
            }
        }
        double microsPerString = (System.nanoTime() - began) / 1e3 / cases.size();
        double share = (double) correct / cases.size();
        System.out.printf("Place-name list: %d strings, %d resolved correctly (%.1f %%), %d false matches, %d misses; %.0f µs per string (first pass, cold)%n",
                cases.size(), correct, share * 100, falseMatches.size(), misses.size(), microsPerString);
        misses.forEach(miss -> System.out.println("  miss: " + miss));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(falseMatches).as("strings resolved to a place they do not name").isEmpty();
        assertThat(share).as("share resolved correctly; misses: %s", misses).isGreaterThanOrEqualTo(MIN_CORRECT_SHARE);
    }

    @Test
    @DisplayName("resolving one location costs well under a millisecond once warm (measured over the list, 50 rounds)")
    void costPerLocation() throws IOException {
        List<Case> cases = read();
        PlaceResolver resolver = new PlaceResolver(GazetteerFile.builtIn());
        int found = 0;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 50; round++) {
            long began = System.nanoTime();
            for (Case c : cases) {
                found += resolver.resolve(c.location(), c.day()).size();
            }
            best = Math.min(best, System.nanoTime() - began);
        }
        double micros = best / 1e3 / cases.size();
        System.out.printf("Place-name resolution: %.1f µs per location (best of 50 rounds over %d strings)%n", micros, cases.size());
        assertThat(found).isPositive();
        assertThat(micros).as("µs per location").isLessThan(500);
    }

    static List<Case> read() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(PlaceNameListTest.class.getClassLoader().getResourceAsStream(LIST), LIST);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                assertThat(fields).as(LIST + " line " + lineNumber + ": day, places, location").hasSize(3);
                List<String> expected = fields[1].equals("-") ? List.of() : List.of(fields[1].split(","));
                cases.add(new Case(LocalDate.parse(fields[0]), expected, fields[2]));
            }
        }
        return cases;
    }
}
