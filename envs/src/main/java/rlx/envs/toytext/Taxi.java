package rlx.envs.toytext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvSpec;

/**
 * Gymnasium's {@code Taxi-v4} (Dietterich 2000): pick a passenger up at one of the stands R, G, Y, B and drop them
 * at their destination. -1 per step, -10 for an illegal pickup or dropoff, +20 (terminating) for the delivery.
 * Actions: 0 south, 1 north, 2 east, 3 west, 4 pickup, 5 dropoff.
 *
 * <p>{@code is_rainy}: a move that changes the taxi's cell goes ahead with probability {@code rainy_probability}
 * and veers to the left or right of the direction of travel with {@code (1 - rainy_probability) / 2} each, in that
 * order; a blocked move stays put with probability 1. {@code fickle_passenger}: with probability
 * {@code fickle_probability}, drawn at the start of each episode, the passenger picks another destination (uniformly)
 * on the first move the taxi makes with them aboard. That change is outside {@code P}: the step reports the
 * drawn transition's {@code prob}. A restored episode draws the fickle flag as a reset does.
 *
 * <p>Info: {@code prob} and {@code action_mask}, an immutable {@code List<Integer>} of six 0/1 entries marking the
 * actions that change the state (Gymnasium's int8 array).
 */
public final class Taxi extends ToyTextEnv {

    public static final String ID = "Taxi-v4";
    /** The id before the rainy and fickle options were fixed; Gymnasium 1.4 has deprecated it. */
    public static final String LEGACY_ID = "Taxi-v3";
    public static final List<String> MAP = List.of(
            "+---------+",
            "|R: | : :G|",
            "| : | : : |",
            "| : : : : |",
            "| | : | : |",
            "|Y| : |B: |",
            "+---------+");
    /** Stands R, G, Y, B as {row, col}. */
    private static final int[][] STANDS = {{0, 0}, {0, 4}, {4, 0}, {4, 3}};

    private static final int SOUTH = 0;
    private static final int NORTH = 1;
    private static final int EAST = 2;
    private static final int WEST = 3;
    private static final int PICKUP = 4;
    private static final int DROPOFF = 5;
    // left and right of the direction of travel, indexed by move
    private static final int[] LEFT_OF = {EAST, WEST, NORTH, SOUTH};
    private static final int[] RIGHT_OF = {WEST, EAST, SOUTH, NORTH};

    private final boolean ficklePassenger;
    private final double fickleProbability;
    private final List<List<Integer>> actionMasks;
    private boolean fickleStep;

    public Taxi() {
        this(false, false, 0.8, 0.3);
    }

    public Taxi(boolean isRainy, boolean ficklePassenger, double rainyProbability, double fickleProbability) {
        super(new EnvSpec(ID, new Discrete(TaxiState.COUNT), new Discrete(6), 200, OptionalDouble.of(8),
                        Map.of("is_rainy", isRainy, "fickle_passenger", ficklePassenger,
                                "rainy_probability", rainyProbability, "fickle_probability", fickleProbability)),
                table(isRainy, checkedProbability("rainy_probability", rainyProbability)));
        this.ficklePassenger = ficklePassenger;
        this.fickleProbability = checkedProbability("fickle_probability", fickleProbability);
        this.actionMasks = new ArrayList<>(TaxiState.COUNT);
        for (int s = 0; s < TaxiState.COUNT; s++) {
            actionMasks.add(mask(TaxiState.decode(s)));
        }
    }

