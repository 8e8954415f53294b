package org.worldbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The git commit and branch a run measures: from flags, else from the environment CI systems set
 * (worldbench's own variables first, then GitHub Actions, GitLab CI, Jenkins), else from
 * {@code git} in the working directory. Unknown stays null rather than guessed.
 *
 * @param commit full or abbreviated commit id, or null
 * @param branch branch name, or null (detached HEAD, no git)
 */
record SourceRevision(String commit, String branch) {

    private static final List<String> COMMIT_VARIABLES = List.of("WORLDBENCH_GIT_COMMIT", "GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT");
    private static final List<String> BRANCH_VARIABLES = List.of("WORLDBENCH_GIT_BRANCH", "GITHUB_HEAD_REF", "GITHUB_REF_NAME",
            "CI_COMMIT_REF_NAME", "GIT_BRANCH");

    static SourceRevision resolve(String commitFlag, String branchFlag, Map<String, String> environment) {
        String commit = firstNonBlank(commitFlag, environment, COMMIT_VARIABLES);
        String branch = firstNonBlank(branchFlag, environment, BRANCH_VARIABLES);
        if (commit == null) {
            commit = git("rev-parse", "HEAD");
        }
        if (branch == null) {
            branch = git("rev-parse", "--abbrev-ref", "HEAD");
            if ("HEAD".equals(branch)) {
                branch = null; // detached
            }
        }
        if (branch != null && branch.startsWith("origin/")) {
            branch = branch.substring("origin/".length()); // Jenkins' GIT_BRANCH
        }
        return new SourceRevision(commit, branch);
    }

    private static String firstNonBlank(String flag, Map<String, String> environment, List<String> variables) {
        if (flag != null && !flag.isBlank()) {
            return flag.trim();
        }
        for (String variable : variables) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static String git(String... arguments) {
        try {
            Process git = new ProcessBuilder(java.util.stream.Stream.concat(java.util.stream.Stream.of("git"),
                    java.util.Arrays.stream(arguments)).toList()).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            git.getOutputStream().close();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null; // no git installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
