package rlx.envs.games;

/**
 * Connect Four on a 7-column, 6-row board, stored as two 64-bit bitboards in the layout of Pascal Pons' solver:
 * bit {@code 7 * col + row} (row 0 at the bottom) with a seventh, always-empty sentinel bit on top of each column so
 * that shifting by 1 (vertical), 7 (horizontal), 6 and 8 (diagonals) never wraps a line from one column into the
 * next. Actions 0-6 are columns 1-7; the notation is the column digits 1-7, first player first (e.g. {@code "4453"}).
 */
public final class ConnectFour implements Game {

    public static final int COLUMNS = 7;
    public static final int ROWS = 6;
    private static final int H1 = ROWS + 1;
    private static final int CELLS = COLUMNS * ROWS;
    private static final long BOTTOM;
    private static final long TOP;

    static {
        long bottom = 0;
        long top = 0;
        for (int c = 0; c < COLUMNS; c++) {
            bottom |= 1L << (H1 * c);
            top |= 1L << (H1 * c + ROWS - 1);
        }
        BOTTOM = bottom;
        TOP = top;
    }

    private static final State INITIAL = new State(0, 0, 0, 0, 0, -1);

    @Override
    public String name() {
        return "connect_four";
    }

    @Override
    public int numPlayers() {
        return 2;
    }

    @Override
    public int numDistinctActions() {
        return COLUMNS;
    }

    @Override
    public int maxGameLength() {
        return CELLS;
    }

    @Override
    public State newInitialState() {
        return INITIAL;
    }

    /** The identity and the left-right mirror; gravity rules out the rest. */
    @Override
    public java.util.List<BoardSymmetry> symmetries() {
        int[] cells = new int[CELLS];
        int[] actions = new int[COLUMNS];
        for (int cell = 0; cell < CELLS; cell++) {
            cells[cell] = (cell / COLUMNS) * COLUMNS + mirrorAction(cell % COLUMNS);
        }
        for (int a = 0; a < COLUMNS; a++) {
            actions[a] = mirrorAction(a);
        }
        return java.util.List.of(BoardSymmetry.identity(CELLS, COLUMNS), new BoardSymmetry(cells, actions));
    }

    @Override
    public int[] observationShape() {
        return new int[] {2, ROWS, COLUMNS};
    }

