package io.fieldbench.sim;

/**
 * What one virtual device reports in one frame.
 *
 * @param deviceId    its name, {@code dev0001} for device number 1
 * @param number      its number, 1-based; the binary format carries this instead of the name
 * @param sequence    counts the device's frames from 1
 * @param temperature degrees Celsius
 * @param humidity    percent relative humidity
 */
public record Reading(String deviceId, int number, long sequence, double temperature, double humidity) {
}
