package org.cathodekit.io;

import java.io.IOException;
import java.nio.file.Path;


/**
 * Writes XANES stacks in the known HDF5 layouts ({@link XanesLayout}), atomically: synthetic data
 * samples, benchmark inputs and test fixtures that {@link Hdf5XanesStack} (and h5py) read back.
 */
public final class Hdf5XanesStackWriter {
    private Hdf5XanesStackWriter() {
    }

    /**
     * Writes a stack in one of the known layouts (atomically), e.g. synthetic data samples and
     * benchmark inputs. FXI and Data Exchange store energies in keV (as those facilities do),
     * TXM-Sandbox in eV.
     *
     * @param out        output file
     * @param layout     any layout but {@link XanesLayout#CUSTOM}; for 3D stacks use a 3D-capable layout
     * @param energiesEv strictly increasing energies, eV
     * @param stack      {@code [energy][z][y][x]} (not modified)
     * @param volume     write {@code [energy][z][y][x]} (true) or {@code [energy][y][x]} (false, depth must be 1)
     * @param chunkZ     z extent of storage chunks {@code [energy][chunkZ][y][x]} for volumes; 0 = contiguous
     */
    public static void write(Path out, XanesLayout layout, double[] energiesEv, float[][][][] stack, boolean volume, int chunkZ)
            throws IOException {
        if (layout == XanesLayout.CUSTOM) {
            throw new IllegalArgumentException("choose a concrete layout to write, not CUSTOM");
        }
        org.cathodekit.core.Checks.requireStrictlyIncreasing(energiesEv, "energiesEv");
        if (stack.length != energiesEv.length) {
            throw new IllegalArgumentException("stack has " + stack.length + " energies, energiesEv " + energiesEv.length);
        }
        if (!volume && stack[0].length != 1) {
            throw new IllegalArgumentException("a 2D stack must have depth 1, got " + stack[0].length);
        }
        boolean kev = layout == XanesLayout.NSLS2_FXI || layout == XanesLayout.APS_DATA_EXCHANGE;
        double[] eng = energiesEv.clone();
        if (kev) {
            for (int i = 0; i < eng.length; i++) {
                eng[i] /= 1000.0;
            }
        }
        Object data;
        if (volume) {
            data = stack;
        } else {
            float[][][] s2 = new float[stack.length][][];
            for (int e = 0; e < stack.length; e++) {
                s2[e] = stack[e][0];
            }
            data = s2;
        }
        Hdf5Writes.write(out, f -> {
            io.jhdf.api.WritableGroup g = f;
            String ip = layout.imagesPath();
            String[] parts = ip.substring(1).split("/");
            for (int i = 0; i < parts.length - 1; i++) {
                g = g.putGroup(parts[i]);
            }
            io.jhdf.api.WritableDataset d;
            if (volume && chunkZ > 0) {
                d = g.putDataset(parts[parts.length - 1], data, io.jhdf.api.DatasetCreationOptions.builder()
                        .chunkDimensions(stack.length, Math.min(chunkZ, stack[0].length), stack[0][0].length, stack[0][0][0].length).build());
            } else {
                d = g.putDataset(parts[parts.length - 1], data);
            }
            d.putAttribute("axis_order", volume ? "[energy][z][y][x]" : "[energy][y][x]");
            String ep = layout.energiesPath();
            String[] eparts = ep.substring(1).split("/");
            io.jhdf.api.WritableGroup eg = f;
            if (eparts.length > 1) {
                // the energies share the images' parent group in every known layout
                eg = g;
            }
            io.jhdf.api.WritableDataset ed = eg.putDataset(eparts[eparts.length - 1], eng);
            ed.putAttribute("units", kev ? "keV" : "eV");
        });
    }

}
