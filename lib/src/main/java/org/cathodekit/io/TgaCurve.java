package org.cathodekit.io;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * A TGA curve as read by {@link TgaReader}, converted to C, s and mg (or % when the export holds
 * only relative mass), together with what was detected. Array accessors return copies.
 *
 * @param file               the file read (never modified)
 * @param format             the detected layout
 * @param charset            the detected text encoding
 * @param dialect            delimiter and decimal separator, e.g. {@code "';' delimited, decimal ','"}
 * @param timeS              time in s, or null when the file has no time column
 * @param temperatureC       sample temperature in C
 * @param mass               mass in {@code massUnit}
 * @param massUnit           {@code "mg"} or {@code "%"}
 * @param timeColumn         header of the time column used (null when none)
 * @param temperatureColumn  header of the temperature column used
 * @param massColumn         header of the mass column used
 * @param sourceUnits        the units as written in the file: time, temperature, mass
 * @param sampleMassMg       sample mass from the preamble (NaN when not given)
 * @param skippedRows        data rows left out because a needed field was not a number
 * @param notes              what the reader assumed or skipped, one sentence each
 */
public record TgaCurve(
        Path file,
        TgaFormat format,
        Charset charset,
        String dialect,
        double[] timeS,
        double[] temperatureC,
        double[] mass,
        String massUnit,
        String timeColumn,
        String temperatureColumn,
        String massColumn,
        List<String> sourceUnits,
        double sampleMassMg,
        int skippedRows,
        List<String> notes) {

    public TgaCurve {
        timeS = timeS == null ? null : timeS.clone();
        temperatureC = temperatureC.clone();
        mass = mass.clone();
        sourceUnits = List.copyOf(sourceUnits);
        notes = List.copyOf(notes);
    }

    @Override
    public double[] timeS() {
        return timeS == null ? null : timeS.clone();
    }

    @Override
    public double[] temperatureC() {
        return temperatureC.clone();
    }

    @Override
    public double[] mass() {
        return mass.clone();
    }

    /** @return number of data rows read. */
    public int size() {
        return temperatureC.length;
    }
}
