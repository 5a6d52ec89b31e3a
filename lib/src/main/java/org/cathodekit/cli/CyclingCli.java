package org.cathodekit.cli;

import java.util.List;

import org.cathodekit.core.JsonOutput;
import org.cathodekit.table.CyclingTables;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Helpers shared by the cycling commands (package-private): rows to JSON (text and CSV derive from the same {@link CyclingTables} columns). */
final class CyclingCli {
    private CyclingCli() {
    }

    /** Rows as JSON objects with the columns' names ({@code flags} as a list of names). */
    static <T> ArrayNode json(List<T> rows, List<CyclingTables.Col<T>> cols) {
        ArrayNode out = JsonOutput.MAPPER.createArrayNode();
        for (T r : rows) {
            ObjectNode o = JsonOutput.object();
            for (CyclingTables.Col<T> c : cols) {
                Object v = c.value().apply(r);
                if (c.name().equals("flags")) {
                    String s = (String) v;
                    v = s.isEmpty() ? List.of() : List.of(s.split("\\|"));
                }
                o.set(c.name(), JsonOutput.MAPPER.valueToTree(v));
            }
            out.add(o);
        }
        return out;
    }
}
