package vn.egov.sdk.testkit.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last {@value #CAPACITY} calls the sandbox received: time, method, path, answer. Thread-safe. */
public final class CallLog {

    /** How many calls are kept. */
    public static final int CAPACITY = 1000;

    /**
     * One call.
     *
     * @param at when it arrived, by the sandbox clock
     * @param method the HTTP method
     * @param path the path without query string
     * @param status the HTTP status answered, or 0 when a network fault answered
     * @param fault the fault preset that hit it, or "" when none
     */
    public record Call(Instant at, String method, String path, int status, String fault) {
    }

    private final Deque<Call> calls = new ArrayDeque<>();

    /**
     * Records a call, dropping the oldest beyond the capacity.
     *
     * @param call the call
     */
    public synchronized void record(Call call) {
        calls.addLast(call);
        while (calls.size() > CAPACITY) {
            calls.removeFirst();
        }
    }

    /**
     * The last calls, oldest first.
     *
     * @param limit how many at most
     * @return the calls
     */
    public synchronized List<Call> last(int limit) {
        List<Call> all = new ArrayList<>(calls);
        return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, limit)), all.size()));
    }

    /** Forgets every call. */
    public synchronized void clear() {
        calls.clear();
    }
}
