package org.cathodekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

class JsonOutputTest {

    enum Kind { CHARGE, DISCHARGE }

    /** A result record in the style of the library: units in component names, one legacy key. */
    record Pulse(int index, Kind direction, double tauS, double voltageV, @JsonProperty("E_before_V") double eBeforeV,
            double dM2PerS, double[] valuesEv, Set<Kind> flags, Path file) {
        /** Not a component: must never appear in the JSON. */
        public boolean isClean() {
            return flags.isEmpty();
        }

        public double getSomething() {
            return 42;
        }
    }

    @Test
    void recordsSerialiseByComponentInDeclarationOrderWithUnitKeys() {
        Pulse p = new Pulse(3, Kind.DISCHARGE, 600, 3.9, 3.85, Double.NaN, new double[] {8340.5, Double.POSITIVE_INFINITY},
                EnumSet.of(Kind.CHARGE), Path.of("data", "a.csv"));
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) JsonOutput.parse(JsonOutput.write(p));
        assertEquals(List.of("index", "direction", "tau_s", "voltage_V", "E_before_V", "d_m2_per_s", "values_eV", "flags", "file"),
                List.copyOf(back.keySet()), "record order, key rule, @JsonProperty override; no isClean/getSomething");
        assertEquals(3.0, back.get("index"));
        assertEquals("DISCHARGE", back.get("direction"));
        assertEquals(600.0, back.get("tau_s"));
        assertNull(back.get("d_m2_per_s"), "NaN -> null");
        assertEquals(8340.5, ((List<?>) back.get("values_eV")).get(0));
        assertNull(((List<?>) back.get("values_eV")).get(1), "infinity in a primitive array -> null");
        assertEquals(List.of("CHARGE"), back.get("flags"));
        assertEquals(Path.of("data", "a.csv").toString(), back.get("file"), "a path is its string, not a URI");
    }

    @Test
    void treesFollowTheSameNonFiniteRule() {
        ObjectNode o = JsonOutput.object().put("a", Double.NaN).put("b", Float.NEGATIVE_INFINITY).put("c", 1.5);
        o.putPOJO("arr", new float[] {Float.NaN, 2f});
        o.putPOJO("list", List.of(Double.NaN, 1.0));
        String text = JsonOutput.write(o);
        assertEquals("{\"a\":null,\"b\":null,\"c\":1.5,\"arr\":[null,2.0],\"list\":[null,1.0]}", text);
        assertTrue(JsonOutput.tree(o).get("a").isNull());
    }

    @Test
    void doublesReadBackExactly() {
        // oracle: Double.parseDouble of the written text is the identical double (round trip), for random bit patterns
        Random rnd = new Random(20261201);
        for (int i = 0; i < 2000; i++) {
            double d = Double.longBitsToDouble(rnd.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String s = JsonOutput.write(d);
            assertEquals(d, Double.parseDouble(s), s);
        }
        assertEquals("0.1", JsonOutput.write(0.1));
        assertEquals("1.0E-14", JsonOutput.write(1.0e-14));
    }

    @Test
    void keyRuleKeepsUnitCapitals() {
        assertEquals("tau_s", JsonOutput.key("tauS"));
        assertEquals("voltage_V", JsonOutput.key("voltageV"));
        assertEquals("edge50_eV", JsonOutput.key("edge50Ev"));
        assertEquals("capacity_mAh_per_g", JsonOutput.key("capacityMAhPerG"));
        assertEquals("charge_energy_mWh", JsonOutput.key("chargeEnergyMWh"));
        assertEquals("index", JsonOutput.key("index"));
        assertEquals(Map.of("index", "index", "eBeforeV", "E_before_V").get("eBeforeV"), JsonOutput.keys(Pulse.class).get("eBeforeV"));
    }

    @Test
    void parseGivesPlainValuesAndNamesTheBadPlace() {
        assertEquals(Map.of("a", List.of(1.0, "x", true)), JsonOutput.parse("{\"a\": [1, \"x\", true]}"));
        assertEquals("a\u0001b\tc", JsonOutput.parse(JsonOutput.write("a\u0001b\tc")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonOutput.parse("{\"a\": 1,}"));
        assertTrue(e.getMessage().contains("line 1 column"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonOutput.parse("[1, 2] x"));
    }
}
