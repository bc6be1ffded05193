package org.ceasefire.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.TimePrecision;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.avro.StatementRef;

/** Avro records for the HTTP tests, shaped like the topology's output. */
final class QueryFixtures {
    /** Two instances' stores as one directory: a pair is owned by the instance that holds it, every statement by the first. */
    static InstanceDirectory twoInstances(InMemoryStores one, InMemoryStores two) {
        return new InstanceDirectory() {
            @Override
            public List<LocalQueries> everyInstance() {
                return List.of(one, two);
            }

            @Override
            public LocalQueries ownerOfPair(String pairId) {
                return one.contradiction(pairId).isPresent() ? one : two;
            }

            @Override
            public LocalQueries ownerOfStatement(String statementId) {
                return one;
            }
        };
    }

    static final String XSS_TEXT = "<script>window.__pwned=1</script><img src=x onerror=\"document.title='pwned'\">";

    private QueryFixtures() {
    }

    static SectorTally tally(String sector, PeriodKind kind, LocalDate start, LocalDate end, Map<String, Long> accusations) {
        return SectorTally.newBuilder()
                .setSector(sector)
                .setPeriodKind(kind)
                .setPeriodStart(start)
                .setPeriodEnd(end)
                .setStatements(accusations)
                .setAccusations(accusations)
                .setDenials(Map.of())
                .setCalmReports(Map.of())
                .setObservations(Map.of())
                .setKilledClaimed(Map.of())
                .setWoundedClaimed(Map.of())
                .setCivilianCasualtiesClaimed(Map.of())
                .setContradictions(Map.of("MUTUAL_ACCUSATION", 1L))
                .setUnansweredAccusations(0)
                .setCorroborations(0)
                .build();
    }

    static SectorTally day(String sector, String day, Map<String, Long> accusations) {
        LocalDate date = LocalDate.parse(day);
        return tally(sector, PeriodKind.DAY, date, date, accusations);
    }

    static StatementRef ref(String statementId, String issuer, String side, ClaimType claim, String accused, String incident, String text) {
        return StatementRef.newBuilder()
                .setStatementId(statementId)
                .setRevision(1)
                .setIssuer(issuer)
                .setSide(side)
                .setClaim(claim)
                .setAccused(accused)
                .setPublishedAt(Instant.parse(incident).plusSeconds(3600))
                .setIncidentStart(Instant.parse(incident))
                .setIncidentEnd(null)
                .setLocation("Tegh")
                .setPlaceId("tegh")
                .setCasualties(List.of(new Casualty(issuer, 0, 1, false, 0, 0)))
                .setWeapons(List.of("small_arms"))
                .setSourceUrl("https://example.org/" + statementId)
                .setText(text)
                .setLogPartition(0)
                .setLogOffset(0)
                .build();
    }

    static ClaimContradiction pair(String pairId, ContradictionKind kind, String sector, String incident, String amId, String azId) {
        ClaimType azClaim = kind == ContradictionKind.ACCUSATION_DENIED ? ClaimType.DENIAL
                : kind == ContradictionKind.ACCUSATION_VS_CALM ? ClaimType.CALM : ClaimType.ACCUSATION;
        return ClaimContradiction.newBuilder()
                .setPairId(pairId)
                .setKind(kind)
                .setSector(sector)
                .setIncidentStart(Instant.parse(incident))
                .setSideOne(ref(amId, "AM", "ARMENIAN", ClaimType.ACCUSATION, "AZ", incident, "Fire near Tegh."))
                .setSideTwo(ref(azId, "AZ", "AZERBAIJANI", azClaim, azClaim == ClaimType.ACCUSATION ? "AM" : null, incident, XSS_TEXT))
                .setCorroborated(false)
                .setCorroboratingStatements(List.of())
                .build();
    }

    static MinistryStatement statement(String id, int revision, String text) {
        return MinistryStatement.newBuilder()
                .setStatementId(id)
                .setRevision(revision)
                .setIssuer("AM")
                .setPublishedAt(Instant.parse("2023-04-11T13:10:00Z"))
                .setIncidentStart(Instant.parse("2023-04-11T12:00:00Z"))
                .setClaim(ClaimType.ACCUSATION)
                .setAccused("AZ")
                .setLocation("Tegh")
                .setText(text)
                .build();
    }

