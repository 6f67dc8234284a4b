package vn.egov.sdk.axis;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.EdXmlValidator;

/**
 * Builder of {@link VdxpAxisClient}: the HTTP settings in one {@link ClientSettings} (its endpoint is required), and
 * what is the national axis' own: the system's credentials, signing and verification, the wire options and the
 * error table. Not thread-safe.
 */
public final class VdxpAxisClientBuilder {
    ClientSettings settings = ClientSettings.defaults();
    String systemId;
    Secret secret;
    DocumentSigner signer;
    SignatureVerifier verifier;
    EdXmlValidator validator;
    int sendAttempts = 3;
    VdxpUploadForm uploadForm = VdxpUploadForm.RAW;
    VdxpHashFormat hashFormat = VdxpHashFormat.UNPADDED;
    final Map<String, VdxpErrorKind> errorTable = new LinkedHashMap<>(VdxpAxisClient.ErrorCodes.defaults());

    VdxpAxisClientBuilder() {
    }

    /**
     * The HTTP settings: the axis' base URL ({@code service.endpoint}, required; operations are appended to it),
     * timeouts, deadline, retries, clock, interceptors (they run after the HMAC headers are added)… Unset values
     * take the defaults listed in {@link VdxpAxisClient}.
     *
     * @param value the settings, possibly shared with other clients
     * @return this builder
     */
    public VdxpAxisClientBuilder settings(ClientSettings value) {
        this.settings = ValidationException.requireNonNull(value, "VdxpAxisClient.settings");
        return this;
    }

    /**
     * The system id issued by the operator ({@code systemid}, e.g. {@code vxp.saas.01}).
     *
     * @param value the id
     * @return this builder
     */
    public VdxpAxisClientBuilder systemId(String value) {
        this.systemId = ValidationException.requireNonNull(value, "VdxpAxisClient.systemId");
        return this;
    }

    /**
     * The system's secret ({@code secret}).
     *
     * @param value the secret
     * @return this builder
     */
    public VdxpAxisClientBuilder secret(Secret value) {
        this.secret = ValidationException.requireNonNull(value, "VdxpAxisClient.secret");
        return this;
    }

    /**
     * Signs each package before it is sent.
     *
     * @param value the signer
     * @return this builder
     */
    public VdxpAxisClientBuilder signer(DocumentSigner value) {
        this.signer = ValidationException.requireNonNull(value, "VdxpAxisClient.signer");
        return this;
    }

    /**
     * Checks the signature of each fetched package.
     *
     * @param value the verifier
     * @return this builder
     */
    public VdxpAxisClientBuilder verifier(SignatureVerifier value) {
        this.verifier = ValidationException.requireNonNull(value, "VdxpAxisClient.verifier");
        return this;
    }

    /**
     * The validator run before each send (default: {@link EdXmlValidator} defaults on the settings' clock).
     *
     * @param value the validator
     * @return this builder
     */
    public VdxpAxisClientBuilder validator(EdXmlValidator value) {
        this.validator = ValidationException.requireNonNull(value, "VdxpAxisClient.validator");
        return this;
    }

    /**
     * Sends of one package in all, the first included, when outcomes are unknown (default 3).
     *
     * @param value 1 to 10
     * @return this builder
     */
    public VdxpAxisClientBuilder sendAttempts(int value) {
        if (value < 1 || value > 10) {
            throw ValidationException.of("vdxp.sendAttempts", "VdxpAxisClient.sendAttempts",
                    "sendAttempts must be 1 to 10");
        }
        this.sendAttempts = value;
        return this;
    }

    /**
     * How {@code sendEdoc} carries the package (default {@link VdxpUploadForm#RAW}, the official client's form).
     *
     * @param value the form
     * @return this builder
     */
    public VdxpAxisClientBuilder uploadForm(VdxpUploadForm value) {
        this.uploadForm = ValidationException.requireNonNull(value, "VdxpAxisClient.uploadForm");
        return this;
    }

    /**
     * How {@code hash-file} is written (default {@link VdxpHashFormat#UNPADDED}, the official client's form).
     *
     * @param value the format
     * @return this builder
     */
    public VdxpAxisClientBuilder hashFormat(VdxpHashFormat value) {
        this.hashFormat = ValidationException.requireNonNull(value, "VdxpAxisClient.hashFormat");
        return this;
    }

    /**
     * Maps an axis {@code ErrorCode} to a kind, adding to or overriding {@link VdxpAxisClient.ErrorCodes#defaults()}.
     *
     * @param code the code
     * @param kind what it means
     * @return this builder
     */
    public VdxpAxisClientBuilder errorCode(String code, VdxpErrorKind kind) {
        if (code == null || code.isBlank() || kind == null) {
            throw ValidationException.of("vdxp.errorCode", "VdxpAxisClient.errorCode",
                    "an error code and its kind are required");
        }
        errorTable.put(code, kind);
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ValidationException naming the first missing field
     */
    public VdxpAxisClient build() {
        if (settings.endpoint().isEmpty()) {
            throw ValidationException.of("vdxp.endpoint", "VdxpAxisClient.settings.endpoint",
                    "the settings' endpoint (the axis' base URL) is required");
        }
        if (systemId == null || systemId.isBlank()) {
            throw ValidationException.of("vdxp.systemId", "VdxpAxisClient.systemId", "systemId is required");
        }
        if (secret == null) {
            throw ValidationException.of("vdxp.secret", "VdxpAxisClient.secret", "secret is required");
        }
        return new VdxpAxisClient(this, settings);
    }
}
