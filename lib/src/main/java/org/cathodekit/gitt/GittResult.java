package org.cathodekit.gitt;

import java.util.List;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Result of {@link Gitt#analyse}: analysed pulses, dropped pulses with reasons and the resolved
 * parameters (thresholds actually used).
 *
 * @param options          the options used
 * @param onThresholdA     resolved on-threshold [A]
 * @param offThresholdA    resolved off-threshold [A]
 * @param rows             rows in the input series
 * @param pulses           analysed pulses in file order (unmodifiable)
 * @param dropped          pulses found but not analysed (unmodifiable)
 */
public record GittResult(GittOptions options, double onThresholdA, double offThresholdA, int rows,
        List<GittPulse> pulses, List<DroppedPulse> dropped) {

    public GittResult {
        pulses = List.copyOf(pulses);
        dropped = List.copyOf(dropped);
    }

    /** @return the pulses of one direction (charge and discharge are analysed separately). */
    public List<GittPulse> pulses(PulseDirection direction) {
        return pulses.stream().filter(p -> p.direction() == direction).toList();
    }

    /** @return the number of pulses carrying {@code flag}. */
    public long count(GittFlag flag) {
        return pulses.stream().filter(p -> p.flags().contains(flag)).count();
    }

    /** One row per pulse, units in the column names; flags as a {@code |}-separated string. */
    public Table table() {
        int n = pulses.size();
        IntColumn index = IntColumn.create("index");
        StringColumn dir = StringColumn.create("direction");
        DoubleColumn[] d = new DoubleColumn[COLS.length];
        for (int j = 0; j < COLS.length; j++) {
            d[j] = DoubleColumn.create(COLS[j]);
        }
        IntColumn npts = IntColumn.create("window_points");
        StringColumn flags = StringColumn.create("flags");
        for (GittPulse p : pulses) {
            index.append(p.index());
            dir.append(p.direction().name());
            double[] v = {p.startS(), p.tauS(), p.currentA(), p.currentRelStd(), p.eBeforeV(), p.eAfterV(), p.dEsV(),
                p.dEtV(), p.irDropV(), p.slopeVPerSqrtS(), p.r2(), p.dM2PerS(), p.dWhM2PerS(), p.dWhMassFormM2PerS(),
                p.restS(), p.restEndSlopeVPerS(), p.liContentAfter(), p.capacityMAhPerG()};
            for (int j = 0; j < v.length; j++) {
                d[j].append(v[j]);
            }
            npts.append(p.windowPoints());
            flags.append(String.join("|", p.flags().stream().map(Enum::name).toList()));
        }
        Table t = Table.create("gitt pulses (" + n + ")").addColumns(index, dir);
        t.addColumns(d);
        return t.addColumns(npts, flags);
    }

    private static final String[] COLS = {"start_s", "tau_s", "current_A", "current_rel_std", "E_before_V", "E_after_V",
        "dEs_V", "dEt_V", "ir_drop_V", "slope_V_per_sqrt_s", "r2", "D_m2_s", "D_wh_m2_s", "D_wh_mass_form_m2_s",
        "rest_s", "rest_end_slope_V_per_s", "li_content_after", "capacity_mAh_per_g"};
}
