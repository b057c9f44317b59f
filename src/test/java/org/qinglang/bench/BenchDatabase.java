package org.qinglang.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A fresh database for one benchmark run: H2 on disk, or PostgreSQL with -Dbench.db=postgres. */
final class BenchDatabase {

    static final String DB = System.getProperty("bench.db", "h2");

    private BenchDatabase() {
    }

    static void register(DynamicPropertyRegistry registry, String name) throws Exception {
        if (DB.equals("postgres")) {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                    "postgres", ""); Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                sql.execute("CREATE DATABASE " + name);
            }
            // Outside the embedded demo the application starts only with a secret of its own for its links.
            registry.add("qinglang.security.token-secret", () -> "benchmark-secret-of-more-than-32-characters");
            registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + name);
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
            // As in application-postgres.yaml, which these runs do not activate.
            registry.add("spring.datasource.hikari.connection-init-sql", () -> "SET jit = off");
        } else {
            String path = "./target/bench/" + name + "-" + System.nanoTime() + "/qinglang";
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128");
        }
    }
}
