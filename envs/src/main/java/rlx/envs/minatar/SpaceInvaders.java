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
    private static final int WAVE_ROW = 0b0011111100; // columns 2..7
    private static final int FULL_ROW = (1 << SIZE) - 1;

    // one 10-bit mask per row, bit c for column c: rolls become shifts and kills a bitwise and
    private final int[] aliens = new int[SIZE];
    private final int[] friendlyBullets = new int[SIZE];
    private final int[] enemyBullets = new int[SIZE];
    private final int[] scratch = new int[SIZE];
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
        Arrays.fill(friendlyBullets, 0);
        Arrays.fill(enemyBullets, 0);
        newWave();
        alienDir = -1;
        enemyMoveInterval = ENEMY_MOVE_INTERVAL;
        alienMoveTimer = enemyMoveInterval;
        alienShotTimer = ENEMY_SHOT_INTERVAL;
        rampIndex = 0;
        shotTimer = 0;
    }

    private void newWave() {
        Arrays.fill(aliens, 0);
        Arrays.fill(aliens, 0, 4, WAVE_ROW);
    }

    /** Test hook: leaves a single alien, in (row, col). */
    void keepOnlyAlien(int row, int col) {
        Arrays.fill(aliens, 0);
        aliens[row] = 1 << col;
    }

    @Override
    public int difficulty() {
        return rampIndex;
    }

    @Override
    protected double advance(Action a) {
        if (a == Action.FIRE && shotTimer == 0) {
            friendlyBullets[9] |= 1 << pos;
            shotTimer = SHOT_COOL_DOWN;
        } else if (a == Action.LEFT) {
            pos = Math.max(0, pos - 1);
        } else if (a == Action.RIGHT) {
            pos = Math.min(9, pos + 1);
        }

        // np.roll wraps rows around; the reference then clears the row that came round
        rollRows(friendlyBullets, -1);
        friendlyBullets[9] = 0;
        rollRows(enemyBullets, 1);
        enemyBullets[0] = 0;
        if (cannonIn(enemyBullets)) {
            end();
        }

        if (cannonIn(aliens)) {
            end();
        }
        if (alienMoveTimer == 0) {
            alienMoveTimer = Math.min(count(aliens), enemyMoveInterval);
            if ((columnHasAlien(0) && alienDir < 0) || (columnHasAlien(9) && alienDir > 0)) {
                alienDir = -alienDir;
                if (aliens[9] != 0) {
                    end();
                }
                rollRows(aliens, 1);
            } else {
                rollColumns(aliens, alienDir);
            }
            if (cannonIn(aliens)) {
                end();
            }
        }
        if (alienShotTimer == 0) {
            alienShotTimer = ENEMY_SHOT_INTERVAL;
            shootFromNearestAlien();
        }

        double reward = 0;
        for (int row = 0; row < SIZE; row++) {
            int kills = aliens[row] & friendlyBullets[row];
            aliens[row] &= ~kills;
            friendlyBullets[row] &= ~kills;
            reward += Integer.bitCount(kills);
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
            if ((aliens[row] & (1 << col)) != 0) {
                enemyBullets[row] |= 1 << col;
                return true;
            }
        }
        return false;
    }

    private boolean cannonIn(int[] board) {
        return (board[9] & (1 << pos)) != 0;
    }

    private boolean columnHasAlien(int col) {
        int any = 0;
        for (int row : aliens) {
            any |= row;
        }
        return (any & (1 << col)) != 0;
    }

    private static int count(int[] board) {
        int n = 0;
        for (int row : board) {
            n += Integer.bitCount(row);
        }
        return n;
    }

    /** np.roll along rows: row r moves to row (r + shift) mod 10. */
    private void rollRows(int[] board, int shift) {
        for (int row = 0; row < SIZE; row++) {
            scratch[Math.floorMod(row + shift, SIZE)] = board[row];
        }
        System.arraycopy(scratch, 0, board, 0, SIZE);
    }

    /** np.roll along columns by one: column c moves to column (c + shift) mod 10. */
    private static void rollColumns(int[] board, int shift) {
        for (int row = 0; row < SIZE; row++) {
            int m = board[row];
            board[row] = shift > 0
                    ? ((m << 1) & FULL_ROW) | (m >>> (SIZE - 1))
                    : (m >>> 1) | ((m & 1) << (SIZE - 1));
        }
    }

    @Override
    protected void draw(float[] obs, int offset) {
        set(obs, offset, CANNON, 9, pos);
        int dirChannel = alienDir < 0 ? ALIEN_LEFT : ALIEN_RIGHT;
        for (int row = 0; row < SIZE; row++) {
            drawRow(obs, offset, ALIEN, row, aliens[row]);
            drawRow(obs, offset, dirChannel, row, aliens[row]);
            drawRow(obs, offset, FRIENDLY_BULLET, row, friendlyBullets[row]);
            drawRow(obs, offset, ENEMY_BULLET, row, enemyBullets[row]);
        }
    }

    private static void drawRow(float[] obs, int offset, int channel, int row, int mask) {
        for (int m = mask; m != 0; m &= m - 1) {
            set(obs, offset, channel, row, Integer.numberOfTrailingZeros(m));
        }
    }
}
