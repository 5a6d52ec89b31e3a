package org.cathodekit.xanes;

/**
 * Distribution summary of a map's finite values (NaN voxels excluded).
 *
 * @param name   the map's name
 * @param unit   the map's unit (eV for energy maps)
 * @param count  finite voxels
 * @param mean   arithmetic mean (unit), NaN when count = 0
 * @param median middle value, mean of the two middle values for even counts (unit), NaN when empty
 * @param std    sample standard deviation, divisor {@code count - 1} (unit), NaN when count < 2
 * @param min    smallest value (unit), NaN when empty
 * @param max    largest value (unit), NaN when empty
 */
public record Summary(String name, String unit, long count, double mean, double median, double std, double min, double max) {
}
