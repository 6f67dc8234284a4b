package vn.egov.sdk.edxml;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.edxml.internal.Values;

/**
 * Thông tin khác ({@code OtherInfo}).
 *
 * @param priority độ khẩn ({@code Priority}): 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ
 * @param sphereOfPromulgation phạm vi ban hành ({@code SphereOfPromulgation})
 * @param typerNotation ký hiệu người đánh máy ({@code TyperNotation})
 * @param promulgationAmount số lượng bản phát hành ({@code PromulgationAmount})
 * @param pageAmount số trang ({@code PageAmount})
 * @param direction {@code Direction}
 * @param appendixes phụ lục ({@code Appendixes/Appendix})
 * @param extensions unknown child elements, kept and written back
 */
public record OtherInfo(OptionalInt priority, String sphereOfPromulgation, String typerNotation,
        OptionalInt promulgationAmount, OptionalInt pageAmount, Optional<Boolean> direction, List<String> appendixes,
        List<XmlElement> extensions) {
    /**
     * Normalises nulls.
     *
     * @param priority độ khẩn ({@code Priority}), or empty
     * @param sphereOfPromulgation phạm vi ban hành ({@code SphereOfPromulgation})
     * @param typerNotation ký hiệu người đánh máy ({@code TyperNotation})
     * @param promulgationAmount số lượng bản phát hành ({@code PromulgationAmount}), or empty
     * @param pageAmount số trang ({@code PageAmount}), or empty
     * @param direction {@code Direction}, or empty
     * @param appendixes phụ lục ({@code Appendixes/Appendix}); copied
     * @param extensions unknown child elements; copied
     */
    public OtherInfo {
        priority = Values.optInt(priority);
        sphereOfPromulgation = Values.text(sphereOfPromulgation);
        typerNotation = Values.text(typerNotation);
        promulgationAmount = Values.optInt(promulgationAmount);
        pageAmount = Values.optInt(pageAmount);
        direction = Values.opt(direction);
        appendixes = Values.list(appendixes);
        extensions = Values.list(extensions);
    }

    /**
     * Nothing set.
     *
     * @return an {@code OtherInfo} with every value absent or empty
     */
    public static OtherInfo empty() {
        return new OtherInfo(null, "", "", null, null, null, null, null);
    }

    /**
     * The usual values: priority, sphere, typist, copies, pages, direction false, no appendix.
     *
     * @param priority độ khẩn: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ
     * @param sphereOfPromulgation phạm vi ban hành
     * @param typerNotation ký hiệu người đánh máy
     * @param promulgationAmount số lượng bản phát hành
     * @param pageAmount số trang
     * @return the {@code OtherInfo} with those values
     */
    public static OtherInfo of(int priority, String sphereOfPromulgation, String typerNotation, int promulgationAmount,
            int pageAmount) {
        return new OtherInfo(OptionalInt.of(priority), sphereOfPromulgation, typerNotation,
                OptionalInt.of(promulgationAmount), OptionalInt.of(pageAmount), Optional.of(false), List.of(),
                List.of());
    }
}
