package rlx.trainers.alphazero;

/** What the coach tells a self-play actor. Local only: these carry networks' parameters within one JVM. */
sealed interface SelfPlayMessage {

    /** Play with these parameters from the next chunk on. */
    record UseNetwork(int version, float[] params) implements SelfPlayMessage {
    }

    /** Play {@code games} games of {@code generation} as its chunk {@code chunk}, with randomness from {@code seed}. */
    record Play(int generation, int chunk, int games, int concurrentGames, long seed) implements SelfPlayMessage {
    }
}
