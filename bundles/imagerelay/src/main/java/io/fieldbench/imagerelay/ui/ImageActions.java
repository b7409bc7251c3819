package io.fieldbench.imagerelay.ui;

import java.io.File;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

import io.fieldbench.imagerelay.store.StoredImage;
import io.fieldbench.support.ByteSize;
import io.fieldbench.view.support.WrapLayout;

/**
 * What the operator does with the current image: save a copy, send it to the selected client or to
 * all; and where received images are kept (the relay's {@code images.folder} setting). The work
 * runs off the EDT; each outcome is said in one line. EDT only.
 */
final class ImageActions extends JPanel {

    private final RelayTasks tasks;
    private final Supplier<StoredImage> current;
    private final Supplier<OptionalInt> selectedClient;
    private final Consumer<String> say;

    ImageActions(RelayTasks tasks, Supplier<StoredImage> current, Supplier<OptionalInt> selectedClient, Consumer<String> say) {
        super(new WrapLayout(4));
        this.tasks = tasks;
        this.current = current;
        this.selectedClient = selectedClient;
        this.say = say;
        add(Buttons.named("Save as…", "relay-save-as", this::saveAs));
        add(Buttons.named("Send to selected client", "relay-send-selected", this::sendToSelected));
        add(Buttons.named("Send to all", "relay-send-all", () -> send(OptionalInt.empty())));
        add(Buttons.named("Send file…", "relay-send-file", this::sendFile));
        add(Buttons.named("Auto-save folder…", "relay-images-folder", this::chooseImagesFolder));
    }

    private void saveAs() {
        StoredImage image = current.get();
        if (image == null) {
            say.accept("select an image in the gallery first");
            return;
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Save " + image.name() + " as");
        chooser.setSelectedFile(new File(image.file().getFileName().toString()));
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            save(image, chooser.getSelectedFile().toPath().toAbsolutePath(), false);
        }
    }

    /** Saves a copy; when a file is there already, asks before replacing it. */
    private void save(StoredImage image, Path target, boolean replace) {
        tasks.saveCopy(image.file(), target, replace).whenComplete((saved, failure) -> SwingUtilities.invokeLater(() -> {
            if (failure == null) {
                say.accept("saved " + image.name() + " as " + saved);
            } else if (!replace && alreadyThere(failure) && JOptionPane.showConfirmDialog(this, target + " exists. Replace it?",
                    "Save as", JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE) == JOptionPane.OK_OPTION) {
                save(image, target, true);
            } else {
                say.accept("not saved: " + FailureText.of(failure));
            }
        }));
    }

    private static boolean alreadyThere(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileAlreadyExistsException) {
                return true;
            }
        }
        return false;
    }

    private void sendToSelected() {
        OptionalInt client = selectedClient.get();
        if (client.isEmpty()) {
            say.accept("select a client in the list, or Send to all");
            return;
        }
        send(client);
    }

    private void send(OptionalInt client) {
        StoredImage image = current.get();
        if (image == null) {
            say.accept("select an image in the gallery first");
            return;
        }
        report(tasks.send(image.file(), client), count -> "sent " + image.name() + " (" + ByteSize.of(image.size()) + ") to "
                + (client.isPresent() ? "client " + client.getAsInt() : count + (count == 1 ? " client" : " clients")),
                "not sent");
    }

    /** Sends any image file from disk: to the selected client, or to all when none is selected. */
    private void sendFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Send an image file to " + selectedClient.get().stream().mapToObj(id -> "client " + id)
                .findFirst().orElse("all clients"));
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath().toAbsolutePath();
        OptionalInt client = selectedClient.get();
        report(tasks.send(file, client), count -> "sent " + file.getFileName() + " to "
                + (client.isPresent() ? "client " + client.getAsInt() : count + (count == 1 ? " client" : " clients")),
                "not sent");
    }

    private void chooseImagesFolder() {
        tasks.imagesFolder().whenComplete((folder, failure) -> SwingUtilities.invokeLater(() -> {
            JFileChooser chooser = new JFileChooser(folder == null ? null : folder.toFile());
            chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
            chooser.setDialogTitle("Keep received images in");
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                Path chosen = chooser.getSelectedFile().toPath().toAbsolutePath();
                report(tasks.useImagesFolder(chosen), done -> "received images now go to " + chosen, "folder not changed");
            }
        }));
    }

    private <T> void report(CompletableFuture<T> task, Function<T, String> success, String failed) {
        task.whenComplete((result, failure) -> SwingUtilities.invokeLater(
                () -> say.accept(failure == null ? success.apply(result) : failed + ": " + FailureText.of(failure))));
    }
}
