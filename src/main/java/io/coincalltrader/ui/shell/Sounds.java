package io.coincalltrader.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Short alert tones, synthesised (no media files, no JavaFX media in the runtime) and played on their own daemon
 * thread, never the FX thread: one rising tone for information (a fill), two low ones for warnings and errors.
 * A machine without a sound device stays silent.
 */
public final class Sounds implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sounds.class);
    private static final float RATE = 44_100f;
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alert-sounds");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean on;
    private volatile boolean unavailable;

    public Sounds(boolean on) {
        this.on = on;
    }

    public void setOn(boolean on) {
        this.on = on;
    }

    public void play(Alerts.Level level) {
        if (!on || unavailable) {
            return;
        }
        player.execute(() -> {
            switch (level) {
                case INFO -> tone(new double[] {880, 1320}, 70);
                case WARNING -> tone(new double[] {520, 520}, 120);
                case ERROR -> tone(new double[] {330, 0, 330}, 160);
            }
        });
    }

    /** A few notes of {@code millis} each (0 Hz is a pause), with short fades so there is no click. */
    static byte[] samples(double[] notes, int millis) {
        int per = (int) (RATE * millis / 1000);
        byte[] out = new byte[per * notes.length * 2];
        int fade = per / 10;
        for (int n = 0; n < notes.length; n++) {
            for (int i = 0; i < per; i++) {
                double env = Math.min(1, Math.min(i, per - 1 - i) / (double) Math.max(1, fade));
                double v = notes[n] == 0 ? 0 : Math.sin(2 * Math.PI * notes[n] * i / RATE) * env * 0.3;
                short s = (short) (v * Short.MAX_VALUE);
                int at = (n * per + i) * 2;
                out[at] = (byte) s;
                out[at + 1] = (byte) (s >> 8);
            }
        }
        return out;
    }

    private void tone(double[] notes, int millis) {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            byte[] data = samples(notes, millis);
            line.open(format);
            line.start();
            line.write(data, 0, data.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            unavailable = true;
            log.info("no sound device: alert sounds are off ({})", e.getMessage());
        }
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
