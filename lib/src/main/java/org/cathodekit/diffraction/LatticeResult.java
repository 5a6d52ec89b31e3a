package org.cathodekit.diffraction;

import java.util.List;

/**
 * Refined lattice parameters with estimated standard deviations (esd's from the least-squares
 * covariance scaled by the reduced chi-square of the 2-theta residuals; NaN when there are no
 * more reflections than parameters).
 *
 * @param system             crystal system
 * @param aA                 a (A)
 * @param aEsdA              esd of a
 * @param cA                 c (A), NaN for cubic
 * @param cEsdA              esd of c
 * @param volumeA3           cell volume (A^3)
 * @param volumeEsdA3        its esd (covariance of a and c propagated)
 * @param cOverA             c/a (NaN for cubic)
 * @param cOverAEsd          its esd
 * @param zeroShiftDeg       refined zero shift (0 when not refined)
 * @param zeroShiftEsdDeg    its esd (NaN when not refined)
 * @param rmsResidualDeg     rms of obs - calc (deg)
 * @param wavelengthA        wavelength used (A)
 * @param peaks              the indexed reflections used (unmodifiable)
 * @param sampleDisplacementMm     refined sample displacement s (mm; 0 when not refined), see {@link LatticeFit}
 * @param sampleDisplacementEsdMm  its esd (NaN when not refined)
 * @param goniometerRadiusMm       goniometer radius R used to express s (mm)
 * @param zeroDisplacementCorrelation correlation coefficient of the zero shift and s (NaN unless both are refined);
 *                                 near +-1 the scan range cannot separate them
 */
public record LatticeResult(CrystalSystem system, double aA, double aEsdA, double cA, double cEsdA, double volumeA3,
        double volumeEsdA3, double cOverA, double cOverAEsd, double zeroShiftDeg, double zeroShiftEsdDeg, double rmsResidualDeg,
        double wavelengthA, List<IndexedPeak> peaks, double sampleDisplacementMm, double sampleDisplacementEsdMm,
        double goniometerRadiusMm, double zeroDisplacementCorrelation) {

    public LatticeResult {
        peaks = List.copyOf(peaks);
    }
}
