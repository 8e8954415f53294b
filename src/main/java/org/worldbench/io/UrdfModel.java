package org.worldbench.io;

import java.util.List;

import org.worldbench.dynamics.Skeleton;

/**
 * A loaded URDF.
 *
 * @param robotName      the {@code <robot name>}
 * @param skeleton       the skeleton, its bodies in DART's order (depth first, siblings by joint name)
 * @param meshReferences mesh file names kept as references (visual and collision), in file order
 * @param warnings       what was accepted but not used, one line each
 */
public record UrdfModel(String robotName, Skeleton skeleton, List<String> meshReferences, List<String> warnings) {
}
