package dev.retort.spring;

import com.example.shop.CustomerRepository;
import com.example.shop.ShopApplication;
import dev.retort.fixtures.db.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the sample shop application, a real Spring Boot application, against a test database. */
public final class ShopApp {
    static final String FIRST = "5b0000000001";
    static final String SECOND = "5b0000000002";
    static final String MIGRATIONS = "com.example.shop.migrations";

    private ShopApp() {}

    /**
     * Starts the shop without a web server on {@code db}, Hibernate validating the schema, with
     * the given extra configuration classes and {@code key=value} arguments (which win).
     */
    static ConfigurableApplicationContext start(TestDatabase db, List<Class<?>> extra, String... settings) {
        List<Class<?>> sources = new ArrayList<>(List.of(ShopApplication.class));
        sources.addAll(extra);
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .web(WebApplicationType.NONE)
                .run(arguments(db, settings).toArray(String[]::new));
    }

    /**
     * An instance of the shop in a process of its own, as a replica is: it starts with {@link
     * ReadAtStartup}, prints {@code seen: } and what the reader saw, and stops.
     */
    static Process startProcess(TestDatabase db, Path log) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ShopApp.class.getName()));
        command.addAll(arguments(db));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    public static void main(String[] args) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                        ShopApplication.class, ReadAtStartup.class)
                .web(WebApplicationType.NONE)
                .run(args)) {
            System.out.println("seen: " + app.getBean(StartupReader.class).seen);
        }
    }

    private static List<String> arguments(TestDatabase db, String... settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("spring.datasource.url", db.url());
        values.put("spring.jpa.hibernate.ddl-auto", "validate");
        values.put("spring.jpa.open-in-view", "false");
        values.put("retort.migrations-package", MIGRATIONS);
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            values.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        List<String> args = new ArrayList<>();
        values.forEach((key, value) -> args.add("--" + key + "=" + value));
        return args;
    }

    /** Customers as a bean created during start-up sees them through the repository: name and email. */
    static final class StartupReader {
        final List<String> seen;

        StartupReader(CustomerRepository customers) {
            seen = customers.findAll().stream()
                    .map(c -> c.getName() + " " + c.getEmail())
                    .toList();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReadAtStartup {
        @Bean
        StartupReader startupReader(CustomerRepository customers) {
            return new StartupReader(customers);
        }
    }
}
