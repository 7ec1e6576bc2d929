package rlx.envs.minatar;

import java.util.Map;

/**
 * MinAtar Seaquest: a two-cell submarine shoots fish and enemy subs (+1 each), collects up to six divers and must
 * surface for oxygen, which only works with a diver aboard; surfacing with six gives a bonus of one point per
 * oxygen-bar cell left. Being hit by a fish, a sub or a sub's bullet, running out of oxygen, or surfacing without a
 * diver ends the episode. Every surfacing ramps up spawning and enemy speed. Channels: sub front, sub back,
 * friendly bullet, trail, enemy bullet, fish, enemy sub, oxygen gauge, diver gauge, diver.
 */
public final class Seaquest extends MinAtarEnv {

    public static final String ID = "MinAtar/Seaquest-v1";
    public static final int SUB_FRONT = 0;
    public static final int SUB_BACK = 1;
    public static final int FRIENDLY_BULLET = 2;
    public static final int TRAIL = 3;
    public static final int ENEMY_BULLET = 4;
    public static final int FISH = 5;
    public static final int ENEMY_SUB = 6;
    public static final int OXYGEN_GAUGE = 7;
    public static final int DIVER_GAUGE = 8;
    public static final int DIVER = 9;
    static final int MAX_OXYGEN = 200;
    static final int INIT_SPAWN_SPEED = 20;
    static final int DIVER_SPAWN_SPEED = 30;
    static final int INIT_MOVE_INTERVAL = 5;
    static final int SHOT_COOL_DOWN = 5;
    static final int ENEMY_SHOT_INTERVAL = 10;
    static final int DIVER_MOVE_INTERVAL = 5;

    private final MovingObjects friendlyBullets = new MovingObjects();
    private final MovingObjects enemyBullets = new MovingObjects();
    private final MovingObjects fish = new MovingObjects();
    private final MovingObjects subs = new MovingObjects();
    private final MovingObjects divers = new MovingObjects();
    private int oxygen;
    private int diverCount;
    private int subX;
    private int subY;
    private boolean facingRight;
    private int enemySpawnSpeed;
    private int enemySpawnTimer;
    private int diverSpawnTimer;
    private int moveSpeed;
    private int rampIndex;
    private int shotTimer;
    private boolean surfaced;

    public Seaquest(MinAtarOptions options) {
        super(ID, "Ss-+*FEODd", options, Map.of("sticky-action-prob", options.stickyActionProb(),
                "minimal-actions", options.minimalActions(), "difficulty-ramping", options.ramping()),
                Action.values());
    }

    @Override
    protected void start() {
        oxygen = MAX_OXYGEN;
        diverCount = 0;
        subX = 5;
        subY = 0;
        facingRight = false;
        friendlyBullets.clear();
        enemyBullets.clear();
        fish.clear();
        subs.clear();
        divers.clear();
        enemySpawnSpeed = INIT_SPAWN_SPEED;
        enemySpawnTimer = enemySpawnSpeed;
        diverSpawnTimer = DIVER_SPAWN_SPEED;
        moveSpeed = INIT_MOVE_INTERVAL;
        rampIndex = 0;
        shotTimer = 0;
        surfaced = true;
    }

    @Override
    public int difficulty() {
        return rampIndex;
    }

    /** Test hooks: put an object in (row, col) with fresh timers. */
    void placeFish(int row, int col, boolean right) {
        fish.add(col, row, right, moveSpeed, 0);
    }

    void placeSub(int row, int col, boolean right) {
        subs.add(col, row, right, moveSpeed, ENEMY_SHOT_INTERVAL);
    }

    void placeDiver(int row, int col, boolean right) {
        divers.add(col, row, right, DIVER_MOVE_INTERVAL, 0);
    }

    private boolean atSub(MovingObjects o, int i) {
        return o.x[i] == subX && o.y[i] == subY;
    }

