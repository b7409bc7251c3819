package io.fieldbench.core.feature;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleException;

/** Says why a bundle did not start, in words a lab engineer can act on. */
final class BundleProblems {

    private static final Pattern MISSING_PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([^)\\s]+)");
    private static final Pattern MISSING_EXTENDER = Pattern.compile("osgi\\.extender=([^)\\s]+)");
    private static final Pattern MISSING_BUNDLE = Pattern.compile("osgi\\.wiring\\.bundle=([^)\\s]+)");

    private BundleProblems() {
    }

    static String describe(BundleException e) {
        String message = String.valueOf(e.getMessage());
        Matcher m;
        if (message.contains("osgi.ee")) {
            return "needs a newer Java than this one: run the bench on the Java version the bundle was built for";
        }
        if ((m = MISSING_PACKAGE.matcher(message)).find()) {
            return "needs the Java package " + m.group(1) + ", which no installed bundle provides: "
                    + "enable the feature that has it, or drop the bundle that exports it into deploy/";
        }
        if ((m = MISSING_BUNDLE.matcher(message)).find()) {
            return "needs the bundle " + m.group(1) + ", which is not installed: enable the feature that has it";
        }
        if ((m = MISSING_EXTENDER.matcher(message)).find()) {
            return "needs the " + m.group(1) + " extender, which is not running: check that the core feature started";
        }
        if (e.getType() == BundleException.ACTIVATOR_ERROR && e.getCause() != null) {
            return "its start-up code failed: " + e.getCause();
        }
        return firstLine(message);
    }

    static String missingFile(String url) {
        return "its file is missing (" + url + "): rebuild the distribution with 'mvn install'";
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
