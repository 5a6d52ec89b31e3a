package org.cathodekit.table;

import org.cathodekit.gitt.GittPulse;
import org.cathodekit.gitt.GittResult;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw views of {@link org.cathodekit.gitt} results (the analysis package itself stays free of
 * Tablesaw). Tables are fresh copies: changing them does not change the result.
 */
public final class GittTables {

    /** Names of the double-valued columns, in table order (units in the names). */
    private static final String[] COLS = {"start_s", "tau_s", "current_A", "current_rel_std", "E_before_V", "E_after_V",
        "dEs_V", "dEt_V", "ir_drop_V", "slope_V_per_sqrt_s", "r2", "D_m2_s", "D_wh_m2_s", "D_wh_mass_form_m2_s",
        "rest_s", "rest_end_slope_V_per_s", "li_content_after", "capacity_mAh_per_g", "ocv_nonlinearity"};

    private GittTables() {
    }

    /**
     * One row per analysed pulse in file order, units in the column names: {@code index},
     * {@code direction}, {@code start_s}, {@code tau_s}, {@code current_A}, {@code current_rel_std},
     * {@code E_before_V}, {@code E_after_V}, {@code dEs_V}, {@code dEt_V}, {@code ir_drop_V},
     * {@code slope_V_per_sqrt_s}, {@code r2}, {@code D_m2_s}, {@code D_wh_m2_s},
     * {@code D_wh_mass_form_m2_s}, {@code rest_s}, {@code rest_end_slope_V_per_s},
     * {@code li_content_after}, {@code capacity_mAh_per_g}, {@code ocv_nonlinearity} (dimensionless),
     * {@code window_points} and {@code flags}
     * (the {@link org.cathodekit.gitt.GittFlag} names joined by {@code |}, empty when none).
     *
     * @param result a GITT result (not modified)
     * @return a new table named {@code "gitt pulses (n)"}
     */
    public static Table pulses(GittResult result) {
        int n = result.pulses().size();
        IntColumn index = IntColumn.create("index");
        StringColumn dir = StringColumn.create("direction");
        DoubleColumn[] d = new DoubleColumn[COLS.length];
        for (int j = 0; j < COLS.length; j++) {
            d[j] = DoubleColumn.create(COLS[j]);
        }
        IntColumn npts = IntColumn.create("window_points");
        StringColumn flags = StringColumn.create("flags");
        for (GittPulse p : result.pulses()) {
            index.append(p.index());
            dir.append(p.direction().name());
            double[] v = {p.startS(), p.tauS(), p.currentA(), p.currentRelStd(), p.eBeforeV(), p.eAfterV(), p.dEsV(),
                p.dEtV(), p.irDropV(), p.slopeVPerSqrtS(), p.r2(), p.dM2PerS(), p.dWhM2PerS(), p.dWhMassFormM2PerS(),
                p.restS(), p.restEndSlopeVPerS(), p.liContentAfter(), p.capacityMAhPerG(), p.ocvNonlinearity()};
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
}
