package vn.egov.sdk.jdbc.testsupport;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.dossier.DeliveryMethod;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierProgress;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.SubjectType;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;

/** Made-up dossiers of test province H99 and an adapter client on the sandbox's simulated portal. */
public final class DossierFixtures {
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    private DossierFixtures() {
    }

    /** An adapter client on the sandbox's {@code /dvcqg/}, no retries (the sync reconciles). */
    public static DvcqgAdapterClient client(String adapterUrl) {
        return DvcqgAdapterClient.builder()
                .settings(ClientSettings.builder().endpoint(adapterUrl).retryPolicy(RetryPolicy.none()).build())
                .account(DvcqgPortalSandbox.USERNAME, Secret.of(DvcqgPortalSandbox.PASSWORD))
                .madonvi(DvcqgPortalSandbox.MADONVI).dstcode(DvcqgPortalSandbox.DSTCODE)
                .build();
    }

    public static String code(int n) {
        return String.format("000.00.12.H99-241205-%05d", n);
    }

    private static Instant at(int day, int hour) {
        return ZonedDateTime.of(2024, 12, day, hour, 30, 0, 0, HCM).toInstant();
    }

    public static Dossier dossier(int n) {
        return Dossier.builder()
                .dossierCode(code(n))
                .procedureCode("1.003560.000.00.00.H99")
                .procedureName("Cấp giấy phép xây dựng nhà ở riêng lẻ")
                .fieldCode("G03-GD10")
                .fieldName("Hoạt động xây dựng")
                .holderName("Nguyễn Thị Hồng Nhung")
                .subjectType(SubjectType.CITIZEN)
                .summary("Đề nghị cấp giấy phép xây dựng số " + n)
                .receivedAt(at(5, 8))
                .dueAt(at(20, 17))
                .status(DossierStatus.NEW)
                .delivery(DeliveryMethod.of("0"))
                .handlingUnit("UBND huyện Thử Nghiệm")
                .build();
    }

    /** Step {@code i} of dossier {@code n}; its content names both. */
    public static DossierProgress step(int n, int i) {
        return DossierProgress.builder().dossierCode(code(n)).handler("Trần Văn Bình").handlerTitle("Chuyên viên")
                .handledAt(at(6, 9).plusSeconds(60L * i)).content(content(n, i))
                .status(DossierStatus.PROCESSING).build();
    }

    public static String content(int n, int i) {
        return "Hồ sơ " + n + ", bước " + i;
    }

    /** The contents of the progress rows the portal holds for dossier {@code n}, in order of arrival. */
    public static List<String> history(DvcqgPortalSandbox portal, int n) {
        return portal.history(code(n)).stream().map(DvcqgPortalSandbox.ProgressRow::noiDungXuLy)
                .collect(Collectors.toList());
    }
}
