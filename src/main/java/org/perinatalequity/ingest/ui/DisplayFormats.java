package org.perinatalequity.ingest.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as NHS content style writes them ("1 Apr 2024"), so every grid of the page reads the same. */
final class DisplayFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

    private DisplayFormats() {
    }

    /** "12,345": grouped digits are easier to compare at a glance. */
    static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    /** "1 reject", "2 rejects" */
    static String count(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String dateTime(LocalDateTime time) {
        return time == null ? "" : DATE_TIME.format(time);
    }

    /** "1 Apr 2024 – 30 Apr 2024" */
    static String period(LocalDate start, LocalDate end) {
        return date(start) + " – " + date(end);
    }
}
