package vn.egov.sdk.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** Reconstructed, made-up dossiers for tests (no real person's data). */
final class DossierSamples {
    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    private DossierSamples() {
    }

    static ZonedDateTime at(int day, int hour) {
        return ZonedDateTime.of(2024, 12, day, hour, 30, 15, 0, HCM);
    }

    /** Every field set. */
    static Dossier full() {
        return Dossier.builder()
                .dossierCode("000.00.12.H56-241205-00001")
                .procedureCode("1.003560.000.00.00.H56")
                .procedureName("Cấp giấy phép xây dựng")
                .fieldCode("G03-GD10")
                .fieldName("Hoạt động xây dựng")
                .channel(SubmissionChannel.ONLINE)
                .receiptNumber("BN-0001")
                .holderDocumentNumber("001099000001")
                .holderName("Nguyễn Văn An")
                .subjectType(SubjectType.CITIZEN)
                .subjectId("TECH-123")
                .otherInfo("Không")
                .email("an@example.vn")
                .fax("0241234567")
                .phone("0912 345 678")
                .summary("Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ")
                .receivedAt(at(5, 8))
                .dueAt(at(20, 17))
                .status(DossierStatus.DONE)
                .returnedAt(at(19, 9))
                .returnInfo("Đã trả tại Bộ phận Một cửa")
                .delivery(DeliveryMethod.POSTAL)
                .processingEndedAt(at(18, 16))
                .handlingUnit("UBND huyện Mẫu")
                .note("Ghi chú")
                .fees(List.of(new Fee("Lệ phí cấp phép", "LP01", "1", "75000", "1")))
                .otherAttachments(List.of(new OtherAttachment("Bản vẽ thiết kế", "2", "1")))
                .supplements(List.of(new Supplement("BS1", "Cán bộ A", "Bổ sung bản vẽ", at(6, 9).toInstant(),
                        "Cán bộ B", "Đã nhận", at(7, 10).toInstant(), "2", "Bản vẽ", "", at(20, 17).toInstant(),
                        at(22, 17).toInstant())))
                .submittedFiles(List.of(new SubmittedFile("F1", "don-de-nghi.pdf", false, "TP1",
                        "https://files.example.vn/F1", "1", "0", "0", null)))
                .resultDocuments(List.of(new ResultDocument("KQ1", "Giấy phép xây dựng", "TP1",
                        "https://files.example.vn/KQ1", "MKQ1")))
                .submissionPlace("Bộ phận Một cửa huyện Mẫu")
                .hasDigitisedComponents(true)
                .accountVerifiedWithVneid(false)
                .onlinePayment("1")
                .refusedAt((Instant) null)
                .submittedAt(at(4, 20))
                .holderIdentifiers(List.of(new HolderIdentifier("1", "001099000001")))
                .connectedDatabases(List.of(new ConnectedDatabase("7")))
                .build();
    }

    static DossierProgress progress() {
        return DossierProgress.builder()
                .dossierCode("000.00.12.H56-241205-00001")
                .handler("Trần Thị Bình")
                .handlerTitle("Chuyên viên")
                .handledAt(at(6, 9))
                .department("Phòng Quản lý đô thị")
                .content("Thẩm định hồ sơ")
                .status(DossierStatus.PROCESSING)
                .startedAt(at(6, 8))
                .dueAt(at(10, 17))
                .build();
    }
}
