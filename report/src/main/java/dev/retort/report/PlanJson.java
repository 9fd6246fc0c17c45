package dev.retort.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.retort.SqlDialect;
import dev.retort.diff.HazardPolicy;
import dev.retort.diff.OnlineForms;
import dev.retort.diff.Plan;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.postgres.PostgresSql;
import java.io.IOException;
import java.util.List;

/** A plan's upgrade operations in a report: kind, object, hazards and the SQL {@link PostgresSql}, or another dialect, renders. */
final class PlanJson {
    private PlanJson() {}

    static void operations(JsonGenerator json, Plan plan, String defaultSchema) throws IOException {
        operations(json, "operations", plan.upgrade(), true, defaultSchema);
    }

    /** A plan's upgrade operations, their SQL rendered by {@code dialect}. */
    static void operations(
            JsonGenerator json, Plan plan, String defaultSchema, SqlDialect dialect, HazardPolicy hazards)
            throws IOException {
        operations(json, "operations", plan.upgrade(), hazards, defaultSchema, dialect);
    }

    /**
     * Operations under {@code field}; without {@code hazards} their hazards are left empty (drift's changes
     * were made by hand: they are not what a migration would risk).
     */
    static void operations(JsonGenerator json, String field, List<Op> ops, boolean hazards, String defaultSchema)
            throws IOException {
        operations(json, field, ops, hazards ? HazardPolicy.POSTGRESQL : null, defaultSchema, PostgresSql.DIALECT);
    }

    /**
     * As {@link #operations(JsonGenerator, String, List, boolean, String)}, the SQL rendered by {@code dialect}, the
     * hazards judged by {@code hazards} (none when it is null).
     */
    static void operations(
            JsonGenerator json,
            String field,
            List<Op> ops,
            HazardPolicy hazards,
            String defaultSchema,
            SqlDialect dialect)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (Op op : ops)
            operation(json, op, hazards == null ? List.of() : hazards.hazards(op, ops), defaultSchema, dialect);
        json.writeEndArray();
    }

    /**
     * The upgrade a generated migration runs, block by block ({@code blocks}): each block's {@code autocommit}, its
     * operations (hazards judged among all the blocks' operations, as the migration's comments are) and its
     * statements as the runner sends them, a table's consecutive column changes in one {@code ALTER TABLE}.
     */
    static void blocks(
            JsonGenerator json,
            List<OnlineForms.Block> blocks,
            String defaultSchema,
            SqlDialect dialect,
            HazardPolicy hazards)
            throws IOException {
        List<Op> all = OnlineForms.flatten(blocks);
        dialect = dialect.within(all);
        json.writeArrayFieldStart("blocks");
        for (OnlineForms.Block block : blocks) {
            json.writeStartObject();
            json.writeBooleanField("autocommit", block.autocommit());
            json.writeArrayFieldStart("operations");
            for (Op op : block.ops()) operation(json, op, hazards.hazards(op, all), defaultSchema, dialect);
            json.writeEndArray();
            JsonDocument.strings(json, "sql", dialect.statements(block.ops()));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** One operation object with its hazards. */
    private static void operation(
            JsonGenerator json, Op op, List<Hazard> hazards, String defaultSchema, SqlDialect dialect)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", OperationKinds.of(op));
        target(json, OperationTarget.changedBy(op), defaultSchema);
        json.writeArrayFieldStart("hazards");
        for (Hazard hazard : hazards) {
            json.writeStartObject();
            json.writeStringField("kind", hazard.kind().tag());
            json.writeStringField("message", hazard.detail());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeBooleanField("outsideTransaction", dialect.outsideTransaction(op));
        JsonDocument.strings(json, "sql", dialect.statements(op));
        json.writeEndObject();
    }

    /** The object field: type, schema (the default one named), table, then what applies. */
    private static void target(JsonGenerator json, OperationTarget target, String defaultSchema) throws IOException {
        json.writeObjectFieldStart("object");
        json.writeStringField("type", target.type());
        String schema = target.qualified().schema();
        json.writeStringField("schema", schema == null ? defaultSchema : schema);
        if (target.onTable()) json.writeStringField("table", target.qualified().name());
        if (target.column() != null) json.writeStringField("column", target.column());
        if (target.name() != null) json.writeStringField("name", target.name());
        if (target.renamedTo() != null) json.writeStringField("renamedTo", target.renamedTo());
        json.writeEndObject();
    }
}