    @Override
    protected double advance(Action a) {
        double reward = 0;
        if (enemySpawnTimer == 0) {
            spawnEnemy();
            enemySpawnTimer = enemySpawnSpeed;
        }
        if (diverSpawnTimer == 0) {
            boolean right = rng.nextDouble() < 0.5;
            divers.add(right ? 0 : 9, 1 + rng.nextInt(8), right, DIVER_MOVE_INTERVAL, 0);
            diverSpawnTimer = DIVER_SPAWN_SPEED;
        }

        if (a == Action.FIRE && shotTimer == 0) {
            friendlyBullets.add(subX, subY, facingRight, 0, 0);
            shotTimer = SHOT_COOL_DOWN;
        } else if (a == Action.LEFT) {
            subX = Math.max(0, subX - 1);
            facingRight = false;
        } else if (a == Action.RIGHT) {
            subX = Math.min(9, subX + 1);
            facingRight = true;
        } else if (a == Action.UP) {
            subY = Math.max(0, subY - 1);
        } else if (a == Action.DOWN) {
            subY = Math.min(8, subY + 1);
        }

        // the reference walks each list backwards, so removing the current object never skips another
        for (int i = friendlyBullets.size - 1; i >= 0; i--) {
            friendlyBullets.step(i);
            if (friendlyBullets.outside(i)) {
                friendlyBullets.remove(i);
                continue;
            }
            int hit = fish.find(friendlyBullets.x[i], friendlyBullets.y[i]);
            MovingObjects target = fish;
            if (hit < 0) {
                hit = subs.find(friendlyBullets.x[i], friendlyBullets.y[i]);
                target = subs;
            }
            if (hit >= 0) {
                target.remove(hit);
                friendlyBullets.remove(i);
                reward += 1;
            }
        }

        for (int i = divers.size - 1; i >= 0; i--) {
            if (atSub(divers, i) && diverCount < 6) {
                divers.remove(i);
                diverCount++;
            } else if (divers.moveTimer[i] == 0) {
                divers.moveTimer[i] = DIVER_MOVE_INTERVAL;
                divers.step(i);
                if (divers.outside(i)) {
                    divers.remove(i);
                } else if (atSub(divers, i) && diverCount < 6) {
                    divers.remove(i);
                    diverCount++;
                }
            } else {
                divers.moveTimer[i]--;
            }
        }

        for (int i = subs.size - 1; i >= 0; i--) {
            reward += moveEnemy(subs, i);
        }
        for (int i = enemyBullets.size - 1; i >= 0; i--) {
            if (atSub(enemyBullets, i)) {
                end();
            }
            enemyBullets.step(i);
            if (enemyBullets.outside(i)) {
                enemyBullets.remove(i);
            } else if (atSub(enemyBullets, i)) {
                end();
            }
        }
        for (int i = fish.size - 1; i >= 0; i--) {
            reward += moveEnemy(fish, i);
        }

        if (enemySpawnTimer > 0) {
            enemySpawnTimer--;
        }
        if (diverSpawnTimer > 0) {
            diverSpawnTimer--;
        }
        if (shotTimer > 0) {
            shotTimer--;
        }
        if (oxygen <= 0) {
            end();
        }
        if (subY > 0) {
            oxygen--;
            surfaced = false;
        } else if (!surfaced) {
            if (diverCount == 0) {
                end();
            } else {
                reward += surface();
            }
        }
        return reward;
    }

