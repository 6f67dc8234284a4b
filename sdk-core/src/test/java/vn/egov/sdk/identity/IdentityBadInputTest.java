package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.NullSetterProbe;
import vn.egov.sdk.core.ValidationException;

/**
 * The bad-input rule over the identity package: builders refuse {@code null} by name, and random or mutated input to
 * every reader gives only the reader's typed error (never an NPE, a Jackson or Nimbus exception, or a message ending
 * in "null").
 */
class IdentityBadInputTest {
    private static final long SEED = 20261206L;

    static List<Arguments> builders() {
        return List.of(
                Arguments.of("IdentityPolicy", (Supplier<?>) IdentityPolicy::builder),
                Arguments.of("ReturnPathPolicy", (Supplier<?>) ReturnPathPolicy::builder),
                Arguments.of("InMemoryPendingLoginStore", (Supplier<?>) InMemoryPendingLoginStore::builder),
                Arguments.of("CookiePendingLoginStore", (Supplier<?>) CookiePendingLoginStore::builder));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builders")
    void buildersRefuseNullByName(String name, Supplier<?> fresh) {
        List<String> problems = NullSetterProbe.problems(fresh, Set.of());
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static void onlyTyped(Runnable call, Class<? extends EgovException> expected, String input) {
        try {
            call.run();
        } catch (EgovException e) {
            if (!expected.isInstance(e)) {
                fail("input " + input + " gave " + e);
            }
            assertFalse(String.valueOf(e.getMessage()).strip().endsWith("null"), e.getMessage());
        } catch (RuntimeException e) {
            fail("input " + input + " gave an untyped " + e, e);
        }
    }

    @Test
    void mutatedUserInfoGivesOnlyUserInfoFormatException() {
        byte[] base = DvcqgIdentityTest.CITIZEN.getBytes(StandardCharsets.UTF_8);
        Random random = new Random(SEED);
        for (int i = 0; i < 1000; i++) {
            byte[] b = base.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            }
            byte[] input = b;
            onlyTyped(() -> {
                DvcqgIdentity id = DvcqgIdentity.fromUserInfo(input);
                id.toString();
                id.personal().toString();
                id.vneid().map(Object::toString);
                try {
                    id.accountKey();
                } catch (UserInfoFormatException ignored) {
                    // a typed error is allowed
                }
            }, UserInfoFormatException.class, "mutation " + i);
        }
    }

    @Test
    void randomTextGivesOnlyTypedErrors() {
        Random random = new Random(SEED);
        String alphabet = "/\\%:@?#&=.+ \t\n\u0000\u2028aZ09-_~'\"<>{}[]xyzvnconnectMaDVC1";
        ReturnPathPolicy policy = ReturnPathPolicy.builder().allowOrigin("https://a.gov.vn").build();
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                s.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            onlyTyped(() -> policy.check(text), ValidationException.class, "return path #" + i);
            onlyTyped(() -> DvcqgDeepLink.parse("vnconnect=1&MaDVC=" + text), DeepLinkFormatException.class,
                    "deep link #" + i);
            onlyTyped(() -> DvcqgDeepLink.parse(text), DeepLinkFormatException.class, "query #" + i);
        }
    }

    @Test
    void randomCookiesAreTampered() {
        CookiePendingLoginStore store = CookiePendingLoginStore.builder()
                .secret("a secret of at least thirty-two bytes!".getBytes(StandardCharsets.UTF_8))
                .clock(Clock.systemUTC()).build();
        Random random = new Random(SEED);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        String real = store.save(new PendingLogin("s", "n", "v", "https://a.gov.vn/cb", "/", List.of(),
                java.time.Instant.now()));
        for (int i = 0; i < 500; i++) {
            StringBuilder s = new StringBuilder(random.nextBoolean() ? real : "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.");
            for (int e = 0; e < 1 + random.nextInt(3); e++) {
                s.setCharAt(random.nextInt(s.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = s.toString();
            onlyTyped(() -> store.take("s", value), LoginStateException.class, "cookie #" + i);
        }
    }
}
