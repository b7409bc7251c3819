package io.fieldbench.registry.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.device.Device;
import io.fieldbench.registry.internal.ForgottenDevices;
import io.fieldbench.registry.internal.LiveDeviceRegistry;

/**
 * {@code fb:forget-devices --all | --offline | ID...}: clears the registry of devices, after a test
 * run for instance; one that sends again comes back as new. A Gogo function of its own because the
 * command's name has a hyphen, which no method name can have.
 */
@Component(service = Function.class, property = {
        "osgi.command.scope=fb",
        "osgi.command.function=forget-devices" })
public class ForgetDevicesCommand implements Function {

    static final String USAGE = "usage: fb:forget-devices --all | --offline | ID... (the ids as fb:devices lists them)";
    /** The registry answers after the batches it has queued; normally within milliseconds. */
    private static final long ANSWER_SECONDS = 10;

    @Reference
    private LiveDeviceRegistry registry;

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws InterruptedException {
        List<String> words = arguments.stream().map(String::valueOf).toList();
        Predicate<Device> which = which(words);
        if (which == null) {
            return USAGE;
        }
        try {
            ForgottenDevices forgotten = registry.forget(which).get(ANSWER_SECONDS, TimeUnit.SECONDS);
            return forgotten.summary() + unknown(words, forgotten);
        } catch (TimeoutException e) {
            return "the registry did not answer within " + ANSWER_SECONDS + " s (it has " + registry.health().waiting()
                    + " batches to count first); the devices will be forgotten when it gets there";
        } catch (ExecutionException e) {
            return "forgetting failed: " + e.getCause() + " (see the log)";
        }
    }

    /** The devices the words name, or null when they make no sense together. */
    private static Predicate<Device> which(List<String> words) {
        if (words.equals(List.of("--all"))) {
            return device -> true;
        }
        if (words.equals(List.of("--offline"))) {
            return device -> !device.online();
        }
        if (words.isEmpty() || words.stream().anyMatch(word -> word.startsWith("--"))) {
            return null;
        }
        Set<String> ids = Set.copyOf(words);
        return device -> ids.contains(device.id());
    }

    /** {@code ; not known: x, y} for ids asked for that the registry did not have. */
    private static String unknown(List<String> words, ForgottenDevices forgotten) {
        if (words.get(0).startsWith("--")) {
            return "";
        }
        List<String> unknown = new ArrayList<>(words.stream().distinct().toList());
        forgotten.devices().forEach(device -> unknown.remove(device.id()));
        return unknown.isEmpty() ? "" : "; not known: " + String.join(", ", unknown);
    }
}
