package io.coincalltrader.ui.shell;

import javafx.scene.control.ListView;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The tail of the application log (the last 400 lines), read off the FX thread when the file changes. */
public final class LogView extends ListView<String> {
    private static final int TAIL_BYTES = 64 * 1024;
    private static final int MAX_LINES = 400;
    private final Path file;
    private volatile long lastSize = -1;
    private volatile long lastModified = -1;

    public LogView(Path file) {
        this.file = file;
        setId("log-view");
        getStyleClass().add("numeric-list");
    }

    /** The newest lines if the file changed since the last read (I/O thread). */
    public Optional<List<String>> read() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            if (size == lastSize && modified == lastModified) {
                return Optional.empty();
            }
            lastSize = size;
            lastModified = modified;
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                long start = Math.max(0, size - TAIL_BYTES);
                byte[] bytes = new byte[(int) (size - start)];
                f.seek(start);
                f.readFully(bytes);
                List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
                if (start > 0 && !lines.isEmpty()) {
                    lines = lines.subList(1, lines.size()); // the first line is cut
                }
                return Optional.of(List.copyOf(lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size())));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Shows the lines (FX thread), keeping the view at the bottom. */
    public void show(List<String> lines) {
        getItems().setAll(lines);
        if (!lines.isEmpty()) {
            scrollTo(lines.size() - 1);
        }
    }
}
