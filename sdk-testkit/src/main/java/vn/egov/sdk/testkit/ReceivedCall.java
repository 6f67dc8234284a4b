package vn.egov.sdk.testkit;

import java.time.Instant;

/**
 * One call the sandbox received, from {@link NationalSandbox#calls(int)} (and {@code GET /_sandbox/calls}). Headers
 * and bodies are not kept, so no credential is.
 *
 * @param at when it arrived, by the sandbox clock
 * @param method the HTTP method
 * @param path the path without query string
 * @param status the HTTP status answered, or 0 when a network fault (reset, empty response...) answered
 * @param fault the fault preset that hit it ({@code "status 503"}, {@code "connectionReset"}...), or "" when none
 */
public record ReceivedCall(Instant at, String method, String path, int status, String fault) {
}
