package io.coincalltrader.ui.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SoundsTest {
    private static short at(byte[] pcm, int sample) {
        return (short) ((pcm[sample * 2] & 0xff) | (pcm[sample * 2 + 1] << 8));
    }

    @Test
    void tonesAreAudibleFadeInAndOutAndPausesAreSilent() {
        byte[] pcm = Sounds.samples(new double[] {440, 0}, 100);
        int per = 4410;
        assertThat(pcm).hasSize(per * 2 * 2);
        assertThat(at(pcm, 0)).isZero();
        int loudest = 0;
        for (int i = 0; i < per; i++) {
            loudest = Math.max(loudest, Math.abs(at(pcm, i)));
        }
        assertThat(loudest).isBetween(8_000, 11_000); // 30% of full scale
        for (int i = per; i < 2 * per; i++) {
            assertThat(at(pcm, i)).isZero();
        }
    }

    @Test
    void switchedOffItPlaysNothingAndNeverFails() {
        try (Sounds s = new Sounds(false)) {
            s.play(Alerts.Level.ERROR);
            s.setOn(true);
            s.play(Alerts.Level.INFO); // a machine without a sound device stays silent
        }
    }
}
