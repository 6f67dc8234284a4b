package vn.egov.sdk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.internal.TokenEndpoint;

/** Reads the successful answers of the token and introspection endpoints; a body breaking a rule is refused. */
final class TokenResponses {
    private static final long MAX_LIFETIME_SECONDS = 366L * 24 * 3600;

    private TokenResponses() {
    }

    static TokenSet tokens(ApiResponse response, Instant now) {
        JsonNode body = object(response, "token");
        String access = token(body, "access_token", true);
        String type = text(body, "token_type").orElse("Bearer");
        if (!type.equalsIgnoreCase("Bearer")) {
            throw refused("token", "token_type is '" + printable(type) + "', not Bearer");
        }
        Optional<Instant> expiresAt = Optional.empty();
        JsonNode exp = body.get("expires_in");
        if (exp != null && !exp.isNull()) {
            long seconds;
            if (exp.isIntegralNumber() && exp.canConvertToLong()) {
                seconds = exp.asLong();
            } else if (exp.isTextual() && exp.asText().matches("[0-9]{1,9}")) {
                seconds = Long.parseLong(exp.asText());
            } else {
                throw refused("token", "expires_in is not a whole number of seconds");
            }
            if (seconds < 0 || seconds > MAX_LIFETIME_SECONDS) {
                throw refused("token", "expires_in is out of range: " + seconds);
            }
            expiresAt = Optional.of(now.plusSeconds(seconds));
        }
        return new TokenSet(Secret.of(access), "Bearer", expiresAt,
                Optional.ofNullable(token(body, "refresh_token", false)).map(Secret::of),
                Optional.ofNullable(token(body, "id_token", false)).map(Secret::of),
                text(body, "scope"));
    }

    static TokenIntrospection introspection(ApiResponse response, String stage) {
        JsonNode body = object(response, stage);
        JsonNode active = body.get("active");
        Map<String, Object> claims = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                claims.put(e.getKey(), v.asText());
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                claims.put(e.getKey(), v.asLong());
            } else if (v.isBoolean()) {
                claims.put(e.getKey(), v.asBoolean());
            }
        }
        boolean isActive;
        if (active == null) {
            // the DVCQG validate-token answer may carry only client_id and exp
            isActive = claims.get("client_id") instanceof String && claims.get("exp") instanceof Long;
        } else if (active.isBoolean()) {
            isActive = active.asBoolean();
        } else {
            throw refused(stage, "active is not a boolean");
        }
        return new TokenIntrospection(isActive, claims);
    }

    private static JsonNode object(ApiResponse response, String stage) {
        return Json.tryParseObject(response.bodyStream())
                .orElseThrow(() -> refused(stage, "the answer is not a JSON object"));
    }

    private static String token(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw refused("token", "the answer has no " + field);
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isEmpty() || !TokenEndpoint.isHeaderSafe(v.asText())) {
            throw refused("token", field + " is not a non-empty printable string of at most "
                    + TokenEndpoint.MAX_TOKEN_LENGTH + " characters");
        }
        return v.asText();
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static String printable(String s) {
        return vn.egov.sdk.core.internal.Redactor.printable(s, 40);
    }

    private static PlatformException refused(String stage, String why) {
        return new PlatformException("the identity provider's " + stage + " endpoint answered 2xx with an unusable "
                + "body: " + why, ErrorDetails.of(Fault.PLATFORM, false), null);
    }
}
