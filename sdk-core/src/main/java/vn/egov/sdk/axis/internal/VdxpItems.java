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
import vn.egov.sdk.axis.Agency;
import vn.egov.sdk.axis.CodeSystem;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.SentItem;

/** Maps the {@code data} arrays of the axis' list answers onto the public value types. */
public final class VdxpItems {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<DateTimeFormatter> WALL_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT));
    /** A literal each of {@link #WALL_FORMATS} requires, in the same order. */
    private static final char[] WALL_SEPARATORS = {'-', '/', '/'};
    private static final MessageType[] MESSAGE_TYPES = MessageType.values();

    private VdxpItems() {
    }

    /** Entries of {@code getReceivedEdocList}. */
    public static List<ReceivedItem> received(JsonNode body, MessageType requested) {
        List<ReceivedItem> out = new ArrayList<>();
        for (JsonNode n : data(body)) {
            out.add(new ReceivedItem(text(n, "docId"), messageType(text(n, "messageType"), requested),
                    text(n, "from"), text(n, "to"), text(n, "status"), text(n, "status_desc"),
                    time(n.get("created_time"))));
        }
        return List.copyOf(out);
    }

    /** Entries of {@code getSentEdocList}. */
    public static List<SentItem> sent(JsonNode body, MessageType requested) {
        List<SentItem> out = new ArrayList<>();
        for (JsonNode n : data(body)) {
            String docId = text(n, "senderDocId").isEmpty() ? text(n, "docId") : text(n, "senderDocId");
            out.add(new SentItem(docId, messageType(text(n, "messageType"), requested), text(n, "fromCode"),
                    text(n, "toCode"), text(n, "title"), text(n, "sendStatus"), text(n, "receiveStatus"),
                    time(n.get("sentTime")), time(n.get("receivedTime"))));
        }
        return List.copyOf(out);
    }

    /**
     * The axis id of the sent package whose {@code hashFile} is the given hash, if the sent list has one. The
     * {@code hashFile} member is what the sandbox returns; the real axis' sent list is not known to carry it
     * [INFERRED].
     */
    public static Optional<String> sentDocIdWithHash(JsonNode body, String hashFile) {
        for (JsonNode n : data(body)) {
            if (hashFile.equalsIgnoreCase(text(n, "hashFile"))) {
                String docId = text(n, "senderDocId").isEmpty() ? text(n, "docId") : text(n, "senderDocId");
                if (!docId.isEmpty()) {
                    return Optional.of(docId);
                }
            }
        }
        return Optional.empty();
    }

    /** Entries of {@code getAgenciesList} ({@code oldCode}) or {@code getAgenciesListQD20} ({@code code102}). */
    public static List<Agency> agencies(JsonNode body, CodeSystem system) {
        String otherField = system == CodeSystem.QCVN_102 ? "oldCode" : "code102";
        List<Agency> out = new ArrayList<>();
        for (JsonNode n : data(body)) {
            out.add(new Agency(text(n, "code"), text(n, "name"), text(n, "mail"), optional(text(n, "pid")),
                    optional(text(n, otherField))));
        }
        return List.copyOf(out);
    }

    /** The {@code count} member of a count answer, 0 when absent. */
    public static long count(JsonNode body) {
        JsonNode c = body.get("count");
        if (c == null) {
            c = body.get("data");
        }
        return c == null ? 0 : c.asLong(0);
    }

    private static Iterable<JsonNode> data(JsonNode body) {
        JsonNode d = body.get("data");
        return d != null && d.isArray() ? d : List.of();
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
