package org.cathodekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;

import org.cathodekit.cycling.CycleOptions;
import org.cathodekit.cycling.CyclingModel;
import org.cathodekit.cycling.DqdvOptions;
import org.cathodekit.cycling.OnsetDefinition;
import org.cathodekit.cycling.PlantedCycling;
import org.cathodekit.diffraction.LatticeOptions;
import org.cathodekit.diffraction.PeakFitOptions;
import org.cathodekit.diffraction.SeriesOptions;
import org.cathodekit.diffraction.SyntheticSpec;
import org.cathodekit.diffraction.WilliamsonHallOptions;
import org.cathodekit.gitt.GittModelOptions;
import org.cathodekit.gitt.GittOptions;
import org.cathodekit.gradient.GradientOptions;
import org.cathodekit.io.CyclerReadOptions;
import org.cathodekit.synthetic.ParticleOptions;
import org.cathodekit.synthetic.SocEnergyMap;
import org.cathodekit.synthetic.SocField;
import org.cathodekit.synthetic.SpectrumModel;
import org.cathodekit.thermal.MassReference;
import org.cathodekit.thermal.SyntheticTga;
import org.cathodekit.thermal.TgaOptions;
import org.cathodekit.tomo.RegistrationOptions;
import org.cathodekit.tomo.SegmentationOptions;
import org.cathodekit.xanes.EdgeOptions;
import org.junit.jupiter.api.Test;

/**
 * The generated builders and {@code withX} copies of every {@link OptionsRecord}: a copy changes
 * exactly the component it names, builders go through the compact constructor (validation), and
 * the hand-written multi-component copies keep their meaning.
 */
class OptionsRecordTest {

    /** One instance of every options record (DEFAULTS, or the factory where there is none). */
    static final List<Record> OPTIONS = List.of(EdgeOptions.DEFAULTS, GittOptions.DEFAULTS, GittModelOptions.DEFAULTS,
            TgaOptions.DEFAULTS, PeakFitOptions.DEFAULTS, LatticeOptions.DEFAULTS, SeriesOptions.DEFAULTS,
            WilliamsonHallOptions.DEFAULTS, CycleOptions.DEFAULTS, DqdvOptions.DEFAULTS, GradientOptions.DEFAULTS,
            RegistrationOptions.DEFAULTS, SegmentationOptions.DEFAULTS, CyclerReadOptions.DEFAULTS,
            ParticleOptions.DEFAULTS, CyclingModel.Options.of(PlantedCycling.ROD_PAPER_A, 7),
            // synthetic-data parameters (planted truth of the forward models)
            SyntheticSpec.DEFAULTS, SocField.DEFAULTS, SpectrumModel.DEFAULTS, SocEnergyMap.DEFAULTS, SyntheticTga.ROD);

    @Test
    void toBuilderRoundTripsEveryRecord() throws Exception {
        for (Record o : OPTIONS) {
            Object builder = o.getClass().getMethod("toBuilder").invoke(o);
            Object built = builder.getClass().getMethod("build").invoke(builder);
            assertEquals(o, built, o.getClass().getSimpleName());
        }
    }

