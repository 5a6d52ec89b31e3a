package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.xanes.EdgeOptions;
import org.cathodekit.xanes.EnergyWindow;
import org.cathodekit.xanes.SpectrumMetrics;
import org.cathodekit.xanes.Xanes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Athena projects: the two real generations (larch's Demeter 0.9.26 JSON FeNiS project and Demeter
 * 0.9.21 Perl NiO project) against an independent reader and edge50 in python/numpy
 * ({@code athena_edge50.py}), and hand-made projects for the tokenizer and the bad cases.
 */
class AthenaProjectTest {
    @TempDir
    Path dir;

    static final Path SHARED = Path.of(System.getProperty("user.dir")).resolve("../../shared/reference-data").normalize();
    static final Path JSON_PRJ = SHARED.resolve("real-formats/xanes/larch_Ni_FeNiS20_RT.prj");
    static final Path PERL_PRJ = SHARED.resolve("xanes/larch_NiO.prj");
    static final Path SCRIPT = Path.of(System.getProperty("user.dir")).resolve("src/test/resources/org/cathodekit/io/athena_edge50.py");

    /**
     * Ours vs numpy on the same arrays and windows (eV): both compute the same definition (least-squares
     * lines, linear interpolation), so they agree to rounding; the bound is 0.05 eV, we ask 1e-6.
     */
    static final double INDEPENDENT_EV = 1e-6;

    /** The windows the oracle uses: Athena's pre-edge and normalisation ranges around its e0, edge50 within e0 +- 20 eV. */
    static EdgeOptions athenaWindows(AthenaProject.Group g) {
        AthenaProject.AthenaParameters a = g.athena();
        return EdgeOptions.DEFAULTS.withEdgeWindows(new EnergyWindow(a.e0Ev() + a.pre1Ev(), a.e0Ev() + a.pre2Ev()),
                new EnergyWindow(a.e0Ev() + a.nor1Ev(), a.e0Ev() + a.nor2Ev()),
                new EnergyWindow(a.e0Ev() - 20, a.e0Ev() + 20)).withWhiteline(null);
    }

    /** label -> {points, e0, edge50} from the python oracle; null when python3 with numpy is absent. */
    static Map<String, double[]> oracle(Path prj) throws Exception {
        Path py = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(py) || !Hdf5XanesStackTest.run(List.of(py.toString(), "-c", "import numpy")).startsWith("0")) {
            return null;
        }
        String out = Hdf5XanesStackTest.run(List.of(py.toString(), SCRIPT.toString(), prj.toString()));
        assertTrue(out.startsWith("0\n"), out);
        Map<String, double[]> m = new HashMap<>();
        for (String l : out.substring(2).split("\n")) {
            if (!l.isBlank()) {
                String[] f = l.split("\t");
                m.putIfAbsent(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            }
        }
        return m;
    }

    static void compareWithOracle(AthenaProject p, Map<String, double[]> o) {
        for (AthenaProject.Group g : p.groups()) {
            SpectrumMetrics m = Xanes.spectrum(g.energiesEv(), g.y(), athenaWindows(g));
            System.out.printf(Locale.ROOT, "%s %-22s edge50 %.4f eV (Athena e0 %.3f, eshift %.3f)%n", p.file().getFileName(), g.label(),
                    m.edge50Ev(), g.athena().e0Ev(), g.athena().eshiftEv());
            if (o != null) {
                double[] r = o.get(g.label());
                if (g.name().equals(p.group(g.label()).name())) {
                    assertEquals(r[0], g.points(), 0.0, g.label());
                    assertEquals(r[1], g.athena().e0Ev(), 1e-6, g.label());
                    assertEquals(r[2], m.edge50Ev(), INDEPENDENT_EV, g.label());
                }
            }
        }
    }

