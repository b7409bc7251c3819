package io.fieldbench.imagerelay.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.api.server.ClientIds;
import io.fieldbench.api.settings.BenchProperties;
import io.fieldbench.api.status.ConsoleOutput;
import io.fieldbench.api.status.StatusReport;
import io.fieldbench.imagerelay.format.ImageFormat;
import io.fieldbench.imagerelay.format.ImageInfo;
import io.fieldbench.imagerelay.format.NotAnImageException;
import io.fieldbench.imagerelay.page.PageAddress;
import io.fieldbench.imagerelay.page.PageAddressCache;
import io.fieldbench.imagerelay.page.PageFiles;
import io.fieldbench.imagerelay.page.PairingToken;
import io.fieldbench.imagerelay.store.FileBuffers;
import io.fieldbench.imagerelay.store.ImageStore;
import io.fieldbench.imagerelay.store.StoredImage;
import io.fieldbench.server.support.BindProblem;
import io.fieldbench.server.support.ServerControl;
import io.fieldbench.server.support.SettingsProblems;
import io.fieldbench.server.support.tcp.TcpTransport;

/**
 * The image relay: one port serving the phone page over HTTP and the WebSocket the page talks to.
 * Keeps every image it receives in the images folder, relays it as its settings say, sends images
 * the operator picks; the console and the Image Relay view start, stop and operate it, and
 * {@code fb:status} shows the page's addresses.
 * <p>
 * Binding and closing happen on the {@link ServerControl}'s thread, never on the caller's. Limits
 * apply to the next connection, relay and echo to the next message; address and port changes
 * rebind; a new images folder is loaded on the control thread.
 */
@Component(service = {ImageRelay.class, StatusReport.class}, configurationPid = ImageRelay.PID, immediate = true)
@Designate(ocd = RelayConfig.class)
public final class ImageRelay implements StatusReport {

    public static final String PID = "io.fieldbench.imagerelay";
    /** Said in the log, the status and the view while plain clients may connect. */
    public static final String PLAIN_WARNING = "PLAIN CLIENTS ON (plain.clients): anyone who can reach the port may connect to"
            + " ws://HOST:PORT/ without the pairing token and send images, as the Python tutorial's client does; turn it"
            + " off when you are done with such clients";
    /** How a failure to listen is told to the user. */
    static final BindProblem BIND_PROBLEM = new BindProblem("TCP", PID);
    static final String TOKEN_FILE = "imagerelay/token";

    @Reference
    private EventAdmin eventAdmin;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final Clock clock = Clock.systemUTC();
    /** Chosen once: whether Netty's native library loads does not change while the bench runs. */
    private final TcpTransport transport = TcpTransport.best();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConsoleOutput console;

    private volatile RelaySettings settings;
    private SettingsProblems problems;
    /** Loaded on the control thread; null until then. */
    private volatile ImageStore store;
    private Path data;
    private PairingToken token;
    /** Read off the interfaces on the control thread and a pool thread, never by a status call. */
    private final PageAddressCache pages = new PageAddressCache(() -> {
        RelaySocket open = this.control.socket();
        return open == null ? null : new PageAddressCache.Listening(open.localAddress(), this.settings.bindAddress(),
                this.token.value());
    });
    private RelayJournal journal;
    private RelayParts parts;
    private ServerControl<RelaySocket> control;

    @Activate
    void activate(BundleContext context, RelayConfig config) throws IOException {
        Path home = Path.of(property(context, BenchProperties.HOME, "."));
        data = Path.of(property(context, BenchProperties.DATA, home.resolve("data").toString()));
        problems = new SettingsProblems(PID, log::warn);
        settings = RelaySettings.of(config, data);
        problems.say(settings.problems());
        token = PairingToken.load(data.resolve(TOKEN_FILE));
        journal = new RelayJournal(log, eventAdmin, clock);
        parts = new RelayParts(() -> settings, () -> store, token, PageFiles.load(ImageRelay.class.getClassLoader()),
                journal, clock);
        control = new ServerControl<>("image relay", BIND_PROBLEM, () -> settings, new RelayBinding(), log::error);
        control.submit(this::loadImagesFolder);
        control.activate();
    }

    @Modified
    void modified(RelayConfig config) {
        RelaySettings old = settings;
        settings = RelaySettings.of(config, data);
        problems.say(settings.problems());
        if (!settings.imagesFolder().equals(old.imagesFolder())) {
            control.submit(this::loadImagesFolder);
        }
        control.reconfigure(old);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        control.deactivate(log::warn);
    }

    /** Listens with the settings in force, unless it listens already; completes once it listens or failed. */
    public CompletableFuture<RelayStatus> start() {
        return control.start().thenApply(started -> status());
    }

    /** Closes every client and frees the port; completes once the port is free. */
    public CompletableFuture<RelayStatus> stop() {
        return control.stop().thenApply(stopped -> status());
    }

    /** The relay now; any thread. */
    public RelayStatus status() {
        RelaySocket open = control.socket();
        ImageStore images = store;
        return new RelayStatus(control.state(), control.endpoint(), control.problem(), transport.description(),
                open == null ? 0 : open.clients().size(), images == null ? 0 : images.count(), pageAddresses(),
                settings.plainClients());
    }

    public RelaySettings settings() {
        return settings;
    }

    /** The page's addresses on every interface it can be reached on, with the token; empty when not listening. */
    public List<PageAddress> pageAddresses() {
        return pages.pages();
    }

