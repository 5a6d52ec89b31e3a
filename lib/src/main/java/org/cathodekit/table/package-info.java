/**
 * Tablesaw adapters: analysis results as {@link tech.tablesaw.api.Table}s (one row per item, units
 * in the column names) for notebooks and exports. Analysis packages never depend on this package;
 * it depends on them.
 *
 * <ul>
 *   <li>{@link org.cathodekit.table.Tables}: {@code of(List<? extends Record>)}, any list of result
 *       records as a table whose column names are the records' JSON keys (units in the names);
 *       {@code ofRows(name, rows)}, a JSON row list of a command's result as a table (its {@code --csv}).</li>
 *   <li>{@link org.cathodekit.table.GittTables}: {@code pulses(GittResult)}, one row per GITT pulse ({@code Tables.of} of the pulse records).</li>
 *   <li>{@link org.cathodekit.table.CyclingTables}: cycles, dQ/dV peaks and curves, four-point-probe results.</li>
 * </ul>
 */
package org.cathodekit.table;
