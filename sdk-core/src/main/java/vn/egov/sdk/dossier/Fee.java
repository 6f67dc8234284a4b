package vn.egov.sdk.dossier;



/**
 * A fee or charge of the dossier (an element of {@code DanhSachLePhi} in a {@link Dossier}). Every component is optional ({@code null} when not
 * sent); {@link DossierValidator} says which rules a value breaks. Wire names are given with each component.
 *
 * @param name {@code TenPhiLePhi}: the fee's name
 * @param code {@code MaPhiLePhi}: the fee's code
 * @param collectionMethod {@code HinhThucThu}: how it is collected
 * @param amount {@code Gia}: the amount in VND, digits only
 * @param kind {@code LoaiPhiLePhi}: fee or charge type code
 */
public record Fee(
        String name,
        String code,
        String collectionMethod,
        String amount,
        String kind) {
}
