package org.cathodekit.cycling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cathodekit.core.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paper C eq. 3 by hand, and the table reader's unit handling. */
class FourPointProbeTest {

    @Test
    void thinFilmAndPelletByHand() {
        // t = 1 um, V/I = 2.31 mV / 1 mA = 2.31 ohm: rho = pi 1e-6 / ln 2 * 2.31 = 1.046975e-5 ohm m
        ProbeResult f = FourPointProbe.of(ProbeMeasurement.thinFilm("film", 2.31e-3, 1e-3, 1e-6));
        double rho = Math.PI * 1e-6 / Math.log(2) * 2.31;
        assertEquals(rho, f.resistivityOhmM(), 1e-15);
        assertEquals(1.0469752e-5, f.resistivityOhmM(), 1e-11, "pi/ln2 = 4.532360; x 1 um x 2.31 ohm");
        assertEquals(1 / rho, f.conductivitySPerM(), 1e-6);
        assertEquals(100 * rho, f.resistivityOhmCm(), 1e-15);
        assertEquals(1 / rho / 100, f.conductivitySPerCm(), 1e-8);
        // pellet w = 5 mm, L = 10 mm, t = 1 mm, V/I = 0.5 ohm: rho = (5e-3 * 10e-3 / 1e-3) * 0.5 = 0.025 ohm m
        ProbeResult p = FourPointProbe.of(ProbeMeasurement.pellet("pellet", 0.5, 1.0, 1e-3, 5e-3, 10e-3));
        assertEquals(0.025, p.resistivityOhmM(), 1e-15);
        assertEquals(40.0, p.conductivitySPerM(), 1e-12);
        assertEquals(0.05, p.geometryFactorM(), 1e-15);
    }

    @Test
    void tableUnitsAreConverted(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.csv");
        Files.writeString(a, "# four-point probe\nsample,geometry,voltage_mV,current_mA,thickness_um,width_mm,length_mm\n"
                + "film,thin_film,2.31,1.0,1.0,,\npellet,pellet,500,1000,1000,5,10\n");
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "sample,geometry,voltage (V),current (A),thickness (m),width (m),length (m)\n"
                + "film,thin_film,0.00231,0.001,1e-6,,\npellet,pellet,0.5,1,0.001,0.005,0.01\n");
        List<ProbeResult> ra = FourPointProbe.of(ProbeTable.read(a));
        List<ProbeResult> rb = FourPointProbe.of(ProbeTable.read(b));
        assertEquals(2, ra.size());
        for (int k = 0; k < 2; k++) {
            assertEquals(rb.get(k).resistivityOhmM(), ra.get(k).resistivityOhmM(), 1e-12 * rb.get(k).resistivityOhmM());
        }
        assertEquals(0.025, ra.get(1).resistivityOhmM(), 1e-12);
    }

    @Test
    void badTablesAreRefusedWithPlace(@TempDir Path dir) throws IOException {
        Path unit = dir.resolve("unit.csv");
        Files.writeString(unit, "sample,geometry,voltage_furlong,current_mA,thickness_um\nx,thin_film,1,1,1\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> ProbeTable.read(unit));
        assertTrue(e.getMessage().contains("unit.csv") && e.getMessage().contains("voltage_furlong")
                && e.getMessage().contains("mV"), e.getMessage());
        Path neg = dir.resolve("neg.csv");
        Files.writeString(neg, "sample,geometry,voltage_mV,current_mA,thickness_um\nx,thin_film,-1,1,1\n");
        DataFormatException f = assertThrows(DataFormatException.class, () -> ProbeTable.read(neg));
        assertTrue(f.getMessage().contains("line 2") && f.getMessage().contains("positive"), f.getMessage());
        Path pellet = dir.resolve("pellet.csv");
        Files.writeString(pellet, "sample,geometry,voltage_mV,current_mA,thickness_um\np,pellet,1,1,1\n");
        DataFormatException g = assertThrows(DataFormatException.class, () -> ProbeTable.read(pellet));
        assertTrue(g.getMessage().contains("width"), g.getMessage());
        Path noUnit = dir.resolve("nounit.csv");
        Files.writeString(noUnit, "sample,geometry,voltage,current_mA,thickness_um\np,thin_film,1,1,1\n");
        assertThrows(DataFormatException.class, () -> ProbeTable.read(noUnit));
        assertThrows(IllegalArgumentException.class, () -> ProbeMeasurement.thinFilm("z", 1, 0, 1));
    }
}
