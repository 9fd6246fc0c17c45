package dev.retort.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every import of every generated class is used: each golden is parsed by the JDK's compiler and
 * each imported simple name must appear as a name in the class below its imports (javac's
 * {@code -Xlint:all} has no warning for an unused import, so the goldens' compilation cannot say).
 */
class GeneratedImportsTest {
    static Stream<Path> goldens() throws IOException {
        return Files.list(Path.of("src/test/resources/golden")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void importsOnlyWhatTheClassUses(Path golden) throws IOException {
        CompilationUnitTree unit = parse(golden);
        Set<String> used = namesUsed(unit);
        Set<String> unused = new TreeSet<>();
        for (ImportTree anImport : unit.getImports()) {
            String imported = ((MemberSelectTree) anImport.getQualifiedIdentifier())
                    .getIdentifier()
                    .toString();
            if (!used.contains(imported))
                unused.add(anImport.getQualifiedIdentifier().toString());
        }
        assertEquals(Set.of(), unused, "unused imports in " + golden);
    }

    private static CompilationUnitTree parse(Path golden) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> sources = files.getJavaFileObjects(golden);
            JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null, sources);
            return task.parse().iterator().next();
        }
    }

    /** The simple names the type declarations mention: types, annotations, called methods (the imports not scanned). */
    private static Set<String> namesUsed(CompilationUnitTree unit) {
        Set<String> names = new HashSet<>();
        TreeScanner<Void, Void> scanner = new TreeScanner<>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                names.add(node.getName().toString());
                return null;
            }
        };
        unit.getTypeDecls().forEach(type -> type.accept(scanner, null));
        return names;
    }
}
