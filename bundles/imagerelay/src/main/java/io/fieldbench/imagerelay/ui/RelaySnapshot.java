package io.fieldbench.imagerelay.ui;

import java.util.List;
import java.util.Optional;

import io.fieldbench.imagerelay.internal.RelayClient;
import io.fieldbench.imagerelay.internal.RelayStatus;
import io.fieldbench.imagerelay.internal.StoredImage;

/**
 * Everything the Image Relay view shows at one refresh, read off the EDT.
 *
 * @param images the gallery, when it was asked for (listing it looks at every file on disk)
 */
record RelaySnapshot(RelayStatus status, List<RelayClient> clients, Optional<List<StoredImage>> images) {
}
