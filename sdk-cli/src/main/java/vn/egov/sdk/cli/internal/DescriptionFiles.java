package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import vn.egov.sdk.core.FieldError;

/**
 * Reads a package description, YAML or JSON (by the extension {@code .json}, {@code .yaml} or {@code .yml}, else
 * JSON when it starts with <code>{</code>), bounded:
 * at most {@link #MAX_BYTES}, nesting at most 32 deep, no duplicate keys. Whatever cannot be read is an
 * {@link UnreadableInputException} naming the file and, for a syntax error, the line.
 */
final class DescriptionFiles {
    /** The largest description read: a header, not a document (attachments are named by path). */
    static final int MAX_BYTES = 256 * 1024;
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder().maxNestingDepth(32)
            .maxStringLength(MAX_BYTES).maxNumberLength(32).build();
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS)
            .build()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder().streamReadConstraints(LIMITS)
            .build()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private DescriptionFiles() {
    }

    /**
     * Refuses a YAML alias ({@code *name}): Jackson would read it as the text of the anchor's name, silently wrong.
     */
    private static void refuseAliases(Path file, byte[] bytes) throws IOException {
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(bytes)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias()) {
                    throw new InvalidDescriptionException(file, List.of(new FieldError("alias",
                            parser.getParsingContext().pathAsPointer().toString().replace('/', '.').substring(1)
                                    .replaceAll("\\.(\\d+)", "[$1]"),
                            "is a YAML alias (*" + parser.getText() + ", line " + parser.currentLocation().getLineNr()
                                    + "): write the value itself")));
                }
            }
        }
    }

    /**
     * Parses a description file.
     *
     * @param file the YAML or JSON file
     * @return its tree
     * @throws UnreadableInputException if it is missing, too large, or not well-formed YAML/JSON
     */
    static JsonNode read(Path file) {
        if (Files.isDirectory(file)) {
            throw new UnreadableInputException(file + " is a directory, not a description file", null);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException("no such file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new UnreadableInputException("no permission to read " + file, e);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new UnreadableInputException("description " + file + " is over " + MAX_BYTES / 1024
                    + " KiB: a description names its attachments by path, it does not hold them", null);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json") || !name.endsWith(".yaml") && !name.endsWith(".yml")
                && new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.UTF_8)
                        .stripLeading().startsWith("{");
        try {
            if (!json) {
                refuseAliases(file, bytes);
            }
            JsonNode tree = (json ? JSON : YAML).readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new UnreadableInputException("description " + file + " is empty", null);
            }
            return tree;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableInputException u) {
                throw u;
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? " (line " + p.getLocation().getLineNr() + ")" : "";
            throw new UnreadableInputException("description " + file + " is not well-formed "
                    + (json ? "JSON" : "YAML") + where + ": " + why, e);
        }
    }
}
