package rlx.trainers.alphazero;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import rlx.agents.alphazero.ReplayWindow;
import rlx.networks.pv.PolicyValueNetwork;

/**
 * The files of one AlphaZero checkpoint: the learner network (with its optimiser state), the best network, the
 * network the next self-play generation uses when it is not the best (the actor runtime plays one generation
 * behind the gate), the replay window and the counters and random streams.
 */
final class AlphaZeroCheckpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEARNER = "learner";
    private static final String BEST = "best";
    private static final String SELF_PLAY = "self-play";
    private static final String WINDOW = "window.bin";
    private static final String STATE = "trainer.json";

    /** What a checkpoint holds; {@code selfPlay} is null when self-play uses the best network. */
    record Contents(PolicyValueNetwork learner, PolicyValueNetwork best, PolicyValueNetwork selfPlay,
                    AlphaZeroTrainerState state) {
    }

    private AlphaZeroCheckpoint() {
    }

    static void write(Path dir, PolicyValueNetwork learner, PolicyValueNetwork best, PolicyValueNetwork selfPlay,
                      ReplayWindow window, AlphaZeroTrainerState state) throws IOException {
        learner.save(dir.resolve(LEARNER));
        best.save(dir.resolve(BEST));
        if (selfPlay != null) {
            selfPlay.save(dir.resolve(SELF_PLAY));
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(dir.resolve(WINDOW))))) {
            window.write(out);
        }
        JSON.writeValue(dir.resolve(STATE).toFile(), state);
    }

    /** Reads a checkpoint, filling {@code window} (which must be empty and of the run's shape). */
    static Contents read(Path dir, ReplayWindow window) throws IOException {
        AlphaZeroTrainerState state = JSON.readValue(dir.resolve(STATE).toFile(), AlphaZeroTrainerState.class);
        Path windowFile = dir.resolve(WINDOW);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(windowFile)))) {
            window.read(in, windowFile.toString());
        }
        PolicyValueNetwork selfPlay = Files.isDirectory(dir.resolve(SELF_PLAY))
                ? PolicyValueNetwork.load(dir.resolve(SELF_PLAY)) : null;
        return new Contents(PolicyValueNetwork.load(dir.resolve(LEARNER)), PolicyValueNetwork.load(dir.resolve(BEST)),
                selfPlay, state);
    }
}
