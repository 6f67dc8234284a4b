package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata IDEs complete {@code egov.*} from is in the jar, with a description for every property. */
class ConfigurationMetadataTest {
    @Test
    void everyPropertyIsDescribed() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertNotNull(in, "the configuration processor wrote META-INF/spring-configuration-metadata.json");
            new ObjectMapper().readTree(in).get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
        }
        for (String name : List.of("egov.axis.url", "egov.axis.system-id", "egov.axis.secret",
                "egov.axis.connect-timeout", "egov.axis.read-timeout", "egov.axis.deadline",
                "egov.axis.receive.enabled", "egov.axis.receive.checkpoint-file", "egov.axis.receive.interval",
                "egov.axis.receive.max-attempts", "egov.axis.receive.stop-timeout")) {
            JsonNode p = properties.get(name);
            assertNotNull(p, name + " is in the metadata");
            assertTrue(p.hasNonNull("description") && !p.get("description").asText().isBlank(), name);
        }
        assertEquals("vn.egov.sdk.core.Secret", properties.get("egov.axis.secret").get("type").asText());
        assertEquals("30s", properties.get("egov.axis.receive.interval").get("defaultValue").asText());
        // every property the starter declares, whichever slice added it, is described for the IDE
        properties.forEach((name, p) -> {
            assertTrue(name.startsWith("egov."), name);
            assertTrue(p.hasNonNull("description") && !p.get("description").asText().isBlank(),
                    name + " has a description");
        });
    }
}
