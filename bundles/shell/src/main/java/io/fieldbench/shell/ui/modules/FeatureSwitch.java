package io.fieldbench.shell.ui.modules;

import java.util.concurrent.CompletionStage;

/** Turns a feature on or off without blocking the caller. */
@FunctionalInterface
interface FeatureSwitch {

    CompletionStage<Void> set(String feature, boolean on);
}
