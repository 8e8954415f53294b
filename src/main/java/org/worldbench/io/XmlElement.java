package org.worldbench.io;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A minimal element tree that remembers the line of every element, so errors can name it.
 * Comments, processing instructions and text are dropped; DTDs and external entities are refused.
 */
final class XmlElement {

    final String name;
    final int line;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<XmlElement> children = new ArrayList<>();

    private XmlElement(String name, int line) {
        this.name = name;
        this.line = line;
    }

    static XmlElement parse(InputStream in, String source) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(in);
            Deque<XmlElement> open = new ArrayDeque<>();
            XmlElement root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    XmlElement e = new XmlElement(reader.getLocalName(), reader.getLocation().getLineNumber());
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        e.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                    }
                    if (open.isEmpty()) {
                        root = e;
                    } else {
                        open.peek().children.add(e);
                    }
                    open.push(e);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.pop();
                }
            }
            if (root == null) {
                throw new UrdfException(source, 0, "no XML element found");
            }
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String message = e.getMessage();
            int detail = message == null ? -1 : message.indexOf("Message: ");
            throw new UrdfException(source, line, "malformed XML: "
                    + (detail >= 0 ? message.substring(detail + 9) : message));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    List<XmlElement> children(String childName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    XmlElement child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    String attribute(String key) {
        return attributes.get(key);
    }

    /** How an error names this element: {@code <joint name="x">}. */
    String describe() {
        String n = attributes.get("name");
        return n == null ? "<" + name + ">" : "<" + name + " name=\"" + n + "\">";
    }
}
