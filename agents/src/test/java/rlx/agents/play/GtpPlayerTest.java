package rlx.agents.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;
import rlx.envs.games.GameState;
import rlx.envs.games.Go;

/** The GTP client against rlx's own engine on pipes in this JVM; against GNU Go too where it is installed. */
class GtpPlayerTest {

    /** An rlx engine on a thread, its streams piped to a client; also records every command it received. */
    static final class PipedEngine implements AutoCloseable {
        final GtpEngine engine;
        final GtpClient client;
        final List<String> received = new ArrayList<>();
        final Thread thread;

        PipedEngine(Player player) throws IOException {
            engine = new GtpEngine(player, "rlx-test", "0");
            PipedOutputStream toEngine = new PipedOutputStream();
            PipedInputStream engineIn = new PipedInputStream(toEngine, 1 << 16);
            PipedOutputStream engineOut = new PipedOutputStream();
            PipedInputStream fromEngine = new PipedInputStream(engineOut, 1 << 16);
            thread = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(engineIn, StandardCharsets.UTF_8));
                     OutputStreamWriter out = new OutputStreamWriter(engineOut, StandardCharsets.UTF_8)) {
                    String line;
                    while (!engine.quitRequested() && (line = in.readLine()) != null) {
                        synchronized (received) {
                            received.add(line);
                        }
                        String r = engine.respond(line);
                        if (r != null) {
                            out.write(r);
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "gtp-engine");
            thread.setDaemon(true);
            thread.start();
            client = GtpClient.over("piped rlx", fromEngine, toEngine);
        }

        @Override
        public void close() throws InterruptedException {
            client.close();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    @Test
    void clientAndEngineAgreeOnEveryMoveOfFullGames() throws Exception {
        Go go = new Go();
        try (PipedEngine remote = new PipedEngine(new RandomPlayer(new Rng(11)))) {
            GtpPlayer gtp = new GtpPlayer(go, remote.client);
            assertEquals(List.of("boardsize 9", "clear_board", "komi 7.5"), remote.received);
            List<Arena.GameRecord> games = new ArrayList<>();
            ArenaResult r = Arena.play(go, gtp, new RandomPlayer(new Rng(12)), 2, games::add);
            assertEquals(2, r.games());
            // the engine's board is the arena's up to the engine's last genmove: the moves after it were not sent
            String engineGame = remote.engine.state().history();
            String arenaGame = games.get(1).history();
            assertTrue(arenaGame.startsWith(engineGame), engineGame + " vs " + arenaGame);
            assertTrue(engineGame.split(" ").length > 20, "a real game was played: " + engineGame);
            assertEquals("2", remote.client.expect("protocol_version"));
        }
    }

    @Test
    void aNewGameOrAnUnrelatedPositionIsReplayedFromAClearBoard() throws Exception {
        Go go = new Go();
        try (PipedEngine remote = new PipedEngine(state -> go.passAction())) {
            GtpPlayer gtp = new GtpPlayer(go, remote.client);
            GameState s = go.parse("D4 E5 C3");
            assertEquals(go.passAction(), gtp.chooseAction(s));
            assertEquals("D4 E5 C3 pass", remote.engine.state().history());
            remote.received.clear();
            gtp.chooseAction(go.parse("D4 E5 C3 pass F6")); // continues: only the new move is sent
            assertEquals(List.of("play B F6", "genmove W"), remote.received);
            remote.received.clear();
            gtp.chooseAction(go.parse("A1"));
            assertEquals(List.of("clear_board", "komi 7.5", "play B A1", "genmove W"), remote.received);
            assertEquals("A1 pass", remote.engine.state().history());
        }
    }

    @Test
    void anEngineThatResignsOrRefusesIsReported() throws Exception {
        Go go = new Go();
        try (PipedEngine remote = new PipedEngine(state -> Player.RESIGN)) {
            GtpPlayer gtp = new GtpPlayer(go, remote.client);
            assertEquals(Player.RESIGN, gtp.chooseAction(go.newInitialState()));
            Arena.GameRecord g = Arena.playOne(go, gtp, new RandomPlayer(new Rng(1)), 0);
            assertEquals(Arena.Outcome.B_WINS, g.outcome());
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> remote.client.expect("boardsize 19"));
            assertTrue(e.getMessage().contains("rejected 'boardsize 19': unacceptable size"), e.getMessage());
        }
    }

    /** Runs only where {@code which gnugo} finds GNU Go: a couple of real moves against it. */
    @Test
    void drivesGnuGoWhenInstalled() throws Exception {
        Process which = new ProcessBuilder("which", "gnugo").redirectErrorStream(true).start();
        String path = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(which.waitFor() == 0 && !path.isEmpty(), "gnugo is not installed");
        Go go = new Go();
        try (Player gnugo = PlayerSpecs.parse("gtp:gnugo --mode gtp --level 1", go, 1)) {
            GameState s = go.parse("E5");
            int reply = gnugo.chooseAction(s);
            assertTrue(s.isLegal(reply));
            assertNotEquals(Player.RESIGN, reply);
        }
    }
}
