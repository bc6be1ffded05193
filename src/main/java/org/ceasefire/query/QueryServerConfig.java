package org.ceasefire.query;

import java.util.Objects;

/**
 * Where the HTTP server listens. Loopback by default, because the API and the internal endpoints
 * have no authentication: exposing them on another interface must be a deliberate setting.
 * Port 0 picks a free port ({@link QueryServer#port()} tells which).
 */
public record QueryServerConfig(String host, int port, MapTiles mapTiles) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public QueryServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mapTiles, "mapTiles");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }

    /** Without map tiles: the map is drawn on a plain background. */
    public QueryServerConfig(String host, int port) {
        this(host, port, MapTiles.none());
    }

    public QueryServerConfig withMapTiles(MapTiles tiles) {
        return new QueryServerConfig(host, port, tiles);
    }

    public static QueryServerConfig localhost(int port) {
        return new QueryServerConfig(DEFAULT_HOST, port);
    }

    public static QueryServerConfig defaults() {
        return localhost(DEFAULT_PORT);
    }
}
