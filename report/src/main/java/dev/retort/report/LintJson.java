package dev.retort.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.retort.Dialect;
import dev.retort.lint.Finding;
import dev.retort.lint.Rule;
import dev.retort.lint.Severity;
import java.io.IOException;
import java.util.List;

/** Lint findings as JSON: the {@code findings} of {@code lint}'s document, the {@code lint} field of {@code check}'s. */
final class LintJson {
    private LintJson() {}

    static void findings(JsonGenerator json, String field, List<Finding> findings) throws IOException {
        json.writeArrayFieldStart(field);
        for (Finding finding : findings) {
            json.writeStartObject();
            json.writeStringField("rule", finding.rule().id());
            json.writeStringField("severity", finding.severity().word());
            json.writeStringField("revision", finding.revision());
            json.writeStringField("file", finding.file());
            if (finding.line() > 0) json.writeNumberField("line", finding.line());
            else json.writeNullField("line");
            json.writeStringField("message", finding.message());
            json.writeStringField("suppressed", finding.suppressed());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * SARIF 2.1.0: one run of the tool {@code retort}, every rule with its metadata as it means on {@code dialect}'s
     * database (a rule not checked there says why), a result per finding.
     */
    static void sarif(JsonGenerator json, List<Finding> findings, Dialect dialect, boolean mySql, String version)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "retort");
        if (version != null) json.writeStringField("version", version);
        json.writeArrayFieldStart("rules");
        for (Rule rule : Rule.values()) {
            json.writeStartObject();
            json.writeStringField("id", rule.id());
            text(json, "shortDescription", rule.meaning(dialect, mySql).what());
            text(json, "help", rule.meaning(dialect, mySql).fix());
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", level(rule.defaultSeverity()));
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("results");
        for (Finding finding : findings) result(json, finding);
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void result(JsonGenerator json, Finding finding) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", finding.rule().id());
        json.writeNumberField("ruleIndex", finding.rule().ordinal());
        json.writeStringField("level", level(finding.severity()));
        text(json, "message", "revision " + finding.revision() + ": " + finding.message());
        if (finding.file() != null) {
            json.writeArrayFieldStart("locations");
            json.writeStartObject();
            json.writeObjectFieldStart("physicalLocation");
            json.writeObjectFieldStart("artifactLocation");
            json.writeStringField("uri", finding.file().replace('\\', '/'));
            json.writeEndObject();
            if (finding.line() > 0) {
                json.writeObjectFieldStart("region");
                json.writeNumberField("startLine", finding.line());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
        }
        if (finding.isSuppressed()) {
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", "inSource");
            json.writeStringField("justification", finding.suppressed());
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void text(JsonGenerator json, String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text);
        json.writeEndObject();
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : severity == Severity.WARNING ? "warning" : "none";
    }
}