    /** A new pairing token: new connections need it; clients already connected stay. */
    public void regenerateToken() {
        try {
            token.regenerate();
            pages.refresh();
        } catch (IOException e) {
            String problem = "Cannot write a new pairing token to " + data.resolve(TOKEN_FILE) + ": " + e.getMessage()
                    + "; the old token stays";
            log.error(problem);
            throw new UncheckedIOException(problem, e);
        }
        log.info("Image relay pairing token renewed: pages opened with the old one cannot connect again");
        pageAddresses().forEach(page -> log.info("Image relay page: {}", shown(page)));
    }

    /** The connected clients by id. */
    public List<RelayClient> clients() {
        RelaySocket open = control.socket();
        return open == null ? List.of() : open.clients().all().stream().map(Connection::snapshot).toList();
    }

    /** Every image kept, newest first. */
    public List<StoredImage> images() {
        ImageStore images = store;
        return images == null ? List.of() : images.images();
    }

    /** Where received images are kept. */
    public Path imagesFolder() {
        return settings.imagesFolder();
    }

    /**
     * Sends an image file to one client, or to all when {@code client} is empty; reads the file, so
     * not on the EDT.
     *
     * @return how many clients it went to
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not an image the relay accepts, or too large
     */
    public int send(Path file, OptionalInt client) throws IOException {
        RelaySettings now = settings;
        long size = Files.size(file);
        if (size > now.maxImageBytes()) {
            throw new IllegalArgumentException(file.getFileName() + " is " + size + " bytes, more than max.image.bytes ("
                    + now.maxImageBytes() + ")");
        }
        ByteBuf bytes = FileBuffers.read(file);
        try {
            return send(file, bytes, now, client);
        } finally {
            bytes.release();
        }
    }

    private int send(Path file, ByteBuf bytes, RelaySettings now, OptionalInt client) {
        ImageInfo info;
        try {
            info = ImageFormat.inspect(bytes, now.maxPixels());
        } catch (NotAnImageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        RelaySocket open = control.socket();
        List<Connection> targets = new ArrayList<>();
        if (open != null && client.isPresent()) {
            Connection one = open.clients().get(client.getAsInt());
            if (one != null) {
                targets.add(one);
            }
        } else if (open != null) {
            targets.addAll(open.clients().all());
        }
        String name = keptName(file);
        int reached = Connection.sendImage(targets, name, info.mime(), bytes, RelayMessages.BENCH);
        if (reached > 0) {
            journal.sent(name, bytes.readableBytes(), client.orElse(ClientIds.ALL), reached);
        }
        return reached;
    }

    /** The name the sender gave an image of the gallery (phones need not see the folder's long names), else the file's. */
    private String keptName(Path file) {
        ImageStore images = store;
        String fileName = file.getFileName().toString();
        boolean kept = images != null && file.toAbsolutePath().normalize().getParent()
                .equals(settings.imagesFolder().toAbsolutePath().normalize());
        return kept ? images.find(fileName).map(StoredImage::name).orElse(fileName) : fileName;
    }

    // --- fb:status ---

    @Override
    public String title() {
        return "image relay";
    }

    @Override
    public List<String> lines() {
        RelayStatus now = status();
        List<String> lines = new ArrayList<>();
        lines.add(now.headline());
        lines.add("transport: " + now.transport());
        now.pages().forEach(page -> lines.add(shown(page)));
        lines.add(now.clients() + " clients, " + now.images() + " images in " + imagesFolder());
        if (now.plainClients()) {
            lines.add(PLAIN_WARNING);
        }
        return lines;
    }

    private static String shown(PageAddress page) {
        return page.url() + (page.interfaceName().isEmpty() ? "" : " (" + page.interfaceName() + ")");
    }

    /** Says where phones open the page: in the log, and on the console of a headless bench (the user types nothing to see it). */
    private void announce(List<PageAddress> pages) {
        for (PageAddress page : pages) {
            log.info("Image relay page: {}", shown(page));
            ConsoleOutput console = this.console;
            if (console != null) {
                console.say("Image relay page: " + shown(page));
            }
        }
    }

    /** Loads the images folder (creating it); on the control thread, as it reads the disk. */
    private Void loadImagesFolder() {
        Path folder = settings.imagesFolder();
        try {
            store = new ImageStore(folder);
        } catch (IOException | UncheckedIOException e) {
            log.error("Cannot use the images folder {}: {}; images cannot be kept until images.folder in <data>/etc/{}.cfg names"
                    + " a writable folder", folder, String.valueOf(e.getMessage()), PID);
        }
        return null;
    }

    /** How the control opens and closes the listening socket, and what it says; on the control thread. */
    private final class RelayBinding implements ServerControl.Binding<RelaySocket> {

        @Override
        public RelaySocket open(InetSocketAddress endpoint) throws Exception {
            return RelaySocket.bind(transport, endpoint, settings, parts, log::warn);
        }

        @Override
        public void opened(RelaySocket socket) {
            RelaySettings now = settings;
            log.info("Image relay listening on HTTP and WebSocket {} (relay {}, images up to {} bytes, kept in {}; {})",
                    Endpoints.of(socket.localAddress()), now.relay().setting(), now.maxImageBytes(),
                    now.imagesFolder(), transport.description());
            announce(pages.refresh(new PageAddressCache.Listening(socket.localAddress(), now.bindAddress(), token.value())));
            if (now.plainClients()) {
                log.warn("Image relay: {}", PLAIN_WARNING);
            }
        }

        @Override
        public void closed(RelaySocket socket, InetSocketAddress endpoint) {
            pages.clear();
            log.info("Image relay stopped listening on {}; its clients were disconnected (server stopping)",
                    Endpoints.of(endpoint));
        }
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
