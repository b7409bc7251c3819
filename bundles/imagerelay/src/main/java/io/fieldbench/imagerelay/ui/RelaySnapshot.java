package io.fieldbench.imagerelay.ui;

import java.util.List;
import java.util.Optional;

import io.fieldbench.imagerelay.relay.RelayClient;
import io.fieldbench.imagerelay.relay.RelayStatus;
import io.fieldbench.imagerelay.store.StoredImage;

/**
 * Everything the Image Relay view shows at one refresh, read off the EDT.
 *
 * @param images the gallery, when it was asked for (listing it looks at every file on disk)
 */
record RelaySnapshot(RelayStatus status, List<RelayClient> clients, Optional<List<StoredImage>> images) {
}
