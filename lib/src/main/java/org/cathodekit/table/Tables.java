package org.cathodekit.table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Any list of result records as a Tablesaw table: one row per record, one column per record
 * component, in declaration order, with unit-bearing snake_case column names derived from the
 * component names ({@link #columnName(String)}). The record is the single description of a
 * result; tables, notebook displays and exports derive from it.
 *
 * <p>Column types: {@code double}/{@code float} (boxed too) become {@link DoubleColumn},
 * {@code int}/{@code short}/{@code byte} {@link IntColumn}, {@code long} {@link LongColumn},
 * {@code boolean} {@link BooleanColumn}; everything else a {@link StringColumn} (enums by name,
 * collections joined with {@code |}, {@code null} as missing). Components holding arrays or lists
 * of records are left out (they are tables of their own).
 */
public final class Tables {
    private Tables() {
    }

    private static final Pattern SPLIT = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    /** Unit tokens of component names and how they are written in column names. */
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("S", "s"), Map.entry("V", "V"),
            Map.entry("A", "A"), Map.entry("Ev", "eV"), Map.entry("Nm", "nm"), Map.entry("Um", "um"), Map.entry("M", "m"),
            Map.entry("M2", "m2"), Map.entry("Deg", "deg"), Map.entry("C", "C"), Map.entry("K", "K"),
            Map.entry("Mah", "mAh"), Map.entry("G", "g"), Map.entry("Mg", "mg"), Map.entry("Pct", "pct"),
            Map.entry("Min", "min"), Map.entry("Hz", "Hz"), Map.entry("Ohm", "ohm"), Map.entry("Rad", "rad"));

    /**
     * The column name of a record component: camelCase split into snake_case words, unit tokens
     * written as units ({@code tauS -> tau_s}, {@code eBeforeV -> e_before_V},
     * {@code dM2PerS -> d_m2_per_s}, {@code edge50Ev -> edge50_eV}, {@code capacityMAhPerG ->
     * capacity_mAh_per_g}); other words lower case.
     */
    public static String columnName(String component) {
        String[] words = SPLIT.split(component.replace("MAh", "Mah"));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String unit = i > 0 ? UNITS.get(w) : null;
            if (i > 0) {
                b.append('_');
            }
            b.append(unit != null ? unit : w.toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }

    /**
     * One row per record, in list order.
     *
     * @param records records of one type (not modified); an empty list gives an empty, column-less table
     * @return a new table named after the record type
     * @throws IllegalArgumentException if the records are of different classes
     */
    public static Table of(List<? extends Record> records) {
        if (records.isEmpty()) {
            return Table.create("(no rows)");
        }
        Class<?> type = records.get(0).getClass();
        for (Record r : records) {
            if (r.getClass() != type) {
                throw new IllegalArgumentException("Tables.of: all records must be of one type; found " + type.getName()
                        + " and " + r.getClass().getName());
            }
        }
        List<Column<?>> cols = new ArrayList<>();
        List<RecordComponent> used = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            String name = columnName(c.getName());
            Column<?> col;
            if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
                col = DoubleColumn.create(name);
            } else if (t == int.class || t == Integer.class || t == short.class || t == byte.class) {
                col = IntColumn.create(name);
            } else if (t == long.class || t == Long.class) {
                col = LongColumn.create(name);
            } else if (t == boolean.class || t == Boolean.class) {
                col = BooleanColumn.create(name);
            } else if (t.isArray() || holdsRecords(records, c)) {
                continue;
            } else {
                col = StringColumn.create(name);
            }
            cols.add(col);
            used.add(c);
        }
        for (Record r : records) {
            for (int j = 0; j < used.size(); j++) {
                append(cols.get(j), component(r, used.get(j)));
            }
        }
        return Table.create(type.getSimpleName() + " (" + records.size() + ")", cols);
    }

    private static boolean holdsRecords(List<? extends Record> records, RecordComponent c) {
        for (Record r : records) {
            if (component(r, c) instanceof Collection<?> l && !l.isEmpty()) {
                return l.iterator().next() instanceof Record;
            }
        }
        return false;
    }

    private static void append(Column<?> col, Object v) {
        if (v == null) {
            col.appendMissing();
        } else if (col instanceof DoubleColumn d) {
            d.append(((Number) v).doubleValue());
        } else if (col instanceof IntColumn i) {
            i.append(((Number) v).intValue());
        } else if (col instanceof LongColumn l) {
            l.append(((Number) v).longValue());
        } else if (col instanceof BooleanColumn b) {
            b.append((Boolean) v);
        } else {
            ((StringColumn) col).append(text(v));
        }
    }

    private static String text(Object v) {
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object o : c) {
                parts.add(text(o));
            }
            return String.join("|", parts);
        }
        return String.valueOf(v);
    }

    /** The value of one component of a record (through its accessor). */
    public static Object component(Record r, RecordComponent c) {
        Method m = c.getAccessor();
        try {
            return m.invoke(r);
        } catch (IllegalAccessException e) {
            try {
                m.setAccessible(true);
                return m.invoke(r);
            } catch (ReflectiveOperationException | RuntimeException e2) {
                throw new IllegalStateException("cannot read record component " + c.getName() + " of " + r.getClass().getName(), e2);
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("accessor " + c.getName() + " of " + r.getClass().getName() + " threw", e.getCause());
        }
    }
}
