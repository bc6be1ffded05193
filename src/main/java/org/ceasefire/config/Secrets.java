package org.ceasefire.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for what is never shown: in {@code config}, in the start-up log, in error messages
 * and in stack traces. A setting is secret by its name, so a key added later inherits the rule:
 * any key naming a password, secret, token, credentials, JAAS or user info, or ending in
 * {@code .key} (a PEM private key such as {@code ssl.keystore.key}) or {@code .certificates}.
 * Whatever the key, the user info of a URL ({@code http://user:password@host}) is hidden in values
 * and in any text.
 */
public final class Secrets {
    public static final String HIDDEN = "[hidden]";

    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(password|passwd|secret|token|credentials|jaas|user\\.info|private).*|.*\\.key|.*\\.certificates");
    /** {@code scheme://user[:password]@}: the user info of a URL, up to the last {@code @} before the host. */
    private static final Pattern URL_USER_INFO = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@\\s\"']+@");
    /** {@code password="..."} and the like inside a JAAS line or any message quoting one. */
    private static final Pattern QUOTED_SECRET = Pattern.compile(
            "(?i)\\b(password|secret|token|credentials|user\\.info)(\\s*=\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;\"']+)");

    private Secrets() {
    }

    /** Whether the value of a setting with this name is secret. */
    public static boolean isSecret(String key) {
        return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    /** The value of a setting as it may be shown. */
    public static String redact(String key, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return isSecret(key) ? HIDDEN : redactText(value);
    }

    /** Any text (a message, a stack trace) with URL user info and quoted passwords hidden. */
    public static String redactText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String hidden = URL_USER_INFO.matcher(text).replaceAll("$1" + HIDDEN + "@");
        return QUOTED_SECRET.matcher(hidden).replaceAll("$1$2" + HIDDEN);
    }
}
