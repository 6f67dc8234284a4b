package vn.egov.sdk.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sandbox axis' state: every accepted package, once per send, and its delivery to each recipient system.
 * Transport status of a delivery: {@code pending} until the receiver acknowledges; {@code processing} (still
 * listed), {@code done} (no longer listed) or {@code fail} (listed again, so the receiver can retry). Thread-safe
 * (every method synchronised).
 */
public final class VdxpStore {

    /**
     * One accepted package.
     *
     * @param docId the axis' id, returned to the sender and used by every receiver
     * @param senderSystem the sending system
     * @param from the sender organ id
     * @param messageType {@code edoc} or {@code status}
     * @param hashFile the {@code hash-file} as the sender sent it (zero-padded or not)
     * @param sha256 the SHA-256 of the file, zero-padded lowercase hex: the key of duplicate uploads
     * @param title the subject, "" for a status
     * @param notation the number/notation, "" for a status
     * @param sentTime when the axis accepted it
     * @param stored the package as stored, the axis' trace hop added
     */
    public record Sent(String docId, String senderSystem, String from, String messageType, String hashFile,
            String sha256, String title, String notation, Instant sentTime, byte[] stored) {
    }

    /** One delivery of a package to a recipient system. */
    public static final class Delivery {
        private final Sent sent;
        private final String system;
        private final String to;
        private String status = "pending";
        private Instant receivedTime;

        Delivery(Sent sent, String system, String to) {
            this.sent = sent;
            this.system = system;
            this.to = to;
        }

        /** The package. */
        public Sent sent() {
            return sent;
        }

        /** The recipient system. */
        public String system() {
            return system;
        }

        /** The recipient organ id(s), comma-separated. */
        public String to() {
            return to;
        }

        /** The transport status. */
        public String status() {
            return status;
        }

        /** When the receiver first fetched it. */
        public Optional<Instant> receivedTime() {
            return Optional.ofNullable(receivedTime);
        }
    }

    private final Map<String, Sent> sentById = new LinkedHashMap<>();
    private final Map<String, String> docIdBySystemAndHash = new LinkedHashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();

    /**
     * The id of a package this system already sent with this content, whichever form its hash was sent in.
     *
     * @param system the sending system
     * @param sha256 the file's SHA-256, zero-padded lowercase hex
     * @return the original id, or empty
     */
    public synchronized Optional<String> duplicateOf(String system, String sha256) {
        return Optional.ofNullable(docIdBySystemAndHash.get(system + "|" + sha256));
    }

    /**
     * Stores a package for its recipients.
     *
     * @param template the package, its docId ignored
     * @param recipients recipient system → recipient organ ids
     * @return the stored package with its new docId
     */
    public synchronized Sent store(Sent template, Map<String, List<String>> recipients) {
        String existing = docIdBySystemAndHash.get(template.senderSystem() + "|" + template.sha256());
        if (existing != null) {
            return sentById.get(existing);
        }
        Sent sent = new Sent(UUID.randomUUID().toString(), template.senderSystem(), template.from(),
                template.messageType(), template.hashFile(), template.sha256(), template.title(), template.notation(),
                template.sentTime(), template.stored());
        sentById.put(sent.docId(), sent);
        docIdBySystemAndHash.put(sent.senderSystem() + "|" + sent.sha256(), sent.docId());
        recipients.forEach((system, organs) -> deliveries.add(new Delivery(sent, system, String.join(",", organs))));
        return sent;
    }

    /**
     * What waits for a system: deliveries of a type not yet acknowledged {@code done}.
     *
     * @param system the recipient system
     * @param messageType {@code edoc} or {@code status}
     * @return the deliveries, oldest first
     */
    public synchronized List<Delivery> waiting(String system, String messageType) {
        return deliveries.stream().filter(d -> d.system.equals(system)
                && d.sent.messageType().equalsIgnoreCase(messageType) && !"done".equals(d.status)).toList();
    }

    /**
     * A delivery to a system, marked fetched.
     *
     * @param system the recipient system
     * @param docId the id
     * @param now the time of the fetch
     * @return the delivery, or empty when the system has no such package
     */
    public synchronized Optional<Delivery> fetch(String system, String docId, Instant now) {
        Optional<Delivery> d = find(system, docId);
        d.filter(x -> x.receivedTime == null).ifPresent(x -> x.receivedTime = now);
        return d;
    }

    /**
     * Sets the transport status of a delivery.
     *
     * @param system the recipient system
     * @param docId the id
     * @param status {@code processing}, {@code done} or {@code fail}
     * @return whether the delivery exists
     */
    public synchronized boolean updateStatus(String system, String docId, String status) {
        Optional<Delivery> d = find(system, docId);
        d.ifPresent(x -> x.status = status);
        return d.isPresent();
    }

    /**
     * Every delivery of what a system sent, optionally of one package.
     *
     * @param system the sending system
     * @param messageType {@code edoc} or {@code status}, or "" for both
     * @param docId one package's id, or "" for all
     * @return the deliveries, oldest first
     */
    public synchronized List<Delivery> sentBy(String system, String messageType, String docId) {
        return deliveries.stream().filter(d -> d.sent.senderSystem().equals(system)
                && (messageType.isEmpty() || d.sent.messageType().equalsIgnoreCase(messageType))
                && (docId.isEmpty() || d.sent.docId().equals(docId))).toList();
    }

    /**
     * How many packages the axis accepted (each once, however many recipients).
     *
     * @return the count
     */
    public synchronized int packageCount() {
        return sentById.size();
    }

    /**
     * The accepted packages, oldest first.
     *
     * @return the packages
     */
    public synchronized List<Sent> packages() {
        return List.copyOf(sentById.values());
    }

    /** Forgets every package. */
    public synchronized void reset() {
        sentById.clear();
        docIdBySystemAndHash.clear();
        deliveries.clear();
    }

    private Optional<Delivery> find(String system, String docId) {
        return deliveries.stream().filter(d -> d.system.equals(system) && d.sent.docId().equals(docId)).findFirst();
    }
}
