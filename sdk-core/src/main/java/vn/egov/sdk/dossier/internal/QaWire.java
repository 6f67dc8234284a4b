package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.dossier.DossierFormatException;
import vn.egov.sdk.dossier.QaAnswer;
import vn.egov.sdk.dossier.QaItem;

/** The wire forms of {@link QaItem} ({@code DongBoHoiDap}) and {@link QaAnswer}. */
public final class QaWire {
    private QaWire() {
    }

    /** Writes an item, with its answer's fields when answered. */
    public static ObjectNode write(QaItem v) {
        WireWriter out = new WireWriter();
        out.text("HOIDAPID", v.id());
        out.text("MaLinhVuc", v.fieldCode());
        out.text("NOIDUNG", v.question());
        out.text("MADONVI", v.agencyCode());
        out.text("TENDONVI", v.agencyName());
        if (v.answer() != null) {
            answerFields(out, v.answer());
        }
        return out.node();
    }

    /** Writes an answer with its question's id. */
    public static ObjectNode writeAnswer(QaAnswer v) {
        WireWriter out = new WireWriter();
        out.text("HOIDAPID", v.questionId());
        answerFields(out, v);
        return out.node();
    }

    private static void answerFields(WireWriter out, QaAnswer v) {
        out.text("CHUCVUNGUOITRALOI", v.answererTitle());
        out.date("NGAYTRALOI", v.answeredAt());
        out.text("NOIDUNGTRALOI", v.text());
    }

    /** Reads an item from JSON bytes. */
    public static QaItem read(byte[] json) {
        return read(BoundedJson.readObject(json, "QaItem"), "QaItem");
    }

    /** Reads items from a JSON array. */
    public static List<QaItem> readAll(JsonNode json) {
        if (json == null || !json.isArray()) {
            throw new DossierFormatException("QaItem", "json.notArray", "a JSON array is required", null);
        }
        List<QaItem> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            out.add(read(json.get(i), "QaItem[" + i + "]"));
        }
        return out;
    }

    /** Reads an item from a JSON node, naming it {@code name} in errors. */
    public static QaItem read(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        String id = in.text("HOIDAPID");
        boolean answered = isSet(in.text("NOIDUNGTRALOI")) || isSet(in.text("NGAYTRALOI"));
        return new QaItem(id, in.text("MaLinhVuc"), in.text("NOIDUNG"), in.text("MADONVI"), in.text("TENDONVI"),
                answered ? readAnswer(json, name) : null);
    }

    /** Reads the answer fields of an object. */
    public static QaAnswer readAnswer(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        return new QaAnswer(in.text("HOIDAPID"), in.text("CHUCVUNGUOITRALOI"), in.date("NGAYTRALOI"),
                in.text("NOIDUNGTRALOI"));
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }
}
