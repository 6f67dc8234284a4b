package vn.egov.sdk.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.dossier.DeliveryMethod;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierProgress;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DrainReport;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.Fee;
import vn.egov.sdk.dossier.HolderIdentifier;
import vn.egov.sdk.dossier.SubjectType;
import vn.egov.sdk.dossier.SubmissionChannel;
import vn.egov.sdk.dossier.SubmittedFile;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * What {@link SyncDossier} and the {@link Tour} share: a client of the sandbox's national portal adapter, a
 * building-permit dossier received at the one-stop shop (made-up data), and its first progress rows.
 */
final class DossierDemo {
    static final String PROCEDURE_CODE = "1.009972.000.00.00.H41";

    private DossierDemo() {
    }

    /** A client of the sandbox's DVCQG integration adapter, with its public test account. */
    static DvcqgAdapterClient client(NationalSandbox sandbox) {
        DvcqgPortalSandbox portal = sandbox.dvcqg();
        return DvcqgAdapterClient.builder()
                .settings(ClientSettings.builder().endpoint(portal.adapterUrl())
                        .readTimeout(Duration.ofSeconds(10)).build())
                .account(DvcqgPortalSandbox.USERNAME, Secret.of(DvcqgPortalSandbox.PASSWORD))
                .madonvi(DvcqgPortalSandbox.MADONVI)
                .dstcode(DvcqgPortalSandbox.DSTCODE)
                .build();
    }

    /**
     * A building-permit dossier as the one-stop shop received it at {@code receivedAt}: status 2 (received), due
     * fifteen days later; {@code fees} paid online when given.
     */
    static Dossier received(String maHoSo, Instant receivedAt, List<Fee> fees) {
        Instant at = receivedAt.truncatedTo(ChronoUnit.SECONDS);
        return Dossier.builder()
                .dossierCode(maHoSo)
                .procedureCode(PROCEDURE_CODE)
                .procedureName("Cấp giấy phép xây dựng")
                .fieldCode("G03-GD10")
                .fieldName("Hoạt động xây dựng")
                .channel(SubmissionChannel.DIRECT)
                .receiptNumber("BN-" + maHoSo)
                .holderDocumentNumber("001099012345")
                .holderName("Nguyễn Văn An")
                .subjectType(SubjectType.CITIZEN)
                .email("an.nguyen@example.vn")
                .phone("0912345678")
                .summary("Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ tại phường Hưng Bình, TP Vinh")
                .submittedAt(at.minus(Duration.ofMinutes(20)))
                .receivedAt(at)
                .dueAt(at.plus(Duration.ofDays(15)))
                .status(DossierStatus.NEW)
                .delivery(DeliveryMethod.OTHER)
                .handlingUnit("UBND thành phố Vinh")
                .submissionPlace("Bộ phận Một cửa thành phố Vinh")
                .fees(fees)
                .onlinePayment(fees.isEmpty() ? "0" : "1")
                .submittedFiles(List.of(new SubmittedFile("F1", "Đơn đề nghị cấp giấy phép xây dựng.pdf", false,
                        "TP1", "https://motcua.example.vn/tep/F1", "0", "0", "0", null)))
                .holderIdentifiers(List.of(new HolderIdentifier("1", "001099012345")))
                .build();
    }

    /**
     * Records a dossier and its progress rows in {@code sync}'s outbox and drains it: the dossier is created (or,
     * when the portal already holds it, sent again as an update), the rows go in one batch. Says what was sent.
     */
    static String recordAndDrain(DossierSync sync, Dossier dossier, List<DossierProgress> rows) {
        sync.record(dossier);
        if (!rows.isEmpty()) {
            sync.recordProgress(rows);
        }
        DrainReport report = sync.drain();
        Tour.expect(report.complete() && report.failed() == 0 && report.givenUp() == 0,
                "expected everything sent: " + report);
        return report.sent() + " outbox entries sent in " + report.calls() + " calls"
                + (report.updated() > 0 ? ", " + report.updated() + " dossier sent again as an update after "
                        + "\"đã tồn tại\"" : "");
    }

    /** The dossier's first two progress rows: received at the counter, then handed to the building department. */
    static List<DossierProgress> firstSteps(Dossier dossier) {
        Instant at = dossier.receivedAt();
        return List.of(
                DossierProgress.builder().dossierCode(dossier.dossierCode())
                        .handler("Trần Thị Bình").handlerTitle("Cán bộ một cửa")
                        .handledAt(at).department("Bộ phận Một cửa")
                        .content("Tiếp nhận hồ sơ").status(DossierStatus.NEW)
                        .startedAt(at).dueAt(at.plus(Duration.ofDays(1))).build(),
                DossierProgress.builder().dossierCode(dossier.dossierCode())
                        .handler("Lê Văn Cường").handlerTitle("Chuyên viên")
                        .handledAt(at.plus(Duration.ofHours(2))).department("Phòng Quản lý đô thị")
                        .content("Thẩm định hồ sơ").status(DossierStatus.PROCESSING)
                        .startedAt(at.plus(Duration.ofHours(2))).dueAt(at.plus(Duration.ofDays(10))).build());
    }
}
