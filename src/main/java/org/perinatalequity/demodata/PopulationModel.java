package org.perinatalequity.demodata;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the women who give birth at UHL: where they live (published-rates.md 10a), their ethnic category
 * (10b, births by mother's ethnicity per place), their neighbourhood (minority groups concentrated in the most
 * deprived LSOAs, 1c) and their age.
 */
final class PopulationModel {

    private static final List<String> CATEGORIES = List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L",
            "M", "N", "P", "R", "S");

    /** Shares of births by category in Leicester: White 35%, Mixed 4%, Asian 46%, Black 10%, Other 5%. */
    private static final double[] CITY_MIX = mix(
            new double[] {.35, .04, .46, .10, .05},
            new double[] {.75, .02, .23}, new double[] {.35, .15, .30, .20}, new double[] {.62, .12, .06, .20},
            new double[] {.10, .80, .10}, new double[] {.10, .90});
    /** Leicestershire: White 82%, Mixed 3%, Asian 11%, Black 2%, Other 2% (mostly Indian in Oadby, Charnwood). */
    private static final double[] COUNTY_MIX = mix(
            new double[] {.82, .03, .11, .02, .02},
            new double[] {.90, .01, .09}, new double[] {.30, .10, .40, .20}, new double[] {.70, .10, .05, .15},
            new double[] {.25, .65, .10}, new double[] {.30, .70});
    /** Rutland: White 93%, Mixed 3%, Asian 2%, Black 1%, Other 1% (service families included). */
    private static final double[] RUTLAND_MIX = mix(
            new double[] {.93, .03, .02, .01, .01},
            new double[] {.88, .02, .10}, new double[] {.30, .15, .35, .20}, new double[] {.50, .15, .05, .30},
            new double[] {.30, .60, .10}, new double[] {.30, .70});

    private final Geography geo;
    private final SplittableRandom rnd;
    private final DataQuality quality;
    private final NhsNumbers nhs;
    private final double[] laWeights;
    private final Map<String, double[]> lsoaCumulative = new HashMap<>();
    private long motherCount;

    PopulationModel(Geography geo, SplittableRandom rnd, DataQuality quality, NhsNumbers nhs) {
        this.geo = geo;
        this.rnd = rnd;
        this.quality = quality;
        this.nhs = nhs;
        this.laWeights = geo.authorities().stream().mapToDouble(LocalAuthority::birthShare).toArray();
    }

    /** A new mother, aged {@code age} on {@code bookingDate}. */
    Mother nextMother(LocalDate bookingDate) {
        LocalAuthority la = Geography.pick(geo.authorities(), laWeights, rnd);
        String category = Geography.pick(CATEGORIES, mixFor(la.place()), rnd);
        EthnicGroup group = EthnicGroup.ofCode(category);
        Lsoa lsoa = pickLsoa(la, category);
        PostcodeEntry postcode = lsoa.postcodes().get(rnd.nextInt(lsoa.postcodes().size()));
        int age = age(group, lsoa.quintile());
        LocalDate dob = bookingDate.minusYears(age).minusDays(rnd.nextInt(365));
        String team = lsoa.team();
        double f = DataQuality.teamFactor(team);
        List<GpPractice> practices = geo.practices(la);
        GpPractice practice = quality.happens(0.02, f) ? null : practices.get(rnd.nextInt(practices.size()));
        String lpid = String.format("M%09d", ++motherCount);
        return new Mother(lpid, nhs.next(), dob, category, group, lsoa, quality.ethnicCategory(category, f),
                quality.postcode(postcode, f, geo), practice, team, f);
    }

    private static double[] mixFor(Place place) {
        return switch (place) {
            case LEICESTER -> CITY_MIX;
            case RUTLAND -> RUTLAND_MIX;
            default -> COUNTY_MIX;
        };
    }

    /**
     * Chooses an LSOA with weight exp(tilt × (5.5 − decile)): a positive tilt pulls a category towards deprived
     * areas. Leicester's Pakistani, Bangladeshi, Black African and Eastern European families are the most
     * concentrated; Indian families less so. Scaled so that about 36–38% of city births fall in national
     * deciles 1–2 (published-rates.md calibration checks); the county pull is weaker.
     */
    private Lsoa pickLsoa(LocalAuthority la, String category) {
        List<Lsoa> lsoas = geo.lsoas(la);
        double[] cumulative = lsoaCumulative.computeIfAbsent(la.code() + category, k -> {
            double tilt = tilt(category) * (la.place() == Place.LEICESTER ? 0.55 : 0.4);
            double[] c = new double[lsoas.size()];
            double sum = 0;
            for (int i = 0; i < lsoas.size(); i++) {
                sum += Math.exp(tilt * (5.5 - lsoas.get(i).decile()));
                c[i] = sum;
            }
            return c;
        });
        double u = rnd.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        return lsoas.get(i >= 0 ? i : Math.min(-i - 1, lsoas.size() - 1));
    }

    private static double tilt(String category) {
        return switch (category) {
            case "A", "B", "R" -> -0.12;
            case "H" -> 0.05;
            case "C", "D", "E", "F", "G", "L", "M" -> 0.15;
            case "J", "P", "S" -> 0.22;
            case "K", "N" -> 0.28;
            default -> 0;
        };
    }

    /** Age 16–45: mean about 30.5, younger in deprived areas and lower for Mixed-heritage mothers. */
    private int age(EthnicGroup group, int quintile) {
        double mean = switch (group) {
            case MIXED -> 28.0;
            case ASIAN -> 30.0;
            case BLACK, OTHER -> 31.0;
            default -> 30.5;
        };
        mean += (quintile - 3) * 0.9;
        while (true) {
            int age = (int) Math.round(mean + rnd.nextGaussian() * 5.3);
            if (age >= 16 && age <= 45) {
                return age;
            }
        }
    }

    private static double[] mix(double[] groups, double[]... within) {
        double[] out = new double[CATEGORIES.size()];
        int k = 0;
        for (int g = 0; g < groups.length; g++) {
            for (double share : within[g]) {
                out[k++] = groups[g] * share;
            }
        }
        return out;
    }
}
