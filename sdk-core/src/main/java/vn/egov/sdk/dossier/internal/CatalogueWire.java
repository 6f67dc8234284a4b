package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import vn.egov.sdk.dossier.Agency;
import vn.egov.sdk.dossier.DossierFormatException;
import vn.egov.sdk.dossier.Field;
import vn.egov.sdk.dossier.Procedure;
import vn.egov.sdk.dossier.ProcedureCase;
import vn.egov.sdk.dossier.ProcedureChannel;
import vn.egov.sdk.dossier.ProcedureFee;
import vn.egov.sdk.dossier.ProcedureTiming;
import vn.egov.sdk.dossier.PublicService;

/** The wire forms of the catalogue values, upper-case keys, unknown fields kept. */
public final class CatalogueWire {
    private CatalogueWire() {
    }

    /** Reads every element of an array with {@code reader}, naming each {@code name[i]}. */
    public static <T> List<T> all(JsonNode json, String name, BiFunction<JsonNode, String, T> reader) {
        if (json == null || !json.isArray()) {
            throw new DossierFormatException(name, "json.notArray", "a JSON array is required (" + kind(json)
                    + " given)", null);
        }
        List<T> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            out.add(reader.apply(json.get(i), name + "[" + i + "]"));
        }
        return out;
    }

    /** Reads a procedure from bytes. */
    public static Procedure procedure(byte[] json) {
        return procedure(BoundedJson.readObject(json, "Procedure"), "Procedure");
    }

    /** Reads a procedure. */
    public static Procedure procedure(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        return new Procedure(in.text("MATTHC"), in.text("TENTTHC"), in.text("MADVC"), in.text("TENDVC"),
                in.text("TENCOQUANBANHANH"), in.text("TENLINHVUC"),
                list(json, name, "LINHVUCTHUCHIEN", CatalogueWire::field), in.text("APDUNGDVC"),
                list(json, name, "CACHTHUCTHUCHIEN", CatalogueWire::channel),
                list(json, name, "TRINHTUTHUCHIEN", CatalogueWire::procedureCase),
                RawFields.unknown(json, Procedure.WIRE_NAMES));
    }

    /** Reads a field. */
    public static Field field(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        return new Field(in.text("MALINHVUC"), in.text("TENLINHVUC"), RawFields.unknown(json, Field.WIRE_NAMES));
    }

    /** Reads an agency. */
    public static Agency agency(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        return new Agency(in.text("MACOQUAN"), in.text("TENCOQUAN"), RawFields.unknown(json, Agency.WIRE_NAMES));
    }

    /** Reads a public service. */
    public static PublicService service(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        return new PublicService(in.text("MADVC"), in.text("TENDVC"), in.text("MATTHC"), in.text("APDUNGDVC"),
                RawFields.unknown(json, PublicService.WIRE_NAMES));
    }

    private static ProcedureChannel channel(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        return new ProcedureChannel(in.text("KENH"), list(json, name, "THOIGIAN", CatalogueWire::timing),
                RawFields.unknown(json, ProcedureChannel.WIRE_NAMES));
    }

    private static ProcedureTiming timing(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        return new ProcedureTiming(in.text("THOIGIANGIAIQUYET"), in.text("DONVITINH"),
                list(json, name, "PHILEPHI", CatalogueWire::fee), RawFields.unknown(json, ProcedureTiming.WIRE_NAMES));
    }

    private static ProcedureFee fee(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        return new ProcedureFee(in.text("MAPHILEPHI"), in.text("TENPHILEPHI"), in.text("SOTIEN"),
                RawFields.unknown(json, ProcedureFee.WIRE_NAMES));
    }

    private static ProcedureCase procedureCase(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        List<String> steps = list(json, name, "TRINHTU", (step, path) -> WireReader.root(step, path).text("TENTRINHTU"));
        return new ProcedureCase(in.text("TRUONGHOP"), steps.stream().map(s -> s == null ? "" : s).toList(),
                RawFields.unknown(json, ProcedureCase.WIRE_NAMES));
    }

    private static <T> List<T> list(JsonNode json, String name, String field, BiFunction<JsonNode, String, T> reader) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        return all(v, name + "." + field, reader);
    }

    /** Writes a procedure. */
    public static ObjectNode write(Procedure v) {
        WireWriter out = new WireWriter();
        out.text("MATTHC", v.code());
        out.text("TENTTHC", v.name());
        out.text("MADVC", v.serviceCode());
        out.text("TENDVC", v.serviceName());
        out.text("TENCOQUANBANHANH", v.issuingAgency());
        out.text("TENLINHVUC", v.fieldName());
        out.list("LINHVUCTHUCHIEN", v.fields(), CatalogueWire::write);
        out.text("APDUNGDVC", v.appliesOnline());
        out.list("CACHTHUCTHUCHIEN", v.channels(), CatalogueWire::write);
        out.list("TRINHTUTHUCHIEN", v.cases(), CatalogueWire::write);
        RawFields.write(out.node(), v.unknownFields());
        return out.node();
    }

    /** Writes a field. */
    public static ObjectNode write(Field v) {
        WireWriter out = new WireWriter();
        out.text("MALINHVUC", v.code());
        out.text("TENLINHVUC", v.name());
        RawFields.write(out.node(), v.unknownFields());
        return out.node();
    }

    /** Writes an agency. */
    public static ObjectNode write(Agency v) {
        WireWriter out = new WireWriter();
        out.text("MACOQUAN", v.code());
        out.text("TENCOQUAN", v.name());
        RawFields.write(out.node(), v.unknownFields());
        return out.node();
    }

    /** Writes a public service. */
    public static ObjectNode write(PublicService v) {
        WireWriter out = new WireWriter();
        out.text("MADVC", v.code());
        out.text("TENDVC", v.name());
        out.text("MATTHC", v.procedureCode());
        out.text("APDUNGDVC", v.appliesOnline());
        RawFields.write(out.node(), v.unknownFields());
        return out.node();
    }

    private static ObjectNode write(ProcedureChannel v) {
        WireWriter out = new WireWriter();
        out.text("KENH", v.channel());
        out.list("THOIGIAN", v.timings(), CatalogueWire::write);
        RawFields.write(out.node(), v.unknownFields());
        return out.node();
    }

    private static ObjectNode write(ProcedureTiming v) {
        WireWriter out = new WireWriter();
        out.text("THOIGIANGIAIQUYET", v.duration());
        out.text("DONVITINH", v.unit());
        out.list("PHILEPHI", v.fees(), CatalogueWire::write);
        RawFields.write(out.node(), v.unknownFields());
        return out.node();
    }

    private static ObjectNode write(ProcedureFee v) {
        WireWriter out = new WireWriter();
        out.text("MAPHILEPHI", v.code());
        out.text("TENPHILEPHI", v.name());
        out.text("SOTIEN", v.amount());
        RawFields.write(out.node(), v.unknownFields());
        return out.node();
    }

    private static ObjectNode write(ProcedureCase v) {
        WireWriter out = new WireWriter();
        out.text("TRUONGHOP", v.situation());
        if (!v.steps().isEmpty()) {
            ArrayNode steps = out.node().putArray("TRINHTU");
            v.steps().forEach(s -> steps.addObject().put("TENTRINHTU", s));
        }
        RawFields.write(out.node(), v.unknownFields());
        return out.node();
    }

    private static String kind(JsonNode v) {
        return v == null ? "null" : v.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
