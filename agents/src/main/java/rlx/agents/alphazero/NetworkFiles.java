package rlx.agents.alphazero;

import java.nio.file.Files;
import java.nio.file.Path;
import rlx.envs.games.Game;
import rlx.networks.pv.PolicyValueNetwork;

/** Where an AlphaZero run keeps the network that plays: its latest promoted ("best") network. */
public final class NetworkFiles {

    /** The directory in a run directory that holds the current best network. */
    public static final String BEST_DIR = "best-network";

    private NetworkFiles() {
    }

    /**
     * The network file {@code path} names: the file itself, a run directory's best network, or a
     * {@value PolicyValueNetwork#MODEL_FILE} in a directory.
     *
     * @throws IllegalArgumentException naming the path and what was looked for
     */
    public static Path locate(Path path) {
        if (Files.isRegularFile(path)) {
            return path;
        }
        Path best = path.resolve(BEST_DIR).resolve(PolicyValueNetwork.MODEL_FILE);
        if (Files.isRegularFile(best)) {
            return best;
        }
        Path direct = path.resolve(PolicyValueNetwork.MODEL_FILE);
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        throw new IllegalArgumentException("no AlphaZero network at " + path + ": expected a run directory with "
                + BEST_DIR + "/" + PolicyValueNetwork.MODEL_FILE + " (written by ./rlx train with algorithm ="
                + " alphazero), a directory with " + PolicyValueNetwork.MODEL_FILE + ", or the file itself");
    }

    /** Loads the network at {@code path} and checks that it fits {@code game}'s boards and moves. */
    public static PolicyValueNetwork load(Path path, Game game) {
        Path file = locate(path);
        PolicyValueNetwork net = PolicyValueNetwork.load(file);
        int[] shape = game.observationShape();
        if (net.planes() != shape[0] || net.rows() != shape[1] || net.cols() != shape[2]
                || net.numActions() != game.numDistinctActions()) {
            throw new IllegalArgumentException(file + " was trained for " + net.planes() + "x" + net.rows() + "x"
                    + net.cols() + " boards with " + net.numActions() + " moves, not for " + game.name() + " ("
                    + shape[0] + "x" + shape[1] + "x" + shape[2] + ", " + game.numDistinctActions() + " moves)");
        }
        return net;
    }
}
