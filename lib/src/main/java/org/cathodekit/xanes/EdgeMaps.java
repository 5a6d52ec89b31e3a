package org.cathodekit.xanes;

/**
 * The maps computed from one stack, with everything needed to reproduce them.
 *
 * @param source      the stack's description (file, datasets, layout, unit conversion)
 * @param energiesEv  the energies used (eV; the accessor returns a copy)
 * @param options     the parameters used
 * @param edge50      half-step edge energy map (eV), or null when the edge windows were not given
 * @param whiteline   white-line energy map (eV), or null when the white-line window was not given
 * @param edgeJump    edge-jump map (units of mu), or null when the edge windows were not given
 * @param status      per-voxel status bits ({@link VoxelStatus})
 * @param counts      voxels per status reason
 * @param volume      whether the stack was 3D
 */
public record EdgeMaps(String source, double[] energiesEv, EdgeOptions options, VoxelMap edge50, VoxelMap whiteline,
                       VoxelMap edgeJump, StatusMap status, StatusCounts counts, boolean volume) {
    public EdgeMaps {
        energiesEv = energiesEv.clone();
    }

    /** @return the data warnings of these maps (non-finite and implausible voxels, see {@link StatusCounts#warnings()}). */
    public java.util.List<String> warnings() {
        return counts.warnings();
    }

    @Override
    public double[] energiesEv() {
        return energiesEv.clone();
    }
}
