package vn.egov.sdk.dossier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The array-backed field map behaves as the LinkedHashMap it replaces, alone and under an ObjectNode. */
class WireFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireWriter written() {
        WireWriter out = new WireWriter(2);
        out.text("A", "1");
        out.text("B", "Bình");
        out.text("C", "3");
        return out;
    }

    @Test
    void aWrittenNodeIsTheCallersToChange() throws Exception {
        ObjectNode node = written().node();
        assertEquals("{\"A\":\"1\",\"B\":\"Bình\",\"C\":\"3\"}", JSON.writeValueAsString(node));
        node.put("B", "2");                 // replaced in place, order kept
        node.put("D", "4");
        node.remove("A");
        assertEquals("{\"B\":\"2\",\"C\":\"3\",\"D\":\"4\"}", JSON.writeValueAsString(node));
        assertEquals(JSON.readTree("{\"B\":\"2\",\"C\":\"3\",\"D\":\"4\"}"), node);
        assertEquals(node, JSON.readTree("{\"B\":\"2\",\"C\":\"3\",\"D\":\"4\"}"));
        assertEquals(JSON.readTree("{\"B\":\"2\",\"C\":\"3\",\"D\":\"4\"}").hashCode(), node.hashCode());
        assertEquals(node, node.deepCopy());
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        it.next();
        it.remove();
        it.next().setValue(TextNode.valueOf("x"));
        assertEquals("{\"C\":\"x\",\"D\":\"4\"}", JSON.writeValueAsString(node));
        node.removeAll();
        assertEquals("{}", JSON.writeValueAsString(node));
        assertTrue(node.isEmpty());
    }

    @Test
    void iteratorsFailFastAndRefuseMisuse() {
        ObjectNode node = written().node();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        assertThrows(IllegalStateException.class, it::remove);
        it.next();
        node.put("Z", "z");
        assertThrows(ConcurrentModificationException.class, it::next);
        Iterator<Map.Entry<String, JsonNode>> all = node.fields();
        for (int i = 0; i < 4; i++) {
            all.next();
        }
        assertFalse(all.hasNext());
        assertThrows(java.util.NoSuchElementException.class, all::next);
    }

    @Test
    void randomOperationsMatchALinkedHashMap() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            WireFields fields = new WireFields(1 + random.nextInt(4));
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            for (int op = 0; op < 60; op++) {
                String key = "k" + random.nextInt(12);
                JsonNode value = TextNode.valueOf("v" + op);
                switch (random.nextInt(4)) {
                    case 0, 1 -> assertEquals(expected.put(key, value), fields.put(key, value));
                    case 2 -> assertEquals(expected.remove(key), fields.remove(key));
                    default -> {
                        Iterator<Map.Entry<String, JsonNode>> a = expected.entrySet().iterator();
                        Iterator<Map.Entry<String, JsonNode>> b = fields.entrySet().iterator();
                        while (a.hasNext()) {
                            Map.Entry<String, JsonNode> ea = a.next();
                            assertEquals(ea, b.next());
                            if (ea.getKey().equals(key)) {
                                a.remove();
                                b.remove();
                            }
                        }
                        assertFalse(b.hasNext());
                    }
                }
                assertEquals(expected, fields);
                assertEquals(fields, expected);
                assertEquals(expected.hashCode(), fields.hashCode());
                assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(fields.keySet()));
                assertEquals(expected.get(key), fields.get(key));
                assertEquals(expected.containsKey(key), fields.containsKey(key));
            }
        }
        assertNull(new WireFields(1).get("x"));
        assertThrows(NullPointerException.class, () -> new WireFields(1).put(null, TextNode.valueOf("x")));
        assertEquals(List.of(), new ArrayList<>(new WireFields(3).values()));
    }
}
