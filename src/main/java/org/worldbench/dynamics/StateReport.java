package org.worldbench.dynamics;

import java.util.List;

/**
 * Every quantity DART's golden files record for one state (golden README §3.1), computed by this
 * engine: what {@code worldbench inspect} prints and what the golden tests compare. Vectors are in
 * the skeleton's dof order, bodies in its body order. Allocates; not for hot paths.
 *
 * @param bodyNames              body order
 * @param dofNames               dof order
 * @param bodyWorldTransforms    per body, 4×4 row-major (16)
 * @param bodySpatialVelocities  per body, [angular; linear] in the body frame (see
 *                               {@link Kinematics#bodySpatialVelocity})
 * @param massMatrix             dofs × dofs
 * @param coriolisAndGravity     c + g
 * @param coriolis               c = C(q, dq)·dq
 * @param gravityForces          g(q)
 * @param ddqForwardDynamics     ddq for τ (with the semi-implicit damping and springs)
 * @param tauInverseDynamics     τ = M·ddq_in + c + g
 * @param com                    world frame, m
 * @param kineticEnergy          J
 * @param potentialEnergy        DART's origin-based value, J (golden README §4.8)
 * @param potentialEnergyCom     −m_total·g·com, J
 */
public record StateReport(List<String> bodyNames, List<String> dofNames, double[][] bodyWorldTransforms,
        double[][] bodySpatialVelocities, double[][] massMatrix, double[] coriolisAndGravity, double[] coriolis,
        double[] gravityForces, double[] ddqForwardDynamics, double[] tauInverseDynamics, double[] com,
        double kineticEnergy, double potentialEnergy, double potentialEnergyCom) {

    /**
     * Sets the state (q, dq, τ) on the skeleton and computes every quantity; {@code ddqIn} feeds
     * inverse dynamics. The skeleton keeps the state afterwards.
     */
    public static StateReport compute(Skeleton s, double[] q, double[] dq, double[] tau, double[] ddqIn) {
        s.setPositions(q);
        s.setVelocities(dq);
        s.setForces(tau);
        int nb = s.bodyCount();
        int n = s.dofCount();
        double[][] transforms = new double[nb][16];
        double[][] velocities = new double[nb][6];
        double[] t = new double[12];
        for (int i = 0; i < nb; i++) {
            s.worldTransform(i, t, 0);
            double[] m = transforms[i];
            m[0] = t[0]; m[1] = t[1]; m[2] = t[2]; m[3] = t[9];
            m[4] = t[3]; m[5] = t[4]; m[6] = t[5]; m[7] = t[10];
            m[8] = t[6]; m[9] = t[7]; m[10] = t[8]; m[11] = t[11];
            m[15] = 1;
            Kinematics.bodySpatialVelocity(s, i, velocities[i], 0);
        }
        MassMatrix.compute(s);
        double[][] mass = s.massMatrixRows();
        double[] cg = new double[n];
        double[] c = new double[n];
        double[] g = new double[n];
        InverseDynamics.coriolisAndGravity(s, cg);
        InverseDynamics.coriolis(s, c);
        InverseDynamics.gravity(s, g);
        ForwardDynamics.compute(s);
        double[] ddq = s.accelerations();
        double[] tauId = new double[n];
        InverseDynamics.compute(s, ddqIn, tauId);
        double[] com = new double[3];
        Kinematics.centerOfMass(s, com, 0);
        List<String> bodies = s.bodies().stream().map(BodyNode::name).toList();
        return new StateReport(bodies, s.dofNames(), transforms, velocities, mass, cg, c, g, ddq, tauId, com,
                Energy.kinetic(s), Energy.potential(s), Energy.gravitationalPotentialOfCom(s));
    }
}
