package dev.retort.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddExclusion;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterEnum;
import dev.retort.op.AlterSequence;
import dev.retort.op.AlterSequenceOwner;
import dev.retort.op.AlterTableComment;
import dev.retort.op.ColumnChange;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropEnum;
import dev.retort.op.DropExclusion;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropUnique;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.IdentityOptions;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import dev.retort.schema.TableComment;
import dev.retort.schema.TableElement;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders one operation as the {@code op.*} call that records it again: the generated code builds
 * exactly the {@link Op} it was rendered from.
 */
public final class OpRenderer {
    static final ClassName OPS = ClassName.get("dev.retort.runtime", "Ops");
    private static final ClassName ACTION = ClassName.get("dev.retort.schema", "ForeignKey", "Action");

    private OpRenderer() {}

    /** The call, without the trailing semicolon; multi-argument calls put one argument per line. */
    public static CodeBlock statement(Op op) {
        if (op instanceof CreateTable c)
            return call(c.table(), "createTable", elements(c.definition().elements()));
        if (op instanceof DropTable d)
            return call(d.table(), "dropTable", elements(d.definition().elements()));
        if (op instanceof AddColumn a)
            return call(a.table(), "addColumn", withOptions(List.of(column(a.column())), a.options()));
        if (op instanceof DropColumn d)
            return call(d.table(), "dropColumn", withOptions(List.of(column(d.column())), d.options()));
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
            return call(
                    a.table(),
                    a.reapply() ? "reapplyColumn" : "alterColumn",
                    List.of(column(a.from()), column(a.to())));
        }
        if (op instanceof AddPrimaryKey a) return call(a.table(), "addPrimaryKey", List.of(primaryKey(a.key())));
        if (op instanceof DropPrimaryKey d) return call(d.table(), "dropPrimaryKey", List.of(primaryKey(d.key())));
        if (op instanceof AddUnique a) return call(a.table(), "addUnique", List.of(unique(a.constraint())));
        if (op instanceof DropUnique d) return call(d.table(), "dropUnique", List.of(unique(d.constraint())));
        if (op instanceof AddCheck a) return call(a.table(), "addCheck", List.of(check(a.constraint())));
        if (op instanceof DropCheck d) return call(d.table(), "dropCheck", List.of(check(d.constraint())));
        if (op instanceof AddForeignKey a)
            return call(a.table(), "addForeignKey", withOptions(List.of(foreignKey(a.key())), a.options()));
        if (op instanceof DropForeignKey d)
            return call(d.table(), "dropForeignKey", withOptions(List.of(foreignKey(d.key())), d.options()));
        if (op instanceof RenameColumn r) {
            return call(r.table(), "renameColumn", List.of(string(r.from()), string(r.to())), false);
        }
        if (op instanceof RenameTable r) return call(r.table(), "renameTable", List.of(string(r.to())));
        if (op instanceof AlterTableComment c) {
            return call(c.table(), "alterTableComment", List.of(string(c.from()), string(c.to())), false);
        }
        if (op instanceof CreateIndex c)
            return call(c.table(), "createIndex", withOptions(List.of(index(c.index())), c.options()));
        if (op instanceof DropIndex d)
            return call(d.table(), "dropIndex", withOptions(List.of(index(d.index())), d.options()));
        if (op instanceof CreateEnum c) return sequenceCall(c.table(), "createEnum", List.of(enumType(c.type())));
        if (op instanceof DropEnum d) return sequenceCall(d.table(), "dropEnum", List.of(enumType(d.type())));
        if (op instanceof AlterEnum a) {
            List<CodeBlock> arguments = List.of(enumType(a.from()), enumType(a.to()));
            // a label added inside a transaction cannot be used before it commits, so ADD VALUE runs outside one
            if (a.from().onlyAddsTo(a.to()))
                return CodeBlock.of("op.autocommit(a -> $L)", sequenceCall("a", a.table(), "alterEnum", arguments));
            return sequenceCall(a.table(), "alterEnum", arguments);
        }
        if (op instanceof CreateSequence c)
            return sequenceCall(c.table(), "createSequence", List.of(sequence(c.sequence())));
        if (op instanceof DropSequence d)
            return sequenceCall(d.table(), "dropSequence", List.of(sequence(d.sequence())));
        if (op instanceof AlterSequenceOwner o) {
            return sequenceCall(
                    o.table(),
                    "alterSequenceOwner",
                    List.of(string(o.sequence().name()), owner(o.from()), owner(o.to())));
        }
        if (op instanceof AlterSequence a)
            return sequenceCall(a.table(), "alterSequence", List.of(sequence(a.from()), sequence(a.to())));
        throw new AssertionError(op);
    }

    /** The start of a table's {@code op.alterTable} block, up to the lambda's parameter: {@code op.alterTable("t", t}. */
    public static CodeBlock alterTable(QualifiedName table) {
        CodeBlock.Builder code = CodeBlock.builder().add("op");
        if (table.schema() != null) code.add(".schema($L)", JavaText.string(table.schema()));
        return code.add(".alterTable($L, t", JavaText.string(table.name())).build();
    }

    /** A column change as the call that records it inside an {@code op.alterTable} block, without the semicolon. */
    public static CodeBlock change(ColumnChange change) {
        if (change instanceof AddColumn a)
            return tableCall("addColumn", withOptions(List.of(column(a.column())), a.options()));
        if (change instanceof DropColumn d)
            return tableCall("dropColumn", withOptions(List.of(column(d.column())), d.options()));
        if (change instanceof AlterColumn a)
            return tableCall(a.reapply() ? "reapplyColumn" : "alterColumn", List.of(column(a.from()), column(a.to())));
        throw new AssertionError(change);
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

    /** {@code op.createSequence(sequence(...))}: sequences and enum types are named inside their argument, not as a first one. */
    private static CodeBlock sequenceCall(QualifiedName name, String method, List<CodeBlock> arguments) {
        return sequenceCall("op", name, method, arguments);
    }

    private static CodeBlock sequenceCall(
            String receiver, QualifiedName name, String method, List<CodeBlock> arguments) {
        CodeBlock.Builder code = CodeBlock.builder().add("$L", receiver);
        if (name.schema() != null) code.add(".schema($L)", JavaText.string(name.schema()));
        return code.add(".$L($L)", method, CodeBlock.join(arguments, ", ")).build();
    }

    static CodeBlock enumType(EnumType type) {
        List<CodeBlock> arguments = new ArrayList<>(List.of(string(type.name().name())));
        type.values().forEach(v -> arguments.add(string(v)));
        return CodeBlock.of("$T.enumType($L)", OPS, CodeBlock.join(arguments, ", "));
    }

    private static CodeBlock owner(Sequence.Owner owner) {
        if (owner == null) return CodeBlock.of("null");
        return CodeBlock.of("$T.owner($L, $L)", OPS, JavaText.string(owner.table()), JavaText.string(owner.column()));
    }

    static CodeBlock sequence(Sequence sequence) {
        return CodeBlock.of(
                "$T.sequence($L, $L, $L)",
                OPS,
                JavaText.string(sequence.name().name()),
                sequence.start(),
                sequence.increment());
    }

    static CodeBlock unique(UniqueConstraint unique) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.unique(", OPS)
                .add(strings(unique.columns()))
                .add(")");
        if (unique.name() != null) code.add(".named($L)", JavaText.string(unique.name()));
        if (unique.nullsNotDistinct()) code.add(".withNullsNotDistinct()");
        return code.build();
    }

    static CodeBlock index(Index index) {
        boolean plain = index.keys().stream().allMatch(k -> !k.descending() && !k.nullsFirst() && k.opclass() == null);
        CodeBlock.Builder code = CodeBlock.builder().add("$T.index(", OPS);
        if (plain) {
            code.add(strings(index.keys().stream().map(Index.Key::column).toList()));
        } else {
            List<CodeBlock> keys = new ArrayList<>();
            for (Index.Key key : index.keys()) {
                CodeBlock.Builder k = CodeBlock.builder().add("$T.key($L)", OPS, JavaText.string(key.column()));
                if (key.opclass() != null) k.add(".opclass($L)", JavaText.string(key.opclass()));
                if (key.descending()) k.add(".desc()");
                if (key.nullsFirst() != key.descending()) k.add(".nullsFirst($L)", key.nullsFirst());
                keys.add(k.build());
            }
            code.add(CodeBlock.join(keys, ", "));
        }
        code.add(")");
        if (index.unique()) code.add(".asUnique()");
        if (!index.method().equals("btree")) code.add(".using($L)", JavaText.string(index.method()));
        if (!index.include().isEmpty())
            code.add(".including(").add(strings(index.include())).add(")");
        if (index.where() != null) code.add(".where($L)", JavaText.string(index.where()));
        if (index.nullsNotDistinct()) code.add(".withNullsNotDistinct()");
        if (index.name() != null) code.add(".named($L)", JavaText.string(index.name()));
        return code.build();
    }

    static CodeBlock check(CheckConstraint check) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.check($L)", OPS, JavaText.string(check.expression()));
        if (check.name() != null) code.add(".named($L)", JavaText.string(check.name()));
        return code.build();
    }

    static CodeBlock foreignKey(ForeignKey key) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.foreignKey(", OPS)
                .add(strings(key.columns()))
                .add(")");
        QualifiedName target = key.referencedTable();
        if (target.schema() == null) {
            code.add(".references($L, ", JavaText.string(target.name()));
        } else {
            code.add(".referencesIn($L, $L, ", JavaText.string(target.schema()), JavaText.string(target.name()));
        }
        code.add(strings(key.referencedColumns())).add(")");
        if (key.onDelete() != ForeignKey.Action.NO_ACTION)
            code.add(".onDelete($T.$L)", ACTION, key.onDelete().name());
        if (key.onUpdate() != ForeignKey.Action.NO_ACTION)
            code.add(".onUpdate($T.$L)", ACTION, key.onUpdate().name());
        if (key.deferrable()) code.add(".deferrable($L)", key.initiallyDeferred());
        if (key.name() != null) code.add(".named($L)", JavaText.string(key.name()));
        return code.build();
    }

    private static CodeBlock string(String value) {
        return CodeBlock.of("$L", JavaText.string(value));
    }

    private static CodeBlock strings(List<String> values) {
        return CodeBlock.join(values.stream().map(v -> string(v)).toList(), ", ");
    }

    /** The arguments followed by the options, in their declaration order ({@code Option.CONCURRENTLY}, ...). */
    private static List<CodeBlock> withOptions(List<CodeBlock> arguments, Set<Option> options) {
        List<CodeBlock> all = new ArrayList<>(arguments);
        for (Option option : Option.values())
            if (options.contains(option)) all.add(CodeBlock.of("$T.$L", Option.class, option.name()));
        return all;
    }

    private static CodeBlock call(QualifiedName table, String method, List<CodeBlock> arguments) {
        return call(table, method, arguments, true);
    }

    /** {@code op.method("table", args)}; several arguments go one per line when {@code multiline}. */
    private static CodeBlock call(QualifiedName table, String method, List<CodeBlock> arguments, boolean multiline) {
        CodeBlock.Builder code = CodeBlock.builder().add("op");
        if (table.schema() != null) code.add(".schema($L)", JavaText.string(table.schema()));
        code.add(".$L($L", method, JavaText.string(table.name()));
        if (arguments.size() == 1 || !multiline) {
            code.add(", $L)", CodeBlock.join(arguments, ", "));
        } else {
            code.add(",\n").add(CodeBlock.join(arguments, ",\n")).add(")");
        }
        return code.build();
    }

    private static List<CodeBlock> elements(List<TableElement> elements) {
        List<CodeBlock> blocks = new ArrayList<>(elements.size());
        for (TableElement element : elements) {
            if (element instanceof Column c) {
                blocks.add(column(c));
            } else if (element instanceof PrimaryKey p) {
                blocks.add(primaryKey(p));
            } else if (element instanceof UniqueConstraint u) {
                blocks.add(unique(u));
            } else if (element instanceof ForeignKey f) {
                blocks.add(foreignKey(f));
            } else if (element instanceof CheckConstraint c) {
                blocks.add(check(c));
            } else if (element instanceof Index i) {
                blocks.add(index(i));
            } else if (element instanceof TableComment t) {
                blocks.add(CodeBlock.of("$T.tableComment($L)", OPS, JavaText.string(t.text())));
            } else {
                throw new AssertionError(element);
            }
        }
        return blocks;
    }

    static CodeBlock column(Column column) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.column($L, $L)", OPS, JavaText.string(column.name()), JavaText.string(column.sqlType()));
        if (column.collation() != null) code.add(".collate($L)", JavaText.string(column.collation()));
        if (column.defaultValue() != null)
            code.add(".defaultValue($L)", JavaText.string(column.defaultValue().expression()));
        if (column.generated() != null)
            code.add(".generatedAs($L)", JavaText.string(column.generated().expression()));
        if (column.comment() != null) code.add(".comment($L)", JavaText.string(column.comment()));
        if (column.identity() == Identity.BY_DEFAULT) {
            code.add(".identityByDefault()");
        } else if (column.identity() == Identity.ALWAYS) {
            code.add(".identityAlways()");
        } else if (!column.nullable()) {
            code.add(".notNull()");
        }
        if (!column.identityOptions().isDefault())
            code.add(".withIdentityOptions($L)", identityOptions(column.identityOptions()));
        return code.build();
    }

    private static CodeBlock identityOptions(IdentityOptions options) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.DEFAULT", IdentityOptions.class);
        if (options.start() != null) code.add(".start($L)", options.start());
        if (options.increment() != null) code.add(".increment($L)", options.increment());
        if (options.minValue() != null) code.add(".minValue($L)", options.minValue());
        if (options.maxValue() != null) code.add(".maxValue($L)", options.maxValue());
        if (options.cache() != null) code.add(".cache($L)", options.cache());
        if (options.cycle()) code.add(".withCycle()");
        return code.build();
    }

    static CodeBlock primaryKey(PrimaryKey key) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.primaryKey(", OPS)
                .add(strings(key.columns()))
                .add(")");
        if (key.name() != null) code.add(".named($L)", JavaText.string(key.name()));
        return code.build();
    }
}
