package org.cathodekit.thermal;

/**
 * An onset temperature with the definition that produced it and the constructions behind it.
 *
 * @param method                   the definition
 * @param parameter                its parameter (ASTM threshold in %-points, DTG fraction, fixed mass loss
 *                                 in %); NaN for ISO
 * @param temperatureC             the onset, NaN when there is none ({@code found == false})
 * @param found                    whether the definition gave an onset
 * @param note                     why there is no onset, or a short description of the construction
 * @param baselineStartC           pre-step baseline window start (NaN when not used/not found)
 * @param baselineEndC             baseline window end
 * @param baselineInterceptPct     baseline line {@code a} (mass % at 0 C)
 * @param baselineSlopePctPerK     baseline line {@code b}
 * @param inflectionC              DTG extremum {@code T*} (tangent point)
 * @param inflectionMassPct        smoothed mass % at {@code T*}
 * @param inflectionSlopePctPerK   DTG at {@code T*} (slope of the inflection tangent)
 * @param inflectionWindowStartC   first temperature of the Savitzky-Golay window that gave the tangent slope
 * @param inflectionWindowEndC     last temperature of that window
 */
public record Onset(
        OnsetMethod method,
        double parameter,
        double temperatureC,
        boolean found,
        String note,
        double baselineStartC,
        double baselineEndC,
        double baselineInterceptPct,
        double baselineSlopePctPerK,
        double inflectionC,
        double inflectionMassPct,
        double inflectionSlopePctPerK,
        double inflectionWindowStartC,
        double inflectionWindowEndC) {

    /** @return the method and parameter as the command line writes them: {@code iso}, {@code mass-loss:1}. */
    public String label() {
        return Double.isNaN(parameter) ? method.cliName()
                : method.cliName() + ":" + trim(parameter);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** @return the baseline line evaluated at {@code temperatureC} (mass %). */
    public double baselineAt(double tC) {
        return baselineInterceptPct + baselineSlopePctPerK * tC;
    }

    /** @return the inflection tangent evaluated at {@code temperatureC} (mass %). */
    public double inflectionTangentAt(double tC) {
        return inflectionMassPct + inflectionSlopePctPerK * (tC - inflectionC);
    }
}
