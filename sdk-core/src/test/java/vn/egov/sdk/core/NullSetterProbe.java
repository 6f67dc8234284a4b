package vn.egov.sdk.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import vn.egov.sdk.core.ValidationException;

/**
 * Calls every public one-argument setter of a builder with {@code null}. Each must keep the bad-input rule one of
 * three ways: the setter throws a {@link ValidationException} naming the setting; or the builder's {@code build()}
 * does; or the setter is listed as documented "null clears" (back to the default, or to none). Shared with the other
 * modules' bad-input rule tests through sdk-core's test jar.
 */
public final class NullSetterProbe {

    private NullSetterProbe() {
    }

    /**
     * The setters that broke the rule, as readable lines; empty when all keep it.
     *
     * @param fresh makes a new builder for each call
     * @param nullClears the setters ({@code Type.setter}) whose javadoc says {@code null} clears the setting
     * @return what went wrong
     */
    public static List<String> problems(Supplier<?> fresh, Set<String> nullClears) {
        List<String> problems = new ArrayList<>();
        Class<?> type = publicType(fresh.get().getClass());
        String owner = type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
        Method[] methods = type.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            if (m.getParameterCount() != 1 || m.getParameterTypes()[0].isPrimitive()
                    || !m.getReturnType().isAssignableFrom(type) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String setter = owner + "." + m.getName();
            String setting = m.getName().replaceFirst("^add(?=[A-Z])", "").toLowerCase(Locale.ROOT);
            Object builder = fresh.get();
            Throwable thrown = call(m, builder, null);
            if (nullClears.contains(setter)) {
                if (thrown != null) {
                    problems.add(setter + "(null) is documented to clear, but threw " + thrown);
                }
                continue;
            }
            String when = "(null)";
            if (thrown == null) {
                thrown = build(type, builder);
                when = "(null) then build()";
                if (thrown == null) {
                    problems.add(setter + "(null) was accepted silently, and build() too");
                    continue;
                }
            }
            if (!(thrown instanceof ValidationException e)) {
                problems.add(setter + when + " threw " + thrown);
            } else if (e.errors().stream().noneMatch(f -> f.path().toLowerCase(Locale.ROOT).contains(setting))
                    || e.getMessage().strip().endsWith("null")) {
                problems.add(setter + when + ": no error names the setting: " + e.errors());
            }
        }
        return problems;
    }

    /** Calls the builder's {@code build()}, if it has one, and closes what it built; what it threw, or null. */
    private static Throwable build(Class<?> type, Object builder) {
        Method build;
        try {
            build = type.getMethod("build");
        } catch (NoSuchMethodException e) {
            return null;
        }
        Object[] built = new Object[1];
        Throwable thrown = call(build, builder, built);
        if (built[0] instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                return e;
            }
        }
        return thrown;
    }

    /** The class, or the public interface a package-private builder class implements. */
    private static Class<?> publicType(Class<?> type) {
        if (Modifier.isPublic(type.getModifiers())) {
            return type;
        }
        return Arrays.stream(type.getInterfaces()).filter(i -> Modifier.isPublic(i.getModifiers())).findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no public type to probe"));
    }

    private static Throwable call(Method m, Object builder, Object[] result) {
        try {
            Object value = m.invoke(builder, m.getParameterCount() == 0 ? new Object[0] : new Object[] {null});
            if (result != null) {
                result[0] = value;
            }
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            return e;
        }
    }
}