    /** Moves enemy {@code i} of {@code list} (fish or subs); subs also fire. Returns the reward for a kill. */
    private double moveEnemy(MovingObjects list, int i) {
        double reward = 0;
        if (atSub(list, i)) {
            end();
        }
        int x = list.x[i];
        int y = list.y[i];
        boolean right = list.right[i];
        int shot = list.shotTimer[i];
        boolean removed = false;
        if (list.moveTimer[i] == 0) {
            list.moveTimer[i] = moveSpeed;
            list.step(i);
            x = list.x[i];
            if (list.outside(i)) {
                list.remove(i);
                removed = true;
            } else if (atSub(list, i)) {
                end();
            } else {
                int bullet = friendlyBullets.find(x, y);
                if (bullet >= 0) {
                    list.remove(i);
                    friendlyBullets.remove(bullet);
                    reward += 1;
                    removed = true;
                }
            }
        } else {
            list.moveTimer[i]--;
        }
        if (list == subs) {
            // as in the reference, a sub removed this frame still fires from where it ended up
            if (shot == 0) {
                enemyBullets.add(x, y, right, 0, 0);
            }
            if (!removed) {
                list.shotTimer[i] = shot == 0 ? ENEMY_SHOT_INTERVAL : shot - 1;
            }
        }
        return reward;
    }

    private void spawnEnemy() {
        boolean right = rng.nextDouble() < 0.5;
        boolean isSub = rng.nextDouble() < 1.0 / 3.0;
        int row = 1 + rng.nextInt(8);
        // no spawn into a row where something already travels the other way
        if (againstTraffic(subs, row, right) || againstTraffic(fish, row, right)) {
            return;
        }
        (isSub ? subs : fish).add(right ? 0 : 9, row, right, moveSpeed, ENEMY_SHOT_INTERVAL);
    }

    private static boolean againstTraffic(MovingObjects list, int row, boolean right) {
        for (int i = 0; i < list.size; i++) {
            if (list.y[i] == row && list.right[i] != right) {
                return true;
            }
        }
        return false;
    }

    private int surface() {
        surfaced = true;
        int reward = 0;
        if (diverCount == 6) {
            diverCount = 0;
            reward = oxygen * 10 / MAX_OXYGEN;
        }
        oxygen = MAX_OXYGEN;
        // as in the reference, this also runs after a full load was cleared, leaving the count at -1
        diverCount--;
        if (ramping && (enemySpawnSpeed > 1 || moveSpeed > 2)) {
            if (moveSpeed > 2 && rampIndex % 2 == 1) {
                moveSpeed--;
            }
            if (enemySpawnSpeed > 1) {
                enemySpawnSpeed--;
            }
            rampIndex++;
        }
        return reward;
    }

    @Override
    protected void draw(float[] obs, int offset) {
        set(obs, offset, SUB_FRONT, subY, subX);
        int back = facingRight ? subX - 1 : subX + 1;
        if (back >= 0 && back <= 9) {
            set(obs, offset, SUB_BACK, subY, back);
        }
        for (int col = 0; col < Math.max(0, oxygen) * 10 / MAX_OXYGEN; col++) {
            set(obs, offset, OXYGEN_GAUGE, 9, col);
        }
        for (int col = 9 - diverCount; col < 9; col++) {
            set(obs, offset, DIVER_GAUGE, 9, col);
        }
        for (int i = 0; i < friendlyBullets.size; i++) {
            set(obs, offset, FRIENDLY_BULLET, friendlyBullets.y[i], friendlyBullets.x[i]);
        }
        for (int i = 0; i < enemyBullets.size; i++) {
            set(obs, offset, ENEMY_BULLET, enemyBullets.y[i], enemyBullets.x[i]);
        }
        drawWithTrails(obs, offset, fish, FISH);
        drawWithTrails(obs, offset, subs, ENEMY_SUB);
        drawWithTrails(obs, offset, divers, DIVER);
    }

    private static void drawWithTrails(float[] obs, int offset, MovingObjects list, int channel) {
        for (int i = 0; i < list.size; i++) {
            set(obs, offset, channel, list.y[i], list.x[i]);
            int back = list.right[i] ? list.x[i] - 1 : list.x[i] + 1;
            if (back >= 0 && back <= 9) {
                set(obs, offset, TRAIL, list.y[i], back);
            }
        }
    }
}
