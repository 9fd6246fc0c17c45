package dev.retort.schema;

/**
 * What MariaDB and MySQL keep of a column beyond the shared model, written where a migration states it: the
 * expression set again on every update ({@code ON UPDATE current_timestamp()}), a generated column computed when read
 * rather than stored ({@code VIRTUAL}), a column left out of {@code SELECT *} ({@code INVISIBLE}) and values stored
 * compressed ({@code COMPRESSED}, MariaDB's). {@link #NONE} for a column that has none, as entities' columns are.
 *
 * <p>The differ does not compare them (entities state none); autogenerate writes them into a drop's definition, so
 * that the downgrade adds the column again as it was. PostgreSQL refuses each one.
 */
public record ColumnOptions(String onUpdate, boolean virtual, boolean invisible, boolean compressed) {
    public static final ColumnOptions NONE = new ColumnOptions(null, false, false, false);

    public ColumnOptions {
        if (onUpdate != null && onUpdate.isBlank()) onUpdate = null;
    }

    public boolean isNone() {
        return equals(NONE);
    }

    public ColumnOptions withOnUpdate(String expression) {
        return new ColumnOptions(expression, virtual, invisible, compressed);
    }

    public ColumnOptions withVirtual(boolean newVirtual) {
        return new ColumnOptions(onUpdate, newVirtual, invisible, compressed);
    }

    public ColumnOptions withInvisible(boolean newInvisible) {
        return new ColumnOptions(onUpdate, virtual, newInvisible, compressed);
    }

    public ColumnOptions withCompressed(boolean newCompressed) {
        return new ColumnOptions(onUpdate, virtual, invisible, newCompressed);
    }
}
