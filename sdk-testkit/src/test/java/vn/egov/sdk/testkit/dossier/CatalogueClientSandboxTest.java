package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.CataloguePaging;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.DvcqgCatalogueClient;
import vn.egov.sdk.dossier.Procedure;
import vn.egov.sdk.dossier.PublicService;
import vn.egov.sdk.testkit.DvcqgErrorCodeStyle;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** The catalogue client end to end through the simulated portal: typed values, paging, refusals. */
class CatalogueClientSandboxTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgAdapterClient adapter = CatalogueTestAdapters.adapter(sandbox);

    @AfterEach
    void close() {
        adapter.close();
    }

    @Test
    void theSeededCatalogueIsReadIntoTypedValues() {
        DvcqgCatalogueClient catalogue = DvcqgCatalogueClient.builder(adapter).build();
        List<Procedure> procedures = catalogue.procedures();
        assertEquals(3, procedures.size());
        Procedure first = procedures.get(0);
        assertEquals("1.000001.000.00.00.H99", first.code());
        assertEquals("G09-TP01", first.fields().get(0).code());
        assertEquals("LP01", first.channels().get(0).timings().get(0).fees().get(0).code());
        assertEquals(2, first.cases().get(0).steps().size());
        assertEquals(first, catalogue.procedure(first.code()));

        List<PublicService> services = catalogue.services();
        assertEquals(first.serviceCode(), services.get(0).code());
        assertEquals(first.code(), services.get(0).procedureCode());
        assertEquals("H99", catalogue.agencies().get(0).code());
        assertEquals(3, catalogue.fields().size());
        assertEquals("Hộ tịch", catalogue.fields().get(0).name());
    }

    @Test
    void everyErrorCodeFormReadsTheSame() {
        DvcqgCatalogueClient catalogue = DvcqgCatalogueClient.builder(adapter).build();
        List<Procedure> expected = catalogue.procedures();
        for (DvcqgErrorCodeStyle style : DvcqgErrorCodeStyle.values()) {
            sandbox.dvcqg().errorCodeStyle(style);
            assertEquals(expected, catalogue.procedures(), style.name());
            assertEquals(3, catalogue.agencies().size(), style.name());
        }
    }

    @Test
    void pagedListsAreReadPageByPageAndAPortalThatDoesNotPageIsReadOnce() {
        sandbox.dvcqg().putProcedure("{\"MATTHC\":\"1.000004.000.00.00.H99\",\"TENTTHC\":\"Thêm\"}");
        List<Procedure> whole = DvcqgCatalogueClient.builder(adapter).build().procedures();
        assertEquals(4, whole.size());
        for (int size : new int[] {1, 2, 3, 4, 5}) {
            DvcqgCatalogueClient paged = DvcqgCatalogueClient.builder(adapter)
                    .paging(CataloguePaging.pages(size)).build();
            assertEquals(whole, paged.procedures(), "page size " + size);
        }
        // the simulator does not know these names, so it answers the whole list to every page
        DvcqgCatalogueClient ignored = DvcqgCatalogueClient.builder(adapter)
                .paging(CataloguePaging.pages(2).withParameters("trang", "soBanGhi")).build();
        assertEquals(whole, ignored.procedures());
    }

    @Test
    void aListThatNeverEndsIsAnError() {
        DvcqgCatalogueClient endless = DvcqgCatalogueClient.builder(adapter)
                .paging(CataloguePaging.pages(1).withFirstPage(0).withMaxPages(2)).build();
        // the simulator counts pages from 1 and refuses page 0
        AdapterException e = assertThrows(AdapterException.class, endless::procedures);
        assertEquals(Fault.CALLER, e.fault());
        DvcqgCatalogueClient guarded = DvcqgCatalogueClient.builder(adapter)
                .paging(CataloguePaging.pages(1).withMaxPages(2)).build();
        AdapterException endlessError = assertThrows(AdapterException.class, guarded::procedures);
        assertEquals(Fault.PLATFORM, endlessError.fault());
        assertTrue(endlessError.getMessage().contains("2 pages"), endlessError.getMessage());
    }

    @Test
    void anUnknownProcedureIsARefusalAndBadArgumentsAreTyped() {
        DvcqgCatalogueClient catalogue = DvcqgCatalogueClient.builder(adapter).build();
        AdapterException e = assertThrows(AdapterException.class, () -> catalogue.procedure("9.999999"));
        assertEquals(Fault.CALLER, e.fault());
        assertEquals("-4", e.platformErrorCode().orElseThrow());
        assertThrows(ValidationException.class, () -> catalogue.procedure(" "));
        assertThrows(ValidationException.class, () -> DvcqgCatalogueClient.builder(null));
        assertThrows(ValidationException.class, () -> DvcqgCatalogueClient.builder(adapter).paging(null));
        assertThrows(ValidationException.class, () -> CataloguePaging.pages(0));
        assertThrows(ValidationException.class, () -> CataloguePaging.pages(2).withParameters("", "x"));
    }

    @Test
    void aPortalFailureIsAPlatformError() {
        sandbox.faults().on("/dvcqg/share").always().status(503);
        AdapterException e = assertThrows(AdapterException.class,
                () -> DvcqgCatalogueClient.builder(adapter).build().fields());
        assertEquals(Fault.PLATFORM, e.fault());
    }
}
