package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NationalSandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ExtendWithExtensionTest {

    private static NationalSandbox seen;
    private final NationalSandbox fromConstructor;

    ExtendWithExtensionTest(NationalSandbox sandbox) {
        this.fromConstructor = sandbox;
    }

    @BeforeEach
    void lifecycleMethodsGetItToo(NationalSandbox sandbox) {
        assertSame(fromConstructor, sandbox);
    }

    @Test
    @Order(1)
    void injectsARunningSandbox(NationalSandbox sandbox) {
        assertTrue(sandbox.isRunning());
        assertSame(fromConstructor, sandbox);
        SandboxHttp http = new SandboxHttp(sandbox);
        assertEquals(201, http.send(http.orderRequest(http.token(), "{}", null)).statusCode());
        sandbox.faults().on("/demo/public").always().status(500);
        assertEquals(1, sandbox.ordersCreated());
        seen = sandbox;
    }

    @Test
    @Order(2)
    void sameSandboxResetBeforeEachTest(NationalSandbox sandbox) {
        assertSame(seen, sandbox, "one sandbox per test class");
        assertEquals(0, sandbox.ordersCreated());
        assertEquals(0, sandbox.faults().armed());
        SandboxHttp http = new SandboxHttp(sandbox);
        assertEquals(200, http.send(http.request("/demo/public").GET().build()).statusCode());
    }

    @Nested
    @Order(1)
    class FirstNested {
        @Test
        void sharesTheEnclosingSandbox(NationalSandbox sandbox) {
            assertSame(seen, sandbox);
            sandbox.faults().on("/demo/public").always().status(500);
        }
    }

    @Nested
    @Order(2)
    class SecondNested {
        @Test
        void enclosingSandboxOutlivesANestedClass(NationalSandbox sandbox) {
            assertSame(seen, sandbox);
            assertTrue(sandbox.isRunning());
            assertEquals(0, sandbox.faults().armed(), "reset before each nested test too");
        }
    }
}
