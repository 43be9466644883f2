package io.coincalltrader.ui.positions;

import io.coincalltrader.engine.portfolio.PortfolioSnapshot;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The positions screen's state: the newest snapshot, how to group, Greeks in coin or USD, a text filter, and the
 * resulting groups of rows. Knows no nodes; the view renders {@link #groupsProperty()}.
 */
public final class PositionsViewModel {
    private final Clock clock;
    private final ReadOnlyObjectWrapper<PortfolioSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<PositionRows.Group>> groups = new ReadOnlyObjectWrapper<>(List.of());
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.STRUCTURE);
    private final BooleanProperty greeksInUsd = new SimpleBooleanProperty(true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final PositionRows.Cache cache = new PositionRows.Cache();

    public PositionsViewModel(Clock clock) {
        this.clock = clock;
        grouping.addListener((o, a, b) -> rebuild());
        filter.addListener((o, a, b) -> rebuild());
    }

    /** A new snapshot from the engine (FX thread, at most once per frame). */
    public void accept(PortfolioSnapshot s) {
        snapshot.set(s);
        rebuild();
    }

    private void rebuild() {
        PortfolioSnapshot s = snapshot.get();
        if (s == null) {
            return;
        }
        String f = filter.get() == null ? "" : filter.get().trim().toUpperCase(Locale.ROOT);
        List<PositionRows.Group> all = PositionRows.build(s, grouping.get(), clock.instant(), cache);
        groups.set(f.isEmpty() ? all : all.stream().map(g -> filtered(g, f)).filter(g -> !g.members().isEmpty()).toList());
    }

    private static PositionRows.Group filtered(PositionRows.Group g, String f) {
        if (g.header() != null && g.header().label().toUpperCase(Locale.ROOT).contains(f)) {
            return g;
        }
        return new PositionRows.Group(g.header(), g.members().stream().filter(m -> m.symbol().contains(f)).toList());
    }

    public ReadOnlyObjectProperty<PortfolioSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<PositionRows.Group>> groupsProperty() {
        return groups.getReadOnlyProperty();
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    public BooleanProperty greeksInUsdProperty() {
        return greeksInUsd;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public Clock clock() {
        return clock;
    }
}
