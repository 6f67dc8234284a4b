package vn.egov.sdk.signing.internal.pdf;

import static vn.egov.sdk.signing.internal.pdf.CosObjects.deref;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.difference;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.identical;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.isType;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.kind;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.references;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.resolve;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.same;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.structural;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.text;
import static vn.egov.sdk.signing.internal.pdf.CosObjects.union;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * One revision compared with the one before it, object by object: each object it redefines, frees or re-points is
 * judged by its role in the signed revision (catalog, form, page, annotation, signature field, validation data), and
 * each object it adds must be accounted for by an allowed change.
 */
final class RevisionAnalysis {
    private static final Set<COSName> CATALOG_ALLOWED = Set.of(COSName.ACRO_FORM, COSName.getPDFName("DSS"),
            COSName.EXTENSIONS, COSName.METADATA);
    private static final String METADATA_NOTE = "the document's XMP metadata was changed after this signature";

    private final RevisionLedger ledger;
    private final SignatureChanges signatures;
    /** Field-list changes, judged last. */
    private final List<Runnable> fieldLists = new ArrayList<>();

    RevisionAnalysis(PDDocument signed, PDDocument latest, XrefChain.Section section, long revisionEnd) {
        this.ledger = new RevisionLedger(signed, latest, section, revisionEnd);
        this.signatures = new SignatureChanges(ledger);
    }

    ChangeAnalyzer.Step run() throws IOException {
        consistent();
        ledger.oldXref.keySet().forEach(k -> ledger.oldByNumber.merge(k.getNumber(), k,
                (a, b) -> a.getGeneration() >= b.getGeneration() ? a : b));
        ledger.roles = SignedRoles.of(ledger.signed);
        if (!trailer()) {
            return ledger.result();
        }
        List<COSObjectKey> redefined = new ArrayList<>();
        for (XrefChain.Entry e : ledger.entries.values()) {
            COSObjectKey was = ledger.oldByNumber.get(e.number());
            if (e.kind() == XrefChain.Kind.FREE) {
                if (was != null && !isType(resolve(ledger.old, was), COSName.XREF)) {
                    ledger.mods.add(ledger.describe(was) + " was deleted by a later revision (its cross-reference "
                            + "entry was freed, so viewers no longer draw it)");
                }
            } else if (was == null) {
                ledger.added.put(e.number(), new COSObjectKey(e.number(), e.generation()));
            } else if (was.getGeneration() != e.generation()) {
                ledger.mods.add(ledger.describe(was) + " was replaced by a new generation of object " + e.number()
                        + " (references to the signed object no longer resolve)");
            } else {
                redefined.add(was);
            }
        }
        // objects stored in an object stream that a later revision redefined or freed change with it
        for (Map.Entry<COSObjectKey, Long> o : ledger.oldXref.entrySet()) {
            if (o.getValue() < 0 && !ledger.entries.containsKey(o.getKey().getNumber())) {
                XrefChain.Entry stream = ledger.entries.get(-o.getValue());
                if (stream != null && stream.kind() == XrefChain.Kind.FREE) {
                    ledger.mods.add(ledger.describe(o.getKey()) + " was deleted by a later revision (the object "
                            + "stream holding it was freed)");
                } else if (stream != null) {
                    redefined.add(o.getKey());
                }
            }
        }
        for (COSObjectKey k : redefined) {
            redefinedObject(k);
        }
        // field lists last: a field added with a widget on a page is judged (and named) with its page first
        fieldLists.forEach(Runnable::run);
        addedObjects();
        return ledger.result();
    }

    /** PDFBox must see what the sections declare, or the comparison would be about another document. */
    private void consistent() throws IOException {
        if (ledger.now.getStartXref() != ledger.section.offset()) {
            throw new IOException("PDFBox read the cross-reference data from byte " + ledger.now.getStartXref()
                    + ", the file names byte " + ledger.section.offset());
        }
        for (XrefChain.Entry e : ledger.entries.values()) {
            if (e.kind() == XrefChain.Kind.FREE) {
                continue;
            }
            Long v = ledger.newXref.get(new COSObjectKey(e.number(), e.generation()));
            long expected = e.kind() == XrefChain.Kind.OFFSET ? e.value() : -e.value();
            if (v == null || v != expected) {
                throw new IOException("the cross-reference data of the later revisions is damaged (object "
                        + e.number() + " " + e.generation() + ")");
            }
        }
        for (Map.Entry<COSObjectKey, Long> o : ledger.oldXref.entrySet()) {
            if (!ledger.entries.containsKey(o.getKey().getNumber())
                    && !o.getValue().equals(ledger.newXref.get(o.getKey()))) {
                throw new IOException("the cross-reference data is damaged (object " + o.getKey() + ")");
            }
        }
        for (COSObjectKey k : ledger.newXref.keySet()) {
            if (!ledger.entries.containsKey(k.getNumber()) && !ledger.oldXref.containsKey(k)) {
                throw new IOException("the cross-reference data is damaged (object " + k
                        + " is in no cross-reference section)");
            }
        }
    }

