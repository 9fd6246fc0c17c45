package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import jakarta.persistence.Entity;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.hibernate.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entities.classpath} as applications build it: jars, {@code dir/*}, the path separator, a
 * Spring Boot fat jar and a WAR, each holding entities beside a validator whose dependency is not
 * there (only the entities are loaded), read by {@code check} through the real command line.
 */
class EntityClasspathTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Map<String, String> LIBRARY = Map.of(
            "com/example/lib/Money.java",
            "package com.example.lib; @jakarta.persistence.Embeddable public class Money"
                    + " { public long cents; public String currency; }",
            "com/example/spring/Validator.java",
            "package com.example.spring; public interface Validator { boolean valid(Object o); }");

    private static final Map<String, String> APPLICATION = Map.of(
            "com/example/pets/Owner.java",
            "package com.example.pets; import jakarta.persistence.*; @Entity @Table(name = \"owners\")"
                    + " public class Owner { @Id Long id; String name; @Embedded com.example.lib.Money balance; }",
            "com/example/pets/Pet.java",
            "package com.example.pets; import jakarta.persistence.*; @Entity @Table(name = \"pets\")"
                    + " public class Pet { @Id Long id; @ManyToOne Owner owner; }",
            "com/example/pets/web/PetValidator.java",
            "package com.example.pets.web; public class PetValidator implements com.example.spring.Validator"
                    + " { public boolean valid(Object o) { return o != null; } }");

    @TempDir
    Path workDir;

    Cli cli;
    Path app;
    Path money;

    @BeforeEach
    void build() throws Exception {
        db.reset();
        cli = new Cli(workDir);
        Files.createDirectories(workDir.resolve("migrations"));
        Path library = compile("library", LIBRARY, List.of());
        Path application = compile("application", APPLICATION, List.of(library));
        money = jar(workDir.resolve("build/lib/money.jar"), Map.of("", library), "com/example/lib/");
        // the Validator interface goes nowhere: PetValidator cannot be loaded, as in a real application
        app = jar(workDir.resolve("build/app.jar"), Map.of("", application), "");
    }

    private void configure(String classpath) {
        cli.write(
                "retort.properties",
                String.join(
                        "\n",
                        "url = " + db.url(),
                        "migrations.dir = migrations",
                        "migrations.package = com.example.migrations",
                        "entities.packages = com.example.pets",
                        "entities.classpath = " + classpath,
                        ""));
    }

    private void assertChecks(String classpath) {
        configure(classpath);
        Cli.Result result = cli.run("check");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertTrue(result.out().contains("  add table owners\n"), result::toString);
        assertTrue(result.out().contains("  add table pets\n"), result::toString);
    }

    @Test
    void jarsDirectoryGlobsAndBothSeparators() {
        assertChecks("build/app.jar, build/lib/*");
        assertChecks("build/app.jar" + File.pathSeparator + "build/lib/money.jar");
    }

    @Test
    void verboseCheckSaysWhichHibernateReadHowManyEntities() {
        configure("build/app.jar, build/lib/*");
        Cli.Result result = cli.run("check", "-v");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertTrue(
                result.out()
                        .startsWith("Entities read by Hibernate ORM " + Version.getVersionString()
                                + " (bundled): 2 entity classes, 3 mapped classes in all\n"),
                result::toString);
    }

    @Test
    void springBootFatJar() throws IOException {
        Path classes = unjar(app, workDir.resolve("unpacked"));
        jar(workDir.resolve("boot.jar"), Map.of("BOOT-INF/classes/", classes, "BOOT-INF/lib/", money.getParent()), "");
        assertChecks("boot.jar");
        assertTrue(Files.isDirectory(workDir.resolve(".cache/retort/archives")), "extracted into the cache directory");
        assertChecks("boot.jar"); // and read again from it
    }

    @Test
    void war() throws IOException {
        Path classes = unjar(app, workDir.resolve("unpacked"));
        jar(workDir.resolve("app.war"), Map.of("WEB-INF/classes/", classes, "WEB-INF/lib/", money.getParent()), "");
        assertChecks("app.war");
    }

    @Test
    void aClassAnEntityNeedsIsNamed() {
        configure("build/app.jar");
        Cli.Result result = cli.run("check");
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertEquals(
                "error: entity com.example.pets.Owner needs com.example.lib.Money, which is not on entities.classpath",
                result.err().stripTrailing(),
                result::toString);
    }

    @Test
    void badEntriesAreNamed() throws IOException {
        Files.writeString(workDir.resolve("notes.txt"), "not a jar");
        for (String[] bad : new String[][] {
            {"build/nope.jar", "error: entities.classpath entry build/nope.jar does not exist"},
            {"nowhere/*", "error: entities.classpath entry nowhere/* names no directory"},
            {"notes.txt", "error: entities.classpath entry notes.txt is neither a directory nor a readable jar or WAR: "
            }
        }) {
            configure("build/app.jar, " + bad[0]);
            Cli.Result result = cli.run("check");
            assertEquals(ExitCode.ERROR, result.code(), result::toString);
            assertTrue(result.err().startsWith(bad[1]), result::toString);
            assertEquals(1, result.err().lines().count(), result::toString);
        }
    }

    private Path compile(String name, Map<String, String> sources, List<Path> classpath) throws IOException {
        Path root = workDir.resolve("src/" + name);
        Path classes = workDir.resolve("classes/" + name);
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp"));
        List<String> path = new ArrayList<>(List.of(jakarta()));
        classpath.forEach(entry -> path.add(entry.toString()));
        arguments.add(String.join(File.pathSeparator, path));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = root.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)));
        return classes;
    }

    private static String jakarta() {
        try {
            return Path.of(Entity.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A jar holding each directory's files (those starting with {@code only}) under its prefix. */
    private static Path jar(Path jar, Map<String, Path> contents, String only) throws IOException {
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, Path> content : contents.entrySet()) {
                Path directory = content.getValue();
                List<Path> files;
                try (Stream<Path> walk = Files.walk(directory)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
                    if (!name.startsWith(only)) continue;
                    out.putNextEntry(new JarEntry(content.getKey() + name));
                    Files.copy(file, (OutputStream) out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    private static Path unjar(Path jar, Path target) throws IOException {
        try (JarFile zip = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(zip.entries())) {
                Path file = target.resolve(entry.getName());
                Files.createDirectories(file.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file);
                }
            }
        }
        return target;
    }
}
