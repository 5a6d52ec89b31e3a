package org.cathodekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesOrderedObjectsAndReadsThemBack() {
        Json.Obj o = Json.object()
                .put("name", "edge50 \"quoted\"\n")
                .put("count", 3)
                .put("mean_eV", 8344.25)
                .put("nan", Double.NaN)
                .put("values", new double[] {1.5, -2.0, Double.POSITIVE_INFINITY})
                .put("ints", new int[] {1, 2})
                .put("nested", Json.object().put("ok", true))
                .put("list", List.of("a", 1.0e-14));
        String text = Json.write(o);
        assertEquals('{', text.charAt(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) Json.parse(text);
        assertEquals(List.of("name", "count", "mean_eV", "nan", "values", "ints", "nested", "list"), List.copyOf(back.keySet()));
        assertEquals("edge50 \"quoted\"\n", back.get("name"));
        assertEquals(3.0, back.get("count"));
        assertEquals(8344.25, back.get("mean_eV"));
        assertNull(back.get("nan"), "NaN must become null: JSON has no NaN");
        assertEquals(List.of(1.5, -2.0), ((List<?>) back.get("values")).subList(0, 2));
        assertNull(((List<?>) back.get("values")).get(2));
        assertEquals(Map.of("ok", true), back.get("nested"));
        assertEquals(1.0e-14, ((List<?>) back.get("list")).get(1));
    }

    @Test
    void rejectsMalformedTextNamingTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1,}"));
        assertEquals(true, e.getMessage().contains("offset"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2] x"));
    }

    @Test
    void escapesControlCharacters() {
        assertEquals("\"a\\u0001b\\tc\"", Json.write("a\u0001b\tc"));
        assertEquals("a\u0001b\tc", Json.parse(Json.write("a\u0001b\tc")));
    }
}
