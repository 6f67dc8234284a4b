package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;

/**
 * The {@code properties} and {@code yaml} examples of {@code docs/SPRING.md} name only properties the starter
 * declares (its configuration metadata), with values of their type, and the environment variables they name bind
 * to those properties: a property renamed in code breaks the build, not the reader's application.
 */
class DocsPropertiesTest {
    private static final Path GUIDE = Path.of("..", "docs", "SPRING.md");
    private static final Pattern BLOCK = Pattern.compile("```(properties|yaml)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("^#?\\s*(egov\\.[a-z0-9.\\-\\[\\]]*[a-z0-9\\]])(\\s*[=:]\\s*(.*))?");
    private static final Pattern ENV = Pattern.compile("\\bEGOV_[A-Z0-9_]+\\b");
    private static final Set<String> CHECKED_TYPES = Set.of("java.time.Duration", "java.lang.Boolean",
            "java.lang.Integer", "java.lang.Long", "java.net.URI");

    private static final Map<String, String> TYPES = new HashMap<>();
    private static final List<Setting> SETTINGS = new ArrayList<>();
    private static final List<String> ENV_NAMES = new ArrayList<>();

    @BeforeAll
    static void readMetadataAndGuide() throws IOException {
        try (InputStream in = DocsPropertiesTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertNotNull(in, "the configuration processor wrote META-INF/spring-configuration-metadata.json");
            for (JsonNode p : new ObjectMapper().readTree(in).get("properties")) {
                TYPES.put(p.get("name").asText(), p.path("type").asText(""));
            }
        }
        assertTrue(Files.isRegularFile(GUIDE), GUIDE.toAbsolutePath() + " exists (tests run in the module's dir)");
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        Matcher block = BLOCK.matcher(guide);
        while (block.find()) {
            boolean yaml = block.group(1).equals("yaml");
            List<String> path = new ArrayList<>();
            for (String raw : block.group(2).split("\n")) {
                String line = yaml ? yamlToProperty(raw, path) : raw.strip();
                if (line == null || line.isEmpty()) {
                    continue;
                }
                Matcher env = ENV.matcher(line);
                while (env.find()) {
                    ENV_NAMES.add(env.group());
                }
                boolean comment = line.startsWith("#");
                Matcher key = KEY.matcher(line);
                if (key.find()) {
                    SETTINGS.add(new Setting(key.group(1), comment || key.group(2) == null ? null
                            : key.group(3).strip(), line));
                } else if (!comment) {
                    String name = line.split("[=:]", 2)[0].strip();
                    assertTrue(name.startsWith("spring.") || name.startsWith("management.")
                                    || name.startsWith("server."),
                            "docs/SPRING.md sets " + name + ", neither egov.* nor Boot's own: " + line);
                }
            }
        }
        assertFalse(SETTINGS.size() < 50, "the guide's examples were found: " + SETTINGS.size());
    }

    /** A YAML line as {@code a.b.c=value}, for the simple nested maps the guide uses. */
    private static String yamlToProperty(String raw, List<String> path) {
        if (raw.isBlank() || raw.strip().startsWith("#")) {
            return raw.strip();
        }
        int depth = (raw.length() - raw.stripLeading().length()) / 2;
        String[] parts = raw.strip().split(":", 2);
        while (path.size() > depth) {
            path.remove(path.size() - 1);
        }
        path.add(parts[0].strip());
        String value = parts.length > 1 ? parts[1].strip() : "";
        return value.isEmpty() ? null : String.join(".", path) + "=" + value;
    }

    @Test
    void everyEgovKeyIsAPropertyOfTheStarter() {
        List<String> unknown = new ArrayList<>();
        for (Setting s : SETTINGS) {
            if (!TYPES.containsKey(s.key.replaceAll("\\[\\d+]", ""))) {
                unknown.add(s.line);
            }
        }
        assertTrue(unknown.isEmpty(), "docs/SPRING.md names egov.* properties the starter does not declare: "
                + unknown);
    }

    @Test
    void everyValueParsesAsItsPropertysType() throws ClassNotFoundException {
        ConversionService conversion = ApplicationConversionService.getSharedInstance();
        int checked = 0;
        List<String> broken = new ArrayList<>();
        for (Setting s : SETTINGS) {
            String type = TYPES.get(s.key);
            if (s.value == null || type == null || s.value.contains("${")) {
                continue;
            }
            Class<?> target;
            if (CHECKED_TYPES.contains(type)) {
                target = Class.forName(type);
            } else if (type.startsWith("vn.egov.sdk.") && Class.forName(type).isEnum()) {
                target = Class.forName(type);
            } else {
                continue;
            }
            try {
                assertNotNull(conversion.convert(s.value, target));
                checked++;
            } catch (RuntimeException e) {
                broken.add(s.line + " (" + type + "): " + e.getMessage());
            }
        }
        assertTrue(broken.isEmpty(), "docs/SPRING.md gives values that do not parse: " + broken);
        assertFalse(checked < 20, "values of Duration, boolean, number and enum type were checked: " + checked);
    }

    @Test
    void everyEnvironmentVariableNamedBindsAProperty() {
        List<String> unbound = new ArrayList<>();
        for (String env : ENV_NAMES) {
            boolean binds = TYPES.keySet().stream().anyMatch(name -> environmentNames(name).contains(env));
            if (!binds) {
                unbound.add(env);
            }
        }
        assertFalse(ENV_NAMES.isEmpty());
        assertTrue(unbound.isEmpty(), "docs/SPRING.md names environment variables no property binds from: "
                + unbound);
    }

    /** The two names Boot's {@code SystemEnvironmentPropertyMapper} maps a property to. */
    private static Set<String> environmentNames(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        return new HashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    private record Setting(String key, String value, String line) {
    }
}
