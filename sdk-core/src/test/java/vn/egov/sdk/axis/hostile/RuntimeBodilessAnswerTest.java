package vn.egov.sdk.axis.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.egov.sdk.axis.hostile.HostileAnswers.thenClose;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;

/**
 * The response limit applies to bodies that are sent: a HEAD answer states the length of a body it does not send,
 * so a {@code Content-Length} above the limit there is no reason to fail.
 */
class RuntimeBodilessAnswerTest {

    @Test
    void aHeadAnswerWithALengthAboveTheLimitIsAnAnswer() throws IOException {
        try (HostileServer server = new HostileServer(r -> thenClose("HTTP/1.1 200 OK\r\nContent-Type: application/pdf"
                + "\r\nContent-Length: 5000000000\r\n\r\n"));
             HttpRuntime runtime = HttpRuntime.builder().settings(ClientSettings.builder().maxResponseBytes(1024)
                     .build()).build()) {
            assertEquals(200, runtime.execute(ApiRequest.builder("HEAD", server.baseUrl() + "/file.pdf").build())
                    .status());
        }
    }
}
