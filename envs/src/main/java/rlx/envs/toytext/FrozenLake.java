package rlx.envs.toytext;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvSpec;

/**
 * Gymnasium's {@code FrozenLake-v1} / {@code FrozenLake8x8-v1}: walk from S to G over frozen tiles (F) without
 * falling into a hole (H). Holes and the goal are absorbing ({@code (1.0, s, 0, true)} for every action). On a
 * slippery lake the intended move has probability {@code success_rate} and each perpendicular move
 * {@code (1 - success_rate) / 2}, listed as {@code [(a-1)%4, a, (a+1)%4]} as in Gymnasium 1.4.
 * Actions: 0 left, 1 down, 2 right, 3 up. Rewards come from {@code reward_schedule = (goal, hole, frozen)}.
 */
public final class FrozenLake extends ToyTextEnv {

    public static final String ID = "FrozenLake-v1";
    public static final String ID_8X8 = "FrozenLake8x8-v1";
    public static final double DEFAULT_SUCCESS_RATE = 1.0 / 3.0;
    public static final Map<String, List<String>> MAPS = Map.of(
            "4x4", List.of("SFFF", "FHFH", "FFFH", "HFFG"),
            "8x8", List.of("SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF",
                    "FFFHFFFF", "FHHFFFHF", "FHFFHFHF", "FFFHFFFG"));

    private static final int LEFT = 0;
    private static final int DOWN = 1;
    private static final int RIGHT = 2;
    private static final int UP = 3;

    private final List<String> desc;

    /** {@code FrozenLake-v1} with its defaults: the slippery 4x4 lake. */
    public FrozenLake() {
        this(ID, "4x4", null, true, DEFAULT_SUCCESS_RATE, new double[] {1, 0, 0});
    }

    /**
     * @param id {@link #ID} or {@link #ID_8X8}: decides the time limit and reward threshold, as in Gymnasium
     * @param mapName a key of {@link #MAPS}, used when {@code desc} is null
     * @param desc custom map rows of S, F, H, G, or null
     * @param rewardSchedule rewards for entering G, H and any other tile
     */
    public FrozenLake(String id, String mapName, List<String> desc, boolean isSlippery, double successRate,
                      double[] rewardSchedule) {
        this(id, checkedMap(mapName, desc), isSlippery, successRate, rewardSchedule,
                kwargs(mapName, desc, isSlippery, successRate, rewardSchedule));
    }

    private FrozenLake(String id, List<String> map, boolean isSlippery, double successRate, double[] rewardSchedule,
                       Map<String, Object> kwargs) {
        super(spec(id, map, kwargs), table(map, isSlippery, successRate, rewardSchedule));
        this.desc = map;
    }

    private static EnvSpec spec(String id, List<String> map, Map<String, Object> kwargs) {
        Discrete states = new Discrete(map.size() * map.get(0).length());
        return switch (id) {
            case ID -> new EnvSpec(id, states, new Discrete(4), 100, OptionalDouble.of(0.70), kwargs);
            case ID_8X8 -> new EnvSpec(id, states, new Discrete(4), 200, OptionalDouble.of(0.85), kwargs);
            default -> throw new IllegalArgumentException("FrozenLake is registered as " + ID + " and " + ID_8X8
                    + ", not " + id);
        };
    }

    private static TransitionTable table(List<String> map, boolean isSlippery, double successRate,
                                         double[] rewards) {
        if (!(successRate >= 0.0 && successRate <= 1.0)) {
            throw new IllegalArgumentException("success_rate " + successRate + " is not in [0, 1]");
        }
        // Gymnasium 1.4 computes the slip probability this way; it is 0.33333333333333337 for 1/3, not 1/3
        double failRate = (1.0 - successRate) / 2.0;
        int rows = map.size();
        int cols = map.get(0).length();
        TransitionTable.Builder p = TransitionTable.builder(rows * cols, 4);
        double[] initial = new double[rows * cols];
        long starts = String.join("", map).chars().filter(c -> c == 'S').count();
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                int s = row * cols + col;
                char letter = map.get(row).charAt(col);
                initial[s] = letter == 'S' ? 1.0 / starts : 0.0;
                for (int a = 0; a < 4; a++) {
                    if (letter == 'G' || letter == 'H') {
                        p.add(s, a, new Transition(1.0, s, 0, true));
                    } else if (isSlippery) {
                        for (int b : new int[] {(a + 3) % 4, a, (a + 1) % 4}) {
                            p.add(s, a, move(map, row, col, b, b == a ? successRate : failRate, rewards));
                        }
                    } else {
                        p.add(s, a, move(map, row, col, a, 1.0, rewards));
                    }
                }
            }
        }
        return p.initialStateDistribution(initial).build();
    }

    private static Transition move(List<String> map, int row, int col, int direction, double probability,
                                   double[] rewards) {
        int rows = map.size();
        int cols = map.get(0).length();
        switch (direction) {
            case LEFT -> col = Math.max(col - 1, 0);
            case DOWN -> row = Math.min(row + 1, rows - 1);
            case RIGHT -> col = Math.min(col + 1, cols - 1);
            case UP -> row = Math.max(row - 1, 0);
            default -> throw new IllegalArgumentException("direction " + direction);
        }
        char letter = map.get(row).charAt(col);
        double reward = letter == 'G' ? rewards[0] : letter == 'H' ? rewards[1] : rewards[2];
        return new Transition(probability, row * cols + col, reward, letter == 'G' || letter == 'H');
    }

    private static List<String> checkedMap(String mapName, List<String> desc) {
        if (desc == null) {
            // Gymnasium draws a random map when both are None; that needs NumPy's generator, so rlx asks for one
            if (mapName == null || !MAPS.containsKey(mapName)) {
                throw new IllegalArgumentException("FrozenLake needs desc or a map_name of " + MAPS.keySet()
                        + ", got " + mapName);
            }
            return MAPS.get(mapName);
        }
        if (desc.isEmpty() || desc.get(0).isEmpty()) {
            throw new IllegalArgumentException("FrozenLake desc must have at least one row and column");
        }
        for (String row : desc) {
            if (row.length() != desc.get(0).length() || !row.matches("[SFHG]+")) {
                throw new IllegalArgumentException("FrozenLake desc rows must have equal length and only S, F, H, G: "
                        + desc);
            }
        }
        if (desc.stream().noneMatch(row -> row.indexOf('S') >= 0)) {
            throw new IllegalArgumentException("FrozenLake desc has no start tile S: " + desc);
        }
        return List.copyOf(desc);
    }

    private static Map<String, Object> kwargs(String mapName, List<String> desc, boolean isSlippery,
                                              double successRate, double[] rewardSchedule) {
        if (rewardSchedule.length != 3) {
            throw new IllegalArgumentException("reward_schedule needs 3 rewards (goal, hole, frozen), got "
                    + Arrays.toString(rewardSchedule));
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (mapName != null) {
            kwargs.put("map_name", mapName);
        }
        if (desc != null) {
            kwargs.put("desc", List.copyOf(desc));
        }
        kwargs.put("is_slippery", isSlippery);
        kwargs.put("success_rate", successRate);
        kwargs.put("reward_schedule", Arrays.stream(rewardSchedule).boxed().toList());
        return kwargs;
    }

    @Override
    public List<String> desc() {
        return desc;
    }

    @Override
    public int[] shape() {
        return new int[] {desc.size(), desc.get(0).length()};
    }
}
