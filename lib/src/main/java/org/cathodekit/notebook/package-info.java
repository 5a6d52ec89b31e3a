/**
 * Notebook support that behaves the same on IJava, JJava and rapaio (NOTEBOOKS.md).
 *
 * <ul>
 *   <li>{@link org.cathodekit.notebook.Nb}: the one setup call ({@code Nb.setup()}, made by
 *       {@code Nb.provenance}), parameters, data locations, provenance, figures, invisible key numbers.</li>
 *   <li>{@link org.cathodekit.notebook.Display}: kernel display adapters (reflection and
 *       {@link java.lang.reflect.Proxy}; no CathodeKit type implements a kernel interface).</li>
 *   <li>{@link org.cathodekit.notebook.Html}, {@link org.cathodekit.notebook.Rich}: HTML + text
 *       renderings of Tablesaw tables and records.</li>
 *   <li>{@link org.cathodekit.notebook.PaperComparison}, {@link org.cathodekit.notebook.Origin}: the
 *       paper-vs-reproduced table, shown once, its rows also carried as output metadata.</li>
 * </ul>
 */
package org.cathodekit.notebook;
