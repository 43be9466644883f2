package io.coincalltrader.paper.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.TreeSet;

/** Coincall-like expiries from a moment: three dailies, four weekly Fridays, three monthlies, two quarterlies. */
public final class ExpiryCalendar {
    private ExpiryCalendar() {
    }

    /** Expiry dates (each at 08:00 UTC) still in the future at {@code now}, soonest first. */
    public static TreeSet<LocalDate> expiries(Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        boolean todayOpen = now.isBefore(today.atTime(8, 0).toInstant(ZoneOffset.UTC));
        LocalDate first = todayOpen ? today : today.plusDays(1);
        TreeSet<LocalDate> out = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            out.add(first.plusDays(i));
        }
        LocalDate friday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        for (int i = 0; i < 4; i++) {
            out.add(friday.plusWeeks(i));
        }
        for (int m = 0; m < 3; m++) {
            LocalDate last = lastFriday(first.plusMonths(m));
            out.add(last.isBefore(first) ? lastFriday(first.plusMonths(m + 3)) : last);
        }
        int added = 0;
        for (int m = 0; added < 2 && m < 12; m++) {
            LocalDate month = first.plusMonths(m);
            if (month.getMonthValue() % 3 == 0) {
                LocalDate last = lastFriday(month);
                if (!last.isBefore(first)) {
                    out.add(last);
                    added++;
                }
            }
        }
        return out;
    }

    /** The next {@code count} quarterly expiries (last Friday of March, June, September, December). */
    public static List<LocalDate> quarterlies(Instant now, int count) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        List<LocalDate> out = new java.util.ArrayList<>();
        for (int m = 0; out.size() < count && m < 24; m++) {
            LocalDate month = today.plusMonths(m);
            if (month.getMonthValue() % 3 == 0) {
                LocalDate last = lastFriday(month);
                if (last.atTime(8, 0).toInstant(ZoneOffset.UTC).isAfter(now)) {
                    out.add(last);
                }
            }
        }
        return out;
    }

    static LocalDate lastFriday(LocalDate inMonth) {
        return inMonth.with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
    }
}
