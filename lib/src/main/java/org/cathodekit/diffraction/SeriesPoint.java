package org.cathodekit.diffraction;

/**
 * Result for one pattern of a series; failures give NaN and a message, never an exception.
 *
 * @param index          position in the series
 * @param latticeOk      whether the lattice refinement succeeded
 * @param whOk           whether the Williamson-Hall fit succeeded
 * @param message        what failed (empty when everything worked)
 * @param aA             a (A)
 * @param aEsdA          esd of a
 * @param cA             c (A)
 * @param cEsdA          esd of c
 * @param volumeA3       cell volume (A^3)
 * @param strain         W-H microstrain
 * @param strainStderr   its standard error
 * @param sizeNm         W-H crystallite size (nm), NaN when not resolved
 * @param ratio003to104  (003)/(104) integrated-intensity ratio
 * @param peaksFitted    number of peaks that fitted
 * @param peaksFailed    number of peaks that did not
 */
public record SeriesPoint(int index, boolean latticeOk, boolean whOk, String message, double aA, double aEsdA, double cA, double cEsdA,
        double volumeA3, double strain, double strainStderr, double sizeNm, double ratio003to104, int peaksFitted, int peaksFailed) {
}
