package org.cathodekit.synthetic;

/** How the primary grains of a secondary particle are arranged (paper A, Xu et al. 2020, Fig. 1). */
public enum Microstructure {
    /**
     * Radially aligned rod-shaped grains ("rod-NMC"): outside a small equiaxed core, each grain is an
     * angular Voronoi cell around a random direction from the particle centre (width
     * {@code grainSizeVox} at the reference radius, growing in proportion to the radius) cut into
     * radial segments of length {@code rodAspect * grainSizeVox} with a random phase per cell.
     */
    ROD,
    /**
     * Equiaxed, randomly packed grains ("gravel-NMC"): a Voronoi tessellation of one jittered seed
     * per cubic cell of edge {@code grainSizeVox} (a "jittered grid", i.e. a randomly packed set of
     * grains of mean volume {@code grainSizeVox^3}).
     */
    GRAVEL
}
