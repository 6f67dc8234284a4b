package vn.egov.sdk.testkit;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension giving each test class one running {@link NationalSandbox}, reset before every test
 * and closed after the class. It works on JUnit 5.10 and later and on JUnit 6: it uses only Jupiter API present
 * in all of them, and the testkit leaves the JUnit version to the project ({@code junit-jupiter-api} is a
 * {@code provided} dependency of the testkit).
 *
 * <p>Either declare it and take the sandbox as a constructor, test or lifecycle method parameter:
 * <pre>{@code
 * @ExtendWith(NationalSandboxExtension.class)
 * class MyTest {
 *     @Test
 *     void works(NationalSandbox sandbox) { ... }
 * }
 * }</pre>
 * or register an instance and use {@link #sandbox()}:
 * <pre>{@code
 * @RegisterExtension
 * static NationalSandboxExtension sandbox = new NationalSandboxExtension();
 * }</pre>
 *
 * <p>Subclass it to change the settings ({@link #configure(NationalSandboxBuilder)}) or to prepare state
 * ({@link #onStarted(NationalSandbox)}, {@link #afterReset(NationalSandbox)}); a subclass needs a public
 * no-argument constructor to be used with {@code @ExtendWith}. {@code @Nested} classes share their enclosing
 * class's sandbox.
 */
public class NationalSandboxExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NationalSandboxExtension.class);
    private static final String KEY = "sandbox";
    /**
     * Guards the look-up-then-store of a class's {@link SandboxSlot}; only the cheap slot is made under it, the
     * sandbox itself starts under the slot's own lock, so parallel test classes start their sandboxes in parallel.
     */
    private static final Object SLOTS = new Object();

    private volatile NationalSandbox current;

    /** Creates the extension with the default sandbox settings. */
    public NationalSandboxExtension() {
        // settings come from configure(...)
    }

    /**
     * The sandbox of the test class this extension instance serves; for {@code @RegisterExtension} fields.
     *
     * @return the running sandbox
     * @throws IllegalStateException before the test class has started
     */
    public NationalSandbox sandbox() {
        NationalSandbox sandbox = current;
        if (sandbox == null) {
            throw new IllegalStateException("the national sandbox starts with the test class; call sandbox() "
                    + "from a test or a @BeforeEach/@BeforeAll method");
        }
        return sandbox;
    }

    /**
     * Adjusts the settings of the sandbox about to start. Does nothing by default.
     *
     * @param builder the settings, with the defaults applied
     */
    protected void configure(NationalSandboxBuilder builder) {
    }

    /**
     * Called once the sandbox of a test class is running. Does nothing by default.
     *
     * @param sandbox the new sandbox
     */
    protected void onStarted(NationalSandbox sandbox) {
    }

    /**
     * Called before each test, right after {@link NationalSandbox#reset()}. Does nothing by default.
     *
     * @param sandbox the sandbox, freshly reset
     */
    protected void afterReset(NationalSandbox sandbox) {
    }

    /**
     * Starts the test class's sandbox, unless an enclosing class already has one.
     *
     * @param context the class context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        sandboxFor(context);
    }

    /**
     * Closes the sandbox this class started (an enclosing class's sandbox is left to that class).
     *
     * @param context the class context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        SandboxSlot slot = context.getStore(NAMESPACE).remove(KEY, SandboxSlot.class);
        NationalSandbox sandbox = slot == null ? null : slot.close();
        if (sandbox != null && current == sandbox) {
            current = null;
        }
    }

    /**
     * Resets the sandbox before each test, then calls {@link #afterReset(NationalSandbox)}.
     *
     * @param context the test context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        NationalSandbox sandbox = sandboxFor(context);
        sandbox.reset();
        afterReset(sandbox);
    }

    /**
     * Resolves parameters of type {@link NationalSandbox}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return {@code true} for a {@code NationalSandbox} parameter
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == NationalSandbox.class;
    }

    /**
     * Supplies the test class's sandbox, starting it if a constructor needs it before {@code beforeAll}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the sandbox
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sandboxFor(extensionContext);
    }

    /**
     * The sandbox stored for the enclosing class context (or an outer one), started on first use. Uses only the
     * store's {@code get} and {@code put}, present from JUnit 5.0 to 6 ({@code computeIfAbsent} is JUnit 6 only,
     * and {@code getOrComputeIfAbsent} is deprecated there).
     */
    private NationalSandbox sandboxFor(ExtensionContext context) {
        ExtensionContext.Store store = classContextOf(context).getStore(NAMESPACE);
        SandboxSlot slot;
        synchronized (SLOTS) {
            slot = store.get(KEY, SandboxSlot.class);
            if (slot == null) {
                slot = new SandboxSlot();
                store.put(KEY, slot);
            }
        }
        NationalSandbox sandbox = slot.sandbox(this);
        current = sandbox;
        return sandbox;
    }

    private NationalSandbox startSandbox() {
        NationalSandboxBuilder builder = NationalSandbox.builder();
        configure(builder);
        NationalSandbox sandbox = builder.start();
        try {
            onStarted(sandbox);
        } catch (RuntimeException | Error e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    /**
     * A test class's place in the store: starts the sandbox once, on first use, however many threads ask. Not
     * {@code AutoCloseable} on purpose: {@link #afterAll(ExtensionContext)} closes the sandbox, the same way on
     * every JUnit version (JUnit 5.13+ would also close {@code AutoCloseable} store values, older ones not).
     */
    private static final class SandboxSlot {
        private NationalSandbox sandbox;

        synchronized NationalSandbox sandbox(NationalSandboxExtension extension) {
            if (sandbox == null) {
                sandbox = extension.startSandbox();
            }
            return sandbox;
        }

        /** Closes the sandbox if it was started; returns it, or {@code null}. */
        synchronized NationalSandbox close() {
            NationalSandbox started = sandbox;
            sandbox = null;
            if (started != null) {
                started.close();
            }
            return started;
        }
    }

    private static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext candidate = context;
        while (candidate.getTestMethod().isPresent()) {
            Optional<ExtensionContext> parent = candidate.getParent();
            if (parent.isEmpty()) {
                break;
            }
            candidate = parent.get();
        }
        return candidate;
    }
}