    /** For each generated copy: withX(current value) equals the original; withX(other value) changes only that component. */
    @Test
    void eachWithCopyChangesOnlyItsComponent() throws Exception {
        int changed = 0;
        for (Record o : OPTIONS) {
            RecordComponent[] comps = o.getClass().getRecordComponents();
            for (int i = 0; i < comps.length; i++) {
                RecordComponent c = comps[i];
                String name = "with" + Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1);
                Method with = o.getClass().getMethod(name, c.getType());
                if (with.getDeclaringClass() == o.getClass()) {
                    continue; // a hand-written copy with a meaning of its own (tested below), not the generated one
                }
                Object value = c.getAccessor().invoke(o);
                assertEquals(o, with.invoke(o, value), o.getClass().getSimpleName() + "." + name + "(same)");
                Object other = otherValue(c.getType(), value);
                if (other == null) {
                    continue;
                }
                Record copy;
                try {
                    copy = (Record) with.invoke(o, other);
                } catch (InvocationTargetException e) {
                    assertTrue(e.getCause() instanceof IllegalArgumentException, name + ": " + e.getCause());
                    continue; // the compact constructor refused the value: validation runs on copies
                }
                for (int j = 0; j < comps.length; j++) {
                    Object before = comps[j].getAccessor().invoke(o);
                    Object after = comps[j].getAccessor().invoke(copy);
                    if (j == i) {
                        assertEquals(other, after, name);
                    } else {
                        assertEquals(before, after, name + " must not change " + comps[j].getName());
                    }
                }
                changed++;
            }
        }
        assertTrue(changed > 60, "too few components could be changed: " + changed);
    }

    /** A different valid-looking value of a component's type, or null when none is obvious. */
    static Object otherValue(Class<?> type, Object value) {
        if (type == double.class) {
            double v = (Double) value;
            return Double.isNaN(v) ? 1.0 : v * 1.5 + 1;
        }
        if (type == int.class) {
            return (Integer) value + 1;
        }
        if (type == long.class) {
            return (Long) value + 1;
        }
        if (type == boolean.class) {
            return !(Boolean) value;
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants.length < 2 ? null : constants[value == constants[0] ? 1 : 0];
        }
        return null;
    }

    @Test
    void buildersAndCopiesValidateInTheCompactConstructor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GittOptions.DEFAULTS.toBuilder().radiusM(-1e-6).build());
        assertTrue(e.getMessage().contains("radiusM"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GittOptions.DEFAULTS.withMinR2(1.5));
        assertThrows(IllegalArgumentException.class, () -> EdgeOptions.DEFAULTS.withEdge(null));
        assertThrows(IllegalArgumentException.class, () -> CycleOptions.DEFAULTS.toBuilder().activeMassMg(0).build());
        assertThrows(IllegalArgumentException.class, () -> PeakFitOptions.DEFAULTS.withProfile(null));
    }

    @Test
    void multiComponentCopiesKeepTheirMeaning() {
        TgaOptions t = TgaOptions.DEFAULTS.withReferenceTemperatureC(150);
        assertEquals(MassReference.MASS_AT_TEMPERATURE, t.massReference());
        assertEquals(150, t.referenceTemperatureC());
        TgaOptions back = t.withInitialMassReference();
        assertEquals(MassReference.INITIAL_MASS, back.massReference());
        assertTrue(Double.isNaN(back.referenceTemperatureC()));
        assertEquals(0, TgaOptions.DEFAULTS.withDtgWindowPoints(21, 2).withDtgWindowK(4).dtgWindowPoints(),
                "a window in K replaces a window in points");

        GittOptions g = GittOptions.DEFAULTS.withWindowSqrtS(5, 15).withThresholdsA(2e-4, 1e-4);
        assertEquals(List.of(5.0, 15.0, 2e-4, 1e-4),
                List.of(g.windowStartSqrtS(), g.windowEndSqrtS(), g.onThresholdA(), g.offThresholdA()));

        GittModelOptions m = GittModelOptions.DEFAULTS.withTimingS(600, 1.0);
        assertEquals(1.0, m.restFineS(), "the fine rest sampling never exceeds the rest");

        ParticleOptions p = ParticleOptions.DEFAULTS.withGrid(10, 20, 30);
        assertEquals(List.of(10, 20, 30), List.of(p.nx(), p.ny(), p.nz()));
        assertEquals(ParticleOptions.DEFAULTS.radiusXVox(), p.radiusXVox());

        SyntheticSpec x = SyntheticSpec.DEFAULTS.withScan(15, 80, 3251);
        assertEquals(List.of(15.0, 80.0, 3251), List.of(x.minTwoThetaDeg(), x.maxTwoThetaDeg(), x.points()));

        CycleOptions c = CycleOptions.DEFAULTS.withOnset(OnsetDefinition.AT_TIME_INTO_DISCHARGE, 10);
        assertEquals(OnsetDefinition.AT_TIME_INTO_DISCHARGE, c.onset());
        assertEquals(10, c.onsetAmount());
        assertNotEquals(CycleOptions.DEFAULTS, c);
    }
}
