package vn.egov.sdk.axis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.Agency;
import vn.egov.sdk.axis.CodeSystem;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.SentItem;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;

/**
 * Maps the {@code data} arrays of the axis' list answers onto the public value types.
 *
 * <p>{@code data} absent or {@code null} is an empty list; {@code data} of another JSON type is a
 * {@link PlatformException} (the answer cannot be read, so the call fails rather than claim nothing is waiting). An
 * entry that cannot be used (not a JSON object; a docId that breaks {@link AxisIds}' rule; an agency without a code)
 * is dropped, and the dropped entries of one answer are named in one WARN line on {@code vn.egov.sdk.axis.vdxp}: one
 * junk entry must not hide the good ones, and a junk id could be neither fetched nor acknowledged.
 */
public final class VdxpItems {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.vdxp");
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<DateTimeFormatter> WALL_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT));
    /** A literal each of {@link #WALL_FORMATS} requires, in the same order. */
    private static final char[] WALL_SEPARATORS = {'-', '/', '/'};
    private static final MessageType[] MESSAGE_TYPES = MessageType.values();
    private static final String DOC_ID_RULE = "a docId (" + AxisIds.MAX_LENGTH
            + " printable ASCII characters at most, no space, no path separator)";

    private VdxpItems() {
    }

    /** Entries of {@code getReceivedEdocList}; {@code where} names the call in exceptions. */
    public static List<ReceivedItem> received(JsonNode body, MessageType requested, String where) {
        List<ReceivedItem> out = new ArrayList<>();
        AxisIds.Dropped dropped = new AxisIds.Dropped();
        for (JsonNode n : data(body, where)) {
            Optional<String> docId = AxisIds.of(n.get("docId"));
            if (!n.isObject() || docId.isEmpty()) {
                dropped.add(n.isObject() ? AxisIds.describe(n.get("docId")) : AxisIds.describe(n));
                continue;
            }
            out.add(new ReceivedItem(docId.get(), messageType(text(n, "messageType"), requested),
                    text(n, "from"), text(n, "to"), text(n, "status"), text(n, "status_desc"),
                    time(n.get("created_time"))));
        }
        dropped.warn(LOG, "getReceivedEdocList", DOC_ID_RULE);
        return List.copyOf(out);
    }

    /** Entries of {@code getSentEdocList}; {@code where} names the call in exceptions. */
    public static List<SentItem> sent(JsonNode body, MessageType requested, String where) {
        List<SentItem> out = new ArrayList<>();
        AxisIds.Dropped dropped = new AxisIds.Dropped();
        for (JsonNode n : data(body, where)) {
            Optional<String> docId = n.isObject() ? sentDocId(n) : Optional.empty();
            if (docId.isEmpty()) {
                dropped.add(n.isObject() ? AxisIds.describe(n.has("senderDocId") ? n.get("senderDocId")
                        : n.get("docId")) : AxisIds.describe(n));
                continue;
            }
            out.add(new SentItem(docId.get(), messageType(text(n, "messageType"), requested), text(n, "fromCode"),
                    text(n, "toCode"), text(n, "title"), text(n, "sendStatus"), text(n, "receiveStatus"),
                    time(n.get("sentTime")), time(n.get("receivedTime"))));
        }
        dropped.warn(LOG, "getSentEdocList", DOC_ID_RULE);
        return List.copyOf(out);
    }

    /**
     * The axis id of the sent package whose {@code hashFile} is one of the given forms of the package's hash, if the
     * sent list has one. The {@code hashFile} member is what the sandbox returns; the real axis' sent list is not
     * known to carry it [INFERRED].
     *
     * @param body the sent list answer
     * @param hashForms the forms the package's hash may be listed in (zero-padded and the official unpadded form)
     * @param where names the call in exceptions
     */
    public static Optional<String> sentDocIdWithHash(JsonNode body, List<String> hashForms, String where) {
        for (JsonNode n : data(body, where)) {
            String listed = n.isObject() ? text(n, "hashFile") : "";
            if (!listed.isEmpty() && hashForms.stream().anyMatch(listed::equalsIgnoreCase)) {
                Optional<String> docId = sentDocId(n);
                if (docId.isPresent()) {
                    return docId;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Entries of {@code getAgenciesList} ({@code oldCode}) or {@code getAgenciesListQD20} ({@code code102}); an
     * entry without a {@code code} string is dropped.
     */
    public static List<Agency> agencies(JsonNode body, CodeSystem system, String where) {
        String otherField = system == CodeSystem.QCVN_102 ? "oldCode" : "code102";
        List<Agency> out = new ArrayList<>();
        AxisIds.Dropped dropped = new AxisIds.Dropped();
        for (JsonNode n : data(body, where)) {
            JsonNode code = n.isObject() ? n.get("code") : null;
            if (code == null || !code.isTextual() || code.textValue().isBlank()) {
                dropped.add(n.isObject() ? AxisIds.describe(code) : AxisIds.describe(n));
                continue;
            }
            out.add(new Agency(code.textValue(), text(n, "name"), text(n, "mail"), optional(text(n, "pid")),
                    optional(text(n, otherField))));
        }
        dropped.warn(LOG, system == CodeSystem.QCVN_102 ? "getAgenciesList" : "getAgenciesListQD20",
                "an agency code");
        return List.copyOf(out);
    }

    /**
     * The {@code count} member of a count answer (else {@code data}): a non-negative integer, as a JSON number or a
     * string of digits.
     *
     * @throws PlatformException when neither is present or the value is not such a number
     */
    public static long count(JsonNode body, String where) {
        JsonNode c = body.get("count");
        if (c == null || c.isNull()) {
            c = body.get("data");
        }
        if (c == null || c.isNull()) {
            throw malformed(where, "answered OK without count");
        }
        if (c.isIntegralNumber() && c.canConvertToLong() && c.longValue() >= 0) {
            return c.longValue();
        }
        if (c.isTextual() && c.textValue().matches("[0-9]{1,18}")) {
            return Long.parseLong(c.textValue());
        }
        throw malformed(where, "answered a count that is not a non-negative integer: " + AxisIds.describe(c));
    }

    private static Optional<String> sentDocId(JsonNode n) {
        return AxisIds.of(n.get("senderDocId")).or(() -> AxisIds.of(n.get("docId")));
    }

    private static Iterable<JsonNode> data(JsonNode body, String where) {
        JsonNode d = body.get("data");
        if (d == null || d.isNull()) {
            return List.of();
        }
        if (!d.isArray()) {
            throw malformed(where, "answered with data that is not a JSON array but " + AxisIds.describe(d));
        }
        return d;
    }

    private static PlatformException malformed(String where, String what) {
        return new PlatformException(where + " " + what, ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(200),
                null);
    }

    private static MessageType messageType(String wire, MessageType requested) {
        for (MessageType t : MESSAGE_TYPES) {
            if (t.wire().equalsIgnoreCase(wire)) {
                return t;
            }
        }
        return requested;
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String text(JsonNode n, String field) {
        return JsonFields.textOrEmpty(n, field);
    }

    /** Epoch milliseconds, ISO-8601 instants, or wall time in Asia/Ho_Chi_Minh in a few patterns [INFERRED]. */
    static Optional<Instant> time(JsonNode v) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(v.asLong()));
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        // Choose by shape so that the normal path throws nothing: Instant.parse (ISO_INSTANT, case-insensitive)
        // needs a 'T' between date and time, and each wall pattern needs its own separator. A string without
        // them could only fail, so skipping the attempt changes no result.
        if (s.indexOf('T') >= 0 || s.indexOf('t') >= 0) {
            try {
                return Optional.of(Instant.parse(s));
            } catch (DateTimeParseException e) {
                // not an ISO instant; try the wall-time patterns
            }
        }
        for (int i = 0; i < WALL_FORMATS.size(); i++) {
            if (s.indexOf(WALL_SEPARATORS[i]) < 0) {
                continue;
            }
            try {
                return Optional.of(LocalDateTime.parse(s, WALL_FORMATS.get(i)).atZone(ZONE).toInstant());
            } catch (DateTimeParseException ignored) {
                // try the next pattern
            }
        }
        return Optional.empty();
    }
}
