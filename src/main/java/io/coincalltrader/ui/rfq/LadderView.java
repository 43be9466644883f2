package io.coincalltrader.ui.rfq;

import io.coincalltrader.ui.common.Styles;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One quote ladder: a header and a line per {@link RfqTicketViewModel.LadderLine}, each showing the quote ranked at its
 * place with a Trade / Confirm button.
 * <p>
 * Built for the frame budget rather than with a {@code TableView}: every node here is unmanaged and sits at a fixed
 * place, so a quote that changes a value changes a text and nothing is laid out again. (In a table, any cell whose
 * text changes makes the virtual flow lay out and re-index every cell of the table, which was most of a frame's
 * work while quotes arrived.) Only a new line (more quotes than lines) or a new width lays the ladder out.
 */
public final class LadderView extends Region {
    /** A column: its title, width in pixels, text, the number whose sign colours it (or null), and alignment. */
    record Column(String title, double width, Function<RfqTicketViewModel.LadderRow, String> text,
                  Function<RfqTicketViewModel.LadderRow, Number> sign, boolean numeric) {
    }

    /** What a click on a line or its button does. */
    interface Hits {
        /** The trader clicked this quote (arm, confirm or refuse: the view model decides). */
        void hit(RfqTicketViewModel.LadderRow row);

        /** The button was pressed over one quote and released after another took its place: nothing is done. */
        void moved();

        /** A mouse button went down on this quote's line or button: a click on it may follow. */
        default void pressed(RfqTicketViewModel.LadderRow row) {
        }

        /**
         * The primary button that went down on a line came up, and whatever click it made has been handled (or it
         * made none: released off the button, or the line emptied meanwhile).
         */
        default void released() {
        }
    }

    static final double LINE_HEIGHT = 26;
    static final double HEADER_HEIGHT = 24;
    static final double BUTTON_WIDTH = 76;
    private static final double PAD = 6;
    private static final PseudoClass UNHITTABLE = PseudoClass.getPseudoClass("unhittable");
    private static final PseudoClass ARMED = PseudoClass.getPseudoClass("armed");
    private static final PseudoClass ODD = PseudoClass.getPseudoClass("odd");
    private static final PseudoClass FILLED = PseudoClass.getPseudoClass("filled");
    /** The pointer is over the line (its background lights up; the line's own :hover is styled by nothing). */
    private static final PseudoClass HOT = PseudoClass.getPseudoClass("hot");

    private final List<Column> columns;
    private final Hits hits;
    private final ObservableBooleanValue accepting;
    private final Function<RfqTicketViewModel.LadderRow, String> tooltip;
    private final List<Line> lines = new ArrayList<>();
    private final ObservableList<RfqTicketViewModel.LadderLine> model;
    /** Column widths: the configured ones, widened (never narrowed) when a value or title does not fit. */
    private final double[] widths;
    private final List<Region> headers = new ArrayList<>();
    private double laidOutWidth = -1;

    LadderView(String id, ObservableList<RfqTicketViewModel.LadderLine> model, List<Column> columns, ObservableBooleanValue accepting,
               Function<RfqTicketViewModel.LadderRow, String> tooltip, Hits hits) {
        setId(id);
        this.model = model;
        this.columns = List.copyOf(columns);
        this.accepting = accepting;
        this.tooltip = tooltip;
        this.hits = hits;
        this.widths = this.columns.stream().mapToDouble(Column::width).toArray();
        getStyleClass().add("ladder");
        model.addListener((ListChangeListener<RfqTicketViewModel.LadderLine>) c -> syncLines());
        accepting.addListener((o, a, b) -> lines.forEach(Line::refreshButton));
        syncLines();
    }

    /** The Trade / Confirm button of the line showing this quote, if one does (FX thread). */
    public java.util.Optional<Button> button(String quoteId) {
        return lines.stream().filter(l -> l.row != null && l.row.quoteId().equals(quoteId)).map(l -> l.button).findFirst();
    }

    /** The quotes the lines show, top line first (FX thread). */
    public List<RfqTicketViewModel.LadderRow> rows() {
        return lines.stream().map(l -> l.row).filter(java.util.Objects::nonNull).toList();
    }

