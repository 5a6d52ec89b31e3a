package org.cathodekit.synthetic;

import java.util.Arrays;

import org.cathodekit.core.Checks;

/**
 * An in-situ heating series of one charged particle (paper B, Hou, Xu et al.): at each temperature
 * the SoC field keeps its spatial structure and noise realisation (co-registered voxels) but its mean
 * is moved so that the mean planted white-line energy equals {@code whitelineMeanEv[i]}, and all
 * deviations from the mean are scaled by {@code widthFactor[i]} (histograms sharpen on heating).
 *
 * <p>{@link #paperB(Microstructure)}: white-line means from paper B: rod -1.9 eV (25 to 150 C), -0.4 eV
 * (150 to 200 C); gravel -0.9 eV then -1.3 eV; both 8347.8 eV at 250 C. The paper says the 200 to 250 C
 * change is "similar for both" without a number: we use -0.3 eV (an assumption). The paper reports
 * narrowing but no widths: the width factors 1, 0.75, 0.6, 0.5 are illustrative.
 *
 * @param temperaturesC    temperatures (C), strictly increasing
 * @param whitelineMeanEv  mean planted white-line energy at each temperature (eV)
 * @param widthFactor      scale of the SoC deviations at each temperature (> 0)
 */
public record HeatingSeries(double[] temperaturesC, double[] whitelineMeanEv, double[] widthFactor) {

    /** Assumed white-line change from 200 to 250 C for both microstructures (eV); not given in paper B. */
    public static final double DROP_200_TO_250_EV = -0.3;

    public HeatingSeries {
        Checks.requireStrictlyIncreasing(temperaturesC, "temperaturesC");
        if (whitelineMeanEv.length != temperaturesC.length || widthFactor.length != temperaturesC.length) {
            throw new IllegalArgumentException("temperaturesC, whitelineMeanEv and widthFactor must have equal lengths, got "
                    + temperaturesC.length + ", " + whitelineMeanEv.length + ", " + widthFactor.length);
        }
        for (int i = 0; i < widthFactor.length; i++) {
            Checks.requireFinite(whitelineMeanEv[i], "whitelineMeanEv[" + i + "]");
            Checks.requirePositive(widthFactor[i], "widthFactor[" + i + "]");
        }
        temperaturesC = temperaturesC.clone();
        whitelineMeanEv = whitelineMeanEv.clone();
        widthFactor = widthFactor.clone();
    }

    /** Paper B's series at 25, 150, 200, 250 C for a rod or gravel particle (see class doc). */
    public static HeatingSeries paperB(Microstructure m) {
        double end = 8347.8;
        double at200 = end - DROP_200_TO_250_EV;
        double at150 = at200 + (m == Microstructure.ROD ? 0.4 : 1.3);
        double at25 = at150 + (m == Microstructure.ROD ? 1.9 : 0.9);
        return new HeatingSeries(new double[] {25, 150, 200, 250}, new double[] {at25, at150, at200, end},
                new double[] {1.0, 0.75, 0.6, 0.5});
    }

    /** @return the number of temperatures */
    public int size() {
        return temperaturesC.length;
    }

    @Override
    public double[] temperaturesC() {
        return temperaturesC.clone();
    }

    @Override
    public double[] whitelineMeanEv() {
        return whitelineMeanEv.clone();
    }

    @Override
    public double[] widthFactor() {
        return widthFactor.clone();
    }

    /**
     * The SoC field at temperature index {@code i}: {@code charged} with its mean set so that
     * {@code map.edgeEv(meanSoc) + model.whitelineMaximumOffsetEv() = whitelineMeanEv[i]} and its width
     * factor multiplied by {@code widthFactor[i]}.
     */
    public SocField field(int i, SocField charged, SocEnergyMap map, SpectrumModel model) {
        double edge = whitelineMeanEv[i] - model.whitelineMaximumOffsetEv();
        return charged.withMeanSoc(map.soc(edge)).withWidthFactor(charged.widthFactor() * widthFactor[i]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeatingSeries h && Arrays.equals(temperaturesC, h.temperaturesC)
                && Arrays.equals(whitelineMeanEv, h.whitelineMeanEv) && Arrays.equals(widthFactor, h.widthFactor);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(temperaturesC) * 31 + Arrays.hashCode(whitelineMeanEv) * 7 + Arrays.hashCode(widthFactor);
    }

    @Override
    public String toString() {
        return "HeatingSeries[temperaturesC=" + Arrays.toString(temperaturesC) + ", whitelineMeanEv="
                + Arrays.toString(whitelineMeanEv) + ", widthFactor=" + Arrays.toString(widthFactor) + "]";
    }
}
