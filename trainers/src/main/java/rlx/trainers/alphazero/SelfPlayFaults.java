package rlx.trainers.alphazero;

/** Injected self-play failures, for tests of supervision: called before each chunk a self-play actor plays. */
@FunctionalInterface
public interface SelfPlayFaults {

    SelfPlayFaults NONE = (worker, incarnation, generation, chunk) -> { };

    void beforeChunk(int worker, long incarnation, int generation, int chunk);
}
