package org.perinatalequity.system.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Counts, percentages and dates as NHS content style writes them ("12,345", "93.4%", "1 Apr 2024"), so every
 * page of the application reads the same.
 */
public final class DisplayFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

    private DisplayFormats() {
    }

    /** "12,345": grouped digits are easier to compare at a glance. */
    public static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    /** "1 reject", "2 rejects" */
    public static String count(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** "93.4%": one decimal separates teams that a whole percent would tie. */
    public static String percent(double value) {
        return String.format(Locale.UK, "%.1f%%", value);
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String dateTime(LocalDateTime time) {
        return time == null ? "" : DATE_TIME.format(time);
    }

    /** "1 Apr 2024 – 30 Apr 2024" */
    public static String period(LocalDate start, LocalDate end) {
        return date(start) + " – " + date(end);
    }
}
