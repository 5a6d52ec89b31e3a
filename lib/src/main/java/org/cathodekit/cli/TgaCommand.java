package org.cathodekit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.AtomicFiles;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.OutputGuard;
import org.cathodekit.io.TgaCurve;
import org.cathodekit.io.TgaInspector;
import org.cathodekit.io.TgaReader;
import org.cathodekit.thermal.ChemicalFormula;
import org.cathodekit.thermal.Onset;
import org.cathodekit.thermal.OnsetMethod;
import org.cathodekit.thermal.OxygenCurve;
import org.cathodekit.thermal.OxygenLoss;
import org.cathodekit.thermal.Replicates;
import org.cathodekit.thermal.Tga;
import org.cathodekit.thermal.TgaOptions;
import org.cathodekit.thermal.TgaResult;
import org.cathodekit.thermal.Thermogram;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit tga --input F --formula Li0.3Ni0.8Mn0.1Co0.1O2 [--reference-temp-c 150]
 * [--onset iso|astm|dtg|mass-loss:1] [--at-temp-c 290] --json}: onset temperature, DTG peak, mass
 * loss and oxygen per formula unit of one TGA export (paper B).
 *
 * <p>JSON keys: {@code onset_C} (null when there is no onset), {@code onset_method},
 * {@code dtg_peak_C}, {@code mass_loss_pct} (at {@code --at-temp-c}, relative to the reference
 * mass), {@code delta_O_per_fu}, {@code O_per_fu} (null without {@code --formula}); and more:
 * the onset's construction, every definition's onset, the detected file layout and units. With
 * several {@code --input} files (replicates) the six keys hold the means, {@code <key>_std} the
 * sample standard deviations, {@code warnings} every file's warnings prefixed with its name, and
 * {@code replicates} the per-file objects.
 *
 * <p>Segments: the export's segments (TA markers, NETZSCH {@code Segment} column, Pyris stages; one
 * "whole file" segment otherwise) are listed in {@code segments}; one is analysed: {@code --segment N},
 * or by the rule of {@link TgaCurve#defaultSegment()} (the heating segment with the largest mass loss),
 * which {@code warnings} then says when the file has more than one segment; when the step is not complete
 * at the end of the segment, the further loss in the rows after it is said too. {@code warnings} also
 * carries the reader's doubts and the analysis's ("step not complete").
 */
@Command(name = "tga", mixinStandardHelpOptions = true,
        description = "TGA: onset of the mass-loss step (ISO 11358-1, ASTM E2550, DTG threshold or fixed mass loss), "
                + "DTG peak, mass loss and oxygen per formula unit (all loss counted as oxygen).")
final class TgaCommand extends JsonCommand {
    @Option(names = "--input", required = true, arity = "1..*", description = "TGA export(s): CSV/TSV, TA (UTF-16 included), Mettler STARe, NETZSCH Proteus, Setaram or PerkinElmer Pyris text "
            + "(read-only). Several files (replicates): the keys hold the mean, *_std the sample standard deviation.")
    List<Path> inputs;

    @Option(names = "--formula", description = "Formula at the reference state, e.g. Li0.3Ni0.8Mn0.1Co0.1O2 (enables delta_O_per_fu and O_per_fu).")
    String formula;

    @Option(names = "--reference-temp-c", description = "Temperature (C) of the 100 %% mass, e.g. 150 after moisture loss (default: the initial mass).")
    Double referenceTempC;

    @Option(names = "--onset", defaultValue = "iso", description = "Onset definition: iso, astm[:%%-points], dtg[:fraction], mass-loss:%% (default ${DEFAULT-VALUE}).")
    String onset;

    @Option(names = "--at-temp-c", description = "Temperature (C) for mass_loss_pct and the oxygen numbers (default: the highest temperature).")
    Double atTempC;

    @Option(names = "--inactive-fraction", defaultValue = "0", description = "Mass fraction of binder/carbon that loses no oxygen (default ${DEFAULT-VALUE}).")
    double inactiveFraction;

    @Option(names = "--baseline-c", paramLabel = "START:END", converter = Range.Converter.class,
            description = "Baseline window START:END in C (default: automatic).")
    Range baselineC;

    @Option(names = "--step-window-c", paramLabel = "START:END", converter = Range.Converter.class,
            description = "Search the DTG extremum in START:END C (default: from the reference temperature on).")
    Range stepWindowC;

    @Option(names = "--dtg-window-k", description = "Savitzky-Golay window width in K (default 5).")
    Double dtgWindowK;

    @Option(names = "--segment", description = "Analyse segment N (1-based, as listed in 'segments' and by inspect; "
            + "default: the heating segment with the largest mass loss).")
    Integer segment;

    @Option(names = "--curve-out", description = "Write T, mass %%, DTG and O per formula unit as CSV here (atomically).")
    Path curveOut;

    @Override
    protected ObjectNode compute() throws IOException {
        OutputGuard.output("--curve-out", curveOut).notAnyOf("--input", inputs);
        ChemicalFormula f = formula == null ? null : ChemicalFormula.parse(formula);
        if (f != null && !(f.amountOf("O") > 0)) {
            throw new IllegalArgumentException("--formula '" + formula + "' contains no oxygen; expected an oxide such as Li0.3Ni0.8Mn0.1Co0.1O2");
        }
        if (!(inactiveFraction >= 0 && inactiveFraction < 1)) {
            throw new IllegalArgumentException("--inactive-fraction must lie in [0, 1), got " + inactiveFraction);
        }
        TgaOptions opt = parseOnset(onset, TgaOptions.DEFAULTS);
        if (referenceTempC != null) {
            opt = opt.withReferenceTemperatureC(referenceTempC);
        }
        if (dtgWindowK != null) {
            opt = opt.withDtgWindowK(dtgWindowK);
        }
        if (baselineC != null) {
            opt = opt.withBaselineWindowC(baselineC.lo(), baselineC.hi());
        }
        if (stepWindowC != null) {
            opt = opt.withStepSearchC(stepWindowC.lo(), stepWindowC.hi());
        }
        if (inputs.size() == 1) {
            return analyzeOne(inputs.get(0), opt, f, curveOut, new double[5]);
        }
        if (curveOut != null) {
            throw new IllegalArgumentException("--curve-out needs exactly one --input, got " + inputs.size());
        }
        double[][] values = new double[5][inputs.size()];
        List<ObjectNode> each = new java.util.ArrayList<>();
        String label = null;
        for (int i = 0; i < inputs.size(); i++) {
            double[] v = new double[5];
            ObjectNode one = analyzeOne(inputs.get(i), opt, f, null, v);
            label = JsonOutput.tree(one).path("onset_method").asText(null);
            for (int k = 0; k < 5; k++) {
                values[k][i] = v[k];
            }
            each.add(one);
        }
        String[] keys = {"onset_C", "dtg_peak_C", "mass_loss_pct", "delta_O_per_fu", "O_per_fu"};
        ObjectNode out = JsonOutput.object();
        for (int k = 0; k < 5; k++) {
            Replicates.Summary sm = Replicates.of(values[k]);
            out.put(keys[k], sm.n() == 0 ? null : sm.mean());
            if (k == 0) {
                out.put("onset_method", label);
            }
            out.put(keys[k] + "_std", sm.n() < 2 ? null : sm.std());
        }
        Replicates.Summary on = Replicates.of(values[0]);
        List<String> warnings = new java.util.ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            for (com.fasterxml.jackson.databind.JsonNode x : JsonOutput.tree(each.get(i)).path("warnings")) {
                warnings.add(inputs.get(i).getFileName() + ": " + x.asText());
            }
        }
        return out.put("n", inputs.size()).put("onsets_found", on.n()).putPOJO("warnings", warnings).putPOJO("replicates", each);
    }

    /** Analyses one file; {@code numbers} receives onset, DTG peak, mass loss, delta, O (NaN when absent). */
    private ObjectNode analyzeOne(Path input, TgaOptions opt, ChemicalFormula f, Path curveOut, double[] numbers)
            throws IOException {
        TgaCurve curve = TgaReader.read(input);
        TgaCurve.Segment seg = segment != null ? curve.segment(segment) : curve.defaultSegment();
        List<String> segmentWarnings = new java.util.ArrayList<>();
        if (segment == null && curve.segments().size() > 1) {
            segmentWarnings.add("the onset is from " + seg.describe() + ", chosen by rule (the heating segment with the largest "
                    + "mass loss) among " + curve.segments().size() + " segments; name another with --segment N");
        }
        if (seg.kind() != TgaCurve.SegmentKind.HEATING) {
            segmentWarnings.add("the analysed " + seg.describe() + " is not a heating segment: onsets and the DTG are defined "
                    + "against temperature on a ramp");
        }
        double[] time = curve.timeS();
        Thermogram th = new Thermogram(time == null ? null : Arrays.copyOfRange(time, seg.firstRow(), seg.endRow()),
                Arrays.copyOfRange(curve.temperatureC(), seg.firstRow(), seg.endRow()),
                Arrays.copyOfRange(curve.mass(), seg.firstRow(), seg.endRow()), curve.massUnit());
        TgaResult r;
        try {
            r = Tga.analyze(th, opt);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(input + ": " + e.getMessage(), e);
        }
        List<String> warnings = new java.util.ArrayList<>(curve.warnings());
        warnings.addAll(segmentWarnings);
        warnings.addAll(r.warnings());
        if (seg.endRow() < curve.size() && r.warnings().stream().anyMatch(w -> w.startsWith("step not complete"))) {
            double[] m = curve.mass();
            double min = m[seg.endRow() - 1];
            for (int i = seg.endRow(); i < m.length; i++) {
                min = Math.min(min, m[i]);
            }
            warnings.add(String.format(Locale.ROOT, "after segment %d the mass falls by a further %.3g %% of the reference mass "
                    + "in the %d rows that follow (%s)", seg.index(), 100 * (m[seg.endRow() - 1] - min)
                    / r.referenceMass(), m.length - seg.endRow(), seg.index() + 1 == curve.segments().size()
                            ? "segment " + curve.segments().size()
                            : "segments " + (seg.index() + 1) + "-" + curve.segments().size()));
        }
        double at = atTempC != null ? atTempC : r.maxTemperatureC();
        double lossPct;
        try {
            lossPct = r.massLossPctAt(at);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--at-temp-c: " + e.getMessage(), e);
        }
        Double delta = null;
        Double oPerFu = null;
        OxygenCurve oc = null;
        if (f != null) {
            delta = OxygenLoss.deltaO(lossPct / 100.0, f, inactiveFraction);
            oPerFu = f.amountOf("O") - delta;
            oc = OxygenLoss.curve(r, f, inactiveFraction);
        }
        Onset on = r.onset();
        ObjectNode out = JsonOutput.object()
                .put("onset_C", on.found() ? on.temperatureC() : null)
                .put("onset_method", on.label())
                .put("dtg_peak_C", r.stepFound() ? r.dtgPeakC() : null)
                .put("mass_loss_pct", lossPct)
                .put("delta_O_per_fu", delta)
                .put("O_per_fu", oPerFu)
                .put("onset_found", on.found())
                .put("onset_note", on.note())
                .put("onset_standard", on.method().name())
                .putPOJO("baseline_window_C", new double[] {on.baselineStartC(), on.baselineEndC()})
                .put("baseline_slope_pct_per_K", on.baselineSlopePctPerK())
                .put("inflection_C", on.inflectionC())
                .put("inflection_slope_pct_per_K", on.inflectionSlopePctPerK())
                .putPOJO("inflection_window_C", new double[] {on.inflectionWindowStartC(), on.inflectionWindowEndC()})
                .put("dtg_peak_pct_per_K", r.dtgPeakPctPerK())
                .put("dtg_window_points", r.dtgWindowPoints())
                .put("dtg_window_K", r.dtgWindowK())
                .put("at_temp_C", at)
                .put("reference_temp_C", r.referenceTemperatureC())
                .put("reference_mass", r.referenceMass())
                .put("mass_unit", r.massUnit())
                .put("formula", f == null ? null : f.text())
                .put("molar_mass_g_per_mol", f == null ? null : f.molarMassGPerMol())
                .put("inactive_fraction", inactiveFraction);
        ObjectNode all = JsonOutput.object();
        for (OnsetMethod m : OnsetMethod.values()) {
            Onset o = r.onset(m);
            all.put(o.label(), o.found() ? o.temperatureC() : null);
        }
        out.putPOJO("onsets_C", all)
                .put("format", curve.format().description())
                .put("encoding", curve.charset().name())
                .put("dialect", curve.dialect())
                .putPOJO("columns", List.of(curve.timeColumn() == null ? "" : curve.timeColumn(), curve.temperatureColumn(),
                        curve.massColumn()))
                .putPOJO("source_units", curve.sourceUnits())
                .put("rows", curve.size())
                .put("skipped_rows", curve.skippedRows())
                .putPOJO("notes", curve.notes())
                .put("segment", seg.index())
                .putPOJO("segments", TgaInspector.segmentsJson(curve))
                .putPOJO("warnings", warnings)
                .put("input", input.toString());
        if (curveOut != null) {
            writeCurve(curveOut, r, oc);
            out.put("curve_out", curveOut.toString());
        }
        numbers[0] = on.found() ? on.temperatureC() : Double.NaN;
        numbers[1] = r.stepFound() ? r.dtgPeakC() : Double.NaN;
        numbers[2] = lossPct;
        numbers[3] = delta == null ? Double.NaN : delta;
        numbers[4] = oPerFu == null ? Double.NaN : oPerFu;
        return out;
    }

    private static void writeCurve(Path file, TgaResult r, OxygenCurve oc) throws IOException {
        double[] t = r.temperatureC();
        double[] m = r.massPct();
        double[] d = r.dtgPctPerK();
        double[] o = oc == null ? null : oc.oxygenPerFu();
        StringBuilder sb = new StringBuilder(t.length * 48);
        sb.append("temperature (C),mass (%),dtg (%/K)").append(o == null ? "" : ",O per formula unit").append('\n');
        for (int i = 0; i < t.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.3f,%.5f,%.6g", t[i], m[i], d[i]));
            if (o != null) {
                sb.append(String.format(Locale.ROOT, ",%.5f", o[i]));
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    static TgaOptions parseOnset(String spec, TgaOptions base) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String name = s;
        String arg = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            name = s.substring(0, colon);
            arg = s.substring(colon + 1);
        }
        OnsetMethod method = null;
        for (OnsetMethod m : OnsetMethod.values()) {
            if (m.cliName().equals(name)) {
                method = m;
            }
        }
        if (method == null || (method == OnsetMethod.ISO_11358_EXTRAPOLATED && arg != null)) {
            throw new IllegalArgumentException("--onset '" + spec + "' not recognised; expected iso, astm[:%-points], "
                    + "dtg[:fraction] or mass-loss:percent (e.g. mass-loss:1)");
        }
        TgaOptions o = base.withOnsetMethod(method);
        if (arg != null) {
            double v;
            try {
                v = Double.parseDouble(arg);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--onset '" + spec + "': '" + arg + "' is not a number");
            }
            o = switch (method) {
                case ASTM_E2550_DEVIATION -> o.withAstmDeviationPct(v);
                case DTG_THRESHOLD -> o.withDtgThresholdFraction(v);
                case FIXED_MASS_LOSS -> o.withFixedMassLossPct(v);
                default -> o;
            };
        }
        return o;
    }
}
