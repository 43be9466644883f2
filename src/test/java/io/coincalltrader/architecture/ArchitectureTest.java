package io.coincalltrader.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The arrows of docs/ARCHITECTURE.md, checked by scanning every main source file's references. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "io", "coincalltrader");
    private static final Pattern OURS = Pattern.compile("\\bio\\.coincalltrader\\.([a-z]+)\\b");

    /** Which of our layers each layer may use (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "domain", Set.of(),
            "pricing", Set.of("domain"),
            "exchange", Set.of("domain", "pricing"),
            "paper", Set.of("domain", "pricing"),
            "store", Set.of("domain", "pricing"),
            "engine", Set.of("domain", "pricing", "exchange", "store"),
            "ui", Set.of("domain", "pricing", "exchange", "store", "engine"),
            "app", Set.of("domain", "pricing", "exchange", "store", "engine", "paper", "ui"));

    @Test
    void layersOnlyUseTheLayersBelowThem() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String layer = MAIN.relativize(file).getName(0).toString();
            Set<String> allowed = ALLOWED.get(layer);
            assertThat(allowed).as("layer of %s is one of %s", file, ALLOWED.keySet()).isNotNull();
            Matcher m = OURS.matcher(code(file));
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals(layer) && !allowed.contains(used)) {
                    violations.add(file + " uses io.coincalltrader." + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyTheUiTouchesJavaFxScenesAndNothingUsesAwtOrWebView() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String layer = MAIN.relativize(file).getName(0).toString();
            String code = code(file);
            if (code.contains("javafx.scene") && !layer.equals("ui")) {
                violations.add(file + " uses javafx.scene outside ui/");
            }
            if (code.contains("javafx.") && Set.of("domain", "pricing", "exchange", "paper", "store", "engine").contains(layer)) {
                violations.add(file + " uses JavaFX below the UI");
            }
            if (code.contains("java.awt") || code.contains("javafx.web")) {
                violations.add(file + " uses java.awt or javafx.web");
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanSeesTheCode() throws IOException {
        assertThat(sources()).hasSizeGreaterThan(20);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).filter(p -> MAIN.relativize(p).getNameCount() > 1).toList();
        }
    }

    /** Source text without comments, so a Javadoc mention is not a dependency. */
    private static String code(Path file) throws IOException {
        String text = Files.readString(file);
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }
}
