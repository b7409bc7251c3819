package io.fieldbench.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureRepositoryTest {

    @TempDir
    Path folder;

    private FeatureRepository repository(String body) throws IOException {
        Files.writeString(folder.resolve("test.xml"), """
                <features name="test" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                %s
                </features>
                """.formatted(body));
        return FeatureRepository.load(folder);
    }

    @Test
    void bundlesOfAFeatureComeAfterThoseOfTheFeaturesItBuildsOn() throws IOException {
        FeatureRepository repository = repository("""
                <feature name="core" description="the base"><bundle>mvn:g/a/1</bundle><bundle>mvn:g/b/1</bundle></feature>
                <feature name="udp"><feature>core</feature><bundle>mvn:g/udp/1</bundle><bundle>mvn:g/a/1</bundle></feature>
                """);

        assertEquals(List.of("mvn:g/a/1", "mvn:g/b/1", "mvn:g/udp/1"), repository.bundles(Set.of("udp")));
        assertEquals("the base", repository.get("core").description());
    }

    @Test
    void featuresStartedTogetherStartByStartLevelThenByName() throws IOException {
        FeatureRepository repository = repository("""
                <feature name="core"><bundle>mvn:g/core/1</bundle></feature>
                <feature name="a-producer" start-level="90"><feature>core</feature><bundle>mvn:g/producer/1</bundle></feature>
                <feature name="z-consumer"><feature>core</feature><bundle>mvn:g/consumer/1</bundle></feature>
                <feature name="m-both" start-level="85"><bundle>mvn:g/both/1</bundle></feature>
                <feature name="b-consumer"><bundle>mvn:g/other/1</bundle></feature>
                """);

        assertEquals(List.of("mvn:g/other/1", "mvn:g/core/1", "mvn:g/consumer/1", "mvn:g/both/1", "mvn:g/producer/1"),
                repository.bundles(Set.of("a-producer", "z-consumer", "m-both", "b-consumer")));
    }

    @Test
    void aStartLevelThatIsNoNumberIsAnErrorNamingTheFeature() throws IOException {
        IOException e = assertThrows(IOException.class, () -> repository("<feature name=\"udp\" start-level=\"late\"/>"));

        assertTrue(e.getMessage().endsWith("feature 'udp' has start-level 'late', not a whole number"), e.getMessage());
    }

    @Test
    void unknownFeatureIsNamedWithTheKnownOnes() throws IOException {
        FeatureRepository repository = repository("<feature name=\"core\"/><feature name=\"udp\"/>");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> repository.closure(Set.of("nope")));

        assertEquals("unknown feature 'nope'; known features: core, udp", e.getMessage());
    }

    @Test
    void circularRequirementsAreRejected() throws IOException {
        FeatureRepository repository = repository("""
                <feature name="a"><feature>b</feature></feature>
                <feature name="b"><feature>a</feature></feature>
                """);

        assertThrows(IllegalArgumentException.class, () -> repository.closure(Set.of("a")));
    }

    @Test
    void malformedFileIsAnErrorNamingIt() throws IOException {
        Files.writeString(folder.resolve("broken.xml"), "<features><feature name=");

        IOException e = assertThrows(IOException.class, () -> FeatureRepository.load(folder));

        assertTrue(e.getMessage().contains("broken.xml"), e.getMessage());
    }

    @Test
    void mavenLocationsAreReferencesIntoTheSystemFolder() {
        BundleLocations locations = new BundleLocations(Path.of("/opt/fb/system"));

        assertEquals("reference:file:///opt/fb/system/org/apache/felix/scr/2.2/scr-2.2.jar",
                locations.installLocation("mvn:org.apache.felix/scr/2.2"));
        assertEquals("file:/x.jar", locations.installLocation("file:/x.jar"));
    }

    @Test
    void theFileOfALocationIsFoundWithOrWithoutReference() {
        assertEquals(Optional.of(Path.of("/opt/fb/a.jar")), BundleLocations.file("reference:file:///opt/fb/a.jar"));
        assertEquals(Optional.of(Path.of("/x.jar")), BundleLocations.file("file:/x.jar"));
        assertEquals(Optional.empty(), BundleLocations.file("https://example.org/x.jar"));
    }
}
