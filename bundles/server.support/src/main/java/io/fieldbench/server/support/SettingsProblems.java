package io.fieldbench.server.support;

import java.util.List;
import java.util.function.Consumer;

/**
 * Says what is wrong with a server's settings file, a line per problem: at activation, and after a
 * change only when the problems changed, so that an unrelated edit does not repeat them.
 */
public final class SettingsProblems {

    private final String file;
    private final Consumer<String> warnLog;
    private List<String> said = List.of();

    /** @param pid the server's configuration PID, which names its settings file */
    public SettingsProblems(String pid, Consumer<String> warnLog) {
        this.file = "<data>/etc/" + pid + ".cfg";
        this.warnLog = warnLog;
    }

    /** Says {@code problems} unless they are the ones said last; on the configuration thread. */
    public void say(List<String> problems) {
        if (!problems.equals(said)) {
            problems.forEach(problem -> warnLog.accept("Setting in " + file + ": " + problem));
            said = List.copyOf(problems);
        }
    }
}
