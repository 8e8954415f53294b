package org.worldbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Checks shared by the report tests: parse the HTML strictly, validate the JUnit XML, read the tables. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** Parses the HTML as XML (the writer emits polyglot HTML5), failing on any malformed markup. */
    public static Document parseHtml(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        } catch (Exception e) {
            throw new AssertionError("index.html does not parse: " + e.getMessage(), e);
        }
    }

    /** Validates against the Jenkins/Ant JUnit schema in src/test/resources/schemas. */
    public static void validateJUnitXml(String xml) {
        try {
            var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(new StreamSource(ReportFiles.class.getResourceAsStream("/schemas/junit-10.xsd")));
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new AssertionError("junit.xml does not validate against junit-10.xsd: " + e.getMessage(), e);
        }
    }

    /** The data rows of the Markdown results table (lines starting with "| `"). */
    public static List<String> markdownRows(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("| `")).toList();
    }

    /** Body rows of the HTML results table. */
    /** Rows of the result table ({@code <tbody id="results">}; the history table has a body of its own). */
    public static int htmlResultRows(Document html) {
        var bodies = html.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "tbody");
        List<org.w3c.dom.Element> results = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.getLength(); i++) {
            org.w3c.dom.Element body = (org.w3c.dom.Element) bodies.item(i);
            if ("results".equals(body.getAttribute("id"))) {
                results.add(body);
            }
        }
        assertThat(results).hasSize(1);
        return results.getFirst().getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "tr").getLength();
    }
}
