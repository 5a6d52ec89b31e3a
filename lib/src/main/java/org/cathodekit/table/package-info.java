/**
 * Tablesaw adapters: analysis results as {@link tech.tablesaw.api.Table}s (one row per item, units
 * in the column names) for notebooks and exports. Analysis packages never depend on this package;
 * it depends on them.
 *
 * <ul>
 *   <li>{@link org.cathodekit.table.Tables}: {@code of(List<? extends Record>)}, any list of result
 *       records as a table with unit-bearing column names.</li>
 *   <li>{@link org.cathodekit.table.GittTables}: {@code pulses(GittResult)}, one row per GITT pulse.</li>
 * </ul>
 */
package org.cathodekit.table;
