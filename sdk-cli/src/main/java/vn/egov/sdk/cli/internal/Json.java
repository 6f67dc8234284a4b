package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/** The JSON the commands print: one pretty-printed object per run, on standard output. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * {@link #print(CommandSpec, JsonNode)} for an object. A caller passing an {@code ObjectNode} where a
     * {@code JsonNode} is expected makes the JVM's verifier load Jackson's node classes when it loads the caller, even
     * on runs that print no JSON (edxml inspect's table); passing it as itself does not.
     */
    static void print(CommandSpec spec, ObjectNode node) {
        print(spec, (JsonNode) node);
    }

    static void print(CommandSpec spec, JsonNode node) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
