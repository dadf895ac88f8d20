package org.perinatalequity.demodata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the reference files that make the synthetic postcodes link: a postcode directory in the ONSPD Feb 2023
 * layout, deprivation in the IoD2019 File 7 layout, and the practice → PCN lookup. Only the columns the dashboard
 * reads carry meaning; the rest are filled plausibly or left blank as the real files do for other countries.
 */
final class ReferenceFiles {

    static final String ONSPD_FILE = "ONSPD_synthetic_LLR.csv";
    static final String IOD_FILE = "File_7_IoD2019_synthetic_LLR.csv";
    static final String PCN_FILE = "gp_practice_pcn.csv";

    static final List<String> ONSPD_HEADER = List.of("pcd", "pcd2", "pcds", "dointr", "doterm", "oscty", "ced",
            "oslaua", "osward", "parish", "usertype", "oseast1m", "osnrth1m", "osgrdind", "oshlthau", "nhser", "ctry",
            "rgn", "streg", "pcon", "eer", "teclec", "ttwa", "pct", "itl", "statsward", "oa01", "casward", "park",
            "lsoa01", "msoa01", "ur01ind", "oac01", "oa11", "lsoa11", "msoa11", "wz11", "sicbl", "bua11", "buasd11",
            "ru11ind", "oac11", "lat", "long", "lep1", "lep2", "pfa", "imd", "calncv", "icb", "oa21", "lsoa21",
            "msoa21");

    /** Domains of File 7 in the official column order; each has Score, Rank and Decile columns. */
    private static final List<String[]> IOD_DOMAINS = List.of(
            new String[] {"Index of Multiple Deprivation (IMD)", "Score"},
            new String[] {"Income", "Score (rate)"},
            new String[] {"Employment", "Score (rate)"},
            new String[] {"Education, Skills and Training", "Score"},
            new String[] {"Health Deprivation and Disability", "Score"},
            new String[] {"Crime", "Score"},
            new String[] {"Barriers to Housing and Services", "Score"},
            new String[] {"Living Environment", "Score"},
            new String[] {"Income Deprivation Affecting Children Index (IDACI)", "Score (rate)"},
            new String[] {"Income Deprivation Affecting Older People (IDAOPI)", "Score (rate)"},
            new String[] {"Children and Young People Sub-domain", "Score"},
            new String[] {"Adult Skills Sub-domain", "Score"},
            new String[] {"Geographical Barriers Sub-domain", "Score"},
            new String[] {"Wider Barriers Sub-domain", "Score"},
            new String[] {"Indoors Sub-domain", "Score"},
            new String[] {"Outdoors Sub-domain", "Score"});

    /** The official header, including the trailing space the published file has on its last column. */
    static final List<String> IOD_HEADER = iodHeader();

    private ReferenceFiles() {
    }

    private static List<String> iodHeader() {
        List<String> h = new ArrayList<>(List.of("LSOA code (2011)", "LSOA name (2011)",
                "Local Authority District code (2019)", "Local Authority District name (2019)"));
        for (String[] d : IOD_DOMAINS) {
            h.add(d[0] + " " + d[1]);
            h.add(d[0] + " Rank (where 1 is most deprived)");
            h.add(d[0] + " Decile (where 1 is most deprived 10% of LSOAs)");
        }
        h.add("Total population: mid 2015 (excluding prisoners)");
        h.add("Dependent Children aged 0-15: mid 2015 (excluding prisoners)");
        h.add("Population aged 16-59: mid 2015 (excluding prisoners)");
        h.add("Older population aged 60 and over: mid 2015 (excluding prisoners)");
        h.add("Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners) ");
        return List.copyOf(h);
    }

    static List<Path> write(Path dir, Geography geo, long seed) {
        Path onspd = dir.resolve(ONSPD_FILE);
        Path iod = dir.resolve(IOD_FILE);
        Path pcn = dir.resolve(PCN_FILE);
        writeOnspd(onspd, geo);
        writeIod(iod, geo, new SplittableRandom(seed ^ 0x10D_2019L));
        writePcn(pcn, geo);
        return List.of(onspd, iod, pcn);
    }

