package dev.retort.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.shop.Shop;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityReaderTest {
    private static Schema read(String packageName, Naming naming) {
        return EntityReader.read(new EntitySource(List.of(packageName), List.of(), naming), "public");
    }

    private static List<String> tableNames(Schema schema) {
        return schema.tables().stream().map(t -> t.name().toString()).toList();
    }

    @Test
    void shopVersionOneWithSpringBootNaming() {
        Schema schema = read(Shop.V1, Naming.SNAKE);
        assertEquals(List.of("coupons", "customers", "order_lines", "orders", "products"), tableNames(schema));
        Table customers = schema.table(QualifiedName.of("customers")).orElseThrow();
        assertEquals(
                Table.of(
                                QualifiedName.of("customers"),
                                List.of(
                                        Column.of("created_at", "timestamp(6)").notNull(),
                                        Column.of("id", "bigint").identityByDefault(),
                                        Column.of("name", "varchar(100)"),
                                        Column.of("email", "varchar(200)").notNull()))
                        .withPrimaryKey(PrimaryKey.of("id")),
                customers);
        Table lines = schema.table(QualifiedName.of("order_lines")).orElseThrow();
        assertEquals(PrimaryKey.of("line_no", "order_id"), lines.primaryKey());
        Table orders = schema.table(QualifiedName.of("orders")).orElseThrow();
        assertEquals(
                Column.of("placed_at", "timestamptz(6)").notNull(),
                orders.column("placed_at").orElseThrow());
        assertEquals(Column.of("total", "numeric(12,2)"), orders.column("total").orElseThrow());
        assertEquals(
                Column.of("customer_id", "bigint").notNull(),
                orders.column("customer_id").orElseThrow(),
                "primitive fields are NOT NULL");
    }

    @Test
    void shopVersionTwoDiffersAsDocumented() {
        Schema v2 = read(Shop.V2, Naming.SNAKE);
        assertEquals(List.of("customers", "order_lines", "orders", "products", "reviews"), tableNames(v2));
        Table customers = v2.table(QualifiedName.of("customers")).orElseThrow();
        assertEquals(
                Column.of("email", "varchar(320)").notNull(),
                customers.column("email").orElseThrow());
        assertEquals(
                Column.of("name", "varchar(100)").notNull(),
                customers.column("name").orElseThrow());
        assertEquals(
                Column.of("rating", "smallint").notNull(),
                v2.table(QualifiedName.of("reviews"))
                        .orElseThrow()
                        .column("rating")
                        .orElseThrow());
    }

    @Test
    void hibernateDefaultNamingFoldsCamelCaseToLowerCaseInHibernatesColumnOrder() {
        Table customers =
                read(Shop.V1, Naming.JPA).table(QualifiedName.of("customers")).orElseThrow();
        assertEquals(
                List.of("createdat", "id", "name", "email"),
                customers.columns().stream().map(Column::name).toList());
    }

    @Test
    void anIndexNameHibernateMakesUpIsImplicitAndAGivenOneIsNot() {
        Table tickets = read("dev.retort.entities.model.indexes", Naming.JPA)
                .table(QualifiedName.of("tickets"))
                .orElseThrow();
        Map<String, Boolean> implicit = new LinkedHashMap<>();
        for (Index index : tickets.indexes()) implicit.put(index.keys().get(0).column(), index.implicitName());
        assertEquals(
                Map.of("title", false, "opened", true),
                implicit,
                tickets.indexes().toString());
        assertEquals(
                "tickets_by_title",
                tickets.indexes().stream()
                        .filter(index -> !index.implicitName())
                        .findFirst()
                        .orElseThrow()
                        .name());
    }

    @Test
    void customNamingStrategyByClassName() {
        Schema schema = read(Shop.V1, new Naming("dev.retort.entities.model.PrefixNaming"));
        assertTrue(
                tableNames(schema).contains("app_customers"), tableNames(schema).toString());
        var e = assertThrows(EntityException.BadNaming.class, () -> read(Shop.V1, new Naming("java.lang.String")));
        assertEquals(
                "entities.naming: java.lang.String is neither 'jpa', 'snake', 'spring', nor a Hibernate PhysicalNamingStrategy "
                        + "or ImplicitNamingStrategy",
                e.getMessage());
        assertEquals("java.lang.String", e.naming());
        assertEquals(
                "no.such.Strategy",
                assertThrows(EntityException.BadNaming.class, () -> read(Shop.V1, new Naming("no.such.Strategy")))
                        .naming());
    }

    @Test
    void springNamingNamesJoinTablesAfterTheOwningTableAndTheAttribute() {
        Schema spring = read("dev.retort.fixtures.boot.naming", Naming.SPRING);
        assertTrue(
                tableNames(spring).contains("vets_skills"), tableNames(spring).toString());
        assertTrue(tableNames(spring).contains("note_tags"), tableNames(spring).toString());
        Schema snake = read("dev.retort.fixtures.boot.naming", Naming.SNAKE);
        assertTrue(
                tableNames(snake).contains("vets_specialties"),
                tableNames(snake).toString());
        assertTrue(tableNames(snake).contains("note_tag"), tableNames(snake).toString());
        // the implicit half alone, over jpa's physical naming
        Schema implicit =
                read("dev.retort.fixtures.boot.naming", Naming.JPA.withImplicit(SpringImplicitNaming.class.getName()));
        assertTrue(
                tableNames(implicit).contains("vets_skills"),
                tableNames(implicit).toString());
    }

    @Test
    void hibernateSettingsReachTheBootAndConnectingOnesAreRefused() {
        EntitySource events = new EntitySource(List.of("dev.retort.fixtures.boot.instants"), List.of(), Naming.JPA);
        assertEquals(
                "timestamptz(6)",
                EntityReader.read(events, "public")
                        .tables()
                        .get(0)
                        .column("created")
                        .orElseThrow()
                        .type());
        EntitySource timestamps = events.withHibernate(
                HibernateSettings.of(Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP")));
        assertEquals(
                "timestamp(6)",
                EntityReader.read(timestamps, "public")
                        .tables()
                        .get(0)
                        .column("created")
                        .orElseThrow()
                        .type());
        var e = assertThrows(
                EntityException.BadSetting.class,
                () -> HibernateSettings.of(Map.of("jakarta.persistence.schema-generation.database.action", "create")));
        assertEquals("entities.properties.jakarta.persistence.schema-generation.database.action", e.where());
    }

    @Test
    void keysFollowHibernatesColumnOrderingStrategy() {
        Schema schema = read("dev.retort.fixtures.boot.ordering", Naming.JPA);
        assertEquals(
                PrimaryKey.of("group_id", "owner_id"),
                schema.table(QualifiedName.of("owner_groups")).orElseThrow().primaryKey());
        assertEquals(
                PrimaryKey.of("argument_order", "owner_id"),
                schema.table(QualifiedName.of("owner_arguments")).orElseThrow().primaryKey());
        Schema legacy = EntityReader.read(
                new EntitySource(List.of("dev.retort.fixtures.boot.ordering"), List.of(), Naming.JPA)
                        .withHibernate(HibernateSettings.of(Map.of("hibernate.column_ordering_strategy", "legacy"))),
                "public");
        assertEquals(
                PrimaryKey.of("owner_id", "group_id"),
                legacy.table(QualifiedName.of("owner_groups")).orElseThrow().primaryKey());
    }

    @Test
    void quotedNamesKeepTheirCaseAndUnquotedOnesFold() {
        Table table =
                read("dev.retort.entities.model.quoted", Naming.JPA).tables().get(0);
        assertEquals(QualifiedName.of("MixedCase"), table.name());
        assertEquals(
                List.of("Id", "plainupper", "body"),
                table.columns().stream().map(Column::name).toList());
        assertEquals("text", table.column("body").orElseThrow().type());
    }

    @Test
    void packageWithoutEntitiesIsAnError() {
        var e = assertThrows(
                EntityException.NoEntities.class, () -> read("dev.retort.entities.model.none", Naming.JPA));
        assertEquals("no @Entity classes found in packages [dev.retort.entities.model.none]", e.getMessage());
        assertEquals(List.of("dev.retort.entities.model.none"), e.packages());
        assertThrows(EntityException.class, () -> read("no.such.pkg", Naming.JPA));
    }

    @Test
    void missingClasspathEntryIsAnError(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        var e = assertThrows(
                EntityException.BadClasspathEntry.class,
                () -> EntityReader.read(new EntitySource(List.of("x"), List.of(missing), Naming.JPA), "public"));
        assertEquals("entities.classpath entry " + missing + " does not exist", e.getMessage());
        assertEquals(missing, e.entry());
    }

    @Test
    void readsEntitiesFromAJarOnTheEntityClasspath(@TempDir Path dir) throws IOException, URISyntaxException {
        Path source = dir.resolve("src/com/example/jarred/Widget.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package com.example.jarred;
                @jakarta.persistence.Entity
                @jakarta.persistence.Table(schema = "inventory")
                public class Widget {
                    @jakarta.persistence.Id Long id;
                    @jakarta.persistence.Column(length = 40) String label;
                }
                """);
        Path classes = dir.resolve("classes");
        String jakarta = Path.of(Entity.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        int status = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", classes.toString(), "-cp", jakarta, source.toString());
        assertEquals(0, status);
        Path jar = dir.resolve("widgets.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        Schema schema = EntityReader.read(new EntitySource(List.of("com.example"), List.of(jar), Naming.JPA), "public");
        assertEquals(
                List.of(Table.of(
                                new QualifiedName("inventory", "widget"),
                                List.of(Column.of("id", "bigint").notNull(), Column.of("label", "varchar(40)")))
                        .withPrimaryKey(PrimaryKey.of("id"))),
                schema.tables());
        Schema inDefault =
                EntityReader.read(new EntitySource(List.of("com.example"), List.of(jar), Naming.JPA), "inventory");
        assertEquals(
                QualifiedName.of("widget"), inDefault.tables().get(0).name(), "the default schema's name is dropped");
    }

    /**
     * Classes are loaded on two threads; a class that cannot be loaded is still reported by name,
     * the first in name order, whichever thread met it.
     */
    @Test
    void theFirstClassThatCannotBeLoadedIsNamed(@TempDir Path dir) throws IOException, URISyntaxException {
        Path sources = dir.resolve("src/com/example/broken");
        Files.createDirectories(sources);
        List<String> files = new ArrayList<>();
        Files.writeString(sources.resolve("Base.java"), "package com.example.broken; public class Base { }");
        files.add(sources.resolve("Base.java").toString());
        for (int i = 0; i < 40; i++) {
            String name = String.format("E%02d", i);
            // E07 and E31 extend the class deleted below
            String parent = i == 7 || i == 31 ? " extends Base" : "";
            Files.writeString(
                    sources.resolve(name + ".java"),
                    "package com.example.broken; @jakarta.persistence.Entity public class " + name + parent
                            + " { @jakarta.persistence.Id Long id; }");
            files.add(sources.resolve(name + ".java").toString());
        }
        Path classes = dir.resolve("classes");
        String jakarta = Path.of(Entity.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", jakarta));
        arguments.addAll(files);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)));
        Files.delete(classes.resolve("com/example/broken/Base.class"));

        var e = assertThrows(
                EntityException.MissingClass.class,
                () -> EntityReader.read(
                        new EntitySource(List.of("com.example"), List.of(classes), Naming.JPA), "public"));
        assertEquals("com.example.broken.E07", e.entity());
        assertEquals("com.example.broken.Base", e.missing());
        assertEquals(
                "entity com.example.broken.E07 needs com.example.broken.Base, which is not on entities.classpath",
                e.getMessage());
    }

    /**
     * Only mapped classes are loaded: a validator whose dependency is missing is never touched; a
     * converter's missing type, which Hibernate reports as a converter failure, is named with the
     * entity that uses the converter.
     */
    @Test
    void loadsOnlyMappedClassesAndNamesTheClassAnEntityMisses(@TempDir Path dir) throws Exception {
        Path sources = dir.resolve("src/com/example/app");
        Files.createDirectories(sources);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Gone.java", "package com.example.app; public class Gone { }");
        files.put(
                "OwnerValidator.java",
                "package com.example.app; public class OwnerValidator { Gone gone; public Gone check() { return gone; } }");
        files.put(
                "Owner.java",
                "package com.example.app; @jakarta.persistence.Entity public class Owner"
                        + " { @jakarta.persistence.Id Long id; String name; }");
        Path classes = compile(dir, sources, files);
        Files.delete(classes.resolve("com/example/app/Gone.class"));
        EntitySource source = new EntitySource(List.of("com.example"), List.of(classes), Naming.JPA);
        assertEquals(
                List.of(QualifiedName.of("owner")),
                EntityReader.read(source, "public").tables().stream()
                        .map(Table::name)
                        .toList());

        Files.writeString(
                sources.resolve("Owner.java"),
                "package com.example.app; @jakarta.persistence.Entity public class Owner"
                        + " { @jakarta.persistence.Id Long id;"
                        + " @jakarta.persistence.Convert(converter = NameConverter.class) String name; }");
        files.put(
                "NameConverter.java",
                "package com.example.app; @jakarta.persistence.Converter public class NameConverter implements"
                        + " jakarta.persistence.AttributeConverter<String, String> {"
                        + " public String convertToDatabaseColumn(String s) { return s; }"
                        + " public String convertToEntityAttribute(String s) { return s; }"
                        + " Gone gone() { return null; } }");
        files.remove("Owner.java");
        files.put("Owner.java", Files.readString(sources.resolve("Owner.java")));
        Path converting = compile(dir, sources, files);
        Files.delete(converting.resolve("com/example/app/Gone.class"));
        var e = assertThrows(
                EntityException.MissingClass.class,
                () -> EntityReader.read(
                        new EntitySource(List.of("com.example"), List.of(converting), Naming.JPA), "public"));
        assertEquals("com.example.app.Gone", e.missing());
        assertEquals("com.example.app.Owner", e.entity(), e::getMessage);
    }

    private static Path compile(Path dir, Path sources, Map<String, String> files) throws Exception {
        List<String> arguments = new ArrayList<>();
        Path classes = dir.resolve("classes-" + System.nanoTime());
        arguments.addAll(List.of(
                "-d",
                classes.toString(),
                "-cp",
                Path.of(Entity.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString()));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(sources.resolve(file.getKey()), file.getValue());
            arguments.add(sources.resolve(file.getKey()).toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)));
        return classes;
    }

    @Test
    void aNameLongerThanPostgresKeepsIsRefusedInOneLine() {
        EntityException e = assertThrows(EntityException.class, () -> read("dev.retort.fixtures.longname", Naming.JPA));
        assertEquals(
                "entities: table \"bestellung\": index \"bestellungen_nach_kunde_und_lieferdatum_für_die_übersicht_grö\""
                        + " is 64 bytes long: PostgreSQL keeps 63 and would cut it to"
                        + " \"bestellungen_nach_kunde_und_lieferdatum_für_die_übersicht_gr\", so the database would never"
                        + " match the mapping; give it a name of at most 63 bytes",
                e.getMessage());
    }
}
