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
import vn.egov.sdk.axis.Agency;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;

/** Reads the bodies of LGSP v1's successful answers into the axis API's values. */
public final class LgspResponses {
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

    /** {@code docId} of a send answer ({@code docId}, else {@code data.docId}). */
    public static String docId(ApiRequest request, ApiResponse response, JsonNode body) {
        return JsonFields.text(body, "docId")
                .or(() -> body.path("data").isObject() ? JsonFields.text(body.get("data"), "docId") : Optional.empty())
                .orElseThrow(() -> malformed(request, response, "no docId"));
    }

    /** The entries of {@code syncReceivedEdocList}. */
    public static List<ReceivedItem> received(JsonNode body, MessageType asked) {
        List<ReceivedItem> items = new ArrayList<>();
        for (JsonNode n : body.path("data")) {
            Optional<String> docId = JsonFields.text(n, "docId");
            if (docId.isEmpty()) {
                continue;
            }
            MessageType type = JsonFields.text(n, "messageType").map(t -> t.equalsIgnoreCase("status")
                    ? MessageType.STATUS : MessageType.EDOC).orElse(asked);
            items.add(new ReceivedItem(docId.get(), type, JsonFields.text(n, "from").orElse(""),
                    JsonFields.text(n, "to").orElse(""), JsonFields.text(n, "status").orElse(""),
                    JsonFields.text(n, "statusDesc").orElse(""),
                    JsonFields.text(n, "createdTime").flatMap(LgspResponses::instant)));
        }
        return List.copyOf(items);
    }

    /** The agencies of {@code getAgenciesList}: a JSON array, or one under {@code data}. */
    public static List<Agency> agencies(JsonNode body) {
        JsonNode list = body.isArray() ? body : body.path("data");
        List<Agency> agencies = new ArrayList<>();
        for (JsonNode n : list) {
            Optional<String> code = JsonFields.text(n, "orgCode");
            if (code.isPresent()) {
                agencies.add(new Agency(code.get(), JsonFields.text(n, "orgName").orElse(""),
                        JsonFields.text(n, "email").orElse(""), JsonFields.text(n, "parentCode"), Optional.empty()));
            }
        }
        return List.copyOf(agencies);
    }

    /**
     * The package bytes in {@code getEdoc}'s {@code data.edxml}. The operator's material does not say whether it
     * is the XML text or its Base64: text starting with {@code <} (after white space or a BOM) is taken as XML,
     * anything else is Base64-decoded (MIME-lenient: line breaks allowed).
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
        try {
            return Base64.getMimeDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            throw malformed(request, response, "a data.edxml that is neither XML nor Base64");
        }
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
