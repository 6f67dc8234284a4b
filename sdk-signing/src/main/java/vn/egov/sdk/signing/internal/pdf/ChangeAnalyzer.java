package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What incremental updates after a signed revision changed, and whether that is allowed.
 *
 * <p>The rule: a later revision may add signatures and nothing else that changes what is displayed. Allowed are new
 * signature fields and their widgets (with appearance streams, fonts and images), the {@code /DSS} (validation data)
 * and {@code /Extensions} in the catalog, the AcroForm's {@code /Fields}, {@code /SigFlags}, {@code /DR},
 * {@code /DA} and {@code /NeedAppearances}, a page's {@code /Annots} growing by signature widgets only, and filling
 * an existing blank signature field ({@code /V}, {@code /AP}, {@code /Lock}). A changed document information
 * dictionary is reported but allowed. Anything else — a changed content stream, resource, page dictionary entry,
 * page tree, a new non-signature annotation (shadow and "evil annotation" attacks), a new catalog — modifies the
 * document after signing.
 *
 * <p>Objects are compared by reference: an object written after the signed revision whose number existed in that
 * revision is "modified" and compared with its signed version entry by entry; new objects matter only if a
 * modified object refers to them.
 */
public final class ChangeAnalyzer {
    private static final Set<COSName> CATALOG_ALLOWED = Set.of(COSName.ACRO_FORM, COSName.getPDFName("DSS"),
            COSName.EXTENSIONS);
    private static final Set<COSName> ACROFORM_ALLOWED = Set.of(COSName.FIELDS, COSName.SIG_FLAGS, COSName.DR,
            COSName.DA, COSName.NEED_APPEARANCES);
    private static final Set<COSName> SIGFIELD_ALLOWED = Set.of(COSName.V, COSName.AP, COSName.AS,
            COSName.getPDFName("Lock"), COSName.getPDFName("SV"), COSName.MK, COSName.F);
    private static final int MAX_DEPTH = 32;

    /**
     * The result.
     *
     * @param modifications changes that alter the document after signing (empty when none)
     * @param notes allowed changes worth reporting
     */
    public record Result(List<String> modifications, List<String> notes) {
    }

    private ChangeAnalyzer() {
    }

