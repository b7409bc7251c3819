package io.fieldbench.api.settings;

/**
 * The framework properties through which the launcher tells every bundle where the bench lives and
 * how it runs; read them with {@code BundleContext.getProperty}. The names have this one home.
 */
public final class BenchProperties {

    /** The distribution's folder: {@code features/}, {@code system/}, {@code deploy/}, the shipped {@code etc/}. */
    public static final String HOME = "fieldbench.home";

    /** The user's data folder: settings, log, recordings, images, saved choices. */
    public static final String DATA = "fieldbench.data";

    /** {@code true} when the bench runs without a window. */
    public static final String HEADLESS = "fieldbench.headless";

    /** Where the bench's log is, relative to the data folder. */
    public static final String LOG_FILE = "log/fieldbench.log";

    private BenchProperties() {
    }
}
