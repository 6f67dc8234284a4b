package vn.egov.sdk.testkit.dossier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.dossier.DeliveryMethod;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierProgress;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DvcqgSyncEndpointsClient;
import vn.egov.sdk.dossier.DvcqgSyncEndpointsClientBuilder;
import vn.egov.sdk.dossier.SubjectType;
import vn.egov.sdk.dossier.SubmissionChannel;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;

/** Made-up dossiers and a client of the sandbox's provincial endpoints, for the {@code Provincial…} tests. */
final class ProvincialSamples {
    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    private ProvincialSamples() {
    }

    /** A client of the three provincial URLs (and the status URL) with the sandbox's bearer token. */
    static DvcqgSyncEndpointsClientBuilder client(DvcqgPortalSandbox portal) {
        return DvcqgSyncEndpointsClient.builder()
                .createUrl(portal.provincialCreateUrl())
                .updateUrl(portal.provincialUpdateUrl())
                .progressUrl(portal.provincialProgressUrl())
                .bearerToken(Secret.of(DvcqgPortalSandbox.PROVINCIAL_TOKEN));
    }

    static Dossier dossier(String maHoSo, DossierStatus status) {
        ZonedDateTime received = ZonedDateTime.of(2026, 12, 1, 8, 30, 0, 0, HCM);
        return Dossier.builder()
                .dossierCode(maHoSo)
                .procedureCode("1.003560.000.00.00.H99")
                .procedureName("Cấp giấy phép xây dựng")
                .fieldCode("G03-GD10")
                .fieldName("Hoạt động xây dựng")
                .channel(SubmissionChannel.ONLINE)
                .holderDocumentNumber("001090000001")
                .holderName("Nguyễn Văn Thử")
                .subjectType(SubjectType.CITIZEN)
                .subjectId("5d0c1a2e-0001-4000-8000-000000000001")
                .email("nguyen.van.thu@example.com")
                .phone("0900000001")
                .summary("Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ")
                .receivedAt(received)
                .dueAt(received.plusDays(15))
                .status(status)
                .delivery(DeliveryMethod.POSTAL)
                .handlingUnit("UBND huyện Mẫu")
                .submissionPlace("Bộ phận Một cửa huyện Mẫu")
                .build();
    }

    static ObjectNode record(String maHoSo, DossierStatus status) {
        return dossier(maHoSo, status).toWire();
    }

    static ObjectNode progress(String maHoSo, int step) {
        return step(maHoSo, step).toWire();
    }

    static DossierProgress step(String maHoSo, int step) {
        ZonedDateTime at = ZonedDateTime.of(2026, 12, 2, 8, 0, 0, 0, HCM).plusHours(step);
        return DossierProgress.builder()
                .dossierCode(maHoSo)
                .handler("Trần Thị Bình")
                .handlerTitle("Chuyên viên")
                .handledAt(at)
                .department("Phòng Quản lý đô thị")
                .content("Bước xử lý " + step)
                .status(DossierStatus.PROCESSING)
                .build();
    }
}
