package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentSystem;

/**
 * The payments {@code egov pay} created, kept between runs in a JSON file: read into the SDK's
 * {@link InMemoryPaymentStore} before a command, written back (whole, through a temporary file) after it. For one
 * tester at a time, not a shared ledger.
 */
final class PaymentFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final Instant FROM = Instant.EPOCH;
    private static final Instant UNTIL = Instant.parse("9999-01-01T00:00:00Z");

    private PaymentFile() {
    }

    /**
     * Reads the file into a new store; a missing file is an empty store.
     *
     * @param file the file
     * @return the store
     * @throws UnreadableInputException when the file cannot be read or is not such a file
     */
    static InMemoryPaymentStore read(Path file) {
        InMemoryPaymentStore store = new InMemoryPaymentStore();
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UnreadableInputException("payment store " + file + ": larger than " + MAX_BYTES + " bytes",
                        null);
            }
            root = MAPPER.readTree(file.toFile());
        } catch (NoSuchFileException e) {
            return store;
        } catch (IOException e) {
            throw new UnreadableInputException("payment store " + file + ": " + e.getMessage(), e);
        }
        JsonNode payments = root == null ? null : root.get("payments");
        if (payments == null || !payments.isArray()) {
            throw new UnreadableInputException("payment store " + file + ": not an egov payment store (no payments)",
                    null);
        }
        for (JsonNode p : payments) {
            try {
                store.create(record(p));
            } catch (RuntimeException e) {
                throw new UnreadableInputException("payment store " + file + ": a payment is unreadable: "
                        + e.getMessage(), e);
            }
        }
        return store;
    }

    /**
     * Writes every payment of the store to the file.
     *
     * @param store the store
     * @param file the file
     * @throws UnreadableInputException when the file cannot be written
     */
    static void write(InMemoryPaymentStore store, Path file) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode payments = root.putArray("payments");
        for (PaymentSystem system : PaymentSystem.values()) {
            for (PaymentRecord r : store.createdBetween(system, FROM, UNTIL)) {
                payments.add(node(r));
            }
        }
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), root);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot write the payment store " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode node(PaymentRecord r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("system", r.system().name()).put("reference", r.reference()).put("dossierCode", r.dossierCode())
                .put("amount", r.amount()).put("state", r.state().name()).put("createdAt", r.createdAt().toString())
                .put("requestTime", r.requestTime()).put("updatedAt", r.updatedAt().toString());
        r.redirectUrl().ifPresent(u -> n.put("redirectUrl", u.toString()));
        r.gatewayTransactionId().ifPresent(t -> n.put("gatewayTransactionId", t));
        ObjectNode attributes = n.putObject("attributes");
        r.attributes().forEach(attributes::put);
        return n;
    }

    private static PaymentRecord record(JsonNode n) {
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode a = n.path("attributes");
        a.fieldNames().forEachRemaining(name -> attributes.put(name, a.get(name).asText()));
        return new PaymentRecord(PaymentSystem.valueOf(text(n, "system")), text(n, "reference"),
                text(n, "dossierCode"), n.path("amount").asLong(), PaymentState.valueOf(text(n, "state")),
                Instant.parse(text(n, "createdAt")), text(n, "requestTime"),
                Optional.ofNullable(n.get("redirectUrl")).map(u -> URI.create(u.asText())),
                Optional.ofNullable(n.get("gatewayTransactionId")).map(JsonNode::asText),
                Instant.parse(text(n, "updatedAt")), attributes);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("no text field " + field);
        }
        return v.asText();
    }
}
