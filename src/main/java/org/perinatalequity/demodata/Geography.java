package org.perinatalequity.demodata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The synthetic LLR geography: local authorities, LSOAs with IMD 2019 deciles, a postcode directory, GP practices
 * with their PCNs and the community midwifery teams. Built from its own random stream, so the same seed gives the
 * same geography whatever the number of births.
 */
final class Geography {

    /** Synthetic LSOA codes start here: real 2011 LSOA codes stop near E01033768, so these cannot collide. */
    static final int FIRST_LSOA = 1_900_001;
    static final int ENGLAND_LSOAS = 32_844;
    static final int POSTCODES_PER_LSOA = 8;
    /** Letters used in the unit part of real postcodes (no C, I, K, M, O, V). */
    private static final String UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private final List<LocalAuthority> authorities;
    private final List<Lsoa> lsoas = new ArrayList<>();
    private final Map<LocalAuthority, List<Lsoa>> lsoasByLa = new LinkedHashMap<>();
    private final Map<LocalAuthority, List<GpPractice>> practicesByLa = new LinkedHashMap<>();
    private final Set<String> postcodeSet = new HashSet<>();

    private Geography(List<LocalAuthority> authorities) {
        this.authorities = authorities;
    }

    static Geography build(long seed) {
        Geography g = new Geography(GeographySpec.authorities());
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EED_6E0L);
        g.buildLsoas(rnd);
        g.buildPractices(rnd);
        return g;
    }

    private void buildLsoas(SplittableRandom rnd) {
        int next = FIRST_LSOA;
        for (LocalAuthority la : authorities) {
            List<Integer> deciles = new ArrayList<>();
            for (int d = 0; d < 10; d++) {
                for (int k = 0; k < la.decileCounts()[d]; k++) {
                    deciles.add(d + 1);
                }
            }
            shuffle(deciles, rnd);
            List<Lsoa> own = new ArrayList<>();
            for (int i = 0; i < deciles.size(); i++) {
                int decile = deciles.get(i);
                String district = pick(la.districts(), la.districtWeights(), rnd);
                String name = String.format("%s %03d%c", la.name(), i / 4 + 1, (char) ('A' + i % 4));
                int rank = rankInDecile(decile, rnd);
                Lsoa lsoa = new Lsoa("E0" + next++, name, la, decile, rank, district,
                        GeographySpec.team(la, district));
                addPostcodes(lsoa, rnd);
                own.add(lsoa);
                lsoas.add(lsoa);
            }
            lsoasByLa.put(la, own);
        }
    }

    private static int rankInDecile(int decile, SplittableRandom rnd) {
        int lo = (int) Math.floor((decile - 1) * ENGLAND_LSOAS / 10.0) + 1;
        int hi = (int) Math.floor(decile * ENGLAND_LSOAS / 10.0);
        return lo + rnd.nextInt(hi - lo + 1);
    }

    private void addPostcodes(Lsoa lsoa, SplittableRandom rnd) {
        LocalAuthority la = lsoa.la();
        int sector = 1 + rnd.nextInt(9);
        int e = la.easting() + rnd.nextInt(-6000, 6001);
        int n = la.northing() + rnd.nextInt(-6000, 6001);
        while (lsoa.postcodes().size() < POSTCODES_PER_LSOA) {
            String pcds = lsoa.district() + " " + sector + UNIT_LETTERS.charAt(rnd.nextInt(UNIT_LETTERS.length()))
                    + UNIT_LETTERS.charAt(rnd.nextInt(UNIT_LETTERS.length()));
            if (postcodeSet.add(pcds)) {
                // A few postcodes are terminated in the directory yet still given by the women living there.
                boolean terminated = rnd.nextDouble() < 0.015;
                String dointr = String.format("%d%02d", 1980 + rnd.nextInt(40), 1 + rnd.nextInt(12));
                lsoa.postcodes().add(new PostcodeEntry(pcds, lsoa, terminated, dointr,
                        e + rnd.nextInt(-300, 301), n + rnd.nextInt(-300, 301)));
            }
        }
    }

    private void buildPractices(SplittableRandom rnd) {
        int pcnNumber = 90_001;
        Map<String, Integer> nextCode = new LinkedHashMap<>();
        for (LocalAuthority la : authorities) {
            GeographySpec.PracticePlan plan = GeographySpec.practicePlan(la);
            List<GpPractice> practices = new ArrayList<>();
            for (int p = 0; p < plan.pcnNames().size(); p++) {
                String pcnCode = "U" + pcnNumber++;
                for (int k = 0; k < plan.practicesPerPcn(); k++) {
                    int code = nextCode.merge(plan.codePrefix(), 1 + rnd.nextInt(3), Integer::sum);
                    // The name takes no random draw, so the rest of the synthetic files stay as they were
                    String name = plan.pcnNames().get(p).replace(" PCN", "") + " Medical Practice " + (k + 1);
                    practices.add(new GpPractice(plan.codePrefix() + String.format("%03d", code), name, pcnCode,
                            plan.pcnNames().get(p), la));
                }
            }
            practicesByLa.put(la, practices);
        }
    }

    boolean isInDirectory(String pcds) {
        return postcodeSet.contains(pcds);
    }

    List<LocalAuthority> authorities() {
        return authorities;
    }

    List<Lsoa> lsoas() {
        return lsoas;
    }

    List<Lsoa> lsoas(LocalAuthority la) {
        return lsoasByLa.get(la);
    }

    List<GpPractice> practices(LocalAuthority la) {
        return practicesByLa.get(la);
    }

    List<GpPractice> practices() {
        List<GpPractice> all = new ArrayList<>();
        practicesByLa.values().forEach(all::addAll);
        return all;
    }

    static <T> T pick(List<T> items, double[] weights, SplittableRandom rnd) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < items.size(); i++) {
            u -= weights[i];
            if (u < 0) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    static <T> void shuffle(List<T> list, SplittableRandom rnd) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
