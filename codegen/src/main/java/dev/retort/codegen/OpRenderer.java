package dev.retort.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.retort.op.AddColumn;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.Identity;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.TableElement;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders one operation as the {@code op.*} call that records it again: the generated code builds
 * exactly the {@link Op} it was rendered from.
 */
public final class OpRenderer {
    static final ClassName OPS = ClassName.get("dev.retort.runtime", "Ops");

    private OpRenderer() {}

    /** The call, without the trailing semicolon; multi-argument calls put one argument per line. */
    public static CodeBlock statement(Op op) {
        if (op instanceof CreateTable c) return call(c.table(), "createTable", elements(c.definition().elements()));
        if (op instanceof DropTable d) return call(d.table(), "dropTable", elements(d.definition().elements()));
        if (op instanceof AddColumn a) return call(a.table(), "addColumn", List.of(column(a.column())));
        if (op instanceof DropColumn d) return call(d.table(), "dropColumn", List.of(column(d.column())));
        if (op instanceof AlterColumn a) return call(a.table(), "alterColumn", List.of(column(a.from()), column(a.to())));
        if (op instanceof AddPrimaryKey a) return call(a.table(), "addPrimaryKey", List.of(primaryKey(a.key())));
        if (op instanceof DropPrimaryKey d) return call(d.table(), "dropPrimaryKey", List.of(primaryKey(d.key())));
        throw new AssertionError(op);
    }

    private static CodeBlock call(TableName table, String method, List<CodeBlock> arguments) {
        CodeBlock.Builder code = CodeBlock.builder().add("op");
        if (table.schema() != null) code.add(".schema($S)", table.schema());
        code.add(".$L($S", method, table.name());
        if (arguments.size() == 1) {
            code.add(", $L)", arguments.get(0));
        } else {
            code.add(",\n").add(CodeBlock.join(arguments, ",\n")).add(")");
        }
        return code.build();
    }

    private static List<CodeBlock> elements(List<TableElement> elements) {
        List<CodeBlock> blocks = new ArrayList<>(elements.size());
        for (TableElement element : elements) {
            blocks.add(element instanceof Column c ? column(c) : primaryKey((PrimaryKey) element));
        }
        return blocks;
    }

    static CodeBlock column(Column column) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.column($S, $S)", OPS, column.name(), column.type());
        if (column.identity() == Identity.BY_DEFAULT) {
            code.add(".identityByDefault()");
        } else if (column.identity() == Identity.ALWAYS) {
            code.add(".identityAlways()");
        } else if (!column.nullable()) {
            code.add(".notNull()");
        }
        return code.build();
    }

    static CodeBlock primaryKey(PrimaryKey key) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.primaryKey(", OPS);
        code.add(CodeBlock.join(key.columns().stream().map(c -> CodeBlock.of("$S", c)).toList(), ", ")).add(")");
        if (key.name() != null) code.add(".named($S)", key.name());
        return code.build();
    }
}
