package vn.egov.sdk.dossier;

import java.time.Instant;

/**
 * A request for more papers and its answer (an element of {@code DanhSachHoSoBoSung} in a {@link Dossier}). Every component is optional ({@code null} when not
 * sent); {@link DossierValidator} says which rules a value breaks. Wire names are given with each component.
 *
 * @param id {@code HoSoBoSungId}: the supplement's id
 * @param requestedBy {@code NguoiYeuCauBoSung}: who asked
 * @param content {@code NoiDungBoSung}: what was asked
 * @param requestedAt {@code NgayBoSung}: when it was asked
 * @param receivedBy {@code NguoiTiepNhanBoSung}: who took the answer
 * @param receiptInfo {@code ThongTinTiepNhan}: notes on the answer
 * @param receivedAt {@code NgayTiepNhanBoSung}: when the answer was taken
 * @param state {@code TrangThaiBoSung}: the supplement's state code
 * @param papers {@code DanhSachGiayToBoSung}: the papers supplied, as text
 * @param fees {@code DanhSachLePhiBoSung}: the extra fees, as text
 * @param previousDueAt {@code NgayHenTraTruoc}: the due date before the request
 * @param newDueAt {@code NgayHenTraMoi}: the due date after it
 */
public record Supplement(
        String id,
        String requestedBy,
        String content,
        Instant requestedAt,
        String receivedBy,
        String receiptInfo,
        Instant receivedAt,
        String state,
        String papers,
        String fees,
        Instant previousDueAt,
        Instant newDueAt) {
    /**
     * Normalises the components: instants are truncated to whole seconds, the precision of the wire.
     *
     * @param id {@code HoSoBoSungId}
     * @param requestedBy {@code NguoiYeuCauBoSung}
     * @param content {@code NoiDungBoSung}
     * @param requestedAt {@code NgayBoSung}
     * @param receivedBy {@code NguoiTiepNhanBoSung}
     * @param receiptInfo {@code ThongTinTiepNhan}
     * @param receivedAt {@code NgayTiepNhanBoSung}
     * @param state {@code TrangThaiBoSung}
     * @param papers {@code DanhSachGiayToBoSung}
     * @param fees {@code DanhSachLePhiBoSung}
     * @param previousDueAt {@code NgayHenTraTruoc}
     * @param newDueAt {@code NgayHenTraMoi}
     */
    public Supplement {
        requestedAt = vn.egov.sdk.dossier.internal.WireDates.seconds(requestedAt);
        receivedAt = vn.egov.sdk.dossier.internal.WireDates.seconds(receivedAt);
        previousDueAt = vn.egov.sdk.dossier.internal.WireDates.seconds(previousDueAt);
        newDueAt = vn.egov.sdk.dossier.internal.WireDates.seconds(newDueAt);
    }
}
