package org.cathodekit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.OutputGuard;
import org.cathodekit.core.Plausibility;
import org.cathodekit.core.Parallel;
import org.cathodekit.io.Hdf5MapFile;
import org.cathodekit.io.Hdf5XanesStack;
import org.cathodekit.io.SpectrumFile;
import org.cathodekit.io.AthenaProject;
import org.cathodekit.io.Hdf5XanesStackWriter;
import org.cathodekit.io.XanesLayout;
import org.cathodekit.io.XrmStack;
import org.cathodekit.core.OutputGuard;
import org.cathodekit.xanes.EdgeMaps;
import org.cathodekit.xanes.EdgeOptions;
import org.cathodekit.xanes.EnergyWindow;
import org.cathodekit.xanes.HistogramSet;
import org.cathodekit.xanes.Normalisation;
import org.cathodekit.xanes.SpectrumMetrics;
import org.cathodekit.xanes.Summary;
import org.cathodekit.xanes.ValenceCalibration;
import org.cathodekit.xanes.VoxelMap;
import org.cathodekit.xanes.VoxelStatus;
import org.cathodekit.xanes.WhitelineFit;
import org.cathodekit.xanes.Xanes;
import org.cathodekit.xanes.XanesStatistics;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit xanes map|spectrum|hist|diff|stack}: TXM-XANES edge-energy and white-line maps,
 * single spectra, shared-bin histograms, difference maps (package {@code org.cathodekit.xanes}) and
 * Xradia image stacks written as HDF5 ({@code org.cathodekit.io.XrmStack}).
 */
@Command(name = "xanes", mixinStandardHelpOptions = true,
        description = "TXM-XANES Ni K-edge metrics: maps of HDF5 or Xradia stacks, single spectra (text, XDI, Athena), "
                + "histograms, difference maps; Xradia .xrm scans to HDF5 stacks.",
        subcommands = {XanesCommand.MapCommand.class, XanesCommand.SpectrumCommand.class, XanesCommand.HistCommand.class,
            XanesCommand.DiffCommand.class, XanesCommand.StackCommand.class})
