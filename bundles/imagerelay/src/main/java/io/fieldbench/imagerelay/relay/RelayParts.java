package io.fieldbench.imagerelay.relay;

import java.time.Clock;
import java.util.function.Supplier;

import io.fieldbench.imagerelay.page.PageFiles;
import io.fieldbench.imagerelay.page.PairingToken;
import io.fieldbench.imagerelay.store.ImageStore;

/**
 * What a relay socket takes from the relay and keeps across restarts: the settings in force (read
 * at each connection and each message), the images folder, the pairing token, the page's files,
 * and where to report.
 */
record RelayParts(Supplier<RelaySettings> settings, Supplier<ImageStore> store, PairingToken token, PageFiles page,
        RelayTraffic traffic, Clock clock) {
}
