package vn.egov.sdk.signing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A DER structure taken apart into its elements, so that a test can write it back with one element's length in
 * another form (the same length, encoded otherwise) and know where that element lands. Primitive contents are kept
 * as they are (lengths inside an OCTET STRING's contents are data, not structure).
 */
public final class DerTree {
    /** How a length is written. */
    public enum Form {
        /** DER: the shortest form. */
        SHORTEST,
        /** One more octet than needed: the long form for a length below 128, else a leading zero octet. */
        ONE_OCTET_MORE,
        /** Four length octets, with leading zeros. */
        FOUR_OCTETS,
        /** The indefinite form, closed by an end-of-contents marker (constructed elements only). */
        INDEFINITE
    }

    private final byte[] identifier;
    private final byte[] content;
    private final List<DerTree> children;
    private final List<Integer> path;
    private Form form = Form.SHORTEST;
    private int writtenAt = -1;

    private DerTree(byte[] identifier, byte[] content, List<DerTree> children, List<Integer> path) {
        this.identifier = identifier;
        this.content = content;
        this.children = children;
        this.path = path;
    }

    /** Takes apart one DER element at the start of {@code der}; what follows it is ignored. */
    public static DerTree parse(byte[] der) {
        return parse(der, 0, List.of());
    }

    /** The length of the DER element at the start of {@code der}. */
    public static int length(byte[] der) {
        int[] header = header(der, 0);
        return header[0] + header[1] + header[2];
    }

    /** {@code [identifier length, length octets count, content length]}. */
    private static int[] header(byte[] b, int at) {
        int id = 1;
        if ((b[at] & 0x1f) == 0x1f) {
            while ((b[at + id] & 0x80) != 0) {
                id++;
            }
            id++;
        }
        int first = b[at + id] & 0xff;
        if (first < 0x80) {
            return new int[] {id, 1, first};
        }
        int n = first & 0x7f;
        if (n == 0) {
            throw new IllegalArgumentException("indefinite length: not DER");
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (b[at + id + 1 + i] & 0xff);
        }
        return new int[] {id, 1 + n, len};
    }

    private static DerTree parse(byte[] b, int at, List<Integer> path) {
        int[] h = header(b, at);
        byte[] identifier = Arrays.copyOfRange(b, at, at + h[0]);
        int start = at + h[0] + h[1];
        int end = start + h[2];
        if ((b[at] & 0x20) == 0) {
            return new DerTree(identifier, Arrays.copyOfRange(b, start, end), null, path);
        }
        List<DerTree> children = new ArrayList<>();
        for (int p = start; p < end; ) {
            List<Integer> childPath = new ArrayList<>(path);
            childPath.add(children.size());
            DerTree child = parse(b, p, List.copyOf(childPath));
            children.add(child);
            p += length(Arrays.copyOfRange(b, p, end));
        }
        return new DerTree(identifier, null, children, path);
    }

    /** Every element, depth first, this one included. */
    public void forEach(Consumer<DerTree> action) {
        action.accept(this);
        if (children != null) {
            children.forEach(c -> c.forEach(action));
        }
    }

    /** The element at a path of child indexes, empty for this one. */
    public DerTree at(int... indexes) {
        DerTree t = this;
        for (int i : indexes) {
            t = t.children.get(i);
        }
        return t;
    }

    /** Its children (empty for a primitive). */
    public List<DerTree> children() {
        return children == null ? List.of() : children;
    }

    /** Its child indexes from the root. */
    public List<Integer> path() {
        return path;
    }

    /** Its first identifier octet. */
    public int tag() {
        return identifier[0] & 0xff;
    }

    /** Whether it is constructed. */
    public boolean constructed() {
        return children != null;
    }

    /** The length of its contents. */
    public int contentLength() {
        if (children == null) {
            return content.length;
        }
        int n = 0;
        for (DerTree c : children) {
            n += c.size();
        }
        return n;
    }

    /** A primitive element with other contents (for DER nested in an OCTET STRING). */
    public DerTree withContent(byte[] value) {
        if (children != null) {
            throw new IllegalArgumentException("a constructed element has children, not contents");
        }
        return new DerTree(identifier, value.clone(), null, path);
    }

    /** The contents of a primitive element. */
    public byte[] content() {
        if (children == null) {
            return content.clone();
        }
        throw new IllegalArgumentException("a constructed element has children, not contents");
    }

    /** Replaces the child at {@code index}. */
    public void replace(int index, DerTree child) {
        children.set(index, child);
    }

    /** Writes its length in {@code value} from now on ({@link Form#SHORTEST} to undo). */
    public void form(Form value) {
        if (value == Form.INDEFINITE && children == null) {
            throw new IllegalArgumentException("a primitive has no indefinite form");
        }
        this.form = value;
    }

    /** Where its first octet was written by the last {@link #encode()}. */
    public int writtenAt() {
        return writtenAt;
    }

    /** The whole structure, each length in its element's form. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    private int size() {
        int len = contentLength();
        return identifier.length + lengthOctets(len).length + len + (form == Form.INDEFINITE ? 2 : 0);
    }

    private byte[] lengthOctets(int len) {
        if (form == Form.INDEFINITE) {
            return new byte[] {(byte) 0x80};
        }
        int n = len < 0x80 ? 0 : len < 0x100 ? 1 : len < 0x10000 ? 2 : len < 0x1000000 ? 3 : 4;
        int octets = switch (form) {
            case SHORTEST -> n;
            case ONE_OCTET_MORE -> n + 1;
            case FOUR_OCTETS -> 4;
            case INDEFINITE -> throw new AssertionError();
        };
        if (octets == 0) {
            return new byte[] {(byte) len};
        }
        byte[] out = new byte[1 + octets];
        out[0] = (byte) (0x80 | octets);
        for (int i = 0; i < octets; i++) {
            out[octets - i] = (byte) (i < 4 ? len >>> (8 * i) : 0);
        }
        return out;
    }

    private void write(ByteArrayOutputStream out) {
        writtenAt = out.size();
        out.writeBytes(identifier);
        out.writeBytes(lengthOctets(contentLength()));
        if (children == null) {
            out.writeBytes(content);
        } else {
            children.forEach(c -> c.write(out));
        }
        if (form == Form.INDEFINITE) {
            out.writeBytes(new byte[2]);
        }
    }

    @Override
    public String toString() {
        return String.format("%02x at %s", tag(), path);
    }
}
