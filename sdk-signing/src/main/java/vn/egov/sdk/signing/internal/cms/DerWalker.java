package vn.egov.sdk.signing.internal.cms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads ASN.1 elements (tag, length, contents) from bytes as received, for the checks of {@link CmsEncoding}: each
 * element's identifier and length octets are read as written and held against DER's forms (shortest tags and
 * lengths, at most 4 length octets), elements are walked whole to find their extent (checking DER's length rules,
 * or leniently), and the indefinite length form is either refused or, on an outer container, accepted and noted in
 * {@link #ber}. Problems are {@link NotDer} exceptions whose message names the part and the offset.
 */
abstract class DerWalker {
    /** The deepest nesting walked (a certificate is about 10 deep). */
    private static final int MAX_DEPTH = 64;

    /** The input, as received. */
    final byte[] b;
    /** The BER forms accepted where the rule allows them (part and offset). */
    final List<String> ber = new ArrayList<>();

    DerWalker(byte[] b) {
        this.b = b;
    }


    /**
     * An element's identifier and length, as read.
     *
     * @param contentEnd the end of the contents, -1 for the indefinite length form
     * @param derProblem what in the identifier or length octets is not in DER form, or null
     */
    record Header(int offset, int tag, boolean constructed, int contentStart, int contentEnd,
            String derProblem) {
        boolean indefinite() {
            return contentEnd < 0;
        }

        boolean contentEquals(byte[] data, byte[] expected) {
            return !indefinite() && Arrays.equals(data, contentStart, contentEnd, expected, 0, expected.length);
        }
    }

    /**
     * Reads the identifier and length octets at {@code pos}.
     *
     * @param lenient whether any BER form of them is accepted (to find an element's extent, or when the caller
     *     checks {@link Header#derProblem()} itself with a better name for the element); else DER's
     */
    Header header(int pos, int limit, String part, boolean lenient) throws NotDer {
        Header h = read(pos, limit, part);
        if (!lenient && h.derProblem != null) {
            throw notDer(pos, part, h.derProblem);
        }
        return h;
    }

    /** The element's identifier and length octets must be in DER form (the indefinite form is checked apart). */
    Header der(Header h, String part) throws NotDer {
        if (h != null && h.derProblem != null) {
            throw notDer(h.offset, part, h.derProblem);
        }
        return h;
    }

    Header read(int pos, int limit, String part) throws NotDer {
        if (pos >= limit) {
            throw malformed(pos, part, "an element is missing (the data ends here)");
        }
        String problem = null;
        int tag = b[pos] & 0xff;
        boolean constructed = (tag & 0x20) != 0;
        int p = pos + 1;
        if ((tag & 0x1f) == 0x1f) {
            // high tag number form: base-128 octets, the first not 0x80, the number at least 31
            long number = 0;
            int octets = 0;
            while (true) {
                if (p >= limit || ++octets > 4) {
                    throw malformed(pos, part, "the tag is truncated or longer than 4 octets");
                }
                int o = b[p++] & 0xff;
                if (octets == 1 && o == 0x80) {
                    problem = "the tag has a leading zero octet: not the shortest form";
                }
                number = (number << 7) | (o & 0x7f);
                if ((o & 0x80) == 0) {
                    break;
                }
            }
            if (number < 31 && problem == null) {
                problem = "the tag number " + number + " is written in the long form: not the shortest form";
            }
            tag = -1 - (int) number; // never equal to a one-octet tag
        } else if (tag == 0) {
            throw malformed(pos, part, "an end-of-contents marker stands where an element is expected");
        }
        if (p >= limit) {
            throw malformed(pos, part, "the length is missing (truncated)");
        }
        int first = b[p++] & 0xff;
        if (first == 0x80) {
            if (!constructed) {
                throw malformed(pos, part, "a primitive element has the indefinite length form");
            }
            return new Header(pos, tag, true, p, -1, problem);
        }
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7f;
            if (n > 4) {
                throw notDer(pos, part, "the length has " + n + " octets (at most 4 are accepted)");
            }
            if (p + n > limit) {
                throw malformed(pos, part, "the length is truncated");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (b[p + i] & 0xff);
            }
            if (problem == null && b[p] == 0) {
                problem = "the length " + lengthText(p, n) + " has a leading zero octet: not the shortest form";
            } else if (problem == null && length < 0x80) {
                problem = "the length " + length + " is written in the long form (" + lengthText(p, n)
                        + "): not the shortest form";
            }
            p += n;
        }
        if (length > limit - p) {
            throw malformed(pos, part, "the length " + length + " runs past the end of its container (truncated, "
                    + "or a wrong length)");
        }
        return new Header(pos, tag, constructed, p, (int) (p + length), problem);
    }

    String lengthText(int p, int n) {
        StringBuilder s = new StringBuilder(String.format("%02x", 0x80 | n));
        for (int i = 0; i < n; i++) {
            s.append(' ').append(String.format("%02x", b[p + i] & 0xff));
        }
        return s.toString();
    }

    /**
     * Walks a whole element (its constructed parts, not the contents of primitives), checking DER's length rules
     * unless {@code lenient}; returns its end.
     */
    int skip(Header h, int limit, String part, int depth, boolean lenient) throws NotDer {
        if (depth > MAX_DEPTH) {
            throw malformed(h.offset, part, "it is nested more than " + MAX_DEPTH + " deep");
        }
        if (h.indefinite() && !lenient) {
            requireDefinite(h, part, "this element");
        }
        if (!lenient) {
            der(h, part);
        }
        if (!h.constructed()) {
            return h.contentEnd;
        }
        int end = h.indefinite() ? limit : h.contentEnd;
        int p = h.contentStart;
        while (true) {
            if (h.indefinite()) {
                if (p + 2 <= end && b[p] == 0 && b[p + 1] == 0) {
                    return p + 2;
                }
                if (p >= end) {
                    throw malformed(h.offset, part, "an indefinite-length element has no end-of-contents marker");
                }
            } else if (p == end) {
                return end;
            }
            Header child = header(p, end, part, lenient);
            p = skip(child, end, part, depth + 1, lenient);
        }
    }

    Header expect(Header h, int tag, String part, String what) throws NotDer {
        if (h == null) {
            throw new NotDer("malformed: " + part + ": " + what + " is missing");
        }
        if (h.tag != tag) {
            throw malformed(h.offset, part, what + " was expected (tag " + String.format("%02x", tag) + ")");
        }
        return h;
    }

    /** An outer container: DER's forms, or the indefinite length form, which is accepted there and noted. */
    void container(Header h, String in, String name) throws NotDer {
        der(h, in + "the " + name);
        if (h.indefinite()) {
            ber.add(in + "indefinite length at offset " + h.offset + " (" + name + ")");
        }
    }

    void requireDefinite(Header h, String part, String what) throws NotDer {
        der(h, part);
        if (h.indefinite()) {
            throw notDer(h.offset, part, "the indefinite length form is used where DER is required (" + what + ")");
        }
    }

    void requireEnd(Cursor c, String part, String what) throws NotDer {
        if (c.next() != null) {
            throw malformed(c.pos, part, "an unexpected element follows the end of " + what);
        }
    }

    /** The encoding breaks DER where the rule requires it. */
    NotDer notDer(int offset, String part, String why) {
        return new NotDer("not DER: " + part + ", at offset " + offset + ": " + why);
    }

    /** The structure is not a well-formed CMS (truncated, wrong element, missing end-of-contents). */
    NotDer malformed(int offset, String part, String why) {
        return new NotDer("malformed: " + part + ", at offset " + offset + ": " + why);
    }

    /** The children of a constructed element, read one after the other. */
    final class Cursor {
        private final Header parent;
        private final int limit;
        private final String part;
        /** Where the next child starts. */
        int pos;
        /** The end of the parent once its last child was read, else -1. */
        int end = -1;

        Cursor(Header parent, int outerLimit, String part) {
            this.parent = parent;
            this.limit = parent.indefinite() ? outerLimit : parent.contentEnd;
            this.part = part;
            this.pos = parent.contentStart;
        }

        /** Where the current child may extend to. */
        int limit() {
            return limit;
        }

        /** The next child, or null at the end of the parent (its end-of-contents consumed). */
        Header next() throws NotDer {
            if (end >= 0) {
                return null;
            }
            if (parent.indefinite()) {
                if (pos + 2 <= limit && b[pos] == 0 && b[pos + 1] == 0) {
                    end = pos + 2;
                    return null;
                }
                if (pos >= limit) {
                    throw malformed(parent.offset, part, "an indefinite-length element has no end-of-contents marker");
                }
            } else if (pos == limit) {
                end = limit;
                return null;
            }
            return header(pos, limit, part, true); // its reader checks its DER form, naming it
        }

        void advance(int childEnd) {
            pos = childEnd;
        }
    }

    /** The input breaks the rule or is malformed; the message says where and why. */
    static final class NotDer extends Exception {
        private static final long serialVersionUID = 1L;

        NotDer(String message) {
            super(message, null, false, false);
        }
    }
}
