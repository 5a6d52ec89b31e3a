package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.JsonOutput;
import org.junit.jupiter.api.Test;

class TextOutputTest {

    @Test
    void numbersKeepFourSignificantDigits() {
        assertEquals("3.142", TextOutput.number(Math.PI));
        assertEquals("1234", TextOutput.number(1234.4));
        assertEquals("0.001235", TextOutput.number(0.0012345));
        assertEquals("1.235e-14", TextOutput.number(1.2346e-14));
        assertEquals("1.000e+06", TextOutput.number(1e6));
        assertEquals("0", TextOutput.number(0));
        assertEquals("-", TextOutput.number(Double.NaN));
    }

    @Test
    void summaryThenAlignedTableThenWarnings() {
        record Row(int index, double tauS, String label) {
        }
        var o = JsonOutput.object().put("file", "a.csv").put("d_m2_s", 1.23456e-14);
        o.putPOJO("shape", new int[] {2, 3});
        o.putPOJO("rows", List.of(new Row(0, 600, "x"), new Row(1, 12.5, "long label")));
        o.putPOJO("warnings", List.of("step not complete"));
        StringWriter w = new StringWriter();
        TextOutput.print(JsonOutput.tree(o), Map.of(), new PrintWriter(w, true));
        assertEquals(String.join("\n",
                "file: a.csv",
                "d_m2_s: 1.235e-14",
                "shape: [2, 3]",
                "",
                "rows (2):",
                "index  tau_s  label",
                "    0  600.0  x",
                "    1  12.50  long label",
                "warning: step not complete", ""), w.toString());
    }
}
