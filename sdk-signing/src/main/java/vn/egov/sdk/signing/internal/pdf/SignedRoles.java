package vn.egov.sdk.signing.internal.pdf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * What the objects of a signed revision are for: the catalog, the interactive form and its field list, the pages
 * with their annotation lists, content streams and resources, the signature fields and their widgets, the
 * validation data ({@code /DSS}); and a name for each, in words a person can find in the document ("font /F1 of
 * page 2", "form field 'amount'"). Built by walking the page list, one level of each page's resources and the
 * form's field tree, never stream data.
 */
final class SignedRoles {
    private static final int MAX_DEPTH = 32;
    private static final int MAX_FIELDS = 100_000;
    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName VRI = COSName.getPDFName("VRI");
    private static final Set<COSName> DSS_ARRAYS = Set.of(COSName.getPDFName("Certs"), COSName.getPDFName("OCSPs"),
            COSName.getPDFName("CRLs"), COSName.getPDFName("Cert"), COSName.getPDFName("OCSP"),
            COSName.getPDFName("CRL"));

    COSObjectKey root;
    COSObjectKey acroForm;
    COSObjectKey fields;
    COSObjectKey info;
    COSObjectKey metadata;
    /** Page dictionary → page number (from 1). */
    final Map<COSObjectKey, Integer> pages = new HashMap<>();
    /** An indirect {@code /Annots} array → its page number. */
    final Map<COSObjectKey, Integer> annots = new HashMap<>();
    /** Objects a page draws with or is made of (content streams, resources, fonts, XObjects, page tree nodes). */
    final Set<COSObjectKey> pageObjects = new HashSet<>();
    /** A signature field (terminal) → itself; its separate widgets → the field. */
    final Set<COSObjectKey> signatureFields = new HashSet<>();
    final Map<COSObjectKey, COSObjectKey> signatureWidgets = new HashMap<>();
    /** The dictionaries and arrays of the validation data (not its streams). */
    final Set<COSObjectKey> dss = new HashSet<>();
    /** A readable name for an object. */
    final Map<COSObjectKey, String> names = new HashMap<>();

    static SignedRoles of(PDDocument signed) {
        SignedRoles r = new SignedRoles();
        COSDictionary trailer = signed.getDocument().getTrailer();
        r.root = key(trailer.getItem(COSName.ROOT));
        r.info = key(trailer.getItem(COSName.INFO));
        r.name(r.root, "the document catalog");
        r.name(r.info, "the document information dictionary");
        COSDictionary catalog = signed.getDocumentCatalog().getCOSObject();
        r.name(key(catalog.getItem(COSName.PAGES)), "the page tree");
        r.metadata = key(catalog.getItem(COSName.METADATA));
        int i = 0;
        for (PDPage page : signed.getPages()) {
            r.page(page.getCOSObject(), ++i);
        }
        if (catalog.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary form) {
            r.acroForm = key(catalog.getItem(COSName.ACRO_FORM));
            r.name(r.acroForm, "the interactive form");
            r.fields = key(form.getItem(COSName.FIELDS));
            r.name(r.fields, "the interactive form's field list");
            if (form.getDictionaryObject(COSName.FIELDS) instanceof COSArray list) {
                int[] budget = {MAX_FIELDS};
                for (int j = 0; j < list.size(); j++) {
                    r.field(list.get(j), null, 0, budget);
                }
            }
        }
        if (catalog.getDictionaryObject(DSS) instanceof COSDictionary dss) {
            r.dss(catalog.getItem(DSS), dss);
        }
        // what else the catalog holds, one level down (optional content, names, outlines, ...)
        for (COSName k : catalog.keySet()) {
            String entry = "the catalog's /" + k.getName();
            r.name(key(catalog.getItem(k)), entry);
            if (catalog.getDictionaryObject(k) instanceof COSDictionary d) {
                for (COSName sub : d.keySet()) {
                    r.name(key(d.getItem(sub)), entry + " (its /" + sub.getName() + ")");
                }
            }
        }
        return r;
    }

    private void page(COSDictionary page, int number) {
        COSObjectKey k = page.getKey();
        String where = "page " + number;
        if (k != null) {
            pages.putIfAbsent(k, number);
            name(k, where);
        }
        COSBase parent = page.getItem(COSName.PARENT);
        for (int d = 0; parent instanceof COSObject p && d < MAX_DEPTH; d++) {
            COSObjectKey pk = key(p);
            if (pk == null || !pageObjects.add(pk)) {
                break;
            }
            name(pk, "the page tree");
            parent = p.getObject() instanceof COSDictionary pd ? pd.getItem(COSName.PARENT) : null;
        }
        COSBase annotList = page.getItem(COSName.ANNOTS);
        if (key(annotList) != null) {
            annots.putIfAbsent(key(annotList), number);
            name(key(annotList), "the annotation list of " + where);
        }
        if (page.getDictionaryObject(COSName.ANNOTS) instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.getObject(i) instanceof COSDictionary annot) {
                    String label = annotation(annot) + " on " + where;
                    name(key(a.get(i)), label);
                    appearances(annot, label);
                }
            }
        }
        COSBase contents = page.getItem(COSName.CONTENTS);
        mark(contents, "the content of " + where);
        if (page.getDictionaryObject(COSName.CONTENTS) instanceof COSArray parts) {
            for (int i = 0; i < parts.size(); i++) {
                mark(parts.get(i), "content stream " + (i + 1) + " of " + where);
            }
        }
        COSBase resources = page.getItem(COSName.RESOURCES);
        mark(resources, "the resources of " + where);
        if (page.getDictionaryObject(COSName.RESOURCES) instanceof COSDictionary res) {
            for (COSName kind : res.keySet()) {
                COSBase group = res.getItem(kind);
                mark(group, "the /" + kind.getName() + " resources of " + where);
                if (res.getDictionaryObject(kind) instanceof COSDictionary entries) {
                    for (COSName n : entries.keySet()) {
                        mark(entries.getItem(n), resource(kind) + " /" + n.getName() + " of " + where);
                    }
                }
            }
        }
    }

    /** Names the appearance streams of an annotation (normal, rollover, down; each state). */
    private void appearances(COSDictionary annot, String label) {
        if (!(annot.getDictionaryObject(COSName.AP) instanceof COSDictionary ap)) {
            return;
        }
        for (COSName k : ap.keySet()) {
            COSBase v = ap.getItem(k);
            name(key(v), "the appearance of " + label);
            if (deref(v) instanceof COSDictionary states && !(deref(v) instanceof org.apache.pdfbox.cos.COSStream)) {
                for (COSName state : states.keySet()) {
                    name(key(states.getItem(state)), "the appearance of " + label);
                }
            }
        }
    }

    private static String resource(COSName kind) {
        if (COSName.FONT.equals(kind)) {
            return "font";
        }
        if (COSName.XOBJECT.equals(kind)) {
            return "XObject";
        }
        return "resource (/" + kind.getName() + ")";
    }

    private void mark(COSBase item, String name) {
        COSObjectKey k = key(item);
        if (k != null) {
            pageObjects.add(k);
            name(k, name);
        }
    }

    private void field(COSBase item, String parentName, int depth, int[] budget) {
        if (depth > MAX_DEPTH || --budget[0] < 0 || !(deref(item) instanceof COSDictionary f)) {
            return;
        }
        COSObjectKey k = key(item);
        String partial = f.getItem(COSName.T) instanceof COSString t ? t.getString() : null;
        String name = parentName == null ? partial : partial == null ? parentName : parentName + "." + partial;
        COSArray kids = f.getDictionaryObject(COSName.KIDS) instanceof COSArray a ? a : null;
        boolean terminal = kids == null || !hasNamedKid(kids);
        if (!terminal) {
            for (int i = 0; i < kids.size(); i++) {
                field(kids.get(i), name, depth + 1, budget);
            }
            return;
        }
        boolean signature = COSName.SIG.equals(inheritedType(f));
        String label = (signature ? "signature field '" : "form field '") + name + "'";
        name(k, label);
        if (signature && k != null) {
            signatureFields.add(k);
        }
        if (kids != null) {
            for (int i = 0; i < kids.size(); i++) {
                COSObjectKey wk = key(kids.get(i));
                name(wk, "the widget of " + label);
                if (signature && wk != null && k != null) {
                    signatureWidgets.put(wk, k);
                }
            }
        }
    }

    private void dss(COSBase item, COSDictionary dss) {
        addDss(item);
        name(key(item), "the validation data (/DSS)");
        for (COSName k : dss.keySet()) {
            if (DSS_ARRAYS.contains(k)) {
                addDss(dss.getItem(k));
            }
        }
        if (dss.getDictionaryObject(VRI) instanceof COSDictionary vri) {
            addDss(dss.getItem(VRI));
            for (COSName k : vri.keySet()) {
                addDss(vri.getItem(k));
                if (vri.getDictionaryObject(k) instanceof COSDictionary entry) {
                    for (COSName a : entry.keySet()) {
                        if (DSS_ARRAYS.contains(a)) {
                            addDss(entry.getItem(a));
                        }
                    }
                }
            }
        }
    }

    private void addDss(COSBase item) {
        COSObjectKey k = key(item);
        if (k != null) {
            dss.add(k);
            name(k, "the validation data (/DSS)");
        }
    }

    private void name(COSObjectKey k, String name) {
        if (k != null) {
            names.putIfAbsent(k, name);
        }
    }

    /** "an annotation /Square", "the widget of form field 'x'": how an annotation is shown to a person. */
    static String annotation(COSDictionary annot) {
        COSName sub = annot.getCOSName(COSName.SUBTYPE);
        if (COSName.WIDGET.equals(sub)) {
            COSDictionary field = fieldOf(annot);
            String t = field.getItem(COSName.T) instanceof COSString s ? "'" + s.getString() + "'" : "(unnamed)";
            String kind = COSName.SIG.equals(inheritedType(field)) ? "signature field " : "form field ";
            return (field == annot ? kind : "the widget of " + kind) + t;
        }
        return "an annotation " + (sub == null ? "(no /Subtype)" : "/" + sub.getName());
    }

    /** The field a widget belongs to: itself when it carries the field's name, else its parent. */
    static COSDictionary fieldOf(COSDictionary widget) {
        if (widget.getItem(COSName.T) == null
                && widget.getDictionaryObject(COSName.PARENT) instanceof COSDictionary p) {
            return p;
        }
        return widget;
    }

    /** A field's type, inherited from its ancestors. */
    static COSName inheritedType(COSDictionary field) {
        COSDictionary d = field;
        for (int i = 0; i < MAX_DEPTH && d != null; i++) {
            if (d.getItem(COSName.FT) instanceof COSName ft) {
                return ft;
            }
            d = d.getDictionaryObject(COSName.PARENT) instanceof COSDictionary p ? p : null;
        }
        return null;
    }

    private static boolean hasNamedKid(COSArray kids) {
        for (int i = 0; i < kids.size(); i++) {
            if (kids.getObject(i) instanceof COSDictionary k && k.getItem(COSName.T) != null) {
                return true;
            }
        }
        return false;
    }

    static COSBase deref(COSBase b) {
        return b instanceof COSObject o ? o.getObject() : b;
    }

    static COSObjectKey key(COSBase item) {
        return item instanceof COSObject o ? o.getKey() : null;
    }
}
