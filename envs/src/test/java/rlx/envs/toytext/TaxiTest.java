package rlx.envs.toytext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Step;

class TaxiTest {

    private static final int SOUTH = 0;
    private static final int NORTH = 1;
    private static final int EAST = 2;
    private static final int WEST = 3;
    private static final int PICKUP = 4;
    private static final int DROPOFF = 5;
    private static final int RED = 0;
    private static final int GREEN = 1;
    private static final int YELLOW = 2;

    private static int state(int row, int col, int passenger, int destination) {
        return new TaxiState(row, col, passenger, destination).index();
    }

    @Test
    void encodingRoundTripsOverAllStates() {
        for (int s = 0; s < TaxiState.COUNT; s++) {
            assertEquals(s, TaxiState.decode(s).index());
        }
        assertEquals(((2 * 5 + 3) * 5 + 4) * 4 + 1, state(2, 3, TaxiState.IN_TAXI, GREEN));
    }

    @Test
    void pickingUpOrDroppingOffIllegallyCostsTenAndChangesNothing() {
        Taxi env = new Taxi();
        int awayFromPassenger = state(2, 2, RED, GREEN);
        env.restore(awayFromPassenger);

        Step<Integer> pickup = env.step(PICKUP);
        Step<Integer> dropoff = env.step(DROPOFF);

        assertEquals(-10.0, pickup.reward());
        assertEquals(awayFromPassenger, pickup.observation());
        assertEquals(-10.0, dropoff.reward());
        assertEquals(awayFromPassenger, dropoff.observation());
        assertFalse(dropoff.terminated());
        // with the passenger aboard, a second pickup is illegal too
        env.restore(state(0, 0, TaxiState.IN_TAXI, GREEN));
        assertEquals(-10.0, env.step(PICKUP).reward());
    }

    @Test
    void aLegalPickupAndDeliveryEndTheEpisodeWithTwenty() {
        Taxi env = new Taxi();
        env.restore(state(0, 0, RED, GREEN));

        Step<Integer> pickup = env.step(PICKUP);
        assertEquals(state(0, 0, TaxiState.IN_TAXI, GREEN), pickup.observation());
        assertEquals(-1.0, pickup.reward());
        assertEquals(List.of(1, 0, 1, 0, 0, 1), pickup.info().get("action_mask"));

        env.restore(state(0, 4, TaxiState.IN_TAXI, GREEN));
        Step<Integer> delivery = env.step(DROPOFF);
        assertEquals(20.0, delivery.reward());
        assertTrue(delivery.terminated());
        assertEquals(state(0, 4, GREEN, GREEN), delivery.observation());
    }

    @Test
    void droppingOffAtAnotherStandLeavesThePassengerThere() {
        Taxi env = new Taxi();
        env.restore(state(4, 0, TaxiState.IN_TAXI, GREEN));

        Step<Integer> step = env.step(DROPOFF);

        assertEquals(state(4, 0, YELLOW, GREEN), step.observation());
        assertEquals(-1.0, step.reward());
        assertFalse(step.terminated());
    }

    @Test
    void actionMasksMarkExactlyTheActionsThatChangeTheState() {
        Taxi env = new Taxi();
        for (int s = 0; s < TaxiState.COUNT; s++) {
            List<Integer> mask = env.actionMask(s);
            for (int a = 0; a < 6; a++) {
                int next = env.transitions(s, a).get(0).nextState();
                assertEquals(next != s ? 1 : 0, mask.get(a), "state " + s + " action " + a);
            }
        }
        // walls: at (0, 1) east is blocked by the wall, west is open
        assertEquals(List.of(1, 0, 0, 1, 0, 0), env.actionMask(state(0, 1, YELLOW, RED)));
        assertEquals(env.actionMask(3), env.restore(3).info().get("action_mask"));
    }

