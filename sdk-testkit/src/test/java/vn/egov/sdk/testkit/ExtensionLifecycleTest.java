package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Drives the extension's callbacks by hand to check that the class's sandbox is closed after the class. */
class ExtensionLifecycleTest {

    @Test
    void startsInBeforeAllResetsInBeforeEachClosesInAfterAll() {
        NationalSandboxExtension extension = new NationalSandboxExtension();
        ExtensionContext classContext = fakeClassContext();
        assertThrows(IllegalStateException.class, extension::sandbox);

        extension.beforeAll(classContext);
        NationalSandbox sandbox = extension.sandbox();
        assertTrue(sandbox.isRunning());
        sandbox.faults().on("/demo/echo").always().status(500);

        extension.beforeEach(classContext);
        assertSame(sandbox, extension.sandbox());
        assertEquals(0, sandbox.faults().armed());

        extension.afterAll(classContext);
        assertFalse(sandbox.isRunning());
        assertThrows(IllegalStateException.class, extension::sandbox);
    }

    /** A class-level context with a working store; nothing else is needed by the extension. */
    private static ExtensionContext fakeClassContext() {
        Map<Object, Object> values = new HashMap<>();
        ExtensionContext.Store store = (ExtensionContext.Store) Proxy.newProxyInstance(
                ExtensionLifecycleTest.class.getClassLoader(), new Class<?>[] {ExtensionContext.Store.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "computeIfAbsent":
                        case "getOrComputeIfAbsent":
                            @SuppressWarnings("unchecked")
                            Function<Object, Object> compute = (Function<Object, Object>) args[1];
                            return values.computeIfAbsent(args[0], compute);
                        case "get":
                            return values.get(args[0]);
                        case "put":
                            values.put(args[0], args[1]);
                            return null;
                        case "remove":
                            return values.remove(args[0]);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionLifecycleTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getStore":
                            return store;
                        case "getTestMethod":
                        case "getParent":
                            return Optional.empty();
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
