package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * What the revisions appended after a signed revision declare, read from their cross-reference sections as written:
 * for each revision, every object number it defines, re-points or frees (a free entry is what PDFBox's merged table
 * drops, so an object "deleted" by an update would otherwise still look present) and where the revision ends; and
 * whether the chain of {@code /Prev} links really continues from the signed revision's own cross-reference section.
 */
final class XrefChain {
    /** What a cross-reference entry says about an object number. */
    enum Kind {
        /** Deleted: references to it resolve to null. */
        FREE,
        /** At a byte offset of the file. */
        OFFSET,
        /** Inside an object stream. */
        COMPRESSED
    }

    /**
     * What one revision's cross-reference section says about one object number.
     *
     * @param number the object number
     * @param generation the generation
     * @param kind free, at an offset, or compressed
     * @param value the byte offset ({@link Kind#OFFSET}) or the object stream's number ({@link Kind#COMPRESSED})
     */
    record Entry(long number, int generation, Kind kind, long value) {
    }

    /**
     * One revision after the signed one.
     *
     * @param offset where its cross-reference section starts (its {@code startxref})
     * @param end where the revision ends (after its {@code %%EOF})
     * @param entries object number → entry, for every number the section declares (object 0 excluded)
     */
    record Section(long offset, long end, Map<Long, Entry> entries) {
    }

    private static final int TAIL = 4096;
    private static final int MAX_SECTIONS = 10_000;
    private static final int MAX_TRAILER_GAP = 64 * 1024;

    /** The revisions after the signed one, oldest first. */
    final List<Section> sections;
    /** Null when the later sections chain to the signed revision's; else what is wrong, in words. */
    final String problem;

    private XrefChain(List<Section> sections, String problem) {
        this.sections = sections;
        this.problem = problem;
    }

    /**
     * Reads the sections written after {@code revisionEnd}.
     *
     * @param file the PDF
     * @param size its length
     * @param revisionEnd where the signed revision ends
     * @param resolve resolves an indirect {@code /Length} of a cross-reference stream
     */
    static XrefChain read(Path file, long size, long revisionEnd, Function<COSObjectKey, COSBase> resolve)
            throws IOException {
        try (RandomAccessReadBufferedFile raf = new RandomAccessReadBufferedFile(file)) {
            PdfObjectReader r = new PdfObjectReader(raf);
            long signed = lastStartxref(raf, revisionEnd);
            List<Section> newestFirst = new ArrayList<>();
            String problem = null;
            Set<Long> seen = new HashSet<>();
            long at = lastStartxref(raf, size);
            while (at >= revisionEnd) {
                if (!seen.add(at) || newestFirst.size() >= MAX_SECTIONS) {
                    problem = "the cross-reference sections of the later revisions loop (at byte " + at + ")";
                    break;
                }
                Read s = section(file, r, at, size, resolve);
                Map<Long, Entry> entries = new LinkedHashMap<>(s.entries);
                entries.remove(0L);
                long end = newestFirst.isEmpty() ? size : revisionEnd(raf, s.tail, at);
                newestFirst.add(new Section(at, end, Collections.unmodifiableMap(entries)));
                if (!(s.trailer.getItem(COSName.PREV) instanceof COSInteger prev)) {
                    problem = "the cross-reference section at byte " + at + " does not continue from the signed "
                            + "revision (it has no /Prev): the signed objects are no longer part of the document";
                    break;
                }
                at = prev.longValue();
            }
            if (problem == null && at != signed) {
                problem = "the cross-reference data of the later revisions continues at byte " + at
                        + " instead of the signed revision's cross-reference section (byte " + signed
                        + "): the document is read from other bytes than the signed revision's";
            }
            Collections.reverse(newestFirst);
            return new XrefChain(List.copyOf(newestFirst), problem);
        }
    }

