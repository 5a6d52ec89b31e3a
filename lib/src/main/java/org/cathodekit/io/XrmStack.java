package org.cathodekit.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.xanes.StackSource;

/**
 * A TXM-XANES absorbance stack built from Xradia images ({@link XradiaFile}): one {@code .xrm} per
 * energy and repetition (SSRL 6-2c, APS 32-ID scripts) or {@code .txrm} series, with reference
 * (flat-field) images and optional dark-current images beside them.
 *
 * <p><b>Grouping</b> (by file name, {@link Options}): a file whose name matches
 * {@link Options#darkPattern()} is a dark image, else one matching {@link Options#referencePattern()}
 * is a reference, else a sample image. Images are grouped by energy ({@link XradiaFile#energiesEv()}):
 * sorted energies closer than {@link Options#energyToleranceEv()} to the previous one form one group
 * (repetitions {@code _001of003}, ...); the group's energy is the mean of its images'.
 *
 * <p><b>Absorbance</b> per energy and pixel, with {@code S}, {@code R} the means of the sample and
 * reference repetitions (counts), {@code D} the mean of all dark images (0 when there are none) and
 * {@code t_S}, {@code t_R} the mean exposures (s; ratio 1 when not stored):
 * <pre>  A = -ln( ((S - D) / (R - D)) * (t_R / t_S) )</pre>
 * (Beer-Lambert optical depth of a flat-field-corrected transmission image). Pixels with
 * {@code S - D <= 0} or {@code R - D <= 0} are NaN (the maps count them as non-finite).
 *
 * <p><b>Not done</b>: image alignment (registration) between energies. Drift between energies
 * blurs edges in the maps; align the stack elsewhere (e.g. TXM-Sandbox) and read its HDF5.
 *
 * <p>Memory: the stack is held as float32, {@code energies x height x width x 4} bytes (61 energies of
 * 1024 x 1024: 256 MB), plus two double images while one energy is formed.
 */
public final class XrmStack implements StackSource {

    /**
     * How files are classified and grouped.
     *
     * @param referencePattern  file names (not paths) that are reference (flat-field) images, searched with {@code find}
     * @param darkPattern       file names that are dark-current images
     * @param energyToleranceEv images whose energies differ by at most this (eV) are repetitions of one energy
     */
    public record Options(Pattern referencePattern, Pattern darkPattern, double energyToleranceEv) {
        /**
         * SSRL 6-2c and APS 32-ID scripts mark references with a {@code ref} token in the name
         * ({@code rep01_ref_08324.0_eV_001of010.xrm}, {@code ..._ref_...}); also accepted: {@code reference},
         * {@code flat}, {@code flatfield}, {@code bkg}, {@code background}. Darks: {@code dark}, {@code darkfield}.
         * Repetitions of one setpoint carry one name energy, and stored read-backs agree to well under
         * 0.05 eV, while XANES steps are at least 0.2 eV: hence 0.05 eV.
         */
        public static final Options DEFAULTS = new Options(
                Pattern.compile("(?i)(^|[_.\\-])(ref|refs|reference|flat|flatfield|bkg|background)([_.\\-]|\\d|$)"),
                Pattern.compile("(?i)(^|[_.\\-])(dark|darkfield)([_.\\-]|\\d|$)"), 0.05);

        public Options {
            if (referencePattern == null || darkPattern == null) {
                throw new IllegalArgumentException("reference and dark patterns must be given");
            }
            if (!(energyToleranceEv >= 0) || !Double.isFinite(energyToleranceEv)) {
                throw new IllegalArgumentException("energy tolerance must be finite and >= 0 eV, got " + energyToleranceEv);
            }
        }

        /** @return a copy with another reference pattern (a Java regex). */
        public Options withReferencePattern(String regex) {
            return new Options(Pattern.compile(regex), darkPattern, energyToleranceEv);
        }

        /** @return a copy with another dark pattern (a Java regex). */
        public Options withDarkPattern(String regex) {
            return new Options(referencePattern, Pattern.compile(regex), energyToleranceEv);
        }
    }

