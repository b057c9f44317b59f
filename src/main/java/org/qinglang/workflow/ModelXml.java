package org.qinglang.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads every element, attribute and text of a model file, each with the id of the model element
 * it belongs to (its own or its nearest ancestor's), without resolving DTDs or external entities.
 */
final class ModelXml {

    /** What the scan reports; attribute is null for an element's text. */
    interface Visitor {

        void visit(String elementId, String attribute, String value);

        default void element(String elementId, String localName, Map<String, String> attributes) {
        }
    }

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private ModelXml() {
    }

    /** @throws IllegalArgumentException when the file is not well-formed XML */
    static void scan(byte[] content, Visitor visitor) {
        Deque<String> ids = new ArrayDeque<>();
        Deque<StringBuilder> texts = new ArrayDeque<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(content));
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String id = reader.getAttributeValue(null, "id");
                        String elementId = id != null ? id : ids.isEmpty() ? reader.getLocalName() : ids.peek();
                        ids.push(elementId);
                        texts.push(new StringBuilder());
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        visitor.element(elementId, reader.getLocalName(), attributes);
                        attributes.forEach((name, value) -> visitor.visit(elementId, name, value));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!texts.isEmpty()) {
                            texts.peek().append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String text = texts.pop().toString();
                        String elementId = ids.pop();
                        if (!text.isBlank()) {
                            visitor.visit(elementId, null, text);
                        }
                    }
                    default -> {
                        // comments, processing instructions: never evaluated
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was opened but the array
                }
            }
        }
    }
}
