package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.Dialect;
import dev.retort.RetortException;
import org.junit.jupiter.api.Test;

/**
 * The facade's {@code schemas} where the database is known to be MariaDB before anything connects (a MariaDB URL,
 * offline scripts for MariaDB): refused by {@code load()} in one line, since the URL's database is the one schema;
 * {@code public} alone is the default and stays allowed. (A DataSource's is refused by its first verb:
 * the starter's {@code MariaDbStartupTest}.)
 */
class MariaDbSchemasTest {
    private static final String REFUSAL =
            "schemas app, audit: a MariaDB URL names its one database, the default schema; leave schemas unset";

    @Revision(id = "5c4e00000001", message = "nothing")
    public static final class Nothing implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("SELECT 1");
        }

        @Override
        public void downgrade(Ops op) {
            op.execute("SELECT 1");
        }
    }

    @Test
    void aMariaDbUrlsSchemasAreRefusedBeforeConnecting() {
        Retort.Builder builder = Retort.configure()
                // nothing listens there: a refusal after connecting would be a connection error instead
                .url("jdbc:mariadb://127.0.0.1:9/shop", "root", null)
                .migrations(Nothing.class)
                .schemas("app", "audit");
        assertEquals(REFUSAL, assertThrows(RetortException.class, builder::load).getMessage());
        builder.schemas("public").load();
    }

    @Test
    void offlineScriptsForMariaDbRefuseThemToo() {
        Retort.Builder builder = Retort.configure()
                .offline()
                .dialect(Dialect.MARIADB)
                .migrations(Nothing.class)
                .schemas("app", "audit");
        assertEquals(REFUSAL, assertThrows(RetortException.class, builder::load).getMessage());
        builder.dialect(Dialect.POSTGRESQL).load();
    }
}
