package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.JsonOutput;
import org.cathodekit.gradient.GradientOptions;
import org.cathodekit.gradient.ThetaStatistics;
import org.cathodekit.gradient.ValenceGradient;
import org.cathodekit.synthetic.Microstructure;
import org.cathodekit.synthetic.ParticleOptions;
import org.cathodekit.synthetic.SocEnergyMap;
import org.cathodekit.synthetic.SocField;
import org.cathodekit.synthetic.Synthetic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

class GradientCommandTest {

    @TempDir
    static Path dir;
    static Path file;
    static float[] volume;
    static final int N = 40;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void writeFile() throws Exception {
        var p = Synthetic.particle(ParticleOptions.DEFAULTS.withSphere(N, 18).withGrainSizeVox(4)
                .withMicrostructure(Microstructure.ROD));
        volume = Synthetic.edgeVolume(p, SocField.charged(Microstructure.ROD), SocEnergyMap.DEFAULTS);
        float[][][] v3 = new float[N][N][N];
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                System.arraycopy(volume, (z * N + y) * N, v3[z][y], 0, N);
            }
        }
        double[][] v2 = new double[N][N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                v2[y][x] = volume[(20 * N + y) * N + x];
            }
        }
        float[][][][] v4 = new float[2][2][2][2];
        float[][][] nan = new float[4][4][4];
        for (float[][] a : nan) {
            for (float[] b : a) {
                java.util.Arrays.fill(b, Float.NaN);
            }
        }
        float[][][] few = new float[6][6][6];
        for (float[][] a : few) {
            for (float[] b : a) {
                java.util.Arrays.fill(b, Float.NaN);
            }
        }
        for (int i = 0; i < 26; i++) {
            few[1 + i / 9][1 + (i / 3) % 3][1 + i % 3] = 8344f + i; // 26 valid voxels: one short of a 3x3x3 block
        }
        file = dir.resolve("maps.h5");
        try (WritableHdfFile w = HdfFile.write(file)) {
            w.putDataset("edge50", v3);
            w.putDataset("slice", v2);
            w.putDataset("line", new float[] {1, 2, 3});
            w.putDataset("four", v4);
            w.putDataset("nan", nan);
            w.putDataset("few", few);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void volumeJsonMatchesTheLibrary() {
        Run r = run("gradient", "--input", file.toString(), "--voxel-nm", "30", "--bin", "2", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = (Map<String, Object>) JsonOutput.parse(r.out().trim());
        for (String key : new String[] {"vectors", "mean_abs_cos", "tangential_index", "theta_density",
            "weighted_theta_density", "reference_density", "mean_size_by_group", "seconds"}) {
            assertTrue(j.containsKey(key), "key " + key);
        }
        assertEquals("3D", j.get("model"));
        assertEquals(180, ((List<?>) j.get("theta_density")).size());
        assertEquals(180, ((List<?>) j.get("weighted_theta_density")).size());
        assertEquals(180, ((List<?>) j.get("reference_density")).size());
        assertEquals(9, ((List<?>) j.get("mean_size_by_group")).size());
        ThetaStatistics s = ValenceGradient.volume(volume, N, N, N, GradientOptions.DEFAULTS.withMerge(2));
        assertEquals((double) s.vectors(), (Double) j.get("vectors"));
        assertEquals(s.meanAbsCos(), (Double) j.get("mean_abs_cos"), 1e-15);
        assertEquals(60.0, (Double) j.get("unit_spacing_nm"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoDimensionalDatasetSelectsThe2DModel() {
        Run r = run("gradient", "--input", file.toString(), "--dataset", "/slice", "--voxel-nm", "30", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = (Map<String, Object>) JsonOutput.parse(r.out().trim());
        assertEquals("2D", j.get("model"));
        assertTrue(((String) j.get("note")).contains("2D model"));
        assertEquals(2 / Math.PI, (Double) j.get("random_mean_abs_cos"), 1e-15);
        assertEquals(1.0 / 180, (Double) ((List<?>) j.get("reference_density")).get(10), 1e-15);
    }

    @Test
    void badInputExitsWithTwoAndNamesTheProblem() throws Exception {
        String f = file.toString();
        String[][] cases = {
            {"--dataset", "/nope", "--voxel-nm", "30"},
            {"--dataset", "/line", "--voxel-nm", "30"},
            {"--dataset", "/four", "--voxel-nm", "30"},
            {"--dataset", "/nan", "--voxel-nm", "30"},
            {"--voxel-nm", "0"},
            {"--voxel-nm", "-30"},
            {"--voxel-nm", "30", "--bin", "4"},
            {"--dataset", "/few", "--voxel-nm", "30"},
        };
        // issue 4: unknown dataset, 1D, 4D, all-NaN (= empty mask: NaN marks voxels outside the particle),
        // non-positive voxel size, fewer than 27 valid voxels; plus an unsupported merge
        String[] expect = {"/nope", "1 dimension", "4 dimension", "valid", "--voxel-nm", "--voxel-nm", "--bin", "27"};
        // data errors also name the dataset
        String[] dataset = {"/nope", "/line", "/four", "/nan", null, null, null, "/few"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 4];
            args[0] = "gradient";
            args[1] = "--input";
            args[2] = f;
            System.arraycopy(cases[i], 0, args, 3, cases[i].length);
            args[args.length - 1] = "--json";
            Run r = run(args);
            assertEquals(2, r.code(), "case " + i + ": " + r.err());
            assertTrue(r.err().contains(expect[i]), "case " + i + ": " + r.err());
            if (dataset[i] != null) {
                assertTrue(r.err().contains(dataset[i]), "case " + i + " names the dataset: " + r.err());
                assertTrue(r.err().contains("maps.h5"), "case " + i + " names the file: " + r.err());
            }
            assertEquals("", r.out(), "no output on error");
            assertEquals(1, r.err().trim().split("\n").length, "one line: " + r.err());
        }
        Run missing = run("gradient", "--input", dir.resolve("absent.h5").toString(), "--voxel-nm", "30", "--json");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("absent.h5"));
        Path notHdf = Files.writeString(dir.resolve("text.h5"), "not hdf5");
        Run bad = run("gradient", "--input", notHdf.toString(), "--voxel-nm", "30", "--json");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("text.h5"));
        // the command writes no files: nothing new appeared next to the input
        try (var files = Files.list(dir)) {
            assertEquals(java.util.Set.of("maps.h5", "text.h5"),
                    files.map(x -> x.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    /**
     * The streamed 3D path on the storage layouts real files use: the sample volume rewritten by h5py
     * (Debian python3-h5py) chunked, gzip + shuffle compressed and big-endian gives the same JSON as
     * the contiguous original, for every merge.
     */
    @Test
    @SuppressWarnings("unchecked")
    void chunkedCompressedVolumesGiveTheSameResultAsContiguous(@TempDir Path own) throws Exception {
        Path py = Path.of("/usr/bin/python3");
        Path sample = FuzzCliTest.SAMPLES.resolve("gradient/rod-charged-64.h5");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(py) && Files.isRegularFile(sample),
                "SKIP: /usr/bin/python3 or the sample volume not available");
        Path gz = own.resolve("rod-gzip.h5");
        Process p = new ProcessBuilder(py.toString(), "-c", "import h5py, sys\n"
                + "v = h5py.File(sys.argv[1], 'r')['edge50'][...]\n"
                + "with h5py.File(sys.argv[2], 'w') as f:\n"
                + "    f.create_dataset('edge50', data=v.astype('>f4'), chunks=(5, 16, 64), compression='gzip', shuffle=True)\n",
                sample.toString(), gz.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "SKIP: h5py not available: " + log);
        for (String b : new String[] {"1", "2", "3"}) {
            Map<String, Object> a = (Map<String, Object>) JsonOutput.parse(run("gradient", "--input", sample.toString(), "--voxel-nm", "30",
                    "--bin", b, "--json").out().trim());
            Map<String, Object> c = (Map<String, Object>) JsonOutput.parse(run("gradient", "--input", gz.toString(), "--voxel-nm", "30",
                    "--bin", b, "--json").out().trim());
            for (String k : new String[] {"input", "seconds"}) {
                a.remove(k);
                c.remove(k);
            }
            assertEquals(a, c, "b = " + b);
            assertTrue((Double) a.get("vectors") > 1000, "b = " + b);
        }
        // the tomography reader is the same loader: it reads the compressed copy like the original
        assertEquals(org.cathodekit.io.Hdf5Volumes.read(sample, "edge50").at(30, 31, 32),
                org.cathodekit.io.Hdf5Volumes.read(gz, "edge50").at(30, 31, 32));
    }
}
