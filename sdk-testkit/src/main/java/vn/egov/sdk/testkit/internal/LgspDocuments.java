package vn.egov.sdk.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The packages stored by the simulated LGSP: one entry per upload, with a transport status per recipient organ,
 * and the SHA-256 of each upload per sending system so an identical re-upload gets the first docId [INFERRED].
 * Thread-safe (synchronised).
 */
public final class LgspDocuments {
    /** A stored package. */
    public static final class Doc {
        private final String docId;
        private final String messageType;
        private final String from;
        private final String fromName;
        private final String code;
        private final String title;
        private final byte[] edxml;
        private final Instant created;
        private final Map<String, String> statusByRecipient = new LinkedHashMap<>();
        private Instant updated;

        Doc(String docId, String messageType, String from, String fromName, String code, String title,
                List<String> recipients, byte[] edxml, Instant created) {
            this.docId = docId;
            this.messageType = messageType;
            this.from = from;
            this.fromName = fromName;
            this.code = code;
            this.title = title;
            this.edxml = edxml.clone();
            this.created = created;
            this.updated = created;
            recipients.forEach(r -> statusByRecipient.put(r, "initial"));
        }

        /** The docId. */
        public String docId() {
            return docId;
        }

        /** {@code edoc} or {@code status}. */
        public String messageType() {
            return messageType;
        }

        /** The sender organ. */
        public String from() {
            return from;
        }

        /** The sender's name. */
        public String fromName() {
            return fromName;
        }

        /** Số/ký hiệu. */
        public String code() {
            return code;
        }

        /** Trích yếu. */
        public String title() {
            return title;
        }

        /** The bytes as uploaded. */
        public byte[] edxml() {
            return edxml.clone();
        }

        /** When it was stored. */
        public Instant created() {
            return created;
        }

        /** When its status last changed. */
        public synchronized Instant updated() {
            return updated;
        }

        /** Status per recipient organ. */
        public synchronized Map<String, String> statuses() {
            return Map.copyOf(statusByRecipient);
        }

        synchronized void setStatus(Collection<String> organs, String status, Instant at) {
            for (String organ : organs) {
                statusByRecipient.computeIfPresent(organ, (k, v) -> status);
            }
            updated = at;
        }
    }

    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final Map<String, String> bySystemAndHash = new ConcurrentHashMap<>();

    /**
     * Stores an upload unless the same system already uploaded the same bytes.
     *
     * @return the stored doc and whether it was a duplicate
     */
    public synchronized Map.Entry<Doc, Boolean> store(String systemId, String sha256, String messageType,
            String from, String fromName, String code, String title, List<String> recipients, byte[] edxml,
            Instant now) {
        String key = systemId + '\n' + sha256;
        String existing = bySystemAndHash.get(key);
        if (existing != null && docs.containsKey(existing)) {
            return Map.entry(docs.get(existing), true);
        }
        Doc doc = new Doc(UUID.randomUUID().toString(), messageType, from, fromName, code, title, recipients, edxml,
                now);
        docs.put(doc.docId(), doc);
        bySystemAndHash.put(key, doc.docId());
        return Map.entry(doc, false);
    }

    /** A doc by id. */
    public Optional<Doc> get(String docId) {
        return Optional.ofNullable(docs.get(docId));
    }

    /** Every doc, oldest first. */
    public List<Doc> all() {
        List<Doc> list = new ArrayList<>(docs.values());
        list.sort((a, b) -> a.created().compareTo(b.created()));
        return list;
    }

    /** How many uploads were stored (duplicates not counted). */
    public int count() {
        return docs.size();
    }

    /** Forgets everything. */
    public synchronized void clear() {
        docs.clear();
        bySystemAndHash.clear();
    }
}
