package org.ceasefire.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import io.javalin.http.Context;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.TimePrecision;
import org.ceasefire.topology.Precision;
import org.ceasefire.conflict.ConflictDefinition;

/**
 * Reads and checks query and path parameters. Every problem becomes a {@link BadParameterException}
 * naming the parameter, so a client error is a 400 with a reason, never a 500.
 */
final class RequestParameters {
    /** The statement id contract of the input (design: 1-128 of [A-Za-z0-9._:-]); pair ids are built from them. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:|-]{1,300}");
    private static final int MAX_PARAMETER_LENGTH = 300;

    private final Context ctx;
    private final ConflictDefinition conflict;

    RequestParameters(Context ctx, ConflictDefinition conflict) {
        this.ctx = ctx;
        this.conflict = conflict;
    }

    Optional<String> text(String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > MAX_PARAMETER_LENGTH) {
            throw new BadParameterException(name, "is longer than " + MAX_PARAMETER_LENGTH + " characters");
        }
        return Optional.of(value);
    }

    String id(String pathParam) {
        String value = ctx.pathParam(pathParam);
        if (!ID.matcher(value).matches()) {
            throw new BadParameterException(pathParam, "must be 1-300 characters of A-Z a-z 0-9 . _ : | -");
        }
        return value;
    }

    /** A sector id from the conflict definition, or UNRESOLVED / WHOLE_FRONT. */
    Optional<String> sector(String name) {
        return text(name).map(value -> {
            if (!isSector(value)) {
                throw new BadParameterException(name, "names no sector of conflict " + conflict.id() + ": " + value);
            }
            return value;
        });
    }

    boolean isSector(String value) {
        return conflict.hasSector(value) || ConflictDefinition.UNRESOLVED_SECTOR.equals(value)
                || ConflictDefinition.WHOLE_FRONT_SECTOR.equals(value);
    }

    Optional<String> party(String name) {
        return text(name).map(value -> {
            if (!conflict.isKnown(value)) {
                throw new BadParameterException(name, "names no party of conflict " + conflict.id() + ": " + value);
            }
            return value;
        });
    }

    Optional<ContradictionKind> kind(String name) {
        return text(name).map(value -> Arrays.stream(ContradictionKind.values())
                .filter(kind -> kind != ContradictionKind.UNKNOWN && kind.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new BadParameterException(name,
                        "must be one of MUTUAL_ACCUSATION, ACCUSATION_DENIED, ACCUSATION_VS_CALM, was " + value)));
    }

    Optional<TimePrecision> timePrecision(String name) {
        return text(name).map(value -> Arrays.stream(TimePrecision.values()).filter(p -> p.name().equals(value)).findFirst()
                .orElseThrow(() -> new BadParameterException(name, "must be one of EXACT, HOUR, PART_OF_DAY, DAY, was " + value)));
    }

    Optional<String> placePrecision(String name) {
        return text(name).map(value -> {
            if (Precision.placeRank(value) < 0) {
                throw new BadParameterException(name, "must be one of " + String.join(", ", Precision.PLACE_ORDER) + ", was " + value);
            }
            return value;
        });
    }

    Optional<LocalDate> date(String name) {
        return text(name).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadParameterException(name, "must be a date like 2023-04-11, was " + value);
            }
        });
    }

    /** An instant with offset; a bare date means its first instant in the conflict's time zone, as tallies count local days. */
    Optional<Instant> instant(String name) {
        return text(name).map(value -> {
            try {
                return value.length() == 10 ? conflict.days().startOf(LocalDate.parse(value))
                        : OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadParameterException(name, "must be a date (2023-04-11) or a time with offset (2023-04-11T12:00:00Z), was " + value);
            }
        });
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new BadParameterException(name, "must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "must be a whole number, was " + value.get());
        }
    }

    /** {@code week}, {@code month} or {@code all}, in any case. */
    PeriodUnit periodUnit(String name, PeriodUnit defaultUnit) {
        return text(name).map(value -> Arrays.stream(PeriodUnit.values())
                .filter(unit -> unit.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new BadParameterException(name, "must be one of week, month, all, was " + value)))
                .orElse(defaultUnit);
    }

    /** One of the given words, or the default when absent. */
    String choice(String name, String defaultValue, java.util.List<String> allowed) {
        String value = text(name).orElse(defaultValue);
        if (!allowed.contains(value)) {
            throw new BadParameterException(name, "must be one of " + String.join(", ", allowed) + ", was " + value);
        }
        return value;
    }

    Optional<PageCursor> cursor(String name) {
        return text(name).map(value -> {
            try {
                return PageCursor.decode(value);
            } catch (IllegalArgumentException e) {
                throw new BadParameterException(name, "is not a cursor returned by this API");
            }
        });
    }

    /** {@code [from, to]} dates, defaulting to all of history, with from not after to. */
    DateRange dateRange(String fromName, String toName) {
        LocalDate from = date(fromName).orElse(DateRange.BEGINNING);
        LocalDate to = date(toName).orElse(DateRange.END);
        if (from.isAfter(to)) {
            throw new BadParameterException(fromName, "must not be after '" + toName + "'");
        }
        return new DateRange(from, to);
    }

    /** The contradiction filter parameters shared by the public and the internal endpoint. */
    ContradictionFilter contradictionFilter() {
        Optional<Instant> from = instant("from");
        Optional<Instant> to = instant("to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new BadParameterException("from", "must be before 'to'");
        }
        Optional<String> statement = text("statement");
        if (statement.isPresent() && !ID.matcher(statement.get()).matches()) {
            throw new BadParameterException("statement", "must be 1-300 characters of A-Z a-z 0-9 . _ : | -");
        }
        return new ContradictionFilter(sector("sector"), kind("kind"), party("party"), from, to, statement,
                timePrecision("time_precision"), placePrecision("place_precision"));
    }

    PageRequest pageRequest() {
        return new PageRequest(integer("limit", PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT), cursor("cursor"));
    }
}
