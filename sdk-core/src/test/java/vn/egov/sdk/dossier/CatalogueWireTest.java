package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.internal.Json;

/** Catalogue values: typed fields, unknown keys kept raw, symmetric wire form, the content hash. */
class CatalogueWireTest {
    static final String PROCEDURE = "{\"MATTHC\":\"1.003560.000.00.00.H56\",\"TENTTHC\":\"Cấp bản sao trích lục\","
            + "\"MADVC\":\"DVC-1\",\"TENDVC\":\"Cấp bản sao trực tuyến\",\"TENCOQUANBANHANH\":\"Bộ Tư pháp\","
            + "\"TENLINHVUC\":\"Hộ tịch\",\"LINHVUCTHUCHIEN\":[{\"MALINHVUC\":\"G09-TP01\",\"TENLINHVUC\":\"Hộ tịch\"}],"
            + "\"APDUNGDVC\":\"1\",\"CACHTHUCTHUCHIEN\":[{\"KENH\":\"2\",\"THOIGIAN\":[{\"THOIGIANGIAIQUYET\":\"1\","
            + "\"DONVITINH\":\"Ngày làm việc\",\"MOTA\":\"Trong ngày\",\"PHILEPHI\":[{\"MAPHILEPHI\":\"LP01\","
            + "\"TENPHILEPHI\":\"Lệ phí\",\"SOTIEN\":\"8000\",\"DONVI\":\"VND\"}]}]}],"
            + "\"TRINHTUTHUCHIEN\":[{\"TRUONGHOP\":\"Nộp trực tuyến\",\"TRINHTU\":[{\"TENTRINHTU\":\"Bước 1\"},"
            + "{\"TENTRINHTU\":\"Bước 2\"}]}],\"CANCUPHAPLY\":[{\"SOVANBAN\":\"123/2020/NĐ-CP\"}],\"CAPTHUCHIEN\":3}";

    @Test
    void aProcedureIsReadIntoTypedFieldsAndKeepsWhatItDoesNotModel() {
        Procedure p = Procedure.parse(PROCEDURE.getBytes(StandardCharsets.UTF_8));
        assertEquals("1.003560.000.00.00.H56", p.code());
        assertEquals("G09-TP01", p.fields().get(0).code());
        assertEquals("2", p.channels().get(0).channel());
        ProcedureTiming t = p.channels().get(0).timings().get(0);
        assertEquals("Ngày làm việc", t.unit());
        assertEquals("8000", t.fees().get(0).amount());
        assertEquals(Map.of("DONVI", "\"VND\""), t.fees().get(0).unknownFields());
        assertEquals(Map.of("MOTA", "\"Trong ngày\""), t.unknownFields());
        assertEquals(List.of("Bước 1", "Bước 2"), p.cases().get(0).steps());
        assertEquals(List.of("CANCUPHAPLY", "CAPTHUCHIEN"), List.copyOf(p.unknownFields().keySet()));
        assertEquals("3", p.unknownFields().get("CAPTHUCHIEN"));

        JsonNode original = parse(PROCEDURE);
        assertEquals(original, p.toWire());
        assertEquals(p, Procedure.parse(p.toWire()));
    }

    @Test
    void theContentHashIgnoresKeyOrderAndUnicodeFormButSeesEveryChange() {
        Procedure p = Procedure.parse(parse(PROCEDURE));
        String reordered = "{\"TENTTHC\":\"Cấp bản sao trích lục\"," + PROCEDURE.substring(1)
                .replace("\"TENTTHC\":\"Cấp bản sao trích lục\",", "");
        assertEquals(p.contentHash(), Procedure.parse(parse(reordered)).contentHash());
        String nfd = Normalizer.normalize(PROCEDURE, Normalizer.Form.NFD);
        assertEquals(p.contentHash(), Procedure.parse(parse(nfd)).contentHash());
        assertNotEquals(p.contentHash(), Procedure.parse(parse(PROCEDURE.replace("8000", "9000"))).contentHash());
        assertNotEquals(p.contentHash(), Procedure.parse(parse(PROCEDURE.replace("NĐ-CP", "QĐ"))).contentHash());
        assertEquals(64, p.contentHash().length());
    }

