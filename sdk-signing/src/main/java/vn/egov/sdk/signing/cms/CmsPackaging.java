package vn.egov.sdk.signing.cms;

/** Where the signed content goes. */
public enum CmsPackaging {
    /** The content stays outside the signature ({@code .p7s}); the verifier needs it separately. */
    DETACHED,
    /** The content is carried inside the signature ({@code .p7m}, encapsulated content). */
    ENVELOPING
}
