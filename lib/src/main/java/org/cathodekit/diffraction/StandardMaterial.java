package org.cathodekit.diffraction;

/** Certified line-position/line-shape standards used to measure the instrument function. */
public enum StandardMaterial {
    /** NIST SRM 660c LaB6, primitive cubic, certified a = 4.156826 A (reference-data README). */
    LAB6_SRM660C(CrystalSystem.CUBIC_P, 4.156826),
    /** NIST SRM 674b CeO2, fluorite (face-centred cubic), certified a = 5.411651 A. */
    CEO2_SRM674B(CrystalSystem.CUBIC_F, 5.411651);

    private final CrystalSystem system;
    private final double aA;

    StandardMaterial(CrystalSystem system, double aA) {
        this.system = system;
        this.aA = aA;
    }

    /** @return the crystal system. */
    public CrystalSystem system() {
        return system;
    }

    /** @return the certified lattice parameter (A). */
    public double certifiedAA() {
        return aA;
    }
}
