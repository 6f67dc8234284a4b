package vn.egov.sdk.axis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.Agency;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;

/**
 * Reads the bodies of LGSP v1's successful answers into the axis API's values. A list whose {@code data} is not a
 * JSON array is a {@link PlatformException}; entries that cannot be used (not an object, a docId breaking
 * {@link AxisIds}' rule, an agency without {@code orgCode}) are dropped with one WARN per answer naming them.
 */
public final class LgspResponses {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.LgspAxisClient");
    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");
    /** The zone of the LGSP's wall-clock times. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The {@code fromDate} / {@code toDate} format. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter[] DATE_TIMES = {
        DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
        DateTimeFormatter.ISO_LOCAL_DATE_TIME,
    };

    private LgspResponses() {
    }

    /** The JSON body of a successful answer, or a non-retryable {@link PlatformException}. */
    public static JsonNode json(ApiRequest request, ApiResponse response) {
        return JsonFields.parse(response.body())
                .orElseThrow(() -> malformed(request, response, "a body that is not JSON"));
    }

    /** {@code docId} of a send answer ({@code docId}, else {@code data.docId}), a string keeping {@link AxisIds}' rule. */
    public static String docId(ApiRequest request, ApiResponse response, JsonNode body) {
        return AxisIds.of(body.get("docId"))
                .or(() -> body.path("data").isObject() ? AxisIds.of(body.get("data").get("docId")) : Optional.empty())
                .orElseThrow(() -> malformed(request, response, "no usable docId ("
                        + AxisIds.describe(body.has("docId") ? body.get("docId") : body.path("data").get("docId"))
                        + ")"));
    }

    /**
     * The body of an answer that carries nothing but its success: a JSON object.
     *
     * @throws PlatformException when the body is not a JSON object
     */
    public static JsonNode object(ApiRequest request, ApiResponse response) {
        JsonNode body = json(request, response);
        if (!body.isObject()) {
            throw malformed(request, response, "a body that is not a JSON object");
        }
        return body;
    }

    /** The entries of {@code syncReceivedEdocList}: {@code data}, required unless {@code success} is true. */
    public static List<ReceivedItem> received(ApiRequest request, ApiResponse response, JsonNode body,
            MessageType asked) {
        JsonNode data = body.get("data");
        if ((data == null || data.isNull()) && !body.path("success").asBoolean(false)) {
            throw malformed(request, response, "neither data nor success:true");
        }
        List<ReceivedItem> items = new ArrayList<>();
        AxisIds.Dropped dropped = new AxisIds.Dropped();
        for (JsonNode n : array(request, response, data)) {
            Optional<String> docId = n.isObject() ? AxisIds.of(n.get("docId")) : Optional.empty();
            if (docId.isEmpty()) {
                dropped.add(AxisIds.describe(n.isObject() ? n.get("docId") : n));
                continue;
            }
            MessageType type = JsonFields.text(n, "messageType").map(t -> t.equalsIgnoreCase("status")
                    ? MessageType.STATUS : MessageType.EDOC).orElse(asked);
            items.add(new ReceivedItem(docId.get(), type, JsonFields.text(n, "from").orElse(""),
                    JsonFields.text(n, "to").orElse(""), JsonFields.text(n, "status").orElse(""),
                    JsonFields.text(n, "statusDesc").orElse(""),
                    JsonFields.text(n, "createdTime").flatMap(LgspResponses::instant)));
        }
        dropped.warn(LOG, "syncReceivedEdocList", "a docId (" + AxisIds.MAX_LENGTH
                + " printable ASCII characters at most, no space, no path separator)");
        return List.copyOf(items);
    }

    /** The agencies of {@code getAgenciesList}: a JSON array, or one under {@code data}. */
    public static List<Agency> agencies(ApiRequest request, ApiResponse response, JsonNode body) {
        JsonNode list = body.isArray() ? body : body.get("data");
        if (list == null || list.isNull()) {
            throw malformed(request, response, "neither an array nor data");
        }
        List<Agency> agencies = new ArrayList<>();
        AxisIds.Dropped dropped = new AxisIds.Dropped();
        for (JsonNode n : array(request, response, list)) {
            JsonNode code = n.isObject() ? n.get("orgCode") : null;
            if (code == null || !code.isTextual() || code.textValue().isBlank()) {
                dropped.add(AxisIds.describe(n.isObject() ? code : n));
                continue;
            }
            agencies.add(new Agency(code.textValue(), JsonFields.text(n, "orgName").orElse(""),
                    JsonFields.text(n, "email").orElse(""), JsonFields.text(n, "parentCode"), Optional.empty()));
        }
        dropped.warn(LOG, "getAgenciesList", "an orgCode");
        return List.copyOf(agencies);
    }

    private static Iterable<JsonNode> array(ApiRequest request, ApiResponse response, JsonNode data) {
        if (data == null || data.isNull()) {
            return List.of();
        }
        if (!data.isArray()) {
            throw malformed(request, response, "data that is not a JSON array but " + AxisIds.describe(data));
        }
        return data;
    }

    /**
     * The package bytes in {@code getEdoc}'s {@code data.edxml}. The operator's material does not say whether it
     * is the XML text or its Base64: text starting with {@code <} (after white space or a BOM) is taken as XML,
     * anything else is Base64-decoded (white space such as line breaks allowed, any other non-base64 character
     * refused).
     */
    public static byte[] edxml(ApiRequest request, ApiResponse response, JsonNode body) {
        JsonNode data = body.path("data");
        JsonNode value = data.isObject() ? data.get("edxml") : null;
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw malformed(request, response, "no data.edxml");
        }
        String s = value.asText();
        String t = s.strip();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1).strip();
        }
        if (t.startsWith("<")) {
            return t.getBytes(StandardCharsets.UTF_8);
        }
        byte[] decoded;
        try {
            // line breaks and other white space allowed, any other character that is not base64 refused (the MIME
            // decoder would skip it silently and hand over a different package)
            decoded = Base64.getDecoder().decode(WHITE_SPACE.matcher(t).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw malformed(request, response, "a data.edxml that is neither XML nor Base64");
        }
        if (decoded.length == 0) {
            throw malformed(request, response, "a data.edxml that decodes to nothing");
        }
        return decoded;
    }

    /** Parses an LGSP time (wall time in Asia/Ho_Chi_Minh, or an ISO instant / offset time). */
    public static Optional<Instant> instant(String text) {
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(text, f).atZone(ZONE).toInstant());
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static PlatformException malformed(ApiRequest request, ApiResponse response, String what) {
        return new PlatformException(request + " answered HTTP " + response.status() + " with " + what,
                ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(response.status()), null);
    }
}
