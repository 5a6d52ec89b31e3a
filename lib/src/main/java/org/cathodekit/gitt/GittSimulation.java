package org.cathodekit.gitt;

import java.util.List;

import org.cathodekit.core.CyclerData;

/**
 * Output of {@link GittModel#simulate}: the series and the planted truth per pulse.
 *
 * @param options        the model options
 * @param data           the simulated series (time s, voltage V, current A)
 * @param pulseStartS    start of each pulse [s]
 * @param plantedDM2PerS planted D of each pulse, D(x at the pulse middle) [m^2/s]
 * @param xMid           mean Li content at the middle of each pulse
 * @param directions     direction of each pulse
 * @param tauS           pulse duration [s]
 */
public record GittSimulation(GittModelOptions options, CyclerData data, double[] pulseStartS, double[] plantedDM2PerS,
        double[] xMid, List<PulseDirection> directions, double tauS) {

    public GittSimulation {
        pulseStartS = pulseStartS.clone();
        plantedDM2PerS = plantedDM2PerS.clone();
        xMid = xMid.clone();
        directions = List.copyOf(directions);
    }

    @Override
    public double[] pulseStartS() {
        return pulseStartS.clone();
    }

    @Override
    public double[] plantedDM2PerS() {
        return plantedDM2PerS.clone();
    }

    @Override
    public double[] xMid() {
        return xMid.clone();
    }

    /** @return the number of pulses. */
    public int pulses() {
        return pulseStartS.length;
    }
}
