package org.ceasefire.ingest.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.TimePrecision;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorAssignment;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Party;
import org.ceasefire.conflict.PlaceResolver;
import org.ceasefire.conflict.Side;

/**
 * Generates realistic synthetic statements for load tests and demos, from a conflict definition and
 * its gazetteer only (nothing about a particular conflict is in the code). Statements come in
 * episodes, the way incidents are reported: mutual accusations, an accusation and its denial (with
 * or without refers_to, some published days later), an accusation against the other side's calm
 * report, unanswered accusations, calm reports, monitors' observations, revisions, retractions and
 * late arrivals. Each side names places in its own spelling and claims its own casualty figures.
 *
 * <p>The output depends only on the seed and the settings, never on the clock, so the same seed
 * gives the same statements in the same order. Statements published later than the incident they
 * answer are held back and emitted when the episode clock reaches their publication, so the output
 * is roughly in publication order and memory stays bounded.
 */
public final class StatementGenerator {
    /** Where the generated timeline starts, unless set. */
    public static final Instant DEFAULT_START = Instant.parse("2021-06-01T00:00:00Z");
    public static final int DEFAULT_DAYS = 730;

    private static final String[] WEAPONS = {"small_arms", "small_arms", "large_calibre_machine_gun", "sniper_rifle", "mortar",
            "grenade_launcher", "artillery", "drone"};
    private static final int RECENT = 512;

    private final ConflictDefinition conflict;
    private final List<Place> places;
    private final SpellingBook spellings;
    private final SplittableRandom random;
    private final Instant start;
    private final long spanMinutes;

    private final PriorityQueue<Pending> held = new PriorityQueue<>();
    /** The last day each party reported calm for: a ministry's calm report is its one daily summary. */
    private final Map<String, LocalDate> lastCalmDay = new HashMap<>();
    private final MinistryStatement[] recent = new MinistryStatement[RECENT];
    private long created;
    private long sequence;
    private long limit;
    private Instant clock;
    private Consumer<MinistryStatement> out;

    public StatementGenerator(SyntheticGazetteer.World world, long seed) {
        this(world, seed, DEFAULT_START, DEFAULT_DAYS);
    }

    public StatementGenerator(SyntheticGazetteer.World world, long seed, Instant start, int days) {
        this.conflict = world.gazetteer().conflict();
        this.places = world.gazetteer().places();
        this.spellings = world.spellings();
        this.random = new SplittableRandom(seed);
        this.start = start;
        this.spanMinutes = Duration.ofDays(days).toMinutes();
    }

    /** Hands exactly {@code count} statements to {@code consumer}. */
    public void generate(long count, Consumer<MinistryStatement> consumer) {
        this.limit = count;
        this.out = consumer;
        this.clock = start;
        // About 1.8 statements per episode: spread the episodes evenly over the span.
        double meanGapMinutes = spanMinutes / Math.max(1.0, count / 1.8);
        while (created < limit) {
            clock = clock.plusSeconds(Math.max(60, (long) (random.nextDouble() * 2 * meanGapMinutes * 60)));
            release(clock);
            episode();
        }
        release(Instant.MAX);
    }

    private void episode() {
        int roll = random.nextInt(100);
        if (roll < 28) {
            mutualAccusation();
        } else if (roll < 48) {
            accusationAndDenial();
        } else if (roll < 60) {
            accusationAgainstCalm();
        } else if (roll < 72) {
            unansweredAccusation();
        } else if (roll < 82) {
            calmDay();
        } else if (roll < 88) {
            observationAlone();
        } else if (roll < 94) {
            revision();
        } else if (roll < 97) {
            retraction();
        } else {
            lateArrival();
        }
    }

    private void mutualAccusation() {
        boolean firstSide = random.nextBoolean();
        Party a = party(firstSide);
        Party b = party(!firstSide);
        Place place = place();
        MinistryStatement first = accusation(a, b, place, clock);
        emit(first);
        emit(accusation(b, a, place, clock.plusSeconds(random.nextInt(3 * 3600))));
        if (random.nextInt(10) < 3) {
            emit(observation(place, clock, first.getAccused()));
        }
    }

