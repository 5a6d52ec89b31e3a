package org.cathodekit.plot;

import java.util.List;

import org.cathodekit.xanes.HistogramSet;
import org.knowm.xchart.XYChart;

/** Charts of {@link org.cathodekit.xanes} results: histograms on shared bins, spectra. */
public final class XanesCharts {
    private XanesCharts() {
    }

    /**
     * Probability densities (1/unit) of datasets {@code from..to-1} of a histogram set, one line
     * each, x range {@code [xLo, xHi]} rounded to nice ticks.
     *
     * @param names one name per dataset of {@code h} (same order)
     */
    public static XYChart histograms(String title, String xTitle, String unit, HistogramSet h, List<String> names, int from, int to,
            double xLo, double xHi) {
        XYChart c = Charts.xy(title, xTitle + " (" + unit + ")", "density (1/" + unit + ")");
        double[] centres = h.centres();
        for (int k = from; k < to; k++) {
            Charts.line(c, names.get(k), centres, h.datasets().get(k).density(h.binWidth()));
        }
        return Charts.xRange(c, xLo, xHi);
    }

    /** Spectra (energy in eV vs a normalised or raw absorption) in the range {@code [eLo, eHi]} eV. */
    public static XYChart spectra(String title, String yTitle, double eLo, double eHi) {
        XYChart c = Charts.xy(title, "energy (eV)", yTitle);
        return Charts.xRange(c, eLo, eHi);
    }
}
