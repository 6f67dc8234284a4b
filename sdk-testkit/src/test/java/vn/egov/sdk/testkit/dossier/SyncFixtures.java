package vn.egov.sdk.testkit.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.dossier.AdapterReply;
import vn.egov.sdk.dossier.DeliveryMethod;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierProgress;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DossierTransport;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.SubjectType;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;

/** Made-up dossiers of test province H99, an adapter client on the sandbox, and a transport that counts batches. */
final class SyncFixtures {
    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    private SyncFixtures() {
    }

    static DvcqgAdapterClient client(DvcqgPortalSandbox portal, Clock clock) {
        return DvcqgAdapterClient.builder()
                .settings(ClientSettings.builder().endpoint(portal.adapterUrl()).clock(clock)
                        .retryPolicy(RetryPolicy.none()).build())
                .account(DvcqgPortalSandbox.USERNAME, Secret.of(DvcqgPortalSandbox.PASSWORD))
                .madonvi(DvcqgPortalSandbox.MADONVI).dstcode(DvcqgPortalSandbox.DSTCODE)
                .build();
    }

    static String code(int n) {
        return String.format("000.00.12.H99-241205-%05d", n);
    }

    static Instant at(int day, int hour) {
        return ZonedDateTime.of(2024, 12, day, hour, 30, 0, 0, HCM).toInstant();
    }

    static Dossier dossier(int n) {
        return Dossier.builder()
                .dossierCode(code(n))
                .procedureCode("1.003560.000.00.00.H99")
                .procedureName("Cấp giấy phép xây dựng nhà ở riêng lẻ")
                .fieldCode("G03-GD10")
                .fieldName("Hoạt động xây dựng")
                .holderName("Nguyễn Thị Hồng Nhung")
                .subjectType(SubjectType.CITIZEN)
                .phone("0912 345 678")
                .summary("Đề nghị cấp giấy phép xây dựng số " + n)
                .receivedAt(at(5, 8))
                .dueAt(at(20, 17))
                .status(DossierStatus.NEW)
                .delivery(DeliveryMethod.of("0"))
                .handlingUnit("UBND huyện Thử Nghiệm")
                .build();
    }

    static DossierProgress step(int n, int i) {
        return DossierProgress.builder().dossierCode(code(n)).handler("Trần Văn Bình").handlerTitle("Chuyên viên")
                .handledAt(at(6, 9).plusSeconds(60L * i)).content("Thẩm định hồ sơ, bước " + i)
                .status(DossierStatus.PROCESSING).build();
    }

    /** Passes calls through and records the service and size of each push. */
    static final class Counting implements DossierTransport {
        final DossierTransport inner;
        final List<String> pushes = Collections.synchronizedList(new ArrayList<>());

        Counting(DossierTransport inner) {
            this.inner = inner;
        }

        @Override
        public AdapterReply pushDossiers(List<ObjectNode> records, boolean updating) {
            pushes.add((updating ? "update:" : "create:") + records.size());
            return inner.pushDossiers(records, updating);
        }

        @Override
        public AdapterReply pushProgress(List<ObjectNode> rows) {
            pushes.add("progress:" + rows.size());
            return inner.pushProgress(rows);
        }

        @Override
        public AdapterReply pushStatus(List<ObjectNode> statuses) {
            pushes.add("status:" + statuses.size());
            return inner.pushStatus(statuses);
        }

        @Override
        public Optional<JsonNode> findDossier(String maHoSo) {
            pushes.add("lookup");
            return inner.findDossier(maHoSo);
        }
    }
}
