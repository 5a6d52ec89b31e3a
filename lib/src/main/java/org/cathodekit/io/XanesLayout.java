package org.cathodekit.io;

/**
 * Known HDF5 layouts of TXM-XANES stacks: where the images and the energies live. Detection
 * ({@link Hdf5XanesStack#open}) tries them in this order; {@link #CUSTOM} means the dataset paths
 * were given explicitly.
 */
public enum XanesLayout {
    /** NSLS-II FXI (18-ID) raw/processed stacks: {@code /img_xanes} {@code [energy](z)[y][x]}, energies {@code /X_eng} in keV. */
    NSLS2_FXI("/img_xanes", "/X_eng"),
    /** TXM-Sandbox registered 3D stack. */
    TXM_SANDBOX_3D("/registration_results/reg_results/registered_xanes3D", "/registration_results/reg_results/eng_list"),
    /** TXM-Sandbox registered 2D stack. */
    TXM_SANDBOX_2D("/registration_results/reg_results/registered_xanes2D", "/registration_results/reg_results/eng_list"),
    /** APS Data Exchange: {@code /exchange/data}, energies {@code /exchange/energy} in keV. */
    APS_DATA_EXCHANGE("/exchange/data", "/exchange/energy"),
    /** Dataset paths given by the user. */
    CUSTOM(null, null);

    private final String images;
    private final String energies;

    XanesLayout(String images, String energies) {
        this.images = images;
        this.energies = energies;
    }

    /** @return the image stack dataset path (null for {@link #CUSTOM}). */
    public String imagesPath() {
        return images;
    }

    /** @return the energies dataset path (null for {@link #CUSTOM}). */
    public String energiesPath() {
        return energies;
    }
}
