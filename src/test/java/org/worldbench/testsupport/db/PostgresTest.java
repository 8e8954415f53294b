package org.worldbench.testsupport.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs a test class against PostgreSQL in a schema of its own, created empty for the class and
 * dropped when its Spring context closes. Put it on the concrete subclass of a contract whose
 * twin carries {@link H2Test}; the contract carries {@code @SpringBootTest} (or a slice).
 * Skipped with a reason when no server answers, a failure under {@code CI=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("postgres")
@ExtendWith(PostgresAvailableCondition.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface PostgresTest {
}