    private void accusationAndDenial() {
        boolean firstSide = random.nextBoolean();
        Party accuser = party(firstSide);
        Party accused = party(!firstSide);
        Place place = place();
        MinistryStatement accusation = accusation(accuser, accused, place, clock);
        emit(accusation);
        boolean withReference = random.nextInt(10) < 6;
        // A quarter of denials come a day or more later: pairing by refers_to must not depend on time.
        long delayMinutes = random.nextInt(4) == 0 ? (24 + random.nextInt(48)) * 60L : 20 + random.nextInt(180);
        Instant published = accusation.getPublishedAt().plus(Duration.ofMinutes(delayMinutes));
        String location = where(place, accused);
        MinistryStatement denial = statement(accused, ClaimType.DENIAL, null, location, accusation.getIncidentStart(), null, published)
                .setRefersTo(withReference ? accusation.getStatementId() : null)
                .setText(partyName(accused) + " denies the report of " + partyName(accuser) + " that its units opened fire"
                        + near(location) + ": the information does not correspond to reality.")
                .build();
        emit(denial);
    }

    private void accusationAgainstCalm() {
        boolean firstSide = random.nextBoolean();
        Party accuser = party(firstSide);
        Party other = party(!firstSide);
        Place place = place();
        // The calm report must come from the party of the other side that speaks for the place's sector.
        Party calmIssuer = speakerFor(!firstSide, other, place, clock);
        emit(accusation(accuser, calmIssuer, place, clock));
        // When the other side has already reported the day calm, the accusation answers that report.
        emitCalm(calmIssuer, clock);
    }

    private void unansweredAccusation() {
        boolean firstSide = random.nextBoolean();
        Place place = place();
        MinistryStatement accusation = accusation(party(firstSide), party(!firstSide), place, clock);
        emit(accusation);
        if (random.nextInt(10) < 2) {
            emit(observation(place, clock, accusation.getAccused()));
        }
    }

    private void calmDay() {
        emitCalm(party(true), clock);
        if (random.nextBoolean()) {
            emitCalm(party(false), clock);
        }
    }

    /**
     * A whole-front calm report for the day of {@code around}, unless the party has already reported that
     * day: otherwise a dense history would hold dozens of "no violations today" from one ministry per day,
     * and every accusation would contradict all of them.
     */
    private void emitCalm(Party issuer, Instant around) {
        LocalDate day = LocalDate.ofInstant(around, ZoneOffset.UTC);
        if (!day.equals(lastCalmDay.put(issuer.code(), day))) {
            emit(calm(issuer, around));
        }
    }

    private void observationAlone() {
        emit(observation(place(), clock, null));
    }

    private void revision() {
        int slot = random.nextInt(RECENT);
        MinistryStatement earlier = recent[slot];
        if (earlier == null || earlier.getClaim() != ClaimType.ACCUSATION) {
            unansweredAccusation();
            return;
        }
        List<Casualty> casualties = new ArrayList<>();
        for (Casualty c : earlier.getCasualties()) {
            casualties.add(new Casualty(c.getParty(), c.getKilled() + 1, Math.max(0, c.getWounded() - 1), c.getCivilian(),
                    c.getCaptured(), c.getMissing()));
        }
        if (casualties.isEmpty()) {
            casualties.add(new Casualty(earlier.getIssuer(), 0, 1 + random.nextInt(3), false, 0, 0));
        }
        if (random.nextInt(3) == 0) {
            runningTotal(slot, earlier, casualties);
            return;
        }
        MinistryStatement revised = MinistryStatement.newBuilder(earlier)
                .setRevision(earlier.getRevision() + 1)
                .setPublishedAt(later(earlier.getPublishedAt(), clock))
                .setCasualties(casualties)
                .setText(earlier.getText() + " Updated casualty figures.")
                .build();
        recent[slot] = revised;
        emit(revised);
    }

    /** A statement of its own giving the new running total of an earlier one's casualties ({@code updates}). */
    private void runningTotal(int slot, MinistryStatement earlier, List<Casualty> casualties) {
        Instant published = later(earlier.getPublishedAt(), clock);
        String id = earlier.getIssuer().toLowerCase(Locale.ROOT) + "-" + day(earlier.getIncidentStart()).replace("-", "") + "-"
                + String.format(Locale.ROOT, "%07d", ++sequence);
        MinistryStatement total = MinistryStatement.newBuilder(earlier)
                .setStatementId(id)
                .setRevision(1)
                .setPublishedAt(published)
                .setCasualties(casualties)
                .setSourceUrl("https://example.org/statements/" + id)
                .setUpdates(earlier.getStatementId())
                .setTimePrecision(TimePrecision.PART_OF_DAY)
                .setText("Casualties of the incident of " + day(earlier.getIncidentStart()) + " now stand higher.")
                .build();
        recent[slot] = total;
        emit(total);
    }

