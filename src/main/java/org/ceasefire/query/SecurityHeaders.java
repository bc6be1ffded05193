package org.ceasefire.query;

import java.util.Map;
import java.util.Optional;

/**
 * Headers sent with every response. Statements are untrusted text shown in a browser: the policy
 * allows scripts, styles and connections from this origin only, and no inline script or eval, so
 * that even a rendering mistake cannot run injected code.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(Optional.empty());

    public static final Map<String, String> ALL = withPolicy(CONTENT_SECURITY_POLICY);

    private SecurityHeaders() {
    }

    /** The headers when the map's tiles come from {@code tileOrigin}: images from there are allowed too, nothing else. */
    public static Map<String, String> forMapTiles(MapTiles tiles) {
        return withPolicy(contentSecurityPolicy(tiles.origin()));
    }

    private static String contentSecurityPolicy(Optional<String> tileOrigin) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:" + tileOrigin.map(origin -> " " + origin).orElse(""),
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'");
    }

    private static Map<String, String> withPolicy(String policy) {
        return Map.of(
                "Content-Security-Policy", policy,
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "X-Frame-Options", "DENY",
                "Cross-Origin-Opener-Policy", "same-origin");
    }
}
