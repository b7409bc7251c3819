package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListModel;
import javax.swing.SwingUtilities;
import javax.swing.table.TableModel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.workbench.Workbench;

/**
 * The TCP views over real sockets: the chat server (configured through ConfigurationAdmin to a free
 * loopback port) lists a client that connected and logs the line it sent; the file service (a free
 * port and a shared folder of the test's own) lists a file put into the folder, sends it
 * byte-identical to a client that names it and to the view's own download client, and the Files
 * view counts both as served. Asserts on the Swing models found from the views' named roots, then
 * saves both views in one picture, {@code target/chat-files.png}. Needs a display.
 */
@ExtendWith(NeedsDisplay.class)
class ChatFilesViewTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    /** Configuration pids of the chat server and the file service (bundles/chat, bundles/files). */
    private static final String CHAT_PID = "io.fieldbench.chat";
    private static final String FILES_PID = "io.fieldbench.files";
    private static final String CHAT_VIEW = "chat";
    private static final String FILES_VIEW = "files";
    private static final String LOOPBACK = "127.0.0.1";
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
    /** The Files view's counts line: "N served, …". */
    private static final Pattern SERVED = Pattern.compile("(\\d+) served");
    private static final int FILE_BYTES = 200_000;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    ConfigurationAdmin configurations;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    @InjectBundleContext
    BundleContext context;

    private final ConfigurationChanges settings = new ConfigurationChanges();
    private final List<Runnable> putBack = new ArrayList<>();

    @AfterEach
    void putTheServicesBack() {
        settings.putBack();
        putBack.forEach(Runnable::run);
        putBack.clear();
    }

    @Test
    void chatViewsListenOnMovesTheServerToTheAddressAndPortApplied() throws IOException {
        Path file = Path.of(context.getProperty("fieldbench.data"), "etc", CHAT_PID + ".cfg");
        byte[] before = Files.readAllBytes(file);
        putBack.add(() -> {
            try {
                Files.write(file, before);  // FileInstall applies the test bench's own settings again
            } catch (IOException e) {
                throw new IllegalStateException("cannot restore " + file, e);
            }
        });
        int first = freeTcpPort();
        // the settings file, as a user has it: Apply updates it, and FileInstall applies it
        Files.writeString(file, "enabled = true\nbind.address = " + LOOPBACK + "\nport = " + first + "\n");
        Poll.until("the chat server listens on " + LOOPBACK + ":" + first, () -> bound(first));
        Component chat = showing(CHAT_VIEW);
        JTextField port = (JTextField) component(chat, "listen-port");
        Poll.until("Listen on shows port " + first, () -> WorkbenchUi.onEdt(() -> port.getText()).equals(Integer.toString(first)));

        int second = freeTcpPort();
        WorkbenchUi.onEdt(() -> {
            port.setText(Integer.toString(second));
            return null;
        });
        WorkbenchUi.click((AbstractButton) component(chat, "listen-apply"));

        Poll.until("the chat server moved to " + LOOPBACK + ":" + second, () -> bound(second) && !bound(first));
        // the bench's own settings (the server off) applied before the next test configures the server,
        // or FileInstall's late update of the restored file would undo that
        putBack.add(() -> Poll.until("the restored settings applied", () -> !bound(second)));
        assertTrue(Files.readString(file).contains("port = " + second), "saved where the bench keeps its settings");
    }

    @Test
    void chatViewShowsAConnectedClientAndTheLineItSentAndFilesViewCountsADownload() throws IOException {
        int chatPort = freeTcpPort();
        settings.set(configurations, CHAT_PID,
                Map.of("enabled", true, "bind.address", LOOPBACK, "port", chatPort, "framing", "line"));
        Poll.until("the chat server listens on " + LOOPBACK + ":" + chatPort, () -> bound(chatPort));

        Path shared = Files.createTempDirectory("fieldbench-shared");
        String fileName = "sample-" + UUID.randomUUID().toString().substring(0, 8) + ".bin";
        byte[] content = new byte[FILE_BYTES];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        Files.write(shared.resolve(fileName), content);
        putBack.add(() -> {
            try {
                Files.deleteIfExists(shared.resolve(fileName));
                Files.deleteIfExists(shared);
            } catch (IOException e) {
                throw new IllegalStateException("cannot remove " + shared, e);
            }
        });
        int filesPort = freeTcpPort();
        settings.set(configurations, FILES_PID, Map.of("enabled", true, "bind.address", LOOPBACK, "port", filesPort, "shared.folder",
                shared.toString()));
        Poll.until("the file service listens on " + LOOPBACK + ":" + filesPort, () -> bound(filesPort));

        String line = "hello from " + UUID.randomUUID().toString().substring(0, 8);
        Component chat = showing(CHAT_VIEW);  // the view logs what arrives while it exists
        try (Socket client = new Socket()) {
            client.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            client.connect(new InetSocketAddress(LOOPBACK, chatPort), SOCKET_TIMEOUT_MILLIS);
            String clientEnd = ":" + client.getLocalPort();
            client.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().flush();

            Poll.until("the chat view lists the client at " + clientEnd,
                    () -> rowsContaining(table(chat, "Address"), "Address", clientEnd) > 0);
            Poll.until("the chat view's log shows '" + line + "'",
                    () -> rowsContaining(table(chat, "Message"), "Message", line) > 0);
            assertTrue(WorkbenchUi.onEdt(() -> shownWhole(table(chat, "Message"), "Time") && shownWhole(table(chat, "Message"), "Client")),
                    "the log's time and client columns show their text whole");
            Point before = WorkbenchUi.onEdt(() -> settled(chat).getLocationOnScreen());
            // the table is refreshed every second: find and select the client's row in one go on the EDT
            Poll.until("the client's row selected", () -> selectRowContaining(table(chat, "Address"), "Address", clientEnd));
            WorkbenchUi.click(WorkbenchUi.onEdt(() -> sendToSelected(chat)));
            Poll.until("the chat view says what it sent", () -> WorkbenchUi.onEdt(() -> WorkbenchUi.findAll(chat, JLabel.class)
                    .stream().anyMatch(label -> label.getText().startsWith("select one or more") || label.getText().startsWith("sent "))));
            assertEquals(before, WorkbenchUi.onEdt(() -> settled(chat).getLocationOnScreen()),
                    "selecting a client and the answer to a click move no button under the mouse");
            JFrame frame = WorkbenchUi.frameShowing(CHAT_VIEW);
            BufferedImage chatPicture = WorkbenchUi.onEdt(() -> WorkbenchUi.picture(frame));

            Component files = showing(FILES_VIEW);
            Poll.until("the files view lists " + fileName, () -> listContains(files, fileName));
            Poll.until("the files view shows its counts", () -> served(files).isPresent());
            Poll.until("Start greyed out and Stop clickable while the file service runs", () -> WorkbenchUi.onEdt(
                    () -> !component(files, "files-start").isEnabled() && component(files, "files-stop").isEnabled()));
            int servedBefore = served(files).getAsInt();

            assertArrayEquals(content, download(filesPort, fileName), "the downloaded bytes of " + fileName);
            Poll.until("the files view counts the download as served",
                    () -> served(files).orElse(-1) == servedBefore + 1);

            Path saved = shared.resolveSibling(shared.getFileName() + "-download.bin");
            putBack.add(() -> {
                try {
                    Files.deleteIfExists(saved);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot remove " + saved, e);
                }
            });
            downloadWithTheView(files, filesPort, fileName, saved);
            Poll.until("the view's download client saves " + fileName, () -> text(files, "download-result").startsWith("saved"));
            assertArrayEquals(content, Files.readAllBytes(saved), "the bytes the view's download client saved");
            Poll.until("the files view counts the view's own download as served",
                    () -> served(files).orElse(-1) == servedBefore + 2);
            screenshot(chatPicture, WorkbenchUi.onEdt(() -> WorkbenchUi.picture(WorkbenchUi.frameShowing(FILES_VIEW))));
        }
    }

    /** Fills in the Files view's download client as the user would and presses Download. */
    private static void downloadWithTheView(Component view, int port, String name, Path saveTo) {
        WorkbenchUi.onEdt(() -> {
            ((JTextField) component(view, "download-host")).setText(LOOPBACK);
            ((JSpinner) component(view, "download-port")).setValue(port);
            ((JTextField) component(view, "download-name")).setText(name);
            ((JTextField) component(view, "download-save")).setText(saveTo.toString());
            return null;
        });
        WorkbenchUi.click((AbstractButton) WorkbenchUi.onEdt(() -> component(view, "download")));
    }

    private static Component component(Component view, String name) {
        return WorkbenchUi.find(view, WorkbenchUi.named(name))
                .orElseThrow(() -> new AssertionError("view " + view.getName() + " has no " + name));
    }

    private static String text(Component view, String name) {
        return WorkbenchUi.onEdt(() -> String.valueOf(((JLabel) component(view, name)).getText()));
    }

    private Component showing(String viewId) {
        Poll.until("view " + viewId + " shows", () -> {
            workbench.showView(viewId);  // brings its tab to the front, as the View menu does
            return WorkbenchUi.isShowing(viewId);
        });
        return WorkbenchUi.showingView(viewId).orElseThrow();
    }

    /** The table in the view with a column of this name. */
    static JTable table(Component view, String column) {
        return WorkbenchUi.onEdt(() -> WorkbenchUi.findAll(view, JTable.class).stream()
                .filter(table -> columnOf(table.getModel(), column) >= 0).findFirst()
                .orElseThrow(() -> new AssertionError("view " + view.getName() + " has no table with a column " + column)));
    }

    static int columnOf(TableModel model, String column) {
        for (int i = 0; i < model.getColumnCount(); i++) {
            if (column.equals(model.getColumnName(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The Send to selected button once every layout pending in its window is done, as the user sees it. */
    private static AbstractButton settled(Component chat) {
        SwingUtilities.getWindowAncestor(chat).validate();
        return sendToSelected(chat);
    }

    private static AbstractButton sendToSelected(Component chat) {
        return WorkbenchUi.findAll(chat, AbstractButton.class).stream().filter(b -> "Send to selected".equals(b.getText()))
                .findFirst().orElseThrow();
    }

    /** Whether every cell of the column fits its width (a cut cell ends in "..."). */
    private static boolean shownWhole(JTable table, String column) {
        int index = table.getColumnModel().getColumnIndex(column);
        int width = table.getColumnModel().getColumn(index).getWidth();
        for (int row = 0; row < table.getRowCount(); row++) {
            Component cell = table.prepareRenderer(table.getCellRenderer(row, index), row, index);
            if (cell.getPreferredSize().width > width) {
                return false;
            }
        }
        return true;
    }

    static long rowsContaining(JTable table, String column, String text) {
        return WorkbenchUi.onEdt(() -> {
            TableModel model = table.getModel();
            int index = columnOf(model, column);
            long rows = 0;
            for (int row = 0; row < model.getRowCount(); row++) {
                if (String.valueOf(model.getValueAt(row, index)).contains(text)) {
                    rows++;
                }
            }
            return rows;
        });
    }

    /** Selects the first row whose column contains the text; false if there is none. */
    private static boolean selectRowContaining(JTable table, String column, String text) {
        return WorkbenchUi.onEdt(() -> {
            int index = columnOf(table.getModel(), column);
            for (int row = 0; row < table.getRowCount(); row++) {
                if (String.valueOf(table.getValueAt(row, table.convertColumnIndexToView(index))).contains(text)) {
                    table.setRowSelectionInterval(row, row);
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean listContains(Component view, String item) {
        return WorkbenchUi.onEdt(() -> {
            for (JList<?> list : WorkbenchUi.findAll(view, JList.class)) {
                ListModel<?> model = list.getModel();
                for (int i = 0; i < model.getSize(); i++) {
                    if (item.equals(model.getElementAt(i))) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    /** The served count of the Files view's counts line, once it shows one. */
    private static OptionalInt served(Component view) {
        return WorkbenchUi.onEdt(() -> {
            for (JLabel label : WorkbenchUi.findAll(view, JLabel.class)) {
                Matcher matcher = SERVED.matcher(String.valueOf(label.getText()));
                if (matcher.find()) {
                    return OptionalInt.of(Integer.parseInt(matcher.group(1)));
                }
            }
            return OptionalInt.empty();
        });
    }

    /** The file protocol as a device speaks it: the name and a newline, then everything until the server closes. */
    private static byte[] download(int port, String name) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(LOOPBACK, port), SOCKET_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((name + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return in.readAllBytes();
            }
        }
    }

    /** Whether someone listens on the port: a server socket of our own cannot bind it then. */
    static boolean bound(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(LOOPBACK, port));
            return false;
        } catch (BindException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            return socket.getLocalPort();
        }
    }

    /** Both views, one above the other, beside the workbench's other screenshots. */
    private static void screenshot(BufferedImage top, BufferedImage bottom) throws IOException {
        BufferedImage both = new BufferedImage(Math.max(top.getWidth(), bottom.getWidth()), top.getHeight() + bottom.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        var graphics = both.createGraphics();
        try {
            graphics.drawImage(top, 0, 0, null);
            graphics.drawImage(bottom, 0, top.getHeight(), null);
        } finally {
            graphics.dispose();
        }
        WorkbenchUi.saveBesideScreenshot(both, "chat-files.png");
    }
}
