package org.ceasefire.query;

import java.net.URI;
import java.util.Optional;

/**
 * Where the dashboard's map gets its background tiles: {@code none} (the default) draws the places
 * on a plain background and sends no request anywhere else, so the dashboard works offline and
 * tells no tile server what its users look at; a URL template such as
 * {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png} adds that server's tiles, and its origin,
 * only, to the images the Content-Security-Policy allows.
 */
public record MapTiles(Optional<String> urlTemplate, String attribution) {
    public static final String NONE = "none";
    public static final String OPENSTREETMAP_ATTRIBUTION = "© OpenStreetMap contributors";

    public MapTiles {
        urlTemplate.ifPresent(MapTiles::origin);
    }

    public static MapTiles none() {
        return new MapTiles(Optional.empty(), "");
    }

    /** {@code none}, or an http(s) URL template with {z}, {x} and {y}. */
    public static MapTiles parse(String setting) {
        if (setting == null || setting.isBlank() || NONE.equals(setting.trim())) {
            return none();
        }
        String template = setting.trim();
        String host = URI.create(origin(template)).getHost();
        return new MapTiles(Optional.of(template), host.endsWith("openstreetmap.org") ? OPENSTREETMAP_ATTRIBUTION : "Map tiles: " + host);
    }

    /** The scheme, host and port of the tile server, for the Content-Security-Policy. */
    static String origin(String template) {
        if (!template.contains("{z}") || !template.contains("{x}") || !template.contains("{y}")) {
            throw new IllegalArgumentException("map tiles must be 'none' or a URL template with {z}, {x} and {y}, was " + template);
        }
        if (template.contains("{s}")) {
            // Subdomains would each need to be allowed by the Content-Security-Policy: name one host.
            throw new IllegalArgumentException("map tiles: use one host, without {s}, was " + template);
        }
        URI uri;
        try {
            uri = URI.create(template.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0").replace("{r}", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("map tiles: not a URL: " + template, e);
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("map tiles must be an http(s) URL template, was " + template);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    Optional<String> origin() {
        return urlTemplate.map(MapTiles::origin);
    }
}
