package io.coincalltrader.ui.common;

import javafx.scene.layout.Region;

/**
 * A box whose content lays itself out without making every box around it do the same.
 * <p>
 * In JavaFX a label whose text changes asks its parent to lay out again, which asks its own parent, up to the window:
 * one changed number re-lays the whole window in the next frame. Here the content is unmanaged, which makes it a
 * layout root: a change inside lays out the content alone. The island is sized by its parent like any box and sizes
 * the content to itself. Its preferred size is the content's as it was when the island was last asked (JavaFX keeps
 * it until the island is told otherwise): content whose preferred size changes (rows added, say) calls
 * {@link #refit()}. A wider text in a fixed grid does not, so islands suit boxes whose parent sets the width.
 * <p>
 * For parts of a window that change often and keep their size: a tool bar, a status line, a grid of numbers, a table.
 */
public final class LayoutIsland extends Region {
    private final Region content;
    private final double fixedHeight;

    /** An island as tall as its content wants. */
    public LayoutIsland(Region content) {
        this(content, -1);
    }

    /**
     * An island of a fixed height (a status line of two lines, say), whatever the content's text: a longer text is cut
     * as a label cuts it, and nothing around moves.
     */
    public LayoutIsland(Region content, double fixedHeight) {
        this.content = content;
        this.fixedHeight = fixedHeight;
        content.setManaged(false);
        getChildren().add(content);
        if (fixedHeight >= 0) {
            setMinHeight(fixedHeight);
            setPrefHeight(fixedHeight);
            setMaxHeight(fixedHeight);
        }
    }

    /** The content's preferred size changed: the boxes around lay the island out again. */
    public void refit() {
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return fixedHeight >= 0 ? fixedHeight : content.prefHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return fixedHeight >= 0 ? fixedHeight : content.minHeight(width);
    }
}
