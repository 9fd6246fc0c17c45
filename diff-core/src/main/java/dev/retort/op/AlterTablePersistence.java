package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * Makes a table unlogged ({@code ALTER TABLE ... SET UNLOGGED}) or permanent again ({@code SET LOGGED});
 * the reverse is the other one. Either rewrites the table.
 */
public record AlterTablePersistence(QualifiedName table, boolean unlogged) implements Op {
    public AlterTablePersistence {
        requireNonNull(table, "table");
    }

    @Override
    public AlterTablePersistence reverse() {
        return new AlterTablePersistence(table, !unlogged);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of(new Hazard(
                Hazard.Kind.TABLE_REWRITE,
                "making " + table + (unlogged ? " unlogged" : " logged")
                        + " rewrites the table under an ACCESS EXCLUSIVE lock"));
    }
}
