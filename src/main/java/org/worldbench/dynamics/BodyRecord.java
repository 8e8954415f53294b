package org.worldbench.dynamics;

/**
 * Layout of one body's record in the {@link BodyNodePool} block, in doubles from the record's start.
 * A record holds the body's constant properties and every per-step quantity the algorithms cache
 * for it, so an algorithm walks one contiguous block.
 *
 * <p>Frames: "body" is the body's own frame; "world" quantities are spatial vectors and inertias
 * expressed in world coordinates about the world origin (the algorithms run in the world frame,
 * where articulated and composite inertias add up without transforms). Spatial vectors are
 * [angular; linear], forces [moment; force].
 *
 * <pre>
 *  0 MASS        kg
 *  1 COM         3   centre of mass, body frame, m
 *  4 INERTIA     6   about the COM, body axes: Ixx Iyy Izz Ixy Ixz Iyz, kg·m²
 * 10 T_PJ        12  joint frame seen from the parent body: R row-major, p (m)
 * 22 T_CJ_INV    12  inverse of the joint frame seen from the child body
 * 34 AXIS        3   revolute/prismatic axis, joint frame, unit
 * 37 FEXT        6   external force applied to the body, world, N·m and N
 * 43 TW          12  world transform of the body frame
 * 55 VW          6   spatial velocity, world (rad/s, m/s)
 * 61 CW          6   velocity-product acceleration V×(S·dq), world
 * 67 IW          10  spatial inertia, world: m, h = m·c (3), Ī about the world origin (6)
 * 77 AW          6   spatial acceleration, world
 * 83 FW          6   body force of inverse dynamics (RNEA), world
 * 89 IMPULSE     6   constraint impulse on the body, world, N·m·s and N·s
 * 95 IC          10  composite inertia of the subtree (CRBA), same form as IW
 * 105 per-dof section (nd = joint dofs), each dof-major:
 *     S 6nd (motion subspace, body frame), SW 6nd (world), U 6nd (IA·SW), DINV nd², UU nd,
 *     DAMPING nd, STIFFNESS nd, REST nd
 * </pre>
 * The order is chosen for bulk copies: the kinematic pass reads MASS…FEXT (its inputs) in one
 * copy and writes TW…IW (its outputs) in one; a parent's TW and VW are adjacent too.
 * ABA's articulated inertias IA and bias forces are not here: they are sums that exist only while
 * one forward-dynamics call runs, so they live in the skeleton's heap workspace
 * ({@link ForwardDynamics}). U, D⁻¹ and u, the per-dof factors ABA leaves behind, are.
 * Every record size is a multiple of 4 doubles, so with a 32-byte aligned block each record is
 * 32-byte aligned.
 */
final class BodyRecord {

    static final int MASS = 0;
    static final int COM = 1;
    static final int INERTIA = 4;
    static final int T_PJ = 10;
    static final int T_CJ_INV = 22;
    static final int AXIS = 34;
    static final int FEXT = 37;
    static final int TW = 43;
    static final int VW = 55;
    static final int CW = 61;
    static final int IW = 67;
    static final int AW = 77;
    static final int FW = 83;
    static final int IMPULSE = 89;
    static final int IC = 95;
    static final int DOFS = 105;

    /** Doubles per record alignment unit: 4 doubles = 32 bytes. */
    static final int ALIGN_DOUBLES = 4;

    private BodyRecord() {
    }

    static int s(int nd) {
        return DOFS;
    }

    static int sw(int nd) {
        return DOFS + 6 * nd;
    }

    static int u(int nd) {
        return DOFS + 12 * nd;
    }

    static int dinv(int nd) {
        return DOFS + 18 * nd;
    }

    static int uu(int nd) {
        return DOFS + 18 * nd + nd * nd;
    }

    static int damping(int nd) {
        return DOFS + 19 * nd + nd * nd;
    }

    static int stiffness(int nd) {
        return DOFS + 20 * nd + nd * nd;
    }

    static int rest(int nd) {
        return DOFS + 21 * nd + nd * nd;
    }

    /** Record size in doubles for a body whose parent joint has {@code nd} dofs, rounded up to 32 bytes. */
    static int size(int nd) {
        int raw = DOFS + 22 * nd + nd * nd;
        return (raw + ALIGN_DOUBLES - 1) / ALIGN_DOUBLES * ALIGN_DOUBLES;
    }
}
