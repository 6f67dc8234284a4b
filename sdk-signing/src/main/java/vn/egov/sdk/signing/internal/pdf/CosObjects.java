package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

/**
 * Structural helpers over PDFBox's COS objects for the {@link ChangeAnalyzer}: equality (references by object
 * number, streams by their raw bytes), the kind of an object and its changed entries in words, and the shape of a
 * real signature value and of a widget that cannot paint.
 */
final class CosObjects {
    /** How deep {@link #same} compares nested dictionaries and arrays. */
    static final int MAX_DEPTH = 32;
    /** The most objects one walk over the object graph visits. */
    static final int MAX_NODES = 1_000_000;
    private static final int MAX_NAMED = 20;

    private CosObjects() {
    }

    /** The object number of a reference, or -1 for a direct object. */
    static long number(COSObject o) {
        return o.getKey() == null ? -1 : o.getKey().getNumber();
    }

    /** Whether {@code o} is a stream of that {@code /Type}. */
    static boolean isType(COSBase o, COSName type) {
        return o instanceof COSStream s && type.equals(s.getCOSName(COSName.TYPE));
    }

    /** What a reference points to; a direct object as it is. */
    static COSBase deref(COSBase b) {
        return SignedRoles.deref(b);
    }

    /** The object a document holds under {@code key}, or null. */
    static COSBase resolve(COSDocument doc, COSObjectKey key) {
        COSObject o = doc.getObjectFromPool(key);
        return o == null ? null : o.getObject();
    }

    /** "12 0": an object's number and generation. */
    static String text(COSObjectKey k) {
        return k.getNumber() + " " + k.getGeneration();
    }

    static String kind(COSBase o) {
        if (o instanceof COSDictionary d) {
            COSName type = d.getCOSName(COSName.TYPE);
            COSName sub = d.getCOSName(COSName.SUBTYPE);
            return (o instanceof COSStream ? "a stream" : "a dictionary") + (type == null ? "" : " /" + type.getName())
                    + (sub == null ? "" : " /" + sub.getName());
        }
        if (o instanceof COSArray) {
            return "an array";
        }
        return o == null ? "nothing" : "a " + o.getClass().getSimpleName().replace("COS", "").toLowerCase();
    }

    /** Equal, streams included (their dictionaries and raw bytes). */
    static boolean identical(COSBase a, COSBase b) throws IOException {
        if (a instanceof COSStream sa && b instanceof COSStream sb) {
            if (!same(dictionaryOf(sa), dictionaryOf(sb), 0) || sa.getLength() != sb.getLength()) {
                return false;
            }
            try (InputStream x = sa.createRawInputStream(); InputStream y = sb.createRawInputStream()) {
                byte[] bx = new byte[64 * 1024];
                byte[] by = new byte[64 * 1024];
                while (true) {
                    int n = x.readNBytes(bx, 0, bx.length);
                    int m = y.readNBytes(by, 0, n == 0 ? 1 : n);
                    if (n != m || !Arrays.equals(bx, 0, n, by, 0, m)) {
                        return false;
                    }
                    if (n == 0) {
                        return true;
                    }
                }
            }
        }
        return same(a, b, 0);
    }

    private static COSDictionary dictionaryOf(COSStream s) {
        COSDictionary d = new COSDictionary();
        for (Map.Entry<COSName, COSBase> e : s.entrySet()) {
            d.setItem(e.getKey(), e.getValue());
        }
        return d;
    }

