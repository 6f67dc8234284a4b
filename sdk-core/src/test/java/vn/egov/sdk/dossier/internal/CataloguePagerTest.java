package vn.egov.sdk.dossier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.AdapterReply;
import vn.egov.sdk.dossier.CataloguePaging;
import vn.egov.sdk.dossier.DossierFormatException;

/** The list shapes a catalogue reply may take, and the paging loop's stop rules. */
class CataloguePagerTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void aListIsTheResultOrItsDataOrNothing() {
        assertEquals(2, CataloguePager.elements("S", F.arrayNode().add(1).add(2)).size());
        ObjectNode wrapped = F.objectNode();
        wrapped.putArray("data").add(1);
        assertEquals(1, CataloguePager.elements("S", wrapped).size());
        assertEquals(0, CataloguePager.elements("S", MissingNode.getInstance()).size());
        assertEquals(0, CataloguePager.elements("S", F.nullNode()).size());
        DossierFormatException e = assertThrows(DossierFormatException.class,
                () -> CataloguePager.elements("LayDVC", F.textNode("x")));
        assertEquals("LayDVC.result", e.path());
        assertEquals("json.notArray", e.rule());
    }

    @Test
    void pagesAreReadUntilAShortOneAndTheRequestCarriesTheConfiguredNames() {
        List<ObjectNode> asked = new ArrayList<>();
        var all = CataloguePager.read("LayDVC", CataloguePaging.pages(2).withParameters("trang", "so")
                .withFirstPage(0), (service, fields) -> {
                    asked.add(fields);
                    int page = fields.get("trang").intValue();
                    return reply(page < 2 ? F.arrayNode().add(page * 2).add(page * 2 + 1) : F.arrayNode().add(4));
                });
        assertEquals(5, all.size());
        assertEquals(3, asked.size());
        assertEquals(2, asked.get(0).get("so").intValue());
        assertEquals(0, asked.get(0).get("trang").intValue());
    }

    @Test
    void anExactMultipleEndsOnAnEmptyPageAndARefusalIsThrown() {
        var all = CataloguePager.read("S", CataloguePaging.pages(1), (service, fields) -> reply(
                fields.get("pageIndex").intValue() <= 2 ? F.arrayNode().add(fields.get("pageIndex").intValue())
                        : F.arrayNode()));
        assertEquals(2, all.size());
        AdapterException e = assertThrows(AdapterException.class, () -> CataloguePager.read("S",
                CataloguePaging.none(), (service, fields) -> new AdapterReply(service, "-1", "Lỗi", null)));
        assertEquals(Fault.CALLER, e.fault());
    }

    private static AdapterReply reply(JsonNode result) {
        return new AdapterReply("S", "0", "Thành công", result);
    }
}
