package org.cathodekit.thermal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chemical formula with non-integer stoichiometry ({@code Li0.3Ni0.8Mn0.1Co0.1O2},
 * {@code Li(Ni0.8Co0.15Al0.05)O2}, {@code Li1.2[Ni0.2Mn0.6]O2}) and its molar mass from standard
 * atomic weights.
 *
 * <p>Atomic weights: IUPAC/CIAAW standard atomic weights 2021 (T. Prohaska et al., "Standard atomic
 * weights of the elements 2021 (IUPAC Technical Report)", Pure Appl. Chem. 94, 573-600 (2022);
 * table at ciaaw.org). For elements whose standard atomic weight is an interval (H, Li, B, C, N, O,
 * Mg, Si, S, Cl, Br, Tl) the IUPAC <em>conventional</em> value is used (Li 6.94, O 15.999, ...).
 *
 * <p>Grammar: {@code formula := group+}, {@code group := Element [number] | '(' formula ')' [number]
 * | '[' formula ']' [number]}, {@code number := digits ['.' digits] | '.' digits}. A missing number
 * means 1. Element symbols are case-sensitive (Co is cobalt, CO is carbon + oxygen).
 */
public final class ChemicalFormula {

    /** Standard atomic weights in g/mol (CIAAW 2021; conventional values for interval elements). */
    private static final Map<String, Double> WEIGHTS = weights();

    private final String text;
    private final Map<String, Double> amounts;
    private final double molarMass;

    private ChemicalFormula(String text, Map<String, Double> amounts) {
        this.text = text;
        this.amounts = Collections.unmodifiableMap(amounts);
        double mm = 0;
        for (Map.Entry<String, Double> e : amounts.entrySet()) {
            mm += e.getValue() * WEIGHTS.get(e.getKey());
        }
        this.molarMass = mm;
    }

    /**
     * Parses a formula.
     *
     * @throws IllegalArgumentException naming the formula, the character position and what was expected
     */
    public static ChemicalFormula parse(String formula) {
        if (formula == null || formula.isBlank()) {
            throw new IllegalArgumentException("formula is empty; expected e.g. Li0.3Ni0.8Mn0.1Co0.1O2");
        }
        String f = formula.strip();
        Map<String, Double> out = new LinkedHashMap<>();
        int[] pos = {0};
        parseGroup(f, pos, out, 1.0, (char) 0);
        if (pos[0] != f.length()) {
            throw error(f, pos[0], "unexpected '" + f.charAt(pos[0]) + "'");
        }
        if (out.isEmpty()) {
            throw error(f, 0, "no elements");
        }
        return new ChemicalFormula(f, out);
    }

    private static void parseGroup(String f, int[] pos, Map<String, Double> out, double mult, char close) {
        boolean any = false;
        while (pos[0] < f.length()) {
            char c = f.charAt(pos[0]);
            if (c == ')' || c == ']') {
                if (close == 0) {
                    throw error(f, pos[0], "unmatched '" + c + "'");
                }
                if (c != close) {
                    throw error(f, pos[0], "expected '" + close + "', found '" + c + "'");
                }
                if (!any) {
                    throw error(f, pos[0], "empty group");
                }
                return;
            }
            if (c == '(' || c == '[') {
                int open = pos[0];
                pos[0]++;
                Map<String, Double> inner = new LinkedHashMap<>();
                parseGroup(f, pos, inner, 1.0, c == '(' ? ')' : ']');
                if (pos[0] >= f.length()) {
                    throw error(f, open, "'" + c + "' is never closed");
                }
                pos[0]++;
                double k = number(f, pos);
                for (Map.Entry<String, Double> e : inner.entrySet()) {
                    out.merge(e.getKey(), e.getValue() * k * mult, Double::sum);
                }
                any = true;
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                int s = pos[0]++;
                while (pos[0] < f.length() && f.charAt(pos[0]) >= 'a' && f.charAt(pos[0]) <= 'z') {
                    pos[0]++;
                }
                String el = f.substring(s, pos[0]);
                if (!WEIGHTS.containsKey(el)) {
                    throw error(f, s, "unknown element '" + el + "' (symbols are case-sensitive: Co, not CO)");
                }
                double k = number(f, pos);
                out.merge(el, k * mult, Double::sum);
                any = true;
                continue;
            }
            throw error(f, pos[0], "unexpected '" + c + "'; expected an element symbol (capital letter), '(' or '['");
        }
        if (close != 0) {
            throw error(f, pos[0], "missing '" + close + "'");
        }
    }

