package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IDE metadata holds the provincial axis's and the dossier sync's properties, secrets typed as such. */
class LgspDossierMetadataTest {
    @Test
    void theLgspAndDossierPropertiesAreInTheMetadata() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertNotNull(in);
            new ObjectMapper().readTree(in).get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
        }
        for (String name : List.of("egov.lgsp.url", "egov.lgsp.username", "egov.lgsp.password",
                "egov.lgsp.application-code", "egov.lgsp.system-id", "egov.lgsp.secret-key",
                "egov.lgsp.connect-timeout",
                "egov.lgsp.read-timeout", "egov.lgsp.deadline", "egov.lgsp.look-back", "egov.lgsp.receive.enabled",
                "egov.lgsp.receive.checkpoint-file", "egov.lgsp.receive.interval", "egov.lgsp.receive.max-attempts",
                "egov.lgsp.receive.stop-timeout", "egov.dossier.url", "egov.dossier.username", "egov.dossier.password",
                "egov.dossier.madonvi", "egov.dossier.dstcode", "egov.dossier.connect-timeout",
                "egov.dossier.read-timeout", "egov.dossier.deadline", "egov.dossier.session-lifetime",
                "egov.dossier.outbox.file", "egov.dossier.outbox.retention", "egov.dossier.sync.enabled",
                "egov.dossier.sync.interval", "egov.dossier.sync.max-backoff", "egov.dossier.sync.batch-size",
                "egov.dossier.sync.max-attempts", "egov.dossier.sync.stop-timeout", "egov.dossier.sync.drain-on-stop",
                "egov.dossier.catalogue.cache-file", "egov.dossier.catalogue.refresh-interval",
                "egov.dossier.catalogue.fetch-details")) {
            assertNotNull(properties.get(name), name + " is in the metadata");
        }
        for (String secret : List.of("egov.lgsp.password", "egov.lgsp.secret-key", "egov.dossier.password")) {
            assertEquals("vn.egov.sdk.core.Secret", properties.get(secret).get("type").asText(), secret);
        }
        assertEquals("30s", properties.get("egov.lgsp.receive.interval").get("defaultValue").asText());
        assertEquals("30s", properties.get("egov.dossier.sync.interval").get("defaultValue").asText());
        assertEquals(10, properties.get("egov.dossier.sync.batch-size").get("defaultValue").asInt());
        assertEquals(true, properties.get("egov.dossier.sync.enabled").get("defaultValue").asBoolean());
    }
}
