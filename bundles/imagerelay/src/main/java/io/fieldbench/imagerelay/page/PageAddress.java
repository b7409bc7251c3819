package io.fieldbench.imagerelay.page;

/**
 * An address at which phones can open the page, with the pairing token in it.
 *
 * @param interfaceName the network interface, e.g. wlan0
 * @param url e.g. {@code http://192.168.1.20:8899/?t=3f9c...}
 */
public record PageAddress(String interfaceName, String url) {
}
