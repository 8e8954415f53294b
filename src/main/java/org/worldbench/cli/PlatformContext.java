package org.worldbench.cli;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.worldbench.WorldbenchApplication;
import org.worldbench.system.DatabaseConnectionFailure;

/**
 * The Spring context a command runs in, opened on demand and closed when the command ends.
 *
 * <p>For the command line, Spring's own start-up logging is turned down: a failure reaches the
 * user as one line from {@link WorldbenchCli}, not as a log block with a stack trace.
 */
final class PlatformContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private PlatformContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the non-web platform with the given Spring profile (null: the embedded H2 default). */
    static PlatformContext start(String profile) {
        return start(profile, Map.of());
    }

    /** As {@link #start(String)}, with extra Spring properties (e.g. {@code worldbench.reports-dir}). */
    static PlatformContext start(String profile, Map<String, Object> properties) {
        Map<String, Object> quiet = new HashMap<>(properties);
        quiet.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
        quiet.put("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF");
        quiet.put("logging.level.com.zaxxer.hikari", "OFF");
        // A failed start is reported once, in one line, by WorldbenchCli; not also as a WARN with the same text.
        quiet.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR");
        quiet.put("logging.level.org.hibernate.engine.jdbc.env.internal.JdbcEnvironmentInitiator", "OFF");
        SpringApplicationBuilder builder = new SpringApplicationBuilder(WorldbenchApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(quiet);
        if (profile != null) {
            builder.profiles(profile);
        }
        String[] configuredUrl = new String[1];
        builder.listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event ->
                configuredUrl[0] = event.getEnvironment().getProperty("spring.datasource.url"));
        try {
            return new PlatformContext(builder.run());
        } catch (RuntimeException failure) {
            throw DatabaseConnectionFailure.find(failure, configuredUrl[0])
                    .<RuntimeException>map(db -> new IllegalStateException(db.oneLine() + ". " + db.action(), failure))
                    .orElse(failure);
        }
    }

    /** Calls {@code listener} with every application event whose payload is a {@code type}. */
    <T> void onEvent(Class<T> type, java.util.function.Consumer<T> listener) {
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.PayloadApplicationEvent<?> payload
                    && type.isInstance(payload.getPayload())) {
                listener.accept(type.cast(payload.getPayload()));
            }
        });
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
