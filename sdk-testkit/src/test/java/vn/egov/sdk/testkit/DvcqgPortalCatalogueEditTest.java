package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ValidationException;

/** The /dvcqg/ catalogue's test hooks (edit, remove, reset) and its paging on request. */
class DvcqgPortalCatalogueEditTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPortalSandbox portal = sandbox.dvcqg();
    private final DvcqgPortalClient client = new DvcqgPortalClient(portal);

    @Test
    void aTestEditsTheCatalogueUntilReset() {
        String code = "1.000001.000.00.00.H99";
        assertTrue(portal.putProcedure("{\"MATTHC\":\"" + code + "\",\"TENTTHC\":\"Tên mới\",\"MADVC\":\"D\"}"));
        assertFalse(portal.putProcedure("{\"MATTHC\":\"9.000009\",\"TENTTHC\":\"Thêm\"}"));
        assertTrue(portal.removeProcedure("2.000002.000.00.00.H99"));
        assertFalse(portal.removeProcedure("2.000002.000.00.00.H99"));
        JsonNode list = client.share(client.envelope("LayDanhSachTTHC")).get("result");
        assertEquals(3, list.size());
        assertEquals("Tên mới", list.get(0).get("TENTTHC").asText());
        assertEquals("9.000009", list.get(2).get("MATTHC").asText());
        assertEquals("Tên mới", client.share(client.envelope("LayThuTuc").put("maTTHC", code))
                .at("/result/TENTTHC").asText());
        assertEquals(3, client.share(client.envelope("LayDVC")).get("result").size());
        assertEquals(3, portal.procedures().size());

        sandbox.reset();
        assertEquals(3, portal.procedures().size());
        assertTrue(portal.procedures().get(1).contains("2.000002.000.00.00.H99"));
        assertThrows(ValidationException.class, () -> portal.putProcedure("{\"TENTTHC\":\"x\"}"));
        assertThrows(ValidationException.class, () -> portal.putProcedure("[1]"));
        assertThrows(ValidationException.class, () -> portal.removeProcedure(null));
    }

    @Test
    void listsArePagedOnRequest() {
        JsonNode second = client.share(client.envelope("LayDanhSachTTHC").put("pageIndex", 2).put("pageSize", 2));
        assertEquals(1, second.get("result").size());
        assertEquals("1.000003.000.00.00.H99", second.at("/result/0/MATTHC").asText());
        JsonNode text = client.share(client.envelope("LayDanhMucLinhVuc").put("pageIndex", "1").put("pageSize", "2"));
        assertEquals(2, text.get("result").size());
        assertEquals(0, client.share(client.envelope("LayDVC").put("pageIndex", 9).put("pageSize", 2))
                .get("result").size());
        assertEquals("-1", client.share(client.envelope("LayDanhMucCoQuan").put("pageIndex", 0))
                .get("error_code").asText());
        assertEquals("-1", client.share(client.envelope("LayDanhMucCoQuan").put("pageSize", "x"))
                .get("error_code").asText());
    }
}
