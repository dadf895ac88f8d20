package org.perinatalequity.demodata;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The recording defects the dashboard's data-quality pages exist to find (published-rates.md 9; DESIGN.md 4,
 * quality items). Rates are national-like baselines scaled by a per-team factor, so that two or three community
 * teams stand out as worse, as the LLR plan expects.
 */
final class DataQuality {

    static final List<String> INVALID_ETHNIC = List.of("X1", "W", "4", "Other");
    static final String PSEUDO_POSTCODE = "ZZ99 3VZ";
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SplittableRandom rnd;

    DataQuality(SplittableRandom rnd) {
        this.rnd = rnd;
    }

    /** How much worse than baseline a team records; 1.0 is typical. */
    static double teamFactor(String team) {
        return switch (team) {
            case "CITY-EAST" -> 2.4;
            case "HINCKLEY" -> 2.0;
            case "NWL-COALVILLE" -> 1.7;
            case "MELTON-RUT" -> 0.5;
            case "HARBOROUGH" -> 0.6;
            default -> 1.0;
        };
    }

    boolean happens(double baseRate, double factor) {
        return rnd.nextDouble() < baseRate * factor;
    }

    /** Missing 2.8%, not known (99) 1.6%, invalid 0.15% (all scaled by team); declined (Z) 1%. */
    String ethnicCategory(String truth, double f) {
        double u = rnd.nextDouble();
        double missing = 0.028 * f;
        double notKnown = missing + 0.016 * f;
        double declined = notKnown + 0.010;
        double invalid = declined + 0.0015 * f;
        if (u < missing) {
            return "";
        } else if (u < notKnown) {
            return "99";
        } else if (u < declined) {
            return "Z";
        } else if (u < invalid) {
            return INVALID_ETHNIC.get(rnd.nextInt(INVALID_ETHNIC.size()));
        }
        return truth;
    }

    /**
     * Missing 0.9%, malformed 0.3%, valid format but not in the directory 1% (all scaled by team); ZZ99 0.4%.
     * Terminated postcodes come from the directory itself.
     */
    String postcode(PostcodeEntry truth, double f, Geography geo) {
        double u = rnd.nextDouble();
        double missing = 0.009 * f;
        double pseudo = missing + 0.004;
        double malformed = pseudo + 0.003 * f;
        double unknown = malformed + 0.010 * f;
        if (u < missing) {
            return "";
        } else if (u < pseudo) {
            return PSEUDO_POSTCODE;
        } else if (u < malformed) {
            return malformed(truth);
        } else if (u < unknown) {
            return unknownPostcode(truth, geo);
        }
        return truth.pcds();
    }

    private String malformed(PostcodeEntry truth) {
        String p = truth.pcds();
        return switch (rnd.nextInt(4)) {
            case 0 -> p.substring(0, p.length() - 1);
            case 1 -> p.replace("LE", "LF").replace(" ", "");
            case 2 -> p.replaceFirst("E", "I");
            default -> p + "X";
        };
    }

    private String unknownPostcode(PostcodeEntry truth, Geography geo) {
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        for (int attempt = 0; attempt < 50; attempt++) {
            String candidate = truth.outward() + " " + (1 + rnd.nextInt(9)) + letters.charAt(rnd.nextInt(20))
                    + letters.charAt(rnd.nextInt(20));
            if (!geo.isInDirectory(candidate)) {
                return candidate;
            }
        }
        return truth.pcds();
    }

    /** A non-mandatory date that is present but impossible, e.g. "2024-02-30". */
    String impossibleDate(LocalDate near) {
        return near.getYear() + "-02-30";
    }

    /** A mandatory date in the wrong format (dd/MM/yyyy) or missing, for the ingest reject path. */
    String brokenMandatoryDate(LocalDate date) {
        return rnd.nextDouble() < 0.7 ? date.format(UK_DATE) : "";
    }
}