public final class XanesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code START:END} in eV for {@code --pre/--post/--edge/--whiteline}, by the library's one rule
     * ({@link EnergyWindow#parse}); a bad value is a picocli parameter error naming the option (exit 2)
     * before the command runs.
     */
    static final class WindowConverter implements CommandLine.ITypeConverter<EnergyWindow> {
        @Override
        public EnergyWindow convert(String text) {
            try {
                return EnergyWindow.parse(text, "the window");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Options shared by {@code map} and {@code spectrum}. */
    static final class WindowOptions {
        @Option(names = "--pre", paramLabel = "A:B", converter = WindowConverter.class, description = "Pre-edge line window, eV (inclusive).")
        EnergyWindow pre;
        @Option(names = "--post", paramLabel = "C:D", converter = WindowConverter.class, description = "Post-edge line window, eV (inclusive).")
        EnergyWindow post;
        @Option(names = "--edge", paramLabel = "E:F", converter = WindowConverter.class, description = "Window searched for the normalised 0.5 crossing (edge50), eV.")
        EnergyWindow edge;
        @Option(names = "--whiteline", paramLabel = "G:H", converter = WindowConverter.class, description = "White-line fit window, eV.")
        EnergyWindow whiteline;
        @Option(names = "--min-edge-jump", paramLabel = "J", description = "Absolute minimum edge jump (units of mu). "
                + "Default: auto rule, jump <= 0 or < k x its standard error from the pre/post line fits, per voxel (k = --auto-noise-factor).")
        Double minEdgeJump;
        @Option(names = "--auto-noise-factor", paramLabel = "K", defaultValue = "5", description = "k of the auto masking rule (default ${DEFAULT-VALUE}).")
        double autoNoiseFactor;
        @Option(names = "--edge-reference", paramLabel = "E_REF", description = "Edge-jump reference energy, eV (default: middle of the edge window).")
        Double edgeReference;
        @Option(names = "--normalisation", defaultValue = "PRE_POST_LINES", description = "PRE_POST_LINES (default) or CONSTANT_STEP.")
        Normalisation normalisation;
        @Option(names = "--whiteline-fit", defaultValue = "QUADRATIC", description = "QUADRATIC (default, whole window), "
                + "QUADRATIC_AT_MAXIMUM (parabola within --peak-half-width of the highest point), CUBIC, "
                + "or GAUSSIAN (log-parabola: Gaussian centre; NaN where mu <= 0 in the window).")
        WhitelineFit whitelineFit;
        @Option(names = "--peak-half-width", paramLabel = "EV", defaultValue = "3", description = "Half width of the "
                + "QUADRATIC_AT_MAXIMUM sub-window, eV (default ${DEFAULT-VALUE}).")
        double peakHalfWidth;

        EdgeOptions toOptions() {
            EnergyWindow p = pre;
            EnergyWindow q = post;
            EnergyWindow e = edge;
            EnergyWindow w = whiteline;
            boolean any = p != null || q != null || e != null;
            if (any && (p == null || q == null || e == null)) {
                throw new IllegalArgumentException("edge50 needs --pre, --post and --edge together (got --pre " + pre + ", --post " + post
                        + ", --edge " + edge + "); give all three, or only --whiteline for white-line-only scans");
            }
            if (!any && w == null) {
                throw new IllegalArgumentException("give --pre/--post/--edge (edge50), --whiteline, or both");
            }
            return new EdgeOptions(p, q, e, w, minEdgeJump == null ? Double.NaN : minEdgeJump, autoNoiseFactor,
                    edgeReference == null ? Double.NaN : edgeReference, normalisation, whitelineFit, peakHalfWidth);
        }
    }

    static ObjectNode summaryJson(Summary s) {
        String u = s.unit() == null || s.unit().isEmpty() ? "" : "_" + s.unit();
        return JsonOutput.object().put("mean" + u, s.mean()).put("median" + u, s.median()).put("std" + u, s.std())
                .put("count", s.count()).put("min" + u, s.min()).put("max" + u, s.max());
    }

    /** {@code xanes map}. */
    @Command(name = "map", mixinStandardHelpOptions = true,
            description = "Edge50, white-line, edge-jump and status maps of an HDF5 stack (streamed by slab).")
    static final class MapCommand extends JsonCommand {
        @Option(names = "--input", required = true, description = "HDF5 stack (FXI, TXM-Sandbox, APS Data Exchange or --images/--energies), "
                + "or Xradia images: a folder, a .txrm, or a quoted glob such as 'scan/*.xrm' (built as by 'xanes stack'; not aligned).")
        Path input;
        @CommandLine.Mixin
        XradiaOptions xradia = new XradiaOptions();
        @Option(names = "--images", paramLabel = "DSET", description = "Image stack dataset path (overrides detection).")
        String images;
        @Option(names = "--energies", paramLabel = "DSET", description = "Energies dataset path (overrides detection).")
        String energies;
        @CommandLine.ArgGroup(exclusive = false, multiplicity = "1")
        WindowOptions windows = new WindowOptions();
        @Option(names = "--out", required = true, description = "Output HDF5 map file (written atomically).")
        Path out;
        @Option(names = "--slab-mb", defaultValue = "64", description = "Stack data per slab, MB (memory bound; default ${DEFAULT-VALUE}).")
        long slabMb;
        /** Voxels of the opened stack (for the out-of-memory advice), -1 before opening. */
        private long voxels = -1;

        @Override
        protected long[] memoryNeed() {
            // resident: edge50, white-line and edge-jump float maps, the status bytes, and the copies made for writing
            return new long[] {slabMb, voxels < 0 ? -1 : (voxels * (3 * 4 + 1) * 2 >> 20) + 1};
        }

        @Override
        protected ObjectNode compute() throws Exception {
            long t0 = System.nanoTime();
            EdgeOptions o = windows.toOptions();
            if (slabMb <= 0) {
                throw new IllegalArgumentException("--slab-mb must be > 0, got " + slabMb);
            }
            boolean xrm = XrmStack.looksLikeXradia(input.toString());
            if (!xrm) {
                OutputGuard.output("--out", out).notSameAs("--input", input);
            }
            EdgeMaps maps;
            Map<String, String> prov = new LinkedHashMap<>();
            String layout;
            String note;
            XrmStack xs = null;
            if (xrm) {
                if (images != null || energies != null) {
                    throw new IllegalArgumentException("--images/--energies name HDF5 datasets; " + input + " is Xradia input");
                }
                xs = XrmStack.build(input.toString(), xradia.toOptions());
                voxels = (long) xs.depth() * xs.height() * xs.width();
                OutputGuard.output("--out", out).notAnyOf("--input", xs.inputs());
                maps = Xanes.maps(xs, o, Parallel.threads(), slabMb << 20);
                layout = "XRADIA";
                note = "energies from " + xs.groups().get(0).energySource();
                prov.put("input", input.toString());
                prov.put("input_files", String.join(";", xs.inputs().stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()));
                prov.put("layout", layout);
                prov.put("stack", xs.describe());
                prov.put("command", "cathodekit xanes map");
            } else try (Hdf5XanesStack stack = Hdf5XanesStack.open(input, images, energies)) {
                voxels = (long) stack.depth() * stack.height() * stack.width();
                maps = Xanes.maps(stack, o, Parallel.threads(), slabMb << 20);
                layout = stack.layout().name();
                note = stack.energyUnitNote();
                prov.put("input_file", input.toAbsolutePath().normalize().toString());
                prov.put("input_bytes", Long.toString(Files.size(input)));
                prov.put("layout", layout);
                prov.put("images_dataset", stack.imagesPath());
                prov.put("energies_dataset", stack.energiesPath());
                prov.put("energy_unit", note);
                prov.put("command", "cathodekit xanes map");
            }
            // the two summaries (one thread each) run while the maps are written: they only read them (issue 15)
            java.util.concurrent.FutureTask<List<Summary>> summaries = new java.util.concurrent.FutureTask<>(
                    () -> XanesStatistics.summaries(java.util.Arrays.asList(maps.edge50(), maps.whiteline())));
            if (Parallel.threads() > 1) {
                Thread t = new Thread(summaries, "cathodekit-summaries");
                t.setDaemon(true);
                t.start();
            } else {
                summaries.run();
            }
            Hdf5MapFile.write(out, maps, prov);
            ObjectNode r = JsonOutput.object()
                    .put("input", input.toString())
                    .put("layout", layout)
                    .put("energy_note", note)
                    .put("energies", maps.energiesEv().length)
                    .putPOJO("shape", maps.volume() ? new int[] {maps.status().depth(), maps.status().height(), maps.status().width()}
                            : new int[] {maps.status().height(), maps.status().width()})
                    .put("voxels", maps.counts().voxels())
                    .put("valid", maps.counts().valid());
            List<Summary> s;
            try {
                s = summaries.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
            r.put("edge50", s.get(0) == null ? null : summaryJson(s.get(0)));
            r.put("whiteline", s.get(1) == null ? null : summaryJson(s.get(1)));
            r.putPOJO("status_counts", maps.counts().asMap());
            r.putPOJO("warnings", maps.warnings());
            r.put("masking_rule", o.maskingRule());
            r.put("edge_reference_eV", o.resolvedEdgeReferenceEv());
            if (xs != null) {
                r.putPOJO("xradia", xradiaJson(xs));
            }
            r.put("out", out.toString());
            r.put("threads", Parallel.threads());
            r.put("seconds", secondsSince(t0));
            return r;
        }
    }

    /** {@code xanes spectrum}. */
    @Command(name = "spectrum", mixinStandardHelpOptions = true,
            description = "Edge50, white-line energy and edge jump of one spectrum (text, XDI or an Athena .prj group).")
    static final class SpectrumCommand extends JsonCommand {
        @Option(names = "--input", required = true, description = "Spectrum file: text columns (energy eV or keV, mu), XDI, "
                + "or an Athena project (.prj, gzip'd Demeter JSON or Perl data).")
        Path input;
        @Option(names = "--group", paramLabel = "LABEL", description = "Athena group label (or record name, for duplicate labels); default: the only group.")
        String group;
        @Option(names = "--mu-column", paramLabel = "NAME", description = "Channel: mutrans, mufluor, murefer, mu, ln(i0/itrans), "
                + "ifluor/i0, ln(itrans/irefer), or trans|fluor|refer; for text files also a header name or 'column N'. "
                + "Default: the sample channel with the largest edge jump relative to its noise (the JSON names it).")
        String muColumn;
        @Option(names = "--energy-tolerance", paramLabel = "EV", defaultValue = "0.05", description = "Monochromator jitter: "
                + "energies stepping back by at most this (eV) are sorted and duplicates merged, with a warning; larger steps "
                + "back are refused (default ${DEFAULT-VALUE}).")
        double energyTolerance;
        @CommandLine.ArgGroup(exclusive = false, multiplicity = "1")
        WindowOptions windows = new WindowOptions();

        @Override
        protected ObjectNode compute() {
            EdgeOptions o = windows.toOptions();
            SpectrumFile s;
            AthenaProject prj = null;
            AthenaProject.Group ag = null;
            if (AthenaProject.looksLikeProject(org.cathodekit.io.Inspect.head(input))) {
                if (muColumn != null) {
                    throw new IllegalArgumentException("--mu-column does not apply to an Athena project (" + input + "): a group holds one mu");
                }
                prj = AthenaProject.read(input);
                ag = prj.group(group);
                s = SpectrumFile.of(input, "Athena .prj (" + prj.generation() + ")", ag.energiesEv(), ag.y(), "x + bkg_eshift", "y",
                        "group '" + ag.label() + "' (record " + ag.name() + "), energies x + Athena's bkg_eshift ("
                        + (Double.isFinite(ag.athena().eshiftEv()) ? ag.athena().eshiftEv() : 0.0) + " eV), the axis Athena's e0 refers to",
                        energyTolerance);
            } else {
                if (group != null) {
                    throw new IllegalArgumentException("--group applies to Athena .prj projects only; " + input + " is not one");
                }
                s = SpectrumFile.read(input, new SpectrumFile.Options(muColumn, energyTolerance));
            }
            // one spectrum: a non-finite value leaves no metric (maps mark such voxels NON_FINITE and go on), so say where it is
            double[] mu = s.mu();
            for (int i = 0; i < mu.length; i++) {
                if (!Double.isFinite(mu[i])) {
                    throw new DataFormatException(input, "data point " + (i + 1) + " of " + mu.length + " (energy "
                            + s.energiesEv()[i] + " eV), column " + s.muColumn(), "mu is " + mu[i]
                            + "; a spectrum with a non-finite value has no metrics: fix or remove that point");
                }
            }
            SpectrumMetrics m;
            try {
                m = Xanes.spectrum(s.energiesEv(), s.mu(), o);
            } catch (DataFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(input, null, e.getMessage(), e);
            }
            List<String> st = new ArrayList<>();
            m.status().forEach(v -> st.add(v.name()));
            ObjectNode r = JsonOutput.object()
                    .put("input", input.toString())
                    .put("format", s.format())
                    .put("points", s.energiesEv().length)
                    .put("mu_column", s.muColumn())
                    .putPOJO("available_channels", s.availableChannels())
                    .put("note", s.note())
                    .putPOJO("warnings", s.warnings())
                    .put("edge50_eV", m.edge50Ev())
                    .put("whiteline_eV", m.whitelineEv())
                    .put("edge_jump", m.edgeJump())
                    .putPOJO("status", st)
                    .put("masking_rule", o.maskingRule())
                    .putPOJO("warnings", m.status().contains(VoxelStatus.IMPLAUSIBLE)
                            ? List.of("the spectrum holds implausible mu values (more than "
                                    + Plausibility.WHITELINE_MU_MAX_JUMPS + " edge jumps from the pre-edge level): no metrics")
                            : List.of());
            if (ag != null) {
                r.put("group", ag.label()).putPOJO("groups", prj.labels()).put("athena", ag.athena().toJson());
            }
            return r;
        }
    }

    /** {@code xanes hist}. */
    @Command(name = "hist", mixinStandardHelpOptions = true,
            description = "Histograms of one or more maps on shared bins, with mean/median/std/FWHM.")
    static final class HistCommand extends JsonCommand {
        @Option(names = "--maps", required = true, arity = "1..*", description = "Map files (HDF5).")
        List<Path> maps;
        @Option(names = "--dataset", defaultValue = "edge50", description = "Dataset in each file (default ${DEFAULT-VALUE}).")
        String dataset;
        @Option(names = "--labels", split = ",", description = "Labels, comma separated (default: file names).")
        List<String> labels;
        @Option(names = "--bin-width", defaultValue = "0.1", description = "Bin width in the map's unit (default ${DEFAULT-VALUE}).")
        double binWidth;
        @Option(names = "--valence", paramLabel = "E1:V1,E2:V2", description = "Linear energy->valence calibration through two references.")
        String valence;

        @Override
        protected ObjectNode compute() throws Exception {
            if (labels != null && labels.size() != maps.size()) {
                throw new IllegalArgumentException("--labels has " + labels.size() + " labels for " + maps.size() + " maps");
            }
            ValenceCalibration cal = valence == null ? null : parseValence(valence);
            List<VoxelMap> ms = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (Path p : maps) {
                VoxelMap m = plausible(Hdf5MapFile.readMap(p, dataset), p, warnings);
                ms.add(cal == null ? m : cal.apply(m));
            }
            HistogramSet h;
            try {
                h = XanesStatistics.histograms(ms, binWidth);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(maps.get(0), "dataset " + dataset + " of " + maps, e.getMessage());
            }
            List<Object> ds = new ArrayList<>();
            for (int i = 0; i < ms.size(); i++) {
                HistogramSet.Dataset d = h.datasets().get(i);
                ObjectNode o = summaryJson(d.summary());
                String u = d.summary().unit() == null || d.summary().unit().isEmpty() ? "" : "_" + d.summary().unit();
                o.put("label", labels == null ? maps.get(i).getFileName().toString() : labels.get(i))
                        .put("file", maps.get(i).toString())
                        .put("fwhm" + u, d.fwhm())
                        .put("below_range", d.below())
                        .put("above_range", d.above())
                        .putPOJO("counts", d.counts());
                ds.add(o);
            }
            return JsonOutput.object().put("dataset", dataset).put("unit", ms.get(0).unit()).put("bin_width", h.binWidth())
                    .putPOJO("bin_edges", h.edges()).put("calibration", valence).putPOJO("warnings", warnings).putPOJO("datasets", ds);
        }
    }

    /**
     * The map plausibility rule of {@link Plausibility#screenMap} on a map read from {@code file}:
     * implausible values become NaN and a warning naming the file is added.
     */
    static VoxelMap plausible(VoxelMap m, Path file, List<String> warnings) {
        float[][][] a = m.toArray();
        int plane = m.height() * m.width();
        float[] flat = new float[(int) m.voxels()];
        for (int z = 0; z < a.length; z++) {
            for (int y = 0; y < a[z].length; y++) {
                System.arraycopy(a[z][y], 0, flat, z * plane + y * m.width(), m.width());
            }
        }
        Plausibility.MapScreen screen = Plausibility.screenMap(flat, m.unit());
        if (screen.warning() == null) {
            return m;
        }
        warnings.add(file + ", dataset " + m.name() + ": " + screen.warning());
        float[] v = screen.values();
        for (int z = 0; z < a.length; z++) {
            for (int y = 0; y < a[z].length; y++) {
                System.arraycopy(v, z * plane + y * m.width(), a[z][y], 0, m.width());
            }
        }
        return VoxelMap.of(m.name(), m.unit(), a);
    }

    static ValenceCalibration parseValence(String s) {
        String[] refs = s.split(",");
        if (refs.length != 2) {
            throw new IllegalArgumentException("--valence must be E1:V1,E2:V2 (eV:valence), got '" + s + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 2; i++) {
            String[] p = refs[i].trim().split(":");
            if (p.length != 2) {
                throw new IllegalArgumentException("--valence must be E1:V1,E2:V2 (eV:valence), got '" + s + "'");
            }
            try {
                v[2 * i] = Double.parseDouble(p[0].trim());
                v[2 * i + 1] = Double.parseDouble(p[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--valence must be E1:V1,E2:V2 with numbers, got '" + s + "'");
            }
        }
        return new ValenceCalibration(v[0], v[1], v[2], v[3]);
    }

    /** {@code xanes diff}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Voxel-wise difference B - A of two maps and its histogram; with --register, B is first "
                    + "moved onto A by rigid sub-voxel registration (tomo register) and only voxels inside both "
                    + "particles are counted.")
    static final class DiffCommand extends JsonCommand {
        @Option(names = "--a", required = true, description = "Map file A (e.g. 25 C).")
        Path a;
        @Option(names = "--b", required = true, description = "Map file B (e.g. 150 C).")
        Path b;
        @Option(names = "--dataset", defaultValue = "whiteline", description = "Dataset in both files (default ${DEFAULT-VALUE}).")
        String dataset;
        @Option(names = "--bin-width", defaultValue = "0.1", description = "Histogram bin width (default ${DEFAULT-VALUE}).")
        double binWidth;
        @Option(names = "--out", description = "Write the difference map here (HDF5, atomic).")
        Path out;
        @Option(names = "--register", description = "Register B onto A (translation, 1/20 voxel) before subtracting.")
        boolean register;

        @Override
        protected ObjectNode compute() throws Exception {
            OutputGuard.output("--out", out).notSameAs("--a", a).notSameAs("--b", b);
            List<String> warnings = new ArrayList<>();
            VoxelMap ma = plausible(Hdf5MapFile.readMap(a, dataset), a, warnings);
            VoxelMap mb = plausible(Hdf5MapFile.readMap(b, dataset), b, warnings);
            org.cathodekit.tomo.RegistrationResult reg = null;
            if (register) {
                if (ma.depth() != mb.depth() || ma.height() != mb.height() || ma.width() != mb.width()) {
                    throw new DataFormatException(b, "dataset " + dataset, "has shape [" + mb.depth() + ", " + mb.height() + ", "
                            + mb.width() + "] but A = " + a + " has [" + ma.depth() + ", " + ma.height() + ", " + ma.width()
                            + "]; expected equal shapes");
                }
                org.cathodekit.core.FloatVolume va = ma.toVolume();
                org.cathodekit.core.FloatVolume vb = mb.toVolume();
                reg = org.cathodekit.tomo.Registration.register(va, vb);
                if (!reg.registered()) {
                    throw new DataFormatException(b, "dataset " + dataset, String.format(java.util.Locale.ROOT,
                            "cannot be registered onto A = %s: correlation peak %.3f is below %.3f (expected two maps of the "
                                    + "same particle)", a, reg.peak(), reg.options().minPeak()));
                }
                mb = VoxelMap.of(mb.name(), mb.unit(), org.cathodekit.tomo.Translation.apply(vb, reg.shiftVox()));
            }
            VoxelMap d;
            try {
                d = XanesStatistics.difference(ma, mb);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(b, "dataset " + dataset, e.getMessage() + " (A = " + a + ")");
            }
            HistogramSet h;
            try {
                h = XanesStatistics.histograms(List.of(d), binWidth);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(b, "dataset " + dataset, "B - A has no finite voxel (A = " + a + " has "
                        + XanesStatistics.summary(ma).count() + " finite voxels, B has " + XanesStatistics.summary(mb).count()
                        + "; NaN where either map is NaN): " + e.getMessage());
            }
            HistogramSet.Dataset hd = h.datasets().get(0);
            if (out != null) {
                Map<String, String> prov = new LinkedHashMap<>();
                prov.put("a_file", a.toAbsolutePath().normalize().toString());
                prov.put("b_file", b.toAbsolutePath().normalize().toString());
                prov.put("dataset", dataset);
                prov.put("definition", reg == null ? "difference = B - A voxel by voxel, NaN where either is NaN"
                        : "difference = B(x - s) - A(x), B moved by the registration shift s (trilinear), NaN where either is NaN");
                if (reg != null) {
                    prov.put("registration_shift_vox", java.util.Arrays.toString(reg.shiftVox()));
                }
                Hdf5MapFile.writeMaps(out, List.of(renamed(d, "difference")), prov);
            }
            String u = d.unit() == null || d.unit().isEmpty() ? "" : "_" + d.unit();
            ObjectNode r = summaryJson(hd.summary());
            r.put("a", a.toString()).put("b", b.toString()).put("dataset", dataset)
                    .put("fwhm" + u, hd.fwhm())
                    .put("a_count", XanesStatistics.summary(ma).count())
                    .put("b_count", XanesStatistics.summary(mb).count())
                    .put("bin_width", h.binWidth()).putPOJO("bin_edges", h.edges()).putPOJO("counts", hd.counts())
                    .put("out", out == null ? null : out.toString())
                    .putPOJO("warnings", warnings);
            r.put("registered", reg != null);
            if (reg != null) {
                double[] sh = reg.shiftVox();
                r.putPOJO("shift_vox", ma.depth() == 1 ? new double[] {sh[1], sh[2]} : sh)
                        .put("registration_peak", reg.peak())
                        .put("note", "B was moved onto A by the shift_vox translation (sub-voxel, trilinear) before subtracting;"
                                + " only voxels inside both particles are counted");
            }
            return r;
        }

        private static VoxelMap renamed(VoxelMap m, String name) {
            return m.affine(0, 1, name, m.unit());
        }
    }

    /** Options of the Xradia stack builder (shared by {@code map} and {@code stack}). */
    static final class XradiaOptions {
        @Option(names = "--reference-pattern", paramLabel = "REGEX", description = "Xradia: file names (regex, searched) of "
                + "reference (flat-field) images (default: a ref/reference/flat/bkg token, as SSRL 6-2c and APS 32-ID name them).")
        String referencePattern;
        @Option(names = "--dark-pattern", paramLabel = "REGEX", description = "Xradia: file names of dark-current images "
                + "(default: a dark/darkfield token).")
        String darkPattern;
        @Option(names = "--energy-group-tolerance", paramLabel = "EV", defaultValue = "0.05", description = "Xradia: images "
                + "within this energy (eV) are repetitions of one energy and averaged (default ${DEFAULT-VALUE}).")
        double energyGroupTolerance;

        XrmStack.Options toOptions() {
            XrmStack.Options x = new XrmStack.Options(XrmStack.Options.DEFAULTS.referencePattern(),
                    XrmStack.Options.DEFAULTS.darkPattern(), energyGroupTolerance);
            try {
                if (referencePattern != null) {
                    x = x.withReferencePattern(referencePattern);
                }
                if (darkPattern != null) {
                    x = x.withDarkPattern(darkPattern);
                }
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("--reference-pattern/--dark-pattern is not a valid regex: " + e.getDescription());
            }
            return x;
        }
    }

    static ObjectNode xradiaJson(XrmStack xs) {
        List<Object> groups = new ArrayList<>();
        for (XrmStack.EnergyGroup g : xs.groups()) {
            groups.add(JsonOutput.object().put("energy_eV", g.energyEv()).put("sample_images", g.sampleImages())
                    .put("reference_images", g.referenceImages()));
        }
        return JsonOutput.object().put("files", xs.inputs().size()).put("energy_source", xs.groups().get(0).energySource())
                .put("pixel_size_nm", xs.pixelSizeUm() * 1000.0).put("dark_images", xs.darkImages())
                .put("absorbance", "-ln(((S - D) / (R - D)) * (t_R / t_S))").put("aligned", false)
                .putPOJO("energies", groups).putPOJO("warnings", xs.warnings());
    }

    /** {@code xanes stack}. */
    @Command(name = "stack", mixinStandardHelpOptions = true,
            description = {"Build an absorbance stack -ln(I/I_ref) from Xradia .xrm/.txrm images (sample, reference and dark "
                + "images grouped by energy, repetitions averaged) and write it as an NSLS-II FXI HDF5 stack "
                + "(/img_xanes, /X_eng in keV).",
                "Images are NOT aligned between energies: register the stack elsewhere if the sample drifted."})
    static final class StackCommand extends JsonCommand {
        @Option(names = "--input", required = true, description = "A folder, a .xrm/.txrm file, or a quoted glob such as 'scan/*.xrm'.")
        String input;
        @CommandLine.Mixin
        XradiaOptions xradia = new XradiaOptions();
        @Option(names = "--out", required = true, description = "Output HDF5 stack (FXI layout, written atomically).")
        Path out;

        @Override
        protected ObjectNode compute() throws Exception {
            long t0 = System.nanoTime();
            List<Path> files = XrmStack.resolve(input);
            OutputGuard.output("--out", out).notAnyOf("--input", files);
            XrmStack xs = XrmStack.build(input, xradia.toOptions());
            Hdf5XanesStackWriter.write(out, XanesLayout.NSLS2_FXI, xs.energiesEv(), xs.toArray(), false, 0);
            return JsonOutput.object().put("input", input).put("layout", XanesLayout.NSLS2_FXI.name())
                    .putPOJO("shape", new int[] {xs.energiesEv().length, xs.height(), xs.width()})
                    .putPOJO("xradia", xradiaJson(xs)).put("out", out.toString()).put("seconds", secondsSince(t0));
        }
    }
}
