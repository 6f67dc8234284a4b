package vn.egov.sdk.dossier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;

/** TraCuuTechID against WireMock: the request fields, the result shapes, not found, refusals, garbage. */
class TechIdLookupTest {
    private static final String ID = "001090000001";
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    private ManualClock clock;

    @BeforeEach
    void setUp() {
        clock = new ManualClock();
        DvcqgAdapterSessionTest.login(server, "S1");
    }

    private Optional<String> lookUp(String reply) {
        DvcqgAdapterSessionTest.service(server, reply);
        try (DvcqgAdapterClient c = DvcqgAdapterSessionTest.client(server, clock)) {
            return TechIdLookup.of(c).techId(ID);
        }
    }

    @Test
    void theTechIdComesFromTheFirstResultWithTheWireNamesSeenInCode() {
        assertEquals(Optional.of("5d0c1a2e-0001"), lookUp("{\"error_code\":\"0\",\"result\":[{\"TECHNICALID\":"
                + "\"5d0c1a2e-0001\",\"HOVATEN\":\"Nguyễn Văn Thử\"}]}"));
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("TraCuuTechID")))
                .withRequestBody(matchingJsonPath("$.provider", equalTo("wso2is")))
                .withRequestBody(matchingJsonPath("$.mstorcmnd", equalTo(ID)))
                .withRequestBody(matchingJsonPath("$.session", equalTo("S1")))
                .withRequestBody(matchingJsonPath("$.madonvi", equalTo("H56"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error_code\":0,\"result\":{\"technicalId\":\"T-9\"}}",
            "{\"error_code\":\"00\",\"result\":[{\"TECHNICALID\":\" T-9 \"},{\"TECHNICALID\":\"T-10\"}]}"})
    void anObjectResultAndAnyCaseAreRead(String reply) {
        assertEquals(Optional.of("T-9"), lookUp(reply));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error_code\":0,\"result\":[]}", "{\"error_code\":0}",
            "{\"error_code\":0,\"result\":null}"})
    void anEmptyResultIsNotFound(String reply) {
        assertTrue(lookUp(reply).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error_code\":0,\"result\":[{\"HOVATEN\":\"x\"}]}",
            "{\"error_code\":0,\"result\":[{\"TECHNICALID\":\"\"}]}",
            "{\"error_code\":0,\"result\":[{\"TECHNICALID\":{\"a\":1}}]}",
            "{\"error_code\":0,\"result\":[\"T-1\"]}"})
    void aResultWithoutAUsableTechIdIsThePlatformsFault(String reply) {
        AdapterException e = assertThrows(AdapterException.class, () -> lookUp(reply));
        assertEquals(Fault.PLATFORM, e.fault());
        assertFalse(e.getMessage().contains(ID), e.getMessage());
    }

    @Test
    void aRefusalIsTheCallersFaultUnlessDeclaredNotFound() {
        DvcqgAdapterSessionTest.service(server, "{\"error_code\":\"-4\",\"message\":\"Không tìm thấy\"}");
        try (DvcqgAdapterClient c = DvcqgAdapterSessionTest.client(server, clock)) {
            AdapterException e = assertThrows(AdapterException.class, () -> TechIdLookup.of(c).techId(ID));
            assertEquals(Fault.CALLER, e.fault());
            assertEquals("-4", e.platformErrorCode().orElseThrow());
            assertTrue(TechIdLookup.builder(c).notFoundCodes("-4").build().techId(ID).isEmpty());
        }
    }

    @Test
    void theWireNamesAreConfigurable() {
        DvcqgAdapterSessionTest.service(server, "{\"error_code\":0,\"result\":[{\"TechID\":\"T-7\"}]}");
        try (DvcqgAdapterClient c = DvcqgAdapterSessionTest.client(server, clock)) {
            TechIdLookup lookup = TechIdLookup.builder(c).provider("vneid").requestField("SoDinhDanh")
                    .resultField("TechID").build();
            assertEquals(Optional.of("T-7"), lookup.techId(ID));
            assertFalse(lookup.toString().contains(ID));
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/dvcqg/integration"))
                .withRequestBody(matchingJsonPath("$.provider", equalTo("vneid")))
                .withRequestBody(matchingJsonPath("$.SoDinhDanh", equalTo(ID))));
    }

    @Test
    void theCallersMistakesAreValidationErrorsAndNothingIsSent() {
        try (DvcqgAdapterClient c = DvcqgAdapterSessionTest.client(server, clock)) {
            TechIdLookup lookup = TechIdLookup.of(c);
            assertThrows(ValidationException.class, () -> lookup.techId(null));
            assertThrows(ValidationException.class, () -> lookup.techId(" "));
            assertThrows(ValidationException.class, () -> lookup.techId("0010 9000"));
            assertThrows(ValidationException.class, () -> lookup.techId("1".repeat(21)));
            assertThrows(ValidationException.class, () -> TechIdLookup.builder(c).requestField("session"));
            assertThrows(ValidationException.class, () -> TechIdLookup.builder(c).notFoundCodes((String) null));
        }
        assertThrows(ValidationException.class, () -> TechIdLookup.of(null));
        assertEquals(0, server.getAllServeEvents().size());
    }
}
