package rlx.envs.minatar;

import java.util.Arrays;
import java.util.Map;

/**
 * MinAtar Space Invaders: a cannon on the bottom row shoots upward at a 4x6 block of aliens that sweeps sideways
 * and steps down at the edges while firing back from the alien nearest the cannon; +1 per alien shot, and the
 * episode ends when an alien or an enemy bullet reaches the cannon. Aliens speed up as they thin out, and each new
 * wave (with ramping) moves faster than the last. Channels: cannon, alien, alien moving left, alien moving right,
 * friendly bullet, enemy bullet. The game itself is deterministic; only sticky actions are random.
 */
public final class SpaceInvaders extends MinAtarEnv {

    public static final String ID = "MinAtar/SpaceInvaders-v1";
    public static final int CANNON = 0;
    public static final int ALIEN = 1;
    public static final int ALIEN_LEFT = 2;
    public static final int ALIEN_RIGHT = 3;
    public static final int FRIENDLY_BULLET = 4;
    public static final int ENEMY_BULLET = 5;
    static final int SHOT_COOL_DOWN = 5;
    static final int ENEMY_MOVE_INTERVAL = 12;
    static final int ENEMY_SHOT_INTERVAL = 10;

    // row-major 10x10 boards
    private final boolean[] aliens = new boolean[CELLS];
    private final boolean[] friendlyBullets = new boolean[CELLS];
    private final boolean[] enemyBullets = new boolean[CELLS];
    private final boolean[] scratch = new boolean[CELLS];
    private int pos;
    private int alienDir;
    private int enemyMoveInterval;
    private int alienMoveTimer;
    private int alienShotTimer;
    private int rampIndex;
    private int shotTimer;

    public SpaceInvaders(MinAtarOptions options) {
        super(ID, "CA<>|!", options, Map.of("sticky-action-prob", options.stickyActionProb(),
                "minimal-actions", options.minimalActions(), "difficulty-ramping", options.ramping()),
                Action.NOOP, Action.LEFT, Action.RIGHT, Action.FIRE);
    }

    @Override
    protected void start() {
        pos = 5;
        Arrays.fill(friendlyBullets, false);
        Arrays.fill(enemyBullets, false);
        newWave();
        alienDir = -1;
        enemyMoveInterval = ENEMY_MOVE_INTERVAL;
        alienMoveTimer = enemyMoveInterval;
        alienShotTimer = ENEMY_SHOT_INTERVAL;
        rampIndex = 0;
        shotTimer = 0;
    }

    private void newWave() {
        Arrays.fill(aliens, false);
        for (int row = 0; row < 4; row++) {
            Arrays.fill(aliens, row * SIZE + 2, row * SIZE + 8, true);
        }
    }

    @Override
    public int difficulty() {
        return rampIndex;
    }

    @Override
    protected double advance(Action a) {
        if (a == Action.FIRE && shotTimer == 0) {
            friendlyBullets[9 * SIZE + pos] = true;
            shotTimer = SHOT_COOL_DOWN;
        } else if (a == Action.LEFT) {
            pos = Math.max(0, pos - 1);
        } else if (a == Action.RIGHT) {
            pos = Math.min(9, pos + 1);
        }

        // np.roll wraps rows around; the reference then clears the row that came round
        rollRows(friendlyBullets, -1);
        Arrays.fill(friendlyBullets, 9 * SIZE, CELLS, false);
        rollRows(enemyBullets, 1);
        Arrays.fill(enemyBullets, 0, SIZE, false);
        if (enemyBullets[9 * SIZE + pos]) {
            end();
        }

        if (aliens[9 * SIZE + pos]) {
            end();
        }
        if (alienMoveTimer == 0) {
            alienMoveTimer = Math.min(count(aliens), enemyMoveInterval);
            if ((columnHasAlien(0) && alienDir < 0) || (columnHasAlien(9) && alienDir > 0)) {
                alienDir = -alienDir;
                if (rowHasAlien(9)) {
                    end();
                }
                rollRows(aliens, 1);
            } else {
                rollColumns(aliens, alienDir);
            }
            if (aliens[9 * SIZE + pos]) {
                end();
            }
        }
        if (alienShotTimer == 0) {
            alienShotTimer = ENEMY_SHOT_INTERVAL;
            shootFromNearestAlien();
        }

        double reward = 0;
        for (int i = 0; i < CELLS; i++) {
            if (aliens[i] && friendlyBullets[i]) {
                aliens[i] = false;
                friendlyBullets[i] = false;
                reward += 1;
            }
        }

        if (shotTimer > 0) {
            shotTimer--;
        }
        alienMoveTimer--;
        alienShotTimer--;
        if (count(aliens) == 0) {
            if (enemyMoveInterval > 6 && ramping) {
                enemyMoveInterval--;
                rampIndex++;
            }
            newWave();
        }
        return reward;
    }

    /** The lowest alien of the non-empty column closest to the cannon (ties: the left column) fires. */
    private void shootFromNearestAlien() {
        for (int d = 0; d < SIZE; d++) {
            if (shootFrom(pos - d) || (d > 0 && shootFrom(pos + d))) {
                return;
            }
        }
    }

    private boolean shootFrom(int col) {
        if (col < 0 || col > 9) {
            return false;
        }
        for (int row = 9; row >= 0; row--) {
            if (aliens[row * SIZE + col]) {
                enemyBullets[row * SIZE + col] = true;
                return true;
            }
        }
        return false;
    }

    private boolean columnHasAlien(int col) {
        for (int row = 0; row < SIZE; row++) {
            if (aliens[row * SIZE + col]) {
                return true;
            }
        }
        return false;
    }

    private boolean rowHasAlien(int row) {
        for (int col = 0; col < SIZE; col++) {
            if (aliens[row * SIZE + col]) {
                return true;
            }
        }
        return false;
    }

    private static int count(boolean[] board) {
        int n = 0;
        for (boolean b : board) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** np.roll along rows: row r moves to row (r + shift) mod 10. */
    private void rollRows(boolean[] board, int shift) {
        for (int row = 0; row < SIZE; row++) {
            System.arraycopy(board, row * SIZE, scratch, Math.floorMod(row + shift, SIZE) * SIZE, SIZE);
        }
        System.arraycopy(scratch, 0, board, 0, CELLS);
    }

    /** np.roll along columns: column c moves to column (c + shift) mod 10. */
    private void rollColumns(boolean[] board, int shift) {
        for (int i = 0; i < CELLS; i++) {
            scratch[i / SIZE * SIZE + Math.floorMod(i % SIZE + shift, SIZE)] = board[i];
        }
        System.arraycopy(scratch, 0, board, 0, CELLS);
    }

    @Override
    protected void draw(float[] obs, int offset) {
        set(obs, offset, CANNON, 9, pos);
        int dirChannel = alienDir < 0 ? ALIEN_LEFT : ALIEN_RIGHT;
        for (int i = 0; i < CELLS; i++) {
            if (aliens[i]) {
                obs[offset + ALIEN * CELLS + i] = 1f;
                obs[offset + dirChannel * CELLS + i] = 1f;
            }
            if (friendlyBullets[i]) {
                obs[offset + FRIENDLY_BULLET * CELLS + i] = 1f;
            }
            if (enemyBullets[i]) {
                obs[offset + ENEMY_BULLET * CELLS + i] = 1f;
            }
        }
    }
}
