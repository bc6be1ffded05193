package org.ceasefire.ingest;

/**
 * Makes text taken from an input safe to print: control characters (an escape sequence could
 * rewrite the user's terminal) and halves of surrogate pairs (no encoder can write them) are shown
 * as a backslash, u and four hex digits. Everything else, accents and emoji included, is kept as it is.
 */
final class TerminalText {
    private TerminalText() {
    }

    static String safe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean shown = pair || !(Character.isISOControl(c) || Character.isSurrogate(c));
            if (shown && safe == null) {
                if (pair) {
                    i++;
                }
                continue;
            }
            if (safe == null) {
                safe = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (pair) {
                safe.append(c).append(text.charAt(++i));
            } else if (shown) {
                safe.append(c);
            } else {
                safe.append(String.format("\\u%04X", (int) c));
            }
        }
        return safe == null ? text : safe.toString();
    }
}
