package rlx.envs.minatar;

import java.util.Arrays;
import java.util.Map;

/**
 * MinAtar Freeway: a chicken in column 4 crosses eight lanes of wrapping cars; it moves at most every third frame,
 * scores +1 on reaching the top row (then restarts at the bottom and the cars get new speeds) and is sent back to
 * the bottom when hit. The episode ends after 2500 frames. Channels: chicken, car, and five trail channels whose
 * index is the car's period (it moves every 1 to 5 frames) and whose side gives its direction.
 */
public final class Freeway extends MinAtarEnv {

    public static final String ID = "MinAtar/Freeway-v1";
    public static final int CHICKEN = 0;
    public static final int CAR = 1;
    public static final int SPEED1 = 2;
    static final int PLAYER_SPEED = 3;
    static final int TIME_LIMIT = 2500;
    private static final int LANES = 8;

    // car i drives in row i + 1
    private final int[] carX = new int[LANES];
    private final int[] carTimer = new int[LANES];
    private final int[] carSpeed = new int[LANES]; // signed: the sign is the direction, the size the period
    private int pos;
    private int moveTimer;
    private int terminateTimer;

    public Freeway(MinAtarOptions options) {
        super(ID, "C>12345", options, Map.of("sticky-action-prob", options.stickyActionProb(),
                "minimal-actions", options.minimalActions()), Action.NOOP, Action.UP, Action.DOWN);
    }

    @Override
    protected void start() {
        randomizeCars();
        Arrays.fill(carX, 0);
        pos = 9;
        moveTimer = PLAYER_SPEED;
        terminateTimer = TIME_LIMIT;
    }

    private void randomizeCars() {
        // the reference draws all eight speeds, then all eight directions
        for (int i = 0; i < LANES; i++) {
            carSpeed[i] = 1 + rng.nextInt(5);
        }
        for (int i = 0; i < LANES; i++) {
            if (rng.nextInt(2) == 0) {
                carSpeed[i] = -carSpeed[i];
            }
            carTimer[i] = Math.abs(carSpeed[i]);
        }
    }

    /** Test hook: puts car {@code lane} (row lane + 1) at column x with a signed speed and a fresh timer. */
    void placeCar(int lane, int x, int speed) {
        carX[lane] = x;
        carSpeed[lane] = speed;
        carTimer[lane] = Math.abs(speed);
    }

    @Override
    protected double advance(Action a) {
        double reward = 0;
        if (a == Action.UP && moveTimer == 0) {
            moveTimer = PLAYER_SPEED;
            pos = Math.max(0, pos - 1);
        } else if (a == Action.DOWN && moveTimer == 0) {
            moveTimer = PLAYER_SPEED;
            pos = Math.min(9, pos + 1);
        }
        if (pos == 0) {
            reward += 1;
            randomizeCars();
            pos = 9;
        }
        for (int i = 0; i < LANES; i++) {
            int row = i + 1;
            if (carX[i] == 4 && row == pos) {
                pos = 9;
            }
            if (carTimer[i] == 0) {
                carTimer[i] = Math.abs(carSpeed[i]);
                carX[i] += carSpeed[i] > 0 ? 1 : -1;
                if (carX[i] < 0) {
                    carX[i] = 9;
                } else if (carX[i] > 9) {
                    carX[i] = 0;
                }
                if (carX[i] == 4 && row == pos) {
                    pos = 9;
                }
            } else {
                carTimer[i]--;
            }
        }
        if (moveTimer > 0) {
            moveTimer--;
        }
        terminateTimer--;
        // as in the reference, the 2501st frame is the last
        if (terminateTimer < 0) {
            end();
        }
        return reward;
    }

    @Override
    protected void draw(float[] obs, int offset) {
        set(obs, offset, CHICKEN, pos, 4);
        for (int i = 0; i < LANES; i++) {
            set(obs, offset, CAR, i + 1, carX[i]);
            int back = carSpeed[i] > 0 ? carX[i] - 1 : carX[i] + 1;
            back = back < 0 ? 9 : back > 9 ? 0 : back;
            set(obs, offset, SPEED1 + Math.abs(carSpeed[i]) - 1, i + 1, back);
        }
    }
}
