package org.cathodekit.gitt;

/** Diagnostics attached to a pulse. A flagged pulse is kept (with its numbers): flags, not silent drops. */
public enum GittFlag {
    /** Fewer than {@link GittOptions#minWindowPoints()} samples inside the sqrt(t) window. */
    FEW_WINDOW_POINTS,
    /** The sqrt(t) window ends after the pulse (tau &lt; window end squared). */
    WINDOW_BEYOND_PULSE,
    /** R^2 of the E vs sqrt(t) fit below {@link GittOptions#minR2()} (0.99). */
    LOW_R2,
    /** |dV/dt| at the end of the following rest above {@link GittOptions#maxRestSlopeVPerS()}: not relaxed. */
    REST_NOT_RELAXED,
    /**
     * tau is not much shorter than r^2/D: D * tau / r^2 above {@link GittOptions#maxTauFraction()}; the
     * semi-infinite assumption behind eq. 2 fails.
     */
    TAU_NOT_SHORT,
    /** Relative standard deviation of the pulse current above {@link GittOptions#maxCurrentRelStd()}. */
    UNSTABLE_CURRENT,
    /** dE_s or the slope is zero or of inconsistent sign, so D is meaningless. */
    INCONSISTENT_SIGN,
    /**
     * The open-circuit voltage is not linear over one titration, so eq. 2 (and Weppner-Huggins) is
     * unreliable: {@link GittPulse#ocvNonlinearity()} above {@link GittOptions#maxOcvNonlinearity()}
     * (0.1). See {@link GittPulse#ocvNonlinearity()} for the definition; typical causes are a
     * two-phase plateau or step of the OCV (e.g. H2-H3) and the steep ends of the titration curve.
     */
    OCV_NONLINEAR
}