    @Test
    void listsOfServicesAgenciesAndFieldsAreRead() {
        List<PublicService> services = PublicService.parseAll(parse("[{\"MADVC\":\"D1\",\"TENDVC\":\"T\","
                + "\"MATTHC\":\"1.000001\",\"APDUNGDVC\":\"1\",\"MUCDO\":4}]"));
        assertEquals("1.000001", services.get(0).procedureCode());
        assertEquals("4", services.get(0).unknownFields().get("MUCDO"));
        List<Agency> agencies = Agency.parseAll(parse("[{\"MACOQUAN\":\"H99\",\"TENCOQUAN\":\"UBND\"}]"));
        assertEquals(new Agency("H99", "UBND", Map.of()), agencies.get(0));
        assertEquals(Field.of("G1", "Hộ tịch"), Field.parseAll(parse("[{\"MALINHVUC\":\"G1\",\"TENLINHVUC\":\"Hộ tịch\"}]"))
                .get(0));
        assertEquals(parse("{\"MADVC\":\"D1\",\"TENDVC\":\"T\",\"MATTHC\":\"1.000001\",\"APDUNGDVC\":\"1\","
                + "\"MUCDO\":4}"), services.get(0).toWire());
    }

    @Test
    void brokenCatalogueInputNamesTheElement() {
        DossierFormatException e = assertThrows(DossierFormatException.class, () -> Procedure.parseAll(
                parse("[{},{\"CACHTHUCTHUCHIEN\":[{\"THOIGIAN\":[{\"PHILEPHI\":[{\"SOTIEN\":{}}]}]}]}]")));
        assertEquals("Procedure[1].CACHTHUCTHUCHIEN[0].THOIGIAN[0].PHILEPHI[0].SOTIEN", e.path());
        assertEquals("field.wrongType", e.rule());
        assertEquals("json.notArray", assertThrows(DossierFormatException.class,
                () -> Field.parseAll(parse("{}"))).rule());
        assertEquals("Agency[0]", assertThrows(DossierFormatException.class,
                () -> Agency.parseAll(parse("[3]"))).path());
        assertEquals("Procedure.TRINHTUTHUCHIEN[0].TRINHTU", assertThrows(DossierFormatException.class,
                () -> Procedure.parse(parse("{\"TRINHTUTHUCHIEN\":[{\"TRINHTU\":\"x\"}]}"))).path());
    }

    @Test
    void aBuiltProcedureGoesOnTheWireAndToBuilderKeepsEverything() {
        Procedure built = Procedure.builder().code("2.002492").name("Cấp phép").fields(List.of(Field.of("G1", "A")))
                .channels(List.of(new ProcedureChannel("1", List.of(new ProcedureTiming("5", "Ngày",
                        List.of(new ProcedureFee("P", "Phí", "1000", null)), null)), null)))
                .cases(List.of(new ProcedureCase("Trực tiếp", List.of("Nộp", "Nhận"), null)))
                .unknownFields(Map.of("CAPTHUCHIEN", "\"3\"")).build();
        assertEquals(built, Procedure.parse(built.toWire()));
        assertEquals("1000", built.toWire().at("/CACHTHUCTHUCHIEN/0/THOIGIAN/0/PHILEPHI/0/SOTIEN").asText());
        assertEquals("Nhận", built.toWire().at("/TRINHTUTHUCHIEN/0/TRINHTU/1/TENTRINHTU").asText());
        Procedure p = Procedure.parse(parse(PROCEDURE));
        assertEquals(p, p.toBuilder().build());
        assertNotEquals(p.contentHash(), p.toBuilder().name("Khác").build().contentHash());
        assertEquals(false, p.toString().contains("CANCUPHAPLY"));
    }

    @Test
    void unknownFieldsGivenByACallerMustBeJsonAndNotModelled() {
        assertEquals("Field.X", assertThrows(ValidationException.class,
                () -> new Field("a", "b", Map.of("X", "not json"))).errors().get(0).path());
        assertThrows(ValidationException.class, () -> new Field("a", "b", Map.of("MALINHVUC", "\"c\"")));
        assertThrows(ValidationException.class, () -> new Procedure("a", null, null, null, null, null,
                java.util.Arrays.asList((Field) null), null, null, null, null));
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
