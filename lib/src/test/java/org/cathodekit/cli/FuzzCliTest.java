package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.Sha256;
import org.cathodekit.io.Hdf5MapFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;

/**
 * Seeded mutation fuzz of every reader through the command line, in-process ({@link Main#run}).
 *
 * <p>Inputs: every sample in {@code data-samples/} (XANES stacks, gradient volumes, GITT exports,
 * TGA curves, diffraction patterns) and the reader fixtures in {@code src/test/resources}, plus
 * map files made from the samples by {@code xanes map}. Each case copies one file into a temporary
 * folder, applies one mutation (truncation, byte flips, a zeroed block, appended garbage, HDF5
 * metadata damage, float32 NaN/Inf/1e30 written into a dataset, a number in a text data line
 * replaced by NaN/Inf/1e300/1e6, swapped columns, a duplicated header line, re-encoding as
 * UTF-16/latin-1 with a BOM, CRLF line ends, a NUL block, a cut or empty gzip) and runs the
 * family's command. The generator is a plain {@link Random} with a fixed seed: the same cases
 * every run.
 *
 * <p>Asserted for every case:
 * <ul>
 *   <li>exit 0, with exactly one JSON line on stdout; when the mutation put a value beyond the
 *       documented plausibility ranges ({@link org.cathodekit.core.Plausibility}) into a quantity
 *       the analysis uses, the result carries a warning (a non-empty {@code warnings} list or
 *       {@code skipped_rows} &gt; 0, or a status count of flagged voxels); or</li>
 *   <li>exit 2 with exactly one line on stderr naming the input file, and nothing on stdout;</li>
 *   <li>never exit 1 (internal error), never a changed input (SHA-256 before and after), never a
 *       partial output: after exit 0 the output is complete (readable), after exit 2 there is no
 *       output, and never a left-over temporary file.</li>
 * </ul>
 * The counts (cases, exit 0, exit 0 with warning, exit 2) are printed to stdout.
 */
class FuzzCliTest {
    /** Fixed seed: the fuzz cases are the same on every run. */
    static final long SEED = 20261201L;

    static final Path ROOT = findRoot();
    static final Path SAMPLES = ROOT.resolve("data-samples");
    static final Path FIXTURES = ROOT.resolve("lib/src/test/resources");

    static final String[] XANES_WINDOWS = {"--pre", "8250:8320", "--post", "8380:8450", "--edge", "8330:8360", "--whiteline", "8345:8355"};

