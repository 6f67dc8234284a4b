package vn.egov.sdk.payment.keypay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dptracuuthanhtoanhs answers, byte for byte, and bad requests answered -1 without throwing. */
class PaymentLookupHandlerTest {
    private static final String ERROR = "{\"error_code\":-1,\"message\":[]}";
    private static final String NONE = "{\"error_code\":0,\"message\":[]}";

    private final PaymentLookupHandler handler = new PaymentLookupHandler(code -> switch (code) {
        case "HS-FREE" -> LookupAnswer.nothingToPay();
        case "HS-PAID" -> LookupAnswer.alreadyPaid();
        case "HS-BOOM" -> throw new IllegalStateException("database down");
        case "HS-NULL" -> null;
        case "HS-BILL" -> {
            Map<String, Object> bill = new LinkedHashMap<>();
            bill.put("MaDichVu", 2);
            bill.put("MaDVC", "1.001234.000.00.00.H41.01");
            bill.put("MaHoSo", "HS-BILL");
            yield new LookupAnswer.Bill(bill, "KP123", "keypay-client", LocalDate.of(2026, 3, 5), "H41.22-260305-0007",
                    LocalDateTime.of(2026, 3, 5, 15, 4, 9));
        }
        default -> LookupAnswer.unknownDossier();
    });

    private LookupReply post(String body) {
        return handler.handle(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void billIsAnObjectWithTheLookupCodeOnA24HourClock() {
        LookupReply reply = post("{\"MaHoSo\":\"HS-BILL\"}");
        assertEquals(1, reply.errorCode());
        assertEquals("{\"error_code\":1,\"message\":{\"MaDichVu\":2,\"MaDVC\":\"1.001234.000.00.00.H41.01\","
                + "\"MaHoSo\":\"HS-BILL\",\"transaction_id\":\"KP123\",\"client_id\":\"keypay-client\","
                + "\"NgayQD\":\"20260305\",\"MaTraCuuTT\":\"H41.22-260305-000720260305150409\"}}", reply.json());
        assertTrue(reply.problem().isEmpty());
        assertEquals(reply.json(), handler.handle(Map.of("MaHoSo", "HS-BILL")).json());
    }

    @Test
    void nothingToPayAndAlreadyPaidAreBothZeroWithAnEmptyArray() {
        assertEquals(NONE, post("{\"MaHoSo\":\"HS-FREE\"}").json());
        assertEquals(NONE, post("{\"MaHoSo\":\"HS-PAID\"}").json());
        assertEquals("application/json; charset=UTF-8", post("{\"MaHoSo\":\"HS-PAID\"}").contentType());
    }

    @Test
    void errorsAreMinusOneWithAnEmptyArrayAndAReasonForTheLog() {
        LookupReply unknown = post("{\"MaHoSo\":\"HS-UNKNOWN\"}");
        assertEquals(ERROR, unknown.json());
        assertTrue(unknown.problem().orElseThrow().contains("HS-UNKNOWN"));
        LookupReply boom = post("{\"MaHoSo\":\"HS-BOOM\"}");
        assertEquals(ERROR, boom.json());
        assertTrue(boom.problem().orElseThrow().contains("IllegalStateException"));
        assertEquals(ERROR, post("{\"MaHoSo\":\"HS-NULL\"}").json());
    }

    @Test
    void malformedOversizedAndHostileRequests() {
        String[] bad = {"", "   ", "not json", "[]", "null", "{\"MaHoSo\":", "{\"MaHoSo\":null}", "{\"MaHoSo\":\"\"}",
            "{\"maHoSo\":\"HS-BILL\"}", "{\"MaHoSo\":\"" + "A".repeat(101) + "\"}", "{\"MaHoSo\":\"HS\\u0000BILL\"}",
            "{" + "\"x\":[".repeat(200) + "]".repeat(200) + "}", "{\"MaHoSo\":\"" + "B".repeat(20_000) + "\"}"};
        for (String body : bad) {
            LookupReply reply = post(body);
            assertEquals(ERROR, reply.json(), body.length() > 60 ? body.substring(0, 60) : body);
            assertTrue(reply.problem().isPresent());
        }
        assertEquals(1, post("\uFEFF{\"MaHoSo\":\"HS-BILL\"}").errorCode(), "a UTF-8 byte order mark is read past");
        assertEquals(ERROR, handler.handle((byte[]) null).json());
        assertEquals(ERROR, handler.handle((Map<String, String>) null).json());
        Map<String, String> withNull = new HashMap<>();
        withNull.put("MaHoSo", null);
        assertEquals(ERROR, handler.handle(withNull).json());
        byte[] nonUtf8 = {'{', '"', 'M', 'a', 'H', 'o', 'S', 'o', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEquals(ERROR, handler.handle(nonUtf8).json());
    }

    @Test
    void aBillWithMissingPartsIsRefusedByItsConstructorNotByTheHandler() {
        PaymentLookupHandler broken = new PaymentLookupHandler(code -> new LookupAnswer.Bill(Map.of(), "", "c",
                LocalDate.of(2026, 1, 1), "HS", LocalDateTime.of(2026, 1, 1, 0, 0)));
        LookupReply reply = broken.handle(Map.of("MaHoSo", "HS"));
        assertEquals(ERROR, reply.json());
        assertTrue(reply.problem().orElseThrow().contains("ValidationException"));
    }
}