    @Test
    void demeterJsonProjectListsItsGroupsAndMatchesNumpy() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JSON_PRJ), "SKIP: " + JSON_PRJ + " not found");
        AthenaProject p = AthenaProject.read(JSON_PRJ);
        assertEquals("Demeter JSON", p.generation());
        assertTrue(p.header().contains("Demeter version 0.9.26"), p.header());
        assertEquals(List.of("fenis_ni_rt_xafs_003", "fenis_ni_rt_xafs_004", "fenis_ni_rt_xafs_005", "fenis_ni_rt_xafs_006",
                "fenis_ni_rt_xafs_007", "fenis_ni_rt_xafs_008", "fenis_ni_rt_xafs_009", "fenis_ni_rt_xafs_010"), p.labels());
        AthenaProject.Group g = p.group("fenis_ni_rt_xafs_003");
        // values as in the file (zcat): npts 351, x[0] "8227.951", y[0] "10026.0", bkg_e0 "8338.493", bkg_nor2 "538.379999999999"
        assertEquals(351, g.points());
        assertEquals(8227.951, g.x()[0], 0.0);
        assertEquals(10026.0, g.y()[0], 0.0);
        assertEquals(8338.493, g.athena().e0Ev(), 0.0);
        assertEquals(538.379999999999, g.athena().nor2Ev(), 0.0);
        assertEquals(3, g.athena().nnorm(), 0.0);
        Map<String, double[]> o = oracle(JSON_PRJ);
        if (o == null) {
            System.out.println("SKIP numpy oracle: /usr/bin/python3 with numpy not available");
        }
        compareWithOracle(p, o);
        DataFormatException many = assertThrows(DataFormatException.class, () -> p.group(null));
        assertTrue(many.getMessage().contains("8 groups") && many.getMessage().contains("fenis_ni_rt_xafs_010"), many.getMessage());
        DataFormatException unknown = assertThrows(DataFormatException.class, () -> p.group("nope"));
        assertTrue(unknown.getMessage().contains("--group 'nope'") && unknown.getMessage().contains("fenis_ni_rt_xafs_003"));
    }

    @Test
    void demeterPerlProjectListsItsGroupsAndMatchesNumpy() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(PERL_PRJ), "SKIP: " + PERL_PRJ + " not found");
        AthenaProject p = AthenaProject.read(PERL_PRJ);
        assertEquals("Demeter Perl data", p.generation());
        // reference README: 11 NiO scans + merge with Ni foil references; Athena e0 8344.00 eV, step 0.7797 (scan 0),
        // pre-edge -150/-30, normalisation 150/1125.97 eV, nnorm 3
        assertEquals(24, p.groups().size());
        AthenaProject.Group g = p.group("NiO.000");
        assertEquals(8344.00143, g.athena().e0Ev(), 1e-9);
        assertEquals(0.7797, g.athena().edgeStep(), 5e-5);
        assertEquals(-150, g.athena().pre1Ev(), 1e-9);
        assertEquals(-30, g.athena().pre2Ev(), 1e-9);
        assertEquals(150, g.athena().nor1Ev(), 1e-9);
        assertEquals(1125.97, g.athena().nor2Ev(), 1e-9);
        assertEquals(List.of("x", "y", "i0", "signal"), g.arrays());
        assertEquals("  Ref NiO.000", p.groups().get(1).label());
        compareWithOracle(p, oracle(PERL_PRJ));
        // Athena's shift aligns the scans: the calibrated half-steps of the 11 scans agree within ALIGNED_EV,
        // while the raw x axes drift by more than 5 eV over the series
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double rawLo = Double.POSITIVE_INFINITY;
        double rawHi = Double.NEGATIVE_INFINITY;
        for (AthenaProject.Group s : p.groups()) {
            if (s.label().startsWith("NiO.")) {
                double e = Xanes.spectrum(s.energiesEv(), s.y(), athenaWindows(s)).edge50Ev();
                double r = Xanes.spectrum(s.x(), s.y(), athenaWindows(s)).edge50Ev();
                lo = Math.min(lo, e);
                hi = Math.max(hi, e);
                rawLo = Math.min(rawLo, r);
                rawHi = Math.max(rawHi, r);
            }
        }
        System.out.printf(Locale.ROOT, "NiO scans: calibrated edge50 spread %.3f eV, raw %.3f eV%n", hi - lo, rawHi - rawLo);
        assertTrue(hi - lo < ALIGNED_EV, "calibrated spread " + (hi - lo));
        assertTrue(rawHi - rawLo > 5, "raw spread " + (rawHi - rawLo));
    }

    /**
     * Spread of the aligned NiO scans' half-steps (eV): measured 0.26; Athena aligns the reference foils'
     * derivative peaks, not half-steps, and the foils' own calibrated half-steps still spread by 0.19 eV.
     */
    static final double ALIGNED_EV = 0.3;

    static Path gz(Path f, String text) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }

    @Test
    void perlTokenizerReadsQuotesHashesAndBlessWithoutEvaluating() throws IOException {
        Path f = gz(dir.resolve("t.prj"), "# Athena project file -- Demeter version 0.9.21\n"
                + "$old_group = 'abc';\n"
                + "@args = ('label','it''s \\'quoted\\' # not a comment','bkg_e0','8333.5','titles',['a','b'],'bkg_eshift',-0.5,'x',undef);\n"
                + "@x = ('8300','8310.5',8320);\n@y = ('0.1','0.2','0.3');\n"
                + "$xdi = bless( {'k' => {'n' => [1,2]}, 'e' => 'system(\"rm -rf /\")'}, 'Xray::XDI' );\n"
                + "[record]   # create object\n\n@journal = ();\n1;\n");
        assertThrows(DataFormatException.class, () -> AthenaProject.read(f), "adjacent quoted strings are not Perl data");
        Path g = gz(dir.resolve("u.prj"), "# Athena project file -- Demeter version 0.9.21\n"
                + "$old_group = 'abc';\n"
                + "@args = ('label','it\\'s \"quoted\" # not a comment','bkg_e0','8333.5','titles',['a','b'],'bkg_eshift',-0.5,'x',undef);\n"
                + "@x = ('8300','8310.5',8320);\n@y = ('0.1','0.2','0.3');\n"
                + "$xdi = bless( {'k' => {'n' => [1,2]}, 'e' => 'system(\"rm -rf /\")'}, 'Xray::XDI' );\n"
                + "[record]   # create object\n\n@journal = ();\n1;\n");
        AthenaProject p = AthenaProject.read(g);
        AthenaProject.Group a = p.group(null);
        assertEquals("it's \"quoted\" # not a comment", a.label());
        assertEquals(8333.5, a.athena().e0Ev(), 0.0);
        assertEquals(List.of(8300.0, 8310.5, 8320.0), java.util.Arrays.stream(a.x()).boxed().toList());
        assertEquals(8299.5, a.energiesEv()[0], 0.0);
        assertTrue(Double.isNaN(a.athena().nor1Ev()));
        // code is never run: larch's danger.prj holds '@journal = system("hephaestus");'
        Path code = gz(dir.resolve("code.prj"), "$old_group = 'g';\n@args = ('label','s');\n@x = ('1','2');\n@y = ('3','4');\n"
                + "[record]\n@journal = system(\"touch " + dir.resolve("pwned") + "\");\n1;\n");
        AthenaProject c = AthenaProject.read(code);
        assertEquals(2, c.group("s").points());
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).contains("@journal = system(...) is code"), c.warnings().get(0));
        assertTrue(!Files.exists(dir.resolve("pwned")));
    }

    @Test
    void groupWithoutArraysAndNonProjectsAreNamed() throws IOException {
        Path f = gz(dir.resolve("noarr.prj"), "$old_group = 'g1';\n@args = ('label','empty one');\n[record]\n"
                + "$old_group = 'g2';\n@args = ('label','good');\n@x = ('1','2');\n@y = ('3','4');\n");
        AthenaProject p = AthenaProject.read(f);
        assertEquals(List.of("empty one", "good"), p.labels());
        assertNull(p.groups().get(0).x());
        DataFormatException e = assertThrows(DataFormatException.class, () -> p.group("empty one"));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("group 'empty one'")
                && e.getMessage().contains("no x (energy) array"), e.getMessage());
        assertEquals(2, p.group("good").points());
        Path plain = dir.resolve("plain.prj");
        Files.writeString(plain, "$old_group = 'x';");
        assertTrue(assertThrows(DataFormatException.class, () -> AthenaProject.read(plain)).getMessage().contains("neither gzip"));
        // Athena 0.8 wrote uncompressed projects: read like the gzip'd ones
        Path old = Files.writeString(dir.resolve("old.prj"), "# Athena project file -- Athena version 0.8.035\n"
                + "$old_group = 'g';\n@args = ('label','s');\n@x = ('1','2');\n@y = ('3','4');\n");
        assertEquals(2, AthenaProject.read(old).group("s").points());
        Path other = gz(dir.resolve("other.prj"), "hello world\n");
        assertTrue(assertThrows(DataFormatException.class, () -> AthenaProject.read(other)).getMessage().contains("neither"));
        Path bad = gz(dir.resolve("bad.prj"), "$old_group = 'g';\n@x = ('1','abc');\n@y = ('1','2');\n");
        DataFormatException b = assertThrows(DataFormatException.class, () -> AthenaProject.read(bad));
        assertTrue(b.getMessage().contains("array x, element 2") && b.getMessage().contains("'abc'"), b.getMessage());
        Path chi = gz(dir.resolve("chi.prj"), "$old_group = 'g';\n@args = ('label','k','is_chi',1);\n@x = ('1','2');\n@y = ('1','2');\n");
        assertTrue(assertThrows(DataFormatException.class, () -> AthenaProject.read(chi).group("k")).getMessage().contains("chi(k)"));
    }
}
