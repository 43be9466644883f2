package io.coincalltrader.ui.common;

import javafx.css.PseudoClass;
import javafx.scene.Node;

/** Style class names and pseudo-classes, in one place; state is shown by pseudo-class, never by inline styles. */
public final class Styles {
    public static final PseudoClass UP = PseudoClass.getPseudoClass("up");
    public static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");
    public static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
    public static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("critical");
    /**
     * A button that is armed and waits for the confirming click. Not ":armed": JavaFX sets and clears that one itself
     * as the mouse presses and releases, which would wipe the confirmation look at once.
     */
    public static final PseudoClass CONFIRM = PseudoClass.getPseudoClass("confirm");
    public static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");
    public static final String NUMERIC = "numeric";
    public static final String MODE_BADGE = "mode-badge";
    public static final String TOP_BAR = "top-bar";

    private Styles() {
    }

    /** Sets :up / :down by the sign of a value (neither for zero or absent). */
    public static void sign(Node n, Number v) {
        double d = v == null ? 0 : v.doubleValue();
        n.pseudoClassStateChanged(UP, d > 0);
        n.pseudoClassStateChanged(DOWN, d < 0);
    }
}
