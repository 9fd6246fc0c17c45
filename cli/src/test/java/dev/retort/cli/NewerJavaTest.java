package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.fixtures.db.TestDatabase;
import jakarta.persistence.Entity;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Entities compiled for a newer Java than the one running Retort: one line naming the class and the Java it needs. */
class NewerJavaTest {
    /** A JDK newer than 17, whose javac writes class files for Java 21 and 25. */
    private static final Path JAVAC = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac");

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void project() {
        assumeTrue(Files.isExecutable(JAVAC), JAVAC + " is not installed");
        assumeTrue(Runtime.version().feature() < 21, "runs on a Java older than 21");
        cli = new Cli(dir);
    }

    @Test
    void anEntityCompiledForJava21() throws Exception {
        compile(
                "21",
                "Owner.java",
                "@jakarta.persistence.Entity public class Owner { @jakarta.persistence.Id Long id; }");
        configure();
        Cli.Result check = cli.run("check");
        assertEquals(2, check.code(), check::toString);
        assertEquals(
                "error: entity com.example.newer.Owner is compiled for Java 21 (class file 65); Retort runs on Java "
                        + Runtime.version().feature() + ": run it with Java 21 or newer\n",
                check.err());
    }

    @Test
    void aClassAnEntityNeedsCompiledForJava25() throws Exception {
        compile("25", "Base.java", "public class Base { }");
        compile(
                "17",
                "Pet.java",
                "@jakarta.persistence.Entity public class Pet extends Base { @jakarta.persistence.Id Long id; }");
        configure();
        Cli.Result check = cli.run("check");
        assertEquals(2, check.code(), check::toString);
        assertEquals(
                "error: entity com.example.newer.Pet needs com.example.newer.Base, which is compiled for Java 25"
                        + " (class file 69); Retort runs on Java "
                        + Runtime.version().feature()
                        + ": run it with Java 25 or newer\n",
                check.err());
    }

    private void configure() {
        cli.write(
                "retort.properties",
                String.join(
                        "\n",
                        "url = " + db.url(),
                        "entities.packages = com.example.newer",
                        "entities.classpath = classes",
                        ""));
    }

    /** Compiles one class of package {@code com.example.newer} into {@code classes} for a Java release. */
    private void compile(String release, String file, String body) throws Exception {
        Path source = dir.resolve("src/com/example/newer/" + file);
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package com.example.newer;\n" + body + "\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                JAVAC.toString(),
                "--release",
                release,
                "-d",
                dir.resolve("classes").toString(),
                "-cp"));
        command.add(Path.of(Entity.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                + File.pathSeparator
                + dir.resolve("classes"));
        command.add(source.toString());
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, javac.waitFor(), out);
    }
}
