package org.cathodekit.gitt;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Options of {@link GittModel#simulate}. Defaults follow paper C's protocol: 20 mA/g, 20-min pulses,
 * 140-min rests, 1 s sampling, charge from x = 0.97 then discharge back, 2.8-4.5 V.
 *
 * @param radiusM               particle radius [m] (2 um: SC particles of 3-5 um diameter)
 * @param diffusivity           planted D(x)
 * @param specificCurrentAPerG  pulse current per gram of active material [A/g] (0.020 = 20 mA/g)
 * @param activeMassG           active mass [g]
 * @param molarMassGPerMol      molar mass [g/mol] (LiNi0.9Co0.1O2: 97.7)
 * @param pulseS                pulse duration tau [s]
 * @param restS                 rest after each pulse [s]
 * @param initialRestS          rest before the first pulse [s]
 * @param sampleS               sampling interval [s]
 * @param restFineS             rest sampled every {@code sampleS} for this long, then every
 *                              {@code restCoarseS} (data compression; {@code restS} keeps 1 s throughout)
 * @param restCoarseS           coarse rest sampling interval [s]
 * @param xStart                initial Li content
 * @param xMin                  charge stops when x would go below this
 * @param upperCutoffV          or when the pulse-end voltage exceeds this [V]
 * @param lowerCutoffV          discharge stops below this voltage [V]
 * @param withDischarge         whether discharge pulses follow the charge
 * @param resistanceOhm         ohmic resistance (IR drop = I R) [ohm]
 * @param noiseV                Gaussian voltage noise, standard deviation [V]
 * @param seed                  noise seed
 */
@OptionsRecord
public record GittModelOptions(double radiusM, PlantedDiffusivity diffusivity, double specificCurrentAPerG,
        double activeMassG, double molarMassGPerMol, double pulseS, double restS, double initialRestS, double sampleS,
        double restFineS, double restCoarseS, double xStart, double xMin, double upperCutoffV, double lowerCutoffV,
        boolean withDischarge, double resistanceOhm, double noiseV, long seed)
        implements GittModelOptionsBuilder.With {

    /** Paper C's protocol with the synthetic SC-NC91 D(x), uncompressed 1 s sampling, seed 20250101. */
    public static final GittModelOptions DEFAULTS = new GittModelOptions(2e-6, PlantedDiffusivity.SC_NC91, 0.020,
            0.005, 97.7, 1200, 8400, 600, 1, 8400, 60, 0.97, 0.15, 4.5, 2.8, true, 40, 1e-4, 20250101L);

    public GittModelOptions {
        Checks.requirePositive(radiusM, "radiusM");
        if (diffusivity == null) {
            throw new IllegalArgumentException("diffusivity must not be null");
        }
        Checks.requirePositive(specificCurrentAPerG, "specificCurrentAPerG");
        Checks.requirePositive(activeMassG, "activeMassG");
        Checks.requirePositive(molarMassGPerMol, "molarMassGPerMol");
        Checks.requirePositive(pulseS, "pulseS");
        Checks.requirePositive(restS, "restS");
        Checks.requireNonNegative(initialRestS, "initialRestS");
        Checks.requirePositive(sampleS, "sampleS");
        Checks.requireNonNegative(restFineS, "restFineS");
        Checks.requirePositive(restCoarseS, "restCoarseS");
        Checks.requireInRange(xStart, 0.01, 0.999, "xStart");
        Checks.requireInRange(xMin, 0.01, xStart, "xMin");
        Checks.requireNonNegative(resistanceOhm, "resistanceOhm");
        Checks.requireNonNegative(noiseV, "noiseV");
    }

    /** Pulse and rest durations [s]. */
    public GittModelOptions withTimingS(double pulse, double rest) {
        return toBuilder().pulseS(pulse).restS(rest).restFineS(Math.min(restFineS, rest)).build();
    }

    /** Rest compression: 1-sample-interval sampling for {@code fineS}, then every {@code coarseS}. */
    public GittModelOptions withRestSamplingS(double fineS, double coarseS) {
        return toBuilder().restFineS(fineS).restCoarseS(coarseS).build();
    }

    /** Li content range: start and the charge limit. */
    public GittModelOptions withXRange(double start, double min) {
        return toBuilder().xStart(start).xMin(min).build();
    }

    public GittModelOptions withDischarge(boolean v) {
        return toBuilder().withDischarge(v).build();
    }

    public GittModelOptions withNoise(double sigmaV, long seedValue) {
        return toBuilder().noiseV(sigmaV).seed(seedValue).build();
    }

    /** @return the pulse current magnitude [A]. */
    public double currentA() {
        return specificCurrentAPerG * activeMassG;
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public GittModelOptionsBuilder toBuilder() {
        return with();
    }
}
