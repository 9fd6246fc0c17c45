package dev.retort.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.retort.op.Using;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.CompositeType;
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
import dev.retort.schema.TableOptions;
import dev.retort.schema.UniqueConstraint;
import dev.retort.schema.Unlogged;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders schema values (columns, keys, indexes, sequences, ...) as the migration DSL's factory
 * calls, {@code column("id", "bigint").notNull()}, and remembers which factories it wrote: the
 * static imports of the class they go in, and no others. One instance renders one class.
 */
final class ValueRenderer {
    static final ClassName OPS = ClassName.get("dev.retort.runtime", "Ops");
    private static final ClassName ACTION = ClassName.get("dev.retort.schema", "ForeignKey", "Action");

    private final Set<String> factories = new TreeSet<>();

    /** The {@code Ops} factories written so far, in name order. */
    List<String> factories() {
        return List.copyOf(factories);
    }

    /** A factory's simple name, recorded for the static import that lets the class write it so. */
    private CodeBlock factory(String name) {
        factories.add(name);
        return CodeBlock.of("$N", name);
    }

    List<CodeBlock> elements(List<TableElement> elements) {
        List<CodeBlock> blocks = new ArrayList<>(elements.size());
        for (TableElement element : elements) blocks.add(element(element));
        return blocks;
    }

    private CodeBlock element(TableElement element) {
        if (element instanceof Column c) return column(c);
        if (element instanceof PrimaryKey p) return primaryKey(p);
        if (element instanceof UniqueConstraint u) return unique(u);
        if (element instanceof ForeignKey f) return foreignKey(f);
        if (element instanceof CheckConstraint c) return check(c);
        if (element instanceof Index i) return index(i);
        if (element instanceof TableComment t)
            return CodeBlock.of("$L($L)", factory("tableComment"), JavaText.string(t.text()));
        if (element instanceof Unlogged) return CodeBlock.of("$L()", factory("unlogged"));
        if (element instanceof TableOptions o) return tableOptions(o);
        throw new AssertionError(element);
    }

    /** {@code engine("Aria").charset("latin1", "latin1_bin")}, or either part alone. */
    private CodeBlock tableOptions(TableOptions options) {
        boolean charset = options.charset() != null || options.collation() != null;
        if (options.engine() == null)
            return CodeBlock.of(
                    "$L($L, $L)",
                    factory("charset"),
                    JavaText.string(options.charset()),
                    JavaText.string(options.collation()));
        CodeBlock.Builder code =
                CodeBlock.builder().add("$L($L)", factory("engine"), JavaText.string(options.engine()));
        if (charset)
            code.add(".charset($L, $L)", JavaText.string(options.charset()), JavaText.string(options.collation()));
        return code.build();
    }