    @Test
    void rainVeersLeftAndRightOfTheDirectionOfTravel() {
        Taxi env = (Taxi) EnvRegistry.standard().makeRaw(Taxi.ID, Map.of("is_rainy", true));
        double veer = (1.0 - 0.8) / 2.0;

        // going south from R: ahead (1, 0), left of travel is east (0, 1), right is west (blocked)
        assertEquals(List.of(
                new Transition(0.8, state(1, 0, RED, GREEN), -1, false),
                new Transition(veer, state(0, 1, RED, GREEN), -1, false),
                new Transition(veer, state(0, 0, RED, GREEN), -1, false)),
                env.transitions(state(0, 0, RED, GREEN), SOUTH));
        // a move into a wall stays put for sure
        assertEquals(List.of(new Transition(1.0, state(0, 1, RED, GREEN), -1, false)),
                env.transitions(state(0, 1, RED, GREEN), EAST));
        // pickup and dropoff are not affected by rain
        assertEquals(1, env.transitions(state(0, 0, RED, GREEN), PICKUP).size());
        for (int s = 0; s < TaxiState.COUNT; s++) {
            for (int a = 0; a < 6; a++) {
                double total = env.transitions(s, a).stream().mapToDouble(Transition::probability).sum();
                assertEquals(1.0, total, 1e-12);
            }
        }
    }

    @Test
    void aFicklePassengerChangesDestinationOnceOnTheFirstMoveAboard() {
        Taxi env = new Taxi(false, true, 0.8, 1.0);
        for (int seed = 0; seed < 30; seed++) {
            env.reset(seed);
            env.restore(state(0, 0, RED, GREEN));
            assertEquals(state(0, 0, TaxiState.IN_TAXI, GREEN), env.step(PICKUP).observation());
            // a blocked move does not count as the first move
            assertEquals(state(0, 0, TaxiState.IN_TAXI, GREEN), env.step(WEST).observation());

            Step<Integer> firstMove = env.step(SOUTH);
            TaxiState after = TaxiState.decode(firstMove.observation());
            assertEquals(1, after.row());
            assertNotEquals(GREEN, after.destination());
            assertEquals(TaxiState.IN_TAXI, after.passenger());
            assertEquals(1.0, firstMove.info().get("prob"));

            // it never happens again in the episode
            int destination = after.destination();
            assertEquals(destination, TaxiState.decode(env.step(NORTH).observation()).destination());
            assertEquals(destination, TaxiState.decode(env.step(SOUTH).observation()).destination());
        }
    }

    @Test
    void aFicklePassengerPicksTheOtherDestinationsUniformly() {
        Taxi env = new Taxi(false, true, 0.8, 1.0);
        env.reset(7);
        int[] counts = new int[4];
        int trials = 6000;
        for (int i = 0; i < trials; i++) {
            env.restore(state(0, 0, TaxiState.IN_TAXI, GREEN));
            counts[TaxiState.decode(env.step(SOUTH).observation()).destination()]++;
        }
        assertEquals(0, counts[GREEN]);
        for (int d : new int[] {RED, YELLOW, 3}) {
            assertEquals(1.0 / 3, counts[d] / (double) trials, 0.03, "destination " + d);
        }
    }

    @Test
    void aPatientPassengerNeverChangesDestination() {
        for (Taxi env : List.of(new Taxi(), new Taxi(false, true, 0.8, 0.0))) {
            env.reset(1);
            env.restore(state(0, 0, TaxiState.IN_TAXI, GREEN));
            assertEquals(state(1, 0, TaxiState.IN_TAXI, GREEN), env.step(SOUTH).observation());
        }
    }

    @Test
    void registrationMatchesGymnasium() {
        EnvRegistry registry = EnvRegistry.standard();
        Taxi env = (Taxi) registry.makeRaw(Taxi.ID);

        assertEquals(200, env.spec().maxEpisodeSteps());
        assertEquals(8.0, env.spec().rewardThreshold().getAsDouble());
        assertEquals(500, env.numStates());
        assertEquals(6, env.numActions());
        assertEquals(Taxi.ID, registry.makeRaw(Taxi.LEGACY_ID).spec().id());
        assertEquals(Map.of("is_rainy", false, "fickle_passenger", false, "rainy_probability", 0.8,
                "fickle_probability", 0.3), env.spec().kwargs());
    }
}