    private void retraction() {
        int slot = random.nextInt(RECENT);
        MinistryStatement earlier = recent[slot];
        if (earlier == null || earlier.getRetracted()) {
            calmDay();
            return;
        }
        MinistryStatement retracted = MinistryStatement.newBuilder(earlier)
                .setRevision(earlier.getRevision() + 1)
                .setRetracted(true)
                .setPublishedAt(later(earlier.getPublishedAt(), clock))
                .setText("The statement of " + partyName(party(earlier.getIssuer())) + " is withdrawn.")
                .build();
        recent[slot] = null;
        emit(retracted);
    }

    private void lateArrival() {
        boolean firstSide = random.nextBoolean();
        Place place = place();
        Instant incident = clock.minus(Duration.ofDays(2 + random.nextInt(9)));
        Party accuser = party(firstSide);
        Party accused = party(!firstSide);
        String location = where(place, accuser);
        emit(statement(accuser, ClaimType.ACCUSATION, accused, location, incident, null, clock)
                .setWeapons(weapons())
                .setText(partyName(accuser) + " reports, with delay, that units of " + partyName(accused)
                        + " violated the ceasefire" + near(location) + " on " + day(incident) + ".")
                .build());
    }

    private MinistryStatement accusation(Party accuser, Party accused, Place place, Instant incident) {
        List<String> weapons = weapons();
        String location = where(place, accuser);
        return statement(accuser, ClaimType.ACCUSATION, accused, location, incident, incident.plusSeconds(600 + random.nextInt(7200)),
                incident.plusSeconds(1800 + random.nextInt(4 * 3600)))
                .setWeapons(weapons)
                .setCasualties(casualties(accuser, accused))
                .setText("Units of " + partyName(accused) + " opened fire with " + String.join(", ", weapons).replace('_', ' ')
 + near(location) + ", says " + partyName(accuser) + ".")
                .build();
    }

    private MinistryStatement calm(Party issuer, Instant around) {
        LocalDate day = LocalDate.ofInstant(around, ZoneOffset.UTC);
        Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        return statement(issuer, ClaimType.CALM, null, "", from, from.plus(Duration.ofDays(1)),
                from.plus(Duration.ofHours(24 + 6)).plusSeconds(random.nextInt(3 * 3600)))
                .setText(partyName(issuer) + ": no ceasefire violations were recorded on " + day + ".")
                .build();
    }

    private MinistryStatement observation(Place place, Instant incident, String accused) {
        Party monitor = monitorFor(place, incident);
        String location = where(place, monitor);
        return statement(monitor, ClaimType.OBSERVATION, accused == null ? null : party(accused), location, incident,
                incident.plusSeconds(900 + random.nextInt(3600)), incident.plusSeconds(6 * 3600 + random.nextInt(12 * 3600)))
                .setWeapons(weapons())
                .setText(monitor.name() + " patrol observed exchanges of fire" + near(location) + ".")
                .build();
    }

    private MinistryStatement.Builder statement(Party issuer, ClaimType claim, Party accused, String location, Instant incidentStart,
                                                Instant incidentEnd, Instant published) {
        String id = issuer.code().toLowerCase(Locale.ROOT) + "-" + day(incidentStart).replace("-", "") + "-"
                + String.format(Locale.ROOT, "%07d", ++sequence);
        return MinistryStatement.newBuilder()
                .setStatementId(id)
                .setRevision(1)
                .setRetracted(false)
                .setIssuer(issuer.code())
                .setIssuerBody(issuer.name())
                .setPublishedAt(published)
                .setIncidentStart(incidentStart)
                .setIncidentEnd(incidentEnd)
                .setClaim(claim)
                .setAccused(accused == null ? null : accused.code())
                .setLocation(location)
                .setRefersTo(null)
                .setWeapons(List.of())
                .setCasualties(List.of())
                .setSourceUrl("https://example.org/statements/" + id)
                .setLanguage("en")
                .setText(null);
    }

    private void emit(MinistryStatement statement) {
        if (created >= limit) {
            return;
        }
        created++;
        if (statement.getPublishedAt().isAfter(clock.plus(Duration.ofHours(12)))) {
            held.add(new Pending(statement.getPublishedAt(), created, statement));
            return;
        }
        deliver(statement);
    }

    private void deliver(MinistryStatement statement) {
        if (!statement.getRetracted() && statement.getRevision() == 1 && statement.getClaim() == ClaimType.ACCUSATION) {
            recent[(int) (statement.getIncidentStart().getEpochSecond() % RECENT)] = statement;
        }
        out.accept(statement);
    }

