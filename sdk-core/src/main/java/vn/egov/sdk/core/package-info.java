/**
 * The SDK's foundation: the typed error model every client throws ({@link vn.egov.sdk.core.EgovException} and
 * its subclasses, each saying whose {@link vn.egov.sdk.core.Fault} it was: the caller's request, the platform or
 * the other party), {@link vn.egov.sdk.core.Secret} for credentials that never print, and per-call
 * {@link vn.egov.sdk.core.RequestOptions}.
 *
 * <p>A caller's mistake is a {@link vn.egov.sdk.core.ValidationException} naming the field and the rule; a
 * document that cannot be read is a format exception of its reader; a signature that does not verify is a report
 * from its verifier, or a {@link vn.egov.sdk.core.VerificationException} where a client must refuse it.
 */
package vn.egov.sdk.core;
