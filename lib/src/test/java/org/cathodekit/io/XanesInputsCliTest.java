package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cathodekit.cli.Main;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.xanes.VoxelMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XANES input formats through the command line: {@code xanes map|stack|spectrum} and {@code inspect}; bad input exit 2. */
class XanesInputsCliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) JsonOutput.parse(out.trim());
        }
    }

    static Result run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
        return new Result(code, o.toString(), e.toString());
    }

    static final String[] WINDOWS = {"--pre", "8250:8320", "--post", "8380:8600", "--edge", "8328:8356"};

    static String[] cat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** A small SSRL-style scan written by {@link XradiaStackTest} (energies in the names, references, a dark). */
    Path scan() throws Exception {
        XradiaStackTest t = new XradiaStackTest();
        t.dir = dir;
        return t.ssrlScan("scan", XradiaStackTest.DARK_COUNTS, true);
    }

    @Test
    void mapOnAGlobEqualsMapOfTheWrittenStack() throws Exception {
        Path scan = scan();
        Path direct = dir.resolve("direct.h5");
        Result a = run(cat(new String[] {"xanes", "map", "--json", "--input", scan.resolve("*.xrm").toString(), "--out", direct.toString()},
                WINDOWS));
        assertEquals(0, a.code(), a.err());
        Map<String, Object> aj = a.json();
        assertEquals("XRADIA", aj.get("layout"));
        @SuppressWarnings("unchecked")
        Map<String, Object> xr = (Map<String, Object>) aj.get("xradia");
        assertEquals("file name", xr.get("energy_source"));
        assertEquals(false, xr.get("aligned"));
        assertEquals(1.0, ((Number) xr.get("dark_images")).doubleValue());

        Path stack = dir.resolve("S.h5");
        Result s = run("xanes", "stack", "--json", "--input", scan.toString(), "--out", stack.toString());
        assertEquals(0, s.code(), s.err());
        assertEquals("NSLS2_FXI", s.json().get("layout"));
        try (Hdf5XanesStack h = Hdf5XanesStack.open(stack)) {
            assertEquals(XanesLayout.NSLS2_FXI, h.layout());
            assertArrayEquals(XradiaStackTest.grid(), h.energiesEv(), 0.0);
        }
        Path viaH5 = dir.resolve("via.h5");
        Result b = run(cat(new String[] {"xanes", "map", "--json", "--input", stack.toString(), "--out", viaH5.toString()}, WINDOWS));
        assertEquals(0, b.code(), b.err());
        VoxelMap m1 = Hdf5MapFile.readMap(direct, "edge50");
        VoxelMap m2 = Hdf5MapFile.readMap(viaH5, "edge50");
        assertEquals(m2, m1, "edge50 from the glob and from the written FXI stack, bit for bit");

        // the output may not be one of the inputs: refused, the input untouched
        Path one = scan.resolve("rep01_ref_08250.0_eV_001of002.xrm");
        byte[] before = Files.readAllBytes(one);
        Result g = run("xanes", "stack", "--input", scan.resolve("*.xrm").toString(), "--out", one.toString());
        assertEquals(2, g.code(), g.err());
        assertArrayEquals(before, Files.readAllBytes(one));
        // inspect on the written maps and stack
        Map<String, Object> im = run("inspect", "--json", "--input", direct.toString()).json();
        assertEquals("HDF5 XANES maps", im.get("format"));
        assertTrue(im.get("columns").toString().contains("edge50"), im.toString());
        assertEquals("NSLS2_FXI", run("inspect", "--json", "--input", stack.toString()).json().get("layout"));
        // help says alignment is not done
        assertTrue(run("xanes", "stack", "--help").out().contains("NOT aligned"));
    }

    @Test
    void badXradiaInputExitsTwoAndWritesNothing() throws Exception {
        Path out = dir.resolve("o.h5");
        Result none = run("xanes", "stack", "--input", dir.resolve("nothing/*.xrm").toString(), "--out", out.toString());
        assertEquals(2, none.code());
        assertEquals(1, none.err().trim().lines().count(), none.err());
        Path d = Files.createDirectories(dir.resolve("noref"));
        XrmTestFiles.write(d.resolve("a_8333.0_eV_001of001.xrm"), 2, 2, new double[][] {{1, 2, 3, 4}}, new float[] {0f}, 1f, 0.03f, 5, true);
        Result noRef = run(cat(new String[] {"xanes", "map", "--input", d.toString(), "--out", out.toString()}, WINDOWS));
        assertEquals(2, noRef.code());
        assertTrue(noRef.err().contains("no reference (flat-field) images"), noRef.err());
        XrmTestFiles.write(d.resolve("b_9000.0_eV_001of001.xrm"), 2, 2, new double[][] {{1, 2, 3, 4}}, new float[] {0f}, 1f, 0.03f, 5, false);
        Result noImg = run("xanes", "stack", "--input", d.resolve("*.xrm").toString(), "--out", out.toString());
        assertEquals(2, noImg.code());
        assertTrue(noImg.err().contains("b_9000.0_eV_001of001.xrm") && noImg.err().contains("ImageData1/Image1"), noImg.err());
        assertFalse(Files.exists(out));
    }

    static final Path SHARED = Path.of(System.getProperty("user.dir")).resolve("../../shared/reference-data").normalize();

    @Test
    void spectrumOfAnAthenaGroupAndOfAChosenChannel() {
        Path prj = SHARED.resolve("real-formats/xanes/larch_Ni_FeNiS20_RT.prj");
        Path xdi = SHARED.resolve("real-formats/xanes/larch_cu_romanglass.xdi");
        Assumptions.assumeTrue(Files.isRegularFile(prj) && Files.isRegularFile(xdi), "SKIP: real XANES fixtures not found");
        String[] ni = {"--pre", "8248:8293", "--post", "8488:8876", "--edge", "8318:8358"};
        Result r = run(cat(new String[] {"xanes", "spectrum", "--json", "--input", prj.toString(), "--group", "fenis_ni_rt_xafs_003"}, ni));
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        assertEquals("fenis_ni_rt_xafs_003", j.get("group"));
        assertEquals(8, ((List<?>) j.get("groups")).size());
        @SuppressWarnings("unchecked")
        Map<String, Object> ath = (Map<String, Object>) j.get("athena");
        assertEquals(8338.493, ((Number) ath.get("e0_eV")).doubleValue(), 0.0);
        assertTrue(((Number) j.get("edge50_eV")).doubleValue() > 8330, j.toString());
        Result many = run(cat(new String[] {"xanes", "spectrum", "--input", prj.toString()}, ni));
        assertEquals(2, many.code());
        assertTrue(many.err().contains("8 groups") && many.err().contains("fenis_ni_rt_xafs_010"), many.err());
        Path empty = dir.resolve("empty.prj");
        try (java.io.OutputStream os = new java.util.zip.GZIPOutputStream(Files.newOutputStream(empty))) {
            os.write("$old_group = 'g';\n@args = ('label','no arrays');\n[record]\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Result noArr = run(cat(new String[] {"xanes", "spectrum", "--input", empty.toString()}, ni));
        assertEquals(2, noArr.code());
        assertEquals(1, noArr.err().trim().lines().count(), noArr.err());
        assertTrue(noArr.err().contains("group 'no arrays'") && noArr.err().contains("expected @x and @y"), noArr.err());
        Result unknown = run(cat(new String[] {"xanes", "spectrum", "--input", prj.toString(), "--group", "zzz"}, ni));
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--group 'zzz'"), unknown.err());

        String[] cu = {"--pre", "8930:8965", "--post", "9030:9300", "--edge", "8970:9000"};
        Result d = run(cat(new String[] {"xanes", "spectrum", "--json", "--input", xdi.toString()}, cu));
        Result f = run(cat(new String[] {"xanes", "spectrum", "--json", "--input", xdi.toString(), "--mu-column", "mufluor"}, cu));
        Result t = run(cat(new String[] {"xanes", "spectrum", "--json", "--input", xdi.toString(), "--mu-column", "mutrans"}, cu));
        assertEquals(0, d.code(), d.err());
        assertEquals("mufluor", d.json().get("mu_column"));
        assertTrue(String.valueOf(d.json().get("note")).contains("edge contrast"));
        assertEquals("mufluor", f.json().get("mu_column"));
        assertEquals(f.json().get("edge50_eV"), d.json().get("edge50_eV"));
        assertEquals("mutrans", t.json().get("mu_column"));
        assertTrue(((Number) f.json().get("edge_jump")).doubleValue() > 10);
        Result bad = run(cat(new String[] {"xanes", "spectrum", "--input", xdi.toString(), "--mu-column", "nope"}, cu));
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().trim().lines().count(), bad.err());
        assertTrue(bad.err().contains(xdi.toString()) && bad.err().contains("available"), bad.err());
    }

    @Test
    void inspectCoversEveryXanesInput() throws Exception {
        Path xrm = SHARED.resolve("real-formats/xanes/xanespy_ssrl_rep01_08324eV_001of003.xrm");
        Assumptions.assumeTrue(Files.isRegularFile(xrm), "SKIP: real XANES fixtures not found");
        Map<String, Object> x = run("inspect", "--json", "--input", xrm.toString()).json();
        assertEquals("xanes", x.get("family"));
        assertEquals("Xradia .xrm", x.get("format"));
        assertEquals(8324.0, ((Number) x.get("energy_eV")).doubleValue(), 0.0);
        assertEquals("file name", x.get("energy_source"));
        assertEquals(List.of(1024.0, 1024.0), x.get("shape"));
        assertEquals(31.2, ((Number) x.get("pixel_size_nm")).doubleValue(), 1e-9);
        assertEquals("uint16", x.get("data_type"));
        Map<String, Object> p = run("inspect", "--json", "--input", SHARED.resolve("xanes/larch_NiO.prj").toString()).json();
        assertEquals(24.0, ((Number) p.get("rows")).doubleValue());
        assertEquals(24, ((List<?>) p.get("groups")).size());
        Map<String, Object> g = run("inspect", "--json", "--input", SHARED.resolve("real-formats/xanes/larch_cu_romanglass.xdi").toString()).json();
        assertEquals("XDI", g.get("format"));
        assertEquals("mufluor", g.get("mu_column"));
        assertTrue(((List<?>) g.get("warnings")).toString().contains("several mu channels"));
        Path stack = dir.resolve("s.h5");
        Hdf5XanesStackWriter.write(stack, XanesLayout.TXM_SANDBOX_2D, new double[] {8300, 8400}, new float[2][1][3][4], false, 0);
        Map<String, Object> h = run("inspect", "--json", "--input", stack.toString()).json();
        assertEquals("TXM_SANDBOX_2D", h.get("layout"));
        assertEquals(List.of(2.0, 3.0, 4.0), h.get("shape"));
        assertEquals(List.of(8300.0, 8400.0), h.get("energy_range_eV"));
    }
}
