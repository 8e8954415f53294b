package org.worldbench.testsupport.db;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test class marked {@link PostgresTest} or {@link H2Test} its own empty
 * database and points {@code spring.datasource.*} at it; Flyway then migrates it as in production.
 * Registered in {@code META-INF/spring.factories} of the test resources.
 */
public final class IsolatedDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configs) {
        MergedAnnotations annotations = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY);
        if (annotations.isPresent(PostgresTest.class)) {
            return new Customizer(testClass, TestDatabase.POSTGRES);
        }
        if (annotations.isPresent(H2Test.class)) {
            return new Customizer(testClass, TestDatabase.H2);
        }
        return null;
    }

    /** Equal only for the same test class, so two classes never share a context, hence never a database. */
    private record Customizer(Class<?> testClass, TestDatabase kind) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            IsolatedDatabase database = IsolatedDatabase.create(kind);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("isolated-test-database",
                    Map.of("spring.datasource.url", database.url(),
                            "spring.datasource.username", database.user(),
                            "spring.datasource.password", database.password(),
                            "spring.datasource.hikari.maximum-pool-size", "3",
                            "spring.datasource.hikari.minimum-idle", "1",
                            "worldbench.test.database", kind.name())));
            // Registered before any bean exists, so it is destroyed last: after the connection pool.
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean("isolatedTestDatabase", database::close);
            }
        }
    }
}
