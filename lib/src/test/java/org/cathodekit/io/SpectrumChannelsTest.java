package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.xanes.EdgeOptions;
import org.cathodekit.xanes.EnergyWindow;
import org.cathodekit.xanes.SpectrumMetrics;
import org.cathodekit.xanes.Xanes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explicit channels ({@code --mu-column}), the default channel rule and monochromator jitter. */
class SpectrumChannelsTest {
    @TempDir
    Path dir;

    static final Path GLASS = Path.of(System.getProperty("user.dir"))
            .resolve("../../shared/reference-data/real-formats/xanes/larch_cu_romanglass.xdi").normalize();

    /** Cu K-edge windows for the roman glass (8928-9354 eV scan, Cu metal edge 8979 eV). */
    static final EdgeOptions CU = EdgeOptions.DEFAULTS.withEdgeWindows(new EnergyWindow(8930, 8965), new EnergyWindow(9030, 9300),
            new EnergyWindow(8970, 9000)).withWhiteline(null);

    @Test
    void romanGlassFluorescenceByDefaultAndByName() {
        Assumptions.assumeTrue(Files.isRegularFile(GLASS), "SKIP: " + GLASS + " not found");
        SpectrumFile def = SpectrumFile.read(GLASS);
        SpectrumFile fl = SpectrumFile.read(GLASS, new SpectrumFile.Options("mufluor", 0.05));
        SpectrumFile tr = SpectrumFile.read(GLASS, new SpectrumFile.Options("mutrans", 0.05));
        SpectrumFile raw = SpectrumFile.read(GLASS, new SpectrumFile.Options("ifluor/i0", 0.05));
        assertEquals("mufluor", def.muColumn(), def.note());
        assertTrue(def.note().contains("edge contrast") && def.note().contains("mutrans"), def.note());
        // stored channels first (in the reader's fixed order), then those formed from the intensities
        assertEquals(List.of("mutrans", "mufluor", "ln(i0/itrans)", "ifluor/i0", "ln(itrans/irefer)"), def.availableChannels());
        assertEquals("mufluor", fl.muColumn());
        // the file's mufluor column is ifluor/i0 (deadtime-corrected): the formed channel equals it to its 7 digits
        double[] a = fl.mu();
        double[] b = raw.mu();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-6 * Math.abs(a[i]) + 1e-6, "point " + i);
        }
        SpectrumMetrics mf = Xanes.spectrum(fl.energiesEv(), fl.mu(), CU);
        SpectrumMetrics mt = Xanes.spectrum(tr.energiesEv(), tr.mu(), CU);
        System.out.printf(Locale.ROOT, "roman glass: fluorescence edge50 %.3f eV jump %.3f; transmission edge50 %.3f jump %.3f%n",
                mf.edge50Ev(), mf.edgeJump(), mt.edge50Ev(), mt.edgeJump());
        // README: the usable signal is fluorescence, jump ~14 vs ~0.1 in transmission
        assertTrue(mf.edgeJump() > 10 && Math.abs(mt.edgeJump()) < 1, mf.edgeJump() + " / " + mt.edgeJump());
        assertTrue(mf.edge50Ev() > 8975 && mf.edge50Ev() < 8995, "Cu K-edge half-step " + mf.edge50Ev());
        assertEquals("mu", def.columns().get(1).role());
        assertEquals("unused", def.columns().get(2).role());
        assertEquals("i0", def.columns().get(5).role());
        assertEquals("itrans", def.columns().get(6).role());
        assertEquals("", def.columns().get(3).unit(), "the '# deadtime-corrected' comment is not a unit");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> SpectrumFile.read(GLASS, new SpectrumFile.Options("mu_fluo", 0.05)));
        assertTrue(e.getMessage().contains("--mu-column 'mu_fluo'") && e.getMessage().contains("mufluor"), e.getMessage());
        assertEquals("mufluor", SpectrumFile.read(GLASS, new SpectrumFile.Options("fluorescence", 0.05)).muColumn());
        // no stored murefer: the alias forms the reference channel
        assertEquals("ln(itrans/irefer)", SpectrumFile.read(GLASS, new SpectrumFile.Options("refer", 0.05)).muColumn());
    }

    /** A planted two-channel file: the noisy flat channel loses, the rising one wins, whatever the column order. */
    @Test
    void defaultRulePicksTheChannelWithTheEdge() throws IOException {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        StringBuilder a = new StringBuilder("# XDI/1.0\n# Column.1: energy eV\n# Column.2: mutrans\n# Column.3: mufluor\n#---\n");
        StringBuilder b = new StringBuilder("# XDI/1.0\n# Column.1: energy eV\n# Column.2: mufluor\n# Column.3: mutrans\n#---\n");
        for (int i = 0; i < 200; i++) {
            double e = 8300 + i;
            double edge = 1 / (1 + Math.exp(-(e - 8400) / 2));
            double t = 2.0 + 0.01 * r.nextGaussian();
            double f = 0.1 + 0.5 * edge + 0.01 * r.nextGaussian();
            a.append(String.format(Locale.ROOT, "%.1f %.6f %.6f%n", e, t, f));
            b.append(String.format(Locale.ROOT, "%.1f %.6f %.6f%n", e, f, t));
        }
        Path fa = Files.writeString(dir.resolve("a.xdi"), a);
        Path fb = Files.writeString(dir.resolve("b.xdi"), b);
        assertEquals("mufluor", SpectrumFile.read(fa).muColumn());
        assertEquals("mufluor", SpectrumFile.read(fb).muColumn());
        // noiseless rising channel: infinite contrast wins over a noisy one
        assertEquals(Double.POSITIVE_INFINITY, SpectrumFile.edgeContrast(new double[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}));
        // a text file with a named header takes the same rule and names
        Path txt = Files.writeString(dir.resolve("c.csv"), "energy,mutrans,mufluor\n" + a.toString().lines().filter(l -> !l.startsWith("#"))
                .map(l -> l.replace(' ', ',')).reduce("", (x, y) -> x + y + "\n"));
        SpectrumFile t = SpectrumFile.read(txt);
        assertEquals("mufluor", t.muColumn(), t.note());
        assertEquals("mutrans", SpectrumFile.read(txt, new SpectrumFile.Options("trans", 0.05)).muColumn());
        // unnamed columns: the second by default, 'column N' on request
        Path plain = Files.writeString(dir.resolve("p.txt"), "8330 1 5\n8331 2 6\n8332 3 7\n");
        assertArrayEquals(new double[] {1, 2, 3}, SpectrumFile.read(plain).mu());
        assertArrayEquals(new double[] {5, 6, 7}, SpectrumFile.read(plain, new SpectrumFile.Options("column 3", 0.05)).mu());
        assertThrows(DataFormatException.class, () -> SpectrumFile.read(plain, new SpectrumFile.Options("column 9", 0.05)));
    }

    @Test
    void monochromatorJitterIsSortedAndLargerStepsBackRefused() throws IOException {
        // one read-back 0.02 eV below its predecessor, one exact duplicate
        Path f = Files.writeString(dir.resolve("j.dat"), "8330.00 0.10\n8331.00 0.20\n8330.98 0.30\n8332.00 0.40\n8332.00 0.60\n8333 0.7\n");
        SpectrumFile s = SpectrumFile.read(f);
        assertArrayEquals(new double[] {8330.00, 8330.98, 8331.00, 8332.00, 8333}, s.energiesEv(), 0.0);
        assertArrayEquals(new double[] {0.10, 0.30, 0.20, 0.50, 0.7}, s.mu(), 1e-15);
        assertEquals(1, s.warnings().size());
        assertTrue(s.warnings().get(0).startsWith("2 point(s) stepped back") && s.warnings().get(0).contains("1 duplicate"),
                s.warnings().get(0));
        // the same file with no tolerance is refused at line 3
        DataFormatException z = assertThrows(DataFormatException.class, () -> SpectrumFile.read(f, new SpectrumFile.Options(null, 0)));
        assertTrue(z.getMessage().contains("line 3") && z.getMessage().contains("8330.98") && z.getMessage().contains("8331"), z.getMessage());
        // a step back larger than the tolerance (0.06 > 0.05 eV) is refused naming the line and both energies
        Path g = Files.writeString(dir.resolve("k.dat"), "8330.00 0.1\n8331.00 0.2\n8330.94 0.3\n8332 0.4\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> SpectrumFile.read(g));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("8330.94") && e.getMessage().contains("8331")
                && e.getMessage().contains("0.05"), e.getMessage());
        // keV files: the tolerance is in eV after conversion (0.02 eV = 0.00002 keV)
        Path kev = Files.writeString(dir.resolve("kev.dat"), "8.33000 0.1\n8.33100 0.2\n8.33098 0.3\n8.33200 0.4\n");
        assertEquals(1, SpectrumFile.read(kev).warnings().size());
    }
}