    private void release(Instant upTo) {
        while (!held.isEmpty() && !held.peek().publishedAt().isAfter(upTo)) {
            deliver(held.poll().statement());
        }
    }

    private Party party(boolean sideOne) {
        Side side = sideOne ? conflict.sideOne() : conflict.sideTwo();
        // The first party of a side speaks most often; the others now and then.
        return side.parties().get(side.parties().size() == 1 || random.nextInt(4) > 0 ? 0 : 1 + random.nextInt(side.parties().size() - 1));
    }

    private Party party(String code) {
        for (Side side : List.of(conflict.sideOne(), conflict.sideTwo())) {
            for (Party p : side.parties()) {
                if (p.code().equals(code)) {
                    return p;
                }
            }
        }
        return conflict.monitors().stream().filter(m -> m.code().equals(code)).findFirst().orElse(new Party(code, code));
    }

    /** A place that belongs to a sector on the clock's day; null (the whole front) when none is found quickly. */
    private Place place() {
        LocalDate day = LocalDate.ofInstant(clock, ZoneOffset.UTC);
        for (int attempt = 0; attempt < 8; attempt++) {
            Place candidate = places.get(random.nextInt(places.size()));
            for (SectorAssignment a : candidate.getSectors()) {
                boolean started = a.getValidFrom() == null || !day.isBefore(a.getValidFrom());
                boolean ended = a.getValidUntil() != null && !day.isBefore(a.getValidUntil());
                if (started && !ended) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** A monitor whose mandate covers the place's sector on the day of {@code incident}; any monitor when none does. */
    private Party monitorFor(Place place, Instant incident) {
        String sector = sectorOf(place, incident);
        List<Party> mandated = sector == null ? List.of() : conflict.monitors().stream()
                .filter(m -> conflict.speaksFor(m.code(), sector, conflict.days().day(incident))).toList();
        List<Party> choices = mandated.isEmpty() ? conflict.monitors() : mandated;
        return choices.get(random.nextInt(choices.size()));
    }

    /** {@code usual} when it speaks for the place's sector on that day, else the first party of its side that does. */
    private Party speakerFor(boolean sideOne, Party usual, Place place, Instant when) {
        String sector = sectorOf(place, when);
        LocalDate day = conflict.days().day(when);
        if (sector == null || conflict.speaksFor(usual.code(), sector, day)) {
            return usual;
        }
        Side side = sideOne ? conflict.sideOne() : conflict.sideTwo();
        return side.parties().stream().filter(p -> p.validOn(day) && conflict.speaksFor(p.code(), sector, day)).findFirst().orElse(usual);
    }

    private String sectorOf(Place place, Instant when) {
        return place == null ? null : PlaceResolver.sectorOn(place, conflict.days().day(when));
    }

    private String spelling(Place place, Party issuer) {
        String key = conflict.sideOf(issuer.code()).map(Side::id).orElse(SpellingBook.NEUTRAL);
        List<String> names = spellings.names(place, key);
        return names.get(random.nextInt(names.size()));
    }

    /** The place as {@code issuer} writes it; empty (the whole front) for no place. */
    private String where(Place place, Party issuer) {
        return place == null ? "" : spelling(place, issuer);
    }

    private static String near(String location) {
        return location.isEmpty() ? " along the front" : " near " + location;
    }

    private List<String> weapons() {
        String first = WEAPONS[random.nextInt(WEAPONS.length)];
        if (random.nextInt(3) > 0) {
            return List.of(first);
        }
        String second = WEAPONS[random.nextInt(WEAPONS.length)];
        return second.equals(first) ? List.of(first) : List.of(first, second);
    }

    /** Most reports claim no casualties; some give own losses, a few the other side's too. */
    private List<Casualty> casualties(Party accuser, Party accused) {
        int roll = random.nextInt(100);
        if (roll < 80) {
            return List.of();
        }
        Casualty own = new Casualty(accuser.code(), random.nextInt(4), random.nextInt(7), random.nextInt(10) == 0, 0, 0);
        if (roll < 95) {
            return List.of(own);
        }
        return List.of(own, new Casualty(accused.code(), 1 + random.nextInt(5), random.nextInt(10), false, 0, 0));
    }

    private String partyName(Party party) {
        return party.name();
    }

    private static Instant later(Instant earlier, Instant now) {
        return now.isAfter(earlier) ? now : earlier.plusSeconds(3600);
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private record Pending(Instant publishedAt, long order, MinistryStatement statement) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byTime = publishedAt.compareTo(other.publishedAt);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
