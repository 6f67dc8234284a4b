package vn.egov.sdk.payment.dvcqg;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.ReceiptInfo;
import vn.egov.sdk.payment.ReceiptWireStyle;

/**
 * Builder of {@link DvcqgPaymentPlatformClient}. Required: the settings' endpoint, the partner code
 * ({@code MaDoiTac}) and the secret. Every value DOMAIN marks as inferred (message type codes, channel codes,
 * reference length, the envelope) is a setting with the value seen in use as its default. Not thread-safe.
 */
public final class DvcqgPaymentPlatformClientBuilder {
    /** The largest amount accepted by default: one billion VND. */
    public static final long DEFAULT_AMOUNT_CAP = 1_000_000_000L;

    ClientSettings settings = ClientSettings.defaults();
    String initUrl;
    String getBillUrl;
    String queryUrl;
    String partnerCode;
    Secret secret;
    AuthStrategy auth;
    String initType = "INIT";
    String getBillType = "GET_BILL";
    String queryType = "QUERY";
    String version = "1.0.6";
    DvcqgChannel channel = DvcqgChannel.defaults();
    int referenceMaxLength = 20;
    Supplier<String> references;
    long amountCap = DEFAULT_AMOUNT_CAP;
    String merchantIp;
    InitResponseEnvelope envelope = InitResponseEnvelope.AUTO;
    Function<PaymentOrder, ReceiptInfo> receipts = DvcqgPaymentPlatformClientBuilder::plainReceipt;
    ReceiptWireStyle receiptStyle = ReceiptWireStyle.defaults();
    ReplyBuilder replies = ReplyBuilder.echo();
    PaymentStore store;
    int maxCallbackBytes = 64 * 1024;
    int maxReceiptBytes = 10 * 1024 * 1024;

    DvcqgPaymentPlatformClientBuilder() {
    }

