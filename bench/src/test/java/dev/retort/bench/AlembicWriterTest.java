package dev.retort.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLAlchemy model Alembic compares is the entities' model: the bench's Alembic figures run only where Alembic is installed. */
class AlembicWriterTest {
    @Test
    void everyTableColumnKeyAndIndexOfTheEntitiesIsInTheModel(@TempDir Path dir) throws IOException {
        Model entities = Differences.apply(Model.generate(10)).entities();
        AlembicWriter.write(entities, "postgresql+psycopg2://postgres@127.0.0.1:5432/x", dir);
        String models = Files.readString(dir.resolve("models.py"));
        assertEquals(entities.tables().size(), count(models, " = Table("));
        assertEquals(entities.columnCount(), count(models, "    Column("));
        assertEquals(entities.foreignKeyCount(), count(models, "ForeignKey(\""));
        assertEquals(
                entities.tables().stream().mapToInt(t -> t.indexes().size()).sum(), count(models, "\nIndex("));
        for (String line : List.of(
                "t_t0003 = Table(\"t0003\", metadata,",
                "    Column(\"id\", BigInteger, Identity(), primary_key=True),",
                "    Column(\"code\", String(40), nullable=False, unique=True),",
                "    Column(\"price\", Numeric(13, 2)),",
                "    Column(\"created_at\", TIMESTAMP(precision=6), nullable=False, server_default=text(\"now()\")),",
                "    Column(\"status\", String(20), server_default=text(\"'new'\")),",
                "    Column(\"parent_id\", BigInteger, ForeignKey(\"t0001.id\", name=\"t0003_parent_fk\", ondelete=\"CASCADE\")))",
                "Index(\"t0003_status_created_idx\", t_t0003.c.status, t_t0003.c.created_at.desc())")) {
            assertTrue(models.contains(line + "\n"), () -> "models.py has " + line + "\n" + models);
        }
        assertTrue(Files.readString(dir.resolve("alembic/env.py"))
                .contains("compare_type=True, compare_server_default=True"));
        assertTrue(Files.isDirectory(dir.resolve("alembic/versions")));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
        return count;
    }
}
