package org.perinatalequity.demodata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sample's community assets register ({@code name,type,postcode,services,languages,opening,contact}) for the
 * synthetic geography: in each LLR authority, family hubs at some of its most deprived LSOAs (one per 60 LSOAs or
 * so), a children's centre and a community hub at LSOAs drawn at random, and two VCSE groups; each at a live postcode
 * of its LSOA. Hubs are placed by deprivation alone, not by births or outcomes, so some high-need neighbourhoods are
 * left without a hub near them, as in life. Telephone numbers are in Ofcom's range for drama (0116 496 0xxx), and
 * addresses are example.org. Drawn from its own random stream, so the other files do not change with it.
 */
final class AssetFiles {

    static final String ASSETS_FILE = "llr_community_assets.csv";

    private AssetFiles() {
    }

    static Path write(Path dir, Geography geo, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0xA55E_7500L);
        Path file = dir.resolve(ASSETS_FILE);
        int phone = 100;
        try (TableWriter w = new TableWriter("assets", file, List.of("name", "type", "postcode", "services",
                "languages", "opening", "contact"))) {
            for (LocalAuthority la : geo.authorities()) {
                if (la.place() == Place.OUTSIDE_LLR) {
                    continue;
                }
                List<Lsoa> own = new ArrayList<>(geo.lsoas(la));
                String languages = la.place() == Place.LEICESTER
                        ? "English; Gujarati; Punjabi; Urdu; Somali; Polish" : "English; Polish";
                own.sort(Comparator.comparingInt(Lsoa::rank));
                int hubs = Math.max(1, own.size() / 60);
                for (int i = 0; i < hubs; i++) {
                    Lsoa lsoa = own.get(Math.min(own.size() - 1, i * 9));
                    row(w, la.name() + " Family Hub" + (hubs > 1 ? " " + (i + 1) : ""), "Family hub", lsoa, rnd,
                            "Antenatal and parenting classes; infant feeding support; health visiting clinics",
                            languages, "Mon-Fri 09:00-17:00", "0116 496 0" + phone++);
                }
                row(w, la.name() + " Children's Centre", "Children's centre", own.get(rnd.nextInt(own.size())), rnd,
                        "Stay and play; baby massage; early help", languages, "Mon-Thu 09:00-15:00",
                        "0116 496 0" + phone++);
                if (own.size() >= 40) {
                    row(w, la.name() + " Community Hub", "Community hub", own.get(rnd.nextInt(own.size() / 2)), rnd,
                            "Drop-in advice; food bank; digital access point", languages, "Tue, Thu 10:00-14:00",
                            "0116 496 0" + phone++);
                }
                String slug = la.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "");
                row(w, la.name() + " Bump Buddies", "VCSE group", own.get(rnd.nextInt(own.size())), rnd,
                        "Peer support in pregnancy and after birth", languages, "Wed 10:00-12:00",
                        "bumpbuddies-" + slug + "@example.org");
                row(w, la.name() + " Sisters Together", "VCSE group", own.get(rnd.nextInt(own.size())), rnd,
                        "Community doulas; interpreting; perinatal mental health peer group", languages,
                        "Sat 10:00-13:00", "sisters-" + slug + "@example.org");
            }
        }
        return file;
    }

    private static void row(TableWriter w, String name, String type, Lsoa lsoa, SplittableRandom rnd,
            String services, String languages, String opening, String contact) {
        List<PostcodeEntry> live = lsoa.postcodes().stream().filter(p -> !p.terminated()).toList();
        PostcodeEntry postcode = live.get(rnd.nextInt(live.size()));
        w.set(0, name).set(1, type).set(2, postcode.pcds()).set(3, services).set(4, languages).set(5, opening)
                .set(6, contact);
        w.emit();
    }
}
