package org.perinatalequity.demodata;

import java.util.List;

/**
 * A local authority of residence with the postcode districts it covers (published-rates.md 10d), how many synthetic
 * LSOAs it gets and how they spread over national IMD deciles (10c).
 *
 * @param districtWeights relative share of the LA's LSOAs in each of {@code districts}
 * @param decileCounts    number of LSOAs in IMD deciles 1..10 (index 0 = decile 1, most deprived)
 * @param birthShare      share of all UHL births to residents of this LA
 */
record LocalAuthority(String code, String name, Place place, String countyCode, String regionCode,
        String commissioner, List<String> districts, double[] districtWeights, int[] decileCounts,
        double birthShare, int easting, int northing) {

    int lsoaCount() {
        int n = 0;
        for (int c : decileCounts) {
            n += c;
        }
        return n;
    }
}
