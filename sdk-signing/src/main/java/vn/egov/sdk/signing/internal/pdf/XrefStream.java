package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * A cross-reference stream of a {@link XrefChain} section, read as written: its dictionary ({@code /W},
 * {@code /Index}, {@code /Size}, {@code /Length}, one filter) and its decoded rows turned into entries.
 */
final class XrefStream {
    private static final long MAX_EXTRA_BYTES = 1L << 20;

    private XrefStream() {
    }

    /** Reads a cross-reference stream's entries into {@code out}; returns its dictionary. */
    static COSDictionary read(Path file, PdfObjectReader r, long at, long size,
            Function<COSObjectKey, COSBase> resolve, Map<Long, XrefChain.Entry> out) throws IOException {
        r.seek(at);
        r.integer();
        r.integer();
        if (!"obj".equals(r.keyword()) || !(r.object() instanceof COSDictionary dict)) {
            throw new IOException("no cross-reference section at byte " + at);
        }
        if (!COSName.XREF.equals(dict.getItem(COSName.TYPE)) || !"stream".equals(r.keyword())) {
            throw new IOException("the object at byte " + at + " is not a cross-reference stream");
        }
        // the keyword is followed by CRLF or LF
        int c = r.read();
        if (c == '\r' && r.peek() == '\n') {
            r.read();
        } else if (c != '\n' && c != '\r') {
            throw new IOException("no end of line after 'stream' in the object at byte " + at);
        }
        long data = r.position();
        long length = length(dict.getItem(COSName.LENGTH), resolve);
        int[] w = widths(dict);
        List<long[]> ranges = index(dict);
        if (length < 0 || length > size - data) {
            throw new IOException("the cross-reference stream at byte " + at + " has a bad /Length");
        }
        RowSink rows = new RowSink(w, ranges, out);
        try (InputStream raw = ByteRanges.stream(file, new long[] {data, length})) {
            COSBase filter = dict.getItem(COSName.FILTER);
            if (filter instanceof COSArray a && a.size() == 1) {
                filter = a.get(0);
            }
            if (filter == null) {
                raw.transferTo(rows);
            } else if (filter instanceof COSName name) {
                COSDictionary params = new COSDictionary();
                params.setItem(COSName.FILTER, name);
                COSBase dp = dict.getItem(COSName.DECODE_PARMS);
                if (dp instanceof COSArray a && a.size() == 1) {
                    dp = a.get(0);
                }
                if (dp != null) {
                    params.setItem(COSName.DECODE_PARMS, dp);
                }
                FilterFactory.INSTANCE.getFilter(name).decode(raw, rows, params, 0);
            } else {
                throw new IOException("the cross-reference stream at byte " + at + " uses filters the verifier "
                        + "does not read");
            }
        }
        r.seek(data + length);
        return dict;
    }

    private static long length(COSBase item, Function<COSObjectKey, COSBase> resolve) throws IOException {
        COSBase v = item instanceof COSObject o ? resolve.apply(o.getKey()) : item;
        if (v instanceof COSNumber n) {
            return n.longValue();
        }
        throw new IOException("a cross-reference stream has no /Length");
    }

    private static int[] widths(COSDictionary dict) throws IOException {
        if (dict.getItem(COSName.W) instanceof COSArray a && a.size() == 3) {
            int[] w = new int[3];
            for (int i = 0; i < 3; i++) {
                if (!(a.get(i) instanceof COSInteger n) || n.longValue() < 0 || n.longValue() > 8) {
                    throw new IOException("a cross-reference stream has a bad /W");
                }
                w[i] = n.intValue();
            }
            if (w[1] == 0) {
                throw new IOException("a cross-reference stream has a bad /W");
            }
            return w;
        }
        throw new IOException("a cross-reference stream has no /W");
    }

    private static List<long[]> index(COSDictionary dict) throws IOException {
        List<long[]> out = new ArrayList<>();
        COSBase index = dict.getItem(COSName.INDEX);
        if (index == null) {
            if (!(dict.getItem(COSName.SIZE) instanceof COSInteger size)) {
                throw new IOException("a cross-reference stream has no /Size");
            }
            out.add(new long[] {0, size.longValue()});
            return out;
        }
        if (!(index instanceof COSArray a) || a.size() % 2 != 0) {
            throw new IOException("a cross-reference stream has a bad /Index");
        }
        for (int i = 0; i < a.size(); i += 2) {
            if (!(a.get(i) instanceof COSInteger f) || !(a.get(i + 1) instanceof COSInteger c) || f.longValue() < 0
                    || c.longValue() < 0) {
                throw new IOException("a cross-reference stream has a bad /Index");
            }
            out.add(new long[] {f.longValue(), c.longValue()});
        }
        return out;
    }

    /** Turns the decoded rows of a cross-reference stream into entries as they are written. */
    private static final class RowSink extends OutputStream {
        private final int[] w;
        private final byte[] row;
        private final List<long[]> ranges;
        private final Map<Long, XrefChain.Entry> out;
        private int filled;
        private int range;
        private long inRange;
        private long extra;

        RowSink(int[] w, List<long[]> ranges, Map<Long, XrefChain.Entry> out) {
            this.w = w;
            this.row = new byte[w[0] + w[1] + w[2]];
            this.ranges = ranges;
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (range >= ranges.size()) {
                if (++extra > MAX_EXTRA_BYTES) {
                    throw new IOException("a cross-reference stream holds more data than its /Index declares");
                }
                return;
            }
            row[filled++] = (byte) b;
            if (filled == row.length) {
                filled = 0;
                emit();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }

        private void emit() {
            while (range < ranges.size() && inRange >= ranges.get(range)[1]) {
                range++;
                inRange = 0;
            }
            if (range >= ranges.size()) {
                return;
            }
            long number = ranges.get(range)[0] + inRange++;
            long type = w[0] == 0 ? 1 : field(0, w[0]);
            long second = field(w[0], w[1]);
            long third = field(w[0] + w[1], w[2]);
            XrefChain.Entry e = switch ((int) type) {
                case 0 -> new XrefChain.Entry(number, (int) Math.min(third, 65535), XrefChain.Kind.FREE, 0);
                case 1 -> new XrefChain.Entry(number, (int) Math.min(third, 65535), XrefChain.Kind.OFFSET, second);
                case 2 -> new XrefChain.Entry(number, 0, XrefChain.Kind.COMPRESSED, second);
                default -> null; // other types are references to the null object: nothing to compare
            };
            if (e != null) {
                out.putIfAbsent(number, e);
            }
            while (range < ranges.size() && inRange >= ranges.get(range)[1]) {
                range++;
                inRange = 0;
            }
        }

        private long field(int from, int width) {
            long v = 0;
            for (int i = 0; i < width; i++) {
                v = v << 8 | (row[from + i] & 0xff);
            }
            return v;
        }
    }
}
