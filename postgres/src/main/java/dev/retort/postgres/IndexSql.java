package dev.retort.postgres;

import static dev.retort.postgres.ObjectNames.indexName;
import static dev.retort.postgres.PostgresSql.columnList;
import static dev.retort.postgres.PostgresSql.quote;
import static dev.retort.postgres.PostgresSql.table;

import dev.retort.Dialect;
import dev.retort.SqlDialect;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropIndex;
import dev.retort.op.Option;
import dev.retort.op.RenameIndex;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/** The statements that create, drop and rename indexes. */
final class IndexSql {
    private IndexSql() {}

    static List<String> create(CreateIndex op) {
        QualifiedName table = op.table();
        Index index = op.index();
        StringBuilder sql = new StringBuilder("CREATE ")
                .append(index.unique() ? "UNIQUE " : "")
                .append("INDEX ")
                .append(op.options().contains(Option.CONCURRENTLY) ? "CONCURRENTLY " : "")
                .append(op.options().contains(Option.IF_NOT_EXISTS) ? "IF NOT EXISTS " : "")
                .append(quote(indexName(table, index)))
                .append(" ON ")
                .append(table(table));
        if (!index.method().equals("btree")) sql.append(" USING ").append(index.method());
        sql.append(" (").append(String.join(", ", keys(index))).append(')');
        if (!index.include().isEmpty())
            sql.append(" INCLUDE (").append(columnList(index.include())).append(')');
        if (index.nullsNotDistinct()) sql.append(" NULLS NOT DISTINCT");
        if (index.where() != null) sql.append(" WHERE ").append(VisibleExpression.of(index.where()));
        return List.of(sql.toString());
    }

    private static List<String> keys(Index index) {
        List<String> keys = new ArrayList<>();
        for (Index.Key key : index.keys()) {
            if (key.prefix() != null)
                throw new SqlDialect.UnsupportedOnDialect(
                        Dialect.POSTGRESQL,
                        "key prefix lengths (index key " + key.column() + "(" + key.prefix() + "))");
            String text = key.isExpression() ? VisibleExpression.of(key.column()) : quote(key.column());
            if (key.opclass() != null) text += " " + key.opclass();
            if (key.descending()) text += key.nullsFirst() ? " DESC" : " DESC NULLS LAST";
            else if (key.nullsFirst()) text += " NULLS FIRST";
            keys.add(text);
        }
        return keys;
    }

    /** A rename to its own name renames nothing: a PostgreSQL index is always its table's own. */
    static List<String> rename(RenameIndex op) {
        if (op.keepsItsName()) return List.of();
        return List.of("ALTER INDEX " + table(new QualifiedName(op.table().schema(), op.from())) + " RENAME TO "
                + quote(op.to()));
    }

    static List<String> drop(DropIndex op) {
        return List.of("DROP INDEX " + (op.options().contains(Option.CONCURRENTLY) ? "CONCURRENTLY " : "")
                + (op.options().contains(Option.IF_EXISTS) ? "IF EXISTS " : "")
                + table(new QualifiedName(op.table().schema(), indexName(op.table(), op.index()))));
    }
}
