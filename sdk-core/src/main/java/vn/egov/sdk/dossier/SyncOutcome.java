package vn.egov.sdk.dossier;

/**
 * What a drain of {@link DossierSync} did with one outbox entry, told to a {@link SyncListener}.
 *
 * @param sequence the entry's outbox sequence
 * @param kind what the entry sends
 * @param maHoSo the dossier it belongs to ({@code MaHoSo})
 * @param result what happened
 * @param detail the portal's message or the failure, in words an operator can act on ({@code ""} when sent); no
 *        secrets
 */
public record SyncOutcome(long sequence, OutboxKind kind, String maHoSo, Result result, String detail) {
    /**
     * Normalises the components.
     *
     * @param sequence the entry's outbox sequence
     * @param kind what the entry sends
     * @param maHoSo the dossier it belongs to
     * @param result what happened
     * @param detail the message; null is stored as {@code ""}
     */
    public SyncOutcome {
        detail = detail == null ? "" : detail;
    }

    /** What happened to an entry. */
    public enum Result {
        /** The portal accepted it (a dossier: created). Final. */
        SENT,
        /** A dossier the portal already held ("đã tồn tại", by code): sent again as an update and accepted. Final. */
        UPDATED,
        /**
         * Not sent again: the entry was found in flight after a crash and the portal already holds it (a progress
         * row with the same {@code ThoiDiemXuLy}, {@code TrangThai} and {@code NoiDungXuLy}). Final.
         */
        ALREADY_HELD,
        /** The send failed in a way that may pass later (network, 5xx, session): due again after a back-off. */
        FAILED,
        /** Never to be sent: refused by the portal, the dossier was refused, or the attempt budget is spent. Final. */
        GIVEN_UP
    }
}