    /**
     * Compares the revision ending at {@code revisionEnd} with the whole file.
     *
     * @param file the file
     * @param latest the whole file, loaded
     * @param revisionEnd where the signed revision ends
     */
    public static Result analyze(Path file, PDDocument latest, long revisionEnd) throws IOException {
        try (PDDocument signed = Loader.loadPDF(new RevisionRead(file, revisionEnd), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            return compare(signed, latest, revisionEnd);
        }
    }

    private static Result compare(PDDocument signed, PDDocument latest, long revisionEnd) {
        List<String> mods = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<COSObjectKey, Long> oldXref = signed.getDocument().getXrefTable();
        Map<COSObjectKey, Long> newXref = latest.getDocument().getXrefTable();
        Map<Long, Long> streamOffsets = new HashMap<>();
        newXref.forEach((k, v) -> {
            if (k.getGeneration() == 0) {
                streamOffsets.putIfAbsent(k.getNumber(), v);
            }
        });
        COSDictionary oldTrailer = signed.getDocument().getTrailer();
        COSDictionary newTrailer = latest.getDocument().getTrailer();
        COSObjectKey oldRoot = keyOf(oldTrailer.getItem(COSName.ROOT));
        COSObjectKey newRoot = keyOf(newTrailer.getItem(COSName.ROOT));
        if (oldRoot == null || !oldRoot.equals(newRoot)) {
            mods.add("a later revision replaced the document catalog");
            return new Result(mods, notes);
        }
        COSObjectKey info = keyOf(newTrailer.getItem(COSName.INFO));
        Set<COSObjectKey> annotArrays = new HashSet<>();
        Set<COSObjectKey> pageKeys = new HashSet<>();
        for (var page : latest.getPages()) {
            COSDictionary p = page.getCOSObject();
            if (p.getKey() != null) {
                pageKeys.add(p.getKey());
            }
            COSObjectKey a = keyOf(p.getItem(COSName.ANNOTS));
            if (a != null) {
                annotArrays.add(a);
            }
        }
        COSDictionary oldCatalog = signed.getDocumentCatalog().getCOSObject();
        COSDictionary newCatalog = latest.getDocumentCatalog().getCOSObject();
        COSObjectKey acroForm = keyOf(newCatalog.getItem(COSName.ACRO_FORM));
        COSObjectKey fields = null;
        if (newCatalog.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary af) {
            fields = keyOf(af.getItem(COSName.FIELDS));
        }
        for (Map.Entry<COSObjectKey, Long> e : newXref.entrySet()) {
            long offset = e.getValue();
            if (offset < 0) {
                offset = streamOffsets.getOrDefault(-offset, Long.MAX_VALUE);
            }
            COSObjectKey key = e.getKey();
            if (offset < revisionEnd || !oldXref.containsKey(key)) {
                continue; // unchanged, or new (new objects count only where a modified object refers to them)
            }
            COSBase before = resolve(signed, key);
            COSBase after = resolve(latest, key);
            String what = "object " + key.getNumber() + " " + key.getGeneration();
            if (key.equals(oldRoot)) {
                dictionary(before, after, CATALOG_ALLOWED, "the document catalog", mods);
                if (!same(oldCatalog.getItem(COSName.ACRO_FORM), newCatalog.getItem(COSName.ACRO_FORM), 0)
                        && newCatalog.getItem(COSName.ACRO_FORM) instanceof COSDictionary direct) {
                    acroFormChange(oldCatalog.getDictionaryObject(COSName.ACRO_FORM), direct, mods);
                }
            } else if (key.equals(acroForm)) {
                acroFormChange(before, after, mods);
            } else if (key.equals(info)) {
                notes.add("the document information dictionary was changed after this signature");
            } else if (pageKeys.contains(key)) {
                dictionary(before, after, Set.of(COSName.ANNOTS), "page " + what, mods);
                if (before instanceof COSDictionary b && after instanceof COSDictionary a
                        && !same(b.getItem(COSName.ANNOTS), a.getItem(COSName.ANNOTS), 0)) {
                    grownBySignatures(b.getDictionaryObject(COSName.ANNOTS), a.getDictionaryObject(COSName.ANNOTS),
                            "annotation", mods);
                }
            } else if (annotArrays.contains(key)) {
                grownBySignatures(before, after, "annotation", mods);
            } else if (key.equals(fields)) {
                grownBySignatures(before, after, "form field", mods);
            } else if (isSignatureField(before) && isSignatureField(after)) {
                dictionary(before, after, SIGFIELD_ALLOWED, "signature field " + what, mods);
                if (before instanceof COSDictionary b && b.getDictionaryObject(COSName.V) != null
                        && after instanceof COSDictionary a && !same(b.getItem(COSName.V), a.getItem(COSName.V), 0)) {
                    mods.add("the value of an already signed signature field was replaced");
                }
            } else {
                mods.add(describe(what, after) + " was changed after this signature");
            }
        }
        return new Result(mods, notes);
    }

    private static void acroFormChange(COSBase before, COSBase after, List<String> mods) {
        if (before == null) {
            if (!(after instanceof COSDictionary a)) {
                mods.add("the interactive form was replaced");
                return;
            }
            grownBySignatures(null, a.getDictionaryObject(COSName.FIELDS), "form field", mods);
            return;
        }
        dictionary(before, after, ACROFORM_ALLOWED, "the interactive form", mods);
        if (before instanceof COSDictionary b && after instanceof COSDictionary a) {
            COSBase bf = b.getItem(COSName.FIELDS);
            COSBase af = a.getItem(COSName.FIELDS);
            if (!same(bf, af, 0) && !(af instanceof COSObject)) {
                grownBySignatures(b.getDictionaryObject(COSName.FIELDS), a.getDictionaryObject(COSName.FIELDS),
                        "form field", mods);
            }
        }
    }

    /** Entries of {@code after} differing from {@code before}, outside {@code allowed}, are modifications. */
    private static void dictionary(COSBase before, COSBase after, Set<COSName> allowed, String what,
            List<String> mods) {
        if (!(before instanceof COSDictionary b) || !(after instanceof COSDictionary a)
                || before instanceof COSStream || after instanceof COSStream) {
            mods.add(what + " was replaced after this signature");
            return;
        }
        Set<COSName> keys = new HashSet<>(b.keySet());
        keys.addAll(a.keySet());
        for (COSName k : keys) {
            if (!allowed.contains(k) && !same(b.getItem(k), a.getItem(k), 0)) {
                mods.add(what + ": entry /" + k.getName() + " was changed after this signature");
            }
        }
    }

    /** An array may only keep its old entries, in order, and add signature fields or widgets. */
    private static void grownBySignatures(COSBase before, COSBase after, String what, List<String> mods) {
        COSArray b = before instanceof COSArray x ? x : new COSArray();
        if (!(after instanceof COSArray a)) {
            if (before != null) {
                mods.add("the list of " + what + "s was removed after this signature");
            }
            return;
        }
        if (a.size() < b.size()) {
            mods.add("a " + what + " was removed after this signature");
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            if (i < b.size()) {
                if (!same(b.get(i), a.get(i), 0)) {
                    mods.add("a " + what + " was replaced after this signature");
                }
            } else if (!isSignatureField(a.getObject(i))) {
                mods.add("a " + what + " that is not a signature (" + describe("", a.getObject(i)).trim()
                        + ") was added after this signature");
            }
        }
    }

    private static boolean isSignatureField(COSBase o) {
        if (!(o instanceof COSDictionary d)) {
            return false;
        }
        if (COSName.SIG.equals(d.getCOSName(COSName.FT))) {
            return true;
        }
        return COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE))
                && d.getDictionaryObject(COSName.PARENT) instanceof COSDictionary p
                && COSName.SIG.equals(p.getCOSName(COSName.FT));
    }

    private static String describe(String what, COSBase o) {
        if (o instanceof COSDictionary d) {
            COSName type = d.getCOSName(COSName.TYPE);
            COSName sub = d.getCOSName(COSName.SUBTYPE);
            String kind = (o instanceof COSStream ? "a stream" : "a dictionary")
                    + (type == null ? "" : " /" + type.getName()) + (sub == null ? "" : " /" + sub.getName());
            return what + " (" + kind + ")";
        }
        return what;
    }

    private static COSBase resolve(PDDocument doc, COSObjectKey key) {
        COSObject o = doc.getDocument().getObjectFromPool(key);
        return o == null ? null : o.getObject();
    }

    private static COSObjectKey keyOf(COSBase item) {
        return item instanceof COSObject o ? o.getKey() : item == null ? null : item.getKey();
    }

    /** Structural equality; references compare by object number, not by what they point to. */
    static boolean same(COSBase a, COSBase b, int depth) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || depth > MAX_DEPTH) {
            return false;
        }
        if (a instanceof COSObject oa || b instanceof COSObject) {
            if (!(a instanceof COSObject x) || !(b instanceof COSObject y)) {
                return false;
            }
            return x.getObjectNumber() == y.getObjectNumber() && x.getGenerationNumber() == y.getGenerationNumber();
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
            return java.util.Arrays.equals(sa.getBytes(), sb.getBytes());
        }
        return a.equals(b);
    }
}
