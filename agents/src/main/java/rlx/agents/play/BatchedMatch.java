package rlx.agents.play;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import rlx.agents.alphazero.VisitPolicy;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;
import rlx.envs.games.Go;

/**
 * A match like {@link Arena#play}, with colours alternating by game index, but with all games running at once so
 * that a {@link Contestant.Searching} side scores the leaves of all its games in each evaluator call. Network
 * sides draw their move in proportion to visits for the first {@code samplingPlies} plies of a game, so that two
 * deterministic searches still play varied games, and play the most visited move after.
 */
public final class BatchedMatch {

    private BatchedMatch() {
    }

    private static final class Table {
        final int index;
        final boolean aFirst;
        final Player[] players = new Player[2]; // by contestant: 0 = A, 1 = B; null for searching sides
        GameState state;
        int resigned = -1;

        Table(int index, GameState start) {
            this.index = index;
            this.aFirst = index % 2 == 0;
            this.state = start;
        }

        int contestantToMove() {
            int seat = state.currentPlayer();
            return (seat == 0) == aFirst ? 0 : 1;
        }

        boolean over() {
            return resigned >= 0 || state.isTerminal();
        }
    }

    /**
     * Plays {@code games} games, A first in the even-numbered ones.
     *
     * @param onGame told of each game as it ends
     */
    public static ArenaResult play(Game game, Contestant a, Contestant b, int games, int samplingPlies, Rng rng,
                                   Consumer<Arena.GameRecord> onGame) {
        if (games < 1) {
            throw new IllegalArgumentException("games must be >= 1, got " + games);
        }
        Contestant[] sides = {a, b};
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < games; i++) {
            Table t = new Table(i, game.newInitialState());
            for (int c = 0; c < 2; c++) {
                if (sides[c] instanceof Contestant.Playing p) {
                    t.players[c] = p.perGame().apply(i);
                    t.players[c].reset();
                }
            }
            tables.add(t);
        }
        int[] tally = new int[3];
        try {
            List<Table> running = new ArrayList<>(tables);
            while (!running.isEmpty()) {
                for (int c = 0; c < 2; c++) {
                    List<Table> toMove = new ArrayList<>();
                    for (Table t : running) {
                        if (!t.over() && t.contestantToMove() == c) {
                            toMove.add(t);
                        }
                    }
                    if (!toMove.isEmpty()) {
                        move(sides[c], c, toMove, samplingPlies, rng);
                    }
                }
                List<Table> still = new ArrayList<>();
                for (Table t : running) {
                    if (t.over()) {
                        Arena.GameRecord r = record(t);
                        tally[r.outcome().ordinal()]++;
                        onGame.accept(r);
                    } else {
                        still.add(t);
                    }
                }
                running = still;
            }
        } finally {
            for (Table t : tables) {
                for (Player p : t.players) {
                    if (p != null) {
                        p.close();
                    }
                }
            }
        }
        return new ArenaResult(tally[Arena.Outcome.A_WINS.ordinal()], tally[Arena.Outcome.DRAW.ordinal()],
                tally[Arena.Outcome.B_WINS.ordinal()]);
    }

    private static void move(Contestant side, int c, List<Table> toMove, int samplingPlies, Rng rng) {
        int[] actions = new int[toMove.size()];
        if (side instanceof Contestant.Searching s) {
            List<GameState> states = new ArrayList<>(toMove.size());
            for (Table t : toMove) {
                states.add(t.state);
            }
            int[][] visits = s.search().searchVisits(states, s.config(), s.evaluator(), rng);
            for (int i = 0; i < actions.length; i++) {
                actions[i] = toMove.get(i).state.moveCount() < samplingPlies
                        ? VisitPolicy.sample(visits[i], rng) : VisitPolicy.mostVisited(visits[i]);
            }
        } else {
            for (int i = 0; i < actions.length; i++) {
                actions[i] = toMove.get(i).players[c].chooseAction(toMove.get(i).state);
            }
        }
        for (int i = 0; i < actions.length; i++) {
            Table t = toMove.get(i);
            int action = actions[i];
            if (action == Player.RESIGN) {
                t.resigned = t.state.currentPlayer();
                if (t.state instanceof Go.State go) {
                    t.state = go.resign();
                }
                continue;
            }
            if (!t.state.isLegal(action)) {
                throw new IllegalStateException("player " + (c == 0 ? "A" : "B") + " chose illegal action " + action
                        + " after: " + t.state.history());
            }
            Player other = t.players[1 - c];
            if (other != null) {
                other.observeOpponentMove(t.state, action);
            }
            t.state = t.state.child(action);
        }
    }

    private static Arena.GameRecord record(Table t) {
        int winner = t.resigned >= 0 ? 1 - t.resigned : t.state.winner();
        Arena.Outcome outcome;
        if (winner < 0) {
            outcome = Arena.Outcome.DRAW;
        } else {
            outcome = (winner == 0) == t.aFirst ? Arena.Outcome.A_WINS : Arena.Outcome.B_WINS;
        }
        return new Arena.GameRecord(t.index, t.aFirst, outcome, t.state.moveCount(), t.state.history());
    }
}
