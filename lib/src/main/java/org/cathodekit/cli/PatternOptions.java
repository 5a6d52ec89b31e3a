package org.cathodekit.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The pattern-file options shared by {@code cathodekit wh} and {@code cathodekit lattice} (a picocli
 * mixin): the file, its wavelength(s) and how K-alpha2 is handled. The wavelength is never guessed:
 * it comes from the file or from {@code --wavelength-A}. {@code --weights} picks the one weighting
 * rule of {@link org.cathodekit.diffraction.PeakWeights}.
 */
final class PatternOptions {

    @Option(names = "--input", required = true, description = "Pattern file (.xy .xye .dat .csv .xrdml .ras .rasx .asc .brml .raw .chi"
            + " .fxye .gsa .gsas .xra); read-only.")
    Path input;

    @Option(names = "--wavelength-A", description = "K-alpha1 or monochromatic wavelength (A); required unless the file states it.")
    Double wavelengthA;

    @Option(names = "--kalpha2-A", description = "K-alpha2 wavelength (A) when the data contain K-alpha2 (Cu: 1.544427).")
    Double kalpha2A;

    @Option(names = "--kalpha2-ratio", description = "K-alpha2/K-alpha1 intensity ratio (default 0.5 when --kalpha2-A is given).")
    Double kalpha2Ratio;

    @Option(names = "--kalpha2", defaultValue = "doublet", description = "doublet (fixed-ratio K-alpha1/2 pair per peak), strip (Rachinger) or ignore.")
    String kalpha2Mode;

    @Option(names = "--weights", defaultValue = "auto", description = "Peak-fit weights: auto (esd column if any, else Poisson for counts"
            + " stated by the format or integer intensities, else none), poisson, esd or none (default ${DEFAULT-VALUE}).")
    String weights;

    /** The {@code --weights} choice. */
    org.cathodekit.diffraction.Weighting weighting() {
        return switch (weights.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> org.cathodekit.diffraction.Weighting.AUTO;
            case "poisson", "counts" -> org.cathodekit.diffraction.Weighting.POISSON;
            case "esd", "sigma" -> org.cathodekit.diffraction.Weighting.ESD;
            case "none", "unweighted" -> org.cathodekit.diffraction.Weighting.NONE;
            default -> throw new IllegalArgumentException(input + ": --weights must be auto, poisson, esd or none, got '" + weights + "'");
        };
    }
}
