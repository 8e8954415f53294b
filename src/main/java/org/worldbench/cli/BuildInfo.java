package org.worldbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** What was built and what runs it, read without starting Spring. */
record BuildInfo(String version, String buildTime) {

    static BuildInfo load() {
        Properties properties = new Properties();
        // Written by spring-boot-maven-plugin's build-info goal.
        try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties.getProperty("build.version", "development build"),
                properties.getProperty("build.time", "unknown"));
    }

    String runtime() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo info = load();
            return new String[] {"worldbench " + info.version(), info.runtime()};
        }
    }
}
