package io.fieldbench.core.feature;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The features of a distribution, read from the {@code *.xml} files of its {@code features/}
 * folder. The launcher uses it to check {@code --features} before anything starts, the feature
 * manager to switch features at run time.
 */
public final class FeatureRepository {

    private final Map<String, Feature> features;

    private FeatureRepository(Map<String, Feature> features) {
        this.features = features;
    }

    /** Reads every features file in the folder; a file that cannot be read or parsed is an error naming it. */
    public static FeatureRepository load(Path folder) throws IOException {
        Map<String, Feature> features = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.xml")) {
            for (Path file : files) {
                for (Feature feature : parse(file)) {
                    if (features.putIfAbsent(feature.name(), feature) != null) {
                        throw new IOException(file + ": feature '" + feature.name() + "' is declared twice");
                    }
                }
            }
        }
        return new FeatureRepository(features);
    }

    private static List<Feature> parse(Path file) throws IOException {
        Document document;
        try {
            // newDefaultInstance: the JDK's own parser, whatever the context class loader (OSGi)
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // report by exception, not on stderr
            document = builder.parse(file.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(file + " is not a valid features file: " + e.getMessage(), e);
        }
        List<Feature> result = new ArrayList<>();
        for (Element feature : children(document.getDocumentElement(), "feature")) {
            List<String> requires = new ArrayList<>();
            children(feature, "feature").forEach(e -> requires.add(e.getTextContent().trim()));
            List<String> bundles = new ArrayList<>();
            children(feature, "bundle").forEach(e -> bundles.add(e.getTextContent().trim()));
            result.add(new Feature(feature.getAttribute("name"), feature.getAttribute("description"), startLevel(file, feature),
                    requires, bundles));
        }
        return result;
    }

    private static int startLevel(Path file, Element feature) throws IOException {
        String level = feature.getAttribute("start-level").trim();
        try {
            return level.isEmpty() ? Feature.DEFAULT_START_LEVEL : Integer.parseInt(level);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": feature '" + feature.getAttribute("name") + "' has start-level '" + level
                    + "', not a whole number");
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(localName(element))) {
                result.add(element);
            }
        }
        return result;
    }

    private static String localName(Element element) {
        String name = element.getTagName();
        return name.substring(name.indexOf(':') + 1);
    }

    /** Every feature, in name order. */
    public Collection<Feature> all() {
        return features.values();
    }

    /** Whether a feature of this name exists. */
    public boolean contains(String name) {
        return features.containsKey(name);
    }

    /** The feature with this name. */
    public Feature get(String name) {
        Feature feature = features.get(name);
        if (feature == null) {
            throw new IllegalArgumentException("unknown feature '" + name + "'; known features: " + String.join(", ", features.keySet()));
        }
        return feature;
    }

    /**
     * The named features and all they build on, each once, those built on first, the named ones
     * by start level (then by name).
     */
    public List<Feature> closure(Collection<String> names) {
        List<Feature> named = names.stream().map(this::get)
                .sorted(Comparator.comparingInt(Feature::startLevel).thenComparing(Feature::name)).toList();
        Set<Feature> ordered = new LinkedHashSet<>();
        for (Feature feature : named) {
            addWithRequirements(feature, ordered, new LinkedHashSet<>());
        }
        return List.copyOf(ordered);
    }

    private void addWithRequirements(Feature feature, Set<Feature> ordered, Set<String> visiting) {
        if (ordered.contains(feature)) {
            return;
        }
        if (!visiting.add(feature.name())) {
            throw new IllegalArgumentException("features require each other in a circle: " + String.join(" -> ", visiting));
        }
        for (String required : feature.requires()) {
            addWithRequirements(get(required), ordered, visiting);
        }
        ordered.add(feature);
    }

    /** The bundle locations of the named features and all they build on, each once, in start order. */
    public List<String> bundles(Collection<String> names) {
        Set<String> locations = new LinkedHashSet<>();
        closure(names).forEach(f -> locations.addAll(f.bundles()));
        return List.copyOf(locations);
    }
}
