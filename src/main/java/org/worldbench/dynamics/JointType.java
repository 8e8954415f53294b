package org.worldbench.dynamics;

/** The joints a body can hang from, with DART's coordinate conventions (golden README §4.2). */
public enum JointType {
    /** 0 dofs: the child is rigidly attached. */
    WELD(0),
    /** 1 dof: rotation q (rad) about a unit axis of the joint frame. */
    REVOLUTE(1),
    /** 1 dof: translation q (m) along a unit axis of the joint frame. */
    PRISMATIC(1),
    /**
     * 3 dofs: q is a rotation vector (axis·angle, rad); dq is the angular velocity of the child
     * relative to the parent, in the joint frame (not dq/dt of q).
     */
    BALL(3),
    /**
     * 6 dofs: q = [rotation vector (rad); translation in the parent's joint frame (m)]; dq is the
     * child's body twist [ω; v] relative to the parent, in child coordinates.
     */
    FREE(6);

    /** Codes used in the skeleton's flat topology arrays (the hot loops switch on ints). */
    static final int WELD_CODE = 0;
    static final int REVOLUTE_CODE = 1;
    static final int PRISMATIC_CODE = 2;
    static final int BALL_CODE = 3;
    static final int FREE_CODE = 4;

    private final int dofs;

    JointType(int dofs) {
        this.dofs = dofs;
    }

    public int dofs() {
        return dofs;
    }

    int code() {
        return ordinal();
    }
}
