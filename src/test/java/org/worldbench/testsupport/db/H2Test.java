package org.worldbench.testsupport.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.test.annotation.DirtiesContext;

/** Runs a test class against a fresh in-memory H2 database of its own (see {@link PostgresTest}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("h2")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface H2Test {
}
