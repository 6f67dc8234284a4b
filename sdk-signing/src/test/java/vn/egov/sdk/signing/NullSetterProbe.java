package vn.egov.sdk.signing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import vn.egov.sdk.core.ValidationException;

/**
 * Calls every public one-argument setter of a builder with {@code null}: each must either throw a
 * {@link ValidationException} whose error names the setting, or be listed as documented "null clears".
 */
final class NullSetterProbe {

    private NullSetterProbe() {
    }

    /**
     * The setters that broke the rule, as readable lines; empty when all keep it.
     *
     * @param fresh makes a new builder for each call
     * @param nullClears the setters ({@code Type.setter}) whose javadoc says {@code null} clears the setting
     * @return what went wrong
     */
    static List<String> problems(Supplier<?> fresh, Set<String> nullClears) {
        List<String> problems = new ArrayList<>();
        Class<?> type = fresh.get().getClass();
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
            Throwable thrown = call(m, fresh.get());
            if (nullClears.contains(setter)) {
                if (thrown != null) {
                    problems.add(setter + "(null) is documented to clear, but threw " + thrown);
                }
            } else if (thrown == null) {
                problems.add(setter + "(null) was accepted silently");
            } else if (!(thrown instanceof ValidationException e)) {
                problems.add(setter + "(null) threw " + thrown);
            } else if (e.errors().stream().noneMatch(f -> f.path().toLowerCase().contains(m.getName().toLowerCase()))
                    || e.getMessage().strip().endsWith("null")) {
                problems.add(setter + "(null): the error does not name the setting: " + e.errors());
            }
        }
        return problems;
    }

    private static Throwable call(Method m, Object builder) {
        try {
            m.invoke(builder, new Object[] {null});
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            return e;
        }
    }
}
