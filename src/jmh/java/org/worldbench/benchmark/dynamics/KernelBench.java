package org.worldbench.benchmark.dynamics;

import org.worldbench.dynamics.ForwardDynamics;
import org.worldbench.dynamics.InverseDynamics;
import org.worldbench.dynamics.Kinematics;
import org.worldbench.dynamics.MassMatrix;
import org.worldbench.dynamics.Skeleton;

/**
 * One skeleton and its pre-generated inputs, and the kernels DART's program times on it, one
 * operation per call, each returning a value of its result so nothing is dead code. Shared by the
 * synthetic and the robot benchmarks (their method names differ: names are database keys).
 *
 * <p>Inputs cycle through {@link DynamicsInputs#SAMPLES} vectors: every call starts from a changed
 * state (no cached kinematics survive), and no state settles over an iteration.
 */
final class KernelBench {

    private final Skeleton skeleton;
    private final double[][] positions;
    private final double[][] velocities;
    private final double[][] accelerations;
    private final double[] forces;
    private final int lastBody;
    private final int lastDof;
    private int k;

    KernelBench(Skeleton skeleton) {
        this.skeleton = skeleton;
        int dofs = skeleton.dofCount();
        this.positions = DynamicsInputs.positions(dofs);
        this.velocities = DynamicsInputs.velocities(dofs);
        this.accelerations = DynamicsInputs.uniform(dofs, -1, 1, 3);
        this.forces = new double[dofs];
        this.lastBody = skeleton.bodyCount() - 1;
        this.lastDof = dofs - 1;
    }

    Skeleton skeleton() {
        return skeleton;
    }

    private int next() {
        return k++ & (DynamicsInputs.SAMPLES - 1);
    }

    /** DART's {@code BM_FK}: set q, world transforms of every body. */
    double fk() {
        skeleton.setPositions(positions[next()]);
        Kinematics.computePositions(skeleton);
        return skeleton.worldTransformEntry(lastBody, 11);
    }

    /** DART's {@code BM_MassMatrix}: set q, M(q) (FK included). */
    double massMatrix() {
        skeleton.setPositions(positions[next()]);
        MassMatrix.compute(skeleton);
        return skeleton.massMatrix(lastDof, lastDof);
    }

    /** DART's {@code BM_ForwardDynamics}: set q and dq, ddq by ABA (FK and velocities included). */
    double forwardDynamics() {
        int j = next();
        skeleton.setPositions(positions[j]);
        skeleton.setVelocities(velocities[j]);
        ForwardDynamics.compute(skeleton);
        return skeleton.acceleration(lastDof);
    }

    /** Set q and dq, τ = M·ddq + c + g by RNEA for a pre-generated ddq. */
    double inverseDynamics() {
        int j = next();
        skeleton.setPositions(positions[j]);
        skeleton.setVelocities(velocities[j]);
        InverseDynamics.compute(skeleton, accelerations[j], forces);
        return forces[lastDof];
    }

    /** Set q and dq, c(q, dq) + g(q) (DART's {@code getCoriolisAndGravityForces()}). */
    double coriolisGravity() {
        int j = next();
        skeleton.setPositions(positions[j]);
        skeleton.setVelocities(velocities[j]);
        InverseDynamics.coriolisAndGravity(skeleton, forces);
        return forces[lastDof];
    }
}
