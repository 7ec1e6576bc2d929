"""Writes the MinAtar reference trajectories replayed by rlx's MinAtarReferenceReplayTest.

usage: python3 generate.py <dir holding MinAtar's game modules breakout.py ... seaquest.py> <out dir>

The games' numpy RandomState is swapped for rlx_rng.Shim, which answers each numpy call with the draw rlx's Java
port makes (xoshiro256** seeded like rlx.envs.core.Rng), and one uniform draw per step stands for the sticky-action
draw (probability 0 here), so seed s in Python and reset(s) in Java play the same game.

The committed files were made from local copies of kenjyoung/MinAtar's minatar/environments/ at these commits:
breakout.py and freeway.py 63e2e0f, asterix.py 4b1513b, space_invaders.py 5f9816a, seaquest.py 6fbf090.

Format (gzip text): "E <seed> <obs>" opens an episode, then one "<action> <reward> <terminal> <obs>" line per step;
<obs> is the observation as 0/1 characters, channels-first (channel, row, col).
"""
import gzip
import sys

import numpy as np

sys.path.insert(0, sys.argv[1])
import asterix, breakout, freeway, seaquest, space_invaders  # noqa: E402
from rlx_rng import Shim  # noqa: E402

GAMES = [('breakout', breakout, 30), ('freeway', freeway, 3), ('asterix', asterix, 30),
         ('space_invaders', space_invaders, 30), ('seaquest', seaquest, 40)]


def bits(state):
    return ''.join('1' if v else '0' for v in np.transpose(state, (2, 0, 1)).reshape(-1))


def policy(game, rs, env):
    if game == 'breakout' and rs.rand() < 0.9:  # mostly follow the ball, so bricks get broken
        return 0 if env.pos == env.ball_x else (1 if env.ball_x < env.pos else 3)
    if game == 'seaquest':  # stay down, shoot, and surface only with a diver aboard (or oxygen low)
        if env.sub_y > 0 and (env.diver_count > 0 and env.oxygen < 120 or env.oxygen < 30):
            return 2
        return [0, 1, 3, 4, 5, 5][rs.randint(6)] if env.sub_y < 3 or rs.rand() < 0.8 else 2
    if game == 'freeway':  # mostly up, so the chicken scores
        return 2 if rs.rand() < 0.6 else rs.randint(6)
    if game == 'space_invaders':  # fire-heavy, so waves get cleared
        return 5 if rs.rand() < 0.5 else rs.randint(6)
    return rs.randint(6)


for name, module, episodes in GAMES:
    actions = np.random.RandomState(7)
    with gzip.open('%s/%s.txt.gz' % (sys.argv[2], name), 'wt') as out:
        for seed in range(episodes):
            env = module.Env()
            env.random = Shim(seed)
            env.reset()
            out.write('E %d %s\n' % (seed, bits(env.state())))
            for _ in range(5000):
                a = policy(name, actions, env)
                env.random.rand()  # the sticky-action draw
                r, terminal = env.act(a)
                out.write('%d %d %d %s\n' % (a, int(r), int(terminal), bits(env.state())))
                if terminal:
                    break
