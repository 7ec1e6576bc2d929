package rlx.envs.games;

import java.util.Arrays;

/**
 * Go on an {@code n x n} board (9 x 9 by default, registered as {@code go9}) under area scoring: Chinese / Tromp-Taylor
 * counting (a player's stones plus the empty points that reach only that player's stones), komi 7.5 for white by
 * default. Captures as usual; suicide is illegal; positional superko: a stone play that recreates any earlier
 * whole-board position of the game is illegal. Passing is always legal, and two passes in a row end the game;
 * {@link State#resign()} ends it too. Black ({@code x}, player 0) moves first. Stones left on the board at the end
 * count as alive: there is no dead-stone removal, as in Tromp-Taylor.
 *
 * <p>Actions {@code 0 .. n*n - 1} are the points in row-major order, top row first, as in the observation planes and
 * {@link GameState#toString()}, and action {@code n*n} is the pass. Moves are written as GTP vertices: a column letter
 * {@code A-T} skipping {@code I} and a row number from {@code 1} at the bottom, so on 9 x 9 action 0 is {@code A9},
 * 80 is {@code J1} and 81 is {@code pass}; see {@link #gtpToAction} and {@link #actionToGtp}. A position is its moves
 * separated by spaces, e.g. {@code "E5 D4 pass"}, optionally ending in {@code resign}.
 *
 * <p>A game with no end in sight is stopped at {@link #maxGameLength()} moves and scored as it stands.
 *
 * <p>The board is a flat byte array; captures, liberties and territory are found by flood fills over per-thread
 * scratch arrays, so a move allocates only the new board and state. Each state keeps its parent, which gives the
 * history and, with each position's Zobrist hash and stone count, the superko check.
 */
public final class Go implements Game {

    public static final int DEFAULT_SIZE = 9;
    public static final double DEFAULT_KOMI = 7.5;
    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 25;
    /** GTP's column letters: no {@code I}. */
    private static final String COLUMNS = "ABCDEFGHJKLMNOPQRSTUVWXYZ";
    private static final byte EMPTY = 0;
    private static final byte BLACK = 1;
    private static final byte WHITE = 2;
    /** The last action of a state reached by resigning. */
    private static final int RESIGNED = -2;
    /** Number of board symmetries: 4 rotations, each with and without a left-right reflection. */
    public static final int NUM_SYMMETRIES = 8;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final int size;
    private final int cells;
    private final int pass;
    private final double komi;
    private final int maxGameLength;
    /** The up to four neighbours of point p at {@code 4p .. 4p+3}, -1 past the last. */
    private final int[] neighbours;
    /** Zobrist keys: black stones at {@code 0 .. cells-1}, white at {@code cells .. 2 cells-1}, then extras. */
    private final long[] zobrist;
    private final int[][] symmetries;
    private final State initial;

    /** 9 x 9, komi 7.5. */
    public Go() {
        this(DEFAULT_SIZE, DEFAULT_KOMI);
    }

