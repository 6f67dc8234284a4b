package vn.egov.sdk.axis.internal;

import java.util.Objects;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.auth.LgspLogin;
import vn.egov.sdk.core.auth.StaticHeaders;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.HttpRuntime;

/**
 * The three LGSP v1 credentials on every document call: {@code Authorization: Bearer} from the
 * {@link LgspLogin} and the system's {@code X-SystemId} / {@code X-SecretKey} headers. A 401 re-logs in once.
 */
public final class LgspAuth implements AuthStrategy {
    private final LgspLogin login;
    private final StaticHeaders system;

    /**
     * @param login the account login
     * @param system the system's headers
     */
    public LgspAuth(LgspLogin login, StaticHeaders system) {
        this.login = Objects.requireNonNull(login, "login");
        this.system = Objects.requireNonNull(system, "system");
    }

    @Override
    public ApiRequest authenticate(ApiRequest request, HttpRuntime transport) {
        return login.authenticate(system.authenticate(request, transport), transport);
    }

    @Override
    public boolean onUnauthorized(ApiRequest rejected) {
        return login.onUnauthorized(rejected);
    }

    @Override
    public String toString() {
        return "LgspAuth[" + login + ", " + system + "]";
    }
}
