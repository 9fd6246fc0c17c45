package dev.retort.runtime.internal.source;

import dev.retort.FileException;
import dev.retort.op.Op;
import dev.retort.runtime.CompileException;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.internal.MigrationSet;
import dev.retort.runtime.internal.source.CompileCache.Compiled;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Loads the {@code .java} migrations of a folder, the way Alembic loads {@code versions/*.py}: all
 * files compiled in memory in one batch with the JDK compiler, the classes cached on disk under a
 * hash of the sources, so an unchanged folder is never compiled twice.
 */
public final class SourceMigrations {
    private SourceMigrations() {}

    /**
     * @param directory the migrations folder; a missing or empty folder gives no migrations
     * @param cacheRoot where compiled classes are kept, or null to compile every time
     */
    public static MigrationSet load(Path directory, Path cacheRoot) {
        List<Path> files = sources(directory);
        if (files.isEmpty()) return MigrationSet.EMPTY;
        CompileCache cache = cacheRoot == null ? null : new CompileCache(cacheRoot, hash(files));
        Compiled compiled = cache == null ? null : cache.read();
        List<Class<?>> loaded = compiled == null ? null : defineCached(compiled);
        if (loaded == null) {
            compiled = compile(files);
            if (cache != null) cache.write(compiled);
            loaded = define(compiled);
        }
        Path relativeBase = directory.toAbsolutePath().getParent();
        Map<String, String> sourceOf = compiled.sourceOf();
        return MigrationSet.of(
                loaded, type -> display(relativeBase, sourceOf.getOrDefault(type.getName(), type.getName())));
    }

    /** The cached classes defined, or null when the JVM refuses them: then they are compiled again. */
    private static List<Class<?>> defineCached(Compiled compiled) {
        try {
            return define(compiled);
        } catch (MigrationException e) {
            return null;
        }
    }

    private static List<Class<?>> define(Compiled compiled) {
        ClassLoader loader = new BytesClassLoader(compiled.classes(), Migration.class.getClassLoader());
        List<Class<?>> loaded = new ArrayList<>();
        for (String name : compiled.classes().keySet()) {
            if (name.contains("$")) continue;
            try {
                loaded.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MigrationException(
                        compiled.sourceOf().getOrDefault(name, name) + ": cannot be loaded: " + e, e);
            }
        }
        return loaded;
    }

    private static String display(Path base, String file) {
        Path path = Path.of(file);
        return base != null && path.startsWith(base) ? base.relativize(path).toString() : file;
    }

    private static List<Path> sources(Path directory) {
        if (Files.notExists(directory)) return List.of();
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new FileException("reading the migrations folder", directory, e);
        }
    }

    /**
     * A hash of every file's name and content, and of the runtime the classes compile against (its
     * location, size and time), so a rebuilt Retort never loads classes compiled against another.
     */
    private static String hash(List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String entry : compileClasspath().split(File.pathSeparator)) {
                Path path = Path.of(entry);
                String identity = entry
                        + (Files.isRegularFile(path)
                                ? "|" + Files.size(path) + "|" + Files.getLastModifiedTime(path)
                                : "");
                digest.update(identity.getBytes(StandardCharsets.UTF_8));
            }
            for (Path file : files) {
                digest.update(file.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(read(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FileException("reading the migration", file, e);
        }
    }

    private static Compiled compile(List<Path> files) {
        Map<String, String> sourceOf = new TreeMap<>();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new MigrationException("no Java compiler: source-mode migrations need a JDK, not a JRE (java.home="
                    + System.getProperty("java.home") + ")");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> outputs = new HashMap<>();
        try (StandardJavaFileManager standard =
                        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
                MemoryFileManager manager = new MemoryFileManager(standard, outputs, sourceOf)) {
            Iterable<? extends JavaFileObject> units = standard.getJavaFileObjectsFromPaths(files);
            List<String> options =
                    List.of("-classpath", compileClasspath(), "-proc:none", "-g", "-nowarn", "--release", "17");
            boolean ok = compiler.getTask(Writer.nullWriter(), manager, diagnostics, options, null, units)
                    .call();
            if (!ok) throw firstError(diagnostics, files.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return new Compiled(classes, sourceOf);
    }

    private static MigrationException firstError(DiagnosticCollector<JavaFileObject> diagnostics, int fileCount) {
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .toList();
        if (errors.isEmpty()) return new MigrationException("compiling " + fileCount + " migration(s) failed");
        Diagnostic<? extends JavaFileObject> first = errors.get(0);
        String file = first.getSource() == null
                ? "migrations"
                : Path.of(first.getSource().toUri()).toString();
        String message = first.getMessage(Locale.ROOT).lines().findFirst().orElse("");
        return new CompileException(file, first.getLineNumber(), message, errors.size());
    }

    /** The runtime classes migrations compile against: where Retort's runtime and model are loaded from. */
    private static String compileClasspath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> anchor : List.of(Migration.class, Op.class)) {
            try {
                String entry = Path.of(anchor.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString();
                if (!entries.contains(entry)) entries.add(entry);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Keeps compiled classes in memory and remembers which source file each came from. */
    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> outputs;
        private final Map<String, String> sourceOf;

        MemoryFileManager(
                StandardJavaFileManager delegate,
                Map<String, ByteArrayOutputStream> outputs,
                Map<String, String> sourceOf) {
            super(delegate);
            this.outputs = outputs;
            this.sourceOf = sourceOf;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            if (sibling != null)
                sourceOf.put(className, Path.of(sibling.toUri()).toString());
            return new SimpleJavaFileObject(
                    URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return outputs.computeIfAbsent(className, n -> new ByteArrayOutputStream());
                }
            };
        }
    }

    /** Defines classes from bytes, asking the parent first for everything else. */
    private static final class BytesClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        BytesClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) throw new ClassNotFoundException(name);
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
