package dev.retort.schema;

/**
 * A MariaDB or MySQL table's storage engine and default character set and collation, as an element of its
 * definition ({@code ENGINE=Aria DEFAULT CHARSET=latin1 COLLATE=latin1_bin}); each null for the server's default.
 * Written by autogenerate where a table dropped has other than the server's defaults, so that the downgrade creates it
 * as it was; not compared (entities state none). PostgreSQL refuses it.
 */
public record TableOptions(String engine, String charset, String collation) implements TableElement {
    public static final TableOptions NONE = new TableOptions(null, null, null);

    public TableOptions {
        if (engine != null && engine.isBlank()) engine = null;
        if (charset != null && charset.isBlank()) charset = null;
        if (collation != null && collation.isBlank()) collation = null;
    }

    /** The engine alone: {@code engine("Aria")}. */
    public static TableOptions engine(String name) {
        return new TableOptions(name, null, null);
    }

    /** The default character set and collation alone: {@code charset("latin1", "latin1_bin")}. */
    public static TableOptions ofCharset(String charset, String collation) {
        return new TableOptions(null, charset, collation);
    }

    /** These options with a default character set and collation. */
    public TableOptions charset(String newCharset, String newCollation) {
        return new TableOptions(engine, newCharset, newCollation);
    }

    public boolean isNone() {
        return engine == null && charset == null && collation == null;
    }
}
