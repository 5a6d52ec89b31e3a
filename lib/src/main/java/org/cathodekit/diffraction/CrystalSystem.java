package org.cathodekit.diffraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Lattices whose parameters are refined from indexed reflections. */
public enum CrystalSystem {
    /**
     * R-3m in the hexagonal setting (layered LiMO2): {@code 1/d^2 = 4/3 (h^2 + hk + k^2)/a^2 + l^2/c^2},
     * reflection condition {@code -h + k + l = 3n} (obverse), {@code V = sqrt(3)/2 a^2 c}.
     */
    HEXAGONAL_R3M,
    /** Primitive cubic (LaB6, SRM 660c): {@code 1/d^2 = (h^2 + k^2 + l^2)/a^2}, all hkl. */
    CUBIC_P,
    /** Face-centred cubic (CeO2, SRM 674b): as cubic, h, k, l all even or all odd. */
    CUBIC_F;

    /** @return whether the lattice has a second parameter c. */
    public boolean hasC() {
        return this == HEXAGONAL_R3M;
    }

    /** Coefficients (p, q) with {@code 1/d^2 = p/a^2 + q/c^2} for reflection hkl. */
    static double p(int h, int k, int l, CrystalSystem s) {
        return s == HEXAGONAL_R3M ? 4.0 / 3.0 * (h * h + h * k + k * k) : h * h + k * k + l * l;
    }

    static double q(int h, int k, int l, CrystalSystem s) {
        return s == HEXAGONAL_R3M ? l * l : 0;
    }

    /** @return the d-spacing (A) of hkl. */
    public double dSpacingA(int h, int k, int l, double aA, double cA) {
        double inv = p(h, k, l, this) / (aA * aA) + (hasC() ? q(h, k, l, this) / (cA * cA) : 0);
        return 1 / Math.sqrt(inv);
    }

    /** @return the unit-cell volume (A^3). */
    public double volumeA3(double aA, double cA) {
        return hasC() ? Math.sqrt(3) / 2 * aA * aA * cA : aA * aA * aA;
    }

    boolean allowed(int h, int k, int l) {
        return switch (this) {
            case HEXAGONAL_R3M -> Math.floorMod(-h + k + l, 3) == 0;
            case CUBIC_P -> true;
            case CUBIC_F -> (h % 2 == 0 && k % 2 == 0 && l % 2 == 0) || (Math.abs(h % 2) == 1 && Math.abs(k % 2) == 1 && Math.abs(l % 2) == 1);
        };
    }

    /**
     * Distinct reflections (one per d-spacing family, canonical label: l >= 0 preferred, then the
     * smallest h) with 2-theta in {@code [minDeg, maxDeg]}, sorted by 2-theta.
     */
    public List<Reflection> reflections(double aA, double cA, double lambdaA, double minDeg, double maxDeg) {
        int hmax = (int) Math.ceil(2 * aA / lambdaA) + 1;
        int lmax = hasC() ? (int) Math.ceil(2 * cA / lambdaA) + 1 : hmax;
        List<Reflection> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int l = 0; l <= lmax; l++) {
            for (int sign = 1; sign >= -1; sign -= 2) {
                for (int h = 0; h <= hmax; h++) {
                    for (int k = 0; k <= hmax; k++) {
                        int ll = sign * l;
                        if ((h == 0 && k == 0 && l == 0) || (sign < 0 && l == 0) || !allowed(h, k, ll)) {
                            continue;
                        }
                        if (!hasC() && (k > h || l > k)) {
                            continue; // cubic: canonical h >= k >= l
                        }
                        long key = hasC() ? (long) (h * h + h * k + k * k) * 100000L + l : (long) (h * h + k * k + l * l);
                        if (seen.contains(key)) {
                            continue;
                        }
                        double d = dSpacingA(h, k, ll, aA, cA);
                        double tt = Wavelengths.twoThetaDeg(d, lambdaA);
                        if (Double.isNaN(tt) || tt < minDeg || tt > maxDeg) {
                            continue;
                        }
                        seen.add(key);
                        out.add(new Reflection(h, k, ll, d, tt));
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble(Reflection::twoThetaDeg));
        return out;
    }
}
