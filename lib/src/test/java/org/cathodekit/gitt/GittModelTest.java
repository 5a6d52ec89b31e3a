package org.cathodekit.gitt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.core.CyclerData;
import org.cathodekit.io.CyclerReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GittModelTest {

    /**
     * Naive reference: finite-volume backward-Euler solution of du/dtheta = (1/rho^2) d/drho(rho^2 du/drho)
     * on the unit sphere with unit influx at rho = 1 (so the mean rises as 3 theta). The surface
     * excess u(1) - 3 theta must equal the model's analytic h(theta) (series / short-time closed form).
     */
    @Test
    void surfaceExcessMatchesFiniteVolumeSolution() {
        int n = 400;
        double dr = 1.0 / n;
        double dt = 1e-5;
        double[] u = new double[n];
        double[] vol = new double[n];
        double[] aIn = new double[n + 1]; // face areas rho^2 at faces i/n
        for (int i = 0; i <= n; i++) {
            double r = i * dr;
            aIn[i] = r * r;
        }
        for (int i = 0; i < n; i++) {
            double r0 = i * dr;
            double r1 = (i + 1) * dr;
            vol[i] = (r1 * r1 * r1 - r0 * r0 * r0) / 3;
        }
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        double[] rhs = new double[n];
        double[] cp = new double[n];
        double[] dp = new double[n];
        double[] checkAt = {0.01, 0.05, 0.1, 0.3};
        int next = 0;
        int steps = (int) Math.round(0.3 / dt);
        for (int s = 1; s <= steps; s++) {
            for (int i = 0; i < n; i++) {
                double gl = i > 0 ? aIn[i] / dr : 0;
                double gr = i < n - 1 ? aIn[i + 1] / dr : 0;
                a[i] = -dt * gl;
                c[i] = -dt * gr;
                b[i] = vol[i] + dt * (gl + gr);
                rhs[i] = vol[i] * u[i] + (i == n - 1 ? dt * aIn[n] * 1.0 : 0);
            }
            cp[0] = c[0] / b[0];
            dp[0] = rhs[0] / b[0];
            for (int i = 1; i < n; i++) {
                double m = b[i] - a[i] * cp[i - 1];
                cp[i] = c[i] / m;
                dp[i] = (rhs[i] - a[i] * dp[i - 1]) / m;
            }
            u[n - 1] = dp[n - 1];
            for (int i = n - 2; i >= 0; i--) {
                u[i] = dp[i] - cp[i] * u[i + 1];
            }
            double theta = s * dt;
            if (next < checkAt.length && Math.abs(theta - checkAt[next]) < dt / 2) {
                // surface value: last cell centre plus half a cell of the imposed unit gradient
                double surface = u[n - 1] + 0.5 * dr;
                double h = surface - 3 * theta;
                double analytic = GittModel.surfaceExcess(theta);
                assertEquals(analytic, h, 0.01 * analytic, "theta " + theta);
                next++;
            }
        }
        assertEquals(checkAt.length, next);
    }

    @Test
    void simulationIsDeterministicAndConservesCharge() {
        GittModelOptions o = GittModel.sampleOptions().withXRange(0.8, 0.7);
        GittSimulation a = GittModel.simulate(o);
        GittSimulation b = GittModel.simulate(o);
        assertTrue(java.util.Arrays.equals(a.data().voltageV(), b.data().voltageV()));
        // after the last long rest the potential is the OCV of the mean content (relaxed) + noise
        CyclerData d = a.data();
        double qTotal = 0;
        double[] t = d.timeS();
        double[] c = d.currentA();
        for (int i = 1; i < t.length; i++) {
            qTotal += c[i - 1] * (t[i] - t[i - 1]); // left rectangle: current held until the next sample
        }
        double xEnd = o.xStart() - qTotal / (Gitt.FARADAY * o.activeMassG() / o.molarMassGPerMol());
        double expectedX = o.xStart(); // charge then discharge back by the same number of titrations
        int nCharge = (int) a.directions().stream().filter(x -> x == PulseDirection.CHARGE).count();
        int nDis = a.pulses() - nCharge;
        double dx = o.currentA() * a.tauS() / (Gitt.FARADAY * o.activeMassG() / o.molarMassGPerMol());
        expectedX += (nDis - nCharge) * dx;
        // left-rectangle integration counts one extra sample interval per pulse
        assertEquals(expectedX, xEnd, a.pulses() * dx / 1200 + 1e-12);
    }

    /** The committed sample file reads back to the same analysis as the in-memory simulation. */
    @Test
    void committedSampleMatchesItsGenerator() {
        Path f = Path.of(System.getProperty("user.dir")).resolve("../data-samples/gitt/sc-nc91-gitt-synthetic.csv.gz");
        Assumptions.assumeTrue(Files.isRegularFile(f), "sample absent: " + f);
        GittSimulation sim = GittModel.simulate(GittModel.sampleOptions().withDiffusivity(PlantedDiffusivity.SC_NC91));
        CyclerData fromFile = CyclerReader.read(f);
        assertEquals(sim.data().size(), fromFile.size());
        GittOptions o = GittOptions.DEFAULTS.withRadiusM(2e-6);
        GittResult a = Gitt.analyse(sim.data(), o);
        GittResult b = Gitt.analyse(fromFile, o);
        assertEquals(a.pulses().size(), b.pulses().size());
        for (int k = 0; k < a.pulses().size(); k++) {
            // the file rounds voltages to 1 uV and currents to 10 nA
            assertEquals(a.pulses().get(k).dM2PerS(), b.pulses().get(k).dM2PerS(), 2e-3 * a.pulses().get(k).dM2PerS());
        }
    }
}
