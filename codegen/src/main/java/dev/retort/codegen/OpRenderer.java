package dev.retort.codegen;

import static dev.retort.codegen.ValueRenderer.string;

import com.palantir.javapoet.CodeBlock;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddEnumCasts;
import dev.retort.op.AddExclusion;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterEnum;
import dev.retort.op.AlterSchemaComment;
import dev.retort.op.AlterSequence;
import dev.retort.op.AlterSequenceOwner;
import dev.retort.op.AlterTableComment;
import dev.retort.op.AlterTablePersistence;
import dev.retort.op.AlterType;
import dev.retort.op.ColumnChange;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSchema;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateType;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropEnum;
import dev.retort.op.DropEnumCasts;
import dev.retort.op.DropExclusion;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropSchema;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropType;
import dev.retort.op.DropUnique;
import dev.retort.op.InvalidateConstraint;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameConstraint;
import dev.retort.op.RenameIndex;
import dev.retort.op.RenameTable;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.EnumType;
import dev.retort.schema.Namespace;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders one operation as the {@code op.*} call that records it again: the generated code builds
 * exactly the {@link Op} it was rendered from. Its arguments come from a {@link ValueRenderer},
 * which remembers the DSL factories the class uses.
 */
final class OpRenderer {
    private final ValueRenderer values;
    /**
     * What the calls are made on: {@code op}, the {@code a} of an {@code op.autocommit(a -> ...)} block, or
     * either's {@code .acknowledgeDataLoss(Ops.UNREVIEWED)}.
     */
    private final CodeBlock on;

    OpRenderer(ValueRenderer values) {
        this(values, CodeBlock.of("op"));
    }

    private OpRenderer(ValueRenderer values, CodeBlock on) {
        this.values = values;
        this.on = on;
    }

    /** The same renderer, writing calls on {@code receiver} (the {@code a} of an {@code op.autocommit(a -> ...)} block). */
    OpRenderer on(String receiver) {
        return new OpRenderer(values, CodeBlock.of("$L", receiver));
    }

    /**
     * The same renderer, its calls made on {@code .acknowledgeDataLoss(Ops.UNREVIEWED)} of its receiver: the
     * acknowledgement a destructive operation carries in a generated migration, for the reviewer to replace
     * with the reason.
     */
    OpRenderer acknowledgingDataLoss() {
        return new OpRenderer(values, CodeBlock.of("$L.acknowledgeDataLoss($T.UNREVIEWED)", on, ValueRenderer.OPS));
    }

    /** The same renderer, its calls made on {@code .lintIgnore(rule, reason)} of its receiver: a waiver a reviewer sees. */
    OpRenderer lintIgnoring(String rule, String reason) {
        return new OpRenderer(
                values, CodeBlock.of("$L\n.lintIgnore($L, $L)\n", on, JavaText.string(rule), JavaText.string(reason)));
    }

