package org.cathodekit.table;

import java.util.List;
import java.util.function.Function;

import org.cathodekit.cycling.CycleFlag;
import org.cathodekit.cycling.CycleStats;
import org.cathodekit.cycling.CycleSummary;
import org.cathodekit.cycling.DqdvCurve;
import org.cathodekit.cycling.DqdvPeak;
import org.cathodekit.cycling.DqdvResult;
import org.cathodekit.cycling.ProbeResult;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw views of {@link org.cathodekit.cycling} results, and the one list of output columns
 * ({@link #CYCLE_COLUMNS}, {@link #PEAK_COLUMNS}, {@link #PROBE_COLUMNS}) from which the command line's
 * JSON, its text table and CSV files are all derived, so they cannot disagree. Tables are fresh copies.
 */
public final class CyclingTables {
    private CyclingTables() {
    }

    /**
     * One output column: a snake_case name with its unit and how to get the value.
     *
     * @param name  column / JSON key, units in the name
     * @param kind  {@code 'i'} integer, {@code 'd'} double, {@code 's'} text
     * @param value the getter
     */
    public record Col<T>(String name, char kind, Function<T, Object> value) {
    }

    private static String flags(CycleStats c) {
        return String.join("|", c.flags().stream().sorted().map(CycleFlag::name).toList());
    }

    /** The per-cycle columns, in output order. */
    public static final List<Col<CycleStats>> CYCLE_COLUMNS = List.of(
            new Col<>("cycle", 'i', CycleStats::cycle),
            new Col<>("charge_mAh", 'd', CycleStats::chargeMAh),
            new Col<>("discharge_mAh", 'd', CycleStats::dischargeMAh),
            new Col<>("charge_mAh_g", 'd', CycleStats::chargeMAhPerG),
            new Col<>("discharge_mAh_g", 'd', CycleStats::dischargeMAhPerG),
            new Col<>("coulombic_efficiency", 'd', CycleStats::coulombicEfficiency),
            new Col<>("charge_energy_mWh", 'd', CycleStats::chargeEnergyMWh),
            new Col<>("discharge_energy_mWh", 'd', CycleStats::dischargeEnergyMWh),
            new Col<>("energy_efficiency", 'd', CycleStats::energyEfficiency),
            new Col<>("mean_charge_V", 'd', CycleStats::meanChargeV),
            new Col<>("mean_discharge_V", 'd', CycleStats::meanDischargeV),
            new Col<>("charge_end_V", 'd', CycleStats::chargeEndV),
            new Col<>("discharge_end_V", 'd', CycleStats::dischargeEndV),
            new Col<>("onset_discharge_V", 'd', CycleStats::onsetDischargeV),
            new Col<>("ir_drop_V", 'd', CycleStats::irDropV),
            new Col<>("retention_pct", 'd', CycleStats::retentionPct),
            new Col<>("counter_charge_mAh", 'd', CycleStats::counterChargeMAh),
            new Col<>("counter_discharge_mAh", 'd', CycleStats::counterDischargeMAh),
            new Col<>("first_row", 'i', CycleStats::firstRow),
            new Col<>("last_row", 'i', CycleStats::lastRow),
            new Col<>("flags", 's', CyclingTables::flags));

    /** The dQ/dV peak columns. */
    public static final List<Col<DqdvPeak>> PEAK_COLUMNS = List.of(
            new Col<>("direction", 's', p -> p.direction().name().toLowerCase(java.util.Locale.ROOT)),
            new Col<>("voltage_V", 'd', DqdvPeak::voltageV),
            new Col<>("height", 'd', DqdvPeak::height),
            new Col<>("prominence", 'd', DqdvPeak::prominence),
            new Col<>("area_mAh", 'd', DqdvPeak::areaMAh),
            new Col<>("from_V", 'd', DqdvPeak::fromV),
            new Col<>("to_V", 'd', DqdvPeak::toV));

    /** The four-point-probe columns. */
    public static final List<Col<ProbeResult>> PROBE_COLUMNS = List.of(
            new Col<>("sample", 's', r -> r.measurement().sample()),
            new Col<>("geometry", 's', r -> r.measurement().geometry().name().toLowerCase(java.util.Locale.ROOT)),
            new Col<>("voltage_V", 'd', r -> r.measurement().voltageV()),
            new Col<>("current_A", 'd', r -> r.measurement().currentA()),
            new Col<>("thickness_m", 'd', r -> r.measurement().thicknessM()),
            new Col<>("width_m", 'd', r -> r.measurement().widthM()),
            new Col<>("length_m", 'd', r -> r.measurement().lengthM()),
            new Col<>("resistance_ohm", 'd', ProbeResult::resistanceOhm),
            new Col<>("geometry_factor_m", 'd', ProbeResult::geometryFactorM),
            new Col<>("resistivity_ohm_m", 'd', ProbeResult::resistivityOhmM),
            new Col<>("resistivity_ohm_cm", 'd', ProbeResult::resistivityOhmCm),
            new Col<>("conductivity_S_m", 'd', ProbeResult::conductivitySPerM),
            new Col<>("conductivity_S_cm", 'd', ProbeResult::conductivitySPerCm));

    /** Builds a table from rows and columns. */
    public static <T> Table of(String name, List<T> rows, List<Col<T>> cols) {
        Table t = Table.create(name);
        for (Col<T> c : cols) {
            Column<?> col = switch (c.kind()) {
                case 'i' -> {
                    IntColumn ic = IntColumn.create(c.name());
                    rows.forEach(r -> ic.append(((Number) c.value().apply(r)).intValue()));
                    yield ic;
                }
                case 'd' -> {
                    DoubleColumn dc = DoubleColumn.create(c.name());
                    rows.forEach(r -> dc.append(((Number) c.value().apply(r)).doubleValue()));
                    yield dc;
                }
                default -> {
                    StringColumn sc = StringColumn.create(c.name());
                    rows.forEach(r -> sc.append(String.valueOf(c.value().apply(r))));
                    yield sc;
                }
            };
            t.addColumns(col);
        }
        return t;
    }

    /** One row per cycle, columns {@link #CYCLE_COLUMNS} (NaN where a value does not apply). */
    public static Table cycles(CycleSummary s) {
        return of("cycles (" + s.cycles().size() + ")", s.cycles(), CYCLE_COLUMNS);
    }

    /** One row per dQ/dV peak, columns {@link #PEAK_COLUMNS}. */
    public static Table peaks(DqdvResult r) {
        return of("dQ/dV peaks, cycle " + r.cycle(), r.peaks(), PEAK_COLUMNS);
    }

    /** One row per measurement, columns {@link #PROBE_COLUMNS}. */
    public static Table probes(List<ProbeResult> rs) {
        return of("four-point probe (" + rs.size() + ")", rs, PROBE_COLUMNS);
    }

    /**
     * The dQ/dV curve of a cycle, long form: {@code direction}, {@code voltage_V}, {@code dqdv_raw_mAh_V},
     * {@code dqdv_mAh_V} (signed: negative on discharge).
     */
    public static Table dqdvCurve(DqdvResult r) {
        StringColumn dir = StringColumn.create("direction");
        DoubleColumn v = DoubleColumn.create("voltage_V");
        DoubleColumn raw = DoubleColumn.create("dqdv_raw_mAh_V");
        DoubleColumn sm = DoubleColumn.create("dqdv_mAh_V");
        for (DqdvCurve c : new DqdvCurve[] {r.charge(), r.discharge()}) {
            double[] x = c.voltageV();
            double[] y0 = c.dqdvRaw();
            double[] y = c.dqdv();
            for (int j = 0; j < x.length; j++) {
                dir.append(c.direction().name().toLowerCase(java.util.Locale.ROOT));
                v.append(x[j]);
                raw.append(y0[j]);
                sm.append(y[j]);
            }
        }
        return Table.create("dQ/dV, cycle " + r.cycle()).addColumns(dir, v, raw, sm);
    }
}
