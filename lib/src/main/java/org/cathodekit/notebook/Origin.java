package org.cathodekit.notebook;

/** Where a reproduced number comes from (the "origin" column of a {@link PaperComparison}). */
public enum Origin {
    /** Computed from synthetic data generated with a planted (known) value. */
    SYNTHETIC("synthetic"),
    /** Computed from a real measured file. */
    REAL("real"),
    /** Not computed in this run (the reason is given, e.g. reference data absent). */
    NOT_RUN("not run");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    /** Lower-case label as shown in tables and summaries. */
    public String label() {
        return label;
    }
}
