package org.cathodekit.cli;

import picocli.CommandLine;

/**
 * A closed interval {@code LO:HI} given on the command line (fit windows, voltage ranges,
 * temperature windows); the unit is the option's. Parsed by {@link Converter}, so a bad value is
 * a picocli parameter error naming the option (exit 2) before the command runs.
 *
 * @param lo lower end, finite
 * @param hi upper end, finite and {@code > lo}
 */
record Range(double lo, double hi) {

    Range {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("a range needs finite ends LO < HI, got " + lo + ":" + hi);
        }
    }

    /** @return {@code {lo, hi}} */
    double[] toArray() {
        return new double[] {lo, hi};
    }

    @Override
    public String toString() {
        return lo + ":" + hi;
    }

    /** {@code LO:HI} with two finite numbers, {@code LO < HI} (spaces around the colon allowed). */
    static final class Converter implements CommandLine.ITypeConverter<Range> {
        @Override
        public Range convert(String text) {
            String[] p = text.trim().split("\\s*:\\s*");
            if (p.length == 2) {
                try {
                    double lo = Double.parseDouble(p[0]);
                    double hi = Double.parseDouble(p[1]);
                    if (Double.isFinite(lo) && Double.isFinite(hi)) {
                        if (!(lo < hi)) {
                            throw new CommandLine.TypeConversionException("'" + text + "' must have LO < HI");
                        }
                        return new Range(lo, hi);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw new CommandLine.TypeConversionException("'" + text + "' is not LO:HI with two numbers LO < HI, e.g. 10:20");
        }
    }
}
