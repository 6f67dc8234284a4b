package vn.egov.sdk.axis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.StatusPackage;

/** Small edXML packages for the receive loop's tests. */
final class ReceiveLoopTestPackages {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-02T02:15:30Z"), ZoneOffset.UTC);

    private ReceiveLoopTestPackages() {
    }

    static DocumentPackage document(String number) {
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of("000.00.00.G22", "Văn phòng Chính phủ"))
                .addTo(Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"))
                .code(number, "VPCP-TTĐT")
                .promulgation("Hà Nội", LocalDate.of(2024, 5, 2))
                .subject("V/v thử nghiệm " + number)
                .build();
        return EdXmlPackages.newDocument(header, clerk(), List.of(), CLOCK);
    }

    static StatusPackage status(DocumentPackage about, EdocStatus status) {
        return EdXmlPackages.statusReply(about, Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"), status,
                clerk(), "", CLOCK);
    }

    private static StaffInfo clerk() {
        return StaffInfo.of("Văn thư", "Nguyễn Thị A", "vanthu@example.gov.vn", "0912000001");
    }
}
