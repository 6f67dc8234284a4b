package vn.egov.sdk.testkit.internal;

import java.time.Instant;

/**
 * One transaction of the simulated DVCQG payment platform: what {@code INIT} asked for and where it stands
 * (PENDING → PAID | FAILED | EXPIRED). Thread-safe: the state changes once, under the object's lock.
 */
public final class DvcqgPayTransaction {
    /** Where a transaction stands. */
    public enum State {
        /** Created, not paid yet ({@code TrangThaiGD 3}). */
        PENDING,
        /** Paid ({@code TrangThaiGD 1}, callback {@code MaLoi 00}). */
        PAID,
        /** Failed or cancelled by the payer ({@code TrangThaiGD 4}). */
        FAILED,
        /** The payment window closed ({@code TrangThaiGD 4}, no callback). */
        EXPIRED
    }

    private final String id;
    private final String merchant;
    private final String reference;
    private final long amount;
    private final String requestTime;
    private final String description;
    private final String requestChecksum;
    private final Instant createdAt;
    private State state = State.PENDING;
    private String resultCode = "";
    private String bank = "";
    private String gatewayId = "";
    private String resultTime = "";

    /**
     * @param id the payment page id
     * @param merchant {@code MaDoiTac}
     * @param reference {@code MaThamChieu}
     * @param amount {@code SoTien}
     * @param requestTime {@code ThoiGianGD} of the INIT
     * @param description {@code ThongTinGiaoDich}
     * @param requestChecksum the INIT's {@code MaXacThuc} (a repeated INIT must carry the same)
     * @param createdAt when it was created
     */
    public DvcqgPayTransaction(String id, String merchant, String reference, long amount, String requestTime,
            String description, String requestChecksum, Instant createdAt) {
        this.id = id;
        this.merchant = merchant;
        this.reference = reference;
        this.amount = amount;
        this.requestTime = requestTime;
        this.description = description;
        this.requestChecksum = requestChecksum;
        this.createdAt = createdAt;
    }

    /**
     * Moves a pending transaction to a final state.
     *
     * @param to the final state
     * @param code the result code ({@code MaLoi}) of the callback
     * @param bankCode the bank chosen
     * @param transactionId the platform's transaction id
     * @param time the result time, {@code yyyyMMddHHmmss}
     * @return whether it moved (false when already final)
     */
    public synchronized boolean finish(State to, String code, String bankCode, String transactionId, String time) {
        if (state != State.PENDING) {
            return false;
        }
        state = to;
        resultCode = code;
        bank = bankCode;
        gatewayId = transactionId;
        resultTime = time;
        return true;
    }

    /** @return the page id */
    public String id() {
        return id;
    }

    /** @return {@code MaDoiTac} */
    public String merchant() {
        return merchant;
    }

    /** @return {@code MaThamChieu} */
    public String reference() {
        return reference;
    }

    /** @return {@code SoTien} */
    public long amount() {
        return amount;
    }

    /** @return the INIT's {@code ThoiGianGD} */
    public String requestTime() {
        return requestTime;
    }

    /** @return {@code ThongTinGiaoDich} */
    public String description() {
        return description;
    }

    /** @return the INIT's checksum */
    public String requestChecksum() {
        return requestChecksum;
    }

    /** @return creation time */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return the state */
    public synchronized State state() {
        return state;
    }

    /** @return the callback's {@code MaLoi}, empty while pending */
    public synchronized String resultCode() {
        return resultCode;
    }

    /** @return the bank chosen, empty while pending */
    public synchronized String bank() {
        return bank;
    }

    /** @return {@code MaGiaoDich}, empty while pending */
    public synchronized String gatewayId() {
        return gatewayId;
    }

    /** @return the result time, empty while pending */
    public synchronized String resultTime() {
        return resultTime;
    }
}