    CodeBlock column(Column column) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add(
                        "$L($L, $L)",
                        factory("column"),
                        JavaText.string(column.name()),
                        JavaText.string(column.sqlType()));
        if (column.collation() != null) code.add(".collate($L)", JavaText.string(column.collation()));
        if (column.defaultValue() != null)
            code.add(".defaultValue($L)", JavaText.string(column.defaultValue().expression()));
        if (column.generated() != null)
            code.add(".generatedAs($L)", JavaText.string(column.generated().expression()));
        if (column.options().virtual()) code.add(".virtual()");
        if (column.options().onUpdate() != null)
            code.add(".onUpdate($L)", JavaText.string(column.options().onUpdate()));
        if (column.options().invisible()) code.add(".invisible()");
        if (column.options().compressed()) code.add(".compressed()");
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
        if (options.start() != null) code.add(".start($L)", number(options.start()));
        if (options.increment() != null) code.add(".increment($L)", number(options.increment()));
        if (options.minValue() != null) code.add(".minValue($L)", number(options.minValue()));
        if (options.maxValue() != null) code.add(".maxValue($L)", number(options.maxValue()));
        if (options.cache() != null) code.add(".cache($L)", number(options.cache()));
        if (options.cycle()) code.add(".withCycle()");
        return code.build();
    }

    CodeBlock primaryKey(PrimaryKey key) {
        CodeBlock.Builder code = CodeBlock.builder().add("$L($L)", factory("primaryKey"), strings(key.columns()));
        if (key.name() != null) code.add(".named($L)", JavaText.string(key.name()));
        return code.build();
    }

    CodeBlock unique(UniqueConstraint unique) {
        CodeBlock.Builder code = CodeBlock.builder().add("$L($L)", factory("unique"), strings(unique.columns()));
        if (unique.name() != null) code.add(".named($L)", JavaText.string(unique.name()));
        if (unique.nullsNotDistinct()) code.add(".withNullsNotDistinct()");
        if (!unique.prefixes().isEmpty())
            code.add(
                    ".prefixes($L)",
                    unique.prefixes().stream()
                            .map(length -> length == null ? "null" : String.valueOf(length))
                            .collect(Collectors.joining(", ")));
        return code.build();
    }

    CodeBlock check(CheckConstraint check) {
        CodeBlock.Builder code =
                CodeBlock.builder().add("$L($L)", factory("check"), JavaText.string(check.expression()));
        if (check.name() != null) code.add(".named($L)", JavaText.string(check.name()));
        if (!check.inheritable()) code.add(".noInherit()");
        if (!check.valid()) code.add(".notValid()");
        return code.build();
    }

    /** A check or a foreign key, the constraints that are validated. */
    CodeBlock constraint(TableElement constraint) {
        return constraint instanceof CheckConstraint c ? check(c) : foreignKey((ForeignKey) constraint);
    }

    CodeBlock foreignKey(ForeignKey key) {
        CodeBlock.Builder code = CodeBlock.builder().add("$L($L)", factory("foreignKey"), strings(key.columns()));
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
        if (!key.valid()) code.add(".notValid()");
        return code.build();
    }

    CodeBlock index(Index index) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$L(", factory("index"))
                .add(keys(index))
                .add(")");
        if (index.unique()) code.add(".asUnique()");
        if (!index.method().equals("btree")) code.add(".using($L)", JavaText.string(index.method()));
        if (!index.include().isEmpty())
            code.add(".including(").add(strings(index.include())).add(")");
        if (index.where() != null) code.add(".where($L)", JavaText.string(index.where()));
        if (index.nullsNotDistinct()) code.add(".withNullsNotDistinct()");
        if (index.name() != null) code.add(".named($L)", JavaText.string(index.name()));
        return code.build();
    }

    /** Plain column names when every key is ascending with default nulls and opclass, else {@code key(...)} calls. */
    private CodeBlock keys(Index index) {
        boolean plain = index.keys().stream()
                .allMatch(k -> !k.descending() && !k.nullsFirst() && k.opclass() == null && k.prefix() == null);
        if (plain) return strings(index.keys().stream().map(Index.Key::column).toList());
        List<CodeBlock> keys = new ArrayList<>();
        for (Index.Key key : index.keys()) {
            CodeBlock.Builder k = CodeBlock.builder().add("$L($L)", factory("key"), JavaText.string(key.column()));
            if (key.opclass() != null) k.add(".opclass($L)", JavaText.string(key.opclass()));
            if (key.prefix() != null) k.add(".prefix($L)", key.prefix());
            if (key.descending()) k.add(".desc()");
            if (key.nullsFirst() != key.descending()) k.add(".nullsFirst($L)", key.nullsFirst());
            keys.add(k.build());
        }
        return CodeBlock.join(keys, ", ");
    }

    CodeBlock enumType(EnumType type) {
        List<CodeBlock> arguments = new ArrayList<>(List.of(string(type.name().name())));
        type.values().forEach(v -> arguments.add(string(v)));
        CodeBlock created = CodeBlock.of("$L($L)", factory("enumType"), CodeBlock.join(arguments, ", "));
        if (type.casts().isEmpty()) return created;
        if (type.casts().size() == EnumType.Cast.values().length) return CodeBlock.of("$L.withVarcharCasts()", created);
        return CodeBlock.of("$L.withCasts($T.of($L))", created, Set.class, castList(type.casts()));
    }

    /** {@code compositeType("name", attribute("zip", "integer"), attribute("city", "text").collate("\"C\""))} */
    CodeBlock compositeType(CompositeType type) {
        List<CodeBlock> arguments = new ArrayList<>(List.of(string(type.name().name())));
        for (CompositeType.Attribute attribute : type.attributes()) {
            CodeBlock call = CodeBlock.of(
                    "$L($L, $L)", factory("attribute"), string(attribute.name()), string(attribute.sqlType()));
            if (attribute.collation() != null)
                call = CodeBlock.of("$L.collate($L)", call, string(attribute.collation()));
            arguments.add(call);
        }
        return CodeBlock.of("$L($L)", factory("compositeType"), CodeBlock.join(arguments, ", "));
    }

    /** Casts as {@code EnumType.Cast.X, ...}, in declaration order. */
    static CodeBlock castList(Set<EnumType.Cast> casts) {
        List<CodeBlock> names = new ArrayList<>();
        for (EnumType.Cast cast : EnumType.Cast.values()) {
            if (casts.contains(cast)) names.add(CodeBlock.of("$T.$L", EnumType.Cast.class, cast.name()));
        }
        return CodeBlock.join(names, ", ");
    }

    CodeBlock owner(Sequence.Owner owner) {
        if (owner == null) return CodeBlock.of("null");
        return CodeBlock.of(
                "$L($L, $L)", factory("owner"), JavaText.string(owner.table()), JavaText.string(owner.column()));
    }

    /** {@code sequence("s", 1, 50)}, with {@code .as(...)}, {@code .minValue(...)}, {@code .withCycle()} and kin for the options that are not the defaults. */
    CodeBlock sequence(Sequence sequence) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add(
                        "$L($L, $L, $L)",
                        factory("sequence"),
                        JavaText.string(sequence.name().name()),
                        number(sequence.start()),
                        number(sequence.increment()));
        if (!sequence.type().equals(Sequence.DEFAULT_TYPE)) code.add(".as($L)", JavaText.string(sequence.type()));
        if (sequence.minValue() != null) code.add(".minValue($L)", number(sequence.minValue()));
        if (sequence.maxValue() != null) code.add(".maxValue($L)", number(sequence.maxValue()));
        if (sequence.cache() != 1) code.add(".cache($L)", number(sequence.cache()));
        if (sequence.cycle()) code.add(".withCycle()");
        if (sequence.unlogged()) code.add(".withUnlogged(true)");
        return code.build();
    }

    /** A type change's conversion: {@code Using.TO_BE_WRITTEN}, or {@code Using.of("...")}. */
    CodeBlock using(Using using) {
        if (using.toBeWritten()) return CodeBlock.of("$T.TO_BE_WRITTEN", Using.class);
        return CodeBlock.of("$T.of($L)", Using.class, JavaText.string(using.expression()));
    }

    /** A {@code long} as Java source: with an {@code L} where it does not fit an {@code int}. */
    private static String number(long value) {
        return value == (int) value ? Long.toString(value) : value + "L";
    }

    static CodeBlock string(String value) {
        return CodeBlock.of("$L", JavaText.string(value));
    }

    static CodeBlock strings(List<String> values) {
        return CodeBlock.join(values.stream().map(ValueRenderer::string).toList(), ", ");
    }
}
