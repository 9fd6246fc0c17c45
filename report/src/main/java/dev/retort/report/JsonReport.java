package dev.retort.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.retort.SqlDialect;
import dev.retort.diff.HazardPolicy;
import dev.retort.diff.OnlineForms;
import dev.retort.diff.Plan;
import dev.retort.lint.Finding;
import dev.retort.lint.LintResult;
import dev.retort.postgres.PostgresSql;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.runtime.StairwayResult;
import dev.retort.runtime.Validation;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The machine-readable reports: one JSON document per command, in the versioned format {@value #FORMAT} the README
 * describes field by field ("Machine-readable output"). The command line writes them for {@code --format json}; a
 * build plugin calls the same methods with the values the library gave it.
 */
public final class JsonReport {
    /** The format and its version, the first field of every document; a change that breaks a reader raises it. */
    public static final String FORMAT = "retort/1";

    private JsonReport() {}

    /**
     * {@code check}: the operations a new migration needs, in plan order, none when the entities match; as under
     * {@code safety = simple} (every operation in the migration's transaction), without lint findings.
     */
    public static void check(Writer out, Plan plan, String defaultSchema) {
        check(out, plan, defaultSchema, List.of(), "simple", OnlineForms.plain(plan.upgrade()));
    }

    /**
     * {@code check}'s document: the plan's operations, the configured {@code safety} (its word) and the blocks of the
     * upgrade that a migration generated under it runs ({@code blocks}), then the lint findings of the pending
     * migrations ({@code lint}).
     */
    public static void check(
            Writer out,
            Plan plan,
            String defaultSchema,
            List<Finding> lint,
            String safety,
            List<OnlineForms.Block> blocks) {
        check(out, plan, defaultSchema, lint, safety, blocks, PostgresSql.DIALECT, HazardPolicy.POSTGRESQL);
    }

    /**
     * As {@link #check(Writer, Plan, String, List, String, List)}, the SQL rendered by {@code dialect} and the hazards
     * judged by {@code hazards}, that database's policy.
     */
    public static void check(
            Writer out,
            Plan plan,
            String defaultSchema,
            List<Finding> lint,
            String safety,
            List<OnlineForms.Block> blocks,
            SqlDialect dialect,
            HazardPolicy hazards) {
        JsonDocument.write(out, "check", json -> {
            PlanJson.operations(json, plan, defaultSchema, dialect, hazards);
            json.writeStringField("safety", safety);
            PlanJson.blocks(json, blocks, defaultSchema, dialect, hazards);
            LintJson.findings(json, "lint", lint);
        });
    }

    /** {@code lint}'s document: the revisions read, the counts of errors and warnings reported, every finding. */
    public static void lint(Writer out, LintResult result) {
        JsonDocument.write(out, "lint", json -> {
            JsonDocument.strings(json, "revisions", result.revisions());
            json.writeNumberField("errors", result.errors());
            json.writeNumberField("warnings", result.warnings());
            LintJson.findings(json, "findings", result.findings());
        });
    }

    /** {@code lint --format sarif}: a SARIF 2.1.0 log for code-scanning tools; {@code version} is Retort's, or null. */
    public static void sarif(Writer out, LintResult result, String version) {
        JsonDocument.other(
                out, json -> LintJson.sarif(json, result.findings(), result.dialect(), result.mySql(), version));
    }

    /** {@code diff}: the operations that turn the first database into the second. */
    public static void diff(Writer out, Plan plan, String defaultSchema) {
        JsonDocument.write(out, "diff", json -> PlanJson.operations(json, plan, defaultSchema));
    }

    /**
     * {@code diff} between two databases of another dialect: each operation's SQL as {@code dialect} renders it and
     * its hazards as {@code hazards} judges them, then {@code details}, the changes to what only that database keeps (one line each), and {@code detailsSql},
     * the statements that make them.
     */
    public static void diff(
            Writer out,
            Plan plan,
            String defaultSchema,
            SqlDialect dialect,
            HazardPolicy hazards,
            List<String> details,
            List<String> detailsSql) {
        JsonDocument.write(out, "diff", json -> {
            PlanJson.operations(json, "operations", plan.upgrade(), hazards, defaultSchema, dialect);
            JsonDocument.strings(json, "details", details);
            JsonDocument.strings(json, "detailsSql", detailsSql);
        });
    }

    /**
     * {@code drift}: the revisions the version table holds, and the changes that turn the schema they make into
     * the live database's (none when it has not drifted), without hazards.
     */
    public static void drift(Writer out, Set<String> revisions, Plan drift, String defaultSchema) {
        JsonDocument.write(out, "drift", json -> {
            JsonDocument.strings(json, "revisions", new TreeSet<>(revisions));
            PlanJson.operations(json, "operations", drift.upgrade(), false, defaultSchema);
        });
    }

    /**
     * {@code drift} on another dialect's database: as {@link #drift(Writer, Set, Plan, String)}, each operation's SQL
     * as {@code dialect} renders it, then {@code details}, the changes by hand to what only that database keeps (one
     * line each, as {@code diff} prints them).
     */
    public static void drift(
            Writer out,
            Set<String> revisions,
            Plan drift,
            String defaultSchema,
            SqlDialect dialect,
            List<String> details) {
        JsonDocument.write(out, "drift", json -> {
            JsonDocument.strings(json, "revisions", new TreeSet<>(revisions));
            PlanJson.operations(json, "operations", drift.upgrade(), null, defaultSchema, dialect);
            JsonDocument.strings(json, "details", details);
        });
    }

    /**
     * {@code test}: whether the stairway passed, each revision's step in order (the walk stops at the first that
     * fails), and, when the entities were compared at the heads, the operations {@code check} finds there (null
     * when they were not).
     */
    public static void test(Writer out, StairwayResult result, Plan atHeads, String defaultSchema) {
        JsonDocument.write(out, "test", json -> {
            json.writeBooleanField("passed", result.passed());
            json.writeArrayFieldStart("steps");
            for (StairwayResult.Step step : result.steps()) {
                json.writeStartObject();
                json.writeStringField("revision", step.revision());
                json.writeStringField(
                        "outcome",
                        step.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                json.writeStringField("message", step.message());
                PlanJson.operations(json, "differences", step.differences(), false, defaultSchema);
                json.writeEndObject();
            }
            json.writeEndArray();
            if (atHeads == null) json.writeNullField("operations");
            else PlanJson.operations(json, atHeads, defaultSchema);
        });
    }

    /** {@code heads}: the head revisions. */
    public static void heads(Writer out, RevisionGraph graph) {
        JsonDocument.write(out, "heads", json -> {
            json.writeArrayFieldStart("heads");
            for (String head : graph.heads()) RevisionJson.revision(json, graph, graph.node(head));
            json.writeEndArray();
        });
    }

    /** {@code current}: the revisions the database is at (each declared by a migration), and whether they are the heads. */
    public static void current(Writer out, RevisionGraph graph, Set<String> current) {
        JsonDocument.write(out, "current", json -> {
            json.writeArrayFieldStart("current");
            for (String id : new TreeSet<>(current)) RevisionJson.revision(json, graph, graph.node(id));
            json.writeEndArray();
            JsonDocument.strings(json, "heads", graph.heads());
            json.writeBooleanField("atAllHeads", current.equals(Set.copyOf(graph.heads())));
        });
    }

    /** {@code history}: the revisions given, newest first; {@code current} is the database's, or null when not read. */
    public static void history(Writer out, RevisionGraph graph, List<RevisionNode> revisions, Set<String> current) {
        JsonDocument.write(out, "history", json -> {
            json.writeArrayFieldStart("revisions");
            for (RevisionNode node : revisions) RevisionJson.revision(json, graph, node);
            json.writeEndArray();
            if (current != null) JsonDocument.strings(json, "current", new TreeSet<>(current));
        });
    }

    /** {@code validate}: the problems found (none when all match), and the revision accepted first, or null. */
    public static void validate(Writer out, Validation validation, String accepted) {
        JsonDocument.write(out, "validate", json -> {
            if (accepted != null) json.writeStringField("accepted", accepted);
            json.writeArrayFieldStart("problems");
            for (Validation.Problem problem : validation.problems()) problem(json, problem);
            json.writeEndArray();
        });
    }

    /** A command that failed: the one-line error, in place of the command's own fields. */
    public static void error(Writer out, String command, String message) {
        JsonDocument.write(out, command, json -> json.writeStringField("error", message));
    }

    private static void problem(JsonGenerator json, Validation.Problem problem) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", problem.kind().name().toLowerCase(Locale.ROOT));
        json.writeStringField("revision", problem.revision());
        json.writeStringField("message", problem.message());
        json.writeEndObject();
    }
}
