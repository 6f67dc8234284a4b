package vn.egov.sdk.core.internal.journal;

import org.slf4j.Logger;

/**
 * What a journal is called in messages and how its failures are typed, so that each store keeps its own words,
 * rule names and exception type.
 *
 * @param what what the file is, for messages ("checkpoint journal")
 * @param rulePrefix the prefix of validation rule names ("checkpoint" gives {@code checkpoint.file.format})
 * @param log where the journal logs
 * @param failure makes the store's exception for a failure to open, read or write
 */
public record JournalSettings(String what, String rulePrefix, Logger log, Failure failure) {
    /** Makes a store's exception. */
    @FunctionalInterface
    public interface Failure {
        /**
         * The exception.
         *
         * @param message what went wrong and where
         * @param retryable whether the same call may succeed later
         * @param cause the underlying error, or null
         * @return the exception to throw
         */
        RuntimeException of(String message, boolean retryable, Throwable cause);
    }

    /**
     * The store's exception.
     *
     * @param message what went wrong and where
     * @param retryable whether the same call may succeed later
     * @param cause the underlying error, or null
     * @return the exception to throw
     */
    public RuntimeException fail(String message, boolean retryable, Throwable cause) {
        return failure.of(message, retryable, cause);
    }
}
