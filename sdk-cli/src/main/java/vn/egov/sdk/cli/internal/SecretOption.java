package vn.egov.sdk.cli.internal;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import vn.egov.sdk.core.Secret;

/**
 * A secret given by an option or, better, by an environment variable (a command line is visible to other users of
 * the machine): the option when it is not empty, else the variable, else a {@link MissingSecretException}.
 */
final class SecretOption {
    private SecretOption() {
    }

    /**
     * The secret.
     *
     * @param given the option's value, or {@code null}
     * @param variable the environment variable read when the option is not given
     * @param environment reads an environment variable
     * @param whenMissing the message when neither gives one (it names the option and the variable)
     * @return the secret
     * @throws MissingSecretException when neither gives a non-empty value
     */
    static Secret require(String given, String variable, UnaryOperator<String> environment,
            Supplier<String> whenMissing) {
        String value = given != null && !given.isEmpty() ? given : environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new MissingSecretException(whenMissing.get());
        }
        return Secret.of(value);
    }
}
