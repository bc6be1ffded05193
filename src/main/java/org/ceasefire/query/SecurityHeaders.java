package org.ceasefire.query;

import java.util.Map;

/**
 * Headers sent with every response. Statements are untrusted text shown in a browser: the policy
 * allows scripts, styles and connections from this origin only, and no inline script or eval, so
 * that even a rendering mistake cannot run injected code.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");

    public static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Cross-Origin-Opener-Policy", "same-origin");

    private SecurityHeaders() {
    }
}
