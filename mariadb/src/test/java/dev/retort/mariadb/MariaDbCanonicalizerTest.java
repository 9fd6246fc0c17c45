package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The entities' defaults as MariaDB stores them, printed back by the server from a scratch table. */
class MariaDbCanonicalizerTest {
    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase();

    @Test
    void anExpressionMariaDbTakesOnlyInParenthesesIsStoredAsTheServerPrintsIt() throws Exception {
        Table t = Table.of(
                QualifiedName.of("t"),
                List.of(
                        Column.of("a", "int"),
                        Column.of("b", "int").withDefault(ColumnDefault.of("a + 1")),
                        Column.of("c", "varchar(9)").withDefault(ColumnDefault.of("concat('x', 'y')")),
                        Column.of("d", "int").withDefault(ColumnDefault.of("7"))));
        Schema canonical;
        try (Connection connection = db.connect()) {
            canonical = MariaDbCanonicalizer.canonicalize(connection, new Schema(List.of(t)));
        }
        assertEquals(
                List.of("b (`a` + 1)", "c concat('x','y')", "d 7"),
                canonical.tables().get(0).columns().stream()
                        .filter(c -> c.defaultValue() != null)
                        .map(c -> c.name() + " " + c.defaultValue().canonical())
                        .toList());
    }
}
