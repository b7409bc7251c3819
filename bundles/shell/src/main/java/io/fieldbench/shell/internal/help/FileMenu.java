package io.fieldbench.shell.internal.help;

import java.awt.Dimension;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowEvent;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.swing.JEditorPane;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

import io.fieldbench.support.DaemonThreads;

/** The File menu: About, Help, Open data folder, Quit. EDT only; {@link #stop()} when the window goes. */
public final class FileMenu extends JMenu {

    private static final Dimension ABOUT_SIZE = new Dimension(560, 230);
    private static final Dimension HELP_SIZE = new Dimension(1000, 700);

    private final ExecutorService opening = Executors.newSingleThreadExecutor(DaemonThreads.named("fieldbench-open-folder"));

    /** @param helpHtml what Help shows ({@link HelpText#html()}) */
    public FileMenu(JFrame frame, BenchInfo bench, String helpHtml) {
        super("File");
        setMnemonic(KeyEvent.VK_F);
        DataFolderOpener opener = new DataFolderOpener(opening, problem -> SwingUtilities.invokeLater(
                () -> JOptionPane.showMessageDialog(frame, problem, "Open data folder", JOptionPane.WARNING_MESSAGE)));
        Runnable openDataFolder = () -> opener.open(bench.dataFolder());
        SideWindow about = new SideWindow(frame, "about", "About Fieldbench", ABOUT_SIZE,
                () -> new AboutPanel(bench, openDataFolder));
        SideWindow help = new SideWindow(frame, "help", "Fieldbench help", HELP_SIZE, () -> helpPane(helpHtml));

        add(item("About Fieldbench", KeyEvent.VK_A, null, about::show));
        add(item("Help", KeyEvent.VK_H, KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0), help::show));
        add(item("Open data folder", KeyEvent.VK_O, null, openDataFolder));
        addSeparator();
        add(item("Quit", KeyEvent.VK_Q, KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK),
                () -> frame.dispatchEvent(new WindowEvent(frame, WindowEvent.WINDOW_CLOSING))));
    }

    private static JMenuItem item(String text, int mnemonic, KeyStroke accelerator, Runnable action) {
        JMenuItem item = new JMenuItem(text);
        item.setMnemonic(mnemonic);
        item.setAccelerator(accelerator);
        item.addActionListener(e -> action.run());
        return item;
    }

    private static JScrollPane helpPane(String html) {
        JEditorPane text = new JEditorPane("text/html", html);
        text.setEditable(false);
        text.setCaretPosition(0);
        return new JScrollPane(text);
    }

    /** Lets the opening thread go; an opening under way still finishes. */
    public void stop() {
        opening.shutdown();
    }
}
