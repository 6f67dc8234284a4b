package vn.egov.sdk.edxml;

import java.time.LocalDate;

/** A sample edXML message header, for tests in every module (shared through sdk-core's test jar). */
public final class SampleHeaders {
    private SampleHeaders() {
    }

    /**
     * An official letter (công văn 7816/VPCP-TTĐT) from the Government Office to the Nghệ An People's Committee.
     *
     * @return the header
     */
    public static MessageHeader officialLetter() {
        return MessageHeader.builder()
                .from(Organization.of("000.00.00.G22", "Văn phòng Chính phủ"))
                .addTo(Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"))
                .code("7816", "VPCP-TTĐT")
                .promulgation("Hà Nội", LocalDate.of(2026, 11, 20))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v kết nối trục liên thông văn bản quốc gia")
                .content("Đề nghị hoàn thành kết nối")
                .signer(new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"))
                .steeringType(0)
                .build();
    }
}
