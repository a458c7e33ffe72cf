package io.vinyldetective.engine.catalog.dump;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Drops whole elements the catalog never reads ({@code <tracklist>...</tracklist>} and the like)
 * from a dump's bytes before the XML parser sees them: finding an end tag with a byte search is far
 * cheaper than tokenising everything in between, and in most releases those elements are most of
 * the text. Safe for well-formed XML in UTF-8 (or any ASCII-compatible encoding): a literal
 * {@code <} only ever starts markup, so {@code <tracklist>} cannot occur inside text or attribute
 * values. Only the bare start tag is matched; the same element written another way (with
 * attributes, self-closed) passes through to the parser, which skips it. The elements must not
 * nest in themselves.
 */
final class SkippingInputStream extends InputStream {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final byte[][] startTags;
    private final byte[][] endTags;
    private final int lookahead;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    /** The element being dropped, or -1. */
    private int skipping = -1;

    SkippingInputStream(InputStream in, List<String> elements) {
        this.in = in;
        startTags = new byte[elements.size()][];
        endTags = new byte[elements.size()][];
        int longest = 0;
        for (int i = 0; i < elements.size(); i++) {
            startTags[i] = ("<" + elements.get(i) + ">").getBytes(StandardCharsets.US_ASCII);
            endTags[i] = ("</" + elements.get(i) + ">").getBytes(StandardCharsets.US_ASCII);
            longest = Math.max(longest, endTags[i].length);
        }
        lookahead = longest;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] out, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (limit - pos < lookahead && !eof) {
                fill();
            }
            if (pos >= limit) {
                return -1;
            }
            if (skipping >= 0) {
                skip();
                continue;
            }
            // Copy up to the next dropped element's start tag.
            int end = Math.min(limit, pos + len);
            int i = pos;
            for (; i < end; i++) {
                if (buf[i] != '<') {
                    continue;
                }
                if (limit - i < lookahead && !eof) {
                    break; // refill first, so the whole tag is in view
                }
                int element = startTagAt(i);
                if (element >= 0) {
                    if (i == pos) {
                        skipping = element;
                        pos = i + startTags[element].length;
                    }
                    break;
                }
            }
            if (skipping >= 0 || i == pos) {
                continue;
            }
            int n = i - pos;
            System.arraycopy(buf, pos, out, off, n);
            pos = i;
            return n;
        }
    }

    /** Advances through the dropped element: past its end tag, or as far as the buffer allows. */
    private void skip() {
        byte[] tag = endTags[skipping];
        int last = limit - tag.length;
        for (int i = pos; i <= last; i++) {
            if (buf[i] == '<' && matches(i, tag)) {
                pos = i + tag.length;
                skipping = -1;
                return;
            }
        }
        // Keep a tail that could be the start of the end tag; at the end of the input drop it (truncated file).
        pos = eof ? limit : Math.max(pos, last + 1);
    }

    private int startTagAt(int i) {
        for (int e = 0; e < startTags.length; e++) {
            if (matches(i, startTags[e])) {
                return e;
            }
        }
        return -1;
    }

    private boolean matches(int at, byte[] tag) {
        if (limit - at < tag.length) {
            return false;
        }
        for (int k = 1; k < tag.length; k++) {
            if (buf[at + k] != tag[k]) {
                return false;
            }
        }
        return true;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return;
            }
            limit += n;
            if (limit >= lookahead) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