    /** The call, without the trailing semicolon; multi-argument calls put one argument per line. */
    CodeBlock statement(Op op) {
        if (op instanceof CreateTable c)
            return call(c.table(), "createTable", values.elements(c.definition().elements()));
        if (op instanceof DropTable d)
            return call(d.table(), "dropTable", values.elements(d.definition().elements()));
        if (op instanceof AddColumn a)
            return call(a.table(), "addColumn", withOptions(List.of(values.column(a.column())), a.options()));
        if (op instanceof DropColumn d)
            return call(d.table(), "dropColumn", withOptions(List.of(values.column(d.column())), d.options()));
        if (op instanceof AddExclusion a) {
            return call(
                    a.table(),
                    "addExclusion",
                    List.of(string(a.constraint().name()), string(a.constraint().definition())));
        }
        if (op instanceof DropExclusion d) {
            return call(
                    d.table(),
                    "dropExclusion",
                    List.of(string(d.constraint().name()), string(d.constraint().definition())));
        }
        if (op instanceof AlterColumn a) {
            return call(a.table(), a.reapply() ? "reapplyColumn" : "alterColumn", alterArguments(a));
        }
        if (op instanceof AddPrimaryKey a)
            return call(a.table(), "addPrimaryKey", withOptions(List.of(values.primaryKey(a.key())), a.options()));
        if (op instanceof DropPrimaryKey d)
            return call(d.table(), "dropPrimaryKey", withOptions(List.of(values.primaryKey(d.key())), d.options()));
        if (op instanceof AddUnique a)
            return call(a.table(), "addUnique", withOptions(List.of(values.unique(a.constraint())), a.options()));
        if (op instanceof DropUnique d)
            return call(d.table(), "dropUnique", withOptions(List.of(values.unique(d.constraint())), d.options()));
        if (op instanceof AddCheck a) return call(a.table(), "addCheck", List.of(values.check(a.constraint())));
        if (op instanceof DropCheck d) return call(d.table(), "dropCheck", List.of(values.check(d.constraint())));
        if (op instanceof AddForeignKey a)
            return call(
                    a.table(),
                    "addForeignKey",
                    withOptions(List.of(values.foreignKey(a.key().validated())), a.options()));
        if (op instanceof DropForeignKey d)
            return call(
                    d.table(),
                    "dropForeignKey",
                    withOptions(List.of(values.foreignKey(d.key().validated())), d.options()));
        if (op instanceof ValidateConstraint v)
            return call(v.table(), "validateConstraint", List.of(values.constraint(v.constraint())));
        if (op instanceof InvalidateConstraint i)
            return call(i.table(), "invalidateConstraint", List.of(values.constraint(i.constraint())));
        if (op instanceof RenameColumn r) {
            return call(r.table(), "renameColumn", List.of(string(r.from()), string(r.to())), false);
        }
        if (op instanceof RenameTable r) return call(r.table(), "renameTable", List.of(string(r.to())));
        if (op instanceof RenameIndex r)
            return call(r.table(), "renameIndex", List.of(string(r.from()), string(r.to())), false);
        if (op instanceof RenameConstraint r)
            return call(r.table(), "renameConstraint", List.of(string(r.from()), string(r.to())), false);
        if (op instanceof AlterTablePersistence p)
            return call(p.table(), p.unlogged() ? "setUnlogged" : "setLogged", List.of(), false);
        if (op instanceof AlterTableComment c) {
            return call(c.table(), "alterTableComment", List.of(string(c.from()), string(c.to())), false);
        }
        if (op instanceof CreateIndex c)
            return call(c.table(), "createIndex", withOptions(List.of(values.index(c.index())), c.options()));
        if (op instanceof DropIndex d)
            return call(d.table(), "dropIndex", withOptions(List.of(values.index(d.index())), d.options()));
        if (op instanceof CreateEnum c)
            return sequenceCall(c.table(), "createEnum", List.of(values.enumType(c.type())));
        if (op instanceof DropEnum d) return sequenceCall(d.table(), "dropEnum", List.of(values.enumType(d.type())));
        if (op instanceof AddEnumCasts a) return sequenceCall(a.table(), "addEnumCasts", casts(a.type(), a.casts()));
        if (op instanceof DropEnumCasts d) return sequenceCall(d.table(), "dropEnumCasts", casts(d.type(), d.casts()));
        if (op instanceof AlterEnum a) {
            List<CodeBlock> arguments = List.of(values.enumType(a.from()), values.enumType(a.to()));
            // a label added inside a transaction cannot be used before it commits, so ADD VALUE runs outside one
            if (a.from().onlyAddsTo(a.to()) && on.toString().equals("op"))
                return CodeBlock.of(
                        "op.autocommit(a -> $L)", sequenceCall(CodeBlock.of("a"), a.table(), "alterEnum", arguments));
            return sequenceCall(a.table(), "alterEnum", arguments);
        }
        if (op instanceof CreateType c)
            return sequenceCall(c.table(), "createType", List.of(values.compositeType(c.type())));
        if (op instanceof DropType d)
            return sequenceCall(d.table(), "dropType", List.of(values.compositeType(d.type())));
        if (op instanceof AlterType a) {
            return sequenceCall(
                    a.table(), "alterType", List.of(values.compositeType(a.from()), values.compositeType(a.to())));
        }
        if (op instanceof CreateSequence c)
            return sequenceCall(c.table(), "createSequence", List.of(values.sequence(c.sequence())));
        if (op instanceof DropSequence d)
            return sequenceCall(d.table(), "dropSequence", List.of(values.sequence(d.sequence())));
        if (op instanceof AlterSequenceOwner o) {
            return sequenceCall(
                    o.table(),
                    "alterSequenceOwner",
                    List.of(string(o.sequence().name()), values.owner(o.from()), values.owner(o.to())));
        }
        if (op instanceof AlterSequence a) {
            return sequenceCall(
                    a.table(), "alterSequence", List.of(values.sequence(a.from()), values.sequence(a.to())));
        }
        if (op instanceof CreateSchema c) return schemaCall("createSchema", c.schema());
        if (op instanceof DropSchema d) return schemaCall("dropSchema", d.schema());
        if (op instanceof AlterSchemaComment a) {
            return CodeBlock.of(
                    "$L.alterSchemaComment($L, $L, $L)", on, string(a.schema()), string(a.from()), string(a.to()));
        }
        throw new AssertionError(op);
    }

