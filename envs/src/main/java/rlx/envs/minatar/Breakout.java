package rlx.envs.minatar;

import java.util.Arrays;
import java.util.Map;

/**
 * MinAtar Breakout: a paddle on the bottom row bounces a diagonally travelling ball into three rows of bricks; +1
 * per brick, a fresh wall once all are gone, and the episode ends when the ball reaches the bottom row past the
 * paddle. Channels: paddle, ball, trail (the ball's previous cell, which gives its direction), brick.
 */
public final class Breakout extends MinAtarEnv {

    public static final String ID = "MinAtar/Breakout-v1";
    public static final int PADDLE = 0;
    public static final int BALL = 1;
    public static final int TRAIL = 2;
    public static final int BRICK = 3;

    // ball directions: 0 up-left, 1 up-right, 2 down-right, 3 down-left
    private static final int[] FLIP_X = {1, 0, 3, 2};
    private static final int[] FLIP_Y = {3, 2, 1, 0};
    private static final int[] REVERSE = {2, 3, 0, 1};

    private final boolean[] bricks = new boolean[CELLS];
    private int brickCount;
    private int ballX;
    private int ballY;
    private int ballDir;
    private int lastX;
    private int lastY;
    private int paddle;
    private boolean strike;

    public Breakout(MinAtarOptions options) {
        super(ID, "PO+#", options, Map.of("sticky-action-prob", options.stickyActionProb(),
                "minimal-actions", options.minimalActions()), Action.NOOP, Action.LEFT, Action.RIGHT);
    }

    @Override
    protected void start() {
        ballY = 3;
        boolean fromRight = rng.nextInt(2) == 1;
        ballX = fromRight ? 9 : 0;
        ballDir = fromRight ? 3 : 2;
        paddle = 4;
        fillWall();
        strike = false;
        lastX = ballX;
        lastY = ballY;
    }

    private void fillWall() {
        Arrays.fill(bricks, false);
        Arrays.fill(bricks, SIZE, 4 * SIZE, true);
        brickCount = 3 * SIZE;
    }

    /** Test hook: sets one brick. */
    void setBrick(int row, int col, boolean present) {
        if (bricks[row * SIZE + col] != present) {
            bricks[row * SIZE + col] = present;
            brickCount += present ? 1 : -1;
        }
    }

    /** Test hook: puts the ball in (row, col) travelling in {@code dir} (0 up-left, 1 up-right, 2 down-right, 3 down-left). */
    void placeBall(int row, int col, int dir) {
        ballY = row;
        ballX = col;
        ballDir = dir;
        lastY = row;
        lastX = col;
    }

    @Override
    protected double advance(Action a) {
        double reward = 0;
        if (a == Action.LEFT) {
            paddle = Math.max(0, paddle - 1);
        } else if (a == Action.RIGHT) {
            paddle = Math.min(9, paddle + 1);
        }

        lastX = ballX;
        lastY = ballY;
        int newX = ballX + (ballDir == 1 || ballDir == 2 ? 1 : -1);
        int newY = ballY + (ballDir >= 2 ? 1 : -1);

        boolean strikeNow = false;
        if (newX < 0 || newX > 9) {
            newX = Math.max(0, Math.min(9, newX));
            ballDir = FLIP_X[ballDir];
        }
        if (newY < 0) {
            newY = 0;
            ballDir = FLIP_Y[ballDir];
        } else if (bricks[newY * SIZE + newX]) {
            strikeNow = true;
            // as in the reference, a brick hit right after another one is not broken: the ball enters its cell
            if (!strike) {
                reward += 1;
                strike = true;
                bricks[newY * SIZE + newX] = false;
                brickCount--;
                newY = lastY;
                ballDir = FLIP_Y[ballDir];
            }
        } else if (newY == 9) {
            if (brickCount == 0) {
                fillWall();
            }
            if (ballX == paddle) {
                ballDir = FLIP_Y[ballDir];
                newY = lastY;
            } else if (newX == paddle) {
                ballDir = REVERSE[ballDir];
                newY = lastY;
            } else {
                end();
            }
        }
        if (!strikeNow) {
            strike = false;
        }
        ballX = newX;
        ballY = newY;
        return reward;
    }

    @Override
    protected void draw(float[] obs, int offset) {
        set(obs, offset, BALL, ballY, ballX);
        set(obs, offset, PADDLE, 9, paddle);
        set(obs, offset, TRAIL, lastY, lastX);
        int base = offset + BRICK * CELLS;
        for (int i = 0; i < CELLS; i++) {
            if (bricks[i]) {
                obs[base + i] = 1f;
            }
        }
    }
}