    public Go(int size, double komi) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("go board size " + size + " out of range " + MIN_SIZE + "-" + MAX_SIZE);
        }
        if (!Double.isFinite(komi)) {
            throw new IllegalArgumentException("go komi " + komi + " is not finite");
        }
        this.size = size;
        this.cells = size * size;
        this.pass = cells;
        this.komi = komi;
        this.maxGameLength = 4 * cells;
        this.neighbours = new int[4 * cells];
        Arrays.fill(neighbours, -1);
        for (int p = 0; p < cells; p++) {
            int r = p / size;
            int c = p % size;
            int k = 4 * p;
            if (r > 0) {
                neighbours[k++] = p - size;
            }
            if (c > 0) {
                neighbours[k++] = p - 1;
            }
            if (c < size - 1) {
                neighbours[k++] = p + 1;
            }
            if (r < size - 1) {
                neighbours[k] = p + size;
            }
        }
        this.zobrist = Games.zobristKeys(2 * cells + 4, 0x60L + size);
        this.symmetries = new int[NUM_SYMMETRIES][];
        for (int k = 0; k < NUM_SYMMETRIES; k++) {
            symmetries[k] = Arrays.copyOf(Games.squareSymmetry(size, k), cells + 1);
            symmetries[k][pass] = pass;
        }
        this.initial = new State(this, null, -1, new byte[cells], 0, 0, 0, false, 0L, 0, 0);
    }

    public int size() {
        return size;
    }

    public double komi() {
        return komi;
    }

    /** The pass action, {@code size * size}. */
    public int passAction() {
        return pass;
    }

    @Override
    public String name() {
        return "go";
    }

    @Override
    public int numPlayers() {
        return 2;
    }

    @Override
    public int numDistinctActions() {
        return cells + 1;
    }

    /** {@code 4 * size * size} moves (324 on 9 x 9); a game that reaches it ends and is scored as it stands. */
    @Override
    public int maxGameLength() {
        return maxGameLength;
    }

    @Override
    public State newInitialState() {
        return initial;
    }

    /** Plane 0 the side to move's stones, plane 1 the opponent's, plane 2 all ones when black is to move. */
    /** The 8 rotations and reflections of the board; the pass maps to itself. */
    @Override
    public java.util.List<BoardSymmetry> symmetries() {
        return BoardSymmetry.square(size, cells + 1);
    }

    @Override
    public int[] observationShape() {
        return new int[] {3, size, size};
    }

    private int vertexOrMinusOne(String vertex) {
        if (vertex == null) {
            return -1;
        }
        if (vertex.equalsIgnoreCase("pass")) {
            return pass;
        }
        if (vertex.length() < 2 || vertex.length() > 3) {
            return -1;
        }
        int col = COLUMNS.indexOf(Character.toUpperCase(vertex.charAt(0)));
        if (col < 0 || col >= size) {
            return -1;
        }
        int row = 0;
        for (int i = 1; i < vertex.length(); i++) {
            char ch = vertex.charAt(i);
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

    private String verticesDescription() {
        return "a GTP vertex A1-" + COLUMNS.charAt(size - 1) + size + " (no column I) or pass";
    }

    /** The action of a GTP vertex such as {@code D4} or {@code pass}, case-insensitive. */
    public int gtpToAction(String vertex) {
        int action = vertexOrMinusOne(vertex);
        if (action < 0) {
            throw new IllegalArgumentException(
                    "not a " + size + "x" + size + " go move: \"" + vertex + "\" (" + verticesDescription() + ")");
        }
        return action;
    }

    /** The GTP vertex of an action: {@code D4}, or {@code pass}. */
    public String actionToGtp(int action) {
        if (action == pass) {
            return "pass";
        }
        if (action < 0 || action > pass) {
            throw new IllegalArgumentException("go action " + action + " out of range 0-" + pass);
        }
        return COLUMNS.charAt(action % size) + Integer.toString(size - action / size);
    }

    @Override
    public State parse(String position) {
        String where = "go position \"" + position + "\": ";
        String trimmed = position.strip();
        State s = initial;
        if (trimmed.isEmpty()) {
            return s;
        }
        String[] moves = trimmed.split("\\s+");
        for (int i = 0; i < moves.length; i++) {
            if (s.isTerminal()) {
                throw new IllegalArgumentException(where + "game is already over before move " + (i + 1)
                        + " \"" + moves[i] + "\"");
            }
            if (moves[i].equalsIgnoreCase("resign")) {
                s = s.resign();
                continue;
            }
            int action = vertexOrMinusOne(moves[i]);
            if (action < 0) {
                throw new IllegalArgumentException(where + "move " + (i + 1) + " \"" + moves[i] + "\" is not "
                        + verticesDescription() + " or resign");
            }
            int code = s.legality(action);
            if (code != LEGAL) {
                throw new IllegalArgumentException(
                        where + "move " + (i + 1) + " \"" + moves[i] + "\" is illegal: " + s.why(action, code));
            }
            s = s.play(action);
        }
        return s;
    }

    /**
     * Symmetry {@code k} as a permutation of the actions (the pass maps to itself), in
     * {@link TicTacToe#actionPermutation}'s convention: 0-3 rotate by k quarter turns clockwise, 4-7 first mirror
     * left-right, then rotate by k - 4.
     */
    public int[] actionPermutation(int k) {
        if (k < 0 || k >= NUM_SYMMETRIES) {
            throw new IllegalArgumentException("symmetry " + k + " out of range 0-7");
        }
        return symmetries[k].clone();
    }

    private long key(byte colour, int p) {
        return zobrist[(colour - 1) * cells + p];
    }

    private static final int LEGAL = 0;
    private static final int OUT_OF_RANGE = 1;
    private static final int GAME_OVER = 2;
    private static final int OCCUPIED = 3;
    private static final int SUICIDE = 4;
    private static final int SUPERKO = 5;

    /** Per-thread work arrays for the flood fills; sized for the largest board. */
    private static final class Scratch {
        static final int N = MAX_SIZE * MAX_SIZE;
        /** Flood-fill queue; after a fill that found no other liberty it holds the whole group. */
        final int[] queue = new int[N];
        final int[] mark = new int[N];
        final int[] mark2 = new int[N];
        int stamp;
        final int[] captured = new int[N];
        long capturedKey;
        final int[] groupOf = new int[N];
        final int[] groupLiberties = new int[N];
        final int[] groupSize = new int[N];
        final long[] groupKey = new long[N];
        final long[] candidateHash = new long[N];
        final int[] candidateStones = new int[N];
        final int[] candidatePoint = new int[N];
        final boolean[] candidateBanned = new boolean[N];
        final int[] tableSlot = new int[4 * N];
        final int[] tableStamp = new int[4 * N];
        final int[] legal = new int[N + 1];

        /**
         * Starts an operation, which takes fewer than {@code 2 N} stamps: the marks are cleared before the stamp can
         * wrap, never in the middle of an operation.
         */
        Scratch begin() {
            if (stamp > Integer.MAX_VALUE - 4 * N) {
                Arrays.fill(mark, 0);
                Arrays.fill(mark2, 0);
                Arrays.fill(tableStamp, 0);
                stamp = 0;
            }
            return this;
        }

        /** A stamp no mark array holds yet. */
        int fresh() {
            return ++stamp;
        }
    }

    /**
     * Flood-fills the group on {@code start}: 0 if it has a liberty other than {@code except}, else its size, with
     * its stones in {@code s.queue[0 .. size)}.
     */
    private int groupWithoutOtherLiberty(byte[] b, int start, int except, Scratch s) {
        byte colour = b[start];
        int stamp = s.fresh();
        int[] queue = s.queue;
        int[] mark = s.mark;
        queue[0] = start;
        mark[start] = stamp;
        int tail = 1;
        for (int head = 0; head < tail; head++) {
            int p = queue[head];
            for (int k = 4 * p, end = k + 4; k < end; k++) {
                int q = neighbours[k];
                if (q < 0) {
                    break;
                }
                byte v = b[q];
                if (v == EMPTY) {
                    if (q != except) {
                        return 0;
                    }
                } else if (v == colour && mark[q] != stamp) {
                    mark[q] = stamp;
                    queue[tail++] = q;
                }
            }
        }
        return tail;
    }

    /**
     * Stone play on the empty point {@code p} by {@code colour}: -1 if suicide, else the number of stones captured,
     * listed in {@code s.captured} with their Zobrist keys xor-ed in {@code s.capturedKey}.
     */
    private int analyse(byte[] b, int p, byte colour, Scratch s) {
        boolean safe = false;
        int captured = 0;
        long key = 0;
        int capturedStamp = s.fresh();
        for (int k = 4 * p, end = k + 4; k < end; k++) {
            int q = neighbours[k];
            if (q < 0) {
                break;
            }
            byte v = b[q];
            if (v == EMPTY) {
                safe = true;
            } else if (v == colour) {
                if (!safe && groupWithoutOtherLiberty(b, q, p, s) == 0) {
                    safe = true;
                }
            } else if (s.mark2[q] != capturedStamp) {
                int n = groupWithoutOtherLiberty(b, q, p, s);
                for (int i = 0; i < n; i++) {
                    int stone = s.queue[i];
                    s.mark2[stone] = capturedStamp;
                    s.captured[captured++] = stone;
                    key ^= key(v, stone);
                }
            }
        }
        s.capturedKey = key;
        return safe || captured > 0 ? captured : -1;
    }

    /** An immutable Go position; it keeps its parent, which gives the history and the earlier positions. */
    public static final class State implements GameState {

        private final Go game;
        private final State parent;
        private final int lastAction;
        private final byte[] board;
        /** 0 black, 1 white; for a terminal state, the player who would move next. */
        private final int toMove;
        private final int moves;
        /** Consecutive passes just played: 0, 1, or 2 at the end. */
        private final int passes;
        private final boolean resigned;
        /** Zobrist hash of the stones alone, the key of positional superko. */
        private final long boardHash;
        private final int stones;
        /** The most stones in this or any earlier position: no earlier position has more, which bounds the search. */
        private final int maxStones;

        private State(Go game, State parent, int lastAction, byte[] board, int toMove, int moves, int passes,
                boolean resigned, long boardHash, int stones, int maxStones) {
            this.game = game;
            this.parent = parent;
            this.lastAction = lastAction;
            this.board = board;
            this.toMove = toMove;
            this.moves = moves;
            this.passes = passes;
            this.resigned = resigned;
            this.boardHash = boardHash;
            this.stones = stones;
            this.maxStones = maxStones;
        }

        private byte colour() {
            return (byte) (toMove + 1);
        }

        /** Whether an earlier position (or this one) has exactly these stones. */
        private boolean repeats(long hash, int stoneCount) {
            for (State a = this; a != null && a.maxStones >= stoneCount; a = a.parent) {
                if (a.stones == stoneCount && a.boardHash == hash) {
                    return true;
                }
            }
            return false;
        }

        private int legality(int action) {
            if (action < 0 || action > game.pass) {
                return OUT_OF_RANGE;
            }
            if (isTerminal()) {
                return GAME_OVER;
            }
            if (action == game.pass) {
                return LEGAL;
            }
            if (board[action] != EMPTY) {
                return OCCUPIED;
            }
            Scratch s = SCRATCH.get().begin();
            byte colour = colour();
            int captured = game.analyse(board, action, colour, s);
            if (captured < 0) {
                return SUICIDE;
            }
            int count = stones + 1 - captured;
            return repeats(boardHash ^ game.key(colour, action) ^ s.capturedKey, count) ? SUPERKO : LEGAL;
        }

        private String why(int action, int code) {
            switch (code) {
                case OUT_OF_RANGE:
                    return "out of range 0-" + game.pass;
                case GAME_OVER:
                    return "the game is over";
                case OCCUPIED:
                    return "point " + game.actionToGtp(action) + " is occupied";
                case SUICIDE:
                    return game.actionToGtp(action) + " is suicide";
                default:
                    return game.actionToGtp(action) + " recreates an earlier position (positional superko)";
            }
        }

        private State play(int action) {
            int next = 1 - toMove;
            if (action == game.pass) {
                return new State(game, this, action, board, next, moves + 1, passes + 1, false, boardHash, stones,
                        maxStones);
            }
            Scratch s = SCRATCH.get().begin();
            byte colour = colour();
            int captured = game.analyse(board, action, colour, s);
            byte[] b = board.clone();
            b[action] = colour;
            for (int i = 0; i < captured; i++) {
                b[s.captured[i]] = EMPTY;
            }
            int count = stones + 1 - captured;
            long hash = boardHash ^ game.key(colour, action) ^ s.capturedKey;
            return new State(game, this, action, b, next, moves + 1, 0, false, hash, count,
                    Math.max(maxStones, count));
        }

        /** The state after the side to move resigns: terminal, the opponent wins. */
        public State resign() {
            if (isTerminal()) {
                throw new IllegalArgumentException("cannot resign: the game is over");
            }
            return new State(game, this, RESIGNED, board, 1 - toMove, moves + 1, 0, true, boardHash, stones,
                    maxStones);
        }

        @Override
        public int currentPlayer() {
            return isTerminal() ? TERMINAL_PLAYER : toMove;
        }

        @Override
        public int[] legalActions() {
            Scratch s = SCRATCH.get().begin();
            int n = legalActions(s.legal);
            return Arrays.copyOf(s.legal, n);
        }

        /**
         * All legal moves at once: groups and their liberties are labelled in one pass, each empty point is then
         * judged from its neighbours' groups, and the superko candidates are checked in one walk over the earlier
         * positions.
         */
        @Override
        public int legalActions(int[] out) {
            if (isTerminal()) {
                return 0;
            }
            Scratch s = SCRATCH.get().begin();
            byte[] b = board;
            int cells = game.cells;
            int[] nb = game.neighbours;
            int[] groupOf = s.groupOf;
            int labelled = s.fresh();
            int groups = 0;
            for (int p = 0; p < cells; p++) {
                if (b[p] == EMPTY || s.mark2[p] == labelled) {
                    continue;
                }
                byte colour = b[p];
                int libStamp = s.fresh();
                int[] queue = s.queue;
                queue[0] = p;
                s.mark2[p] = labelled;
                int tail = 1;
                int liberties = 0;
                long key = 0;
                for (int head = 0; head < tail; head++) {
                    int x = queue[head];
                    groupOf[x] = groups;
                    key ^= game.key(colour, x);
                    for (int k = 4 * x, end = k + 4; k < end; k++) {
                        int q = nb[k];
                        if (q < 0) {
                            break;
                        }
                        byte v = b[q];
                        if (v == EMPTY) {
                            if (s.mark[q] != libStamp) {
                                s.mark[q] = libStamp;
                                liberties++;
                            }
                        } else if (v == colour && s.mark2[q] != labelled) {
                            s.mark2[q] = labelled;
                            queue[tail++] = q;
                        }
                    }
                }
                s.groupLiberties[groups] = liberties;
                s.groupSize[groups] = tail;
                s.groupKey[groups] = key;
                groups++;
            }
            byte colour = colour();
            int candidates = 0;
            int needCheck = 0;
            int minStones = Integer.MAX_VALUE;
            for (int p = 0; p < cells; p++) {
                if (b[p] != EMPTY) {
                    continue;
                }
                boolean safe = false;
                int captured = 0;
                long key = 0;
                int g0 = -1;
                int g1 = -1;
                int g2 = -1;
                for (int k = 4 * p, end = k + 4; k < end; k++) {
                    int q = nb[k];
                    if (q < 0) {
                        break;
                    }
                    byte v = b[q];
                    if (v == EMPTY) {
                        safe = true;
                        continue;
                    }
                    int g = groupOf[q];
                    if (g == g0 || g == g1 || g == g2) {
                        continue;
                    }
                    if (g0 < 0) {
                        g0 = g;
                    } else if (g1 < 0) {
                        g1 = g;
                    } else {
                        g2 = g;
                    }
                    if (v == colour) {
                        safe |= s.groupLiberties[g] > 1;
                    } else if (s.groupLiberties[g] == 1) {
                        captured += s.groupSize[g];
                        key ^= s.groupKey[g];
                    }
                }
                if (!safe && captured == 0) {
                    continue; // suicide
                }
                int count = stones + 1 - captured;
                s.candidatePoint[candidates] = p;
                s.candidateBanned[candidates] = false;
                if (count <= maxStones) {
                    s.candidateHash[candidates] = boardHash ^ game.key(colour, p) ^ key;
                    s.candidateStones[candidates] = count;
                    minStones = Math.min(minStones, count);
                    needCheck++;
                } else {
                    s.candidateStones[candidates] = -1;
                }
                candidates++;
            }
            if (needCheck > 0) {
                banRepeats(s, candidates, minStones);
            }
            int n = 0;
            for (int i = 0; i < candidates; i++) {
                if (!s.candidateBanned[i]) {
                    out[n++] = s.candidatePoint[i];
                }
            }
            out[n++] = game.pass;
            return n;
        }

        /** Marks the candidates whose position occurred before, in one walk over the earlier positions. */
        private void banRepeats(Scratch s, int candidates, int minStones) {
            int mask = Integer.highestOneBit(Math.max(1, 2 * candidates)) * 2 - 1;
            int stamp = s.fresh();
            for (int i = 0; i < candidates; i++) {
                if (s.candidateStones[i] < 0) {
                    continue;
                }
                int slot = (int) s.candidateHash[i] & mask;
                while (s.tableStamp[slot] == stamp) {
                    slot = (slot + 1) & mask;
                }
                s.tableStamp[slot] = stamp;
                s.tableSlot[slot] = i;
            }
            for (State a = this; a != null && a.maxStones >= minStones; a = a.parent) {
                for (int slot = (int) a.boardHash & mask; s.tableStamp[slot] == stamp; slot = (slot + 1) & mask) {
                    int i = s.tableSlot[slot];
                    if (s.candidateHash[i] == a.boardHash && s.candidateStones[i] == a.stones) {
                        s.candidateBanned[i] = true;
                    }
                }
            }
        }

        @Override
        public int numLegalActions() {
            return isTerminal() ? 0 : legalActions(SCRATCH.get().legal);
        }

        /** The legal actions as a mask on boards of at most 7 x 7; larger boards throw, see {@link GameState}. */
        @Override
        public long legalActionMask() {
            return Games.maskOf(this, game);
        }

        @Override
        public boolean isLegal(int action) {
            return legality(action) == LEGAL;
        }

        @Override
        public State child(int action) {
            int code = legality(action);
            if (code != LEGAL) {
                throw Games.illegalMove(action, code == OUT_OF_RANGE ? null : game.actionToGtp(action),
                        why(action, code), this);
            }
            return play(action);
        }

        @Override
        public boolean isTerminal() {
            return passes >= 2 || resigned || moves >= game.maxGameLength;
        }

        /** Whether the game ended by resignation. */
        public boolean resigned() {
            return resigned;
        }

        /** Consecutive passes just played: 0, 1, or 2 once they ended the game. */
        public int consecutivePasses() {
            return passes;
        }

        /** The stone on point {@code action}: 0 black, 1 white, -1 empty. */
        public int stoneAt(int action) {
            return board[action] - 1;
        }

        /**
         * Area of each player, {black, white}: their stones plus the empty points from which only their stones can
         * be reached (Tromp-Taylor). Empty regions touching both colours, or none, count for neither.
         */
        public int[] areas() {
            Scratch s = SCRATCH.get().begin();
            int[] area = new int[2];
            int visited = s.fresh();
            int[] nb = game.neighbours;
            for (int p = 0; p < game.cells; p++) {
                if (board[p] != EMPTY) {
                    area[board[p] - 1]++;
                    continue;
                }
                if (s.mark2[p] == visited) {
                    continue;
                }
                s.queue[0] = p;
                s.mark2[p] = visited;
                int tail = 1;
                int touches = 0;
                for (int head = 0; head < tail; head++) {
                    int x = s.queue[head];
                    for (int k = 4 * x, end = k + 4; k < end; k++) {
                        int q = nb[k];
                        if (q < 0) {
                            break;
                        }
                        if (board[q] != EMPTY) {
                            touches |= board[q];
                        } else if (s.mark2[q] != visited) {
                            s.mark2[q] = visited;
                            s.queue[tail++] = q;
                        }
                    }
                }
                if (touches == BLACK || touches == WHITE) {
                    area[touches - 1] += tail;
                }
            }
            return area;
        }

        /** Black's area minus white's area minus komi: positive when black is ahead. */
        public double score() {
            int[] area = areas();
            return area[0] - area[1] - game.komi;
        }

        @Override
        public double[] returns() {
            return Games.returns(winner());
        }

        @Override
        public int winner() {
            if (!isTerminal()) {
                return -1;
            }
            if (resigned) {
                return toMove; // the resigner's opponent: toMove passed to them on resigning
            }
            double score = score();
            return score > 0 ? 0 : score < 0 ? 1 : -1;
        }

        @Override
        public void observationTensor(float[] out, int offset) {
            int cells = game.cells;
            byte own = colour();
            float black = toMove == 0 ? 1f : 0f;
            for (int p = 0; p < cells; p++) {
                byte v = board[p];
                out[offset + p] = v == own ? 1f : 0f;
                out[offset + cells + p] = v != EMPTY && v != own ? 1f : 0f;
                out[offset + 2 * cells + p] = black;
            }
        }

        @Override
        public String actionToString(int action) {
            return game.actionToGtp(action);
        }

        @Override
        public int moveCount() {
            return moves;
        }

        /** The actions played so far, first move first; a resignation is not an action and is left out. */
        public int[] actions() {
            int n = resigned ? moves - 1 : moves;
            int[] out = new int[n];
            State s = resigned ? parent : this;
            for (int i = n - 1; i >= 0; i--) {
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
                sb.append(game.actionToGtp(a));
            }
            if (resigned) {
                sb.append(sb.length() > 0 ? " resign" : "resign");
            }
            return sb.toString();
        }

        /** Hash of the stones, the side to move, the passes just played and a resignation. */
        @Override
        public long hash() {
            long[] z = game.zobrist;
            int extra = 2 * game.cells;
            long h = boardHash;
            if (toMove == 1) {
                h ^= z[extra];
            }
            if (passes == 1) {
                h ^= z[extra + 1];
            } else if (passes >= 2) {
                h ^= z[extra + 2];
            }
            if (resigned) {
                h ^= z[extra + 3];
            }
            return h;
        }

        /** This position under symmetry {@code k} (see {@link Go#actionPermutation}), history mapped too. */
        public State transform(int k) {
            int[] perm = game.actionPermutation(k);
            State s = game.initial;
            for (int a : actions()) {
                s = s.play(perm[a]);
            }
            return resigned ? s.resign() : s;
        }

        /**
         * Equal stones, side to move, passes just played and resignation. Superko may still make two equal states'
         * legal moves differ, as it depends on the earlier positions.
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof State s && s.game.size == game.size && s.game.komi == game.komi
                    && s.boardHash == boardHash && s.toMove == toMove && s.passes == passes
                    && s.resigned == resigned && Arrays.equals(s.board, board);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hash());
        }

        @Override
        public String toString() {
            int n = game.size;
            StringBuilder sb = new StringBuilder(n * (n + 1));
            for (int p = 0; p < game.cells; p++) {
                sb.append(board[p] == BLACK ? 'x' : board[p] == WHITE ? 'o' : '.');
                if (p % n == n - 1) {
                    sb.append('\n');
                }
            }
            return sb.toString();
        }

        /** The board with GTP coordinates around it, as a GTP {@code showboard} might print it. */
        public String toDiagram() {
            int n = game.size;
            StringBuilder letters = new StringBuilder("   ");
            for (int c = 0; c < n; c++) {
                letters.append(COLUMNS.charAt(c)).append(' ');
            }
            String header = letters.toString().stripTrailing() + '\n';
            StringBuilder sb = new StringBuilder(header);
            for (int r = 0; r < n; r++) {
                String row = Integer.toString(n - r);
                sb.append(row.length() == 1 ? " " + row : row).append(' ');
                for (int c = 0; c < n; c++) {
                    byte v = board[r * n + c];
                    sb.append(v == BLACK ? 'X' : v == WHITE ? 'O' : '.');
                    sb.append(c == n - 1 ? "" : " ");
                }
                sb.append(' ').append(row).append('\n');
            }
            return sb.append(header).toString();
        }
    }
}
