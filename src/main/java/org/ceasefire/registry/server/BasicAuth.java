package org.ceasefire.registry.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HTTP Basic authentication of the registry: one {@code user:password}, which Confluent's clients
 * send with {@code basic.auth.credentials.source=USER_INFO} and {@code basic.auth.user.info}.
 * {@link #NONE} lets every request in (the local default).
 */
public final class BasicAuth {

    public static final BasicAuth NONE = new BasicAuth(null);

    private final byte[] expected;

    private BasicAuth(String userInfo) {
        this.expected = userInfo == null ? null
                : ("Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)))
                        .getBytes(StandardCharsets.UTF_8);
    }

    /** Requires {@code user:password}; null or blank means no authentication. */
    public static BasicAuth of(String userInfo) {
        if (userInfo == null || userInfo.isBlank()) {
            return NONE;
        }
        if (userInfo.indexOf(':') < 1) {
            throw new IllegalArgumentException("the registry's credentials must be given as <user>:<password>");
        }
        return new BasicAuth(userInfo);
    }

    public boolean enabled() {
        return expected != null;
    }

    /** Whether an {@code Authorization} header value lets the request in (compared in constant time). */
    boolean admits(String authorization) {
        if (expected == null) {
            return true;
        }
        return authorization != null
                && MessageDigest.isEqual(expected, authorization.trim().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return enabled() ? "Basic (credentials hidden)" : "none";
    }
}
