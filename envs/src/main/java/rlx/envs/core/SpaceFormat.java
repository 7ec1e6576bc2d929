package rlx.envs.core;

import java.util.Arrays;

/** {@link Space#format} for any value: arrays of every element type are printed element-wise. */
final class SpaceFormat {

    private SpaceFormat() {
    }

    static String format(Object x) {
        // deepToString renders primitive and nested arrays element-wise; strip the wrapping array's brackets
        String wrapped = Arrays.deepToString(new Object[] {x});
        return wrapped.substring(1, wrapped.length() - 1);
    }
}
