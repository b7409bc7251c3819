package io.fieldbench.imagerelay.console;

import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.imagerelay.relay.ImageRelay;
import io.fieldbench.imagerelay.store.StoredImage;

/** {@code fb:images}: the images the relay keeps. ({@code fb:send-image} is {@link SendImageCommand}.) */
@Component(service = ImageCommands.class, property = {
        "osgi.command.scope=fb",
        "osgi.command.function=images" })
public class ImageCommands {

    @Reference
    private ImageRelay relay;

    @Descriptor("the images received, newest first: time, sender, size, file")
    public String images() {
        List<StoredImage> images = relay.images();
        StringBuilder text = new StringBuilder(images.size() + " images in " + relay.imagesFolder());
        if (!images.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%n%-19s  %-22s  %10s  %s", "time", "sender", "bytes", "file"));
        }
        for (StoredImage image : images) {
            text.append(String.format(Locale.ROOT, "%n%-19s  %-22s  %10d  %s", RelayCommands.TIME.format(image.time()),
                    image.sender().isEmpty() ? "?" : image.sender(), image.size(), image.file().getFileName()));
        }
        return text.toString();
    }
}
