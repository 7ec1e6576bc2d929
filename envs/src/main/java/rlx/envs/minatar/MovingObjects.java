package rlx.envs.minatar;

import java.util.Arrays;

/**
 * An ordered list of objects moving along a row (Seaquest's fish, subs, divers and bullets), stored as parallel
 * arrays so stepping allocates nothing. Order matters: the reference scans its Python lists in order and removes the
 * first match, and this list keeps the same order.
 */
final class MovingObjects {

    int size;
    int[] x = new int[16];
    int[] y = new int[16];
    boolean[] right = new boolean[16];
    int[] moveTimer = new int[16];
    int[] shotTimer = new int[16];

    void clear() {
        size = 0;
    }

    void add(int newX, int newY, boolean movesRight, int move, int shot) {
        if (size == x.length) {
            // rare: grows once per new high-water mark, never in a steady state
            int n = size * 2;
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            right = Arrays.copyOf(right, n);
            moveTimer = Arrays.copyOf(moveTimer, n);
            shotTimer = Arrays.copyOf(shotTimer, n);
        }
        x[size] = newX;
        y[size] = newY;
        right[size] = movesRight;
        moveTimer[size] = move;
        shotTimer[size] = shot;
        size++;
    }

    /** Removes object {@code i}, keeping the order of the rest. */
    void remove(int i) {
        int tail = size - i - 1;
        System.arraycopy(x, i + 1, x, i, tail);
        System.arraycopy(y, i + 1, y, i, tail);
        System.arraycopy(right, i + 1, right, i, tail);
        System.arraycopy(moveTimer, i + 1, moveTimer, i, tail);
        System.arraycopy(shotTimer, i + 1, shotTimer, i, tail);
        size--;
    }

    /** Index of the first object in cell (col, row), or -1. */
    int find(int col, int row) {
        for (int i = 0; i < size; i++) {
            if (x[i] == col && y[i] == row) {
                return i;
            }
        }
        return -1;
    }

    /** Moves object {@code i} one cell along its direction. */
    void step(int i) {
        x[i] += right[i] ? 1 : -1;
    }

    boolean outside(int i) {
        return x[i] < 0 || x[i] > 9;
    }
}