    /** The header for these columns, laid out like the lines (it stays in place when the lines scroll). */
    Region header() {
        Region header = new Region() {
            private final List<Text> titles = new ArrayList<>();

            {
                getStyleClass().add("ladder-header");
                for (int i = 0; i < columns.size(); i++) {
                    Text t = text(true); // one font for every title (a text column's title keeps its left alignment)
                    t.getStyleClass().add("ladder-title");
                    t.setText(columns.get(i).title());
                    int col = i;
                    t.layoutBoundsProperty().addListener((o, a, b) -> {
                        if (!fit(col, b.getWidth())) {
                            place(t, col, HEADER_HEIGHT);
                        }
                    });
                    titles.add(t);
                    getChildren().add(t);
                }
            }

            @Override
            protected void layoutChildren() {
                for (int i = 0; i < titles.size(); i++) {
                    fit(i, titles.get(i).getLayoutBounds().getWidth());
                    place(titles.get(i), i, HEADER_HEIGHT);
                }
            }

            @Override
            protected double computePrefHeight(double width) {
                return HEADER_HEIGHT;
            }

            @Override
            protected double computePrefWidth(double height) {
                return LadderView.this.computePrefWidth(height);
            }
        };
        header.setMinHeight(HEADER_HEIGHT);
        headers.add(header);
        return header;
    }

    /**
     * Widens a column whose text (this wide) does not fit, and lays the ladder and its header out again; true when it
     * did. Values never overlap the next column and are never cut: a column grows to its widest value.
     */
    private boolean fit(int col, double textWidth) {
        double need = Math.ceil(textWidth + 2 * PAD);
        if (need <= widths[col]) {
            return false;
        }
        widths[col] = need;
        laidOutWidth = -1;
        requestLayout();
        headers.forEach(Region::requestLayout);
        return true;
    }

    private double left(int col) {
        double x = 0;
        for (int i = 0; i < col; i++) {
            x += widths[i];
        }
        return x;
    }