    /** The catalog must stay the same object; a new information dictionary is reported. */
    private boolean trailer() {
        COSDictionary before = ledger.old.getTrailer();
        COSDictionary after = ledger.now.getTrailer();
        COSObjectKey root = SignedRoles.key(after.getItem(COSName.ROOT));
        if (ledger.roles.root == null || !ledger.roles.root.equals(root)) {
            ledger.mods.add("a later revision replaced the document catalog (the trailer's /Root names "
                    + (root == null ? "no object" : "object " + text(root)) + " instead of object "
                    + (ledger.roles.root == null ? "?" : text(ledger.roles.root)) + ")");
            return false;
        }
        if (!same(before.getItem(COSName.ENCRYPT), after.getItem(COSName.ENCRYPT), 0)) {
            ledger.mods.add("a later revision changed the document's encryption (/Encrypt)");
        }
        if (!same(before.getItem(COSName.INFO), after.getItem(COSName.INFO), 0)) {
            ledger.notes.add("the document information dictionary was changed after this signature");
            ledger.claim(after.getItem(COSName.INFO));
        }
        return true;
    }

    private void redefinedObject(COSObjectKey k) throws IOException {
        COSBase before = resolve(ledger.old, k);
        COSBase after = resolve(ledger.now, k);
        if (identical(before, after)) {
            return;
        }
        String where = repointed(k);
        if (k.equals(ledger.roles.root)) {
            catalog(before, after);
        } else if (k.equals(ledger.roles.acroForm)) {
            acroForm(before, after, k);
        } else if (k.equals(ledger.roles.fields)) {
            fieldLists.add(() -> signatures.growth(before, after, "form field", null, k));
        } else if (ledger.roles.pages.containsKey(k)) {
            page(before, after, k);
        } else if (ledger.roles.annots.containsKey(k)) {
            signatures.growth(before, after, "annotation", ledger.roles.annots.get(k), k);
        } else if (ledger.roles.signatureFields.contains(k)) {
            signatures.signatureField(before, after, k);
        } else if (ledger.roles.signatureWidgets.containsKey(k)) {
            signatures.signatureWidget(before, after, k, ledger.roles.signatureWidgets.get(k));
        } else if (ledger.roles.dss.contains(k) && !ledger.roles.pageObjects.contains(k)) {
            validationData(before, after, k);
        } else if (k.equals(ledger.roles.info)) {
            ledger.notes.add("the document information dictionary was changed after this signature");
            ledger.claim(after);
        } else if (k.equals(ledger.roles.metadata) && isType(after, COSName.METADATA)
                && !ledger.roles.pageObjects.contains(k)) {
            ledger.notes.add(METADATA_NOTE);
        } else if (structural(before) && structural(after)) {
            return; // a cross-reference or object stream; the objects in it are compared one by one
        } else {
            ledger.mods.add(ledger.describe(k) + " was changed by a later revision" + where
                    + difference(before, after));
        }
    }

    /** When a later entry points an object back into the signed bytes: another definition found there. */
    private String repointed(COSObjectKey k) {
        XrefChain.Entry e = ledger.entries.get(k.getNumber());
        if (e != null && e.kind() == XrefChain.Kind.OFFSET && e.value() < ledger.revisionEnd) {
            return " (a later cross-reference entry points it at other bytes of the signed file, offset "
                    + e.value() + ")";
        }
        return "";
    }

    private void catalog(COSBase before, COSBase after) {
        if (!(before instanceof COSDictionary b) || !(after instanceof COSDictionary a) || a instanceof COSStream) {
            ledger.mods.add("the document catalog was replaced by a later revision");
            return;
        }
        for (COSName k : union(b, a)) {
            COSBase x = b.getItem(k);
            COSBase y = a.getItem(k);
            if (same(x, y, 0)) {
                continue;
            }
            if (!CATALOG_ALLOWED.contains(k)) {
                ledger.mods.add("the document catalog: " + ledger.change(k, x, y) + catalogHint(k));
            } else if (COSName.ACRO_FORM.equals(k)) {
                ledger.claimOne(y);
                acroForm(deref(x), deref(y), SignedRoles.key(y) != null ? SignedRoles.key(y) : ledger.roles.root);
            } else {
                if (COSName.getPDFName("DSS").equals(k)) {
                    ledger.notes.add("a later revision adds or updates validation data (/DSS)");
                } else if (COSName.METADATA.equals(k)) {
                    ledger.notes.add(METADATA_NOTE);
                }
                ledger.claim(y);
            }
        }
    }

