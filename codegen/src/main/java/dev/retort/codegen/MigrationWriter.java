package dev.retort.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.retort.FileException;
import dev.retort.RetortException;
import dev.retort.diff.HazardPolicy;
import dev.retort.diff.OnlineForms;
import dev.retort.diff.Plan;
import dev.retort.diff.RenameHints;
import dev.retort.op.AlterColumn;
import dev.retort.op.ColumnChange;
import dev.retort.op.DropEnum;
import dev.retort.op.DropType;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.op.RenameIndex;
import dev.retort.revision.Targets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Renders a plan and a revision header into a migration class: Javadoc header, {@code @Revision},
 * and {@code upgrade}/{@code downgrade} bodies with one statement per operation (a table's
 * consecutive column changes one {@code op.alterTable} block) and each hazard marked in a comment
 * above its statement, importing only the DSL factories the bodies call. A pure function: same
 * input, same source.
 */
public final class MigrationWriter {
    private static final ClassName MIGRATION = ClassName.get("dev.retort.runtime", "Migration");
    private static final ClassName REVISION = ClassName.get("dev.retort.runtime", "Revision");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final int MAX_NAME_WORDS_LENGTH = 48;

    private MigrationWriter() {}

    /**
     * Writes the migration class for {@code header} and {@code plan} into {@code directory} (the
     * folder of {@code packageName}'s sources), creating the folder when needed and never
     * overwriting a file; returns the file written.
     */
    public static Path writeNew(Path directory, String packageName, RevisionHeader header, Plan plan) {
        return writeNew(directory, packageName, header, plan, Safety.SIMPLE);
    }

    /** As {@link #writeNew(Path, String, RevisionHeader, Plan)}, in the forms {@code safety} names. */
    public static Path writeNew(Path directory, String packageName, RevisionHeader header, Plan plan, Safety safety) {
        return writeNew(directory, packageName, header, plan, safety, HazardPolicy.POSTGRESQL);
    }

    /** As {@link #writeNew(Path, String, RevisionHeader, Plan, Safety)}, the hazards marked as {@code hazards} judges. */
    public static Path writeNew(
            Path directory, String packageName, RevisionHeader header, Plan plan, Safety safety, HazardPolicy hazards) {
        return writeNew(directory, write(packageName, header, plan, safety, hazards));
    }

    /** Writes a migration class made by this class or {@link ExpandContractWriter} into {@code directory}, never overwriting. */
    public static Path writeNew(Path directory, JavaFile file) {
        String source = file.toString();
        Path target = directory.resolve(file.typeSpec().name() + ".java");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new FileException("cannot create the migrations folder", directory, e);
        }
        try {
            Files.writeString(target, source, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new RetortException(target + " already exists");
        } catch (IOException e) {
            throw new FileException("cannot write", target, e);
        }
        return target;
    }

    public static JavaFile write(String packageName, RevisionHeader header, Plan plan) {
        return write(packageName, header, plan, Safety.SIMPLE);
    }

    /**
     * The migration class; with {@link Safety#ONLINE}, each direction in its lock-safe forms ({@link
     * OnlineForms}, the downgrade made from the plain downgrade), autocommit blocks as {@code
     * op.autocommit(a -> ...)}.
     */
    public static JavaFile write(String packageName, RevisionHeader header, Plan plan, Safety safety) {
        return write(packageName, header, plan, safety, HazardPolicy.POSTGRESQL);
    }

    /**
     * As {@link #write(String, RevisionHeader, Plan, Safety)}, each hazard comment as {@code hazards} judges it (the
     * database's: MariaDB's statements lock and copy otherwise than PostgreSQL's); the statements are the same.
     */
    public static JavaFile write(
            String packageName, RevisionHeader header, Plan plan, Safety safety, HazardPolicy hazards) {
        return write(
                packageName,
                header,
                null,
                List.of(new Piece.Ops(blocks(plan.upgrade(), safety))),
                List.of(new Piece.Ops(blocks(plan.downgrade(), safety))),
                hazards);
    }

