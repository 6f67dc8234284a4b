package vn.egov.sdk.dossier;



/**
 * A result paper of the dossier (an element of {@code DanhSachGiayToKetQua} in a {@link Dossier}). Every component is optional ({@code null} when not
 * sent); {@link DossierValidator} says which rules a value breaks. Wire names are given with each component.
 *
 * @param documentId {@code GiayToId}: the paper's id
 * @param name {@code TenGiayTo}: the paper's name
 * @param componentCode {@code MaThanhPhanHoSo}: the dossier component
 * @param url {@code DuongDanTepTinKetQua}: where to download it
 * @param resultCode {@code MaGiayToKetQua}: the result's code
 */
public record ResultDocument(
        String documentId,
        String name,
        String componentCode,
        String url,
        String resultCode) {
}
