package io.coincalltrader.ui.positions;

/** How the positions tree groups its rows. */
public enum Grouping {
    STRUCTURE("Structure"),
    EXPIRY("Expiry"),
    UNDERLYING("Underlying");

    private final String label;

    Grouping(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