    /**
     * The HTTP settings. The endpoint is the platform's base URL: INIT, GET_BILL and QUERY go to
     * {@code endpoint + "/init"}, {@code "/get-bill"} and {@code "/query"} unless set by {@link #initUrl},
     * {@link #getBillUrl} and {@link #queryUrl} (the operator gives each URL).
     *
     * @param value the settings
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder settings(ClientSettings value) {
        this.settings = ValidationException.requireNonNull(value, "DvcqgPaymentPlatformClient.settings");
        return this;
    }

    /**
     * The INIT URL, absolute.
     *
     * @param value the URL
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder initUrl(String value) {
        this.initUrl = ValidationException.requireText(value, "DvcqgPaymentPlatformClient.initUrl");
        return this;
    }

    /**
     * The GET_BILL (receipt) URL, absolute.
     *
     * @param value the URL
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder getBillUrl(String value) {
        this.getBillUrl = ValidationException.requireText(value, "DvcqgPaymentPlatformClient.getBillUrl");
        return this;
    }

    /**
     * The QUERY (status) URL, absolute.
     *
     * @param value the URL
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder queryUrl(String value) {
        this.queryUrl = ValidationException.requireText(value, "DvcqgPaymentPlatformClient.queryUrl");
        return this;
    }

    /**
     * The merchant's credentials: {@code MaDoiTac} and the checksum secret.
     *
     * @param code the partner code the operator assigned
     * @param key the secret appended to every signed string
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder merchant(String code, Secret key) {
        this.partnerCode = code;
        this.secret = key;
        return this;
    }

    /**
     * How requests are authenticated beyond the checksum, for example a bearer token (default: not at all).
     *
     * @param value the strategy
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder auth(AuthStrategy value) {
        this.auth = ValidationException.requireNonNull(value, "DvcqgPaymentPlatformClient.auth");
        return this;
    }

    /**
     * The {@code LoaiBanTin} codes (defaults {@code INIT}, {@code GET_BILL}, {@code QUERY}).
     *
     * @param init create a transaction
     * @param getBill fetch a receipt
     * @param query ask for a state
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder messageTypes(String init, String getBill, String query) {
        this.initType = ValidationException.requireText(init, "DvcqgPaymentPlatformClient.messageTypes.init");
        this.getBillType = ValidationException.requireText(getBill,
                "DvcqgPaymentPlatformClient.messageTypes.getBill");
        this.queryType = ValidationException.requireText(query, "DvcqgPaymentPlatformClient.messageTypes.query");
        return this;
    }

    /**
     * {@code PhienBan} (default {@code 1.0.6}).
     *
     * @param value the version
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder version(String value) {
        this.version = ValidationException.requireText(value, "DvcqgPaymentPlatformClient.version");
        return this;
    }

    /**
     * The channel fields (default {@link DvcqgChannel#defaults()}).
     *
     * @param value the channel
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder channel(DvcqgChannel value) {
        this.channel = ValidationException.requireNonNull(value, "DvcqgPaymentPlatformClient.channel");
        return this;
    }

    /**
     * The longest {@code MaThamChieu} (default 20, OpenCPS's choice; no platform limit is public).
     *
     * @param value 8 to 255
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder referenceMaxLength(int value) {
        this.referenceMaxLength = value;
        return this;
    }

    /**
     * Makes merchant references (default: a time stamp and random letters that fit the maximum length). Each
     * must be unique and no longer than the maximum.
     *
     * @param value the generator
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder references(Supplier<String> value) {
        this.references = ValidationException.requireNonNull(value, "DvcqgPaymentPlatformClient.references");
        return this;
    }

    /**
     * The largest amount accepted, in VND (default {@value #DEFAULT_AMOUNT_CAP}).
     *
     * @param value above 0
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder amountCap(long value) {
        this.amountCap = value;
        return this;
    }

    /**
     * The merchant server's IP address sent as {@code Ip} (default: this host's address).
     *
     * @param value the address
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder merchantIp(String value) {
        this.merchantIp = ValidationException.requireText(value, "DvcqgPaymentPlatformClient.merchantIp");
        return this;
    }

    /**
     * How answers are wrapped (default {@link InitResponseEnvelope#AUTO}).
     *
     * @param value the envelope
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder envelope(InitResponseEnvelope value) {
        this.envelope = ValidationException.requireNonNull(value, "DvcqgPaymentPlatformClient.envelope");
        return this;
    }

    /**
     * Makes the receipt info of an order for {@link DvcqgPaymentPlatformClient#create(PaymentOrder)} (default: the
     * dossier, the description, the payer and one lệ phí line of the whole amount).
     *
     * @param value the supplier
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder receipts(Function<PaymentOrder, ReceiptInfo> value) {
        this.receipts = ValidationException.requireNonNull(value, "DvcqgPaymentPlatformClient.receipts");
        return this;
    }

    /**
     * How receipt fields are written (default {@link ReceiptWireStyle#defaults()}).
     *
     * @param value the style
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder receiptStyle(ReceiptWireStyle value) {
        this.receiptStyle = ValidationException.requireNonNull(value, "DvcqgPaymentPlatformClient.receiptStyle");
        return this;
    }

    /**
     * Writes replies to callbacks (default {@link ReplyBuilder#echo()}).
     *
     * @param value the builder
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder replies(ReplyBuilder value) {
        this.replies = ValidationException.requireNonNull(value, "DvcqgPaymentPlatformClient.replies");
        return this;
    }

    /**
     * Where payments are recorded (default a new {@link InMemoryPaymentStore}).
     *
     * @param value the store
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder store(PaymentStore value) {
        this.store = ValidationException.requireNonNull(value, "DvcqgPaymentPlatformClient.store");
        return this;
    }

    /**
     * The largest callback body read (default 64 KiB) and the largest receipt (default 10 MiB).
     *
     * @param callbackBytes 1 KiB or more
     * @param receiptBytes 1 KiB or more
     * @return this builder
     */
    public DvcqgPaymentPlatformClientBuilder limits(int callbackBytes, int receiptBytes) {
        this.maxCallbackBytes = callbackBytes;
        this.maxReceiptBytes = receiptBytes;
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client; close it when done
     * @throws ValidationException naming every missing or wrong setting
     */
    public DvcqgPaymentPlatformClient build() {
        List<FieldError> errors = new ArrayList<>();
        String p = "DvcqgPaymentPlatformClient.";
        if (settings.endpoint().isEmpty() && (initUrl == null || getBillUrl == null || queryUrl == null)) {
            errors.add(new FieldError("required", p + "settings.endpoint",
                    "the settings' endpoint is required unless the three URLs are set"));
        }
        if (partnerCode == null || partnerCode.isBlank()) {
            errors.add(new FieldError("required", p + "merchant.code", "the partner code (MaDoiTac) is required"));
        }
        if (secret == null) {
            errors.add(new FieldError("required", p + "merchant.secret", "the checksum secret is required"));
        }
        if (referenceMaxLength < 8 || referenceMaxLength > 255) {
            errors.add(new FieldError("range", p + "referenceMaxLength", "must be 8 to 255"));
        }
        if (amountCap <= 0) {
            errors.add(new FieldError("positive", p + "amountCap", "must be above 0 VND"));
        }
        if (maxCallbackBytes < 1024 || maxReceiptBytes < 1024) {
            errors.add(new FieldError("range", p + "limits", "limits must be 1 KiB or more"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (merchantIp == null) {
            merchantIp = localAddress();
        }
        return new DvcqgPaymentPlatformClient(this);
    }

    String url(String explicit, String path) {
        if (explicit != null) {
            return explicit;
        }
        String base = settings.endpoint().orElseThrow();
        return base.endsWith("/") ? base + path : base + "/" + path;
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private static ReceiptInfo plainReceipt(PaymentOrder order) {
        ReceiptInfo.Builder b = ReceiptInfo.builder(order.amount()).dossierCode(order.dossierCode())
                .content(order.description())
                .fee(new vn.egov.sdk.payment.FeeItem(vn.egov.sdk.payment.FeeKind.LE_PHI, "", order.description(),
                        order.amount()));
        order.payer().ifPresent(b::payer);
        return b.build();
    }
}
