package vn.egov.sdk.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.internal.QueryDecoder;

/**
 * A deep link from the national public-service portal (Cổng DVCQG) into a provincial portal: the query
 * {@code vnconnect=1&MaTTHCDP=…&MaCoQuanThucHien=…&MaDVC=…} names the procedure the citizen chose. The provincial
 * portal starts the national SSO login if the citizen is not logged in, and then opens that procedure; keep the
 * link server-side with the pending login, never in {@code state}.
 *
 * <p>Reading is strict where it matters for safety: a deep-link parameter given twice (also in another letter
 * case), a value over {@value #MAX_VALUE} characters, a query over {@value #MAX_QUERY} characters or
 * {@value #MAX_PARAMETERS} parameters, a broken percent-encoding or UTF-8 sequence, or a control character is a
 * {@link DeepLinkFormatException}. Parameter names are matched ignoring case; other parameters are ignored.
 */
public final class DvcqgDeepLink {
    /** The longest query accepted, in characters. */
    public static final int MAX_QUERY = 4096;
    /** The longest value accepted, in characters after decoding. */
    public static final int MAX_VALUE = 256;
    /** The most parameters accepted in the query. */
    public static final int MAX_PARAMETERS = 64;

    private static final String VNCONNECT = "vnconnect";
    private static final String PROCEDURE = "MaTTHCDP";
    private static final String AGENCY = "MaCoQuanThucHien";
    private static final String SERVICE = "MaDVC";
    private static final Map<String, String> KNOWN = Map.of(VNCONNECT.toLowerCase(Locale.ROOT), VNCONNECT,
            PROCEDURE.toLowerCase(Locale.ROOT), PROCEDURE, AGENCY.toLowerCase(Locale.ROOT), AGENCY,
            SERVICE.toLowerCase(Locale.ROOT), SERVICE);

    private final Optional<String> procedureCode;
    private final Optional<String> agencyCode;
    private final Optional<String> serviceCode;

    private DvcqgDeepLink(Map<String, String> values) {
        this.procedureCode = Optional.ofNullable(values.get(PROCEDURE));
        this.agencyCode = Optional.ofNullable(values.get(AGENCY));
        this.serviceCode = Optional.ofNullable(values.get(SERVICE));
    }

    /**
     * Reads the deep link from a request URI's query.
     *
     * @param uri the request URI (absolute or relative); required
     * @return the deep link, or empty when the query has no {@code vnconnect=1}
     * @throws DeepLinkFormatException if the query breaks a rule (see the class comment)
     */
    public static Optional<DvcqgDeepLink> parse(URI uri) {
        ValidationException.requireNonNull(uri, "DvcqgDeepLink.uri");
        String query = uri.getRawQuery();
        return query == null ? Optional.empty() : parse(query);
    }

    /**
     * Reads the deep link from a raw (still percent-encoded) query. A leading {@code ?} is allowed; so is a whole
     * URL or path, of which only the part after the first {@code ?} (and before any {@code #}) is read.
     *
     * @param query the raw query; required
     * @return the deep link, or empty when the query has no {@code vnconnect=1}
     * @throws DeepLinkFormatException if the query breaks a rule (see the class comment)
     */
    public static Optional<DvcqgDeepLink> parse(String query) {
        ValidationException.requireNonNull(query, "DvcqgDeepLink.query");
        if (query.length() > MAX_QUERY) {
            throw new DeepLinkFormatException("", "tooLong",
                    "the query has " + query.length() + " characters, more than " + MAX_QUERY);
        }
        String q = query;
        int hash = q.indexOf('#');
        if (hash >= 0) {
            q = q.substring(0, hash);
        }
        int mark = q.indexOf('?');
        if (mark >= 0 && q.substring(0, mark).indexOf('=') < 0 && q.substring(0, mark).indexOf('&') < 0) {
            q = q.substring(mark + 1); // a leading '?', or a URL or path before the query
        }
        Map<String, String> values = new HashMap<>();
        String[] pairs = q.split("&", -1);
        if (pairs.length > MAX_PARAMETERS) {
            throw new DeepLinkFormatException("", "tooMany",
                    "the query has " + pairs.length + " parameters, more than " + MAX_PARAMETERS);
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = QueryDecoder.decode(rawName, true).orElse(rawName);
            String known = KNOWN.get(name.strip().toLowerCase(Locale.ROOT));
            if (known == null) {
                continue;
            }
            String value = QueryDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), true).orElseThrow(() ->
                    new DeepLinkFormatException(known, "encoding",
                            "the value is not well-formed percent-encoded UTF-8"));
            if (values.containsKey(known)) {
                throw new DeepLinkFormatException(known, "duplicate",
                        "the parameter is given more than once (a reader could take either value)");
            }
            if (value.length() > MAX_VALUE) {
                throw new DeepLinkFormatException(known, "tooLong",
                        "the value has " + value.length() + " characters, more than " + MAX_VALUE);
            }
            if (QueryDecoder.hasControl(value)) {
                throw new DeepLinkFormatException(known, "control", "the value holds a control character");
            }
            values.put(known, value.strip());
        }
        if (!"1".equals(values.get(VNCONNECT))) {
            return Optional.empty();
        }
        values.values().removeIf(String::isEmpty);
        return Optional.of(new DvcqgDeepLink(values));
    }

    /**
     * The local administrative procedure's code ({@code mã thủ tục hành chính địa phương}, parameter
     * {@code MaTTHCDP}).
     *
     * @return the code, or empty when absent or blank
     */
    public Optional<String> procedureCode() {
        return procedureCode;
    }

    /**
     * The code of the agency that carries out the procedure ({@code mã cơ quan thực hiện}, parameter
     * {@code MaCoQuanThucHien}).
     *
     * @return the code, or empty when absent or blank
     */
    public Optional<String> agencyCode() {
        return agencyCode;
    }

    /**
     * The public service's code on the national portal ({@code mã dịch vụ công}, parameter {@code MaDVC}).
     *
     * @return the code, or empty when absent or blank
     */
    public Optional<String> serviceCode() {
        return serviceCode;
    }

    /**
     * The link as a query, {@code vnconnect=1} and then each present code, percent-encoded UTF-8.
     *
     * @return the query without a leading {@code ?}
     */
    public String toQuery() {
        StringBuilder b = new StringBuilder(VNCONNECT).append("=1");
        procedureCode.ifPresent(v -> append(b, PROCEDURE, v));
        agencyCode.ifPresent(v -> append(b, AGENCY, v));
        serviceCode.ifPresent(v -> append(b, SERVICE, v));
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        b.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DvcqgDeepLink)) {
            return false;
        }
        DvcqgDeepLink d = (DvcqgDeepLink) o;
        return procedureCode.equals(d.procedureCode) && agencyCode.equals(d.agencyCode)
                && serviceCode.equals(d.serviceCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(procedureCode, agencyCode, serviceCode);
    }

    @Override
    public String toString() {
        return "DvcqgDeepLink[" + toQuery() + "]";
    }
}
