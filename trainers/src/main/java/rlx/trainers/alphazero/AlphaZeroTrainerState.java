package rlx.trainers.alphazero;

/**
 * The generation loop's counters and random-generator states, saved with every checkpoint so that a resumed run
 * continues exactly where the checkpoint stood.
 */
public record AlphaZeroTrainerState(int generation, long positions, long games, double wallSeconds, double bestElo,
                                    int promotions, long[] selfPlayRng, long[] trainRng, long[] matchRng,
                                    long resumes) {
}
