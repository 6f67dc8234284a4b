package vn.egov.sdk.edxml;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/**
 * Copies of model records with some components replaced through the lenient canonical constructor, as the reader
 * makes them: how the validator's tests get a header the strict builder refuses (no receiver, blank subject…).
 */
final class LenientRecords {
    private LenientRecords() {
    }

    /**
     * A copy of {@code record} with the named components replaced.
     *
     * @param record the original
     * @param changes component name → new value
     * @return the copy
     */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, Map<String, Object> changes) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                String name = components[i].getName();
                args[i] = changes.containsKey(name) ? changes.get(name) : components[i].getAccessor().invoke(record);
            }
            if (!Arrays.stream(components).map(RecordComponent::getName).toList().containsAll(changes.keySet())) {
                throw new AssertionError("unknown component in " + changes.keySet());
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (R) canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** {@link #with(Record, Map)} for one component. */
    static <R extends Record> R with(R record, String component, Object value) {
        return with(record, java.util.Collections.singletonMap(component, value));
    }
}
