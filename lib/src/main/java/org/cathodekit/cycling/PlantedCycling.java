package org.cathodekit.cycling;

/**
 * Planted truths of the cycling forward model ({@link CyclingModel}): the discharge capacity and onset
 * discharge voltage at the 2nd cycle and at the last cycle, linear in the cycle number in between.
 *
 * @param name                 a label
 * @param cycles               number of cycles simulated (the "after N cycles" of the paper)
 * @param dischargeSecondMAhG  discharge capacity of cycle 2 [mAh/g]
 * @param dischargeLastMAhG    discharge capacity of the last cycle [mAh/g]
 * @param onsetSecondV         onset discharge voltage (first discharge point) of cycle 2 [V]
 * @param onsetLastV           onset of the last cycle [V]
 * @param rateMAPerG           specific current [mA/g]
 * @param source               where the numbers come from
 */
public record PlantedCycling(String name, int cycles, double dischargeSecondMAhG, double dischargeLastMAhG,
        double onsetSecondV, double onsetLastV, double rateMAPerG, String source) {

    /** Paper A rod: 209.3 -> 197.4 mAh/g after 100 cycles (94.3 %), onset 4.46 -> 4.43 V, C/5 (1C = 200 mA/g). */
    public static final PlantedCycling ROD_PAPER_A = new PlantedCycling("rod", 100, 209.3, 197.4, 4.46, 4.43, 40,
            "paper A (Xu et al., Nat. Commun. 11, 83 (2020)), C/5, 4.5 V cut-off");
    /** Paper A gravel: 207.8 -> 186.3 mAh/g (89.7 %), onset 4.45 -> 4.37 V. */
    public static final PlantedCycling GRAVEL_PAPER_A = new PlantedCycling("gravel", 100, 207.8, 186.3, 4.45, 4.37, 40,
            "paper A, C/5, 4.5 V cut-off");
    /**
     * Paper B rod: 211.1 mAh/g at the 2nd cycle, 85.0 % after 150 cycles (25 C, 0.2C = 40 mA/g). Paper B
     * gives no onset voltages: those planted here (paper A's rod values, reached at cycle 150) are assumptions.
     */
    public static final PlantedCycling ROD_PAPER_B = new PlantedCycling("rod (paper B)", 150, 211.1, 211.1 * 0.850,
            4.46, 4.43, 40, "paper B (Hou, Xu et al.), 25 C, 0.2C; onsets assumed");
    /** Paper B gravel: 199.4 mAh/g, 82.4 % after 150 cycles; onsets assumed as for {@link #ROD_PAPER_B}. */
    public static final PlantedCycling GRAVEL_PAPER_B = new PlantedCycling("gravel (paper B)", 150, 199.4, 199.4 * 0.824,
            4.45, 4.37, 40, "paper B (Hou, Xu et al.), 25 C, 0.2C; onsets assumed");
    /**
     * Paper C's four materials: retention after 100 cycles at 100 mA/g as reported (PC-NM91 83.1 %, PC-NC91
     * 59.7 %, SC-NC91 89.2 %, SC-NM91 75.9 %). The 2nd-cycle capacity (200 mAh/g) and the onsets are
     * assumptions of this model (paper C gives only the retentions).
     */
    public static final PlantedCycling PC_NM91 = paperC("PC-NM91", 83.1, 0.05);
    public static final PlantedCycling PC_NC91 = paperC("PC-NC91", 59.7, 0.12);
    public static final PlantedCycling SC_NC91 = paperC("SC-NC91", 89.2, 0.03);
    public static final PlantedCycling SC_NM91 = paperC("SC-NM91", 75.9, 0.07);

    private static PlantedCycling paperC(String name, double retentionPct, double onsetDropV) {
        return new PlantedCycling(name, 100, 200.0, 200.0 * retentionPct / 100, 4.40, 4.40 - onsetDropV, 100,
                "paper C (Wang et al., Nat. Nanotechnol. 2025) retention after 100 cycles at 100 mA/g; capacity 200 mAh/g and onsets assumed");
    }

    public PlantedCycling {
        if (cycles < 3) {
            throw new IllegalArgumentException("at least 3 cycles, got " + cycles);
        }
    }

    /** @return planted retention of the last cycle vs cycle 2 [%]. */
    public double retentionPct() {
        return 100 * dischargeLastMAhG / dischargeSecondMAhG;
    }

    /** @return planted discharge capacity of cycle {@code n} [mAh/g] (cycle 1: 1.5 mAh/g above cycle 2). */
    public double dischargeMAhG(int n) {
        if (n <= 1) {
            return dischargeSecondMAhG + 1.5;
        }
        return dischargeSecondMAhG + (dischargeLastMAhG - dischargeSecondMAhG) * (n - 2) / (double) (cycles - 2);
    }

    /** @return planted onset (first discharge point, noise-free) of cycle {@code n} [V] (cycle 1: 5 mV above cycle 2). */
    public double onsetV(int n) {
        if (n <= 1) {
            return onsetSecondV + 0.005;
        }
        return onsetSecondV + (onsetLastV - onsetSecondV) * (n - 2) / (double) (cycles - 2);
    }
}
