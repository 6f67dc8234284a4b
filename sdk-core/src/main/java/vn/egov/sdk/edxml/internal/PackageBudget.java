package vn.egov.sdk.edxml.internal;

import vn.egov.sdk.edxml.EdXmlFormatException;
import vn.egov.sdk.edxml.EdXmlReadOptions;

/**
 * What the attachments of one package have used so far of {@link EdXmlReadOptions}' package-wide limits: their
 * number, their decoded bytes in all, and the bytes kept in memory.
 */
final class PackageBudget {
    private final EdXmlReadOptions options;
    private int attachments;
    private long decoded;
    private long inMemory;

    PackageBudget(EdXmlReadOptions options) {
        this.options = options;
    }

    /** Counts one more attachment, refused beyond {@link EdXmlReadOptions#maxAttachments()}. */
    void attachment(String path) {
        if (++attachments > options.maxAttachments()) {
            throw new EdXmlFormatException(path, "more than " + options.maxAttachments()
                    + " attachments (EdXmlReadOptions.maxAttachments)", null);
        }
    }

    /** Counts decoded bytes, refused beyond {@link EdXmlReadOptions#maxTotalAttachmentBytes()}. */
    void decoded(String path, long bytes) {
        decoded += bytes;
        if (decoded > options.maxTotalAttachmentBytes()) {
            throw new EdXmlFormatException(path, "the attachments decode to more than "
                    + options.maxTotalAttachmentBytes() + " bytes in all (EdXmlReadOptions.maxTotalAttachmentBytes)",
                    null);
        }
    }

    /** Reserves room in memory; false (nothing reserved) when the package-wide total would be exceeded. */
    boolean reserveMemory(long bytes) {
        if (inMemory + bytes > options.maxInMemoryTotalBytes()) {
            return false;
        }
        inMemory += bytes;
        return true;
    }

    /** Gives back memory an attachment no longer holds (it went to a file). */
    void releaseMemory(long bytes) {
        inMemory -= bytes;
    }
}
