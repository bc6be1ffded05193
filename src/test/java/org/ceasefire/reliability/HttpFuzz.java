package org.ceasefire.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One HTTP call with a time limit, for the fuzz tests of the two HTTP servers. */
final class HttpFuzz {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    private HttpFuzz() {
    }

    /** Percent-encodes one path segment or query value (spaces as %20), so any text makes a valid URI. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sends the request; an answer must come within 5 seconds (no hang).
     *
     * <p>One case is not the server's to fix: a request line the HTTP server refuses before any handler runs (a path
     * that cannot be decoded, such as {@code %00}) is answered 400 and the connection closed at once. A body still
     * on its way then makes the client's kernel reset the connection, which can discard the 400 already received.
     * So when a request with a body got no answer, the same request without a body must get the 400 for a malformed
     * request line; any other lost answer fails.
     */
    static Answer call(String method, String url, String body) {
        try {
            return send(method, url, body);
        } catch (java.net.http.HttpTimeoutException hang) {
            throw new AssertionError(method + " " + url + " got no answer within 5 s: " + hang, hang);
        } catch (Exception lost) {
            if (body == null || body.isEmpty()) {
                throw new AssertionError(method + " " + url + " got no answer: " + lost, lost);
            }
            Answer withoutBody = sendOrFail(method, url);
            assertThat(withoutBody.status()).as("%s %s with a body got no answer (%s); without one it answered %d: %s",
                    method, url, lost, withoutBody.status(), withoutBody.body()).isEqualTo(400);
            assertThat(withoutBody.body()).as("%s %s with a body got no answer (%s)", method, url, lost)
                    .contains("the request line, a header or the percent-encoding of the path is malformed");
            return withoutBody;
        }
    }

    private static Answer sendOrFail(String method, String url) {
        try {
            return send(method, url, null);
        } catch (Exception e) {
            throw new AssertionError(method + " " + url + " got no answer, with a body or without: " + e, e);
        }
    }

    private static Answer send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    static void assertClientErrorOrSuccess(String what, Answer answer) {
        assertThat(answer.status()).as("%s answered %d: %s", what, answer.status(), answer.body()).isBetween(200, 499);
    }
}