    @Override
    public State parse(String position) {
        State s = INITIAL;
        for (int i = 0; i < position.length(); i++) {
            char ch = position.charAt(i);
            String where = "Connect Four position \"" + position + "\": ";
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException(
                        where + "character '" + ch + "' at index " + i + " is not a column digit 1-7");
            }
            int col = ch - '0';
            if (col < 1 || col > COLUMNS) {
                throw new IllegalArgumentException(where + "column " + col + " out of range 1-7 at move " + (i + 1));
            }
            if (s.isTerminal()) {
                throw new IllegalArgumentException(where + "game is already over before move " + (i + 1)
                        + (s.winner >= 0 ? " (player " + s.winner + " won)" : " (board full)"));
            }
            if (!s.canPlay(col - 1)) {
                throw new IllegalArgumentException(where + "column " + col + " is full at move " + (i + 1));
            }
            s = s.play(col - 1);
        }
        return s;
    }

    /** The action in the left-right mirrored position: column {@code c} becomes {@code 6 - c}. */
    public static int mirrorAction(int action) {
        return COLUMNS - 1 - action;
    }

    /** Whether {@code stones} hold four in a row in any direction. Allocation-free. */
    static boolean hasFour(long stones) {
        long m = stones & (stones >>> H1);
        if ((m & (m >>> (2 * H1))) != 0) {
            return true;
        }
        m = stones & (stones >>> (H1 - 1));
        if ((m & (m >>> (2 * (H1 - 1)))) != 0) {
            return true;
        }
        m = stones & (stones >>> (H1 + 1));
        if ((m & (m >>> (2 * (H1 + 1)))) != 0) {
            return true;
        }
        m = stones & (stones >>> 1);
        return (m & (m >>> 2)) != 0;
    }

    static long mirrorBits(long b) {
        long out = 0;
        for (int c = 0; c < COLUMNS; c++) {
            out |= ((b >>> (H1 * c)) & 0x7FL) << (H1 * (COLUMNS - 1 - c));
        }
        return out;
    }

    /** An immutable Connect Four position. */
    public static final class State implements GameState {

        /** Stones of the side to move (for a terminal state: of the player who would move next). */
        private final long current;
        /** All stones. */
        private final long mask;
        private final int moves;
        /** Moves 1-21 and 22-42, 3 bits each holding the column 1-7, so the history costs no allocation. */
        private final long hist0;
        private final long hist1;
        private final int winner;

        private State(long current, long mask, int moves, long hist0, long hist1, int winner) {
            this.current = current;
            this.mask = mask;
            this.moves = moves;
            this.hist0 = hist0;
            this.hist1 = hist1;
            this.winner = winner;
        }

        boolean canPlay(int col) {
            return (mask & (1L << (H1 * col + ROWS - 1))) == 0;
        }

        private State play(int col) {
            long newMask = mask | (mask + (1L << (H1 * col)));
            long mover = current | (newMask ^ mask);
            int w = hasFour(mover) ? (moves & 1) : -1;
            long h0 = hist0;
            long h1 = hist1;
            if (moves < 21) {
                h0 |= (long) (col + 1) << (3 * moves);
            } else {
                h1 |= (long) (col + 1) << (3 * (moves - 21));
            }
            return new State(mover ^ newMask, newMask, moves + 1, h0, h1, w);
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
            if (isTerminal()) {
                return 0;
            }
            long legal = 0;
            long free = ~mask & TOP;
            for (int c = 0; c < COLUMNS; c++) {
                legal |= ((free >>> (H1 * c + ROWS - 1)) & 1L) << c;
            }
            return legal;
        }

        @Override
        public State child(int action) {
            if (action < 0 || action >= COLUMNS) {
                throw Games.illegal(action, "out of range 0-6 (columns 1-7)", this);
            }
            if (isTerminal()) {
                throw Games.illegal(action, "the game is over", this);
            }
            if (!canPlay(action)) {
                throw Games.illegal(action, "column " + (action + 1) + " is full", this);
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

        /** Stones of {@code player} (0 or 1) as a bitboard in the layout described on {@link ConnectFour}. */
        public long stones(int player) {
            return player == (moves & 1) ? current : current ^ mask;
        }

        @Override
        public void observationTensor(float[] out, int offset) {
            long own = current;
            long opp = current ^ mask;
            for (int r = 0; r < ROWS; r++) {
                int row = ROWS - 1 - r;
                for (int c = 0; c < COLUMNS; c++) {
                    long bit = 1L << (H1 * c + row);
                    int i = offset + r * COLUMNS + c;
                    out[i] = (own & bit) != 0 ? 1f : 0f;
                    out[i + CELLS] = (opp & bit) != 0 ? 1f : 0f;
                }
            }
        }

        @Override
        public String actionToString(int action) {
            return Integer.toString(action + 1);
        }

        @Override
        public int moveCount() {
            return moves;
        }

        @Override
        public String history() {
            StringBuilder sb = new StringBuilder(moves);
            for (int i = 0; i < moves; i++) {
                long h = i < 21 ? hist0 >>> (3 * i) : hist1 >>> (3 * (i - 21));
                sb.append((char) ('0' + (h & 7)));
            }
            return sb.toString();
        }

        @Override
        public long hash() {
            // current + mask is unique per position (Pons): it marks each column's top stone with a carry.
            return Games.mix(current + mask);
        }

        /** The left-right mirror image, with the mirrored history. */
        public State mirror() {
            long h0 = 0;
            long h1 = 0;
            for (int i = 0; i < moves; i++) {
                if (i < 21) {
                    long col = (hist0 >>> (3 * i)) & 7;
                    h0 |= (COLUMNS + 1 - col) << (3 * i);
                } else {
                    long col = (hist1 >>> (3 * (i - 21))) & 7;
                    h1 |= (COLUMNS + 1 - col) << (3 * (i - 21));
                }
            }
            return new State(mirrorBits(current), mirrorBits(mask), moves, h0, h1, winner);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.current == current && s.mask == mask;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hash());
        }

        @Override
        public String toString() {
            long x = stones(0);
            long o = stones(1);
            StringBuilder sb = new StringBuilder(ROWS * (COLUMNS + 1));
            for (int row = ROWS - 1; row >= 0; row--) {
                for (int c = 0; c < COLUMNS; c++) {
                    long bit = 1L << (H1 * c + row);
                    sb.append((x & bit) != 0 ? 'x' : (o & bit) != 0 ? 'o' : '.');
                }
                sb.append('\n');
            }
            return sb.toString();
        }
    }
}
