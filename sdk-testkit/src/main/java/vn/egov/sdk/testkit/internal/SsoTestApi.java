package vn.egov.sdk.testkit.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.SsoMisbehaviour;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * The SSO simulator's test API under {@code /sso/_test/} for testers with curl: {@code GET users}; {@code POST login}
 * (form {@code authorization_url}, {@code user} = a test user's key or {@code custom} with the {@code custom_*}
 * fields, or {@code deny=true}) answering {@code {location, code?, state?, error?}}; {@code POST next-id-token}
 * ({@code misbehaviour}, repeatable or comma-separated); {@code POST rotate-keys}; {@code POST drop-old-keys}.
 */
final class SsoTestApi {

    static final String PREFIX = "/sso/_test/";

    private final SsoSimulator sso;

    SsoTestApi(SsoSimulator sso) {
        this.sso = sso;
    }

    SimResponse handle(SimRequest request, String issuer) {
        String op = request.path().substring(PREFIX.length());
        if ("users".equals(op)) {
            return request.isMethod("GET") ? SimResponse.json(200, Map.of("users", users())) : notAllowed("GET");
        }
        if (!request.isMethod("POST")) {
            return notAllowed("POST");
        }
        try {
            return switch (op) {
                case "login" -> login(request.form());
                case "next-id-token" -> arm(request.form());
                case "rotate-keys" -> SimResponse.json(200, Map.of("kid", sso.keys().rotate()));
                case "drop-old-keys" -> {
                    sso.keys().dropOld();
                    yield SimResponse.json(200, Map.of("kids", kids()));
                }
                default -> SimResponse.error(404, "not_found", "no SSO test operation " + request.path()
                        + "; there are users, login, next-id-token, rotate-keys, drop-old-keys");
            };
        } catch (ValidationException e) {
            return SimResponse.error(400, "invalid_request", e.getMessage());
        }
    }

    private SimResponse login(Map<String, List<String>> form) {
        String url = SsoAuthorize.first(form, "authorization_url");
        boolean deny = "true".equals(SsoAuthorize.first(form, "deny"));
        SsoTestUser user = deny ? SsoTestUser.ALL.get(0) : user(form);
        String location = sso.login(url, user, deny);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("location", location);
        Map<String, List<String>> params = SsoSimulator.query(URI.create(location).getRawQuery());
        for (String name : List.of("code", "state", "iss", "error", "error_description")) {
            if (params.containsKey(name)) {
                body.put(name, params.get(name).get(0));
            }
        }
        return SimResponse.json(200, body);
    }

    private static SsoTestUser user(Map<String, List<String>> form) {
        String key = SsoAuthorize.first(form, "user");
        if (!"custom".equals(key)) {
            return SsoTestUser.byKey(key).orElseThrow(() -> ValidationException.of("unknown", "user",
                    "user must be custom or one of " + SsoTestUser.ALL.stream().map(SsoTestUser::key).toList()));
        }
        String ial = SsoAuthorize.first(form, "custom_ial");
        try {
            return SsoTestUser.custom(Integer.parseInt(SsoAuthorize.first(form, "custom_type")),
                    SsoAuthorize.first(form, "custom_name"), SsoAuthorize.first(form, "custom_id"),
                    SsoAuthorize.first(form, "custom_techid"),
                    ial.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(ial)));
        } catch (NumberFormatException e) {
            throw ValidationException.of("integer", "custom_type", "custom_type and custom_ial must be numbers");
        }
    }

    private SimResponse arm(Map<String, List<String>> form) {
        Set<SsoMisbehaviour> chosen = EnumSet.noneOf(SsoMisbehaviour.class);
        for (String value : form.getOrDefault("misbehaviour", List.of())) {
            for (String name : value.split(",")) {
                try {
                    chosen.add(SsoMisbehaviour.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ValidationException.of("enum", "misbehaviour", "misbehaviour must be one of "
                            + List.of(SsoMisbehaviour.values()) + ", was '" + name.strip() + "'");
                }
            }
        }
        if (chosen.isEmpty()) {
            throw ValidationException.of("required", "misbehaviour", "name at least one misbehaviour");
        }
        sso.state().arm(chosen);
        return SimResponse.json(200, Map.of("nextIdToken", chosen.stream().map(Enum::name).toList()));
    }

    private List<Map<String, Object>> users() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SsoTestUser u : SsoTestUser.ALL) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", u.key());
            m.put("label", u.label());
            m.put("sub", u.subject());
            m.put("claims", u.claims());
            out.add(m);
        }
        return out;
    }

    private List<String> kids() {
        return sso.keys().publishedKeys().stream().map(k -> k.getKeyID()).toList();
    }

    private static SimResponse notAllowed(String allowed) {
        return SimResponse.error(405, "invalid_request", "use " + allowed).withHeader("Allow", allowed);
    }
}
