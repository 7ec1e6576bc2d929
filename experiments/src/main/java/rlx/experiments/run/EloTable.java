package rlx.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rlx.agents.play.Arena;
import rlx.agents.play.Elo;

/**
 * The Elo ratings of agent specs at one game, {@code results/elo-<game>.json}: standard Elo with K = 16, updated
 * after every arena game in the order played, new specs starting at 1500. Every match is kept as well, so that
 * ratings can be refitted (e.g. Bradley-Terry) from the record. Ratings are listed best first.
 */
public final class EloTable {

    public static final String METHOD = "Elo, K=16, updated after every game in the order played; new specs start"
            + " at 1500";

    /** One spec's rating and record. */
    public record Entry(double rating, int games, int wins, int draws, int losses) {

        Entry add(double newRating, Arena.Outcome forThisSpec) {
            return new Entry(newRating, games + 1, wins + (forThisSpec == Arena.Outcome.A_WINS ? 1 : 0),
                    draws + (forThisSpec == Arena.Outcome.DRAW ? 1 : 0),
                    losses + (forThisSpec == Arena.Outcome.B_WINS ? 1 : 0));
        }
    }

    /** One arena run. */
    public record Match(String utc, String a, String b, long seed, int games, int aWins, int draws, int bWins) {
    }

    private final String game;
    private final Map<String, Entry> ratings = new LinkedHashMap<>();
    private final List<Match> matches = new ArrayList<>();

    private EloTable(String game) {
        this.game = game;
    }

    /** {@code results/elo-<game>.json}. */
    public static Path file(Path results, String game) {
        return results.resolve("elo-" + game + ".json");
    }

    /**
     * The table in {@code file}, or an empty one for {@code game} if there is no file yet.
     *
     * @throws IllegalArgumentException if the file is not a table of this game
     */
    public static EloTable load(Path file, String game) {
        EloTable t = new EloTable(game);
        if (!Files.exists(file)) {
            return t;
        }
        JsonNode root = Json.read(file);
        String stored = root.path("game").asText("");
        if (!stored.equals(game)) {
            throw new IllegalArgumentException(file + " rates game '" + stored + "', not '" + game + "'");
        }
        root.path("ratings").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            t.ratings.put(e.getKey(), new Entry(v.path("rating").asDouble(Elo.INITIAL), v.path("games").asInt(),
                    v.path("wins").asInt(), v.path("draws").asInt(), v.path("losses").asInt()));
        });
        for (JsonNode m : root.path("matches")) {
            t.matches.add(new Match(m.path("utc").asText(), m.path("a").asText(), m.path("b").asText(),
                    m.path("seed").asLong(), m.path("games").asInt(), m.path("a_wins").asInt(),
                    m.path("draws").asInt(), m.path("b_wins").asInt()));
        }
        return t;
    }

    public double rating(String spec) {
        Entry e = ratings.get(spec);
        return e != null ? e.rating() : Elo.INITIAL;
    }

    public Entry entry(String spec) {
        return ratings.getOrDefault(spec, new Entry(Elo.INITIAL, 0, 0, 0, 0));
    }

    public List<Match> matches() {
        return List.copyOf(matches);
    }

    /**
     * Adds a match of {@code a} against {@code b}: one Elo update per game, in order. A spec playing itself gains
     * nothing and loses nothing, so only the match is recorded.
     */
    public void record(String a, String b, long seed, List<Arena.Outcome> outcomes, Instant when) {
        Entry ea = entry(a);
        Entry eb = entry(b);
        int aWins = 0;
        int draws = 0;
        for (Arena.Outcome o : outcomes) {
            aWins += o == Arena.Outcome.A_WINS ? 1 : 0;
            draws += o == Arena.Outcome.DRAW ? 1 : 0;
            if (!a.equals(b)) {
                Elo.Ratings r = Elo.update(ea.rating(), eb.rating(), o.aScore(), Elo.K);
                ea = ea.add(r.a(), o);
                eb = eb.add(r.b(), mirror(o));
            }
        }
        if (!a.equals(b)) {
            ratings.put(a, ea);
            ratings.put(b, eb);
        }
        matches.add(new Match(when.toString(), a, b, seed, outcomes.size(), aWins, draws,
                outcomes.size() - aWins - draws));
    }

    private static Arena.Outcome mirror(Arena.Outcome o) {
        return o == Arena.Outcome.A_WINS ? Arena.Outcome.B_WINS : o == Arena.Outcome.B_WINS ? Arena.Outcome.A_WINS : o;
    }

    /** Writes the table (best rating first) through a temporary file. */
    public void save(Path file) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("game", game);
        root.put("method", METHOD);
        ObjectNode r = root.putObject("ratings");
        ratings.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Entry> e) -> -e.getValue().rating()))
                .forEach(e -> {
                    ObjectNode o = r.putObject(e.getKey());
                    o.put("rating", e.getValue().rating());
                    o.put("games", e.getValue().games());
                    o.put("wins", e.getValue().wins());
                    o.put("draws", e.getValue().draws());
                    o.put("losses", e.getValue().losses());
                });
        ArrayNode ms = root.putArray("matches");
        for (Match m : matches) {
            ObjectNode o = ms.addObject();
            o.put("utc", m.utc());
            o.put("a", m.a());
            o.put("b", m.b());
            o.put("seed", m.seed());
            o.put("games", m.games());
            o.put("a_wins", m.aWins());
            o.put("draws", m.draws());
            o.put("b_wins", m.bWins());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the directory of " + file, e);
        }
        Json.write(file, root);
    }
}
