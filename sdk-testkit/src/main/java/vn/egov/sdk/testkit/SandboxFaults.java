package vn.egov.sdk.testkit;

import java.util.Locale;
import java.util.Objects;
import vn.egov.sdk.testkit.internal.FaultRegistry;
import vn.egov.sdk.core.ValidationException;

/**
 * The fault presets of one sandbox, from {@link NationalSandbox#faults()}. A preset is applied before the
 * simulator runs (unless {@link FaultPresetBuilder#afterServing()} says otherwise); when several match a
 * request, the oldest with uses left wins. Thread-safe. {@link NationalSandbox#reset()} clears every preset.
 */
public final class SandboxFaults {

    private final FaultRegistry registry;

    SandboxFaults(FaultRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Starts a preset for every request to a path, whatever its method.
     *
     * @param path the exact path without query string ({@code /demo/echo}), or a prefix ending in {@code *}
     *     ({@code /demo/*})
     * @return the builder; finish it with a fault such as {@link FaultPresetBuilder#connectionReset()}
     */
    public FaultPresetBuilder on(String path) {
        return new FaultPresetBuilder(registry, null, checkPath(path));
    }

    /**
     * Starts a preset for requests with one method to a path.
     *
     * @param method the HTTP method, any case ({@code POST})
     * @param path the exact path without query string, or a prefix ending in {@code *}
     * @return the builder; finish it with a fault such as {@link FaultPresetBuilder#connectionReset()}
     */
    public FaultPresetBuilder on(String method, String path) {
        if (method == null || method.isBlank()) {
            throw ValidationException.of("sandbox.fault.method", "SandboxFaults.on.method", "method must not be blank");
        }
        return new FaultPresetBuilder(registry, method.trim().toUpperCase(Locale.ROOT), checkPath(path));
    }

    /**
     * How many presets can still hit a request.
     *
     * @return the count
     */
    public int armed() {
        return registry.armedCount();
    }

    /** Disarms every preset; every endpoint is served normally again. */
    public void clear() {
        registry.clear();
    }

    private static String checkPath(String path) {
        if (path == null || !path.startsWith("/") || path.indexOf('?') >= 0) {
            throw ValidationException.of("sandbox.fault.path", "SandboxFaults.on.path",
                    "path must start with '/' and have no query string: " + path);
        }
        return path;
    }
}
