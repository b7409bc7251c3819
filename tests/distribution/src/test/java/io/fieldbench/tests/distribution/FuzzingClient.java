package io.fieldbench.tests.distribution;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;
import org.python.util.jython;

import me.normanmaurer.maven.autobahntestsuite.AutobahnTestSuite;

/**
 * Autobahn's fuzzing client ({@code wstest -m fuzzingclient}) on Jython, in a JVM of its own whose
 * class path holds only Jython and the suite: in this JVM, which has loaded classes of packages
 * {@code io.*}, Jython would take the Java package {@code io} for Python's {@code io} module and the
 * suite would not start. The spec names the endpoint's full URL, path and token included.
 */
final class FuzzingClient {

    static final String AGENT = "fieldbench";
    /** Protocol version 18 is RFC 6455. */
    private static final int RFC_6455 = 18;

    private final Path folder;

    /** Writes its spec, console log and report into the folder. */
    FuzzingClient(Path folder) {
        this.folder = folder;
    }

    /** Runs the cases against the URL and gives each case's result, in the suite's order. */
    List<CaseResult> run(String url, List<String> cases, List<String> excluded, Duration deadline)
            throws IOException, InterruptedException, ParseException {
        Files.createDirectories(folder);
        Path reports = reports();
        Files.deleteIfExists(reports.resolve("index.json")); // never read an earlier run's results
        Path spec = folder.resolve("fuzzingclient.json");
        Files.writeString(spec, spec(url, cases, excluded, reports));
        Path console = folder.resolve("fuzzingclient.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", suiteClassPath(), jython.class.getName(),
                "-c", "from autobahntestsuite import wstest; wstest.run()", "-m", "fuzzingclient", "-s", spec.toString())
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            if (!process.waitFor(deadline.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the fuzzing client did not finish within " + deadline.toSeconds() + " s; its log: "
                        + console);
            }
        } finally {
            process.destroyForcibly();
        }
        Path index = reports.resolve("index.json");
        if (process.exitValue() != 0 || !Files.isRegularFile(index)) {
            throw new AssertionError("the fuzzing client ended with exit code " + process.exitValue()
                    + " and no results; its log (" + console + "):\n" + Files.readString(console));
        }
        return results(index);
    }

    /** Where the suite writes its report: index.html, and a JSON and an HTML page per case. */
    Path reports() {
        return folder.resolve("reports");
    }

    @SuppressWarnings("unchecked")
    private static String spec(String url, List<String> cases, List<String> excluded, Path reports) {
        JSONObject server = new JSONObject();
        server.put("agent", AGENT);
        server.put("url", url);
        server.put("options", new JSONObject(Map.of("version", RFC_6455)));
        JSONArray servers = new JSONArray();
        servers.add(server);
        JSONObject spec = new JSONObject();
        spec.put("outdir", reports.toString());
        spec.put("servers", servers);
        spec.put("cases", array(cases));
        spec.put("exclude-cases", array(excluded));
        spec.put("exclude-agent-cases", new JSONObject());
        return spec.toJSONString();
    }

    @SuppressWarnings("unchecked")
    private static JSONArray array(List<String> items) {
        JSONArray array = new JSONArray();
        array.addAll(items);
        return array;
    }

    /** Jython and the suite's jar (the Python code of Autobahn and Twisted), found where this JVM loaded them from. */
    private static String suiteClassPath() {
        try {
            return Path.of(jython.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    + File.pathSeparator
                    + Path.of(AutobahnTestSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CaseResult> results(Path index) throws IOException, ParseException {
        JSONObject agents;
        try (Reader reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            agents = (JSONObject) new JSONParser().parse(reader);
        }
        JSONObject cases = (JSONObject) agents.get(AGENT);
        List<CaseResult> results = new ArrayList<>();
        if (cases == null) {
            return results;
        }
        for (Object id : cases.keySet()) {
            JSONObject c = (JSONObject) cases.get(id);
            results.add(new CaseResult((String) id, (String) c.get("behavior"), (String) c.get("behaviorClose"),
                    (Number) c.get("remoteCloseCode"), reports().resolve((String) c.get("reportfile"))));
        }
        return results;
    }

    /** One case's outcome as the suite's index gives it; the details are in its own report. */
    record CaseResult(String id, String behavior, String closingBehavior, Number remoteCloseCode, Path report) {

        /** What the case sent, what it expected and what the server answered, from the case's report. */
        String details(int receivedShown) throws IOException, ParseException {
            JSONObject details;
            try (Reader reader = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
                details = (JSONObject) new JSONParser().parse(reader);
            }
            String received = String.valueOf(details.get("received"));
            if (received.length() > receivedShown) {
                received = received.substring(0, receivedShown) + "...";
            }
            return "case " + id + ": " + behavior + ", closing " + closingBehavior + " (close code from the server: "
                    + remoteCloseCode + ")"
                    + "\n  case: " + details.get("description")
                    + "\n  expected: " + details.get("expectation")
                    + "\n  outcome: " + details.get("result") + " / " + details.get("resultClose")
                    + "\n  received: " + received
                    + "\n  report: " + report;
        }
    }
}
