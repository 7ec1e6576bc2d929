package rlx.envs.games;

/**
 * Tic-tac-toe on a 3x3 board. Actions 0-8 are the cells in row-major order (0 top left, 8 bottom right); the
 * notation is the digits of the cells played, first player ({@code x}) first, e.g. {@code "408"}.
 */
public final class TicTacToe implements Game {

    public static final int CELLS = 9;
    private static final int FULL = (1 << CELLS) - 1;
    private static final int[] LINES = {
        0b000000111, 0b000111000, 0b111000000, // rows
        0b001001001, 0b010010010, 0b100100100, // columns
        0b100010001, 0b001010100 // diagonals
    };
    private static final int[][] SYMMETRIES = buildSymmetries();
    private static final State INITIAL = new State(0, 0, 0, 0, -1);

    @Override
    public String name() {
        return "tic_tac_toe";
    }

    @Override
    public int numPlayers() {
        return 2;
    }

    @Override
    public int numDistinctActions() {
        return CELLS;
    }

    @Override
    public int maxGameLength() {
        return CELLS;
    }

    @Override
    public State newInitialState() {
        return INITIAL;
    }

    /** The 8 rotations and reflections of the board. */
    @Override
    public java.util.List<BoardSymmetry> symmetries() {
        return BoardSymmetry.square(3, CELLS);
    }

    @Override
    public int[] observationShape() {
        return new int[] {2, 3, 3};
    }

    @Override
    public State parse(String position) {
        State s = INITIAL;
        for (int i = 0; i < position.length(); i++) {
            char ch = position.charAt(i);
            String where = "tic-tac-toe position \"" + position + "\": ";
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException(
                        where + "character '" + ch + "' at index " + i + " is not a cell digit 0-8");
            }
            int cell = ch - '0';
            if (cell >= CELLS) {
                throw new IllegalArgumentException(where + "cell " + cell + " out of range 0-8 at move " + (i + 1));
            }
            if (s.isTerminal()) {
                throw new IllegalArgumentException(where + "game is already over before move " + (i + 1)
                        + (s.winner >= 0 ? " (player " + s.winner + " won)" : " (board full)"));
            }
            if (((s.x | s.o) & (1 << cell)) != 0) {
                throw new IllegalArgumentException(where + "cell " + cell + " is already taken at move " + (i + 1));
            }
            s = s.play(cell);
        }
        return s;
    }

    /** Number of board symmetries: 4 rotations, each with and without a left-right reflection. */
    public static final int NUM_SYMMETRIES = 8;

    /**
     * Symmetry {@code k} (0 = identity) as a permutation of cells/actions: cell {@code a} maps to {@code perm[a]}.
     * Symmetries 0-3 rotate by k quarter turns clockwise; 4-7 first mirror left-right, then rotate by k - 4.
     */
    public static int[] actionPermutation(int k) {
        return SYMMETRIES[k].clone();
    }

    private static int[][] buildSymmetries() {
        int[][] out = new int[NUM_SYMMETRIES][CELLS];
        for (int k = 0; k < NUM_SYMMETRIES; k++) {
            for (int cell = 0; cell < CELLS; cell++) {
                int r = cell / 3;
                int c = cell % 3;
                if (k >= 4) {
                    c = 2 - c;
                }
                for (int t = 0; t < k % 4; t++) {
                    int nr = c;
                    c = 2 - r;
                    r = nr;
                }
                out[k][cell] = r * 3 + c;
            }
        }
        return out;
    }

    private static boolean hasLine(int stones) {
        for (int line : LINES) {
            if ((stones & line) == line) {
                return true;
            }
        }
        return false;
    }

    /** An immutable tic-tac-toe position. */
    public static final class State implements GameState {

        private final int x;
        private final int o;
        private final int moves;
        /** 4 bits per move holding the cell + 1. */
        private final long hist;
        private final int winner;

        private State(int x, int o, int moves, long hist, int winner) {
            this.x = x;
            this.o = o;
            this.moves = moves;
            this.hist = hist;
            this.winner = winner;
        }

        private State play(int cell) {
            long h = hist | ((long) (cell + 1) << (4 * moves));
            if ((moves & 1) == 0) {
                int nx = x | (1 << cell);
                return new State(nx, o, moves + 1, h, hasLine(nx) ? 0 : -1);
            }
            int no = o | (1 << cell);
            return new State(x, no, moves + 1, h, hasLine(no) ? 1 : -1);
        }

        @Override
        public int currentPlayer() {
            return isTerminal() ? TERMINAL_PLAYER : moves & 1;
        }

        @Override
        public int[] legalActions() {
            return Games.actions(legalActionMask());
        }

        @Override
        public long legalActionMask() {
            return isTerminal() ? 0 : ~(x | o) & FULL;
        }

        @Override
        public State child(int action) {
            if (action < 0 || action >= CELLS) {
                throw Games.illegal(action, "out of range 0-8", this);
            }
            if (isTerminal()) {
                throw Games.illegal(action, "the game is over", this);
            }
            if (((x | o) & (1 << action)) != 0) {
                throw Games.illegal(action, "cell " + action + " is taken", this);
            }
            return play(action);
        }

        @Override
        public boolean isTerminal() {
            return winner >= 0 || moves == CELLS;
        }

        @Override
        public double[] returns() {
            return Games.returns(winner);
        }

        @Override
        public int winner() {
            return winner;
        }

        @Override
        public void observationTensor(float[] out, int offset) {
            int own = (moves & 1) == 0 ? x : o;
            int opp = (moves & 1) == 0 ? o : x;
            for (int cell = 0; cell < CELLS; cell++) {
                out[offset + cell] = (own >>> cell & 1) != 0 ? 1f : 0f;
                out[offset + CELLS + cell] = (opp >>> cell & 1) != 0 ? 1f : 0f;
            }
        }

        @Override
        public String actionToString(int action) {
            return Integer.toString(action);
        }

        @Override
        public int moveCount() {
            return moves;
        }

        @Override
        public String history() {
            StringBuilder sb = new StringBuilder(moves);
            for (int i = 0; i < moves; i++) {
                sb.append((char) ('0' + ((hist >>> (4 * i)) & 15) - 1));
            }
            return sb.toString();
        }

        @Override
        public long hash() {
            return Games.mix(x | (long) o << CELLS);
        }

        /** This position under symmetry {@code k} (see {@link TicTacToe#actionPermutation}), history mapped too. */
        public State transform(int k) {
            int[] perm = SYMMETRIES[k];
            State s = INITIAL;
            for (int i = 0; i < moves; i++) {
                s = s.play(perm[(int) ((hist >>> (4 * i)) & 15) - 1]);
            }
            return s;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof State s && s.x == x && s.o == o;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hash());
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(12);
            for (int cell = 0; cell < CELLS; cell++) {
                sb.append((x >>> cell & 1) != 0 ? 'x' : (o >>> cell & 1) != 0 ? 'o' : '.');
                if (cell % 3 == 2) {
                    sb.append('\n');
                }
            }
            return sb.toString();
        }
    }
}
