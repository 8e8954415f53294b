package org.worldbench.report;

import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.worldbench.analysis.Verdict;
import org.worldbench.report.RunReport.BenchmarkResult;
import org.worldbench.report.RunReport.MetricResult;

/**
 * {@code junit.xml} in the JUnit XML format CI systems read (Jenkins, GitLab, GitHub Actions
 * reporters): one test case per benchmark and compared metric. A regression is a {@code <failure>},
 * a trial whose benchmark failed an {@code <error>}, an inconclusive comparison (no baseline) a
 * {@code <skipped>} with its reason; everything else passes.
 */
public final class JUnitXmlReport {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private JUnitXmlReport() {
    }

    private record Case(String classname, String name, double seconds, String kind, String message, String detail) {
    }

    public static String render(RunReport report) {
        List<Case> cases = new ArrayList<>();
        for (BenchmarkResult b : report.benchmarks()) {
            if ("failed".equals(b.status()) || b.metrics().isEmpty()) {
                cases.add(new Case(b.className(), b.label(), b.seconds(), "failed".equals(b.status()) ? "error" : "skipped",
                        "failed".equals(b.status()) ? "trial failed" : "trial not measured (" + b.status() + ")",
                        b.failure() == null ? "" : b.failure()));
                continue;
            }
            for (MetricResult m : b.metrics()) {
                if (m.verdict() == null) {
                    continue; // stored but not judged (e.g. gc.count)
                }
                String name = b.label() + " [" + m.name() + "]";
                String detail = m.reason() == null ? "" : m.reason();
                String kind = switch (m.verdict()) {
                    case REGRESSED -> "failure";
                    case INCONCLUSIVE -> "skipped";
                    default -> null;
                };
                String message = m.verdict() == Verdict.REGRESSED
                        ? "regressed " + Formats.percent(m.changePercent()) + " (threshold " + Formats.number(m.thresholdPercent()) + "%)"
                        : detail;
                // The trial's time goes to its primary case, so the suite's times add up.
                cases.add(new Case(b.className(), name, m.name().equals(b.metrics().getFirst().name()) ? b.seconds() : 0, kind,
                        message, detail));
            }
        }
        long failures = cases.stream().filter(c -> "failure".equals(c.kind())).count();
        long errors = cases.stream().filter(c -> "error".equals(c.kind())).count();
        long skipped = cases.stream().filter(c -> "skipped".equals(c.kind())).count();
        double seconds = report.startedAt() != null && report.finishedAt() != null
                ? Duration.between(report.startedAt(), report.finishedAt()).toMillis() / 1000.0 : 0;
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "worldbench " + report.experiment());
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", Long.toString(errors));
            xml.writeAttribute("time", time(seconds));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "worldbench." + report.experiment() + ".run" + report.runId());
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", Long.toString(errors));
            xml.writeAttribute("skipped", Long.toString(skipped));
            xml.writeAttribute("time", time(seconds));
            xml.writeAttribute("timestamp", TIMESTAMP.format(report.startedAt() != null ? report.startedAt() : report.createdAt()));
            xml.writeCharacters("\n    ");
            xml.writeStartElement("properties");
            property(xml, "run.id", Long.toString(report.runId()));
            property(xml, "machine", report.machine());
            property(xml, "machine.fingerprint", report.fingerprint());
            property(xml, "baseline", report.baselineNote() == null ? "none" : report.baselineNote());
            property(xml, "git.commit", report.gitCommit() == null ? "" : report.gitCommit());
            property(xml, "git.branch", report.gitBranch() == null ? "" : report.gitBranch());
            property(xml, "method", report.method());
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
            for (Case c : cases) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("name", c.name());
                xml.writeAttribute("classname", c.classname());
                xml.writeAttribute("time", time(c.seconds()));
                if (c.kind() != null) {
                    xml.writeCharacters("\n      ");
                    xml.writeStartElement(c.kind());
                    xml.writeAttribute("message", c.message());
                    if (!c.kind().equals("skipped")) {
                        xml.writeAttribute("type", c.kind().equals("failure") ? "regression" : "trial-failure");
                    }
                    xml.writeCharacters(c.detail());
                    xml.writeEndElement();
                    xml.writeCharacters("\n    ");
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write junit.xml: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String time(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

}