    /** Puts a text in its column: right-aligned for numbers, left otherwise. */
    private void place(Text t, int col, double height) {
        double x = left(col);
        t.setLayoutX(columns.get(col).numeric() ? x + widths[col] - PAD - t.getLayoutBounds().getWidth() : x + PAD);
        t.setLayoutY(height / 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return left(widths.length) + BUTTON_WIDTH;
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return lines.size() * LINE_HEIGHT;
    }

    /** Runs only when the ladder's size changes, a line is added or a column widened: nothing inside asks for it. */
    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double buttonX = Math.max(left(widths.length), w - BUTTON_WIDTH) + 3;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            line.relocate(0, i * LINE_HEIGHT);
            if (w != laidOutWidth || line.getWidth() != w) {
                line.resize(w, LINE_HEIGHT);
                line.background.resize(w, LINE_HEIGHT);
                line.button.relocate(buttonX, 2);
                for (int c = 0; c < line.texts.length; c++) {
                    place(line.texts[c], c, LINE_HEIGHT);
                }
            }
        }
        laidOutWidth = w;
    }

    /** As many line nodes as the model has lines; a new one is the only change that lays the ladder out. */
    private void syncLines() {
        boolean changed = false;
        while (lines.size() < model.size()) {
            Line line = new Line(lines.size());
            lines.add(line);
            getChildren().add(line);
            changed = true;
        }
        while (lines.size() > model.size()) {
            getChildren().remove(lines.removeLast().unbind());
            changed = true;
        }
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).bind(model.get(i));
        }
        if (changed) {
            requestLayout();
        }
    }

    private static Text text(boolean numeric) {
        Text t = new Text();
        t.getStyleClass().add("cell-text");
        if (numeric) {
            t.getStyleClass().add(Styles.NUMERIC);
        }
        t.setTextOrigin(VPos.CENTER);
        t.setManaged(false);
        t.setMouseTransparent(true);
        return t;
    }

    /**
     * One line of the ladder. Its states (filled, armed, unhittable) are set on the line, where tests and tools read
     * them, and on the leaves that show them: its background and its texts. No style rule names the line's own states,
     * so a change of state restyles those leaves only, not every node of the line.
     */
    private final class Line extends Region {
        private final Region background = new Region();
        private final Text[] texts = new Text[columns.size()];
        private final Button button = new Button();
        private final Tooltip tip = new Tooltip();
        private final ChangeListener<RfqTicketViewModel.LadderRow> onRow = (o, a, b) -> show(b);
        private RfqTicketViewModel.LadderLine bound;
        private RfqTicketViewModel.LadderRow row;
        private boolean tipShown;
        /** The quote under the pointer when a mouse button went down on this line or its button. */
        private String pressed;

        Line(int index) {
            getStyleClass().add("ladder-line");
            setManaged(false);
            background.getStyleClass().add("ladder-line-bg");
            state(ODD, index % 2 == 1);
            background.setManaged(false);
            background.setMouseTransparent(true); // a click on the line's background is the line's
            background.resize(0, LINE_HEIGHT);
            getChildren().add(background);
            hoverProperty().addListener((o, a, over) -> background.pseudoClassStateChanged(HOT, over));
            for (int i = 0; i < texts.length; i++) {
                Text t = text(columns.get(i).numeric());
                texts[i] = t;
                int col = i;
                // A new value moves only its own text (right-aligned numbers keep their right edge), unless it is
                // wider than its column: then the column widens.
                t.layoutBoundsProperty().addListener((o, a, b) -> {
                    if (!fit(col, b.getWidth())) {
                        place(t, col, LINE_HEIGHT);
                    }
                });
                place(t, i, LINE_HEIGHT);
            }
            getChildren().addAll(texts);
            button.getStyleClass().add("rfq-hit");
            // Not a keyboard target: a focused button would trade, on Space, whichever quote its line shows by then.
            button.setFocusTraversable(false);
            button.setId(LadderView.this.getId() + "-hit-" + index);
            button.setManaged(false);
            button.resize(BUTTON_WIDTH - 6, LINE_HEIGHT - 4);
            button.setVisible(false);
            getChildren().add(button);
            // The tooltip's text (the fill preview) is worked out when it is about to show, not at every update.
            tip.setOnShowing(e -> tip.setText(row == null ? "" : tooltip.apply(row)));
            // A line shows whichever quote ranks at its place: the click trades the quote that was under the pointer
            // when the mouse went down, or nothing if another one took its place meanwhile.
            button.addEventFilter(MouseEvent.MOUSE_PRESSED, this::press);
            button.setOnAction(e -> {
                String at = pressed;
                pressed = null;
                if (row == null) {
                    return;
                }
                if (at != null && !at.equals(row.quoteId())) {
                    hits.moved();
                    return;
                }
                hits.hit(row);
            });
            addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
                if (e.getTarget() == this) {
                    press(e);
                }
            });
            // The release reaches the line (and its button) that had the press; its click, if any, is handled during
            // its dispatch, so a runnable posted now runs after that and before the next press.
            addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    Platform.runLater(hits::released);
                }
            });
            setOnMouseClicked(e -> {
                if (e.getTarget() == this && row != null && e.getClickCount() == 1 && row.quoteId().equals(pressed)) {
                    hits.hit(row);
                }
            });
        }

        /** A state of the line, set on the line (where tests and tools read it) and on the background that shows it. */
        private void state(PseudoClass p, boolean on) {
            pseudoClassStateChanged(p, on);
            background.pseudoClassStateChanged(p, on);
        }

        private String quoteId() {
            return row == null ? null : row.quoteId();
        }

        private void press(MouseEvent e) {
            pressed = quoteId();
            if (row != null && e.getButton() == MouseButton.PRIMARY) {
                hits.pressed(row); // only the button that clicks: a right-button press arms nothing
            }
        }

        void bind(RfqTicketViewModel.LadderLine line) {
            if (bound == line) {
                return;
            }
            unbind();
            bound = line;
            line.rowProperty().addListener(onRow);
            show(line.row());
        }

        Line unbind() {
            if (bound != null) {
                bound.rowProperty().removeListener(onRow);
                bound = null;
            }
            return this;
        }

        /** Shows a quote (or nothing): only values that differ from what is shown are set. */
        private void show(RfqTicketViewModel.LadderRow r) {
            row = r;
            for (int i = 0; i < texts.length; i++) {
                Column c = columns.get(i);
                String s = r == null ? "" : c.text().apply(r);
                if (!s.equals(texts[i].getText())) {
                    texts[i].setText(s);
                }
                Styles.sign(texts[i], r == null || c.sign() == null ? 0 : c.sign().apply(r));
                texts[i].pseudoClassStateChanged(UNHITTABLE, r != null && !r.hittable());
            }
            state(FILLED, r != null);
            pseudoClassStateChanged(UNHITTABLE, r != null && !r.hittable()); // shown by the texts (above)
            state(ARMED, r != null && r.armed());
            if (r == null) {
                if (tipShown) {
                    Tooltip.uninstall(this, tip);
                    tipShown = false;
                }
            } else {
                if (tip.isShowing()) {
                    tip.setText(tooltip.apply(r));
                }
                if (!tipShown) {
                    Tooltip.install(this, tip);
                    tipShown = true;
                }
            }
            refreshButton();
        }

        void refreshButton() {
            RfqTicketViewModel.LadderRow r = row;
            // The button keeps its line's id: a node whose id changes has all its CSS worked out again, and lines
            // change quotes whenever the ranking moves. The quote a button trades is the line's (see button()).
            if (r == null) {
                button.setVisible(false);
                return;
            }
            button.setText(!r.hittable() ? "Blocked" : r.armed() ? "Confirm" : "Trade");
            button.setDisable(!r.hittable() || accepting.get());
            button.pseudoClassStateChanged(Styles.CONFIRM, r.armed());
            button.setVisible(true);
        }
    }
}
