package dev.retort.runtime.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.revision.RevisionNode;
import dev.retort.runtime.Retort;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's application start-up example compiles against the runtime API alone. */
class ReadmeExampleTest {
    private static final Path README =
            Path.of(System.getProperty("retort.repository.root", "..")).resolve("README.md");

    @Test
    void theStartUpExampleCompiles(@TempDir Path classes) throws IOException, URISyntaxException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int section = readme.indexOf("**At application start-up.**");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String example = readme.substring(start, readme.indexOf("```\n", start));
        String source = "import dev.retort.runtime.*;\nimport javax.sql.DataSource;\n"
                + "class Example {\n    void start(DataSource dataSource) {\n" + example + "    }\n}\n";
        JavaFileObject unit = new SimpleJavaFileObject(Path.of("Example.java").toUri(), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        String classpath = location(Retort.class) + File.pathSeparator + location(RevisionNode.class);
        List<String> options = List.of("-d", classes.toString(), "-proc:none", "-classpath", classpath);
        boolean compiled = compiler.getTask(errors, null, null, options, null, List.of(unit))
                .call();
        assertTrue(compiled, () -> errors + "\n" + source);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
