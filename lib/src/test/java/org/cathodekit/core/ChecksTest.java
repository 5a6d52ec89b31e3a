package org.cathodekit.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void messagesNameTheParameterAndEchoTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checks.requirePositive(-30.0, "voxelSizeNm"));
        assertTrue(e.getMessage().contains("voxelSizeNm") && e.getMessage().contains("-30.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Checks.requireWindow(8400, 8300, "pre-edge window (eV)"));
        assertTrue(e.getMessage().contains("8400.0:8300.0"), e.getMessage());
    }

    @Test
    void strictlyIncreasingNamesTheFirstBadIndexAndCallsDuplicatesSo() {
        assertDoesNotThrow(() -> Checks.requireStrictlyIncreasing(new double[] {1, 2, 3}, "energyEv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.requireStrictlyIncreasing(new double[] {1, 2, 2, 3}, "energyEv"));
        assertTrue(e.getMessage().contains("energyEv[2]") && e.getMessage().contains("duplicate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Checks.requireStrictlyIncreasing(new double[] {1, Double.NaN}, "energyEv"));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }
}
