package rlx.envs.games;

import java.util.Arrays;

/**
 * Free-style Gomoku on an {@code n x n} board (15 x 15 by default): players alternately place a stone on any empty
 * point, and five <em>or more</em> stones in an unbroken row, column or diagonal win; a full board without one is a
 * draw. The first player ({@code x}, black) moves first.
 *
 * <p>Actions {@code 0 .. n*n - 1} are the points in row-major order, top row first, as in the observation planes and
 * {@link GameState#toString()}. A move is written as a column letter ({@code a} on the left) and a row number
 * ({@code 1} at the bottom), e.g. {@code h8} for the centre of the 15 x 15 board; a position is its moves separated by
 * spaces, e.g. {@code "h8 i9 g7"}.
 *
 * <p>Each colour's stones are a bitboard of {@code ceil(n*n / 64)} longs; a move copies them once and looks for the
 * five only through the stone just placed.
 */
public final class Gomoku implements Game {

    public static final int DEFAULT_SIZE = 15;
    public static final int MIN_SIZE = 5;
    /** Columns are the letters a-z. */
    public static final int MAX_SIZE = 26;
    /** The row, column, diagonal and anti-diagonal steps as (row, column) pairs. */
    private static final int[][] DIRECTIONS = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};

    private final int size;
    private final int cells;
    private final int words;
    private final long[] zobrist;
    private final int[][] symmetries;
    private final State initial;

    /** The standard 15 x 15 board. */
    public Gomoku() {
        this(DEFAULT_SIZE);
    }

    /** An {@code size x size} board, {@value #MIN_SIZE} to {@value #MAX_SIZE}. */
    public Gomoku(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "gomoku board size " + size + " out of range " + MIN_SIZE + "-" + MAX_SIZE);
        }
        this.size = size;
        this.cells = size * size;
        this.words = (cells + 63) >>> 6;
        this.zobrist = Games.zobristKeys(2 * cells, 0x60E0C0L + size);
        this.symmetries = new int[NUM_SYMMETRIES][];
        for (int k = 0; k < NUM_SYMMETRIES; k++) {
            symmetries[k] = Games.squareSymmetry(size, k);
        }
        this.initial = new State(this, null, -1, new long[2 * words], 0, 0L, -1);
    }

    public int size() {
        return size;
    }

    @Override
    public String name() {
        return "gomoku";
    }

    @Override
    public int numPlayers() {
        return 2;
    }

    @Override
    public int numDistinctActions() {
        return cells;
    }

    @Override
    public int maxGameLength() {
        return cells;
    }

    @Override
    public State newInitialState() {
        return initial;
    }

    /** The 8 rotations and reflections of the board. */
    @Override
    public java.util.List<BoardSymmetry> symmetries() {
        return BoardSymmetry.square(size, cells);
    }

    @Override
    public int[] observationShape() {
        return new int[] {2, size, size};
    }

    /** The action of a point such as {@code h8} (case-insensitive). */
    public int parseMove(String move) {
        int action = pointOrMinusOne(move);
        if (action < 0) {
            throw new IllegalArgumentException("not a gomoku move: \"" + move + "\" (" + pointsDescription() + ")");
        }
        return action;
    }

    /** A point in the notation {@link #parseMove} reads, e.g. {@code h8}. */
    public String moveToString(int action) {
        if (action < 0 || action >= cells) {
            throw new IllegalArgumentException("gomoku action " + action + " out of range 0-" + (cells - 1));
        }
        return (char) ('a' + action % size) + Integer.toString(size - action / size);
    }

    private String pointsDescription() {
        return "columns a-" + (char) ('a' + size - 1) + ", rows 1-" + size + " on the " + size + "x" + size + " board";
    }

    private int pointOrMinusOne(String move) {
        if (move == null || move.length() < 2 || move.length() > 3) {
            return -1;
        }
        int col = Character.toLowerCase(move.charAt(0)) - 'a';
        if (col < 0 || col >= size) {
            return -1;
        }
        int row = 0;
        for (int i = 1; i < move.length(); i++) {
            char ch = move.charAt(i);
            if (ch < '0' || ch > '9' || (i == 1 && ch == '0')) {
                return -1;
            }
            row = 10 * row + ch - '0';
        }
        if (row < 1 || row > size) {
            return -1;
        }
        return (size - row) * size + col;
    }

    @Override
    public State parse(String position) {
        String where = "gomoku position \"" + position + "\": ";
        String trimmed = position.strip();
        State s = initial;
        if (trimmed.isEmpty()) {
            return s;
        }
        String[] moves = trimmed.split("\\s+");
        for (int i = 0; i < moves.length; i++) {
            int action = pointOrMinusOne(moves[i]);
            if (action < 0) {
                throw new IllegalArgumentException(where + "move " + (i + 1) + " \"" + moves[i]
                        + "\" is not a point (" + pointsDescription() + ")");
            }
            if (s.isTerminal()) {
                throw new IllegalArgumentException(where + "game is already over before move " + (i + 1)
                        + (s.winner >= 0 ? " (player " + s.winner + " won)" : " (board full)"));
            }
            if (s.occupied(action)) {
                throw new IllegalArgumentException(
                        where + "point " + moveToString(action) + " is already taken at move " + (i + 1));
            }
            s = s.play(action);
        }
        return s;
    }

    /** Number of board symmetries: 4 rotations, each with and without a left-right reflection. */
    public static final int NUM_SYMMETRIES = 8;

    /**
     * Symmetry {@code k} as a permutation of points/actions, in {@link TicTacToe#actionPermutation}'s convention: 0-3
     * rotate by k quarter turns clockwise, 4-7 first mirror left-right, then rotate by k - 4.
     */
    public int[] actionPermutation(int k) {
        if (k < 0 || k >= NUM_SYMMETRIES) {
            throw new IllegalArgumentException("symmetry " + k + " out of range 0-7");
        }
        return symmetries[k].clone();
    }

    /** An immutable Gomoku position; it keeps its parent, which gives the history without copying it. */
    public static final class State implements GameState {

        private final Gomoku game;
        private final State parent;
        private final int lastAction;
        /** Words {@code 0 .. words-1} the first player's stones, then the second player's; bit {@code a} = point a. */
        private final long[] bits;
        private final int moves;
        private final long hash;
        private final int winner;

        private State(Gomoku game, State parent, int lastAction, long[] bits, int moves, long hash, int winner) {
            this.game = game;
            this.parent = parent;
            this.lastAction = lastAction;
            this.bits = bits;
            this.moves = moves;
            this.hash = hash;
            this.winner = winner;
        }

        boolean occupied(int p) {
            int w = p >>> 6;
            return ((bits[w] | bits[w + game.words]) & (1L << p)) != 0;
        }

        private boolean has(long[] b, int base, int r, int c) {
            int n = game.size;
            if (r < 0 || r >= n || c < 0 || c >= n) {
                return false;
            }
            int p = r * n + c;
            return (b[base + (p >>> 6)] & (1L << p)) != 0;
        }

        private State play(int p) {
            int mover = moves & 1;
            long[] b = bits.clone();
            int base = mover * game.words;
            b[base + (p >>> 6)] |= 1L << p;
            int n = game.size;
            int r = p / n;
            int c = p % n;
            int w = -1;
            for (int[] d : DIRECTIONS) {
                int run = 1;
                for (int k = 1; has(b, base, r + k * d[0], c + k * d[1]); k++) {
                    run++;
                }
                for (int k = 1; has(b, base, r - k * d[0], c - k * d[1]); k++) {
                    run++;
                }
                if (run >= 5) {
                    w = mover;
                    break;
                }
            }
            return new State(game, this, p, b, moves + 1, hash ^ game.zobrist[mover * game.cells + p], w);
        }

        @Override
        public int currentPlayer() {
            return isTerminal() ? TERMINAL_PLAYER : moves & 1;
        }

        @Override
        public int[] legalActions() {
            int[] out = new int[numLegalActions()];
            legalActions(out);
            return out;
        }

        @Override
        public int legalActions(int[] out) {
            if (isTerminal()) {
                return 0;
            }
            int n = 0;
            int words = game.words;
            for (int w = 0; w < words; w++) {
                long free = ~(bits[w] | bits[w + words]);
                if (w == words - 1 && (game.cells & 63) != 0) {
                    free &= (1L << (game.cells & 63)) - 1;
                }
                while (free != 0) {
                    out[n++] = (w << 6) + Long.numberOfTrailingZeros(free);
                    free &= free - 1;
                }
            }
            return n;
        }

        @Override
        public int numLegalActions() {
            return isTerminal() ? 0 : game.cells - moves;
        }

        /** The legal actions as a mask on boards of at most 8 x 8; larger boards throw, see {@link GameState}. */
        @Override
        public long legalActionMask() {
            return Games.maskOf(this, game);
        }

        @Override
        public boolean isLegal(int action) {
            return action >= 0 && action < game.cells && !isTerminal() && !occupied(action);
        }

        @Override
        public State child(int action) {
            if (action < 0 || action >= game.cells) {
                throw Games.illegalMove(action, null, "out of range 0-" + (game.cells - 1), this);
            }
            String move = game.moveToString(action);
            if (isTerminal()) {
                throw Games.illegalMove(action, move, "the game is over", this);
            }
            if (occupied(action)) {
                throw Games.illegalMove(action, move, "point " + move + " is taken", this);
            }
            return play(action);
        }

        @Override
        public boolean isTerminal() {
            return winner >= 0 || moves == game.cells;
        }

        @Override
        public double[] returns() {
            return Games.returns(winner);
        }

        @Override
        public int winner() {
            return winner;
        }

        /** The stone on point {@code action}: 0 or 1 for the player's, -1 if empty. */
        public int stoneAt(int action) {
            int w = action >>> 6;
            long bit = 1L << action;
            return (bits[w] & bit) != 0 ? 0 : (bits[w + game.words] & bit) != 0 ? 1 : -1;
        }

        @Override
        public void observationTensor(float[] out, int offset) {
            int own = (moves & 1) * game.words;
            int opp = game.words - own;
            int cells = game.cells;
            for (int p = 0; p < cells; p++) {
                long bit = 1L << p;
                int w = p >>> 6;
                out[offset + p] = (bits[own + w] & bit) != 0 ? 1f : 0f;
                out[offset + cells + p] = (bits[opp + w] & bit) != 0 ? 1f : 0f;
            }
        }

        @Override
        public String actionToString(int action) {
            return game.moveToString(action);
        }

        @Override
        public int moveCount() {
            return moves;
        }

        /** The actions played so far, first move first. */
        public int[] actions() {
            int[] out = new int[moves];
            State s = this;
            for (int i = moves - 1; i >= 0; i--) {
                out[i] = s.lastAction;
                s = s.parent;
            }
            return out;
        }

        @Override
        public String history() {
            StringBuilder sb = new StringBuilder(4 * moves);
            for (int a : actions()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(game.moveToString(a));
            }
            return sb.toString();
        }

        @Override
        public long hash() {
            return hash;
        }

        /** This position under symmetry {@code k} (see {@link Gomoku#actionPermutation}), history mapped too. */
        public State transform(int k) {
            int[] perm = game.actionPermutation(k);
            State s = game.initial;
            for (int a : actions()) {
                s = s.play(perm[a]);
            }
            return s;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof State s && s.game.size == game.size && s.hash == hash
                    && Arrays.equals(s.bits, bits);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hash);
        }

        @Override
        public String toString() {
            int n = game.size;
            StringBuilder sb = new StringBuilder(n * (n + 1));
            for (int p = 0; p < game.cells; p++) {
                int stone = stoneAt(p);
                sb.append(stone == 0 ? 'x' : stone == 1 ? 'o' : '.');
                if (p % n == n - 1) {
                    sb.append('\n');
                }
            }
            return sb.toString();
        }
    }
}
