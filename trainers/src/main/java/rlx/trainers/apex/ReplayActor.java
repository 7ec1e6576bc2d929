package rlx.trainers.apex;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import rlx.agents.replay.ReplayBuffer;
import rlx.agents.replay.SampledBatch;
import rlx.envs.core.Rng;
import rlx.trainers.actors.LearnerCommand;
import rlx.trainers.actors.ReplayCommand;

/**
 * The replay actor of distributed DQN: wraps a {@link ReplayBuffer}; runners store batches in it, the learner samples
 * minibatches (each a fresh array set, handed over and never touched again here) and sends priority updates.
 */
public final class ReplayActor {

    private ReplayActor() {
    }

    public static Behavior<ReplayCommand> create(ReplayBuffer buffer, Rng rng, ActorRef<LearnerCommand> learner) {
        return Behaviors.receive(ReplayCommand.class)
                .onMessage(ReplayCommand.Store.class, m -> {
                    var c = m.batch();
                    c.transitions().addTo(buffer);
                    learner.tell(new LearnerCommand.TransitionsStored(m.runner(), m.node(), c.transitions().size(),
                            c.envSteps(), c.episodeReturns(), c.episodeLengths(), c.envRestarts()));
                    return Behaviors.same();
                })
                .onMessage(ReplayCommand.Sample.class, m -> {
                    SampledBatch batch = new SampledBatch(m.batchSize(), buffer.obsSize());
                    buffer.sample(m.batchSize(), m.beta(), rng, batch);
                    learner.tell(new LearnerCommand.Sampled(batch));
                    return Behaviors.same();
                })
                .onMessage(ReplayCommand.UpdatePriorities.class, m -> {
                    buffer.updatePriorities(m.indices(), m.tdErrors(), m.count());
                    return Behaviors.same();
                })
                .build();
    }
}
