package rlx.envs.games;

import java.util.ArrayList;
import java.util.List;

/**
 * A symmetry of a game's rules (a rotation or reflection of the board), as a permutation of the cells of each
 * observation plane and of the actions: the transformed position plays exactly as the original does, with every
 * action mapped, so one self-play position yields several training positions.
 *
 * @param cells cell {@code i} of every observation plane moves to {@code cells[i]} (row-major)
 * @param actions action {@code a} becomes {@code actions[a]}
 */
public record BoardSymmetry(int[] cells, int[] actions) {

    public BoardSymmetry {
        cells = cells.clone();
        actions = actions.clone();
        checkPermutation(cells, "cells");
        checkPermutation(actions, "actions");
    }

    /** The identity on a board of {@code cells} cells with {@code actions} actions. */
    public static BoardSymmetry identity(int cells, int actions) {
        return new BoardSymmetry(range(cells), range(actions));
    }

    /**
     * The 8 symmetries of an {@code n x n} board whose first {@code n * n} actions are its cells and any further
     * actions (a pass) map to themselves.
     */
    static List<BoardSymmetry> square(int n, int numActions) {
        List<BoardSymmetry> out = new ArrayList<>(8);
        for (int k = 0; k < 8; k++) {
            int[] cells = Games.squareSymmetry(n, k);
            int[] actions = range(numActions);
            System.arraycopy(cells, 0, actions, 0, cells.length);
            out.add(new BoardSymmetry(cells, actions));
        }
        return List.copyOf(out);
    }

    /** Writes the transformed observation ({@code planes} planes of {@code cells().length} cells) into {@code out}. */
    public void applyToObservation(float[] in, float[] out, int planes) {
        int n = cells.length;
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < n; i++) {
                out[p * n + cells[i]] = in[p * n + i];
            }
        }
    }

    /** Writes the transformed distribution over actions into {@code out}. */
    public void applyToPolicy(float[] in, float[] out) {
        for (int a = 0; a < actions.length; a++) {
            out[actions[a]] = in[a];
        }
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static void checkPermutation(int[] perm, String what) {
        boolean[] seen = new boolean[perm.length];
        for (int v : perm) {
            if (v < 0 || v >= perm.length || seen[v]) {
                throw new IllegalArgumentException(what + " is not a permutation of 0.." + (perm.length - 1));
            }
            seen[v] = true;
        }
    }
}