    private static String catalogHint(COSName k) {
        if (COSName.PERMS.equals(k)) {
            return " (permissions and certification belong to the first signature, not to a later revision)";
        }
        if (COSName.OCPROPERTIES.equals(k)) {
            return " (optional content settings decide which content is shown)";
        }
        if (COSName.PAGES.equals(k)) {
            return " (the pages were replaced)";
        }
        return "";
    }

    /** The interactive form: only its field list and signature flags may change. */
    private void acroForm(COSBase before, COSBase after, COSObjectKey container) {
        if (!(after instanceof COSDictionary a) || a instanceof COSStream) {
            ledger.mods.add("the interactive form was removed or replaced by a later revision");
            return;
        }
        COSDictionary b = before instanceof COSDictionary d ? d : new COSDictionary();
        for (COSName k : union(b, a)) {
            COSBase x = b.getItem(k);
            COSBase y = a.getItem(k);
            if (same(x, y, 0) || COSName.SIG_FLAGS.equals(k)) {
                continue;
            }
            if (COSName.FIELDS.equals(k)) {
                ledger.claimOne(y);
                fieldLists.add(() -> signatures.growth(deref(x), deref(y), "form field", null, container,
                        SignedRoles.key(y)));
            } else {
                ledger.mods.add("the interactive form: " + ledger.change(k, x, y) + (COSName.NEED_APPEARANCES.equals(k)
                        ? " (viewers would redraw the form fields from their values instead of the signed "
                                + "appearances)" : ""));
            }
        }
    }

    private void page(COSBase before, COSBase after, COSObjectKey k) {
        int number = ledger.roles.pages.get(k);
        if (!(before instanceof COSDictionary b) || !(after instanceof COSDictionary a) || a instanceof COSStream) {
            ledger.mods.add("page " + number + " was replaced by a later revision");
            return;
        }
        for (COSName n : union(b, a)) {
            COSBase x = b.getItem(n);
            COSBase y = a.getItem(n);
            if (same(x, y, 0)) {
                continue;
            }
            if (COSName.ANNOTS.equals(n)) {
                ledger.claimOne(y);
                signatures.growth(deref(x), deref(y), "annotation", number, k, SignedRoles.key(y));
            } else {
                ledger.mods.add("page " + number + " (object " + text(k) + "): " + ledger.change(n, x, y));
            }
        }
    }

    /** Validation data: its dictionaries and arrays may be rewritten; what they add is claimed. */
    private void validationData(COSBase before, COSBase after, COSObjectKey k) {
        boolean sameKind = before instanceof COSArray ? after instanceof COSArray
                : before instanceof COSDictionary && !(before instanceof COSStream)
                        && after instanceof COSDictionary && !(after instanceof COSStream);
        if (!sameKind) {
            ledger.mods.add(ledger.describe(k) + " was replaced by a later revision by something that is not "
                    + "validation data");
            return;
        }
        ledger.notes.add("a later revision adds or updates validation data (/DSS)");
        ledger.claim(after);
    }

    /** Objects new after the signed revision: referred to by the signed objects, or unused. */
    private void addedObjects() {
        if (ledger.added.isEmpty()) {
            return;
        }
        // an object the signed revision already referred to, though it did not exist then, appears now
        Map<Long, COSObjectKey> dangling = new LinkedHashMap<>();
        for (COSObjectKey k : ledger.oldXref.keySet()) {
            references(resolve(ledger.old, k), n -> {
                if (ledger.added.containsKey(n)) {
                    dangling.putIfAbsent(n, k);
                }
            });
        }
        dangling.forEach((n, from) -> ledger.mods.add(ledger.describe(from) + " has a reference to object " + n
                + ", which the signed revision did not contain; a later revision added it ("
                + kind(resolve(ledger.now, ledger.added.get(n))) + "), so it is now used"));
        int unused = 0;
        for (Map.Entry<Long, COSObjectKey> a : ledger.added.entrySet()) {
            COSBase o = resolve(ledger.now, a.getValue());
            if (!ledger.claimed.contains(a.getKey()) && !dangling.containsKey(a.getKey()) && !structural(o)) {
                unused++;
            }
        }
        if (unused > 0) {
            ledger.notes.add(unused + " object(s) added after this signature are used by nothing in the document");
        }
    }
}