    /**
     * One energy of the built stack.
     *
     * @param energyEv        the group's energy, eV
     * @param sampleImages    sample repetitions averaged
     * @param referenceImages reference repetitions averaged
     * @param energySource    where the energies came from ({@code ImageInfo/Energy} or {@code file name})
     */
    public record EnergyGroup(double energyEv, int sampleImages, int referenceImages, String energySource) {
    }

    /** Largest share of the Java heap the built stack may take (the maps need room beside it). */
    static final double MEMORY_FRACTION = 0.6;

    /** One image of one file. */
    private record Image(XradiaFile file, int index, double energyEv) {
    }

    private final String spec;
    private final List<Path> inputs;
    private final double[] energies;
    private final float[][] absorbance;
    private final int width;
    private final int height;
    private final double pixelSizeUm;
    private final int darkImages;
    private final List<EnergyGroup> groups;
    private final List<String> warnings;
    private final Options options;

    private XrmStack(String spec, List<Path> inputs, double[] energies, float[][] absorbance, int width, int height,
                     double pixelSizeUm, int darkImages, List<EnergyGroup> groups, List<String> warnings, Options options) {
        this.spec = spec;
        this.inputs = List.copyOf(inputs);
        this.energies = energies;
        this.absorbance = absorbance;
        this.width = width;
        this.height = height;
        this.pixelSizeUm = pixelSizeUm;
        this.darkImages = darkImages;
        this.groups = List.copyOf(groups);
        this.warnings = List.copyOf(warnings);
        this.options = options;
    }

