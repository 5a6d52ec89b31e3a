package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.FloatVolume;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.Sha256;
import org.cathodekit.io.Hdf5Volumes;
import org.cathodekit.synthetic.TomoParticle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cathodekit tomo segment|register} through the command line, on planted volumes. */
class TomoCommandTest {

    @TempDir
    static Path dir;
    static Path ref;
    static Path moved;
    static Path small;
    static TomoParticle.Truth truth;
    static final double[] PLANTED_MOVE = {1.25, -3.5, 2.8};

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void write() throws Exception {
        TomoParticle p = TomoParticle.of3d(56, 20, 8, 3, 1.5, new double[] {0, 0, 0}, 0.1, 4);
        TomoParticle.Rendered r = p.render(40);
        truth = r.truth();
        ref = dir.resolve("ref.h5");
        moved = dir.resolve("moved.h5");
        small = dir.resolve("small.h5");
        Hdf5Volumes.write(ref, "volume", r.volume(), Map.of("origin", "synthetic TomoParticle"));
        Hdf5Volumes.write(moved, "volume", p.shiftedBy(PLANTED_MOVE).withNoise(0.1, 5).render(40).volume(), Map.of());
        Hdf5Volumes.write(small, "volume", FloatVolume.of(new float[8 * 8 * 8], 8, 8, 8, 40), Map.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Run r) {
        assertEquals(0, r.code(), r.err());
        return (Map<String, Object>) JsonOutput.parse(r.out().trim());
    }

    @Test
    void segmentPrintsTheDocumentedKeys() {
        Map<String, Object> j = json(run("tomo", "segment", "--input", ref.toString(), "--json"));
        assertEquals(truth.voidFraction(), ((Number) j.get("void_fraction")).doubleValue(), 0.015);
        List<?> band = (List<?>) j.get("void_fraction_band");
        assertEquals(2, band.size());
        double vol = truth.envelopeVoxels() * Math.pow(0.040, 3);
        assertEquals(vol, ((Number) j.get("particle_volume_um3")).doubleValue(), 0.02 * vol);
        assertEquals("otsu", j.get("threshold_method"));
        assertTrue(j.containsKey("components") && j.containsKey("threshold") && j.containsKey("warnings"), j.toString());
        assertEquals(40.0, ((Number) j.get("voxel_nm")).doubleValue());
    }

    @Test
    void registerPrintsTheShiftToApplyToTheMovingVolume() {
        Map<String, Object> j = json(run("tomo", "register", "--reference", ref.toString(), "--moving", moved.toString(), "--json"));
        List<?> s = (List<?>) j.get("shift_vox");
        for (int d = 0; d < 3; d++) {
            assertEquals(-PLANTED_MOVE[d], ((Number) s.get(d)).doubleValue(), 0.1, "axis " + d + ": " + s);
        }
        assertTrue(((Number) j.get("peak")).doubleValue() > 0.7);
        assertEquals(Boolean.TRUE, j.get("registered"));
    }

    @Test
    void badInputsExitTwoWithOneLineAndInputsUntouched() throws Exception {
        String before = Sha256.of(ref);
        Run shapes = run("tomo", "register", "--reference", ref.toString(), "--moving", small.toString(), "--json");
        assertEquals(2, shapes.code());
        assertTrue(shapes.err().contains("shape") && shapes.err().contains(small.toString()), shapes.err());
        Run noMaterial = run("tomo", "segment", "--input", ref.toString(), "--threshold", "50", "--json");
        assertEquals(2, noMaterial.code());
        assertTrue(noMaterial.err().contains("no voxel above the threshold"), noMaterial.err());
        Run flat = run("tomo", "segment", "--input", small.toString(), "--json");
        assertEquals(2, flat.code(), flat.err());
        Run missing = run("tomo", "segment", "--input", ref.toString(), "--dataset", "/nope", "--json");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("/nope") && missing.err().contains("/volume"), missing.err());
        Run folder = run("tomo", "segment", "--input", dir.toString(), "--json");
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("folder"), folder.err());
        Path noise = dir.resolve("noise.h5");
        float[] n = new float[56 * 56 * 56];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int i = 0; i < n.length; i++) {
            n[i] = (float) rnd.nextGaussian();
        }
        Hdf5Volumes.write(noise, "volume", FloatVolume.of(n, 56, 56, 56, 40), Map.of());
        Run unrelated = run("tomo", "register", "--reference", ref.toString(), "--moving", noise.toString(), "--json");
        assertEquals(2, unrelated.code());
        assertTrue(unrelated.err().contains("below --min-peak"), unrelated.err());
        for (Run r : List.of(shapes, noMaterial, flat, missing, folder, unrelated)) {
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertEquals("", r.out());
        }
        assertEquals(before, Sha256.of(ref));
    }
}
