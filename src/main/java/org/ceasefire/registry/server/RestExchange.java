package org.ceasefire.registry.server;

import java.io.IOException;
import java.io.InputStream;

/** One request and its answer, as the REST handler sees them, whatever HTTP server carries them. */
interface RestExchange {

    String method();

    /** The path as sent, still percent-encoded: a subject may contain an encoded '/'. */
    String rawPath();

    /** The query as sent, or null. */
    String rawQuery();

    /** A request header, or null. */
    String header(String name);

    InputStream body() throws IOException;

    /** Sends the answer; {@code extraHeader} is a name and a value, or null. */
    void respond(int status, String contentType, String[] extraHeader, byte[] body) throws IOException;
}