    /** After a section's trailer: {@code startxref}, its own offset, {@code %%EOF}; the revision ends there. */
    private static long revisionEnd(RandomAccessReadBufferedFile raf, long tail, long offset) throws IOException {
        int n = (int) Math.min(MAX_TRAILER_GAP, raf.length() - tail);
        byte[] b = new byte[Math.max(n, 0)];
        raf.seek(tail);
        raf.readFully(b);
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int eof = s.indexOf("%%EOF");
        int sx = s.indexOf("startxref");
        if (eof < 0 || sx < 0 || sx > eof || !s.substring(sx + 9, eof).trim().equals(Long.toString(offset))) {
            throw new IOException("the revision whose cross-reference section starts at byte " + offset
                    + " does not end with startxref " + offset + " and %%EOF");
        }
        long end = tail + eof + 5;
        if (s.startsWith("\r\n", eof + 5)) {
            end += 2;
        } else if (s.startsWith("\n", eof + 5) || s.startsWith("\r", eof + 5)) {
            end += 1;
        }
        return end;
    }

    /** A section as read: its entries, its trailer, and where the bytes after it start. */
    private record Read(Map<Long, Entry> entries, COSDictionary trailer, long tail) {
    }

    private static Read section(Path file, PdfObjectReader r, long at, long size,
            Function<COSObjectKey, COSBase> resolve)
            throws IOException {
        r.seek(at);
        r.skipSpace();
        long start = r.position();
        if ("xref".equals(r.keyword())) {
            Map<Long, Entry> entries = new LinkedHashMap<>();
            COSDictionary trailer = table(r, size, entries);
            long tail = r.position();
            if (trailer.getItem(COSName.XREF_STM) instanceof COSInteger stm) {
                // a hybrid file: the stream adds what the table does not define (or marks free)
                Map<Long, Entry> extra = new LinkedHashMap<>();
                XrefStream.read(file, r, stm.longValue(), size, resolve, extra);
                for (Entry e : extra.values()) {
                    Entry t = entries.get(e.number());
                    if (t == null || t.kind() == Kind.FREE) {
                        entries.put(e.number(), e);
                    }
                }
            }
            return new Read(entries, trailer, tail);
        }
        Map<Long, Entry> entries = new LinkedHashMap<>();
        COSDictionary dict = XrefStream.read(file, r, start, size, resolve, entries);
        return new Read(entries, dict, r.position());
    }

    private static COSDictionary table(PdfObjectReader r, long size, Map<Long, Entry> out) throws IOException {
        while (true) {
            r.skipSpace();
            long mark = r.position();
            String k = r.keyword();
            if ("trailer".equals(k)) {
                if (!(r.object() instanceof COSDictionary trailer)) {
                    throw new IOException("the trailer at byte " + mark + " is not a dictionary");
                }
                return trailer;
            }
            r.seek(mark);
            long first = r.integer();
            long count = r.integer();
            if (count > size / 18 + 1 || first > Integer.MAX_VALUE) {
                throw new IOException("the cross-reference subsection at byte " + mark + " declares " + count
                        + " entries, more than the file can hold");
            }
            for (long i = 0; i < count; i++) {
                long value = r.integer();
                long gen = r.integer();
                String type = r.keyword();
                if (gen > 65535 || !("n".equals(type) || "f".equals(type))) {
                    throw new IOException("a malformed cross-reference entry at byte " + r.position());
                }
                long number = first + i;
                out.putIfAbsent(number, new Entry(number, (int) gen, "n".equals(type) ? Kind.OFFSET : Kind.FREE,
                        value));
            }
        }
    }

    /** The offset the last {@code startxref} before {@code end} names. */
    private static long lastStartxref(RandomAccessReadBufferedFile raf, long end) throws IOException {
        int n = (int) Math.min(end, TAIL);
        byte[] tail = new byte[n];
        raf.seek(end - n);
        raf.readFully(tail);
        String s = new String(tail, StandardCharsets.ISO_8859_1);
        int at = s.lastIndexOf("startxref");
        if (at < 0) {
            throw new IOException("no startxref before byte " + end);
        }
        int i = at + "startxref".length();
        while (i < s.length() && PdfObjectReader.isSpace(s.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j)) && j - i < 18) {
            j++;
        }
        if (j == i) {
            throw new IOException("startxref without an offset before byte " + end);
        }
        return Long.parseLong(s.substring(i, j));
    }

}
