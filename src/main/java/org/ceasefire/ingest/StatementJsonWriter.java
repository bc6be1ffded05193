package org.ceasefire.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.MinistryStatement;

/**
 * Writes statements as JSON Lines in the input contract's form (snake_case fields in the contract's
 * order, ISO-8601 UTC times, optional fields left out when empty), so the output can be fed
 * back to {@code ingest}. The order and format are fixed, so equal statements give equal bytes.
 */
public final class StatementJsonWriter implements Closeable {
    private final JsonGenerator json;

    public StatementJsonWriter(OutputStream out) throws IOException {
        JsonFactory factory = JsonFactory.builder().build();
        this.json = factory.createGenerator(out, JsonEncoding.UTF8);
        // One object per line: the default separator between root values is a space.
        this.json.setRootValueSeparator(null);
    }

    public void write(MinistryStatement s) throws IOException {
        json.writeStartObject();
        json.writeStringField("statement_id", s.getStatementId());
        if (s.getRevision() != 1) {
            json.writeNumberField("revision", s.getRevision());
        }
        if (s.getRetracted()) {
            json.writeBooleanField("retracted", true);
        }
        json.writeStringField("issuer", s.getIssuer());
        optional("issuer_body", s.getIssuerBody());
        json.writeStringField("published_at", time(s.getPublishedAt()));
        json.writeStringField("incident_start", time(s.getIncidentStart()));
        if (s.getIncidentEnd() != null) {
            json.writeStringField("incident_end", time(s.getIncidentEnd()));
        }
        json.writeStringField("claim", s.getClaim().name());
        optional("accused", s.getAccused());
        if (!s.getLocation().isEmpty()) {
            json.writeStringField("location", s.getLocation());
        }
        optional("refers_to", s.getRefersTo());
        if (!s.getWeapons().isEmpty()) {
            json.writeArrayFieldStart("weapons");
            for (String weapon : s.getWeapons()) {
                json.writeString(weapon);
            }
            json.writeEndArray();
        }
        if (!s.getCasualties().isEmpty()) {
            json.writeArrayFieldStart("casualties");
            for (Casualty c : s.getCasualties()) {
                json.writeStartObject();
                json.writeStringField("party", c.getParty());
                json.writeNumberField("killed", c.getKilled());
                json.writeNumberField("wounded", c.getWounded());
                json.writeBooleanField("civilian", c.getCivilian());
                // Written only when claimed, so files without them read as before.
                if (c.getCaptured() != 0) {
                    json.writeNumberField("captured", c.getCaptured());
                }
                if (c.getMissing() != 0) {
                    json.writeNumberField("missing", c.getMissing());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        optional("source_url", s.getSourceUrl());
        optional("language", s.getLanguage());
        optional("text", s.getText());
        optional("updates", s.getUpdates());
        if (s.getTimePrecision() != org.ceasefire.avro.TimePrecision.EXACT) {
            json.writeStringField("time_precision", s.getTimePrecision().name());
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void optional(String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
