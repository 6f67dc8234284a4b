package vn.egov.sdk.edxml;

import java.time.LocalDate;
import java.util.Optional;
import vn.egov.sdk.edxml.internal.Values;

/**
 * Nơi và ngày ban hành ({@code PromulgationInfo}).
 *
 * @param place địa danh ({@code Place})
 * @param promulgationDate ngày ban hành ({@code PromulgationDate}, {@code yyyy/MM/dd})
 */
public record PromulgationInfo(String place, Optional<LocalDate> promulgationDate) {
    /**
     * Normalises nulls.
     *
     * @param place địa danh ({@code Place})
     * @param promulgationDate ngày ban hành ({@code PromulgationDate}, {@code yyyy/MM/dd})
     */
    public PromulgationInfo {
        place = Values.text(place);
        promulgationDate = Values.opt(promulgationDate);
    }

    /**
     * Place and date.
     *
     * @param place nơi ban hành ({@code Place})
     * @param date ngày ban hành ({@code PromulgationDate})
     * @return the promulgation information
     */
    public static PromulgationInfo of(String place, LocalDate date) {
        return new PromulgationInfo(place, Optional.ofNullable(date));
    }
}
