package rlx.trainers.alphazero;

/** What the coach tells the evaluator actor. */
sealed interface GateMessage {

    /**
     * Play the candidate against the best and promote it on the gate's score; then, with {@code evaluationGames} >
     * 0, play the (possibly new) best against the evaluation opponent.
     */
    record Gate(int generation, long positions, float[] candidate, int evaluationGames) implements GateMessage {
    }

    /** The final evaluation of the best network. */
    record FinalEvaluation(int generation, long positions, int games) implements GateMessage {
    }
}
