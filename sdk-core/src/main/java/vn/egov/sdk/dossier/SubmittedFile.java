package vn.egov.sdk.dossier;



/**
 * A file submitted with the dossier (an element of {@code TaiLieuNop} in a {@link Dossier}). Every component is optional ({@code null} when not
 * sent); {@link DossierValidator} says which rules a value breaks. Wire names are given with each component.
 *
 * @param fileId {@code TepDinhKemId}: the file's id
 * @param fileName {@code TenTepDinhKem}: the file's name
 * @param deleted {@code IsDeleted}: whether the file was withdrawn; {@code "True"}/{@code "False"} on the wire
 * @param componentCode {@code MaThanhPhanHoSo}: the dossier component it fills
 * @param url {@code DuongDanTaiTepTin}: where to download it
 * @param digitised {@code DuocSoHoa}: digitised flag, {@code 0}/{@code 1}
 * @param reuse {@code DuocTaiSuDung}: reuse flag, {@code 0}/{@code 1}/{@code 2}
 * @param fromNationalStore {@code DuocLayTuKhoDMQG}: taken from the national store flag, {@code 0}/{@code 1}
 * @param replacedResultCode {@code MaKetQuaThayThe}: the result code it replaces
 */
public record SubmittedFile(
        String fileId,
        String fileName,
        Boolean deleted,
        String componentCode,
        String url,
        String digitised,
        String reuse,
        String fromNationalStore,
        String replacedResultCode) {
}
