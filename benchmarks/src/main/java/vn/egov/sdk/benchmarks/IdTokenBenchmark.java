package vn.egov.sdk.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.egov.sdk.identity.IdTokenClaims;
import vn.egov.sdk.identity.IdTokenValidator;
import vn.egov.sdk.identity.JwksSource;

/**
 * Validating one RS256 ID token, one thread, beside raw Nimbus in the same run:
 *
 * <ul>
 *   <li>{@link #sdkValidate}: {@code IdTokenValidator.validate(token, nonce)} with a {@link JwksSource} holding the
 *       provider's RSA key (cached: nothing is fetched): length and shape checks, the alg allow-list, Nimbus'
 *       {@code DefaultJWTProcessor} with the key looked up by {@code kid}, then {@code iss}, {@code aud},
 *       {@code azp}, {@code sub}, {@code exp}, {@code iat}, {@code nbf} and a constant-time {@code nonce}
 *       comparison, and the typed claims.</li>
 *   <li>{@link #rawNimbus}: {@code SignedJWT.parse} and a {@code DefaultJWTProcessor} with an
 *       {@code ImmutableJWKSet} of the same key, a {@code JWSVerificationKeySelector} for RS256 and a
 *       {@code DefaultJWTClaimsVerifier} checking the same claims (exact {@code iss} and {@code nonce}, the
 *       audience, {@code sub}, {@code exp} and {@code iat} required).</li>
 * </ul>
 *
 * The target (issue 12): the SDK's validation ≥ 0.9 × raw Nimbus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms256m", "-Xmx256m"})
public class IdTokenBenchmark {
    private static final String ISSUER = "https://sso.bench.example/sso";
    private static final String CLIENT_ID = "bench-portal";
    private static final String NONCE = "bench-nonce-6f1c2a9e";

    String token;
    IdTokenValidator validator;
    DefaultJWTProcessor<SecurityContext> raw;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-1").keyUse(KeyUse.SIGNATURE).generate();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(CLIENT_ID).subject("user-0001")
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plusSeconds(86_400)))
                .claim("nonce", NONCE).claim("acr", "LoA1").claim("LoaiTaiKhoan", "1")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        token = jwt.serialize();
        String jwks = new JWKSet(key).toString(true);

        validator = IdTokenValidator.builder().issuer(ISSUER).clientId(CLIENT_ID).jwks(JwksSource.of(jwks)).build();

        raw = new DefaultJWTProcessor<>();
        raw.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(jwks))));
        raw.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(CLIENT_ID),
                new JWTClaimsSet.Builder().issuer(ISSUER).claim("nonce", NONCE).build(),
                Set.of("sub", "exp", "iat", "iss", "aud", "nonce"), Set.of()));

        if (!"user-0001".equals(sdkValidate().subject()) || !"user-0001".equals(rawNimbus().getSubject())) {
            throw new IllegalStateException("the benchmark's token did not validate");
        }
    }

    @Benchmark
    public IdTokenClaims sdkValidate() {
        return validator.validate(token, NONCE);
    }

    @Benchmark
    public JWTClaimsSet rawNimbus() throws Exception {
        return raw.process(SignedJWT.parse(token), null);
    }
}
