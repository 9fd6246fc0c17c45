package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.op.Op;
import dev.retort.runtime.Migration;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Compiles one generated source file with the JDK's compiler against Retort's runtime, as a reviewer's build would. */
final class Javac {
    private Javac() {}

    /** Compiles {@code source} into {@code dir}; fails the test with javac's output when it does not compile. */
    static void compile(Path dir, String fileName, String source) {
        try {
            Path file = dir.resolve(fileName);
            Files.writeString(file, source, StandardCharsets.UTF_8);
            StringWriter diagnostics = new StringWriter();
            int status = ToolProvider.getSystemJavaCompiler()
                            .getTask(
                                    diagnostics,
                                    null,
                                    null,
                                    List.of(
                                            "-encoding",
                                            "UTF-8",
                                            "-proc:none",
                                            "-d",
                                            dir.toString(),
                                            "-cp",
                                            classpath()),
                                    null,
                                    ToolProvider.getSystemJavaCompiler()
                                            .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                                            .getJavaFileObjects(file))
                            .call()
                    ? 0
                    : 1;
            assertEquals(0, status, () -> "javac:\n" + diagnostics + "\n--- source\n" + source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level classes compiled into {@code dir}, by binary name: nested and local classes left out. */
    static List<String> topLevelClasses(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".class")
                            && !f.getFileName().toString().contains("$"))
                    .map(f -> dir.relativize(f)
                            .toString()
                            .replace(File.separatorChar, '.')
                            .replaceAll("\\.class$", ""))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Class<?> load(Path dir, String className) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, Migration.class.getClassLoader());
        return loader.loadClass(className);
    }

    private static String classpath() {
        return Stream.of(Migration.class, Op.class)
                .map(Javac::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