    /** @return whether {@code spec} names Xradia input: a {@code .xrm}/{@code .txrm} file or glob, or a folder holding such files. */
    public static boolean looksLikeXradia(String spec) {
        String s = spec.toLowerCase(Locale.ROOT);
        if (s.endsWith(".xrm") || s.endsWith(".txrm")) {
            return true;
        }
        Path p = Path.of(spec);
        if (Files.isDirectory(p)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p, "*.{xrm,txrm,XRM,TXRM}")) {
                return ds.iterator().hasNext();
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * The files named by {@code spec}: one file, a folder (its {@code .xrm} and {@code .txrm} files) or a
     * glob in the last path segment ({@code scan/*.xrm}), sorted by name.
     *
     * @throws DataFormatException when nothing matches
     */
    public static List<Path> resolve(String spec) {
        Path p = Path.of(spec);
        List<Path> out = new ArrayList<>();
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        boolean glob = name.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
        try {
            if (Files.isDirectory(p)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(p, "*.{xrm,txrm,XRM,TXRM}")) {
                    ds.forEach(out::add);
                }
                if (out.isEmpty()) {
                    throw new DataFormatException(p, null, "folder holds no .xrm or .txrm files; expected an Xradia TXM scan folder");
                }
            } else if (glob) {
                Path parent = p.getParent() == null ? Path.of(".") : p.getParent();
                if (!Files.isDirectory(parent)) {
                    throw new DataFormatException(p, null, "folder " + parent + " of the glob does not exist");
                }
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + name);
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent)) {
                    for (Path f : ds) {
                        if (m.matches(f.getFileName()) && Files.isRegularFile(f)) {
                            out.add(f);
                        }
                    }
                }
                if (out.isEmpty()) {
                    throw new DataFormatException(p, null, "glob matches no files in " + parent + "; expected .xrm/.txrm files");
                }
            } else {
                if (!Files.isRegularFile(p)) {
                    throw new DataFormatException(p, null, "file not found");
                }
                out.add(p);
            }
        } catch (IOException e) {
            throw new DataFormatException(p, null, "cannot be listed: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    /** Builds the stack from {@code spec} (file, folder or glob) with the default options. */
    public static XrmStack build(String spec) {
        return build(spec, Options.DEFAULTS);
    }

    /**
     * Builds the absorbance stack from {@code spec} (file, folder or glob, see {@link #resolve}).
     *
     * @throws DataFormatException naming the file: unreadable image, mixed image sizes, no sample or
     *                             reference images, a reference missing for an energy
     */
    public static XrmStack build(String spec, Options options) {
        List<Path> files = resolve(spec);
        List<Image> samples = new ArrayList<>();
        List<Image> refs = new ArrayList<>();
        List<Image> darks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        XradiaFile first = null;
        for (Path f : files) {
            String fn = f.getFileName().toString();
            boolean isDark = options.darkPattern().matcher(fn).find();
            XradiaFile x = XradiaFile.open(f, !isDark);
            if (first == null) {
                first = x;
            } else if (x.width() != first.width() || x.height() != first.height()) {
                throw new DataFormatException(f, "stream ImageInfo/ImageWidth, ImageHeight", "image is " + x.width() + " x "
                        + x.height() + " but " + first.file().getFileName() + " is " + first.width() + " x " + first.height()
                        + "; every image of one stack must have one size");
            }
            List<Image> into = isDark ? darks
                    : options.referencePattern().matcher(fn).find() ? refs : samples;
            double[] e = x.energiesEv();
            for (int i = 0; i < x.imageCount(); i++) {
                into.add(new Image(x, i, e[i]));
            }
            for (String w : x.warnings()) {
                if (!w.startsWith("ImageInfo/Energy is")) {
                    warnings.add(fn + ": " + w);
                }
            }
        }
        Path where = Path.of(spec);
        if (samples.isEmpty()) {
            throw new DataFormatException(where, null, "no sample images among " + files.size() + " file(s) (all matched the "
                    + "reference pattern '" + options.referencePattern() + "' or dark pattern '" + options.darkPattern() + "')");
        }
        if (refs.isEmpty()) {
            throw new DataFormatException(where, null, "no reference (flat-field) images among " + files.size() + " file(s); "
                    + "expected files whose names match '" + options.referencePattern() + "' (change with --reference-pattern)");
        }
        List<List<Image>> sg = group(samples, options.energyToleranceEv());
        List<List<Image>> rg = group(refs, options.energyToleranceEv());
        int w = first.width();
        int h = first.height();
        int n = w * h;
        double[] dark = null;
        if (!darks.isEmpty()) {
            dark = mean(darks, n);
        }
        long needBytes = (long) sg.size() * n * Float.BYTES + 3L * n * Double.BYTES;
        long maxBytes = Runtime.getRuntime().maxMemory();
        if (needBytes > maxBytes * MEMORY_FRACTION) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the stack '%s' (%d energies of %d x %d) needs %.0f MB in "
                    + "memory, more than %.0f %% of the Java heap (%.0f MB); raise it (JAVA_OPTS=-Xmx...) or build fewer energies",
                    spec, sg.size(), h, w, needBytes / 1e6, MEMORY_FRACTION * 100, maxBytes / 1e6));
        }
        double[] energies = new double[sg.size()];
        float[][] abs = new float[sg.size()][];
        List<EnergyGroup> groups = new ArrayList<>();
        for (int g = 0; g < sg.size(); g++) {
            List<Image> s = sg.get(g);
            double es = meanEnergy(s);
            List<Image> r = null;
            for (List<Image> cand : rg) {
                if (Math.abs(meanEnergy(cand) - es) <= options.energyToleranceEv()) {
                    r = cand;
                }
            }
            if (r == null) {
                List<String> re = new ArrayList<>();
                for (List<Image> cand : rg) {
                    re.add(String.format(Locale.ROOT, "%.2f", meanEnergy(cand)));
                }
                throw new DataFormatException(s.get(0).file().file(), null, String.format(Locale.ROOT, "no reference image at "
                        + "%.2f eV (within %.3f eV); references exist at %s eV", es, options.energyToleranceEv(), re));
            }
            double[] sm = mean(s, n);
            double[] rm = mean(r, n);
            double ts = meanExposure(s);
            double tr = meanExposure(r);
            double scale = Double.isFinite(ts) && Double.isFinite(tr) && ts > 0 && tr > 0 ? tr / ts : 1.0;
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                double si = dark == null ? sm[i] : sm[i] - dark[i];
                double ri = dark == null ? rm[i] : rm[i] - dark[i];
                a[i] = si > 0 && ri > 0 ? (float) -Math.log((si / ri) * scale) : Float.NaN;
            }
            energies[g] = es;
            abs[g] = a;
            groups.add(new EnergyGroup(es, s.size(), r.size(), s.get(0).file().energySource()));
        }
        String src = groups.get(0).energySource();
        if (!src.equals("ImageInfo/Energy")) {
            warnings.add("energies taken from the file names (ImageInfo/Energy not stored, as SSRL 6-2c writes)");
        }
        if (darks.isEmpty()) {
            warnings.add("no dark-current images (names matching '" + options.darkPattern() + "'): D = 0");
        }
        warnings.add("images are not aligned between energies (no registration is done)");
        return new XrmStack(spec, files, energies, abs, w, h, first.pixelSizeUm(), darks.size(), groups, warnings, options);
    }

    private static List<List<Image>> group(List<Image> images, double tol) {
        List<Image> sorted = new ArrayList<>(images);
        sorted.sort(Comparator.comparingDouble(Image::energyEv).thenComparing(i -> i.file().file().toString())
                .thenComparingInt(Image::index));
        List<List<Image>> out = new ArrayList<>();
        for (Image im : sorted) {
            if (out.isEmpty() || im.energyEv() - out.get(out.size() - 1).get(out.get(out.size() - 1).size() - 1).energyEv() > tol) {
                out.add(new ArrayList<>());
            }
            out.get(out.size() - 1).add(im);
        }
        // repetitions in file-name order, whatever their tiny energy differences
        for (List<Image> g : out) {
            g.sort(Comparator.comparing((Image i) -> i.file().file().toString()).thenComparingInt(Image::index));
        }
        return out;
    }

    private static double meanEnergy(List<Image> g) {
        double s = 0;
        for (Image i : g) {
            s += i.energyEv();
        }
        return s / g.size();
    }

    private static double meanExposure(List<Image> g) {
        double s = 0;
        for (Image i : g) {
            s += i.file().exposuresS()[i.index()];
        }
        return s / g.size();
    }

    /** Pixel-wise mean of the images, summed in double in list order. */
    private static double[] mean(List<Image> g, int n) {
        double[] sum = new double[n];
        for (Image im : g) {
            float[] v = im.file().image(im.index());
            for (int i = 0; i < n; i++) {
                sum[i] += v[i];
            }
        }
        for (int i = 0; i < n; i++) {
            sum[i] /= g.size();
        }
        return sum;
    }

    /** @return the files read, sorted by name. */
    public List<Path> inputs() {
        return inputs;
    }

    /** @return one entry per energy: repetitions averaged and where the energy came from. */
    public List<EnergyGroup> groups() {
        return groups;
    }

    /** @return how many dark images were averaged (0: D = 0). */
    public int darkImages() {
        return darkImages;
    }

    /** @return pixel size, um (NaN when not stored). */
    public double pixelSizeUm() {
        return pixelSizeUm;
    }

    /** @return what was assumed or doubtful. */
    public List<String> warnings() {
        return warnings;
    }

    /** @return the options used. */
    public Options options() {
        return options;
    }

    /** @return the stack as {@code [energy][1][y][x]} (a copy) for writers. */
    public float[][][][] toArray() {
        float[][][][] s = new float[energies.length][1][height][width];
        for (int e = 0; e < energies.length; e++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(absorbance[e], y * width, s[e][0][y], 0, width);
            }
        }
        return s;
    }

    @Override
    public double[] energiesEv() {
        return energies.clone();
    }

    @Override
    public int depth() {
        return 1;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public boolean isVolume() {
        return false;
    }

    @Override
    public String describe() {
        int ns = 0;
        int nr = 0;
        for (EnergyGroup g : groups) {
            ns += g.sampleImages();
            nr += g.referenceImages();
        }
        return "Xradia stack '" + spec + "': " + inputs.size() + " file(s), " + ns + " sample and " + nr + " reference image(s), "
                + darkImages + " dark, " + energies.length + " energies, " + height + " x " + width + ", absorbance -ln(I/I_ref), "
                + "energies from " + groups.get(0).energySource() + ", not aligned";
    }

    @Override
    public void read(int z0, int dz, int y0, int dy, float[][] planes) {
        if (z0 != 0 || dz != 1) {
            throw new IllegalArgumentException("a 2D stack has z = 0 only, asked z " + z0 + " + " + dz);
        }
        for (int e = 0; e < energies.length; e++) {
            System.arraycopy(absorbance[e], y0 * width, planes[e], 0, dy * width);
        }
    }
}
