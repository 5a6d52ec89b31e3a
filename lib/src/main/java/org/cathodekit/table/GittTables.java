package org.cathodekit.table;

import org.cathodekit.gitt.GittPulse;
import org.cathodekit.gitt.GittResult;

import tech.tablesaw.api.Table;

/**
 * Tablesaw views of {@link org.cathodekit.gitt} results (the analysis package itself stays free of
 * Tablesaw). Tables are fresh copies: changing them does not change the result.
 */
public final class GittTables {

    private GittTables() {
    }

    /**
     * One row per analysed pulse in file order: {@link Tables#of} of the {@link GittPulse} records,
     * so the columns are the pulse's JSON keys in component order ({@code index}, {@code direction},
     * {@code first_row}, {@code last_row}, {@code start_s}, {@code tau_s}, {@code current_A},
     * {@code current_rel_std}, {@code E_before_V}, {@code E_after_V}, {@code dEs_V}, {@code ir_drop_V},
     * {@code dEt_V}, {@code slope_V_per_sqrt_s}, {@code r2}, {@code window_points}, {@code D_m2_s},
     * {@code D_wh_m2_s}, {@code D_wh_mass_form_m2_s}, {@code rest_s}, {@code rest_end_slope_V_per_s},
     * {@code li_content_after}, {@code capacity_mAh_per_g}, {@code ocv_nonlinearity} (dimensionless)
     * and {@code flags}, the {@link org.cathodekit.gitt.GittFlag} names joined by {@code |}, empty when none).
     *
     * @param result a GITT result (not modified)
     * @return a new table named {@code "gitt pulses (n)"}
     */
    public static Table pulses(GittResult result) {
        Table t = result.pulses().isEmpty() ? Tables.empty(GittPulse.class) : Tables.of(result.pulses());
        return t.setName("gitt pulses (" + result.pulses().size() + ")");
    }
}
