package org.ceasefire.registry.server;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a request body as a JSON object, refusing oversized or malformed bodies with a 4xx
 * (Confluent answers malformed JSON with 400 and error code 400).
 */
final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Past this the rest of an oversized body is not read; the connection is closed instead. */
    private static final long MAX_DRAIN = 64L * 1024 * 1024;

    private RequestBodies() {
    }

    static JsonNode readObject(InputStream body, int maxBytes) throws IOException {
        byte[] bytes = readLimited(body, maxBytes);
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JsonProcessingException malformed) {
            throw new HttpError(400, 400, "Malformed JSON: " + malformed.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new HttpError(400, 400, "The request body must be a JSON object");
        }
        return node;
    }

    private static byte[] readLimited(InputStream body, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        int n;
        while ((n = body.read(chunk)) != -1) {
            total += n;
            if (total > maxBytes) {
                drain(body, total);
                throw new HttpError(413, 413, "The request body is larger than " + maxBytes + " bytes");
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads the rest so the client, still sending, gets our answer rather than a reset. */
    static void drain(InputStream body, long alreadyRead) throws IOException {
        byte[] chunk = new byte[65536];
        long total = alreadyRead;
        int n;
        while (total < MAX_DRAIN && (n = body.read(chunk)) != -1) {
            total += n;
        }
    }
}
