package io.coincalltrader.ui.shell;

import io.coincalltrader.ui.common.Formats;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Fills, rejections, margin warnings and disconnects: a ControlsFX notification (when enabled) and an entry in the
 * status bar's alert list, newest first.
 */
public final class Alerts {
    private static final Logger log = LoggerFactory.getLogger(Alerts.class);
    private final ObservableList<String> entries = FXCollections.observableArrayList();
    private final Window owner;
    private final Clock clock;
    private final Sounds sounds;
    private boolean popups;

    public Alerts(Window owner, Clock clock, boolean popups, Sounds sounds) {
        this.owner = owner;
        this.clock = clock;
        this.popups = popups;
        this.sounds = sounds;
    }

    public enum Level { INFO, WARNING, ERROR }

    /** Raises an alert (FX thread). */
    public void raise(Level level, String title, String text) {
        entries.addFirst(Formats.time(clock.instant()) + "  " + title + ": " + text);
        if (entries.size() > 500) {
            entries.removeLast();
        }
        sounds.play(level);
        if (!popups || owner == null || !owner.isShowing()) {
            return;
        }
        try {
            Notifications n = Notifications.create().owner(owner).title(title).text(text).hideAfter(Duration.seconds(level == Level.INFO ? 4 : 8))
                    .darkStyle();
            switch (level) {
                case INFO -> n.showInformation();
                case WARNING -> n.showWarning();
                case ERROR -> n.showError();
            }
        } catch (RuntimeException e) {
            log.debug("notification not shown: {}", e.toString());
        }
    }

    public ObservableList<String> entries() {
        return entries;
    }

    public void setPopups(boolean on) {
        popups = on;
    }

    public void setSounds(boolean on) {
        sounds.setOn(on);
    }

    public void close() {
        sounds.close();
    }
}
