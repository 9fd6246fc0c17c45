package dev.retort.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default {@code entities.packages}: the packages of the {@code @Entity} classes javac wrote. */
class EntityPackagesTest {
    @TempDir
    Path sources;

    @TempDir
    Path classes;

    @Test
    void packagesOfEntitiesWithoutTheirSubPackagesNorPackagesWithoutEntities() throws IOException {
        compile(Map.of(
                "com/shop/Customer.java", "package com.shop; @jakarta.persistence.Entity public class Customer {}",
                "com/shop/orders/Order.java",
                        "package com.shop.orders; @jakarta.persistence.Entity public class Order {}",
                "com/shopping/Cart.java", "package com.shopping; @jakarta.persistence.Entity public class Cart {}",
                "com/shop/web/Controller.java", "package com.shop.web; public class Controller {}",
                "com/shop/Address.java", "package com.shop; @jakarta.persistence.Embeddable public class Address {}",
                "com/audit/Stamp.java",
                        "package com.audit; @jakarta.persistence.MappedSuperclass public class Stamp {}"));
        assertEquals(List.of("com.shop", "com.shopping"), EntityPackages.in(classes));
    }

    @Test
    void aMissingOrEmptyDirectoryHasNone() throws IOException {
        assertEquals(List.of(), EntityPackages.in(classes.resolve("missing")));
        Files.writeString(classes.resolve("notes.txt"), "not a class");
        assertEquals(List.of(), EntityPackages.in(classes));
    }

    private void compile(Map<String, String> files) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-classpath",
                Path.of(Entity.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .getPath())
                        .toString()));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path source = sources.resolve(file.getKey());
            Files.createDirectories(source.getParent());
            Files.writeString(source, file.getValue());
            args.add(source.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac");
    }
}
