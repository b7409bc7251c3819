package io.fieldbench.imagerelay.ui;

import java.util.List;

import io.fieldbench.imagerelay.internal.RelayClient;
import io.fieldbench.imagerelay.internal.RelayStatus;
import io.fieldbench.imagerelay.internal.StoredImage;

/** Everything the Image Relay view shows at one refresh, read off the EDT. */
record RelaySnapshot(RelayStatus status, List<RelayClient> clients, List<StoredImage> images) {
}
