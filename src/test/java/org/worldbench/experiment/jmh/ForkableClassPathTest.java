package org.worldbench.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'java -jar' on the nested Boot jar cannot fork JMH: said at once, with the command that works. */
class ForkableClassPathTest {

    @TempDir
    Path folder;

    private Path jar(String name, boolean nested) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (nested) {
            manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        }
        Path jar = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }

    @Test
    void nested_boot_jar_is_refused_naming_the_launcher_and_the_extract_command() throws IOException {
        Path jar = jar("worldbench.jar", true);

        assertThatThrownBy(() -> ForkableClassPath.check(jar.toString()))
                .hasMessageContaining("cannot fork benchmark JVMs from the nested jar")
                .hasMessageContaining("./worldbench")
                .hasMessageContaining("-Djarmode=tools -jar " + jar + " extract");
    }

    @Test
    void flat_class_paths_and_plain_jars_pass() throws IOException {
        Path plain = jar("app.jar", false);

        assertThatCode(() -> ForkableClassPath.check(plain.toString())).doesNotThrowAnyException();
        assertThatCode(() -> ForkableClassPath.check("target/classes" + java.io.File.pathSeparator + plain))
                .doesNotThrowAnyException();
    }
}