    /** How precisely each fixture pair is known: p-old exactly in a village, p-mid at part of the day in a district, p-new within the hour, place unknown. */
    static ClaimContradiction withPrecision(ClaimContradiction pair) {
        return switch (pair.getPairId()) {
            case "p-old" -> ClaimContradiction.newBuilder(pair).setTimePrecision(TimePrecision.EXACT).setPlacePrecision("village").build();
            case "p-mid" -> ClaimContradiction.newBuilder(pair).setTimePrecision(TimePrecision.PART_OF_DAY).setPlacePrecision("district").build();
            case "p-new" -> ClaimContradiction.newBuilder(pair).setTimePrecision(TimePrecision.HOUR).setPlacePrecision(null).build();
            default -> pair;
        };
    }

    /** Three pairs in two sectors, two places (Tegh with coordinates, Goris without), tallies for SYUNIK (casualty claims on 2023-04-11), two revisions of one statement, three unresolved names. */
    static InMemoryStores sample() {
        InMemoryStores stores = new InMemoryStores();
        LocalDate end = LocalDate.parse("2023-04-12");
        stores.tallies.add(tally("SYUNIK", PeriodKind.ROLLING_7D, end.minusDays(6), end, Map.of("AM", 3L, "AZ", 2L)));
        stores.tallies.add(tally("SYUNIK", PeriodKind.ROLLING_30D, end.minusDays(29), end, Map.of("AM", 5L, "AZ", 4L, "NK", 1L)));
        stores.tallies.add(tally("SYUNIK", PeriodKind.ALL_TIME, null, null, Map.of("AM", 7L, "AZ", 6L)));
        stores.tallies.add(day("SYUNIK", "2023-04-10", Map.of("AM", 1L)));
        stores.tallies.add(SectorTally.newBuilder(day("SYUNIK", "2023-04-11", Map.of("AM", 2L, "AZ", 2L)))
                .setKilledClaimed(Map.of("AM>AM", 1L, "AZ>AM", 5L, "AM>AZ", 7L, "EUMA>AM", 1L))
                .setWoundedClaimed(Map.of("AM>AM", 2L))
                .build());
        stores.tallies.add(day("SYUNIK", "2023-04-17", Map.of("AZ", 3L, "EUMA", 1L)));
        stores.tallies.add(day("TAVUSH-GAZAKH", "2023-04-11", Map.of("NK", 4L)));
        stores.contradictions.add(pair("p-old", ContradictionKind.MUTUAL_ACCUSATION, "SYUNIK", "2023-04-10T08:00:00Z", "am-1", "az-1"));
        stores.contradictions.add(pair("p-mid", ContradictionKind.ACCUSATION_DENIED, "TAVUSH-GAZAKH", "2023-04-11T12:00:00Z", "am-2", "az-2"));
        stores.contradictions.add(pair("p-new", ContradictionKind.ACCUSATION_VS_CALM, "SYUNIK", "2023-04-12T06:00:00Z", "am-1", "az-3"));
        stores.contradictions.replaceAll(QueryFixtures::withPrecision);
        stores.statements.add(statement("am-1", 2, "Revised: fire near Tegh."));
        stores.statements.add(statement("am-1", 1, "Fire near Tegh."));
        stores.unresolved.add(new UnresolvedPlace("Nowhere-village", 2));
        stores.unresolved.add(new UnresolvedPlace("Atlantis", 5));
        stores.unresolved.add(new UnresolvedPlace("Gorisk village", 1));
        for (org.ceasefire.avro.Place place : org.ceasefire.conflict.GazetteerFile.builtIn().places()) {
            if (place.getPlaceId().equals("tegh")) {
                stores.places.add(org.ceasefire.avro.Place.newBuilder(place).setLatitude(39.563).setLongitude(46.487).setPrecision("village").build());
            } else if (place.getPlaceId().equals("goris")) {
                // A place without coordinates: the map must cope with them missing.
                stores.places.add(org.ceasefire.avro.Place.newBuilder(place).setLatitude(null).setLongitude(null).setPrecision(null).build());
            }
        }
        stores.placeActivity.add(new PlaceActivity("tegh", Map.of("AM", 2L, "NK", 1L, "AZ", 2L, "EUMA", 4L), 2));
        return stores;
    }
}
