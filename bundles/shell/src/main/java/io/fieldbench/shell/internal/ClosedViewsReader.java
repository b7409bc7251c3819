package io.fieldbench.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads which views the user had closed from the {@code <undocked>} section of a Modern Docking
 * layout file. The library writes that section but hands it back only for dockables registered at
 * load time, and a view's bundle may start later than the window.
 */
final class ClosedViewsReader {

    private static final String UNDOCKED = "undocked";
    private static final String VIEW = "simple";
    private static final String ID = "persistentID";

    private ClosedViewsReader() {
    }

    static Set<String> read(Path file) throws IOException, XMLStreamException {
        Set<String> closed = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = newFactory().createXMLStreamReader(in);
            try {
                boolean inUndocked = false;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        if (UNDOCKED.equals(reader.getLocalName())) {
                            inUndocked = true;
                        } else if (inUndocked && VIEW.equals(reader.getLocalName())) {
                            String id = reader.getAttributeValue(null, ID);
                            if (id != null) {
                                closed.add(id);
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && UNDOCKED.equals(reader.getLocalName())) {
                        inUndocked = false;
                    }
                }
            } finally {
                reader.close();
            }
        }
        return closed;
    }

    /** The JDK's own parser: a factory looked up through the context class loader may not exist in OSGi. */
    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
