package org.cathodekit.table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.JsonOutput;

import com.fasterxml.jackson.databind.JsonNode;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Any list of result records as a Tablesaw table: one row per record, one column per record
 * component, in declaration order, named by the record's JSON keys ({@link JsonOutput#keys}: the
 * unit-bearing snake_case rule {@link #columnName(String)}, or the component's {@code @JsonProperty}),
 * so a table column and the command line's JSON key are the same name. The record is the single
 * description of a result; JSON, tables, notebook displays, CLI text and CSV exports derive from it.
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

    /**
     * The column name of a record component: camelCase split into snake_case words, unit tokens
     * written as units ({@code tauS -> tau_s}, {@code eBeforeV -> e_before_V},
     * {@code dM2PerS -> d_m2_per_s}, {@code edge50Ev -> edge50_eV}, {@code capacityMAhPerG ->
     * capacity_mAh_per_g}); other words lower case.
     */
    public static String columnName(String component) {
        return JsonOutput.key(component);
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
        return build(type, records);
    }

    /**
     * An empty table with the columns of a record type (as {@link #of} names them), e.g. for a CSV
     * header when an analysis found no rows.
     */
    public static Table empty(Class<? extends Record> type) {
        return build(type, List.of());
    }

    private static Table build(Class<?> type, List<? extends Record> records) {
        List<Column<?>> cols = new ArrayList<>();
        List<RecordComponent> used = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, String> keys = JsonOutput.keys((Class<? extends Record>) type);
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            String name = keys.getOrDefault(c.getName(), columnName(c.getName()));
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

    /**
     * A list of JSON objects (a row list of a command's {@code --json} result, e.g. its
     * {@code peaks}) as a table: one column per scalar key in first-seen order; numbers become
     * {@link DoubleColumn} ({@link LongColumn} when every value is integral), booleans
     * {@link BooleanColumn}, text {@link StringColumn}; arrays of scalars are joined with {@code |};
     * nested objects are left out; JSON null is a missing value.
     *
     * @param name the table's name
     * @param rows a JSON array of objects (not modified)
     * @throws IllegalArgumentException if {@code rows} is not an array of objects
     */
    public static Table ofRows(String name, JsonNode rows) {
        if (rows == null || !rows.isArray()) {
            throw new IllegalArgumentException("Tables.ofRows: expected a JSON array of objects, got " + rows);
        }
        Map<String, Character> kinds = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            if (!r.isObject()) {
                throw new IllegalArgumentException("Tables.ofRows: expected objects in the array, got " + r);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                char k = v.isNull() ? '?' : v.isIntegralNumber() ? 'l' : v.isNumber() ? 'd' : v.isBoolean() ? 'b'
                        : v.isObject() ? 'o' : 's';
                Character was = kinds.get(e.getKey());
                if (was == null || was == '?') {
                    kinds.put(e.getKey(), k);
                } else if (k != '?' && was != k) {
                    kinds.put(e.getKey(), (was == 'l' && k == 'd') || (was == 'd' && k == 'l') ? 'd' : 's');
                }
            }
        }
        Table t = Table.create(name);
        for (Map.Entry<String, Character> e : kinds.entrySet()) {
            String key = e.getKey();
            char k = e.getValue();
            if (k == 'o') {
                continue;
            }
            Column<?> col = switch (k) {
                case 'l' -> LongColumn.create(key);
                case 'd' -> DoubleColumn.create(key);
                case 'b' -> BooleanColumn.create(key);
                default -> StringColumn.create(key);
            };
            for (JsonNode r : rows) {
                JsonNode v = r.get(key);
                if (v == null || v.isNull()) {
                    col.appendMissing();
                } else if (col instanceof LongColumn lc) {
                    lc.append(v.longValue());
                } else if (col instanceof DoubleColumn dc) {
                    dc.append(v.doubleValue());
                } else if (col instanceof BooleanColumn bc) {
                    bc.append(v.booleanValue());
                } else if (v.isArray()) {
                    List<String> parts = new ArrayList<>();
                    v.forEach(x -> parts.add(x.asText()));
                    ((StringColumn) col).append(String.join("|", parts));
                } else {
                    ((StringColumn) col).append(v.asText());
                }
            }
            t.addColumns(col);
        }
        return t;
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
