package io.coincalltrader.ui.rfq;

import io.coincalltrader.ui.common.Styles;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
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
    }

    static final double LINE_HEIGHT = 26;
    static final double HEADER_HEIGHT = 24;
    static final double BUTTON_WIDTH = 76;
    private static final double PAD = 6;
    private static final PseudoClass UNHITTABLE = PseudoClass.getPseudoClass("unhittable");
    private static final PseudoClass ARMED = PseudoClass.getPseudoClass("armed");
    private static final PseudoClass ODD = PseudoClass.getPseudoClass("odd");
    private static final PseudoClass FILLED = PseudoClass.getPseudoClass("filled");

    private final List<Column> columns;
    private final Hits hits;
    private final ObservableBooleanValue accepting;
    private final Function<RfqTicketViewModel.LadderRow, String> tooltip;
    private final List<Line> lines = new ArrayList<>();
    private final ObservableList<RfqTicketViewModel.LadderLine> model;
    private double laidOutWidth = -1;

    LadderView(String id, ObservableList<RfqTicketViewModel.LadderLine> model, List<Column> columns, ObservableBooleanValue accepting,
               Function<RfqTicketViewModel.LadderRow, String> tooltip, Hits hits) {
        setId(id);
        this.model = model;
        this.columns = List.copyOf(columns);
        this.accepting = accepting;
        this.tooltip = tooltip;
        this.hits = hits;
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
                for (Column c : columns) {
                    Text t = text(c.numeric());
                    t.getStyleClass().add("ladder-title");
                    t.setText(c.title());
                    titles.add(t);
                    getChildren().add(t);
                }
            }

            @Override
            protected void layoutChildren() {
                double x = 0;
                for (int i = 0; i < columns.size(); i++) {
                    place(titles.get(i), x, columns.get(i), HEADER_HEIGHT);
                    x += columns.get(i).width();
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
        return header;
    }

    @Override
    protected double computePrefWidth(double height) {
        return columns.stream().mapToDouble(Column::width).sum() + BUTTON_WIDTH;
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return lines.size() * LINE_HEIGHT;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            line.relocate(0, i * LINE_HEIGHT);
            if (w != laidOutWidth || line.getWidth() != w) {
                line.resize(w, LINE_HEIGHT);
                line.button.relocate(w - BUTTON_WIDTH + 3, 2);
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

    /** Puts a text in its column: right-aligned for numbers, left otherwise; again whenever its width changes. */
    private static void place(Text t, double x, Column c, double height) {
        Bounds b = t.getLayoutBounds();
        t.setLayoutX(c.numeric() ? x + c.width() - PAD - b.getWidth() : x + PAD);
        t.setLayoutY(height / 2);
    }

    /** One line of the ladder. */
    private final class Line extends Region {
        private final Text[] texts = new Text[columns.size()];
        private final double[] left = new double[columns.size()];
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
            pseudoClassStateChanged(ODD, index % 2 == 1);
            setManaged(false);
            double x = 0;
            for (int i = 0; i < texts.length; i++) {
                Column c = columns.get(i);
                Text t = text(c.numeric());
                texts[i] = t;
                left[i] = x;
                int col = i;
                t.layoutBoundsProperty().addListener((o, a, b) -> place(t, left[col], columns.get(col), LINE_HEIGHT));
                place(t, x, c, LINE_HEIGHT);
                x += c.width();
            }
            getChildren().addAll(texts);
            button.getStyleClass().add("rfq-hit");
            button.setId(LadderView.this.getId() + "-hit-" + index);
            button.setManaged(false);
            button.resize(BUTTON_WIDTH - 6, LINE_HEIGHT - 4);
            button.setVisible(false);
            getChildren().add(button);
            // A line shows whichever quote ranks at its place: the click trades the quote that was under the pointer
            // when the mouse went down, or nothing if another one took its place meanwhile.
            button.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pressed = quoteId());
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
                    pressed = quoteId();
                }
            });
            setOnMouseClicked(e -> {
                if (e.getTarget() == this && row != null && e.getClickCount() == 1 && row.quoteId().equals(pressed)) {
                    hits.hit(row);
                }
            });
        }

        private String quoteId() {
            return row == null ? null : row.quoteId();
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
            }
            pseudoClassStateChanged(FILLED, r != null);
            pseudoClassStateChanged(UNHITTABLE, r != null && !r.hittable());
            pseudoClassStateChanged(ARMED, r != null && r.armed());
            if (r == null) {
                if (tipShown) {
                    Tooltip.uninstall(this, tip);
                    tipShown = false;
                }
            } else {
                String t = tooltip.apply(r);
                if (!t.equals(tip.getText())) {
                    tip.setText(t);
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
