package rlx.agents.pg;

/**
 * The {@code agent.normalize} block: SB3's {@code VecNormalize} for PPO and A2C. Observations are shifted and scaled
 * by running estimates of their mean and variance and clipped; rewards are divided by the running standard deviation
 * of the discounted return and clipped. rl-baselines3-zoo turns both on for MountainCar and several other envs.
 *
 * @param observations     normalise observations
 * @param rewards          scale rewards
 * @param clipObservations bound on a normalised observation component
 * @param clipRewards      bound on a scaled reward
 */
public record NormalizeConfig(boolean observations, boolean rewards, double clipObservations, double clipRewards) {

    public static final NormalizeConfig OFF = new NormalizeConfig(false, false, 10.0, 10.0);

    public NormalizeConfig {
        if (!(clipObservations > 0) || !(clipRewards > 0)) {
            throw new IllegalArgumentException("normalize.clip-observations (" + clipObservations
                    + ") and normalize.clip-rewards (" + clipRewards + ") must be > 0");
        }
    }

    public boolean enabled() {
        return observations || rewards;
    }
}
