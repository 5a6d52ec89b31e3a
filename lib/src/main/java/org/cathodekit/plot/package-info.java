/**
 * Figures (XChart adapters and CathodeKit panel figures). Analysis packages never depend on this
 * package; it depends on them.
 *
 * <ul>
 *   <li>{@link org.cathodekit.plot.Charts}: house style (Okabe-Ito colours), lines/points/dashed
 *       series, legend placement, "nice" axes ({@link org.cathodekit.plot.Ticks}), the degree-Celsius
 *       unit {@code Charts.DEG_C}.</li>
 *   <li>{@link org.cathodekit.plot.Figure} and {@link org.cathodekit.plot.Figures}: anything that
 *       paints itself, exported as PNG at 300 dpi, SVG and PDF.</li>
 *   <li>{@link org.cathodekit.plot.MapPanels}: 2D map panels on one colour range with a colour bar
 *       (unit, labelled ticks), panel titles and a scale bar.</li>
 *   <li>Domain charts: {@link org.cathodekit.plot.XanesCharts}, {@link org.cathodekit.plot.GradientCharts},
 *       {@link org.cathodekit.plot.GittCharts}, {@link org.cathodekit.plot.DiffractionCharts},
 *       {@link org.cathodekit.plot.TgaCharts}.</li>
 * </ul>
 */
package org.cathodekit.plot;
