package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A bundle that cannot start is explained in words a lab engineer can act on, and the bench keeps running. */
class BrokenBundleTest {

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    @TempDir
    Path temporary;

    @Test
    void explainsAMissingPackageAndKeepsRunning() throws Exception {
        Path broken = bundleImporting(temporary.resolve("broken.jar"), "com.example.missing");
        Files.writeString(headless.home().resolve("features/broken.xml"), """
                <features name="broken" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <feature name="broken" description="A bundle that needs a package nobody has"><bundle>%s</bundle></feature>
                </features>
                """.formatted(broken.toUri()));

        BenchProcess bench = headless.start("--features", "broken");
        String problem = bench.askUntil("fb:features", line -> line.contains("test.broken:"), "the broken bundle's problem");
        String row = bench.ask("fb:features", line -> line.startsWith("broken "), "the broken feature's row");
        bench.send("fb:status");
        String problems = bench.awaitLine(line -> line.startsWith("problems:"), "the problem count");

        assertTrue(problem.contains("needs the Java package com.example.missing, which no installed bundle provides"), problem);
        assertTrue(row.matches("broken +enabled +0/1 .*"), "not counted as running: " + row);
        assertTrue(problems.contains("1 feature(s)"), problems);
    }

    private static Path bundleImporting(Path jar, String missingPackage) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "test.broken");
        main.putValue("Import-Package", missingPackage);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
