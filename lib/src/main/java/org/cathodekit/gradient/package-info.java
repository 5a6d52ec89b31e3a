/**
 * Valence-gradient model of paper A (Xu et al., Nat. Commun. 11, 83 (2020), Fig. 4, Suppl. Figs.
 * 11-13): theta between the local edge-energy gradient and the direction to the particle centre.
 *
 * <ul>
 *   <li>{@link org.cathodekit.gradient.ValenceGradient}: entry point ({@code volume}, {@code map});
 *       the definitions are in its class documentation;</li>
 *   <li>{@link org.cathodekit.gradient.GradientOptions}: voxel size, merge b;</li>
 *   <li>{@link org.cathodekit.gradient.GradientModel}: 3D / 2D, random references and the tangential index;</li>
 *   <li>{@link org.cathodekit.gradient.ThetaStatistics}: the result;</li>
 *   <li>{@link org.cathodekit.gradient.PlaneReader}: z-planes of a volume for the streamed 3D model
 *       ({@code ValenceGradient.volume(PlaneReader, ...)}: two reads, memory of one slab, the same
 *       result bit for bit; package-private {@code VolumeStream} holds the passes).</li>
 * </ul>
 */
package org.cathodekit.gradient;
