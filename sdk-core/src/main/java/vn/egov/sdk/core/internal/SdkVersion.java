package vn.egov.sdk.core.internal;

/** The SDK's version, sent in the {@code User-Agent}. */
public final class SdkVersion {
    /** The version of this build. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private SdkVersion() {
    }
}
