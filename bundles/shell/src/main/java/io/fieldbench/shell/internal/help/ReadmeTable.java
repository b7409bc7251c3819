package io.fieldbench.shell.internal.help;

import java.util.ArrayList;
import java.util.List;

/**
 * One Markdown table of the README, found by the text that leads up to it: the first table after
 * the first line that starts with that text. Help shows the README's own tables, so they are never
 * written twice.
 *
 * @param rows the header first, then one list of cells per row; cells as written (Markdown)
 */
record ReadmeTable(List<List<String>> rows) {

    ReadmeTable {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** The table after the line starting with {@code leadIn}; empty rows when there is none. */
    static ReadmeTable after(String readme, String leadIn) {
        List<List<String>> rows = new ArrayList<>();
        boolean found = false;
        for (String line : readme.lines().map(String::strip).toList()) {
            if (!found) {
                found = line.startsWith(leadIn);
            } else if (line.startsWith("|")) {
                if (!isSeparator(line)) {
                    rows.add(cells(line));
                }
            } else if (!rows.isEmpty()) {
                break;
            }
        }
        return new ReadmeTable(rows);
    }

    /** The {@code |---|---|} line under the header. */
    private static boolean isSeparator(String line) {
        return line.chars().allMatch(c -> c == '|' || c == '-' || c == ':' || c == ' ');
    }

    /** Splits on the pipes that are not escaped as {@code \|}, which stand for a pipe in a cell. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    /** The table as HTML for a Swing text pane: {@code `code`} as code, the rest escaped. */
    String html() {
        StringBuilder html = new StringBuilder("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">");
        for (int row = 0; row < rows.size(); row++) {
            String tag = row == 0 ? "th" : "td";
            html.append("<tr>");
            rows.get(row).forEach(cell -> html.append('<').append(tag).append('>').append(inline(cell))
                    .append("</").append(tag).append('>'));
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    private static String inline(String markdown) {
        StringBuilder html = new StringBuilder();
        boolean code = false;
        for (char c : markdown.toCharArray()) {
            switch (c) {
                case '`' -> {
                    html.append(code ? "</code>" : "<code>");
                    code = !code;
                }
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                default -> html.append(c);
            }
        }
        return code ? html.append("</code>").toString() : html.toString();
    }
}
