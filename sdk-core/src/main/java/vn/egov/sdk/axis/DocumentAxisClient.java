package vn.egov.sdk.axis;

import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.edxml.EdXmlPackage;

/**
 * A client of a document exchange axis: the national axis ({@link VdxpAxisClient}) or a provincial one
 * ({@link LgspAxisClient}). Thread-safe; close it to release its connections.
 *
 * <p>Errors: {@link vn.egov.sdk.core.AuthenticationException} for refused credentials,
 * {@link vn.egov.sdk.core.CounterpartyException} when a recipient is unknown to or refused by the axis,
 * {@link vn.egov.sdk.core.PlatformException} for the axis' own failures (with its {@code ErrorCode}),
 * {@link vn.egov.sdk.core.TransportException} for the network, {@link vn.egov.sdk.core.ValidationException} for a
 * package that breaks the edXML rules before anything is sent.
 */
public interface DocumentAxisClient extends AutoCloseable {
    /** Sends a document or status package (signed first when a {@link DocumentSigner} is configured). */
    SendResult send(EdXmlPackage pkg);

    /** Sends with per-call options. */
    SendResult send(EdXmlPackage pkg, RequestOptions options);

    /** The packages of a type waiting for this system. */
    List<ReceivedItem> listReceived(MessageType type);

    /** Fetches and parses one package (verifying its signature when a {@link SignatureVerifier} is configured). */
    ReceivedPackage fetch(String docId);

    /** Streams one package's bytes, exactly as the axis holds them, to {@code out} (not closed). */
    void fetchTo(String docId, OutputStream out);

    /** Acknowledges a fetched package to the axis (transport status, not the QĐ 28 business status). */
    void acknowledge(String docId, TransportAck ack);

    /** What this system sent, with delivery state; for one package when {@code docId} is given. */
    List<SentItem> listSent(MessageType type, Optional<String> docId);

    /** How many packages of a type wait for this system. */
    long countReceived(MessageType type);

    /** The agency directory in one code system, with the mapping to the other. */
    List<Agency> agencies(CodeSystem system);

    @Override
    void close();
}
