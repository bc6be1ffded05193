package org.ceasefire.registry.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The errors the HTTP server itself answers before the REST handler sees a request (a malformed
 * URI, headers too large, a body that stalls): Confluent's JSON error body, in plain words,
 * instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    JsonErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        int status = response.getStatus();
        byte[] body = body(status, reason(status, (String) request.getAttribute("jakarta.servlet.error.message")));
        response.setContentType(RegistryRestHandler.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, RegistryRestHandler.CONTENT_TYPE);
        return ByteBuffer.wrap(body(status, reason(status, reason)));
    }

    /** Jetty's own reasons are short phrases ("Bad URI", "Ambiguous URI path encoding"); keep them, say what they mean. */
    private static String reason(int status, String detail) {
        String phrase = HttpStatus.getMessage(status);
        String words = detail == null || detail.isBlank() || detail.equals(phrase) ? phrase
                : phrase + ": " + ErrorMessages.plain(detail);
        return status == 400 ? words + " (the request line, a header or the percent-encoding of the path is malformed)"
                : words;
    }

    static byte[] body(int code, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error_code", code);
        json.put("message", message);
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            return ("{\"error_code\":" + code + ",\"message\":\"error\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
