package rlx.experiments.train;

import java.io.IOException;
import java.nio.file.Path;
import rlx.agents.alphazero.AlphaZeroConfig;
import rlx.agents.core.DiscretePolicy;
import rlx.agents.play.PlayerSpec;
import rlx.envs.core.EnvRegistry;
import rlx.envs.games.GameRegistry;
import rlx.trainers.alphazero.ActorAlphaZeroTrainer;
import rlx.trainers.alphazero.AlphaZeroTrainer;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

/**
 * {@code algorithm = alphazero}: self-play training of a policy-value network for a board game named by
 * {@code env.id}; env steps are self-play positions and episodes self-play games.
 */
final class AlphaZeroAlgorithm implements Algorithm<AlphaZeroConfig> {

    @Override
    public String name() {
        return "alphazero";
    }

    @Override
    public Class<AlphaZeroConfig> configType() {
        return AlphaZeroConfig.class;
    }

    @Override
    public void checkEnv(String envId, EnvRegistry registry) {
        try {
            GameRegistry.byName(envId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("env.id: " + e.getMessage() + " (alphazero trains on board games)", e);
        }
    }

    @Override
    public AlphaZeroConfig bind(com.typesafe.config.Config root) {
        AlphaZeroConfig config = Algorithm.super.bind(root);
        try {
            PlayerSpec.parse(config.evaluation().opponent());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agent.evaluation.opponent: " + e.getMessage(), e);
        }
        return config;
    }

    @Override
    public TrainOutcome train(AlphaZeroConfig config, TrainSettings settings, EnvRegistry registry, Path checkpoints,
                              TrainingListener listener, boolean resume) throws IOException {
        var game = GameRegistry.byName(settings.envId());
        if (config.selfPlay().workers() == 0) {
            return new AlphaZeroTrainer(config, game, settings, checkpoints, listener).run(resume);
        }
        return new ActorAlphaZeroTrainer(config, game, settings, checkpoints, listener).run(resume);
    }

    @Override
    public DiscretePolicy loadPolicy(AlphaZeroConfig config, Path checkpoint) {
        throw new IllegalArgumentException("an alphazero run plays board games: measure it with"
                + " ./rlx arena --game <game>"
                + " alphazero:run=<run directory> <opponent>, or ./rlx c4 eval --agent alphazero:run=<run directory>");
    }
}