    private static double number(String f, int[] pos) {
        int s = pos[0];
        while (pos[0] < f.length() && (Character.isDigit(f.charAt(pos[0])) || f.charAt(pos[0]) == '.')) {
            pos[0]++;
        }
        if (s == pos[0]) {
            return 1.0;
        }
        String num = f.substring(s, pos[0]);
        if (num.indexOf('.') != num.lastIndexOf('.') || num.equals(".")) {
            throw error(f, s, "malformed number '" + num + "'");
        }
        double v = Double.parseDouble(num);
        if (!(v > 0)) {
            throw error(f, s, "stoichiometric number must be > 0, got " + num);
        }
        return v;
    }

    private static IllegalArgumentException error(String f, int at, String problem) {
        return new IllegalArgumentException("malformed formula '" + f + "' at character " + (at + 1) + ": " + problem
                + "; expected e.g. Li0.3Ni0.8Mn0.1Co0.1O2 or Li(Ni0.8Co0.15Al0.05)O2");
    }

    /** @return the formula as given (trimmed). */
    public String text() {
        return text;
    }

    /** @return amount of each element per formula unit, in order of first appearance (unmodifiable). */
    public Map<String, Double> amounts() {
        return amounts;
    }

    /** @return the amount of {@code element} per formula unit (0 when absent). */
    public double amountOf(String element) {
        return amounts.getOrDefault(element, 0.0);
    }

    /** @return molar mass in g/mol. */
    public double molarMassGPerMol() {
        return molarMass;
    }

    /**
     * @return the standard atomic weight of {@code element} in g/mol (CIAAW 2021)
     * @throws IllegalArgumentException for an unknown symbol
     */
    public static double atomicWeight(String element) {
        Double w = WEIGHTS.get(element);
        if (w == null) {
            throw new IllegalArgumentException("unknown element '" + element + "'");
        }
        return w;
    }

    @Override
    public String toString() {
        return text;
    }

    private static Map<String, Double> weights() {
        Object[] t = {
            "H", 1.008, "He", 4.002602, "Li", 6.94, "Be", 9.0121831, "B", 10.81, "C", 12.011, "N", 14.007,
            "O", 15.999, "F", 18.998403162, "Ne", 20.1797, "Na", 22.98976928, "Mg", 24.305, "Al", 26.9815384,
            "Si", 28.085, "P", 30.973761998, "S", 32.06, "Cl", 35.45, "Ar", 39.95, "K", 39.0983, "Ca", 40.078,
            "Sc", 44.955907, "Ti", 47.867, "V", 50.9415, "Cr", 51.9961, "Mn", 54.938043, "Fe", 55.845,
            "Co", 58.933194, "Ni", 58.6934, "Cu", 63.546, "Zn", 65.38, "Ga", 69.723, "Ge", 72.630,
            "As", 74.921595, "Se", 78.971, "Br", 79.904, "Kr", 83.798, "Rb", 85.4678, "Sr", 87.62,
            "Y", 88.905838, "Zr", 91.224, "Nb", 92.90637, "Mo", 95.95, "Ru", 101.07, "Rh", 102.90549,
            "Pd", 106.42, "Ag", 107.8682, "Cd", 112.414, "In", 114.818, "Sn", 118.710, "Sb", 121.760,
            "Te", 127.60, "I", 126.90447, "Xe", 131.293, "Cs", 132.90545196, "Ba", 137.327, "La", 138.90547,
            "Ce", 140.116, "Pr", 140.90766, "Nd", 144.242, "Sm", 150.36, "Eu", 151.964, "Gd", 157.249,
            "Tb", 158.925354, "Dy", 162.500, "Ho", 164.930329, "Er", 167.259, "Tm", 168.934219, "Yb", 173.045,
            "Lu", 174.9668, "Hf", 178.486, "Ta", 180.94788, "W", 183.84, "Re", 186.207, "Os", 190.23,
            "Ir", 192.217, "Pt", 195.084, "Au", 196.966570, "Hg", 200.592, "Tl", 204.38, "Pb", 207.2,
            "Bi", 208.98040,
        };
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i += 2) {
            m.put((String) t[i], (Double) t[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
