package org.cathodekit.core;

import java.util.Locale;

/**
 * Battery-cycler export layouts understood by {@code io.CyclerReader}. Each constant documents how its
 * time, voltage and current columns are found and converted to SI.
 */
public enum CyclerFormat {
    /**
     * Any delimited text (CSV, TSV, semicolon with decimal comma, whitespace) with one header line
     * (lines starting with {@code #} before it are skipped). Columns are recognised by normalised
     * alias ({@code time/s}, {@code Time (s)}, {@code Test Time (s)}, {@code time_s}, {@code Ewe/V},
     * {@code Voltage(V)}, {@code voltage_V}, {@code I/mA}, {@code <I>/mA}, {@code Current(A)},
     * {@code current_mA}, step and cycle columns); the unit must be given in the header.
     */
    GENERIC,
    /**
     * BioLogic EC-Lab text export ({@code .mpt}): first line {@code EC-Lab ASCII FILE}, a line
     * {@code Nb header lines : N}, tab-separated columns {@code time/s}, {@code Ewe/V},
     * {@code <I>/mA} or {@code I/mA}, {@code Ns} (sequence = step), {@code cycle number}; often
     * latin-1 and with decimal commas.
     */
    BIOLOGIC_MPT,
    /**
     * Neware BTSDA CSV export: {@code Step Type}, {@code Cycle Index}, {@code Step Index},
     * times as {@code h:mm:ss} ({@code Cumulative Time} / {@code Total Time} preferred over the
     * per-step {@code Time}), {@code Current(A)} signed (negative on discharge), {@code Voltage(V)}.
     */
    NEWARE_CSV,
    /**
     * Maccor text export: a two-line (or longer) preamble, then a tab-separated header starting
     * {@code Rec#}; {@code TestTime} as {@code Nd hh:mm:ss.sss}; {@code Amps} unsigned with the sign
     * from {@code State} ({@code C} charge = positive, {@code D} discharge = negative, others rest);
     * {@code Volts}; {@code Step}, {@code Cyc#}.
     */
    MACCOR_TEXT,
    /**
     * Arbin CSV export: {@code Data_Point}, {@code Test_Time(s)}, {@code Step_Index},
     * {@code Cycle_Index}, {@code Current(A)}, {@code Voltage(V)}.
     */
    ARBIN_CSV,
    /** BioLogic EC-Lab native binary {@code .mpr} ({@code BIO-LOGIC MODULAR FILE}). */
    BIOLOGIC_MPR,
    /** Arbin native {@code .res}: an MS Access (Jet) database ({@code Channel_Normal_Table}, {@code Global_Table}). */
    ARBIN_RES,
    /** Neware native binary {@code .nda}. */
    NEWARE_NDA,
    /** Neware native {@code .ndax}: a zip of binary {@code .ndc} records plus XML. */
    NEWARE_NDAX;

    /**
     * Parses a command-line name: {@code generic}, {@code mpt}/{@code biologic}, {@code neware},
     * {@code maccor}, {@code arbin} or the constant's name; {@code auto} gives {@code null}
     * (detect from content).
     */
    public static CyclerFormat fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "auto" -> null;
            case "generic", "csv", "tsv" -> GENERIC;
            case "mpt", "biologic", "biologic_mpt", "eclab" -> BIOLOGIC_MPT;
            case "neware", "neware_csv" -> NEWARE_CSV;
            case "maccor", "maccor_text" -> MACCOR_TEXT;
            case "arbin", "arbin_csv" -> ARBIN_CSV;
            case "mpr", "biologic_mpr" -> BIOLOGIC_MPR;
            case "res", "arbin_res" -> ARBIN_RES;
            case "nda", "neware_nda" -> NEWARE_NDA;
            case "ndax", "neware_ndax" -> NEWARE_NDAX;
            default -> throw new IllegalArgumentException("unknown cycler format '" + name
                    + "'; expected one of auto, generic, mpt, neware, maccor, arbin, mpr, res, nda, ndax");
        };
    }
}