    /** Values beyond every plausibility range (see core.Plausibility). */
    static final String[] IMPLAUSIBLE_TEXT = {"NaN", "Infinity", "-Infinity", "1e300", "-1e300", "1e6"};
    static final float[] IMPLAUSIBLE_FLOAT = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f, -1e30f, 3e38f};

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data-samples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("data-samples/ not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    @TempDir
    Path tmp;

    /** One input family: the files and how the command is formed. */
    record Family(String name, List<Path> files, BiFunction<Path, Path, String[]> command, int cases, Kind kind,
                  int plausibleColumn, boolean implausibleCurrentOnlyNonFinite, String target) {
        Family(String name, List<Path> files, BiFunction<Path, Path, String[]> command, int cases, Kind kind,
               int plausibleColumn, boolean implausibleCurrentOnlyNonFinite) {
            this(name, files, command, cases, kind, plausibleColumn, implausibleCurrentOnlyNonFinite, null);
        }
    }

    enum Kind { HDF5, TEXT, GZIP_TEXT }

    /** Outcome counters. */
    static final class Counts {
        int cases;
        int exit0;
        int exit0Warning;
        int exit2;
        final Map<String, int[]> perFamily = new java.util.TreeMap<>();
    }

    record Mutated(String description, boolean implausible) {
    }

    @Test
    void everyMutatedInputGivesExitZeroOrOneLineExitTwo() throws Exception {
        long t0 = System.nanoTime();
        Random rnd = new Random(SEED);
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Path mapA = maps.resolve("rod-charged-map.h5");
        Path mapB = maps.resolve("rod-pristine-map.h5");
        makeMap(SAMPLES.resolve("xanes/rod-charged-2d.h5"), mapA);
        makeMap(SAMPLES.resolve("xanes/rod-pristine-2d.h5"), mapB);

        List<Family> families = new ArrayList<>();
        families.add(new Family("xanes map", list(SAMPLES.resolve("xanes"), ".h5"),
                (in, out) -> concat(new String[] {"xanes", "map", "--input", in.toString(), "--out", out.resolve("map.h5").toString(), "--json"},
                        XANES_WINDOWS), 70, Kind.HDF5, -1, false, "/img_xanes"));
        families.add(new Family("xanes diff", List.of(mapA),
                (in, out) -> new String[] {"xanes", "diff", "--a", in.toString(), "--b", mapB.toString(), "--dataset", "edge50",
                    "--out", out.resolve("diff.h5").toString(), "--json"}, 25, Kind.HDF5, -1, false, "/edge50"));
        families.add(new Family("xanes hist", List.of(mapA),
                (in, out) -> new String[] {"xanes", "hist", "--maps", in.toString(), mapB.toString(), "--json"}, 15, Kind.HDF5, -1, false,
                "/edge50"));
        families.add(new Family("gradient", list(SAMPLES.resolve("gradient"), ".h5"),
                (in, out) -> new String[] {"gradient", "--input", in.toString(), "--voxel-nm", "30", "--bin", "2", "--json"},
                40, Kind.HDF5, -1, false, "/edge50"));
        families.add(new Family("gitt", list(SAMPLES.resolve("gitt"), ".gz"),
                (in, out) -> new String[] {"gitt", "--input", in.toString(), "--radius-um", "2", "--json"}, 30, Kind.GZIP_TEXT, 1, false));
        families.add(new Family("gitt current", list(SAMPLES.resolve("gitt"), ".gz"),
                (in, out) -> new String[] {"gitt", "--input", in.toString(), "--radius-um", "2", "--json"}, 10, Kind.GZIP_TEXT, 2, true));
        families.add(new Family("tga sample", list(SAMPLES.resolve("tga"), ".csv"),
                (in, out) -> new String[] {"tga", "--input", in.toString(), "--formula", "Li0.3Ni0.8Mn0.1Co0.1O2", "--reference-temp-c", "150",
                    "--curve-out", out.resolve("curve.csv").toString(), "--json"}, 60, Kind.TEXT, 2, false));
        families.add(new Family("tga fixture", list(FIXTURES.resolve("tga"), ".csv", ".tsv", ".txt"),
                (in, out) -> new String[] {"tga", "--input", in.toString(), "--curve-out", out.resolve("curve.csv").toString(), "--json"},
                30, Kind.TEXT, -1, false));
        // diffraction counts have no plausibility rule yet (issue 10 lists none): no warning assertion for these two families
        families.add(new Family("wh sample", list(SAMPLES.resolve("xrd"), ".xye"),
                (in, out) -> new String[] {"wh", "--input", in.toString(), "--json"}, 25, Kind.TEXT, -1, false));
        families.add(new Family("wh fixture", list(FIXTURES.resolve("org/cathodekit/io/xrd"), ".xy", ".xye", ".xrdml", ".ras", ".chi",
                ".csv", ".gsa", ".fxye"), (in, out) -> new String[] {"wh", "--input", in.toString(), "--wavelength-A", "1.5406", "--json"},
                25, Kind.TEXT, -1, false));
        Path spectrum = maps.resolve("rod-charged-voxel-32-32.txt");
        writeSpectrum(SAMPLES.resolve("xanes/rod-charged-2d.h5"), 32, 32, spectrum);
        families.add(new Family("xanes spectrum", List.of(spectrum),
                (in, out) -> concat(new String[] {"xanes", "spectrum", "--input", in.toString(), "--json"}, XANES_WINDOWS),
                25, Kind.TEXT, 1, false));
        // real instrument files of the development tree (../shared/reference-data, see its README), when present
        Path real = ROOT.getParent().resolve("shared/reference-data");
        if (Files.isDirectory(real)) {
            List<Path> cyc = list(real.resolve("real-formats/cycler"), ".csv", ".txt");
            families.add(new Family("gitt real", cyc, (in, out) -> new String[] {"gitt", "--input", in.toString(), "--radius-um", "2",
                "--json"}, 12, Kind.TEXT, -1, false));
            List<Path> tga = new ArrayList<>(list(real.resolve("real-formats/tga"), ".csv"));
            tga.addAll(list(real.resolve("tga"), ".csv"));
            families.add(new Family("tga real", tga, (in, out) -> new String[] {"tga", "--input", in.toString(), "--json"},
                12, Kind.TEXT, -1, false));
            List<Path> xas = new ArrayList<>(list(real.resolve("xanes"), ".txt", ".xdi", ".csv", ".tsv"));
            families.add(new Family("spectrum real", xas, (in, out) -> concat(new String[] {"xanes", "spectrum", "--input", in.toString(),
                "--json"}, XANES_WINDOWS), 12, Kind.TEXT, -1, false));
            List<Path> xrd = new ArrayList<>(list(real.resolve("real-formats/xrd"), ".xrdml"));
            xrd.addAll(list(real.resolve("xrd"), ".xye"));
            families.add(new Family("wh real", xrd, (in, out) -> new String[] {"wh", "--input", in.toString(), "--wavelength-A", "1.5406",
                "--json"}, 10, Kind.TEXT, -1, false));
        } else {
            System.out.println("FuzzCliTest: " + real + " absent: real instrument files not fuzzed");
        }
        List<Path> any = new ArrayList<>(List.of(SAMPLES.resolve("paper-reference-values.csv"), SAMPLES.resolve("tga/rod_r2.csv"),
                SAMPLES.resolve("xanes/gravel-pristine-2d.h5"), SAMPLES.resolve("xrd/synthetic_SC-NC91_CuKa12.xye")));
        families.add(new Family("inspect", any, (in, out) -> new String[] {"inspect", "--input", in.toString(), "--json"}, 20, Kind.TEXT, -1, false));

        Counts counts = new Counts();
        List<String> failures = new ArrayList<>();
        int id = 0;
        for (Family f : families) {
            for (int c = 0; c < f.cases(); c++) {
                Path src = f.files().get(rnd.nextInt(f.files().size()));
                Path caseDir = Files.createDirectories(tmp.resolve("case" + (id++)));
                Path outDir = Files.createDirectories(caseDir.resolve("out"));
                Path input = caseDir.resolve(src.getFileName().toString());
                Mutated m = mutate(f, src, input, rnd);
                String failure = runCase(f, input, outDir, m, counts);
                if (failure != null) {
                    failures.add(f.name() + " on " + src.getFileName() + " [" + m.description() + "]: " + failure);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "FuzzCliTest: %d cases, %d exit 0 (%d with a warning), %d exit 2, %d failures, %.1f s%n",
                counts.cases, counts.exit0, counts.exit0Warning, counts.exit2, failures.size(), seconds);
        counts.perFamily.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-14s cases %3d  exit0 %3d  exit0+warning %3d  exit2 %3d%n",
                k, v[0], v[1], v[2], v[3]));
        if (!failures.isEmpty()) {
            fail(failures.size() + " fuzz cases broke the contract:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        }
        assertTrue(counts.exit2 > 0 && counts.exit0 > 0, "the mutations reach both outcomes");
    }

    /** One voxel's spectrum of a sample stack as two-column text (energy eV, mu). */
    private static void writeSpectrum(Path stack, int y, int x, Path out) throws IOException {
        try (org.cathodekit.io.Hdf5XanesStack s = org.cathodekit.io.Hdf5XanesStack.open(stack)) {
            double[] e = s.energiesEv();
            float[][] planes = new float[e.length][s.width()];
            s.read(0, 1, y, 1, planes);
            StringBuilder sb = new StringBuilder("# voxel (" + y + ", " + x + ") of " + stack.getFileName() + "\n# energy_eV mu\n");
            for (int i = 0; i < e.length; i++) {
                sb.append(String.format(Locale.ROOT, "%.3f %.6f%n", e[i], planes[i][x]));
            }
            Files.writeString(out, sb);
        }
    }

    private static void makeMap(Path stack, Path out) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), concat(new String[] {"xanes", "map", "--input", stack.toString(),
            "--out", out.toString(), "--json"}, XANES_WINDOWS));
        assertEquals(0, code, e.toString());
    }

    /** Runs one case; returns null when the contract holds, else what broke. */
    private static String runCase(Family f, Path input, Path outDir, Mutated m, Counts counts) throws IOException {
        String before = Sha256.of(input);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code;
        try {
            code = Main.run(new PrintWriter(o), new PrintWriter(e), f.command().apply(input, outDir));
        } catch (Throwable t) {
            return "escaped Main.run: " + t;
        }
        counts.cases++;
        int[] fam = counts.perFamily.computeIfAbsent(f.name(), k -> new int[4]);
        fam[0]++;
        if (!before.equals(Sha256.of(input))) {
            return "the input was changed";
        }
        try (Stream<Path> s = Files.list(outDir)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            if (!left.isEmpty()) {
                return "temporary file left: " + left;
            }
        }
        List<Path> outputs;
        try (Stream<Path> s = Files.list(outDir)) {
            outputs = s.toList();
        }
        String err = e.toString().strip();
        if (code == 2) {
            counts.exit2++;
            fam[3]++;
            if (err.isEmpty() || err.contains("\n")) {
                return "exit 2 must print exactly one stderr line, got: " + err;
            }
            if (!o.toString().isEmpty()) {
                return "exit 2 printed on stdout: " + o;
            }
            if (!err.contains(input.getFileName().toString())) {
                return "the exit-2 line does not name the input file: " + err;
            }
            if (!outputs.isEmpty()) {
                return "output left after exit 2: " + outputs;
            }
            return null;
        }
        if (code != 0) {
            return "exit " + code + ": " + err;
        }
        counts.exit0++;
        fam[1]++;
        String[] lines = o.toString().strip().split("\n");
        if (lines.length != 1) {
            return "exit 0 must print one JSON line, got " + lines.length;
        }
        Object json;
        try {
            json = JsonOutput.parse(lines[0]);
        } catch (RuntimeException ex) {
            return "stdout is not JSON: " + ex.getMessage();
        }
        for (Path p : outputs) {
            String bad = incompleteOutput(p);
            if (bad != null) {
                return "partial output " + p.getFileName() + ": " + bad;
            }
        }
        boolean warned = carriesWarning(json);
        if (warned) {
            counts.exit0Warning++;
            fam[2]++;
        }
        if (m.implausible() && !warned) {
            return "exit 0 without a warning although a value beyond plausibility was planted: " + lines[0].substring(0, Math.min(400, lines[0].length()));
        }
        return null;
    }

    /** Null when the output file is complete (readable as what it claims to be). */
    private static String incompleteOutput(Path p) {
        String n = p.getFileName().toString();
        try {
            if (n.endsWith(".h5")) {
                Hdf5MapFile.readMap(p, n.startsWith("diff") ? "difference" : "edge50");
            } else if (n.endsWith(".csv")) {
                List<String> l = Files.readAllLines(p);
                int cols = l.get(0).split(",").length;
                for (int i = 1; i < l.size(); i++) {
                    if (l.get(i).split(",").length != cols) {
                        return "line " + (i + 1) + " has another column count";
                    }
                }
                if (l.size() < 2) {
                    return "no data lines";
                }
            }
            return null;
        } catch (IOException | RuntimeException ex) {
            return ex.toString();
        }
    }

    /** A non-empty "warnings" list, "skipped_rows" above 0, or flagged voxels anywhere in the result. */
    @SuppressWarnings("unchecked")
    static boolean carriesWarning(Object json) {
        if (json instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> en : m.entrySet()) {
                String k = String.valueOf(en.getKey());
                Object v = en.getValue();
                if (k.equals("warnings") && v instanceof List<?> l && !l.isEmpty()) {
                    return true;
                }
                if (k.equals("skipped_rows") && v instanceof Number num && num.doubleValue() > 0) {
                    return true;
                }
                if (carriesWarning(v)) {
                    return true;
                }
            }
        } else if (json instanceof List<?> l) {
            for (Object v : l) {
                if (carriesWarning(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- mutations

    private static Mutated mutate(Family f, Path src, Path dst, Random rnd) throws IOException {
        byte[] b = Files.readAllBytes(src);
        if (f.kind() == Kind.HDF5) {
            return hdf5(f, src, b, dst, rnd);
        }
        if (f.kind() == Kind.GZIP_TEXT) {
            byte[] text = gunzip(b);
            int op = rnd.nextInt(10);
            if (op == 0) { // cut gzip
                Files.write(dst, Arrays.copyOf(b, rnd.nextInt(Math.max(1, b.length / 2))));
                return new Mutated("cut gzip", false);
            }
            if (op == 1) { // empty gzip
                Files.write(dst, new byte[0]);
                return new Mutated("empty .gz file", false);
            }
            Mutated m = text(f, text, dst, rnd);
            Files.write(dst, gzip(Files.readAllBytes(dst)));
            return m;
        }
        return text(f, b, dst, rnd);
    }

    private static Mutated text(Family f, byte[] b, Path dst, Random rnd) throws IOException {
        int op = rnd.nextInt(f.plausibleColumn() >= 0 ? 14 : 11);
        String s = new String(b, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\r?\n", -1)));
        switch (op) {
            case 0 -> {
                Files.write(dst, Arrays.copyOf(b, rnd.nextInt(b.length + 1)));
                return new Mutated("truncated", false);
            }
            case 1 -> {
                byte[] c = b.clone();
                int k = 1 + rnd.nextInt(50);
                for (int i = 0; i < k; i++) {
                    c[rnd.nextInt(c.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                Files.write(dst, c);
                return new Mutated(k + " bit flips", false);
            }
            case 2 -> {
                byte[] c = b.clone();
                int at = rnd.nextInt(c.length);
                Arrays.fill(c, at, Math.min(c.length, at + 1 + rnd.nextInt(512)), (byte) 0);
                Files.write(dst, c);
                return new Mutated("NUL block at " + at, false);
            }
            case 3 -> { // duplicated header (first non-numeric line)
                int h = firstHeader(lines);
                lines.add(h + 1, lines.get(h));
                write(dst, lines, "\n", StandardCharsets.ISO_8859_1);
                return new Mutated("duplicated header line " + (h + 1), false);
            }
            case 4 -> { // swapped columns in every data line
                int[] cols = {0, 1 + rnd.nextInt(2)};
                for (int i = 0; i < lines.size(); i++) {
                    String[] t = numericTokens(lines.get(i));
                    if (t != null && t.length > cols[1]) {
                        String x = t[cols[0]];
                        t[cols[0]] = t[cols[1]];
                        t[cols[1]] = x;
                        lines.set(i, String.join(delimiter(lines.get(i)), t));
                    }
                }
                write(dst, lines, "\n", StandardCharsets.ISO_8859_1);
                return new Mutated("swapped columns " + cols[0] + " and " + cols[1], false);
            }
            case 5 -> {
                write(dst, lines, "\r\n", StandardCharsets.ISO_8859_1);
                return new Mutated("CRLF line ends", false);
            }
            case 6 -> {
                String t = String.join("\n", lines);
                byte[] u16 = t.getBytes(StandardCharsets.UTF_16); // with BOM
                Files.write(dst, u16);
                return new Mutated("UTF-16 with BOM", false);
            }
            case 7 -> {
                int h = firstHeader(lines);
                lines.add(h, "# température µ° ÄÖÜ");
                String t = String.join("\n", lines);
                Files.write(dst, t.getBytes(rnd.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
                return new Mutated("non-ASCII comment line", false);
            }
            case 8 -> {
                byte[] c = Arrays.copyOf(b, b.length + 64);
                for (int i = b.length; i < c.length; i++) {
                    c[i] = (byte) rnd.nextInt(256);
                }
                Files.write(dst, c);
                return new Mutated("64 random bytes appended", false);
            }
            case 9 -> { // a random data line deleted in the middle, a line of garbage added
                int i = 1 + rnd.nextInt(Math.max(1, lines.size() - 1));
                lines.set(i, "garbage;;;,,,\t\t" + rnd.nextInt());
                write(dst, lines, "\n", StandardCharsets.ISO_8859_1);
                return new Mutated("garbage line " + (i + 1), false);
            }
            case 10 -> { // a random numeric token anywhere replaced by a special value (any column)
                String v = IMPLAUSIBLE_TEXT[rnd.nextInt(IMPLAUSIBLE_TEXT.length)];
                int i = randomDataLine(lines, rnd);
                if (i < 0) {
                    Files.write(dst, b);
                    return new Mutated("unchanged (no data line)", false);
                }
                String[] t = numericTokens(lines.get(i));
                int col = rnd.nextInt(t.length);
                t[col] = v;
                lines.set(i, String.join(delimiter(lines.get(i)), t));
                write(dst, lines, "\n", StandardCharsets.ISO_8859_1);
                return new Mutated(v + " in line " + (i + 1) + " column " + col, false);
            }
            default -> { // implausible value in the column the analysis checks (mass, voltage, current)
                String[] pool = f.implausibleCurrentOnlyNonFinite() ? new String[] {"NaN", "Infinity", "-Infinity"} : IMPLAUSIBLE_TEXT;
                String v = pool[rnd.nextInt(pool.length)];
                int i = randomDataLine(lines, rnd);
                String[] t = numericTokens(lines.get(i));
                t[f.plausibleColumn()] = v;
                lines.set(i, String.join(delimiter(lines.get(i)), t));
                write(dst, lines, "\n", StandardCharsets.ISO_8859_1);
                return new Mutated(v + " in line " + (i + 1) + " column " + f.plausibleColumn(), true);
            }
        }
    }

    private static Mutated hdf5(Family f, Path src, byte[] b, Path dst, Random rnd) throws IOException {
        Map<String, long[]> named = new java.util.LinkedHashMap<>();
        List<long[]> data = contiguousFloatRegions(src, named);
        int op = rnd.nextInt(7);
        byte[] c = b.clone();
        switch (op) {
            case 0 -> {
                int n = rnd.nextInt(b.length);
                Files.write(dst, Arrays.copyOf(b, n));
                return new Mutated("truncated at " + n, false);
            }
            case 1, 2 -> { // metadata damage: flips outside the raw data
                int k = 1 + rnd.nextInt(op == 1 ? 4 : 40);
                for (int i = 0; i < k; i++) {
                    int at = outsideData(c.length, data, rnd);
                    c[at] ^= (byte) (1 << rnd.nextInt(8));
                }
                Files.write(dst, c);
                return new Mutated(k + " metadata bit flips", false);
            }
            case 3 -> { // zeroed metadata block
                int at = outsideData(c.length, data, rnd);
                int len = 1 + rnd.nextInt(256);
                Arrays.fill(c, at, Math.min(c.length, at + len), (byte) 0);
                Files.write(dst, c);
                return new Mutated("zeroed metadata block at " + at + " (" + len + " bytes)", false);
            }
            case 4 -> { // flips anywhere (data included)
                int k = 1 + rnd.nextInt(200);
                for (int i = 0; i < k; i++) {
                    c[rnd.nextInt(c.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                Files.write(dst, c);
                return new Mutated(k + " bit flips anywhere", false);
            }
            default -> { // implausible float32 values inside the largest float32 dataset
                if (data.isEmpty()) {
                    Files.write(dst, b);
                    return new Mutated("unchanged (no contiguous float32 data)", false);
                }
                long[] r = named.getOrDefault(f.target(), data.get(0));
                int k = 1 + rnd.nextInt(20);
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(c).order(r[2] == 0 ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
                float v = IMPLAUSIBLE_FLOAT[rnd.nextInt(IMPLAUSIBLE_FLOAT.length)];
                int planted = 0;
                for (int i = 0; i < k; i++) {
                    long element = (long) rnd.nextInt((int) (r[1] / 4));
                    int at = (int) (r[0] + element * 4);
                    if (Float.isFinite(bb.getFloat(at))) {
                        planted++;
                    }
                    bb.putFloat(at, v);
                }
                Files.write(dst, c);
                // a value put where the map was NaN (outside the particle) changes nothing the analysis uses; in maps NaN
                // means "no value" (outside the particle), in stacks it is a non-finite spectrum
                boolean implausible = planted > 0 && (!Float.isNaN(v) || "/img_xanes".equals(f.target()));
                return new Mutated(k + " x " + v + " in " + (named.containsValue(r) ? f.target() : "the largest float32 dataset"), implausible);
            }
        }
    }

    /** {offset, bytes, 0 little-endian / 1 big-endian} of contiguous float32 datasets, largest first. */
    private static List<long[]> contiguousFloatRegions(Path file, Map<String, long[]> named) {
        List<long[]> out = new ArrayList<>();
        try (HdfFile h = new HdfFile(file)) {
            collect(h, out, named);
        }
        out.sort((x, y) -> Long.compare(y[1], x[1]));
        return out;
    }

    private static void collect(Group g, List<long[]> out, Map<String, long[]> named) {
        for (Node n : g) {
            if (n instanceof Group sub) {
                collect(sub, out, named);
            } else if (n instanceof ContiguousDataset c && n instanceof Dataset d && d.getJavaType() == float.class
                    && d.getDataType() instanceof io.jhdf.object.datatype.FloatingPoint fp && fp.getSize() == 4) {
                long[] r = {c.getDataAddress(), d.getSize() * 4, fp.getByteOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? 0 : 1};
                out.add(r);
                named.put(n.getPath(), r);
            } else if (n instanceof ContiguousDataset c && n instanceof Dataset d) {
                out.add(new long[] {c.getDataAddress(), d.getSizeInBytes(), -1});
            }
        }
    }

    private static int outsideData(int length, List<long[]> data, Random rnd) {
        for (int tries = 0; tries < 1000; tries++) {
            int at = rnd.nextInt(length);
            boolean inside = false;
            for (long[] r : data) {
                inside |= at >= r[0] && at < r[0] + r[1];
            }
            if (!inside) {
                return at;
            }
        }
        return rnd.nextInt(Math.min(length, 512));
    }

    private static final Pattern SPLIT = Pattern.compile("[,;\\t ]+");

    /** The tokens of a line that holds only numbers (at least two), or null. */
    static String[] numericTokens(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return null;
        }
        String[] p = SPLIT.split(t);
        if (p.length < 2) {
            return null;
        }
        for (String s : p) {
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return p;
    }

    private static String delimiter(String line) {
        return line.contains(",") ? "," : line.contains(";") ? ";" : line.contains("\t") ? "\t" : " ";
    }

    private static int randomDataLine(List<String> lines, Random rnd) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (numericTokens(lines.get(i)) != null) {
                idx.add(i);
            }
        }
        return idx.isEmpty() ? -1 : idx.get(rnd.nextInt(idx.size()));
    }

    private static int firstHeader(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (numericTokens(lines.get(i + 1 < lines.size() ? i + 1 : i)) != null && numericTokens(lines.get(i)) == null) {
                return i;
            }
        }
        return 0;
    }

    private static void write(Path dst, List<String> lines, String eol, java.nio.charset.Charset cs) throws IOException {
        Files.write(dst, String.join(eol, lines).getBytes(cs));
    }

    private static byte[] gunzip(byte[] b) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bo)) {
            out.write(b);
        }
        return bo.toByteArray();
    }

    private static List<Path> list(Path dir, String... ext) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Arrays.stream(ext).anyMatch(e -> p.getFileName().toString().endsWith(e))).sorted().toList();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