    /** The start of a table's {@code op.alterTable} block, up to the lambda's parameter: {@code op.alterTable("t", t}. */
    CodeBlock alterTable(QualifiedName table) {
        return receiver(table)
                .add(".alterTable($L, t", JavaText.string(table.name()))
                .build();
    }

    /** A column change as the call that records it inside an {@code op.alterTable} block, without the semicolon. */
    CodeBlock change(ColumnChange change) {
        if (change instanceof AddColumn a)
            return tableCall("addColumn", withOptions(List.of(values.column(a.column())), a.options()));
        if (change instanceof DropColumn d)
            return tableCall("dropColumn", withOptions(List.of(values.column(d.column())), d.options()));
        if (change instanceof AlterColumn a) {
            return tableCall(a.reapply() ? "reapplyColumn" : "alterColumn", alterArguments(a));
        }
        throw new AssertionError(change);
    }

    /** A column change's two definitions, and its conversion when a person writes it. */
    private List<CodeBlock> alterArguments(AlterColumn a) {
        if (a.using() == null) return List.of(values.column(a.from()), values.column(a.to()));
        return List.of(values.column(a.from()), values.column(a.to()), values.using(a.using()));
    }

    /** {@code t.method(args)}; several arguments go one per line. */
    private static CodeBlock tableCall(String method, List<CodeBlock> arguments) {
        if (arguments.size() == 1) return CodeBlock.of("t.$L($L)", method, arguments.get(0));
        return CodeBlock.builder()
                .add("t.$L(\n", method)
                .add(CodeBlock.join(arguments, ",\n"))
                .add(")")
                .build();
    }

    /** {@code op.createSequence(sequence(...))}: sequences, enum and composite types are named inside their argument, not as a first one. */
    private CodeBlock sequenceCall(QualifiedName name, String method, List<CodeBlock> arguments) {
        return sequenceCall(on, name, method, arguments);
    }

    private static CodeBlock sequenceCall(
            CodeBlock receiver, QualifiedName name, String method, List<CodeBlock> arguments) {
        CodeBlock.Builder code = CodeBlock.builder().add("$L", receiver);
        if (name.schema() != null) code.add(".schema($L)", JavaText.string(name.schema()));
        return code.add(".$L($L)", method, CodeBlock.join(arguments, ", ")).build();
    }

    /** {@code op.createSchema("s")}, or with the comment as a second argument when it has one. */
    private CodeBlock schemaCall(String method, Namespace schema) {
        if (schema.comment() == null) return CodeBlock.of("$L.$L($L)", on, method, string(schema.name()));
        return CodeBlock.of("$L.$L($L, $L)", on, method, string(schema.name()), string(schema.comment()));
    }

    /** The type's name, then the casts unless both (the DSL's default). */
    private static List<CodeBlock> casts(QualifiedName type, Set<EnumType.Cast> casts) {
        List<CodeBlock> arguments = new ArrayList<>(List.of(string(type.name())));
        if (casts.size() < EnumType.Cast.values().length) arguments.add(ValueRenderer.castList(casts));
        return arguments;
    }

    /** The arguments followed by the options, in their declaration order ({@code Option.CONCURRENTLY}, ...). */
    private static List<CodeBlock> withOptions(List<CodeBlock> arguments, Set<Option> options) {
        List<CodeBlock> all = new ArrayList<>(arguments);
        for (Option option : Option.values())
            if (options.contains(option)) all.add(CodeBlock.of("$T.$L", Option.class, option.name()));
        return all;
    }

    private CodeBlock call(QualifiedName table, String method, List<CodeBlock> arguments) {
        return call(table, method, arguments, true);
    }

    /** {@code op.method("table", args)}; several arguments go one per line when {@code multiline}. */
    private CodeBlock call(QualifiedName table, String method, List<CodeBlock> arguments, boolean multiline) {
        CodeBlock.Builder code = receiver(table).add(".$L($L", method, JavaText.string(table.name()));
        if (arguments.isEmpty()) {
            code.add(")");
        } else if (arguments.size() == 1 || !multiline) {
            code.add(", $L)", CodeBlock.join(arguments, ", "));
        } else {
            code.add(",\n").add(CodeBlock.join(arguments, ",\n")).add(")");
        }
        return code.build();
    }

    /** {@code op}, or {@code op.schema("s")} for a table outside the default schema. */
    private CodeBlock.Builder receiver(QualifiedName table) {
        CodeBlock.Builder code = CodeBlock.builder().add("$L", on);
        if (table.schema() != null) code.add(".schema($L)", JavaText.string(table.schema()));
        return code;
    }
}
