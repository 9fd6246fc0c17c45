package dev.retort.spring;

import com.example.shop.CustomerRepository;
import com.example.shop.ShopApplication;
import dev.retort.fixtures.db.TestDatabase;
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
final class ShopApp {
    static final String FIRST = "5b0000000001";
    static final String SECOND = "5b0000000002";
    static final String MIGRATIONS = "com.example.shop.migrations";

    private ShopApp() {}

    /**
     * Starts the shop without a web server on {@code db}, Hibernate validating the schema, with
     * the given extra configuration classes and {@code key=value} arguments (which win).
     */
    static ConfigurableApplicationContext start(TestDatabase db, List<Class<?>> extra, String... settings) {
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
        List<Class<?>> sources = new ArrayList<>(List.of(ShopApplication.class));
        sources.addAll(extra);
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
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
