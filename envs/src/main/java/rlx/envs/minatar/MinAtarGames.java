package rlx.envs.minatar;

import java.util.List;
import rlx.envs.core.EnvKwargs;
import rlx.envs.core.EnvRegistry;

/** The registration lines of the MinAtar games, with their kwargs. */
public final class MinAtarGames {

    /** The games in registration order. */
    public static final List<String> IDS = List.of(Breakout.ID, Freeway.ID, Asterix.ID, SpaceInvaders.ID,
            Seaquest.ID);

    private MinAtarGames() {
    }

    public static EnvRegistry register(EnvRegistry r) {
        r.register(Breakout.ID, k -> new Breakout(options(k, false)));
        r.register(Freeway.ID, k -> new Freeway(options(k, false)));
        r.register(Asterix.ID, k -> new Asterix(options(k, true)));
        r.register(SpaceInvaders.ID, k -> new SpaceInvaders(options(k, true)));
        r.register(Seaquest.ID, k -> new Seaquest(options(k, true)));
        return r;
    }

    /** Reads the common kwargs; {@code ramps} says whether the game has a difficulty ramp to switch off. */
    static MinAtarOptions options(EnvKwargs k, boolean ramps) {
        double sticky = k.number("sticky-action-prob", MinAtarOptions.DEFAULT_STICKY_ACTION_PROB);
        boolean minimal = k.bool("minimal-actions", false);
        boolean ramping = !ramps || k.bool("difficulty-ramping", true);
        return new MinAtarOptions(sticky, minimal, ramping);
    }
}
