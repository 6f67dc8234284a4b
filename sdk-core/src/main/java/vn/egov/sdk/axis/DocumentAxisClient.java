package vn.egov.sdk.axis;

import java.io.OutputStream;
import java.nio.file.Path;
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
    /**
     * Sends a document or status package (signed first when a {@link DocumentSigner} is configured).
     *
     * @param pkg the package
     * @return the axis' answer and what was sent
     */
    SendResult send(EdXmlPackage pkg);

    /**
     * Sends with per-call options.
     *
     * @param pkg the package
     * @param options per-call options
     * @return the axis' answer and what was sent
     */
    SendResult send(EdXmlPackage pkg, RequestOptions options);

    /**
     * Sends with per-call options and archives exactly what left: once the axis has accepted the package, the bytes
     * uploaded (after signing) are copied, streamed from disk, to {@code archive} (created or replaced; complete or
     * absent, never partial). When the send fails, nothing is archived.
     *
     * @param pkg the package
     * @param options per-call options
     * @param archive a file in an existing directory
     * @return the axis' answer, with {@link SendResult#archive()} naming {@code archive}
     * @throws vn.egov.sdk.core.ValidationException when {@code archive} is not a file in an existing directory
     *         (nothing is sent), or as {@link #send(EdXmlPackage, RequestOptions)}
     */
    SendResult send(EdXmlPackage pkg, RequestOptions options, Path archive);

    /**
     * The packages of a type waiting for this system.
     *
     * @param type documents or status packages
     * @return the waiting packages
     */
    List<ReceivedItem> listReceived(MessageType type);

    /**
     * Fetches and parses one package (verifying its signature when a {@link SignatureVerifier} is configured).
     *
     * @param docId the axis' id of the package
     * @return the package, with its signature check when verifying
     */
    ReceivedPackage fetch(String docId);

    /**
     * Streams one package's bytes, exactly as the axis holds them, to {@code out} (not closed).
     *
     * @param docId the axis' id of the package
     * @param out where the bytes go
     */
    void fetchTo(String docId, OutputStream out);

    /**
     * Acknowledges a fetched package to the axis (transport status, not the QĐ 28 business status).
     *
     * @param docId the axis' id of the package
     * @param ack the transport status
     */
    void acknowledge(String docId, TransportAck ack);

    /**
     * What this system sent, with delivery state; for one package when {@code docId} is given.
     *
     * @param type documents or status packages
     * @param docId one package's id, or empty for all
     * @return the sent packages
     */
    List<SentItem> listSent(MessageType type, Optional<String> docId);

    /**
     * How many packages of a type wait for this system.
     *
     * @param type documents or status packages
     * @return the count
     */
    long countReceived(MessageType type);

    /**
     * The agency directory in one code system, with the mapping to the other.
     *
     * @param system the code system
     * @return the agencies
     */
    List<Agency> agencies(CodeSystem system);

    @Override
    void close();
}