    /** A part of a method body: operations in blocks, or a statement Retort writes as SQL ({@code op.execute}). */
    sealed interface Piece {
        /** Operations, in their blocks. */
        record Ops(List<OnlineForms.Block> blocks) implements Piece {}

        /** One SQL statement, in an autocommit block or not, waiving lint rules with a reason ({@code rule, reason, ...}). */
        record Sql(String statement, boolean autocommit, List<String> waivers) implements Piece {}

        /** One operation in the migration's transaction, waiving one lint rule with a reason. */
        record Waived(Op op, String rule, String reason) implements Piece {}
    }

    /** The class for {@code header} with these bodies, {@code note} a Javadoc paragraph after the message (or null). */
    static JavaFile write(
            String packageName, RevisionHeader header, String note, List<Piece> upgrade, List<Piece> downgrade) {
        return write(packageName, header, note, upgrade, downgrade, HazardPolicy.POSTGRESQL);
    }

    private static JavaFile write(
            String packageName,
            RevisionHeader header,
            String note,
            List<Piece> upgrade,
            List<Piece> downgrade,
            HazardPolicy hazards) {
        ValueRenderer values = new ValueRenderer();
        OpRenderer renderer = new OpRenderer(values);
        TypeSpec type = TypeSpec.classBuilder(className(header))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(MIGRATION)
                .addJavadoc(javadoc(header, note))
                .addAnnotation(revision(header))
                .addMethod(body("upgrade", upgrade, renderer, hazards))
                .addMethod(body("downgrade", downgrade, renderer, hazards))
                .build();
        JavaFile.Builder file =
                JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("    ");
        // only the factories the bodies call: an unused import is a warning in the user's build
        List<String> factories = values.factories();
        if (!factories.isEmpty()) file.addStaticImport(ValueRenderer.OPS, factories.toArray(String[]::new));
        return file.build();
    }

