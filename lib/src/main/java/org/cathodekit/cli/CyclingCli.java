package org.cathodekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.AtomicFiles;
import org.cathodekit.core.Json;
import org.cathodekit.core.OutputGuard;
import org.cathodekit.table.CyclingTables;

import tech.tablesaw.api.Table;

/** Helpers shared by the cycling commands (package-private): rows to JSON, aligned text, CSV output. */
final class CyclingCli {
    private CyclingCli() {
    }

    /** Rows as JSON objects with the columns' names. */
    static <T> List<Object> json(List<T> rows, List<CyclingTables.Col<T>> cols) {
        List<Object> out = new ArrayList<>(rows.size());
        for (T r : rows) {
            Json.Obj o = Json.object();
            for (CyclingTables.Col<T> c : cols) {
                Object v = c.value().apply(r);
                if (c.name().equals("flags")) {
                    String s = (String) v;
                    v = s.isEmpty() ? List.of() : List.of(s.split("\\|"));
                }
                o.put(c.name(), v);
            }
            out.add(o);
        }
        return out;
    }

    static String fmt(double d) {
        double a = Math.abs(d);
        return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format(Locale.ROOT, "%.4g", d)
                : String.format(Locale.ROOT, a < 10 ? "%.4f" : "%.2f", d);
    }

    /** Checks the CSV output against the input (before any work is written). */
    static void guard(Path csv, Path input) {
        OutputGuard.output("--csv", csv).notSameAs("--input", input);
    }

    /** Writes a table as CSV, atomically. */
    static void writeCsv(Table t, Path csv) throws java.io.IOException {
        AtomicFiles.writeStream(csv, out -> t.write().csv(out));
    }
}
