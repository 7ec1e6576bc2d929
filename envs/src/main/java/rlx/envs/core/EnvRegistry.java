package rlx.envs.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import rlx.envs.wrappers.PassiveChecks;
import rlx.envs.wrappers.TimeLimit;

/**
 * Environments by id, as {@code gymnasium.make}. {@link #make} returns the env wrapped as Gymnasium wraps it:
 * strict action checks and the spec's time limit; {@link #makeRaw} returns the bare env (its own dynamics only,
 * which is what reference replays and the vector envs use).
 *
 * <pre>{@code
 * Env<?, ?> env = EnvRegistry.standard().make("CartPole-v1");
 * Env<?, ?> lake = EnvRegistry.standard().make("FrozenLake-v1", Map.of("is_slippery", false));
 * }</pre>
 */
public final class EnvRegistry {

    private static final EnvRegistry STANDARD = BuiltinEnvs.register(new EnvRegistry());

    private final Map<String, Function<EnvKwargs, Env<?, ?>>> factories = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    /** The registry of every env rlx ships. */
    public static EnvRegistry standard() {
        return STANDARD;
    }

    /** Registers a factory that builds the env from its keyword arguments. */
    public EnvRegistry register(String id, Function<EnvKwargs, Env<?, ?>> factory) {
        if (factories.putIfAbsent(id, factory) != null || aliases.containsKey(id)) {
            throw new IllegalArgumentException("env id " + id + " is already registered");
        }
        return this;
    }

    /** Registers {@code alias} as another name of {@code id} (e.g. a deprecated version). */
    public EnvRegistry alias(String alias, String id) {
        if (!factories.containsKey(id)) {
            throw new UnknownEnvException(id, ids());
        }
        aliases.put(alias, id);
        return this;
    }

    /** Registered ids in registration order (aliases excluded). */
    public List<String> ids() {
        return List.copyOf(factories.keySet());
    }

    /** Alias name to the id it stands for. */
    public Map<String, String> aliases() {
        return Collections.unmodifiableMap(aliases);
    }

    public boolean contains(String id) {
        return factories.containsKey(id) || aliases.containsKey(id);
    }

    /** The bare env: no time limit, Gymnasium's own action handling. */
    public Env<?, ?> makeRaw(String id, Map<String, ?> kwargs) {
        String canonical = aliases.getOrDefault(id, id);
        Function<EnvKwargs, Env<?, ?>> factory = factories.get(canonical);
        if (factory == null) {
            throw new UnknownEnvException(id, ids());
        }
        EnvKwargs args = new EnvKwargs(canonical, kwargs);
        Env<?, ?> env = factory.apply(args);
        Set<String> unknown = args.unknownKeys();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(canonical + ": unknown kwarg(s) " + unknown + "; allowed: "
                    + (args.resolved().isEmpty() ? "none" : String.join(", ", args.resolved().keySet())));
        }
        return env;
    }

    public Env<?, ?> makeRaw(String id) {
        return makeRaw(id, Map.of());
    }

    /** The env as a user trains on it: strict action checks, then the spec's time limit if it has one. */
    public Env<?, ?> make(String id, Map<String, ?> kwargs) {
        Env<?, ?> env = new PassiveChecks<>(makeRaw(id, kwargs));
        return env.spec().hasTimeLimit() ? new TimeLimit<>(env, env.spec().maxEpisodeSteps()) : env;
    }

    public Env<?, ?> make(String id) {
        return make(id, Map.of());
    }

    /** The allocation-free view of a registered env, for vector envs. */
    public FlatEnv makeFlat(String id, Map<String, ?> kwargs) {
        Env<?, ?> env = makeRaw(id, kwargs);
        if (!(env instanceof FlatEnv flat)) {
            throw new IllegalArgumentException(id + " has no flat-array stepping");
        }
        return flat;
    }

    public EnvSpec spec(String id) {
        return makeRaw(id).spec();
    }
}
