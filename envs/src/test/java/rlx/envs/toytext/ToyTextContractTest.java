package rlx.envs.toytext;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rlx.envs.check.EnvChecker;
import rlx.envs.core.EnvRegistry;

/** Every toy-text registration and stochastic variant honours the env API contract rlx's checker enforces. */
class ToyTextContractTest {

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(FrozenLake.ID, Map.of()),
                Arguments.of(FrozenLake.ID, Map.of("is_slippery", false)),
                Arguments.of(FrozenLake.ID_8X8, Map.of()),
                Arguments.of(CliffWalking.ID, Map.of()),
                Arguments.of(CliffWalking.ID, Map.of("is_slippery", true)),
                Arguments.of(Taxi.ID, Map.of()),
                Arguments.of(Taxi.ID, Map.of("is_rainy", true, "fickle_passenger", true)));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void passesTheEnvChecker(String id, Map<String, Object> kwargs) {
        EnvRegistry registry = EnvRegistry.standard();

        List<String> failures = new EnvChecker(5, 11L)
                .check(() -> registry.make(id, kwargs), () -> registry.makeRaw(id, kwargs));

        assertEquals(List.of(), failures);
    }
}
