package vn.egov.sdk.spring.actuate.internal;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns a request's URL into a low-cardinality operation name: the last path segment ({@code sendEdoc},
 * {@code getReceivedEdocList}), or, when that segment looks like an identifier (it holds a digit or is long), the
 * segment before it followed by {@code /{id}}. The query string is never part of it. At most {@link #MAX} distinct
 * names are kept per client; later ones are {@code other}, so a path full of ids cannot grow the tags without
 * bound.
 */
public final class OperationNames {
    /** Distinct operation names kept per client. */
    public static final int MAX = 32;
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z_.\\-]{0,47}");

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** Creates an empty set of names. */
    public OperationNames() {
        // per client
    }

    /**
     * The operation name of a request.
     *
     * @param url the request's URL
     * @return the name, {@code other} once {@link #MAX} names were seen, {@code root} for an empty path
     */
    public String of(URI url) {
        String name = name(url.getRawPath());
        if (seen.contains(name)) {
            return name;
        }
        synchronized (seen) {
            if (seen.size() >= MAX) {
                return "other";
            }
            seen.add(name);
        }
        return name;
    }

    private static String name(String path) {
        if (path == null) {
            return "root";
        }
        String[] segments = path.split("/");
        int last = segments.length - 1;
        while (last >= 0 && segments[last].isEmpty()) {
            last--;
        }
        if (last < 0) {
            return "root";
        }
        if (WORD.matcher(segments[last]).matches()) {
            return segments[last];
        }
        int before = last - 1;
        if (before >= 0 && WORD.matcher(segments[before]).matches()) {
            return segments[before] + "/{id}";
        }
        return "{id}";
    }
}
