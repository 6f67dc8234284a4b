package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of a wire object, in the order written: two arrays instead of a hash table, for objects of a few dozen
 * fields. {@link WireWriter} appends each name once without a lookup (no entry object, no hashing); lookups and
 * replacements scan, which for forty fields costs about what hashing does. A full {@link java.util.Map}: the
 * {@code ObjectNode} it backs is the caller's to change, so put, remove and removal while iterating all work, and it
 * equals any map with the same entries. Not thread-safe, like the {@code LinkedHashMap} it replaces.
 */
final class WireFields extends AbstractMap<String, JsonNode> {
    private String[] keys;
    private JsonNode[] values;
    private int size;
    private int modCount;

    WireFields(int capacity) {
        keys = new String[Math.max(capacity, 1)];
        values = new JsonNode[keys.length];
    }

    /** Adds a field whose name the object does not hold yet (the writer writes each name once). */
    void append(String key, JsonNode value) {
        assert indexOf(key) < 0 : "the wire writer wrote " + key + " twice";
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        modCount++;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key || keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void removeAt(int i) {
        int moved = size - i - 1;
        System.arraycopy(keys, i + 1, keys, i, moved);
        System.arraycopy(values, i + 1, values, i, moved);
        size--;
        keys[size] = null;
        values[size] = null;
        modCount++;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        if (key == null) {
            throw new NullPointerException("a JSON field name");
        }
        int i = indexOf(key);
        if (i < 0) {
            append(key, value);
            return null;
        }
        JsonNode old = values[i];
        values[i] = value;
        return old;
    }

    @Override
    public JsonNode remove(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        modCount++;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public void clear() {
                WireFields.this.clear();
            }

            @Override
            public Iterator<Entry<String, JsonNode>> iterator() {
                return new Fields();
            }
        };
    }

    /** Iterates the fields in order; {@code remove} and {@code setValue} write through. */
    private final class Fields implements Iterator<Entry<String, JsonNode>> {
        private int next;
        private int last = -1;
        private int expected = modCount;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Entry<String, JsonNode> next() {
            if (expected != modCount) {
                throw new ConcurrentModificationException();
            }
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            return new Field(keys[last], values[last]);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException("next() first");
            }
            if (expected != modCount) {
                throw new ConcurrentModificationException();
            }
            removeAt(last);
            next = last;
            last = -1;
            expected = modCount;
        }
    }

    /** One field; setting its value sets the field's. */
    private final class Field extends SimpleEntry<String, JsonNode> {
        private static final long serialVersionUID = 1L;

        Field(String key, JsonNode value) {
            super(key, value);
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            WireFields.this.put(getKey(), value);
            return super.setValue(value);
        }
    }
}
