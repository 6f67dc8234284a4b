package vn.egov.sdk.identity.internal;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.internal.Redactor;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdTokenFailure;

/**
 * Validates a compact ID token on Nimbus' {@link DefaultJWTProcessor}: size and shape first, the header's
 * {@code alg} against the allow-list (so {@code none} and HMAC never reach a verifier, and the header never chooses
 * the key type), the key from the configured JWKS only ({@code jku}, {@code x5u}, {@code jwk} and {@code x5c}
 * headers are never read), the signature, then the claims ({@link IdTokenClaimsCheck}). Every refusal is an
 * {@link IdTokenException}; no message contains the token. Thread-safe.
 */
public final class IdTokenProcessor {
    private final int maxLength;
    private final Set<JWSAlgorithm> allowed;
    private final String allowedNames;
    private final JwksCache keys;
    private final DefaultJWTProcessor<ValidationContext> nimbus = new DefaultJWTProcessor<>();

    /**
     * @param issuer the exact {@code iss}
     * @param clientId the client id ({@code aud}, {@code azp})
     * @param keys the provider's keys
     * @param allowed the allowed algorithms, asymmetric only
     * @param skew the clock skew
     * @param clock the clock
     * @param maxLength the longest token parsed
     */
    public IdTokenProcessor(String issuer, String clientId, JwksCache keys, Set<JWSAlgorithm> allowed,
            Duration skew, Clock clock, int maxLength) {
        this.maxLength = maxLength;
        this.allowed = Set.copyOf(allowed);
        Set<String> names = new TreeSet<>();
        allowed.forEach(a -> names.add(a.getName()));
        this.allowedNames = String.join(", ", names);
        this.keys = keys;
        nimbus.setJWSKeySelector(new JWSVerificationKeySelector<>(this.allowed, new CachedJwkSource(keys)));
        nimbus.setJWTClaimsSetVerifier(new IdTokenClaimsCheck(issuer, clientId, skew.toMillis(), clock));
    }

    /**
     * Validates the token.
     *
     * @param token the compact token, not null
     * @param expectedNonce the nonce of this login, not null
     * @return the verified claims
     * @throws IdTokenException if the token is refused
     */
    public JWTClaimsSet process(String token, String expectedNonce) {
        return process(token, new ValidationContext(expectedNonce));
    }

    /**
     * Validates a refresh response's ID token (OpenID Connect Core §12.2): the same checks as
     * {@link #process(String, String)}, with the login's subject and {@code auth_time} instead of a required nonce.
     *
     * @param token the compact token, not null
     * @param login the claims of the login's validated ID token
     * @param loginNonce the login's nonce
     * @return the verified claims
     * @throws IdTokenException if the token is refused
     */
    public JWTClaimsSet processRefreshed(String token, JWTClaimsSet login, String loginNonce) {
        return process(token, new ValidationContext(loginNonce, login.getSubject(), login.getClaim("auth_time")));
    }

    private JWTClaimsSet process(String token, ValidationContext context) {
        if (token.length() > maxLength) {
            throw IdTokenException.of(IdTokenFailure.TOO_LARGE, null, "the ID token is " + token.length()
                    + " characters long, above the limit of " + maxLength + "; it was not parsed");
        }
        SignedJWT jwt = parse(token);
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!allowed.contains(alg)) {
            throw notAllowed(alg.getName());
        }
        try {
            return nimbus.process(jwt, context);
        } catch (IdTokenException e) {
            throw e;
        } catch (BadJWSException e) {
            throw IdTokenException.of(IdTokenFailure.BAD_SIGNATURE, null, "the ID token's " + alg.getName()
                    + " signature does not verify with the identity provider's key(s)" + kidText(jwt));
        } catch (BadJWTException e) {
            throw IdTokenException.of(IdTokenFailure.MALFORMED, null, "the ID token's claims are not a valid JWT "
                    + "claims set: " + Redactor.printable(Causes.describe(e), 200));
        } catch (BadJOSEException e) {
            if (context.noMatchingKey) {
                throw IdTokenException.of(IdTokenFailure.UNKNOWN_KEY, "kid", "no key of the identity provider's "
                        + "JWKS matches the ID token's header (alg " + alg.getName() + kidText(jwt) + ")"
                        + (context.refetched ? "; the JWKS was refetched"
                                : "; the JWKS was fetched less than " + keys.minIntervalMillis() / 1000
                                        + " s ago and is refetched at most once in that time"));
            }
            throw IdTokenException.of(IdTokenFailure.MALFORMED, null, "the ID token was refused: "
                    + Redactor.printable(Causes.describe(e), 200));
        } catch (JOSEException e) {
            throw IdTokenException.of(IdTokenFailure.BAD_SIGNATURE, null, "the ID token's signature could not be "
                    + "verified" + kidText(jwt) + ": " + Redactor.printable(Causes.describe(e), 200));
        } catch (EgovException e) {
            throw e;
        } catch (RuntimeException e) {
            throw IdTokenException.of(IdTokenFailure.MALFORMED, null, "the ID token could not be processed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private SignedJWT parse(String token) {
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                dots++;
            }
        }
        if (dots == 4) {
            throw IdTokenException.of(IdTokenFailure.MALFORMED, null, "the ID token is an encrypted JWT (JWE, five "
                    + "parts); a signed JWT (JWS, three parts) was expected");
        }
        if (dots != 2) {
            throw IdTokenException.of(IdTokenFailure.MALFORMED, null, "the ID token is not a compact signed JWT: it "
                    + "has " + (dots + 1) + " dot-separated parts, not 3");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            jwt.getJWTClaimsSet();
            return jwt;
        } catch (ParseException e) {
            throw diagnose(token, e);
        } catch (RuntimeException e) {
            throw IdTokenException.of(IdTokenFailure.MALFORMED, null, "the ID token could not be parsed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Why a three-part token did not parse: an unsecured ({@code alg=none}) or encrypted header, or plain garbage. */
    private IdTokenException diagnose(String token, ParseException e) {
        Header header;
        try {
            header = Header.parse(new Base64URL(token.substring(0, token.indexOf('.'))));
        } catch (ParseException | RuntimeException notAHeader) {
            header = null;
        }
        if (header instanceof PlainHeader) {
            return notAllowed("none");
        }
        if (header instanceof JWEHeader) {
            return IdTokenException.of(IdTokenFailure.MALFORMED, null, "the ID token's header is that of an encrypted "
                    + "JWT (JWE); a signed JWT (JWS) was expected");
        }
        String what = header instanceof JWSHeader ? "the ID token is not a valid signed JWT: "
                : "the ID token's header is not valid: ";
        return IdTokenException.of(IdTokenFailure.MALFORMED, null, what + Redactor.printable(Causes.describe(e), 200));
    }

    private IdTokenException notAllowed(String alg) {
        return IdTokenException.of(IdTokenFailure.ALGORITHM_NOT_ALLOWED, "alg", "the ID token is signed with alg '"
                + Redactor.printable(alg, 40) + "', which is not allowed (allowed: " + allowedNames + ")");
    }

    private static String kidText(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        return kid == null ? ", no kid" : ", kid '" + Redactor.printable(kid, 64) + "'";
    }
}
