package vn.egov.sdk.signing.internal.pdf;

import java.time.Duration;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.timestamp.TimestampClient;

/**
 * The timestamp authority of a PDF signer: none (PAdES B-B), a caller's client (the caller closes it), or a client
 * made from a URL, which this object owns together with the HTTP runtime it may have created.
 */
public final class TimestampAuthority implements AutoCloseable {
    private final Optional<TimestampClient> client;
    private final boolean ownsClient;
    private final HttpRuntime ownRuntime;

    private TimestampAuthority(Optional<TimestampClient> client, boolean ownsClient, HttpRuntime ownRuntime) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.ownRuntime = ownRuntime;
    }

    /**
     * Resolves the authority from a signer builder's settings.
     *
     * @param given the caller's client, used as is when present; {@code null} for none
     * @param url the authority's URL, used when no client is given; {@code null} for none
     * @param runtime the HTTP runtime for a client made from {@code url}; {@code null} to create (and own) one
     * @param digest the signature's digest; a weak one is replaced by SHA-256 for the timestamp request
     * @return the authority, possibly none
     * @throws ValidationException if {@code url} is not http(s)
     */
    public static TimestampAuthority of(TimestampClient given, String url, HttpRuntime runtime,
            DigestAlgorithm digest) {
        if (given != null) {
            return new TimestampAuthority(Optional.of(given), false, null);
        }
        if (url == null) {
            return new TimestampAuthority(Optional.empty(), false, null);
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw ValidationException.of("signing.pdf.timestampUrl", "PdfSigner.timestampUrl",
                    "the timestamp URL must be http(s)");
        }
        HttpRuntime own = null;
        HttpRuntime rt = runtime;
        if (rt == null) {
            own = HttpRuntime.builder().settings(ClientSettings.builder().deadline(Duration.ofSeconds(30))
                    .build()).build();
            rt = own;
        }
        TimestampClient made = TimestampClient.builder().url(url).runtime(rt)
                .digest(digest.isWeak() ? DigestAlgorithm.SHA256 : digest).build();
        return new TimestampAuthority(Optional.of(made), true, own);
    }

    /**
     * The client, if signatures are timestamped.
     *
     * @return the timestamp client; empty for PAdES B-B
     */
    public Optional<TimestampClient> client() {
        return client;
    }

    /** Closes the client and runtime this object created; a caller's client is left open. */
    @Override
    public void close() {
        if (ownsClient) {
            client.ifPresent(TimestampClient::close);
        }
        if (ownRuntime != null) {
            ownRuntime.close();
        }
    }
}
