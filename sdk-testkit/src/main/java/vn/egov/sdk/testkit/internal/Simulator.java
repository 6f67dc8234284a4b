package vn.egov.sdk.testkit.internal;

/**
 * One simulated national platform, answering every request whose path starts with its {@link #pathPrefix()}.
 *
 * <p>Implementations keep real state (tokens, orders, documents…) and must be thread-safe: the sandbox calls
 * {@link #handle} from many server threads at once. Fault presets are applied by the sandbox before a simulator
 * sees the request, so a simulator only implements the platform's correct behaviour.
 */
public interface Simulator {

    /**
     * The path prefix this simulator owns, starting and ending with {@code /} (for example {@code "/demo/"}).
     * The longest matching prefix wins when several simulators could answer.
     *
     * @return the prefix, never {@code null}
     */
    String pathPrefix();

    /**
     * Answers one request under {@link #pathPrefix()}.
     *
     * @param request the request, with its path and parsed query
     * @return the response to send
     */
    SimResponse handle(SimRequest request);

    /**
     * Forgets per-test state (counters, stored entities); configuration such as registered clients is kept.
     * Does nothing by default.
     */
    default void reset() {
    }
}
