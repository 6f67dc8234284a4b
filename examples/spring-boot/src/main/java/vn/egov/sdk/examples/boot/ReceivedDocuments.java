package vn.egov.sdk.examples.boot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The documents this agency received, in memory (a real application keeps them in its database, in the same
 * transaction as its other effects). Keyed by the axis's docId, so a document handed over again after a crash is
 * recognised.
 */
@Component
public class ReceivedDocuments {
    /**
     * One received document and what was done with it.
     *
     * @param docId the axis's id of the package
     * @param from the sender's organ id
     * @param code the document's number and notation ({@code 101/VPCP-KSTT})
     * @param subject its subject
     * @param signature the verdict on its signature ({@code VALID}, {@code INVALID}, {@code INDETERMINATE}, or
     *     {@code UNSIGNED} when no verifier is configured)
     * @param status the status this agency answered ({@code 03} accepted, {@code 02} refused)
     * @param replyDocId the axis's id of the signed status reply
     * @param receivedAt when it was handled
     */
    public record Document(String docId, String from, String code, String subject, String signature, String status,
            String replyDocId, Instant receivedAt) {
    }

    private final Map<String, Document> byDocId = new ConcurrentHashMap<>();

    /**
     * Records a handled document.
     *
     * @param document the document
     */
    public void add(Document document) {
        byDocId.put(document.docId(), document);
    }

    /**
     * A document by the axis's docId.
     *
     * @param docId the id
     * @return the document, if it was handled
     */
    public Optional<Document> find(String docId) {
        return Optional.ofNullable(byDocId.get(docId));
    }

    /**
     * Every handled document, newest first.
     *
     * @return a copy
     */
    public List<Document> all() {
        List<Document> all = new ArrayList<>(byDocId.values());
        all.sort((a, b) -> b.receivedAt().compareTo(a.receivedAt()));
        return all;
    }
}
