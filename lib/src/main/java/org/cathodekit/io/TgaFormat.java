package org.cathodekit.io;

/** Text-export layouts recognised by {@link TgaReader}. */
public enum TgaFormat {
    /** Header row (optionally a units row below it), then delimited numbers; '#' lines are comments. */
    GENERIC_DELIMITED("generic delimited text"),
    /** TA Instruments Universal Analysis text export: {@code SigN} lines name the columns, {@code StartOfData} starts them. */
    TA_UNIVERSAL_ANALYSIS("TA Instruments Universal Analysis"),
    /** TA Instruments TRIOS text export: key/value preamble, a header and a units row. */
    TA_TRIOS("TA Instruments TRIOS"),
    /** Mettler Toledo STARe table export: {@code Index t Ts Tr Value} with a bracketed units row. */
    METTLER_STARE("Mettler Toledo STARe"),
    /** NETZSCH Proteus ASCII export: {@code #KEY:value} lines and a {@code ##} header, semicolons. */
    NETZSCH_PROTEUS("NETZSCH Proteus"),
    /** Setaram (Calisto/SETSOFT) text export: semicolons, decimal commas, TG as mass change; Calisto writes UTF-16. */
    SETARAM("Setaram"),
    /**
     * PerkinElmer Pyris ASCII export: a key/value preamble and the method steps, then one line per program
     * stage ({@code 1) TGA Isothermal}) before its rows; a two-line header ({@code Time / Unsubtracted Weight /
     * Baseline Weight / Program Temperature / Sample Temperature ...}) and no units (Pyris writes min, mg, °C).
     */
    PERKINELMER_PYRIS("PerkinElmer Pyris");

    private final String description;

    TgaFormat(String description) {
        this.description = description;
    }

    /** @return a human-readable name. */
    public String description() {
        return description;
    }
}
