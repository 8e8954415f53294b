package org.worldbench.experiment.jmh;

import java.io.File;
import java.io.IOException;
import java.util.jar.JarFile;

/**
 * JMH starts each fork with this JVM's {@code java.class.path}. That works for a flat class path
 * (the launcher's extracted layout, an IDE, surefire's manifest-only jar), but not when the process
 * was started with {@code java -jar worldbench.jar} on the nested Spring Boot jar: the fork would die
 * with {@code ClassNotFoundException: ForkedMain}. This check says so before anything is stored.
 */
public final class ForkableClassPath {

    private ForkableClassPath() {
    }

    /** @throws IllegalStateException with the command to use instead, when forks cannot start */
    public static void check() {
        check(System.getProperty("java.class.path", ""));
    }

    /** As {@link #check()} for the given class path. */
    static void check(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(classPath)) {
            boolean nested = jar.getManifest() != null
                    && jar.getManifest().getMainAttributes().getValue("Spring-Boot-Classes") != null;
            if (nested) {
                throw new IllegalStateException("cannot fork benchmark JVMs from the nested jar " + classPath
                        + ": run './worldbench ...' (it runs the extracted layout), or extract it once with "
                        + "'java -Djarmode=tools -jar " + classPath + " extract --destination app' and run "
                        + "'java -jar app/" + new File(classPath).getName() + " ...'");
            }
        } catch (IOException e) {
            // Not a readable jar: let JMH try and report what it finds.
        }
    }
}
