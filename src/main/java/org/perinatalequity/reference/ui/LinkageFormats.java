package org.perinatalequity.reference.ui;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers, dates and names as the linkage report shows them. The formats match the Data loaded page
 * ("12,345", "1 Apr 2024 09:30:00"), whose helper is private to its own package.
 */
final class LinkageFormats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

    private LinkageFormats() {
    }

    /** "12,345": grouped digits are easier to compare at a glance. */
    static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    /** "1 file", "3 files" */
    static String count(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** "93.4%": one decimal separates teams that a whole percent would tie. */
    static String percent(double value) {
        return String.format(Locale.UK, "%.1f%%", value);
    }

    static String dateTime(LocalDateTime time) {
        return time == null ? "" : DATE_TIME.format(time);
    }

    /** The kinds as ref_file stores them, in words. */
    static String kind(String kind) {
        return switch (kind) {
            case "postcode_directory" -> "Postcode directory";
            case "imd" -> "Indices of Deprivation";
            case "gp_pcn" -> "GP practice to PCN";
            default -> kind;
        };
    }

    /** "IMD 2019 on LSOA 2011": each IMD vintage is tied to the census geography it was published on. */
    static String imdVintage(String vintage) {
        return switch (vintage) {
            case "2019" -> "IMD 2019 on LSOA 2011";
            case "2025" -> "IMD 2025 on LSOA 2021";
            default -> "IMD " + vintage;
        };
    }
}
