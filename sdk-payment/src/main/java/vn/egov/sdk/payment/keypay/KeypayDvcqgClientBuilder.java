package vn.egov.sdk.payment.keypay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.keypay.internal.OrderBillInfo;

/**
 * Builder of {@link KeypayDvcqgClient}: the HTTP settings in one {@link ClientSettings} (its endpoint, the Keypay
 * base URL, is required), the {@code client_id} and both HMAC keys (required), and the protocol's values, each with
 * the default DOMAIN gives: command {@code PAY}, version {@code 3.0}, locale {@code vn}, currency {@code VND},
 * environment {@code 1} (web), addition fee 0, {@code transaction_id} at most 20 characters. Values no public source
 * fixes (the paths, the country code, the detail query's command and its status codes) are settings too.
 * Not thread-safe.
 */
public final class KeypayDvcqgClientBuilder {
    ClientSettings settings = ClientSettings.defaults();
    String clientId;
    Secret hashKey1;
    Secret hashKey2;
    String createPath = "/create";
    String detailPath = "/detail";
    String command = "PAY";
    String queryCommand = "PAY";
    String version = "3.0";
    String locale = "vn";
    String countryCode = "VN";
    String currencyCode = "VND";
    int environment = 1;
    long additionFee;
    int maxTransactionIdLength = 20;
    long maxAmount = 1_000_000_000L;
    int maxCallbackBytes = 64 * 1024;
    PaymentStore store = new InMemoryPaymentStore();
    KeypayBillInfo billInfo = new OrderBillInfo();
    Supplier<String> transactionIds;
    final Map<String, PaymentState> queryStatuses = new LinkedHashMap<>(Map.of(
            "0", PaymentState.PAID, "1", PaymentState.PENDING, "2", PaymentState.FAILED, "3", PaymentState.EXPIRED));

    KeypayDvcqgClientBuilder() {
    }

    /**
     * The HTTP settings: the Keypay base URL (required), timeouts, deadline, retries (used by the detail query only),
     * clock.
     *
     * @param value the settings
     * @return this builder
     */
    public KeypayDvcqgClientBuilder settings(ClientSettings value) {
        this.settings = ValidationException.requireNonNull(value, "KeypayDvcqgClient.settings");
        return this;
    }

    /**
     * The partner's credentials: {@code client_id}, {@code hash_key_1} (signs requests) and {@code hash_key_2}
     * (verifies callbacks).
     *
     * @param id the client id
     * @param key1 hash_key_1
     * @param key2 hash_key_2
     * @return this builder
     */
    public KeypayDvcqgClientBuilder credentials(String id, Secret key1, Secret key2) {
        this.clientId = id;
        this.hashKey1 = key1;
        this.hashKey2 = key2;
        return this;
    }

    /**
     * Where create and detail requests go: paths under the endpoint, or absolute URLs (defaults {@code /create} and
     * {@code /detail}; the operator gives the real ones).
     *
     * @param create the create path or URL
     * @param detail the detail query path or URL
     * @return this builder
     */
    public KeypayDvcqgClientBuilder paths(String create, String detail) {
        this.createPath = ValidationException.requireText(create, "KeypayDvcqgClient.createPath");
        this.detailPath = ValidationException.requireText(detail, "KeypayDvcqgClient.detailPath");
        return this;
    }

    /**
     * The {@code command} of payments (default {@code PAY}) and of detail queries (default {@code PAY}; no public
     * source names another).
     *
     * @param pay the payment command
     * @param query the detail query command
     * @return this builder
     */
    public KeypayDvcqgClientBuilder commands(String pay, String query) {
        this.command = ValidationException.requireText(pay, "KeypayDvcqgClient.command");
        this.queryCommand = ValidationException.requireText(query, "KeypayDvcqgClient.queryCommand");
        return this;
    }

    /**
     * The protocol {@code version} (default {@code 3.0}).
     *
     * @param value the version
     * @return this builder
     */
    public KeypayDvcqgClientBuilder version(String value) {
        this.version = ValidationException.requireText(value, "KeypayDvcqgClient.version");
        return this;
    }

    /**
     * The {@code locale}, {@code country_code} and {@code currency_code} (defaults {@code vn}, {@code VN},
     * {@code VND}).
     *
     * @param localeValue the locale
     * @param country the country code
     * @param currency the currency code
     * @return this builder
     */
    public KeypayDvcqgClientBuilder region(String localeValue, String country, String currency) {
        this.locale = ValidationException.requireText(localeValue, "KeypayDvcqgClient.locale");
        this.countryCode = ValidationException.requireText(country, "KeypayDvcqgClient.countryCode");
        this.currencyCode = ValidationException.requireText(currency, "KeypayDvcqgClient.currencyCode");
        return this;
    }

    /**
     * The {@code environment}: 1 web (default), 2 app.
     *
     * @param value 1 or 2
     * @return this builder
     */
    public KeypayDvcqgClientBuilder environment(int value) {
        this.environment = value;
        return this;
    }