    /** Structural equality; references compare by object number and generation, not by what they point to. */
    static boolean same(COSBase a, COSBase b, int depth) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || depth > MAX_DEPTH) {
            return false;
        }
        if (a instanceof COSObject || b instanceof COSObject) {
            if (!(a instanceof COSObject x) || !(b instanceof COSObject y)) {
                return false;
            }
            return Objects.equals(x.getKey(), y.getKey()) && (x.getKey() != null || x.getObject() == y.getObject());
        }
        if (a instanceof COSStream || b instanceof COSStream) {
            return false;
        }
        if (a instanceof COSDictionary da && b instanceof COSDictionary db) {
            if (!da.keySet().equals(db.keySet())) {
                return false;
            }
            for (COSName k : da.keySet()) {
                if (!same(da.getItem(k), db.getItem(k), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSArray aa && b instanceof COSArray ab) {
            if (aa.size() != ab.size()) {
                return false;
            }
            for (int i = 0; i < aa.size(); i++) {
                if (!same(aa.get(i), ab.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString sa && b instanceof COSString sb) {
            return Arrays.equals(sa.getBytes(), sb.getBytes());
        }
        return Objects.equals(a, b);
    }

    // ---- helpers
    /** The end of the revision a signature dictionary signs, or null when it is not a real signature. */
    static Long signatureEnd(COSBase v) {
        if (!(v instanceof COSDictionary sig) || v instanceof COSStream) {
            return null;
        }
        if (!(sig.getDictionaryObject(COSName.CONTENTS) instanceof COSString contents)) {
            return null;
        }
        boolean present = false;
        for (byte b : contents.getBytes()) {
            present |= b != 0;
        }
        if (!present || !(sig.getDictionaryObject(COSName.BYTERANGE) instanceof COSArray br) || br.size() != 4) {
            return null;
        }
        long[] n = new long[4];
        for (int i = 0; i < 4; i++) {
            if (!(br.getObject(i) instanceof COSNumber num) || num.longValue() < 0) {
                return null;
            }
            n[i] = num.longValue();
        }
        return n[2] > Long.MAX_VALUE - n[3] ? null : n[2] + n[3];
    }

    /** Empty signature field widgets that cannot paint: zero-size /Rect, or neither /AP nor /MK. */
    static boolean invisible(COSBase widget) {
        if (!(widget instanceof COSDictionary w)) {
            return false;
        }
        if (w.getDictionaryObject(COSName.RECT) instanceof COSArray r && r.size() == 4) {
            float[] v = new float[4];
            boolean numbers = true;
            for (int i = 0; i < 4; i++) {
                if (r.getObject(i) instanceof COSNumber n) {
                    v[i] = n.floatValue();
                } else {
                    numbers = false;
                }
            }
            if (numbers && (v[0] == v[2] || v[1] == v[3])) {
                return true;
            }
        }
        return w.getItem(COSName.AP) == null && w.getItem(COSName.MK) == null;
    }

    /** Reports the number of every reference under {@code root}, without following them. */
    static void references(COSBase root, LongConsumer found) {
        Deque<COSBase> todo = new ArrayDeque<>();
        if (root != null) {
            todo.push(root);
        }
        int nodes = 0;
        while (!todo.isEmpty() && nodes++ < MAX_NODES) {
            COSBase b = todo.pop();
            if (b instanceof COSObject o) {
                found.accept(number(o));
            } else if (b instanceof COSDictionary d) {
                d.getValues().forEach(todo::push);
            } else if (b instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) {
                    todo.push(a.get(i));
                }
            }
        }
    }

    /** How a redefined object differs, in words starting with ": ". */
    static String difference(COSBase before, COSBase after) {
        if (after == null) {
            return ": it is gone";
        }
        if (before instanceof COSDictionary b && after instanceof COSDictionary a
                && before instanceof COSStream == after instanceof COSStream) {
            Set<COSName> changed = changed(b, a);
            changed.remove(COSName.LENGTH);
            if (changed.isEmpty() && a instanceof COSStream) {
                return ": its data differs";
            }
            return a instanceof COSStream ? ": its data or its dictionary (" + entries(changed) + ") differ"
                    : ": " + entries(changed);
        }
        return ": it is now " + kind(after);
    }

    /** The keys whose values differ between two dictionaries. */
    static Set<COSName> changed(COSDictionary b, COSDictionary a) {
        Set<COSName> out = new LinkedHashSet<>();
        for (COSName k : union(b, a)) {
            if (!same(b.getItem(k), a.getItem(k), 0)) {
                out.add(k);
            }
        }
        return out;
    }

    static String entries(Set<COSName> names) {
        if (names.isEmpty()) {
            return "no entry, but its data";
        }
        StringBuilder sb = new StringBuilder(names.size() == 1 ? "entry " : "entries ");
        int i = 0;
        for (COSName n : names) {
            if (i++ == MAX_NAMED) {
                sb.append(", ...");
                break;
            }
            sb.append(i > 1 ? ", /" : "/").append(n.getName());
        }
        return sb.toString();
    }

    /** "[60 740 540 780]". */
    static String numbers(COSArray a) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.size(); i++) {
            COSBase v = a.getObject(i);
            sb.append(i == 0 ? "" : " ").append(v instanceof COSNumber n
                    ? (n.floatValue() == Math.rint(n.floatValue()) ? Long.toString((long) n.floatValue())
                            : Float.toString(n.floatValue()))
                    : "?");
        }
        return sb.append(']').toString();
    }

    /** The keys of both dictionaries, in order. */
    static Set<COSName> union(COSDictionary b, COSDictionary a) {
        Set<COSName> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        return keys;
    }

    /** A field's {@code /T}, quoted, or "(unnamed)". */
    static String name(COSDictionary field) {
        return field.getItem(COSName.T) instanceof COSString t ? "'" + t.getString() + "'" : "(unnamed)";
    }

    /** A cross-reference or object stream: bookkeeping, not content. */
    static boolean structural(COSBase o) {
        return isType(o, COSName.XREF) || isType(o, COSName.OBJ_STM);
    }
}
