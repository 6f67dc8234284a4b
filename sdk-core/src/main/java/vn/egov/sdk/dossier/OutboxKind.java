package vn.egov.sdk.dossier;

/**
 * What an {@link OutboxEntry} sends to the portal. Stores keep it by {@link #name()}.
 */
public enum OutboxKind {
    /** One {@code DongBoHoSoMC} record: created, or updated when the portal already holds it. */
    DOSSIER,
    /** One {@code CapNhatTienDoHoSoMC} progress row (sent in batches with others). */
    PROGRESS,
    /** One {@code DongBoTrangThaiHoSo} status change. */
    STATUS
}
