package dev.retort.mariadb;

import dev.retort.schema.QualifiedName;

/**
 * What a changed column's {@code MODIFY COLUMN} writes of the live column where the migration names nothing, as SQL
 * pieces of the definition: {@link LiveColumns}, read just before an online statement, or {@link ScriptColumns},
 * which a script reads itself when it runs. {@link ColumnSql#modified} decides which columns ask.
 */
interface KeptColumns {
    /** The {@code COLLATE} clause written after the type of a column that stays text; empty for none. */
    String collate(QualifiedName table, String column);

    /** The {@code ON UPDATE} clause of a column that stays a {@code timestamp} or {@code datetime}; empty for none. */
    String onUpdate(QualifiedName table, String column);

    /** {@code VIRTUAL} or {@code STORED}, for a column that stays generated. */
    String storage(QualifiedName table, String column);

    /** {@code " INVISIBLE"} for a column left out of {@code SELECT *}; empty for a visible one. */
    String visibility(QualifiedName table, String column);

    /** {@code " COMPRESSED"} for a column whose values are stored compressed and that stays a string; else empty. */
    String compression(QualifiedName table, String column);

    /**
     * What stops a {@code MODIFY COLUMN} that would drop the column's own check (a column-level one, which any
     * {@code MODIFY} drops) its migration does not drop itself; empty where that is checked before the run.
     */
    String ownCheck(QualifiedName table, String column);
}
