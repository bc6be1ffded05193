package org.ceasefire.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits the bytes of one input into lines and decodes each as strict UTF-8. Hostile input must
 * neither exhaust memory nor reach the topic altered: a line longer than the bound is skipped to its
 * end without being held (only its first bytes are kept, as an excerpt), and a line that is not
 * UTF-8 is refused with the offset of its first bad byte instead of being decoded with replacement
 * characters. Lines end at {@code \n}; a {@code \r} before it and a byte order mark at the start of
 * the input are dropped.
 */
public final class InputLines {
    /** The longest line accepted unless configured otherwise: 1 MiB, far above any real statement. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    /** How much of a refused line is kept for messages and the rejects file. */
    static final int EXCERPT_BYTES = 200;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * One line: its number, the bytes {@code [from, to)} it occupies in the input (its line end not
     * included), and its text, or, when it was refused, why and the start of it.
     */
    public record Line(long number, long from, long to, String text, String problem, String excerpt) {
        public boolean refused() {
            return problem != null;
        }

        /** The text when accepted, else the excerpt: what messages and the rejects file show. */
        public String shown() {
            return refused() ? excerpt : text;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean ended;
    /** The line being read, up to one byte more than the bound (that byte may be a {@code \r}). */
    private byte[] kept = new byte[1024];
    private long offset;
    private long number;
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    public InputLines(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("the longest line must be at least 1 byte, not " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Lines of a text, with the default bound: for tests and for inputs already in memory. */
    public static InputLines of(String text) {
        return new InputLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), DEFAULT_MAX_LINE_BYTES);
    }

    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        if (position == limit && !fill()) {
            return null;
        }
        number++;
        long from = offset;
        long length = 0;
        int keptLength = 0;
        byte last = 0;
        boolean terminated = false;
        while (!terminated && (position < limit || fill())) {
            int end = indexOfNewline();
            int stop = end < 0 ? limit : end;
            int n = stop - position;
            if (n > 0) {
                int keep = (int) Math.min(n, (long) maxLineBytes + 1 - keptLength);
                if (keep > 0) {
                    ensureKept(keptLength + keep);
                    System.arraycopy(chunk, position, kept, keptLength, keep);
                    keptLength += keep;
                }
                last = chunk[stop - 1];
                length += n;
            }
            position = end < 0 ? limit : end + 1;
            terminated = end >= 0;
        }
        offset = from + length + (terminated ? 1 : 0);
        long contentLength = last == '\r' ? length - 1 : length;
        int start = number == 1 && startsWithByteOrderMark(keptLength) ? BYTE_ORDER_MARK.length : 0;
        long to = from + contentLength;
        if (contentLength > maxLineBytes) {
            return new Line(number, from, to, null, "the line is " + contentLength + " bytes long, more than the limit of "
                    + maxLineBytes + " (bytes " + from + "-" + to + " of the input); it was skipped unread",
                    excerpt(start, keptLength));
        }
        int contentEnd = (int) contentLength;
        return decode(from, to, start, Math.max(start, contentEnd));
    }

    private Line decode(long from, long to, int start, int end) {
        ByteBuffer bytes = ByteBuffer.wrap(kept, start, end - start);
        CharBuffer chars = CharBuffer.allocate(end - start);
        strict.reset();
        CoderResult result = strict.decode(bytes, chars, true);
        if (result.isError()) {
            int bad = bytes.position();
            String problem = "not UTF-8 text: byte 0x" + String.format("%02X", kept[bad] & 0xFF) + " at offset " + bad
                    + " of the line (offset " + (from + bad) + " of the input) does not start or continue a UTF-8 character";
            return new Line(number, from, to, null, problem, excerpt(start, end));
        }
        strict.flush(chars);
        chars.flip();
        return new Line(number, from, to, chars.toString(), null, null);
    }

    /** The first bytes of a refused line, anything that is not UTF-8 shown as U+FFFD. */
    private String excerpt(int start, int end) {
        int length = Math.min(end - start, EXCERPT_BYTES);
        String text = new String(kept, start, Math.max(length, 0), StandardCharsets.UTF_8);
        return end - start > EXCERPT_BYTES ? text + "…" : text;
    }

    private boolean startsWithByteOrderMark(int keptLength) {
        return keptLength >= 3 && kept[0] == BYTE_ORDER_MARK[0] && kept[1] == BYTE_ORDER_MARK[1] && kept[2] == BYTE_ORDER_MARK[2];
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void ensureKept(int size) {
        if (size > kept.length) {
            kept = java.util.Arrays.copyOf(kept, (int) Math.min(Math.max(size, 2L * kept.length), (long) maxLineBytes + 1));
        }
    }

    private boolean fill() throws IOException {
        while (!ended) {
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                ended = true;
            } else if (n > 0) {
                position = 0;
                limit = n;
                return true;
            }
        }
        return false;
    }
}
