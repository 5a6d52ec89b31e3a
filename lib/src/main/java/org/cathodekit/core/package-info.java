/**
 * The small shared core every other package may depend on: data types, checks, exceptions and
 * infrastructure. It depends on the JDK only.
 *
 * <ul>
 *   <li>Data types: {@link org.cathodekit.core.CyclerData} (a cycler time series in SI units) with
 *       {@link org.cathodekit.core.CyclerFormat}; {@link org.cathodekit.core.DiffractionPattern} (one
 *       powder pattern) with {@link org.cathodekit.core.XrdWavelength}. Readers in {@code io} return
 *       these; analysis packages consume them.</li>
 *   <li>Validation and errors: {@link org.cathodekit.core.Checks},
 *       {@link org.cathodekit.core.DataFormatException}; {@link org.cathodekit.core.OptionsRecord} (generated
 *       builders and {@code withX} copies of the options records).</li>
 *   <li>Infrastructure: {@link org.cathodekit.core.Parallel} (chunked, thread-count-independent
 *       parallelism), {@link org.cathodekit.core.AtomicFiles}, {@link org.cathodekit.core.JsonOutput} (the one JSON configuration),
 *       {@link org.cathodekit.core.Sha256}, {@link org.cathodekit.core.CathodeKit} (version, commit).</li>
 * </ul>
 */
package org.cathodekit.core;
