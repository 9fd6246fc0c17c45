package dev.retort.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import java.io.IOException;

/** One revision in a report: what {@code show} prints, as fields. */
final class RevisionJson {
    private RevisionJson() {}

    static void revision(JsonGenerator json, RevisionGraph graph, RevisionNode node) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", node.id());
        JsonDocument.strings(json, "revises", node.revises());
        JsonDocument.strings(json, "branchLabels", node.branchLabels());
        JsonDocument.strings(json, "dependsOn", node.dependsOn());
        json.writeStringField("message", node.message());
        json.writeStringField("path", node.source());
        json.writeBooleanField("head", graph.heads().contains(node.id()));
        json.writeBooleanField("branchPoint", graph.isBranchPoint(node.id()));
        json.writeBooleanField("mergePoint", node.isMergePoint());
        json.writeEndObject();
    }
}
