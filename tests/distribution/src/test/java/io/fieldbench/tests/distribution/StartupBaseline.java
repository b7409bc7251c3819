package io.fieldbench.tests.distribution;

import java.awt.EventQueue;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JFrame;

/**
 * The start-up benchmark's baseline, run in a JVM of its own as the bench is: the least a Java
 * program does to reach what the bench is timed to, namely binding the same ports on loopback
 * ({@code ports UDP TCP...}), or showing a plain Swing frame of the workbench's size ({@code window}),
 * which prints the wall-clock time it opened. It runs until its input ends.
 */
public final class StartupBaseline {

    static final String WINDOW = "window";
    static final String PORTS = "ports";
    static final String OPENED_AT = "opened at ";
    /** The workbench window's default size. */
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    private StartupBaseline() {
    }

    public static void main(String[] args) throws IOException {
        List<AutoCloseable> bound = new ArrayList<>(); // open until the JVM ends
        if (WINDOW.equals(args[0])) {
            EventQueue.invokeLater(StartupBaseline::showWindow);
        } else {
            bound.add(DatagramChannel.open().bind(loopback(args[1])));
            for (int i = 2; i < args.length; i++) {
                bound.add(ServerSocketChannel.open().bind(loopback(args[i])));
            }
        }
        while (System.in.read() >= 0) {
            // runs until the benchmark ends its input
        }
        System.exit(0);
    }

    private static void showWindow() {
        JFrame frame = new JFrame("Start-up baseline");
        frame.setSize(WIDTH, HEIGHT);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                System.out.println(OPENED_AT + System.currentTimeMillis());
            }
        });
        frame.setVisible(true);
    }

    private static InetSocketAddress loopback(String port) {
        return new InetSocketAddress("127.0.0.1", Integer.parseInt(port));
    }
}
