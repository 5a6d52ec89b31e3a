package org.cathodekit.gitt;

/**
 * A current pulse found but not analysed, with the reason (e.g. the file starts or ends inside it).
 *
 * @param startS time of its first sample [s]
 * @param endS   time of its last sample [s]
 * @param currentA mean current [A]
 * @param reason why it was dropped
 */
public record DroppedPulse(double startS, double endS, double currentA, String reason) {
}
