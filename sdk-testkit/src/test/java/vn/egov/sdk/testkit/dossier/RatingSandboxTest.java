package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.AdapterReply;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.DvcqgFeedbackClient;
import vn.egov.sdk.dossier.RatingSummary;
import vn.egov.sdk.testkit.DvcqgErrorCodeStyle;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** Monthly rating summaries pushed end to end to the simulated portal. */
class RatingSandboxTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgAdapterClient adapter = CatalogueTestAdapters.adapter(sandbox);
    private final DvcqgFeedbackClient feedback = new DvcqgFeedbackClient(adapter);

    @AfterEach
    void close() {
        adapter.close();
    }

    @Test
    void aSummaryFromCountsArrivesWithWireNamesAndSharesAddingToAHundred() throws Exception {
        RatingSummary march = RatingSummary.ofCounts(YearMonth.of(2026, 3), "H99.01", 2, 1, 0)
                .agencyName("Sở Tư pháp tỉnh Thử Nghiệm").comments(List.of("Cán bộ hướng dẫn tận tình")).build();
        AdapterReply reply = feedback.pushRatings(List.of(march));
        assertTrue(reply.success(), reply.toString());

        List<String> held = sandbox.dvcqg().ratings();
        assertEquals(1, held.size());
        JsonNode wire = new ObjectMapper().readTree(held.get(0));
        assertEquals("3-2026", wire.get("NgayTongHop").textValue());
        assertEquals("3", wire.get("TongSoNguoiDanhGia").textValue());
        assertEquals("66.67%", wire.get("PhanTramDanhGiaRatHaiLong").textValue());
        assertEquals("33.33%", wire.get("PhanTramDanhGiaHaiLong").textValue());
        assertEquals("0%", wire.get("PhanTramDanhGiaChuaHaiLong").textValue());
        assertEquals(march, RatingSummary.parse(wire));

        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.dvcqg().pageUrl()))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("<p id=\"ratings\">1 bản tổng hợp</p>"), page);
        assertTrue(page.contains("<td>66.67%</td>"), page);
    }

    @Test
    void everyErrorCodeFormIsASuccess() {
        RatingSummary r = RatingSummary.ofCounts(YearMonth.of(2026, 4), "H99", 1, 0, 0).build();
        for (DvcqgErrorCodeStyle style : DvcqgErrorCodeStyle.values()) {
            sandbox.dvcqg().errorCodeStyle(style);
            assertTrue(feedback.pushRatings(List.of(r)).success(), style.name());
        }
        assertEquals(DvcqgErrorCodeStyle.values().length, sandbox.dvcqg().ratings().size());
    }

    @Test
    void brokenSummariesAreRefusedBeforeAnythingIsSentNamingEveryRule() {
        RatingSummary good = RatingSummary.ofCounts(YearMonth.of(2026, 5), "H99", 1, 1, 1).build();
        RatingSummary bad = good.toBuilder().agencyCode(null).period(null).build();
        ValidationException e = assertThrows(ValidationException.class,
                () -> feedback.pushRatings(List.of(good, bad)));
        assertEquals(List.of("ratings[1].RatingSummary.NgayTongHop", "ratings[1].RatingSummary.Madonvi"),
                e.errors().stream().map(FieldError::path).toList());
        assertThrows(ValidationException.class, () -> feedback.pushRatings(List.of()));
        assertThrows(ValidationException.class, () -> feedback.pushRatings(null));
        assertThrows(ValidationException.class, () -> new DvcqgFeedbackClient(null));
        assertEquals(List.of(), sandbox.dvcqg().ratings());
    }
}
