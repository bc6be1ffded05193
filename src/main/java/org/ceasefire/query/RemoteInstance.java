package org.ceasefire.query;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorTally;

/** Another instance's stores, read through its {@code /internal} endpoints. */
public final class RemoteInstance implements LocalQueries {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final HttpClient http;
    private final ObjectMapper json;

    /** {@code hostPort} as in {@code application.server}, e.g. {@code 127.0.0.1:7071}. */
    public RemoteInstance(String hostPort, HttpClient http, ObjectMapper json) {
        this.baseUrl = "http://" + hostPort + InternalRoutes.PREFIX;
        this.http = http;
        this.json = json;
    }

    @Override
    public List<SectorTally> currentTallies() {
        return records("/current-tallies", Map.of(), SectorTally.class);
    }

    @Override
    public List<SectorTally> dayTallies(Optional<String> sector, LocalDate from, LocalDate to) {
        Map<String, String> query = new LinkedHashMap<>();
        sector.ifPresent(s -> query.put("sector", s));
        query.put("from", from.toString());
        query.put("to", to.toString());
        return records("/day-tallies", query, SectorTally.class);
    }

    @Override
    public ContradictionPage contradictions(ContradictionFilter filter, PageRequest page) {
        Map<String, String> query = new LinkedHashMap<>();
        filter.sector().ifPresent(v -> query.put("sector", v));
        filter.kind().ifPresent(v -> query.put("kind", v.name()));
        filter.party().ifPresent(v -> query.put("party", v));
        filter.from().ifPresent(v -> query.put("from", v.toString()));
        filter.to().ifPresent(v -> query.put("to", v.toString()));
        filter.statement().ifPresent(v -> query.put("statement", v));
        filter.timePrecision().ifPresent(v -> query.put("time_precision", v.name()));
        filter.placePrecision().ifPresent(v -> query.put("place_precision", v));
        query.put("limit", Integer.toString(page.limit()));
        page.after().ifPresent(cursor -> query.put("cursor", cursor.encode()));
        JsonNode body = get("/contradictions", query);
        Optional<PageCursor> next = body.path("next_cursor").isTextual()
                ? Optional.of(PageCursor.decode(body.path("next_cursor").asText())) : Optional.empty();
        return new ContradictionPage(decode(body, ClaimContradiction.class), next);
    }

    @Override
    public List<ClaimContradiction> pairs(Optional<String> sector) {
        return records("/pairs", sector.map(s -> Map.of("sector", s)).orElse(Map.of()), ClaimContradiction.class);
    }

    @Override
    public Optional<ClaimContradiction> contradiction(String pairId) {
        return records("/contradictions/" + encode(pairId), Map.of(), ClaimContradiction.class).stream().findFirst();
    }

    @Override
    public List<MinistryStatement> statementRevisions(String statementId) {
        return records("/statements/" + encode(statementId) + "/revisions", Map.of(), MinistryStatement.class);
    }

    @Override
    public List<UnresolvedPlace> unresolvedPlaces() {
        List<UnresolvedPlace> places = new ArrayList<>();
        for (JsonNode place : get("/unresolved-places", Map.of()).path("places")) {
            places.add(new UnresolvedPlace(place.path("name").asText(), place.path("count").asLong()));
        }
        return places;
    }

    @Override
    public List<Place> places() {
        return records("/places", Map.of(), Place.class);
    }

    @Override
    public List<PlaceActivity> placeActivity() {
        List<PlaceActivity> activity = new ArrayList<>();
        for (JsonNode place : get("/place-activity", Map.of()).path("places")) {
            activity.add(json.convertValue(place, PlaceActivity.class));
        }
        return activity;
    }

    private <T extends SpecificRecord> List<T> records(String path, Map<String, String> query, Class<T> type) {
        return decode(get(path, query), type);
    }

    private static <T extends SpecificRecord> List<T> decode(JsonNode body, Class<T> type) {
        List<String> encoded = new ArrayList<>();
        body.path("records").forEach(node -> encoded.add(node.asText()));
        return InternalWire.decodeAll(encoded, type);
    }

    private JsonNode get(String path, Map<String, String> query) {
        String queryString = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(baseUrl + path + (queryString.isEmpty() ? "" : "?" + queryString));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new InstanceUnavailableException("Instance " + uri.getAuthority() + " answered " + response.statusCode()
                        + " to " + path + ": " + response.body(), null);
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new InstanceUnavailableException("Instance " + uri.getAuthority() + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstanceUnavailableException("Interrupted while asking instance " + uri.getAuthority(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "RemoteInstance[" + baseUrl + "]";
    }
}
