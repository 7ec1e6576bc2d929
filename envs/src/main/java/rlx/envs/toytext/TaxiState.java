package rlx.envs.toytext;

/**
 * A decoded Taxi state: Gymnasium's observation is {@code ((row * 5 + col) * 5 + passenger) * 4 + destination}.
 *
 * @param passenger 0..3 for the stands R, G, Y, B, or {@link #IN_TAXI}
 * @param destination 0..3 for the stands R, G, Y, B
 */
public record TaxiState(int row, int col, int passenger, int destination) {

    public static final int IN_TAXI = 4;
    public static final int COUNT = 500;

    public TaxiState {
        if (row < 0 || row > 4 || col < 0 || col > 4 || passenger < 0 || passenger > IN_TAXI
                || destination < 0 || destination > 3) {
            throw new IllegalArgumentException("not a Taxi state: row " + row + ", col " + col + ", passenger "
                    + passenger + ", destination " + destination);
        }
    }

    public static TaxiState decode(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("Taxi state index " + index + " is not in [0, " + COUNT + ")");
        }
        return new TaxiState(index / 100, index / 20 % 5, index / 4 % 5, index % 4);
    }

    public int index() {
        return ((row * 5 + col) * 5 + passenger) * 4 + destination;
    }

    public TaxiState withTaxiAt(int newRow, int newCol) {
        return new TaxiState(newRow, newCol, passenger, destination);
    }

    public TaxiState withPassenger(int newPassenger) {
        return new TaxiState(row, col, newPassenger, destination);
    }

    public TaxiState withDestination(int newDestination) {
        return new TaxiState(row, col, passenger, newDestination);
    }
}
