package rlx.agents.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;
import rlx.envs.games.Go;

class GtpEngineTest {

    private static GtpEngine engine() {
        return new GtpEngine(new RandomPlayer(new Rng(7)), "rlx", "test");
    }

    @Test
    void aScriptedSessionWithMalformedCommandsKeepsTheEngineAndItsPositionIntact() throws IOException {
        String script = String.join("\n",
                "1 protocol_version",
                "2 name",
                "version",
                "3 known_command genmove",
                "known_command kgs-chat",
                "# a comment line, ignored",
                "",
                "4 boardsize 19",
                "5 boardsize nine",
                "6 boardsize 9",
                "7 komi 6.5",
                "8 komi lots",
                "9 play black D4  # trailing comment",
                "10 play black Z99",
                "11 play purple E5",
                "12 play white D4",
                "13 play white",
                "14 frobnicate",
                "15",
                "16 play w\tE5",
                "17 play b J9",
                "18 play B I9",
                "19 final_score",
                "20 genmove",
                "21 quit",
                "22 name");
        StringWriter out = new StringWriter();
        GtpEngine e = engine();
        e.run(new BufferedReader(new StringReader(script)), out);
        String expected = String.join("",
                "=1 2\n\n",
                "=2 rlx\n\n",
                "= test\n\n",
                "=3 true\n\n",
                "= false\n\n",
                "?4 unacceptable size\n\n",
                "?5 syntax error\n\n",
                "=6 \n\n",
                "=7 \n\n",
                "?8 syntax error\n\n",
                "=9 \n\n",
                "?10 invalid vertex\n\n",
                "?11 invalid color\n\n",
                "?12 illegal move\n\n",
                "?13 syntax error\n\n",
                "?14 unknown command\n\n",
                "?15 missing command after id\n\n",
                "=16 \n\n",
                "=17 \n\n",
                "?18 invalid vertex\n\n", // GTP has no column I
                "=19 W+5.5\n\n", // stones 2 - 1, the empty points touch both colours, komi 6.5
                "?20 syntax error\n\n",
                "=21 \n\n");
        assertEquals(expected, out.toString());
        assertTrue(e.quitRequested(), "the engine stops at quit: command 22 is never answered");
        assertEquals("D4 E5 J9", e.state().history(), "the failed commands changed nothing");
    }

    @Test
    void twoMovesOfOneColourPutAPassBetweenThem() {
        GtpEngine e = engine();
        assertEquals("= \n\n", e.respond("play b C3"));
        assertEquals("= \n\n", e.respond("play b G7"));
        assertEquals("C3 pass G7", e.state().history());
        assertEquals("= \n\n", e.respond("play w pass"));
        // black then white passing would end the game before black's move: refused, state kept
        assertEquals("? illegal move\n\n", e.respond("play w D5"));
        assertEquals("C3 pass G7 pass", e.state().history());
    }

    @Test
    void genmovePlaysALegalMoveForEitherColourAndPassesOnceTheGameIsOver() {
        GtpEngine e = engine();
        String r = e.respond("1 genmove b");
        assertTrue(r.matches("=1 ([A-HJ][1-9]|pass)\n\n"), r);
        assertEquals(1, e.state().moveCount());
        String w = e.respond("genmove white");
        assertTrue(w.matches("= ([A-HJ][1-9]|pass)\n\n"), w);
        assertEquals(2, e.state().moveCount());
        e.respond("clear_board");
        e.respond("play b pass");
        e.respond("play w pass");
        assertTrue(e.state().isTerminal());
        assertEquals("= pass\n\n", e.respond("genmove b"));
        assertEquals("pass pass", e.state().history());
        assertEquals("= W+7.5\n\n", e.respond("final_score"), "empty board: komi alone");
    }

    @Test
    void komiIsKeptAcrossMovesAndTheFinalScoreUsesIt() {
        GtpEngine e = engine();
        e.respond("play b E5");
        e.respond("komi 0");
        assertEquals("E5", e.state().history());
        assertEquals("= B+81.0\n\n", e.respond("final_score"), "one stone owns the whole empty board");
        e.respond("komi 81");
        assertEquals("= 0\n\n", e.respond("final_score"));
    }

    @Test
    void listsItsCommandsOnePerLineAndIgnoresBlankLines() {
        GtpEngine e = engine();
        assertEquals("= " + String.join("\n", GtpEngine.COMMANDS) + "\n\n", e.respond("list_commands"));
        assertNull(e.respond("   "));
        assertNull(e.respond("# only a comment"));
        String board = e.respond("showboard");
        assertTrue(board.startsWith("= \n   A B C D E F G H J\n"), board);
        assertTrue(board.endsWith("\n\n") && !board.substring(0, board.length() - 2).contains("\n\n"), board);
    }

    @Test
    void aFailingPlayerIsAnErrorResponseNotACrash() {
        GtpEngine e = new GtpEngine(state -> {
            throw new IllegalStateException("no idea");
        }, "rlx", "test");
        assertEquals("?3 internal error: no idea\n\n", e.respond("3 genmove b"));
        assertEquals(0, e.state().moveCount());
        assertEquals("= 2\n\n", e.respond("protocol_version"));
        assertEquals(new Go().newInitialState(), e.state());
    }
}