    private static void writeOnspd(Path file, Geography geo) {
        try (TableWriter w = new TableWriter("ONSPD", file, ONSPD_HEADER)) {
            int[] c = ONSPD_HEADER.stream().mapToInt(w::col).toArray();
            int ward = 0;
            for (Lsoa lsoa : geo.lsoas()) {
                LocalAuthority la = lsoa.la();
                String wardCode = "E0590" + String.format("%04d", 1 + (ward++ / 6));
                String msoa = "E0290" + lsoa.code().substring(5, 9);
                boolean llr = la.place() != Place.OUTSIDE_LLR;
                for (PostcodeEntry p : lsoa.postcodes()) {
                    w.set(c[0], p.pcd7()).set(c[1], p.pcd8()).set(c[2], p.pcds()).set(c[3], p.dointr())
                            .set(c[4], p.terminated() ? "202105" : "").set(c[5], la.countyCode())
                            .set(c[6], "E99999999").set(c[7], la.code()).set(c[8], wardCode).set(c[9], "E43000000")
                            .set(c[10], "0").set(c[11], Integer.toString(p.easting()))
                            .set(c[12], Integer.toString(p.northing())).set(c[13], "1")
                            .set(c[15], "E40000008").set(c[16], "E92000001").set(c[17], la.regionCode())
                            .set(c[18], "0").set(c[33], "E0090" + lsoa.code().substring(5, 9))
                            .set(c[34], lsoa.code()).set(c[35], msoa).set(c[42], latitude(p))
                            .set(c[43], longitude(p)).set(c[47], Integer.toString(lsoa.rank()))
                            .set(c[49], llr ? "E54000015" : "").set(c[51], lsoa.code()).set(c[52], msoa);
                    w.emit();
                }
            }
        }
    }

    // A flat-earth approximation around Leicester is plenty for synthetic points within 40 km.
    private static String latitude(PostcodeEntry p) {
        return String.format(Locale.ROOT, "%.6f", 52.636 + (p.northing() - 304300) / 111_200.0);
    }

    private static String longitude(PostcodeEntry p) {
        return String.format(Locale.ROOT, "%.6f", -1.139 + (p.easting() - 458600) / 67_600.0);
    }

    private static void writeIod(Path file, Geography geo, SplittableRandom rnd) {
        try (TableWriter w = new TableWriter("IoD2019", file, IOD_HEADER)) {
            for (Lsoa lsoa : geo.lsoas()) {
                int i = 0;
                w.set(i++, lsoa.code()).set(i++, lsoa.name()).set(i++, lsoa.la().code()).set(i++, lsoa.la().name());
                for (int d = 0; d < IOD_DOMAINS.size(); d++) {
                    // Domains track the overall index loosely, as they do in the real file.
                    int rank = d == 0 ? lsoa.rank()
                            : clamp(lsoa.rank() + rnd.nextInt(-4000, 4001), 1, Geography.ENGLAND_LSOAS);
                    w.set(i++, score(d, rank, rnd)).set(i++, Integer.toString(rank))
                            .set(i++, Integer.toString(decileOfRank(rank)));
                }
                int total = 1200 + rnd.nextInt(1400);
                int children = (int) (total * (0.14 + 0.12 * (11 - lsoa.decile()) / 10.0));
                int older = (int) (total * (0.12 + 0.14 * lsoa.decile() / 10.0));
                w.set(i++, Integer.toString(total)).set(i++, Integer.toString(children))
                        .set(i++, Integer.toString(total - children - older)).set(i++, Integer.toString(older))
                        .set(i, Integer.toString((int) (total * 0.6)));
                w.emit();
            }
        }
    }

    static int decileOfRank(int rank) {
        return Math.min(10, (int) Math.ceil(rank * 10.0 / Geography.ENGLAND_LSOAS));
    }

    /** Scores fall with rank; rates (income, employment, IDACI, IDAOPI) are proportions, z-scored domains centre on 0. */
    private static String score(int domain, int rank, SplittableRandom rnd) {
        double x = rank / (double) Geography.ENGLAND_LSOAS;
        double v = switch (domain) {
            case 0 -> 92 * Math.exp(-3.9 * x);
            case 1, 8 -> 0.55 * Math.exp(-3.2 * x);
            case 2 -> 0.40 * Math.exp(-3.2 * x);
            case 9 -> 0.60 * Math.exp(-2.8 * x);
            case 3, 10, 11 -> 80 * Math.exp(-3.4 * x);
            case 4, 5, 12, 13, 14, 15 -> 3.0 - 6.0 * x;
            default -> 60 * Math.exp(-2.0 * x);
        };
        v *= 0.95 + 0.1 * rnd.nextDouble();
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static void writePcn(Path file, Geography geo) {
        try (TableWriter w = new TableWriter("PCN", file, List.of("practice_code", "pcn_code", "pcn_name",
                "practice_name"))) {
            for (GpPractice p : geo.practices()) {
                w.set(0, p.code()).set(1, p.pcnCode()).set(2, p.pcnName()).set(3, p.name());
                w.emit();
            }
        }
    }
}
