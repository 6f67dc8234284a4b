package vn.egov.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Tour, the README's main command, runs every step as expected and writes its artifacts. */
class TourTest {
    @Test
    void everyStepBehavesAndTheArtifactsAreWritten(@TempDir Path out) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int failures = new Tour(new PrintStream(console, true, StandardCharsets.UTF_8)).run(out);

        String text = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, failures, text);
        assertTrue(text.contains("All steps behaved as expected."), text);
        assertEquals(Files.readString(out.resolve("tour.log")).strip(),
                text.substring(0, text.indexOf("Wrote ")).strip());

        JsonNode calls = new ObjectMapper().readTree(out.resolve("calls.json").toFile());
        assertEquals(8, calls.size());
        assertTrue(Files.size(out.resolve("document.edxml")) > 1000);
        for (String f : new String[] {"sent.edxml", "received.edxml", "status.edxml"}) {
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        }
        assertTrue(Files.readString(out.resolve("received.edxml")).contains("vxp.axis"), "the axis' trace hop");
        assertTrue(text.contains("status 03"), text);
        assertTrue(Files.readString(out.resolve("status-reply.edxml")).contains("<edXML:StatusCode>03</edXML:StatusCode>"));
        assertEquals(2, calls.get(3).get("attempts").asInt(), "the order retried under the same key");
        assertEquals("TransportException", calls.get(4).get("exception").asText());
        assertEquals("NETWORK", calls.get(4).get("fault").asText());
        for (JsonNode call : calls) {
            assertTrue(call.get("correlationId").asText().matches("[0-9a-f-]{36}"), call.toString());
        }
        assertTrue(!Files.readString(out.resolve("calls.json")).contains("sandbox-secret"));
    }

    @Test
    void outFolderArgument() {
        assertEquals(Paths.get("target", "tour"), Tour.parseOut(new String[0]));
        assertEquals(Paths.get("x", "y"), Tour.parseOut(new String[] {"--out", "x/y"}));
        assertThrows(IllegalArgumentException.class, () -> Tour.parseOut(new String[] {"--bogus"}));
    }
}
