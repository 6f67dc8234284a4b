package vn.egov.sdk.axis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.EdXmlValidator;

/**
 * Builder of {@link LgspAxisClient}: the HTTP settings in one {@link ClientSettings} (its endpoint, the LGSP base URL
 * without {@code /v1}, is required), the account login and system credentials (required), and what is LGSP's own:
 * signing, verification, token lifetime and the list window. Not thread-safe.
 */
public final class LgspAxisClientBuilder {
    ClientSettings settings = ClientSettings.defaults();
    String username;
    Secret password;
    String applicationCode;
    String systemId;
    Secret secretKey;
    DocumentSigner signer;
    SignatureVerifier verifier;
    EdXmlValidator validator;
    Duration tokenLifetime = Duration.ofMinutes(30);
    Duration refreshBefore = Duration.ofMinutes(5);
    Duration lookBack = Duration.ofDays(30);

    LgspAxisClientBuilder() {
    }

    /**
     * The HTTP settings: the LGSP base URL without {@code /v1} (required, for example
     * {@code https://apiltvb.example.gov.vn}), timeouts, deadline, retries, clock, interceptors, response cap,
     * temporary directory.
     *
     * @param value the settings, possibly shared with other clients
     * @return this builder
     */
    public LgspAxisClientBuilder settings(ClientSettings value) {
        this.settings = ValidationException.requireNonNull(value, "LgspAxisClient.settings");
        return this;
    }

    /**
     * The account login ({@code POST /v1/auth/login}).
     *
     * @param user {@code username}
     * @param pass {@code password}
     * @param application {@code applicationCode}, for example {@code QLVB}
     * @return this builder
     */
    public LgspAxisClientBuilder login(String user, Secret pass, String application) {
        this.username = user;
        this.password = pass;
        this.applicationCode = application;
        return this;
    }

    /**
     * The system's credentials, sent as {@code X-SystemId} and {@code X-SecretKey}.
     *
     * @param id the system id
     * @param key the secret key
     * @return this builder
     */
    public LgspAxisClientBuilder system(String id, Secret key) {
        this.systemId = id;
        this.secretKey = key;
        return this;
    }

    /**
     * Signs each package before it is uploaded (optional).
     *
     * @param value the signer
     * @return this builder
     */
    public LgspAxisClientBuilder signer(DocumentSigner value) {
        this.signer = ValidationException.requireNonNull(value, "LgspAxisClient.signer");
        return this;
    }

    /**
     * Checks the signature of each fetched package (optional).
     *
     * @param value the verifier
     * @return this builder
     */
    public LgspAxisClientBuilder verifier(SignatureVerifier value) {
        this.verifier = ValidationException.requireNonNull(value, "LgspAxisClient.verifier");
        return this;
    }

    /**
     * The validator run before each send (default: the default rules, with the settings' clock).
     *
     * @param value the validator
     * @return this builder
     */
    public LgspAxisClientBuilder validator(EdXmlValidator value) {
        this.validator = ValidationException.requireNonNull(value, "LgspAxisClient.validator");
        return this;
    }

    /**
     * The assumed lifetime of a login token (default 30 min).
     *
     * @param value the lifetime
     * @return this builder
     */
    public LgspAxisClientBuilder tokenLifetime(Duration value) {
        this.tokenLifetime = ValidationException.requireNonNull(value, "LgspAxisClient.tokenLifetime");
        return this;
    }

    /**
     * Log in again this long before the token runs out (default 5 min).
     *
     * @param value the margin
     * @return this builder
     */
    public LgspAxisClientBuilder refreshBefore(Duration value) {
        this.refreshBefore = ValidationException.requireNonNull(value, "LgspAxisClient.refreshBefore");
        return this;
    }

    /**
     * How far back {@link LgspAxisClient#listReceived} looks, in whole days (default 30 days).
     *
     * @param value 0 to 366 days
     * @return this builder
     */
    public LgspAxisClientBuilder lookBack(Duration value) {
        this.lookBack = ValidationException.requireNonNull(value, "LgspAxisClient.lookBack");
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ValidationException naming every missing or wrong setting
     */
    public LgspAxisClient build() {
        List<FieldError> errors = new ArrayList<>();
        if (settings.endpoint().isEmpty()) {
            errors.add(new FieldError("lgsp.baseUrl", "LgspAxisClient.settings.endpoint",
                    "the settings' endpoint (the LGSP base URL) is required"));
        }
        if (username == null || username.isBlank()) {
            errors.add(new FieldError("lgsp.username", "LgspAxisClient.username", "username is required"));
        }
        if (password == null) {
            errors.add(new FieldError("lgsp.password", "LgspAxisClient.password", "password is required"));
        }
        if (applicationCode == null || applicationCode.isBlank()) {
            errors.add(new FieldError("lgsp.applicationCode", "LgspAxisClient.applicationCode",
                    "applicationCode is required"));
        }
        if (systemId == null || systemId.isBlank()) {
            errors.add(new FieldError("lgsp.systemId", "LgspAxisClient.systemId", "systemId is required"));
        }
        if (secretKey == null) {
            errors.add(new FieldError("lgsp.secretKey", "LgspAxisClient.secretKey", "secretKey is required"));
        }
        if (lookBack.isNegative() || lookBack.toDays() > 366) {
            errors.add(new FieldError("lgsp.lookBack", "LgspAxisClient.lookBack", "lookBack must be 0..366 days"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new LgspAxisClient(this, settings);
    }
}
