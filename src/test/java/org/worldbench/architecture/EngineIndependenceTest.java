package org.worldbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The engine under test is plain Java: its packages import nothing from Spring, JPA or the
 * platform, so it can be benchmarked, embedded and reasoned about on its own.
 */
class EngineIndependenceTest {

    static final String[] ENGINE = {
        "org.worldbench.memory..", "org.worldbench.math..", "org.worldbench.dynamics..",
        "org.worldbench.collision..", "org.worldbench.constraint..", "org.worldbench.simulation..",
        "org.worldbench.io..", "org.worldbench.workload.."
    };

    static final String[] FORBIDDEN = {
        "org.springframework..", "jakarta.persistence..", "org.hibernate..", "org.flywaydb..",
        "org.worldbench.experiment..", "org.worldbench.batch..", "org.worldbench.results..",
        "org.worldbench.analysis..", "org.worldbench.report..", "org.worldbench.importer..",
        "org.worldbench.api..", "org.worldbench.web..", "org.worldbench.cli..", "org.worldbench.system.."
    };

    static ArchRule engineStaysPlainJava(String... enginePackages) {
        return noClasses().that().resideInAnyPackage(enginePackages)
                .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN)
                .as("engine packages import nothing from Spring, JPA or the platform")
                .allowEmptyShould(false);
    }

    @Test
    void engine_packages_import_nothing_from_spring_or_the_platform() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.worldbench");

        engineStaysPlainJava(ENGINE).check(production);
    }

    @Test
    void the_rule_catches_an_engine_class_that_imports_spring() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.worldbench.architecture.fixture");
        assertThat(fixture).isNotEmpty();

        assertThatThrownBy(() -> engineStaysPlainJava("org.worldbench.architecture.fixture..").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SpringUsingEngineClass")
                .hasMessageContaining("org.springframework");
    }
}
