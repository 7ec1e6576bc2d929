/**
 * Interop with RL4J 1.0.0-M1.1's {@code MDP} interface, so RL4J's agents (DQN, A3C, ...) can be run as baselines on
 * exactly rlx's environments, and RL4J's own environments can be used wherever rlx expects an {@link
 * rlx.envs.core.Env}.
 *
 * <ul>
 *   <li>{@link rlx.envs.rl4j.Rl4jMdp}: an rlx env with a {@link rlx.envs.core.Discrete} action space seen as an
 *       RL4J {@code MDP<Box, Integer, DiscreteSpace>}. Box observations become RL4J {@code Box}es of the same shape
 *       (float32 values widened to double, so exact); discrete observations become one-hot {@code Box}es.</li>
 *   <li>{@link rlx.envs.rl4j.Rl4jEnv}: any RL4J {@code MDP<? extends Encodable, Integer, DiscreteSpace>} seen as an
 *       rlx {@code Env<float[], Integer>}.</li>
 * </ul>
 *
 * <h2>What does not map one to one</h2>
 * RL4J's {@code MDP} has neither seeds nor truncation:
 * <ul>
 *   <li><b>Seeds.</b> {@code Rl4jMdp} takes its seed at construction and uses it for its first {@code reset()};
 *       later resets continue the env's own generator, exactly as {@code env.reset(seed)} followed by
 *       {@code env.reset()} in rlx. {@code newInstance()} derives the copy's seed with
 *       {@link rlx.envs.core.Seeds#derive(long, long)}. {@code Rl4jEnv.reset(seed)} cannot reseed an RL4J MDP: seed
 *       the MDP when constructing it.</li>
 *   <li><b>Truncation.</b> {@code Rl4jMdp.isDone()} is true when the rlx step terminated <i>or</i> was truncated
 *       (e.g. by the registry's time limit); {@code Rl4jMdp.truncated()} still tells them apart. In the other
 *       direction RL4J's {@code isDone} becomes {@code terminated}, because RL4J cannot say whether it was a time
 *       limit.</li>
 * </ul>
 *
 * RL4J observations are ND4J arrays, so using this package needs an ND4J backend (e.g. {@code nd4j-native}) on the
 * runtime class path; nothing else in rlx.envs does.
 */
package rlx.envs.rl4j;
