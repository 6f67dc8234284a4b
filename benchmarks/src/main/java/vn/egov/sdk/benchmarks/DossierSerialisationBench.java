package vn.egov.sdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.egov.sdk.dossier.ConnectedDatabase;
import vn.egov.sdk.dossier.DeliveryMethod;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.Fee;
import vn.egov.sdk.dossier.HolderIdentifier;
import vn.egov.sdk.dossier.OtherAttachment;
import vn.egov.sdk.dossier.ResultDocument;
import vn.egov.sdk.dossier.SubjectType;
import vn.egov.sdk.dossier.SubmissionChannel;
import vn.egov.sdk.dossier.SubmittedFile;
import vn.egov.sdk.dossier.Supplement;

/**
 * Serialising one full {@code DongBoHoSoMC} record to its JSON bytes, one thread, beside a raw baseline in the same
 * run:
 *
 * <ul>
 *   <li>{@link #sdkToWire}: {@code Dossier.toWire()} (the typed record to the portal's wire object: field order,
 *       codes and flags as text, nine instants formatted as {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh, the nested
 *       lists) and Jackson's {@code writeValueAsBytes} of that object: what a sync does before sending or recording a
 *       dossier.</li>
 *   <li>{@link #rawMap}: Jackson's {@code writeValueAsBytes} of a {@code LinkedHashMap} built once in the set-up with
 *       the same keys and the same values (the dates already as wire text, nested lists of maps): the least a
 *       hand-rolled integration does.</li>
 * </ul>
 *
 * Two more runs split {@code sdkToWire} in its parts: {@link #sdkTreeOnly} (the record to its wire object) and
 * {@link #treeWriteOnly} (Jackson writing a wire object built once).
 *
 * <p>The record sets every field, with Vietnamese text and every nested list filled (3 fees, 2 other papers, 2
 * supplements, 5 submitted files, 2 result papers, 2 identity numbers, 3 databases). The set-up checks that both
 * runs write the same bytes. The target (docs/PERFORMANCE.md): {@code sdkToWire} ≥ 0.8 × {@code rawMap}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms256m", "-Xmx256m"})
public class DossierSerialisationBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    Dossier dossier;
    Map<String, Object> map;
    ObjectNode tree;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dossier = fullDossier();
        map = equivalentMap();
        tree = dossier.toWire();
        byte[] sdk = sdkToWire();
        byte[] raw = rawMap();
        if (!Arrays.equals(sdk, raw)) {
            throw new IllegalStateException("the SDK and the raw map do not write the same bytes:\n"
                    + new String(sdk, java.nio.charset.StandardCharsets.UTF_8) + "\n"
                    + new String(raw, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The SDK: the typed record to its wire object, then to bytes. */
    @Benchmark
    public byte[] sdkToWire() throws Exception {
        return JSON.writeValueAsBytes(dossier.toWire());
    }

    /** Part of {@link #sdkToWire}: the record to its wire object only, no bytes. */
    @Benchmark
    public ObjectNode sdkTreeOnly() {
        return dossier.toWire();
    }

    /** Part of {@link #sdkToWire}: a wire object built once, to bytes (Jackson writing a tree). */
    @Benchmark
    public byte[] treeWriteOnly() throws Exception {
        return JSON.writeValueAsBytes(tree);
    }

    /** Raw: a prepared map with the same keys and values, to bytes. */
    @Benchmark
    public byte[] rawMap() throws Exception {
        return JSON.writeValueAsBytes(map);
    }

    private static ZonedDateTime at(int day, int hour) {
        return ZonedDateTime.of(2024, 12, day, hour, 30, 15, 0, HCM);
    }

    private static String wire(int day, int hour) {
        return String.format("202412%02d%02d3015", day, hour);
    }

    static Dossier fullDossier() {
        List<Fee> fees = new ArrayList<>();
        List<SubmittedFile> files = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            fees.add(new Fee("Lệ phí cấp giấy phép xây dựng " + i, "LP0" + i, "1", String.valueOf(75_000 * i), "1"));
        }
        for (int i = 1; i <= 5; i++) {
            files.add(new SubmittedFile("F" + i, "Đơn đề nghị cấp phép số " + i + ".pdf", i == 5, "TP" + i,
                    "https://tailieu.motcua.example.vn/hoso/F" + i, "1", "0", "0", i == 1 ? "KQ-CU-01" : null));
        }
        return Dossier.builder()
                .dossierCode("000.00.12.H56-241205-00001")
                .procedureCode("1.003560.000.00.00.H56")
                .procedureName("Cấp giấy phép xây dựng đối với công trình không theo tuyến, nhà ở riêng lẻ")
                .fieldCode("G03-GD10")
                .fieldName("Hoạt động xây dựng")
                .channel(SubmissionChannel.ONLINE)
                .receiptNumber("BN-000.00.12.H56-241205-00001")
                .holderDocumentNumber("001099000001")
                .holderName("Nguyễn Thị Hồng Nhung")
                .subjectType(SubjectType.CITIZEN)
                .subjectId("TECH-0123456789")
                .otherInfo("Chủ hồ sơ ủy quyền cho Trần Văn Đức nộp thay")
                .email("nhung.nguyen@example.vn")
                .fax("02583123456")
                .phone("0912 345 678")
                .summary("Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ tại thửa đất số 125, tờ bản đồ số 7, "
                        + "phường Lộc Thọ, thành phố Nha Trang, tỉnh Khánh Hòa")
                .receivedAt(at(5, 8))
                .dueAt(at(20, 17))
                .status(DossierStatus.DONE)
                .returnedAt(at(19, 9))
                .returnInfo("Đã trả kết quả tại Bộ phận Một cửa, chủ hồ sơ ký nhận")
                .delivery(DeliveryMethod.POSTAL)
                .processingEndedAt(at(18, 16))
                .handlingUnit("Ủy ban nhân dân thành phố Nha Trang")
                .note("Hồ sơ bổ sung bản vẽ một lần")
                .fees(fees)
                .otherAttachments(List.of(new OtherAttachment("Bản vẽ thiết kế mặt bằng", "2", "1"),
                        new OtherAttachment("Giấy chứng nhận quyền sử dụng đất (bản sao)", "1", "2")))
                .supplements(List.of(
                        new Supplement("BS1", "Lê Văn Hùng", "Bổ sung bản vẽ mặt cắt", at(6, 9).toInstant(),
                                "Phạm Thị Mai", "Đã nhận đủ", at(7, 10).toInstant(), "2", "Bản vẽ mặt cắt", "",
                                at(20, 17).toInstant(), at(22, 17).toInstant()),
                        new Supplement("BS2", "Lê Văn Hùng", "Bổ sung ảnh hiện trạng", at(8, 9).toInstant(),
                                "Phạm Thị Mai", "Đã nhận", at(9, 10).toInstant(), "2", "Ảnh hiện trạng", "0",
                                at(22, 17).toInstant(), at(23, 17).toInstant())))
                .submittedFiles(files)
                .resultDocuments(List.of(
                        new ResultDocument("KQ1", "Giấy phép xây dựng", "TP1",
                                "https://tailieu.motcua.example.vn/ketqua/KQ1", "MKQ1"),
                        new ResultDocument("KQ2", "Bản vẽ được duyệt", "TP2",
                                "https://tailieu.motcua.example.vn/ketqua/KQ2", "MKQ2")))
                .submissionPlace("Bộ phận Một cửa thành phố Nha Trang")
                .hasDigitisedComponents(true)
                .accountVerifiedWithVneid(true)
                .onlinePayment("1")
                .refusedAt(at(3, 7))
                .submittedAt(at(4, 20))
                .holderIdentifiers(List.of(new HolderIdentifier("1", "001099000001"),
                        new HolderIdentifier("2", "B1234567")))
                .connectedDatabases(List.of(new ConnectedDatabase("1"), new ConnectedDatabase("7"),
                        new ConnectedDatabase("12")))
                .build();
    }

    /** The same record as a map, written by hand: the keys in the portal's order, every value as wire text. */
    static Map<String, Object> equivalentMap() {
        Dossier d = fullDossier();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MaHoSo", d.dossierCode());
        m.put("MaTTHC", d.procedureCode());
        m.put("TenTTHC", d.procedureName());
        m.put("MaLinhVuc", d.fieldCode());
        m.put("TenLinhVuc", d.fieldName());
        m.put("KenhThucHien", "2");
        m.put("SoBienNhan", d.receiptNumber());
        m.put("SoGiayToChuHoSo", d.holderDocumentNumber());
        m.put("ChuHoSo", d.holderName());
        m.put("LoaiDoiTuong", "1");
        m.put("MaDoiTuong", d.subjectId());
        m.put("ThongTinKhac", d.otherInfo());
        m.put("Email", d.email());
        m.put("Fax", d.fax());
        m.put("SoDienThoai", d.phone());
        m.put("TrichYeuHoSo", d.summary());
        m.put("NgayTiepNhan", wire(5, 8));
        m.put("NgayHenTra", wire(20, 17));
        m.put("TrangThaiHoSo", "10");
        m.put("NgayTra", wire(19, 9));
        m.put("ThongTinTra", d.returnInfo());
        m.put("HinhThuc", "1");
        m.put("NgayKetThucXuLy", wire(18, 16));
        m.put("DonViXuLy", d.handlingUnit());
        m.put("GhiChu", d.note());
        List<Object> fees = new ArrayList<>();
        for (Fee f : d.fees()) {
            fees.add(object("TenPhiLePhi", f.name(), "MaPhiLePhi", f.code(), "HinhThucThu", f.collectionMethod(),
                    "Gia", f.amount(), "LoaiPhiLePhi", f.kind()));
        }
        m.put("DanhSachLePhi", fees);
        List<Object> others = new ArrayList<>();
        for (OtherAttachment o : d.otherAttachments()) {
            others.add(object("TenGiayTo", o.name(), "SoLuong", o.quantity(), "LoaiGiayTo", o.kind()));
        }
        m.put("DanhSachTepDinhKemKhac", others);
        m.put("DanhSachHoSoBoSung", List.of(
                object("HoSoBoSungId", "BS1", "NguoiYeuCauBoSung", "Lê Văn Hùng", "NoiDungBoSung",
                        "Bổ sung bản vẽ mặt cắt", "NgayBoSung", wire(6, 9), "NguoiTiepNhanBoSung", "Phạm Thị Mai",
                        "ThongTinTiepNhan", "Đã nhận đủ", "NgayTiepNhanBoSung", wire(7, 10), "TrangThaiBoSung", "2",
                        "DanhSachGiayToBoSung", "Bản vẽ mặt cắt", "DanhSachLePhiBoSung", "", "NgayHenTraTruoc",
                        wire(20, 17), "NgayHenTraMoi", wire(22, 17)),
                object("HoSoBoSungId", "BS2", "NguoiYeuCauBoSung", "Lê Văn Hùng", "NoiDungBoSung",
                        "Bổ sung ảnh hiện trạng", "NgayBoSung", wire(8, 9), "NguoiTiepNhanBoSung", "Phạm Thị Mai",
                        "ThongTinTiepNhan", "Đã nhận", "NgayTiepNhanBoSung", wire(9, 10), "TrangThaiBoSung", "2",
                        "DanhSachGiayToBoSung", "Ảnh hiện trạng", "DanhSachLePhiBoSung", "0", "NgayHenTraTruoc",
                        wire(22, 17), "NgayHenTraMoi", wire(23, 17))));
        List<Object> files = new ArrayList<>();
        for (SubmittedFile f : d.submittedFiles()) {
            files.add(object("TepDinhKemId", f.fileId(), "TenTepDinhKem", f.fileName(), "IsDeleted",
                    f.deleted() ? "True" : "False", "MaThanhPhanHoSo", f.componentCode(), "DuongDanTaiTepTin", f.url(),
                    "DuocSoHoa", f.digitised(), "DuocTaiSuDung", f.reuse(), "DuocLayTuKhoDMQG", f.fromNationalStore(),
                    "MaKetQuaThayThe", f.replacedResultCode()));
        }
        m.put("TaiLieuNop", files);
        List<Object> results = new ArrayList<>();
        for (ResultDocument r : d.resultDocuments()) {
            results.add(object("GiayToId", r.documentId(), "TenGiayTo", r.name(), "MaThanhPhanHoSo",
                    r.componentCode(), "DuongDanTepTinKetQua", r.url(), "MaGiayToKetQua", r.resultCode()));
        }
        m.put("DanhSachGiayToKetQua", results);
        m.put("NoiNopHoSo", d.submissionPlace());
        m.put("HoSoCoThanhPhanSoHoa", "1");
        m.put("TaiKhoanDuocXacThucVoiVNeID", "1");
        m.put("DuocThanhToanTrucTuyen", "1");
        m.put("NgayTuChoi", wire(3, 7));
        m.put("NgayNopHoSo", wire(4, 20));
        List<Object> ids = new ArrayList<>();
        for (HolderIdentifier h : d.holderIdentifiers()) {
            ids.add(object("LoaiDinhDanh", h.type(), "SoDinhDanh", h.number()));
        }
        m.put("DinhDanhCHS", ids);
        List<Object> dbs = new ArrayList<>();
        for (ConnectedDatabase c : d.connectedDatabases()) {
            dbs.add(object("MaCSDL", c.code()));
        }
        m.put("DSKetNoiCSDL", dbs);
        return m;
    }

    /** An object of name/value pairs; a {@code null} value is left out, as the wire form does. */
    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }
}
