package rlx.envs.minatar;

import java.util.Arrays;
import java.util.Map;

/**
 * MinAtar Asterix: the player moves in four directions between rows 1 and 8 while enemies and gold enter from the
 * sides, one per row; +1 per gold picked up, and touching an enemy ends the episode. Every 100 frames the
 * difficulty ramp speeds up spawning and (every other level) movement. Channels: player, enemy, trail, gold.
 */
public final class Asterix extends MinAtarEnv {

    public static final String ID = "MinAtar/Asterix-v1";
    public static final int PLAYER = 0;
    public static final int ENEMY = 1;
    public static final int TRAIL = 2;
    public static final int GOLD = 3;
    static final int RAMP_INTERVAL = 100;
    static final int INIT_SPAWN_SPEED = 10;
    static final int INIT_MOVE_INTERVAL = 5;
    private static final int SLOTS = 8;

    // entity slot i lives in row i + 1
    private final boolean[] present = new boolean[SLOTS];
    private final int[] entityX = new int[SLOTS];
    private final boolean[] movesRight = new boolean[SLOTS];
    private final boolean[] gold = new boolean[SLOTS];
    private final int[] free = new int[SLOTS];
    private int playerX;
    private int playerY;
    private int spawnSpeed;
    private int spawnTimer;
    private int moveSpeed;
    private int moveTimer;
    private int rampTimer;
    private int rampIndex;

    public Asterix(MinAtarOptions options) {
        super(ID, "PE+G", options, Map.of("sticky-action-prob", options.stickyActionProb(),
                "minimal-actions", options.minimalActions(), "difficulty-ramping", options.ramping()),
                Action.NOOP, Action.LEFT, Action.UP, Action.RIGHT, Action.DOWN);
    }

    @Override
    protected void start() {
        playerX = 5;
        playerY = 5;
        Arrays.fill(present, false);
        spawnSpeed = INIT_SPAWN_SPEED;
        spawnTimer = spawnSpeed;
        moveSpeed = INIT_MOVE_INTERVAL;
        moveTimer = moveSpeed;
        rampTimer = RAMP_INTERVAL;
        rampIndex = 0;
    }

    @Override
    public int difficulty() {
        return rampIndex;
    }

    /** Test hook: puts an enemy or gold in {@code slot} (row slot + 1). */
    void placeEntity(int slot, int x, boolean right, boolean isGold) {
        present[slot] = true;
        entityX[slot] = x;
        movesRight[slot] = right;
        gold[slot] = isGold;
    }

    @Override
    protected double advance(Action a) {
        double reward = 0;
        if (spawnTimer == 0) {
            spawn();
            spawnTimer = spawnSpeed;
        }
        switch (a) {
            case LEFT -> playerX = Math.max(0, playerX - 1);
            case RIGHT -> playerX = Math.min(9, playerX + 1);
            case UP -> playerY = Math.max(1, playerY - 1);
            case DOWN -> playerY = Math.min(8, playerY + 1);
            default -> { }
        }
        // the player may walk into an entity, then entities may walk into the player
        for (int i = 0; i < SLOTS; i++) {
            reward += touch(i);
        }
        if (moveTimer == 0) {
            moveTimer = moveSpeed;
            for (int i = 0; i < SLOTS; i++) {
                if (present[i]) {
                    entityX[i] += movesRight[i] ? 1 : -1;
                    if (entityX[i] < 0 || entityX[i] > 9) {
                        present[i] = false;
                    }
                    reward += touch(i);
                }
            }
        }
        spawnTimer--;
        moveTimer--;
        if (ramping && (spawnSpeed > 1 || moveSpeed > 1)) {
            if (rampTimer >= 0) {
                rampTimer--;
            } else {
                if (moveSpeed > 1 && rampIndex % 2 == 1) {
                    moveSpeed--;
                }
                if (spawnSpeed > 1) {
                    spawnSpeed--;
                }
                rampIndex++;
                rampTimer = RAMP_INTERVAL;
            }
        }
        return reward;
    }

    /** Gold in the player's cell is collected (+1), an enemy there ends the episode. */
    private double touch(int i) {
        if (!present[i] || entityX[i] != playerX || i + 1 != playerY) {
            return 0;
        }
        if (gold[i]) {
            present[i] = false;
            return 1;
        }
        end();
        return 0;
    }

    private void spawn() {
        // the side and kind are drawn even when every row is taken, as in the reference
        boolean right = rng.nextInt(2) == 0;
        boolean isGold = rng.nextDouble() < 1.0 / 3.0;
        int n = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (!present[i]) {
                free[n++] = i;
            }
        }
        if (n == 0) {
            return;
        }
        placeEntity(free[rng.nextInt(n)], right ? 0 : 9, right, isGold);
    }

    @Override
    protected void draw(float[] obs, int offset) {
        set(obs, offset, PLAYER, playerY, playerX);
        for (int i = 0; i < SLOTS; i++) {
            if (present[i]) {
                set(obs, offset, gold[i] ? GOLD : ENEMY, i + 1, entityX[i]);
                int back = movesRight[i] ? entityX[i] - 1 : entityX[i] + 1;
                if (back >= 0 && back <= 9) {
                    set(obs, offset, TRAIL, i + 1, back);
                }
            }
        }
    }
}
