package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Property: any valid model survives write → read unchanged (and writing is deterministic). Seeds are reported. */
class EdXmlRoundTripPropertyTest {
    private static final int CASES = 300;
    private static final String ALPHABET = "abcxyzABCXYZ0189 ./-_,;:()&<>\"'#%ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậếềểễệốồổỗộớờởỡợ"
            + "ứừửữựíìỉĩịúùủũụýỳỷỹỵ“”–\t\n漢字🙂";

    @Test
    void randomPackagesSurviveWriteThenRead() {
        for (int i = 0; i < CASES; i++) {
            long seed = 0x5EED_0000L + i;
            Gen g = new Gen(new Random(seed));
            EdXmlPackage pkg = g.nextBoolean(4) ? g.status() : g.document();
            byte[] bytes = write(pkg);
            EdXmlPackage back = EdXml.read(new ByteArrayInputStream(bytes));
            assertEquals(pkg, back, "seed " + seed + ":\n" + new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            assertArrayEquals(bytes, write(back), "seed " + seed);
        }
    }

    private static byte[] write(EdXmlPackage pkg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(pkg, out);
        return out.toByteArray();
    }

    /** Generates valid model values; text never starts or ends with white space and has no CR (XML normalises both). */
    private static final class Gen {
        private final Random r;

        Gen(Random r) {
            this.r = r;
        }

        boolean nextBoolean(int oneIn) {
            return r.nextInt(oneIn) == 0;
        }

        String text(int max) {
            int n = r.nextInt(max + 1);
            StringBuilder sb = new StringBuilder();
            while (sb.length() < n) {
                sb.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                        r.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
            }
            return sb.toString().strip();
        }

        OptionalInt optInt(int bound) {
            return r.nextBoolean() ? OptionalInt.of(r.nextInt(bound)) : OptionalInt.empty();
        }

        <T> List<T> list(int max, Supplier<T> s) {
            List<T> out = new ArrayList<>();
            for (int i = r.nextInt(max + 1); i > 0; i--) {
                out.add(s.get());
            }
            return out;
        }

        <T> Optional<T> opt(Supplier<T> s) {
            return r.nextBoolean() ? Optional.of(s.get()) : Optional.empty();
        }

        LocalDate date() {
            return LocalDate.of(2000 + r.nextInt(30), 1 + r.nextInt(12), 1 + r.nextInt(28));
        }

        LocalDateTime dateTime() {
            return date().atTime(r.nextInt(24), r.nextInt(60), r.nextInt(60));
        }

        OrganId organId() {
            return OrganId.of(nextBoolean(5) ? text(12) : String.format("%03d.%02d.%02d.%c%02d", r.nextInt(1000),
                    r.nextInt(100), r.nextInt(100), (char) ('A' + r.nextInt(26)), r.nextInt(100)));
        }

        Organization organization() {
            return new Organization(organId(), text(30), text(60), text(40), text(20), text(12), text(12), text(15));
        }

        StaffInfo staff() {
            return new StaffInfo(text(20), text(5), text(25), text(5), text(20), text(12));
        }

        XmlElement extension() {
            List<XmlElement> children = list(2, () -> XmlElement.edxml("VendorChild" + r.nextInt(3), text(10)));
            return new XmlElement(EdXmlNames.NAMESPACE, EdXmlNames.PREFIX, "VendorExtension" + r.nextInt(5),
                    r.nextBoolean() ? Map.of("kind", text(8)) : Map.of(), children.isEmpty() ? text(15) : "", children);
        }

        DocumentPackage document() {
            MessageHeader header = new MessageHeader(organization(), list(3, this::organization),
                    DocumentId.of(text(40)), new Code(text(8), text(20)),
                    new PromulgationInfo(text(20), opt(this::date)),
                    new DocumentType(optInt(3), optInt(30), text(20)), text(120), text(120),
                    new SignerInfo(text(20), text(20), text(25)), opt(this::date), list(3, () -> text(40)),
                    new OtherInfo(optInt(5), text(30), text(8), optInt(100), optInt(500),
                            r.nextBoolean() ? Optional.of(r.nextBoolean()) : Optional.empty(), list(2, () -> text(30)),
                            list(1, this::extension)),
                    list(2, () -> new ResponseFor(organId(), text(20), opt(this::date), DocumentId.of(text(40)))),
                    optInt(2), list(2, () -> text(10)), opt(() -> text(10)), list(2, this::extension));
            Business business = new Business(opt(() -> DocumentId.of(text(40))),
                    BusinessDocType.values()[r.nextInt(4)], text(30), optInt(2),
                    list(2, () -> new BusinessDocumentInfo(optInt(2), optInt(2),
                            list(3, () -> new Receiver(organId(), optInt(2))))),
                    list(2, () -> new ReplacementInfo(DocumentId.of(text(40)), list(3, this::organId))),
                    list(2, this::staff), list(1, this::extension));
            TraceHeaderList trace = new TraceHeaderList(list(3, () -> new TraceHeader(organId(), opt(this::dateTime))),
                    r.nextInt(5) == 0 ? Optional.empty() : Optional.of(business),
                    r.nextBoolean() ? Map.of("id", text(6), "version", "1.0") : Map.of());
            List<Attachment> attachments = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) {
                byte[] bytes = new byte[r.nextInt(5000)];
                r.nextBytes(bytes);
                attachments.add(new Attachment("cid:" + i, text(20), text(20), "application/pdf",
                        AttachmentContent.ofBytes(bytes)));
            }
            List<Reference> manifest = attachments.stream().map(Reference::of).toList();
            return new DocumentPackage(header, trace, opt(this::extension), Map.of("version", "1.0"), manifest,
                    attachments, List.of());
        }

        StatusPackage status() {
            return new StatusPackage(organization(), new ResponseFor(organId(), text(20), opt(this::date),
                    DocumentId.of(text(40))), opt(this::staff),
                    nextBoolean(5) ? EdocStatus.of(String.format("%02d", r.nextInt(100)))
                            : EdocStatus.known().get(r.nextInt(9)),
                    text(100), opt(this::dateTime), Optional.empty(), Optional.empty(), list(2, this::extension));
        }
    }
}
