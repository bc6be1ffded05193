package org.ceasefire.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.conflict.ConflictDefinition;

/**
 * Checks a statement against the input contract of one conflict. Used by {@code ingest} before a
 * statement is sent and by the topology on every record it reads, so that statements produced by
 * other clients obey the same rules.
 */
public final class StatementValidator {
    public static final Pattern STATEMENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    public static final int MAX_TEXT_BYTES = 64 * 1024;
    public static final int MAX_LOCATION_CHARS = 256;
    public static final int MAX_SHORT_TEXT_CHARS = 512;

    private final ConflictDefinition conflict;

    public StatementValidator(ConflictDefinition conflict) {
        this.conflict = conflict;
    }

    /** Every violation found, in field order; empty when the statement is valid. */
    public List<Violation> validate(MinistryStatement s) {
        List<Violation> violations = new ArrayList<>();
        if (s.getStatementId() == null || !STATEMENT_ID.matcher(s.getStatementId()).matches()) {
            violations.add(new Violation("statement_id", "must be 1-128 characters of A-Z a-z 0-9 . _ : -"));
        }
        if (s.getRevision() < 1) {
            violations.add(new Violation("revision", "must be at least 1, was " + s.getRevision()));
        }
        String issuer = s.getIssuer();
        if (!conflict.isKnown(issuer)) {
            violations.add(new Violation("issuer", "unknown party " + quoted(issuer) + " for conflict " + conflict.id()));
        } else if (s.getPublishedAt() != null) {
            checkIssuerExisted(issuer, conflict.days().day(s.getPublishedAt()), violations);
        }
        if (s.getIncidentEnd() != null && s.getIncidentStart() != null && s.getIncidentEnd().isBefore(s.getIncidentStart())) {
            violations.add(new Violation("incident_end", "is before incident_start"));
        }
        checkClaim(s, violations);
        if (s.getLocation() != null && s.getLocation().length() > MAX_LOCATION_CHARS) {
            violations.add(new Violation("location", "longer than " + MAX_LOCATION_CHARS + " characters"));
        }
        for (String weapon : s.getWeapons()) {
            if (weapon == null || weapon.isBlank() || weapon.length() > 64) {
                violations.add(new Violation("weapons", "each weapon must be 1-64 characters"));
                break;
            }
        }
        checkCasualties(s.getCasualties(), violations);
        checkUpdates(s, violations);
        checkLength("issuer_body", s.getIssuerBody(), violations);
        checkLength("source_url", s.getSourceUrl(), violations);
        checkLength("language", s.getLanguage(), violations);
        if (s.getText() != null && s.getText().getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            violations.add(new Violation("text", "larger than " + MAX_TEXT_BYTES + " bytes"));
        }
        return violations;
    }

    private void checkClaim(MinistryStatement s, List<Violation> violations) {
        ClaimType claim = s.getClaim();
        String issuer = s.getIssuer();
        String accused = s.getAccused();
        if (claim == null || claim == ClaimType.UNKNOWN) {
            violations.add(new Violation("claim", "must be ACCUSATION, DENIAL, CALM or OBSERVATION"));
            return;
        }
        boolean monitor = conflict.isMonitor(issuer);
        if (claim == ClaimType.OBSERVATION && conflict.isKnown(issuer) && !monitor) {
            violations.add(new Violation("claim", "OBSERVATION is for neutral monitors; " + issuer + " is a party of a side"));
        }
        if (claim != ClaimType.OBSERVATION && monitor) {
            violations.add(new Violation("claim", claim + " is for parties of a side; " + issuer + " is a neutral monitor (use OBSERVATION)"));
        }
        if (claim == ClaimType.ACCUSATION && (accused == null || accused.isEmpty())) {
            violations.add(new Violation("accused", "required for an ACCUSATION"));
        } else if (accused != null && !accused.isEmpty()) {
            if (accused.equals(issuer)) {
                violations.add(new Violation("accused", "equals the issuer " + issuer));
            } else if (!conflict.isKnown(accused) || conflict.isMonitor(accused)) {
                violations.add(new Violation("accused", "unknown party " + quoted(accused) + " for conflict " + conflict.id()));
            } else if (claim == ClaimType.ACCUSATION && conflict.isKnown(issuer) && !conflict.areOpposed(issuer, accused)) {
                violations.add(new Violation("accused", accused + " is on the issuer's own side"));
            }
        }
        String refersTo = s.getRefersTo();
        if (refersTo != null && !refersTo.isEmpty()) {
            if (!STATEMENT_ID.matcher(refersTo).matches()) {
                violations.add(new Violation("refers_to", "is not a valid statement_id"));
            } else if (refersTo.equals(s.getStatementId())) {
                violations.add(new Violation("refers_to", "a statement cannot answer itself"));
            }
        }
    }

    /** A party that exists for a period only (its dates are in the conflict file) cannot publish outside it. */
    private void checkIssuerExisted(String issuer, java.time.LocalDate published, List<Violation> violations) {
        conflict.party(issuer).filter(party -> !party.validOn(published)).ifPresent(party -> violations.add(new Violation("issuer",
                party.code() + " (" + party.name() + ") issues statements only "
                        + (party.validFrom() == null ? "" : "from " + party.validFrom() + " ")
                        + (party.validUntil() == null ? "" : "until " + party.validUntil() + " (exclusive)")
                        + "; published_at is " + published)));
    }

    private void checkCasualties(List<Casualty> casualties, List<Violation> violations) {
        for (int i = 0; i < casualties.size(); i++) {
            Casualty c = casualties.get(i);
            String field = "casualties[" + i + "]";
            if (conflict.sideOf(c.getParty()).isEmpty()) {
                violations.add(new Violation(field + ".party", "unknown party " + quoted(c.getParty()) + " for conflict " + conflict.id()));
            }
            if (c.getKilled() < 0) {
                violations.add(new Violation(field + ".killed", "must not be negative"));
            }
            if (c.getWounded() < 0) {
                violations.add(new Violation(field + ".wounded", "must not be negative"));
            }
            if (c.getCaptured() < 0) {
                violations.add(new Violation(field + ".captured", "must not be negative"));
            }
            if (c.getMissing() < 0) {
                violations.add(new Violation(field + ".missing", "must not be negative"));
            }
        }
    }

    /**
     * {@code updates} names an earlier statement of the same issuer; what can be decided from the statement
     * alone is decided here. Whether the target exists, is the same issuer's and was published earlier is
     * known only where both meet (the topology's casualty-update stage), which ignores an update that fails.
     */
    private static void checkUpdates(MinistryStatement s, List<Violation> violations) {
        String updates = s.getUpdates();
        if (updates == null) {
            return;
        }
        if (!STATEMENT_ID.matcher(updates).matches()) {
            violations.add(new Violation("updates", "is not a valid statement_id"));
        } else if (updates.equals(s.getStatementId())) {
            violations.add(new Violation("updates", "a statement cannot update its own figures"));
        }
    }

    private static void checkLength(String field, String value, List<Violation> violations) {
        if (value != null && value.length() > MAX_SHORT_TEXT_CHARS) {
            violations.add(new Violation(field, "longer than " + MAX_SHORT_TEXT_CHARS + " characters"));
        }
    }

    private static String quoted(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }
}