    /** {@code R<id>_<MessageInCamelCase>}, for example {@code R3f2a9c1b7d4e_AddUserAvatar}. */
    public static String className(RevisionHeader header) {
        StringBuilder words = new StringBuilder();
        for (String word : header.message().split("[^A-Za-z0-9]+")) {
            if (word.isEmpty() || words.length() + word.length() > MAX_NAME_WORDS_LENGTH) continue;
            words.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return "R" + header.id() + (words.length() == 0 ? "" : "_" + words);
    }

    /** The upgrade's operations as the class written for {@code plan} in {@code safety}'s forms records them. */
    public static List<Op> upgrade(Plan plan, Safety safety) {
        return OnlineForms.flatten(blocks(plan.upgrade(), safety));
    }

    /** The upgrade's blocks as the class written for {@code plan} in {@code safety}'s forms runs them. */
    public static List<OnlineForms.Block> upgradeBlocks(Plan plan, Safety safety) {
        return blocks(plan.upgrade(), safety);
    }

    private static List<OnlineForms.Block> blocks(List<Op> ops, Safety safety) {
        return safety == Safety.ONLINE ? OnlineForms.of(ops) : OnlineForms.plain(ops);
    }

    /**
     * The statements of a method body, block by block: the operations of an autocommit block inside
     * one {@code op.autocommit(a -> ...)}, the others as they are.
     */
    private static CodeBlock statements(
            List<OnlineForms.Block> blocks, OpRenderer renderer, boolean acknowledge, HazardPolicy hazards) {
        CodeBlock.Builder code = CodeBlock.builder();
        List<Op> ops = OnlineForms.flatten(blocks);
        Map<Op, RenameHints.Hint> renames = RenameHints.of(ops);
        for (OnlineForms.Block block : blocks) {
            if (!block.autocommit()) {
                code.add(statements(block.ops(), ops, renames, renderer, acknowledge, hazards));
            } else if (block.ops().size() == 1) {
                Op op = block.ops().get(0);
                marks(code, op, ops, null, hazards);
                code.addStatement(
                        "op.autocommit(a -> $L)",
                        inBlock(renderer, op, acknowledge).statement(op));
            } else {
                code.add("op.autocommit(a -> {\n").indent();
                for (Op op : block.ops()) {
                    marks(code, op, ops, null, hazards);
                    code.addStatement("$L", inBlock(renderer, op, acknowledge).statement(op));
                }
                code.unindent().add("});\n");
            }
        }
        return code.build();
    }

    /**
     * The statements of operations that run in the migration's transaction, hazards first (judged
     * among {@code context}, the whole body); a table's consecutive column changes go in one {@code
     * op.alterTable} block, which runs them as one statement.
     */
    private static CodeBlock statements(
            List<Op> ops,
            List<Op> context,
            Map<Op, RenameHints.Hint> renames,
            OpRenderer plain,
            boolean acknowledge,
            HazardPolicy hazards) {
        CodeBlock.Builder code = CodeBlock.builder();
        // an operation a rename hint is about stays a statement of its own, for the hint to replace
        for (List<Op> run : ColumnChange.runs(ops, renames::containsKey)) {
            OpRenderer renderer = acknowledge && destroysData(run) ? plain.acknowledgingDataLoss() : plain;
            if (run.size() == 1) {
                Op op = run.get(0);
                marks(code, op, context, renames.get(op), hazards);
                code.addStatement("$L", renderer.statement(op));
                continue;
            }
            code.add("$L -> {\n", renderer.alterTable(run.get(0).table())).indent();
            for (Op op : run) {
                marks(code, op, context, null, hazards);
                code.addStatement("$L", renderer.change((ColumnChange) op));
            }
            code.unindent().add("});\n");
        }
        return code.build();
    }

    /** The renderer of an autocommit block's statement: on its {@code a}, acknowledging a loss of data in an upgrade. */
    private static OpRenderer inBlock(OpRenderer renderer, Op op, boolean acknowledge) {
        OpRenderer inside = renderer.on("a");
        return acknowledge && destroysData(List.of(op)) ? inside.acknowledgingDataLoss() : inside;
    }

    /**
     * Whether a statement destroys data (a drop of a table, column, sequence, enum or composite type, a change marked
     * {@code data-loss}): in an upgrade it carries {@code op.acknowledgeDataLoss(Ops.UNREVIEWED)}, which lint checks.
     */
    private static boolean destroysData(List<Op> run) {
        return run.stream()
                .anyMatch(op -> op instanceof DropEnum
                        || op instanceof DropType
                        || op.hazards().stream().anyMatch(h -> h.kind() == Hazard.Kind.DATA_LOSS));
    }

    /** The comments above an operation's statement: its rename hint, then its hazards, then what is left to write. */
    private static void marks(
            CodeBlock.Builder code, Op op, List<Op> ops, RenameHints.Hint hint, HazardPolicy hazards) {
        if (hint != null) {
            // rendered apart: what a comment names needs no import
            code.add("// $L\n", JavaText.comment(hint.sentence()));
            for (Op instead : hint.instead()) {
                // one line each, to be uncommented whole (the renderer writes its arguments on lines of their own;
                // its literals carry no line break)
                String statement = new OpRenderer(new ValueRenderer()).statement(instead) + ";";
                code.add("// $L\n", JavaText.comment(statement.replaceAll("\\n\\s*", " ")));
            }
        }
        for (Hazard hazard : hazards.hazards(op, ops)) code.add("// $L\n", JavaText.comment(hazard.toString()));
        if (op instanceof RenameIndex r && r.keepsItsName())
            code.add(
                    "// $L\n",
                    JavaText.comment("keeps " + r.from() + ", the index InnoDB made for a foreign key, under its name:"
                            + " the key added again uses it instead of one named after the key"));
        if (op instanceof AlterColumn a && a.using() != null && a.using().toBeWritten()) {
            code.add(
                    "// $L\n",
                    JavaText.comment("TODO(retort): write the USING expression that turns " + a.table() + "."
                            + a.columnName() + " from " + a.from().type() + " into " + a.to().type()
                            + ": Using.of(\"...\") in place of Using.TO_BE_WRITTEN"));
        }
    }

    private static MethodSpec body(String name, List<Piece> pieces, OpRenderer renderer, HazardPolicy hazards) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ValueRenderer.OPS, "op");
        if (pieces.stream().allMatch(p -> p instanceof Piece.Ops o && o.blocks().isEmpty()))
            method.addComment("No operations.");
        for (Piece piece : pieces) {
            if (piece instanceof Piece.Ops ops) {
                method.addCode(statements(ops.blocks(), renderer, name.equals("upgrade"), hazards));
            } else if (piece instanceof Piece.Waived waived) {
                CodeBlock.Builder code = CodeBlock.builder();
                marks(code, waived.op(), List.of(waived.op()), null, hazards);
                code.addStatement(
                        "$L",
                        renderer.lintIgnoring(waived.rule(), waived.reason()).statement(waived.op()));
                method.addCode(code.build());
            } else {
                method.addCode(sql((Piece.Sql) piece));
            }
        }
        return method.build();
    }

    /** {@code op.execute(...)}, on {@code op.lintIgnore(...)} for each waiver, in {@code op.autocommit} when it must be. */
    private static CodeBlock sql(Piece.Sql sql) {
        CodeBlock.Builder receiver = CodeBlock.builder().add(sql.autocommit() ? "a" : "op");
        for (int i = 0; i < sql.waivers().size(); i += 2) {
            receiver.add(
                    "\n.lintIgnore($L, $L)",
                    JavaText.string(sql.waivers().get(i)),
                    JavaText.string(sql.waivers().get(i + 1)));
        }
        CodeBlock call = CodeBlock.of(
                "$L$L.execute($L)",
                receiver.build(),
                sql.waivers().isEmpty() ? "" : "\n",
                JavaText.string(sql.statement()));
        if (!sql.autocommit())
            return CodeBlock.builder().addStatement("$L", call).build();
        return CodeBlock.builder().addStatement("op.autocommit(a -> $L)", call).build();
    }

    private static CodeBlock javadoc(RevisionHeader header, String note) {
        String message =
                header.message().isBlank() ? "(no message)" : header.message().strip();
        String sentence =
                Character.toUpperCase(message.charAt(0)) + message.substring(1) + (message.endsWith(".") ? "" : ".");
        CodeBlock.Builder doc = CodeBlock.builder().add("$L\n\n", JavaText.javadoc(sentence));
        if (note != null) doc.add("<p>$L\n\n", JavaText.javadoc(note));
        doc.add("<p>Revision ID: $L<br>\n", header.id())
                .add(
                        "Revises: $L<br>\n",
                        JavaText.javadoc(
                                header.revises().isEmpty() ? Targets.BASE_SHOWN : String.join(", ", header.revises())));
        if (!header.branchLabels().isEmpty())
            doc.add("Branch labels: $L<br>\n", JavaText.javadoc(String.join(", ", header.branchLabels())));
        if (!header.dependsOn().isEmpty())
            doc.add("Depends on: $L<br>\n", JavaText.javadoc(String.join(", ", header.dependsOn())));
        return doc.add("Create Date: $L\n", DATE.format(header.created())).build();
    }

    private static AnnotationSpec revision(RevisionHeader header) {
        AnnotationSpec.Builder annotation =
                AnnotationSpec.builder(REVISION).addMember("id", "$L", JavaText.string(header.id()));
        strings(annotation, "revises", header.revises());
        annotation.addMember("message", "$L", JavaText.string(header.message()));
        strings(annotation, "branchLabels", header.branchLabels());
        strings(annotation, "dependsOn", header.dependsOn());
        return annotation.build();
    }

    /** A string-array member: omitted when empty, a plain string for one value, braces for several. */
    private static void strings(AnnotationSpec.Builder annotation, String member, List<String> values) {
        if (values.size() == 1) {
            annotation.addMember(member, "$L", JavaText.string(values.get(0)));
        } else if (values.size() > 1) {
            annotation.addMember(
                    member,
                    "{$L}",
                    CodeBlock.join(
                            values.stream()
                                    .map(v -> CodeBlock.of("$L", JavaText.string(v)))
                                    .toList(),
                            ", "));
        }
    }
}
