package org.ceasefire.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Content negotiation for the event stream. Javalin streams only when {@code Accept} is exactly
 * {@code text/event-stream} and otherwise answers an empty 200, but browsers and curl send lists
 * such as {@code text/event-stream, *}{@code /*}. Any {@code Accept} that admits the stream (or none)
 * is presented to Javalin as exactly that; one that does not is answered 406 in JSON.
 */
public final class EventStreamNegotiation implements Filter {
    static final String EVENT_STREAM = "text/event-stream";
    private static final Set<String> ADMITTING = Set.of(EVENT_STREAM, "text/*", "*/*");

    /** Public with no arguments: Jetty instantiates filters itself. */
    public EventStreamNegotiation() {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String accept = http.getHeader("Accept");
        if (!"GET".equals(http.getMethod()) || EVENT_STREAM.equals(accept)) {
            chain.doFilter(request, response);
        } else if (admitsEventStream(accept)) {
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getHeader(String name) {
                    return "accept".equalsIgnoreCase(name) ? EVENT_STREAM : super.getHeader(name);
                }
            }, response);
        } else {
            HttpServletResponse refusal = (HttpServletResponse) response;
            refusal.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
            SecurityHeaders.ALL.forEach(refusal::setHeader);
            refusal.setContentType("application/json");
            refusal.getOutputStream().write(("{\"error\":\"" + EventStream.PATH + " answers only " + EVENT_STREAM + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether a media range of the list, with a quality above zero, matches text/event-stream. No header admits anything. */
    static boolean admitsEventStream(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (ADMITTING.contains(type) && quality(parts) > 0) {
                return true;
            }
        }
        return false;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
