package io.fieldbench.udp.ui;

import java.nio.charset.Charset;

/**
 * How the traffic log shows a datagram's bytes: as text in an encoding (control characters made
 * visible, undecodable bytes as U+FFFD) or as hex.
 */
record PayloadFormat(boolean hex, Charset charset) {

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();
    private static final char NEW_LINE = '↵';
    private static final char CONTROL = '·';
    private static final String CUT = " …";

    /** The shown bytes (the head of the datagram), marked when the datagram is longer. */
    String render(byte[] head, int length) {
        String shown = hex ? hex(head) : text(head);
        return head.length < length ? shown + CUT : shown;
    }

    private String text(byte[] head) {
        char[] chars = new String(head, charset).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\n') {
                chars[i] = NEW_LINE;
            } else if (c < ' ' || c == 0x7F) {
                chars[i] = CONTROL;
            }
        }
        return new String(chars);
    }

    private static String hex(byte[] head) {
        if (head.length == 0) {
            return "";
        }
        char[] chars = new char[head.length * 3 - 1];
        for (int i = 0; i < head.length; i++) {
            int at = i * 3;
            chars[at] = HEX_DIGITS[(head[i] >> 4) & 0xF];
            chars[at + 1] = HEX_DIGITS[head[i] & 0xF];
            if (at + 2 < chars.length) {
                chars[at + 2] = ' ';
            }
        }
        return new String(chars);
    }
}
