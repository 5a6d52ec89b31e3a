package org.cathodekit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.JsonOutput;
import org.cathodekit.cycling.FourPointProbe;
import org.cathodekit.cycling.ProbeMeasurement;
import org.cathodekit.cycling.ProbeResult;
import org.cathodekit.cycling.ProbeTable;
import org.cathodekit.table.CyclingTables;

import com.fasterxml.jackson.databind.node.ObjectNode;

import tech.tablesaw.api.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit conductivity --input TABLE.csv --json}, or one measurement from options
 * ({@code --geometry thin_film --voltage-mv 2.3 --current-ma 1 --thickness-um 1.5}): four-point-probe
 * resistivity and conductivity (paper C eq. 3).
 */
@Command(name = "conductivity", mixinStandardHelpOptions = true,
        description = "Four-point-probe resistivity and conductivity (paper C eq. 3): rho = (pi t / ln 2)(V/I) for a "
                + "thin film, rho = (w L / t)(V/I) for a pellet, sigma = 1/rho. Input: a CSV table "
                + "(sample,geometry,voltage_mV,current_mA,thickness_um,width_mm,length_mm; units in the header) or "
                + "one measurement from options. Reads only; writes only --csv.")
final class ConductivityCommand extends JsonCommand {
    @Option(names = "--input", description = "Measurement table (CSV, read-only).")
    Path input;

    @Option(names = "--geometry", description = "thin_film or pellet (single measurement).")
    String geometry;

    @Option(names = "--voltage-mv", description = "Voltage between the inner probes [mV].")
    Double voltageMv;

    @Option(names = "--current-ma", description = "Current through the outer probes [mA].")
    Double currentMa;

    @Option(names = "--thickness-um", description = "Thickness t [um].")
    Double thicknessUm;

    @Option(names = "--width-mm", description = "Pellet width w [mm].")
    Double widthMm;

    @Option(names = "--length-mm", description = "Pellet length L [mm].")
    Double lengthMm;

    @picocli.CommandLine.Mixin
    CsvOutput csv = new CsvOutput();

    /** The results of the last {@link #compute()}, for {@link #table}. */
    private List<ProbeResult> results;


    @Override
    protected List<Path> inputs() {
        return input == null ? List.of() : List.of(input);
    }

    /** One row per measurement ({@link CyclingTables#probes}). */
    @Override
    protected Table table(Object json) {
        return CyclingTables.probes(results);
    }

    @Override
    protected java.util.Map<String, List<String>> textColumns() {
        return java.util.Map.of("measurements", List.of("sample", "geometry", "resistance_ohm", "resistivity_ohm_cm",
                "conductivity_S_cm"));
    }

    @Override
    protected ObjectNode compute() throws Exception {
        List<ProbeMeasurement> ms;
        if (input != null) {
            if (geometry != null || voltageMv != null || currentMa != null || thicknessUm != null) {
                throw new IllegalArgumentException("give either --input TABLE or a single measurement (--geometry ...), not both");
            }
            ms = ProbeTable.read(input);
        } else {
            if (geometry == null || voltageMv == null || currentMa == null || thicknessUm == null) {
                throw new IllegalArgumentException("expected --input TABLE, or --geometry, --voltage-mv, --current-ma and "
                        + "--thickness-um (and --width-mm, --length-mm for a pellet)");
            }
            String g = geometry.trim().toLowerCase(Locale.ROOT);
            ms = List.of(switch (g) {
                case "thin_film", "film" -> ProbeMeasurement.thinFilm("sample", voltageMv / 1e3, currentMa / 1e3, thicknessUm / 1e6);
                case "pellet" -> {
                    if (widthMm == null || lengthMm == null) {
                        throw new IllegalArgumentException("a pellet needs --width-mm and --length-mm");
                    }
                    yield ProbeMeasurement.pellet("sample", voltageMv / 1e3, currentMa / 1e3, thicknessUm / 1e6,
                            widthMm / 1e3, lengthMm / 1e3);
                }
                default -> throw new IllegalArgumentException("--geometry must be thin_film or pellet, got '" + geometry + "'");
            });
        }
        List<ProbeResult> rs = FourPointProbe.of(ms);
        results = rs;
        return JsonOutput.object()
                .put("file", input == null ? null : input.toString())
                .put("equation", "paper C eq. 3: thin film rho = (pi t / ln 2)(V/I); pellet rho = (w L / t)(V/I); sigma = 1/rho")
                .put("csv", csv.file() == null ? null : csv.file().toString())
                .putPOJO("measurements", CyclingCli.json(rs, CyclingTables.PROBE_COLUMNS));
    }
}
