package io.fieldbench.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fieldbench.core.feature.FeatureNames;

/**
 * What the user asked for on the command line:
 * {@code fieldbench [--headless] [--features a,b] [--data DIR] [--set pid.key=value ...]}.
 *
 * @param headless  no window; a console on standard input and output
 * @param features  the features to run, when given (otherwise the saved choice)
 * @param data      the data directory
 * @param settings  {@code pid.key=value} overrides, in the order given
 */
record LaunchOptions(boolean headless, Optional<Set<String>> features, Path data, List<String> settings) {

    static final String USAGE = "usage: fieldbench [--headless] [--features a,b,...] [--data DIR] [--set pid.key=value ...]";

    static LaunchOptions parse(String[] args, Path defaultData) throws StartupException {
        boolean headless = false;
        Optional<Set<String>> features = Optional.empty();
        Path data = defaultData;
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--headless" -> headless = true;
                case "--features" -> features = Optional.of(FeatureNames.parse(value(args, ++i, "--features")));
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--set" -> settings.add(setting(value(args, ++i, "--set")));
                case "--help", "-h" -> throw new StartupException(USAGE);
                default -> throw new StartupException("unknown option '" + args[i] + "'; " + USAGE);
            }
        }
        return new LaunchOptions(headless, features, data.toAbsolutePath().normalize(), List.copyOf(settings));
    }

    private static String value(String[] args, int index, String option) throws StartupException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new StartupException(option + " needs a value; " + USAGE);
        }
        return args[index];
    }

    private static String setting(String text) throws StartupException {
        int equals = text.indexOf('=');
        int dot = text.lastIndexOf('.', equals);
        if (equals < 0 || dot <= 0 || dot == equals - 1) {
            throw new StartupException("--set '" + text + "' is not pid.key=value (for example --set io.fieldbench.udp.port=9999)");
        }
        return text;
    }
}
