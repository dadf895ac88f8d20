package org.perinatalequity.demodata;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed tables behind the synthetic geography. LA codes and postcode districts follow published-rates.md 10d
 * and msds-v2.md 5.3; LSOA counts and decile spreads follow 10c (Leicester 192, Leicestershire 396 with deprived
 * pockets in Charnwood and North West Leicestershire, Rutland 23 with none in deciles 1–3); birth shares follow 10a.
 */
final class GeographySpec {

    static final String LLR_ICB = "QK1";
    static final List<String> TEAMS = List.of("CITY-NORTH", "CITY-EAST", "CITY-SOUTH", "CITY-WEST",
            "CHARNWOOD", "BLABY-WIGSTON", "HARBOROUGH", "HINCKLEY", "MELTON-RUT", "NWL-COALVILLE");

    record PracticePlan(String codePrefix, List<String> pcnNames, int practicesPerPcn) {
    }

    private GeographySpec() {
    }

    static List<LocalAuthority> authorities() {
        String leics = "E10000018";
        String eastMids = "E12000004";
        String unitary = "E99999999";
        List<LocalAuthority> las = new ArrayList<>();
        las.add(new LocalAuthority("E06000016", "Leicester", Place.LEICESTER, unitary, eastMids, LLR_ICB,
                List.of("LE1", "LE2", "LE3", "LE4", "LE5"), new double[] {.06, .27, .22, .25, .20},
                new int[] {33, 36, 35, 27, 19, 15, 12, 8, 4, 3}, 0.50, 458600, 304300));
        las.add(new LocalAuthority("E07000129", "Blaby", Place.LEICESTERSHIRE, leics, eastMids, LLR_ICB,
                List.of("LE3", "LE8", "LE9", "LE19"), new double[] {.35, .25, .15, .25},
                new int[] {0, 0, 1, 3, 5, 6, 9, 10, 11, 13}, 0.076, 454000, 298500));
        las.add(new LocalAuthority("E07000130", "Charnwood", Place.LEICESTERSHIRE, leics, eastMids, LLR_ICB,
                List.of("LE11", "LE12", "LE7", "LE4"), new double[] {.45, .25, .18, .12},
                new int[] {1, 4, 6, 7, 10, 11, 13, 15, 16, 17}, 0.128, 454500, 316500));
        las.add(new LocalAuthority("E07000131", "Harborough", Place.LEICESTERSHIRE, leics, eastMids, LLR_ICB,
                List.of("LE16", "LE17", "LE8", "LE7", "LE5"), new double[] {.35, .30, .20, .08, .07},
                new int[] {0, 0, 0, 1, 3, 5, 8, 10, 12, 14}, 0.055, 471500, 289500));
        las.add(new LocalAuthority("E07000132", "Hinckley and Bosworth", Place.LEICESTERSHIRE, leics, eastMids,
                LLR_ICB, List.of("LE10", "LE9", "LE6", "LE67", "CV13"), new double[] {.50, .25, .12, .05, .08},
                new int[] {0, 2, 4, 5, 6, 8, 9, 9, 10, 11}, 0.072, 442500, 296000));
        las.add(new LocalAuthority("E07000133", "Melton", Place.LEICESTERSHIRE, leics, eastMids, LLR_ICB,
                List.of("LE13", "LE14", "NG13", "LE7"), new double[] {.65, .25, .07, .03},
                new int[] {0, 0, 1, 2, 3, 4, 5, 5, 5, 6}, 0.032, 475500, 319000));
        las.add(new LocalAuthority("E07000134", "North West Leicestershire", Place.LEICESTERSHIRE, leics, eastMids,
                LLR_ICB, List.of("LE67", "LE65", "DE74", "DE12", "LE12"), new double[] {.50, .22, .13, .12, .03},
                new int[] {1, 2, 3, 4, 6, 7, 8, 9, 9, 9}, 0.065, 441500, 315500));
        las.add(new LocalAuthority("E07000135", "Oadby and Wigston", Place.LEICESTERSHIRE, leics, eastMids,
                LLR_ICB, List.of("LE2", "LE18"), new double[] {.45, .55},
                new int[] {0, 0, 1, 2, 3, 3, 3, 5, 8, 7}, 0.042, 461500, 299000));
        las.add(new LocalAuthority("E06000017", "Rutland", Place.RUTLAND, unitary, eastMids, LLR_ICB,
                List.of("LE15", "PE9", "LE16"), new double[] {.85, .12, .03},
                new int[] {0, 0, 0, 1, 2, 3, 4, 5, 5, 3}, 0.01, 487000, 308000));
        // Border areas whose residents sometimes book at UHL; their commissioners are the neighbouring ICBs.
        las.add(new LocalAuthority("E06000062", "West Northamptonshire", Place.OUTSIDE_LLR, unitary, eastMids,
                "QPM", List.of("NN6"), new double[] {1}, new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 0}, 0.005,
                468000, 272000));
        las.add(new LocalAuthority("E07000219", "Nuneaton and Bedworth", Place.OUTSIDE_LLR, "E10000031",
                "E12000005", "QWU", List.of("CV11"), new double[] {1}, new int[] {0, 1, 1, 1, 1, 1, 0, 0, 0, 0},
                0.005, 437000, 291000));
        las.add(new LocalAuthority("E07000176", "Rushcliffe", Place.OUTSIDE_LLR, "E10000024", eastMids, "QT1",
                List.of("NG12"), new double[] {1}, new int[] {0, 0, 0, 0, 0, 0, 1, 1, 2, 1}, 0.005, 462000, 333000));
        las.add(new LocalAuthority("E07000039", "South Derbyshire", Place.OUTSIDE_LLR, "E10000007", eastMids, "QJ2",
                List.of("DE11"), new double[] {1}, new int[] {0, 0, 0, 1, 1, 1, 1, 1, 0, 0}, 0.005, 430000, 321500));
        return las;
    }

    /** The community midwifery team is decided by where the woman lives (by district inside the city). */
    static String team(LocalAuthority la, String district) {
        return switch (la.code()) {
            case "E06000016" -> switch (district) {
                case "LE3" -> "CITY-WEST";
                case "LE4" -> "CITY-NORTH";
                case "LE5" -> "CITY-EAST";
                default -> "CITY-SOUTH";
            };
            case "E07000129", "E07000135" -> "BLABY-WIGSTON";
            case "E07000130" -> "CHARNWOOD";
            case "E07000131", "E06000062" -> "HARBOROUGH";
            case "E07000132", "E07000219" -> "HINCKLEY";
            case "E07000133", "E06000017", "E07000176" -> "MELTON-RUT";
            case "E07000134", "E07000039" -> "NWL-COALVILLE";
            default -> throw new IllegalArgumentException("No team for " + la.code());
        };
    }

    /** 25 LLR PCNs (msds-v2.md 5.3) with synthetic names and codes; one out-of-area network per border LA. */
    static PracticePlan practicePlan(LocalAuthority la) {
        return switch (la.code()) {
            case "E06000016" -> new PracticePlan("C82", List.of("Leicester City North PCN", "Leicester Belgrave PCN",
                    "Leicester Spinney Hill PCN", "Leicester City East PCN", "Leicester City Central PCN",
                    "Leicester City South PCN", "Leicester Aylestone PCN", "Leicester City West PCN",
                    "Leicester New Parks PCN", "Leicester Beaumont Leys PCN", "Leicester Humberstone PCN"), 5);
            case "E07000129" -> new PracticePlan("C82", List.of("North Blaby PCN", "South Blaby PCN"), 4);
            case "E07000130" -> new PracticePlan("C82", List.of("Loughborough Central PCN", "Loughborough North PCN",
                    "Soar Valley PCN", "Charnwood Wolds PCN"), 3);
            case "E07000131" -> new PracticePlan("C82", List.of("Market Harborough PCN", "Lutterworth PCN"), 3);
            case "E07000132" -> new PracticePlan("C82", List.of("Hinckley Central PCN", "Bosworth PCN"), 4);
            case "E07000133" -> new PracticePlan("C82", List.of("Melton and Vale PCN"), 4);
            case "E07000134" -> new PracticePlan("C82", List.of("Coalville PCN", "Ashby and Castle Donington PCN"), 4);
            case "E07000135" -> new PracticePlan("C82", List.of("Oadby and Wigston PCN"), 4);
            case "E06000017" -> new PracticePlan("C82", List.of("Rutland PCN"), 4);
            case "E06000062" -> new PracticePlan("K83", List.of("Out of area: Daventry Rural PCN"), 2);
            case "E07000219" -> new PracticePlan("M86", List.of("Out of area: Nuneaton PCN"), 2);
            case "E07000176" -> new PracticePlan("C84", List.of("Out of area: Rushcliffe South PCN"), 2);
            case "E07000039" -> new PracticePlan("C81", List.of("Out of area: Swadlincote PCN"), 2);
            default -> throw new IllegalArgumentException("No practices for " + la.code());
        };
    }
}