    /**
     * The {@code addition_fee} in whole VND (default 0).
     *
     * @param value 0 or more
     * @return this builder
     */
    public KeypayDvcqgClientBuilder additionFee(long value) {
        this.additionFee = value;
        return this;
    }

    /**
     * The longest {@code transaction_id} (default 20).
     *
     * @param value 8 to 64
     * @return this builder
     */
    public KeypayDvcqgClientBuilder maxTransactionIdLength(int value) {
        this.maxTransactionIdLength = value;
        return this;
    }

    /**
     * The largest amount accepted, in whole VND (default 1,000,000,000).
     *
     * @param value above 0
     * @return this builder
     */
    public KeypayDvcqgClientBuilder maxAmount(long value) {
        this.maxAmount = value;
        return this;
    }

    /**
     * The largest callback body read (default 64 KiB).
     *
     * @param value 1 KiB to 1 MiB
     * @return this builder
     */
    public KeypayDvcqgClientBuilder maxCallbackBytes(int value) {
        this.maxCallbackBytes = value;
        return this;
    }

    /**
     * Where payments are recorded (default a new {@link InMemoryPaymentStore}).
     *
     * @param value the store
     * @return this builder
     */
    public KeypayDvcqgClientBuilder store(PaymentStore value) {
        this.store = ValidationException.requireNonNull(value, "KeypayDvcqgClient.store");
        return this;
    }

    /**
     * Writes {@code bill_info} (default: the order's dossier code, description, payer and amount).
     *
     * @param value the writer
     * @return this builder
     */
    public KeypayDvcqgClientBuilder billInfo(KeypayBillInfo value) {
        this.billInfo = ValidationException.requireNonNull(value, "KeypayDvcqgClient.billInfo");
        return this;
    }

    /**
     * Makes new {@code transaction_id}s (default: {@code KP} and 18 random letters and digits). Each must be unique
     * and no longer than {@link #maxTransactionIdLength(int)}.
     *
     * @param value the generator
     * @return this builder
     */
    public KeypayDvcqgClientBuilder transactionIds(Supplier<String> value) {
        this.transactionIds = ValidationException.requireNonNull(value, "KeypayDvcqgClient.transactionIds");
        return this;
    }

    /**
     * How a detail query's {@code status} reads. {@code 0} = paid is the only code a public source documents; the
     * defaults {@code 1} pending, {@code 2} failed, {@code 3} expired are the sandbox's and stand until the operator
     * gives its list. A code not mapped is a {@link KeypayRefusedException}.
     *
     * @param code the wire status
     * @param state what it means
     * @return this builder
     */
    public KeypayDvcqgClientBuilder queryStatus(String code, PaymentState state) {
        queryStatuses.put(ValidationException.requireText(code, "KeypayDvcqgClient.queryStatus.code"),
                ValidationException.requireNonNull(state, "KeypayDvcqgClient.queryStatus.state"));
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ValidationException naming every missing or wrong setting
     */
    public KeypayDvcqgClient build() {
        List<FieldError> errors = new ArrayList<>();
        if (settings.endpoint().isEmpty()) {
            errors.add(new FieldError("required", "KeypayDvcqgClient.settings.endpoint",
                    "the settings' endpoint (the Keypay base URL) is required"));
        }
        if (clientId == null || clientId.isBlank()) {
            errors.add(new FieldError("required", "KeypayDvcqgClient.clientId", "client_id is required"));
        }
        if (hashKey1 == null) {
            errors.add(new FieldError("required", "KeypayDvcqgClient.hashKey1", "hash_key_1 is required"));
        }
        if (hashKey2 == null) {
            errors.add(new FieldError("required", "KeypayDvcqgClient.hashKey2", "hash_key_2 is required"));
        }
        if (environment != 1 && environment != 2) {
            errors.add(new FieldError("range", "KeypayDvcqgClient.environment", "environment is 1 (web) or 2 (app)"));
        }
        if (additionFee < 0) {
            errors.add(new FieldError("range", "KeypayDvcqgClient.additionFee", "addition_fee must not be negative"));
        }
        if (maxTransactionIdLength < 8 || maxTransactionIdLength > 64) {
            errors.add(new FieldError("range", "KeypayDvcqgClient.maxTransactionIdLength",
                    "the transaction_id limit must be 8 to 64 characters"));
        }
        if (maxAmount <= 0) {
            errors.add(new FieldError("positive", "KeypayDvcqgClient.maxAmount", "the amount cap must be above 0"));
        }
        if (maxCallbackBytes < 1024 || maxCallbackBytes > 1024 * 1024) {
            errors.add(new FieldError("range", "KeypayDvcqgClient.maxCallbackBytes",
                    "the callback size limit must be 1 KiB to 1 MiB"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new KeypayDvcqgClient(this);
    }
}
