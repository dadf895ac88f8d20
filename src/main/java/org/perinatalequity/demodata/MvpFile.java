package org.perinatalequity.demodata;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The LMNS's Maternity Voices Partnership membership list (docs/workforce.md, "Representation"): 32 memberships over
 * 2019 to 2025, 26 of them current at the end of March 2025, each with an ethnic category, the member's postcode
 * district or LSOA (members give one or the other), and the dates joined and left. The mix is set so that White members
 * are over-represented against LLR births and Asian members under-represented, as MVPs commonly find (the equity
 * guidance asks LMNSs to check exactly this); two members have not stated their ethnicity. Its own random stream.
 */
final class MvpFile {

    static final String FILE = "mvp_members.csv";

    /** Current members by NHS ethnic category, then former members (who left before March 2025). */
    private static final List<String> CURRENT = List.of("A", "A", "A", "A", "A", "A", "A", "A", "A", "A", "A", "A",
            "A", "B", "C", "C", "H", "H", "H", "K", "N", "M", "F", "D", "S", "Z");
    private static final List<String> FORMER = List.of("A", "A", "H", "J", "N", "");

    private MvpFile() {
    }

    static Path write(Path dir, Geography geo, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x4D5650L);
        Path file = dir.resolve(FILE);
        List<Lsoa> lsoas = geo.lsoas();
        try (TableWriter w = new TableWriter("MVP", file,
                List.of("member_id", "ethnic_category", "postcode_district", "lsoa", "joined", "left"))) {
            int n = 0;
            for (String ethnic : CURRENT) {
                member(w, rnd, lsoas, ++n, ethnic, null);
            }
            for (String ethnic : FORMER) {
                member(w, rnd, lsoas, ++n, ethnic, LocalDate.of(2022, 6, 1).plusDays(rnd.nextInt(900)));
            }
        }
        return file;
    }

    private static void member(TableWriter w, SplittableRandom rnd, List<Lsoa> lsoas, int n, String ethnic,
            LocalDate left) {
        Lsoa home = lsoas.get(rnd.nextInt(lsoas.size()));
        LocalDate joined = LocalDate.of(2019, 4, 1).plusDays(rnd.nextInt(left == null ? 2000 : 1100));
        boolean byLsoa = rnd.nextInt(3) == 0;
        w.set(0, String.format("MVP%04d", n)).set(1, ethnic).set(2, byLsoa ? "" : home.district())
                .set(3, byLsoa ? home.code() : "").set(4, joined.toString())
                .set(5, left == null ? "" : left.toString());
        w.emit();
    }
}
