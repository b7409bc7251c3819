package io.fieldbench.recorder.replay;

/**
 * Where a replay is.
 *
 * @param state    idle, playing, paused, stopped, finished or failed
 * @param source   what is replayed
 * @param speed    how fast
 * @param samples  samples posted so far
 * @param fraction of the files read, 0 to 1
 * @param problem  why it failed; empty otherwise
 */
public record ReplayProgress(String state, String source, ReplaySpeed speed, long samples, double fraction, String problem) {

    public static final ReplayProgress IDLE = new ReplayProgress("idle", "", ReplaySpeed.MAX, 0, 0, "");

    public boolean running() {
        return state.equals("playing") || state.equals("paused");
    }

    public String text() {
        if (state.equals("idle")) {
            return "replay: idle";
        }
        return "replay: " + state + " " + source + " at " + speed + ", " + samples + " samples, "
                + Math.round(fraction * 100) + "%" + (problem.isEmpty() ? "" : ", " + problem);
    }
}