    private static double checkedProbability(String name, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException(name + " " + p + " is not in [0, 1]");
        }
        return p;
    }

    private static TransitionTable table(boolean isRainy, double rainyProbability) {
        // split as FrozenLake splits success_rate; no rainy reference table exists to confirm the exact double
        double veer = (1.0 - rainyProbability) / 2.0;
        TransitionTable.Builder p = TransitionTable.builder(TaxiState.COUNT, 6);
        double[] initial = new double[TaxiState.COUNT];
        for (int s = 0; s < TaxiState.COUNT; s++) {
            TaxiState from = TaxiState.decode(s);
            initial[s] = from.passenger() != TaxiState.IN_TAXI && from.passenger() != from.destination() ? 1 : 0;
            for (int a = 0; a < 6; a++) {
                Transition intended = intended(from, a);
                if (isRainy && a <= WEST && intended.nextState() != s) {
                    p.add(s, a, new Transition(rainyProbability, intended.nextState(), -1, false));
                    p.add(s, a, new Transition(veer, moved(from, LEFT_OF[a]).index(), -1, false));
                    p.add(s, a, new Transition(veer, moved(from, RIGHT_OF[a]).index(), -1, false));
                } else {
                    p.add(s, a, intended);
                }
            }
        }
        double starts = Arrays.stream(initial).sum();
        for (int s = 0; s < initial.length; s++) {
            initial[s] /= starts;
        }
        return p.initialStateDistribution(initial).build();
    }

    private static Transition intended(TaxiState from, int action) {
        int stand = standAt(from.row(), from.col());
        boolean carrying = from.passenger() == TaxiState.IN_TAXI;
        return switch (action) {
            case PICKUP -> !carrying && stand == from.passenger()
                    ? new Transition(1.0, from.withPassenger(TaxiState.IN_TAXI).index(), -1, false)
                    : new Transition(1.0, from.index(), -10, false);
            case DROPOFF -> {
                if (carrying && stand == from.destination()) {
                    yield new Transition(1.0, from.withPassenger(stand).index(), 20, true);
                }
                yield carrying && stand >= 0
                        ? new Transition(1.0, from.withPassenger(stand).index(), -1, false)
                        : new Transition(1.0, from.index(), -10, false);
            }
            default -> new Transition(1.0, moved(from, action).index(), -1, false);
        };
    }

    /** The taxi after one move: walls ('|' between columns, '-' at the edges) leave it in place. */
    private static TaxiState moved(TaxiState from, int direction) {
        int row = from.row();
        int col = from.col();
        boolean open = switch (direction) {
            case SOUTH -> MAP.get(row + 2).charAt(2 * col + 1) != '-';
            case NORTH -> MAP.get(row).charAt(2 * col + 1) != '-';
            case EAST -> MAP.get(row + 1).charAt(2 * col + 2) != '|';
            case WEST -> MAP.get(row + 1).charAt(2 * col) != '|';
            default -> throw new IllegalArgumentException("direction " + direction);
        };
        if (!open) {
            return from;
        }
        return switch (direction) {
            case SOUTH -> from.withTaxiAt(row + 1, col);
            case NORTH -> from.withTaxiAt(row - 1, col);
            case EAST -> from.withTaxiAt(row, col + 1);
            default -> from.withTaxiAt(row, col - 1);
        };
    }

    /** The stand (0..3) at a cell, or -1. */
    private static int standAt(int row, int col) {
        for (int i = 0; i < STANDS.length; i++) {
            if (STANDS[i][0] == row && STANDS[i][1] == col) {
                return i;
            }
        }
        return -1;
    }

    private static List<Integer> mask(TaxiState state) {
        Integer[] mask = new Integer[6];
        for (int move = SOUTH; move <= WEST; move++) {
            mask[move] = moved(state, move).equals(state) ? 0 : 1;
        }
        int stand = standAt(state.row(), state.col());
        boolean carrying = state.passenger() == TaxiState.IN_TAXI;
        mask[PICKUP] = !carrying && stand == state.passenger() ? 1 : 0;
        mask[DROPOFF] = carrying && stand >= 0 ? 1 : 0;
        return List.of(mask);
    }

    /** Which actions change {@code state} (1) and which do not (0), as Gymnasium's {@code action_mask}. */
    public List<Integer> actionMask(int state) {
        return actionMasks.get(state);
    }

    @Override
    protected void onEpisodeStart(RandomGenerator rng) {
        fickleStep = ficklePassenger && rng.nextDouble() < fickleProbability;
    }

    @Override
    protected int enteredState(int previous, Transition taken, RandomGenerator rng) {
        if (!fickleStep) {
            return taken.nextState();
        }
        TaxiState before = TaxiState.decode(previous);
        TaxiState after = TaxiState.decode(taken.nextState());
        if (before.passenger() != TaxiState.IN_TAXI || (after.row() == before.row() && after.col() == before.col())) {
            return taken.nextState();
        }
        fickleStep = false;
        // uniform over the three other stands, in index order as Gymnasium's choice
        int pick = rng.nextInt(3);
        int destination = pick < before.destination() ? pick : pick + 1;
        return after.withDestination(destination).index();
    }

    @Override
    protected Map<String, Object> info(int state, double probability) {
        return Map.of("prob", probability, "action_mask", actionMasks.get(state));
    }

    @Override
    public List<String> desc() {
        return MAP;
    }

    @Override
    public int[] shape() {
        return new int[] {5, 5};
    }
}
