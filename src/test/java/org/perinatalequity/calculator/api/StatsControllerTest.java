package org.perinatalequity.calculator.api;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.perinatalequity.TestUsers;
import org.perinatalequity.security.ApiSecuritySlice;
import org.perinatalequity.calculator.StatsCalculator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The calculator over HTTP: real JSON in, real numbers out, and the 400s. One web slice, so the context is cached.
 * Expected numbers are the published and hand-worked ones of the unit tests (sources there). Signed in
 * through the real API filter chain as a board member: the calculator is open to every role. The slice imports
 * {@link StatsCalculator}, where the calculation lives (the calculator view shares it).
 */
@WebMvcTest(controllers = StatsController.class,
        // The calculator reads no data, so the slice has no database for the read-snapshot filter of GET /api/**.
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.ReadSnapshotFilter"))
@Import({ ApiSecuritySlice.class, StatsCalculator.class })
class StatsControllerTest {

    @Autowired
    private MockMvc mvc;

    private ResultActions send(String path, String json) throws Exception {
        return mvc.perform(post("/api/stats/" + path).with(httpBasic(TestUsers.BOARD, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void withoutSigningInTheCalculatorAnswersAJson401() throws Exception {
        mvc.perform(post("/api/stats/proportion").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }

    /** Fingertips' published limits for 457 / 5,930 (SpcForProportionsComparerTest.cs) and a hand-worked 0 / 10. */
    @Test
    void proportionsInOrder() throws Exception {
        send("proportion", """
                [{"numerator":457,"denominator":5930,"confidence":0.95,"multiplier":100},
                 {"numerator":0,"denominator":10,"confidence":0.95,"multiplier":100}]""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].value").value(closeTo(7.7065767284991562, 1e-12), Double.class))
                .andExpect(jsonPath("$[0].lower").value(closeTo(7.0548320523366375, 1e-11), Double.class))
                .andExpect(jsonPath("$[0].upper").value(closeTo(8.4130813590727076, 1e-11), Double.class))
                .andExpect(jsonPath("$[0].method").value("Wilson"))
                .andExpect(jsonPath("$[1].lower").value(closeTo(0, 0), Double.class))
                .andExpect(jsonPath("$[1].upper").value(closeTo(27.75327998628892, 1e-11), Double.class));
    }

    @Test
    void ratesSwitchFromExactToByar() throws Exception {
        send("rate", """
                [{"numerator":9,"denominator":1000,"confidence":0.95,"multiplier":1000},
                 {"numerator":10,"denominator":1000,"confidence":0.998,"multiplier":1000}]""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].method").value("Exact"))
                .andExpect(jsonPath("$[0].lower").value(closeTo(4.115373097378334, 1e-9), Double.class))
                .andExpect(jsonPath("$[0].upper").value(closeTo(17.084803451419166, 1e-9), Double.class))
                .andExpect(jsonPath("$[1].method").value("Byar"))
                .andExpect(jsonPath("$[1].upper").value(closeTo(24.19372492788055, 1e-9), Double.class));
    }

    @Test
    void siiWithASeed() throws Exception {
        String quantiles = """
                [{"quantile":1,"population":100,"value":19,"standardError":0.5},
                 {"quantile":2,"population":100,"value":17,"standardError":0.5},
                 {"quantile":3,"population":100,"value":15,"standardError":0.5},
                 {"quantile":4,"population":100,"value":13,"standardError":0.5},
                 {"quantile":5,"population":100,"value":11,"standardError":0.5}]""";
        send("sii", "[{\"valueType\":\"other\",\"transform\":false,\"multiplier\":1,\"confidence\":0.95,"
                + "\"repetitions\":10000,\"seed\":1,\"quantiles\":" + quantiles + "}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].sii").value(closeTo(-10, 1e-9), Double.class))
                .andExpect(jsonPath("$[0].rii").value(closeTo(0.5, 1e-12), Double.class))
                .andExpect(jsonPath("$[0].intercept").value(closeTo(20, 1e-9), Double.class))
                // Slope sd = 0.5·√2.5 = 0.790569, so the 95% limits are about −10 ∓ 1.5495.
                .andExpect(jsonPath("$[0].siiLower").value(closeTo(-11.5495, 0.1), Double.class))
                .andExpect(jsonPath("$[0].siiUpper").value(closeTo(-8.4505, 0.1), Double.class))
                .andExpect(jsonPath("$[0].riiLower").value(not(nullValue())));
    }

    /** PHEindicatormethods testdata_funnel_prop_outputs.csv (population 1,008) and inputs (West Norfolk PCT). */
    @Test
    void funnels() throws Exception {
        send("funnel-limits", "[{\"population\":1008,\"averageProportion\":0.80642448,\"multiplier\":100}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].lower95").value(closeTo(78.203374, 2e-6), Double.class))
                .andExpect(jsonPath("$[0].upper95").value(closeTo(83.081521, 2e-6), Double.class))
                .andExpect(jsonPath("$[0].lower998").value(closeTo(76.796814, 2e-6), Double.class))
                .andExpect(jsonPath("$[0].upper998").value(closeTo(84.488082, 2e-6), Double.class));
        send("funnel-significance", """
                [{"numerator":26789.238,"denominator":33012,"averageProportion":0.80642448},
                 {"numerator":24803.6256,"denominator":31824,"averageProportion":0.80642448}]""")
                .andExpect(jsonPath("$[0].significance").value("high_95"))
                .andExpect(jsonPath("$[1].significance").value("low_998"));
    }

    /** Fingertips AnalysisTest fixtures: two-level overlap and SPC for proportions at 1.96 and 3.0902. */
    @Test
    void comparisons() throws Exception {
        send("compare", """
                [{"method":"overlap95_998","value":2.6,"lower95":2.5,"upper95":2.7,"lower998":2.3,"upper998":2.9,
                  "benchmark":3.0,"polarity":"higher_is_better"},
                 {"method":"overlap95","value":2.6,"lower95":2.5,"upper95":2.7,"benchmark":2.7,"polarity":"none"},
                 {"method":"spc_proportion","value":10.9783420463032,"denominator":1339,"unit":100,
                  "benchmark":12.8379546895717,"polarity":"lower_is_better"},
                 {"method":"spc_proportion","value":10.9783420463032,"denominator":1339,"unit":100,"z":3.0902,
                  "benchmark":12.8379546895717,"polarity":"lower_is_better"},
                 {"method":"overlap95","value":2.6,"benchmark":2.7,"polarity":"none"}]""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].comparison").value("worst"))
                .andExpect(jsonPath("$[1].comparison").value("similar"))
                .andExpect(jsonPath("$[2].comparison").value("better"))
                .andExpect(jsonPath("$[3].comparison").value("similar"))
                .andExpect(jsonPath("$[4].comparison").value("not_compared"));
    }

    /** NHSRplotthedots snapshot data (rnorm(20), seed 123) and a hand-worked p chart with null top-level limits. */
    @Test
    void spcCharts() throws Exception {
        send("spc", """
                [{"chart":"xmr","improvement":"increase","target":4,"values":[-0.56047565,-0.23017749,1.55870831,
                  0.07050839,0.12928774,1.71506499,0.46091621,-1.26506123,-0.68685285,-0.44566197,1.22408180,
                  0.35981383,0.40077145,0.11068272,-0.55584113,1.78691314,0.49785048,-1.96661716,0.70135590,
                  -0.47279141]},
                 {"chart":"p","improvement":"decrease","values":[10,12,30,9,11],"denominators":[100,100,100,50,150]}]""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].mean").value(closeTo(0.1416238, 5e-8), Double.class))
                .andExpect(jsonPath("$[0].lowerLimit").value(closeTo(-3.01138, 5e-6), Double.class))
                .andExpect(jsonPath("$[0].upperLimit").value(closeTo(3.294627, 5e-7), Double.class))
                .andExpect(jsonPath("$[0].points", hasSize(20)))
                .andExpect(jsonPath("$[0].points[0].type").value("common_cause"))
                .andExpect(jsonPath("$[0].variation").value("common_cause"))
                .andExpect(jsonPath("$[0].assurance").value("consistently_failing"))
                .andExpect(jsonPath("$[1].mean").value(closeTo(0.144, 1e-15), Double.class))
                .andExpect(jsonPath("$[1].lowerLimit").value(nullValue()))
                .andExpect(jsonPath("$[1].upperLimit").value(nullValue()))
                .andExpect(jsonPath("$[1].points[2].value").value(closeTo(0.3, 1e-15), Double.class))
                .andExpect(jsonPath("$[1].points[2].type").value("special_cause_concern"))
                .andExpect(jsonPath("$[1].points[3].lowerLimit").value(closeTo(0, 0), Double.class))
                .andExpect(jsonPath("$[1].assurance").value(nullValue()));
    }

    /** LaneyTest's hand-worked p′ chart: 16/100, 88/400, 24/100, 72/400, p̄ 0.2, σz = (4/3)/1.128. */
    @Test
    void laneyPPrimeChart() throws Exception {
        send("spc", """
                [{"chart":"p_prime","improvement":"increase","target":0.05,"values":[16,88,24,72],
                  "denominators":[100,400,100,400]}]""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].mean").value(closeTo(0.2, 1e-12), Double.class))
                .andExpect(jsonPath("$[0].lowerLimit").value(nullValue()))
                .andExpect(jsonPath("$[0].points[0].upperLimit").value(closeTo(0.3418440, 1e-7), Double.class))
                .andExpect(jsonPath("$[0].points[1].lowerLimit").value(closeTo(0.1290780, 1e-7), Double.class))
                .andExpect(jsonPath("$[0].variation").value("common_cause"))
                .andExpect(jsonPath("$[0].assurance").value("consistently_passing"));
        send("spc", "[{\"chart\":\"c\",\"improvement\":\"increase\",\"values\":[1,2]}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].chart must be xmr, p or p_prime"));
    }

    /** PHEindicatormethods' testdata_DSR_ISR.xlsx (the oracle of StandardisationTest): ESP2013 bands. */
    private static final String POPULATION = "[636,558,609,543,384,594,669,843,660,576,606,522,426,273,300,288,153,"
            + "123,207]";
    private static final String ESP2013 = "[5000,5500,5500,5500,6000,6000,6500,7000,7000,7000,7000,6500,6000,5500,"
            + "5000,4000,2500,1500,1000]";
    private static final String BIG = "[127,25,18,21,12,27,48,27,29,32,32,34,45,65,38,68,74,82,91]";
    private static final String REFERENCE = "\"referenceCount\":[10303,2824,0,3615,3641,3490,3789,3213,3031,2771,"
            + "3089,3490,3595,4745,5514,7125,5694,6210,5757],\"referencePopulation\":[50520,57173,60213,54659,44345,"
            + "50128,62163,67423,62899,55463,60479,49974,44140,40888,37239,30819,18136,15325,13918]";

    /**
     * testdata_big per 100,000 (the default multiplier), testdata_tiny with its blank 10–14 count sent as null (9
     * events: no value), and a hand-worked case at 0.95 by default.
     */
    @Test
    void directlyStandardisedRates() throws Exception {
        send("dsr", "[{\"count\":" + BIG + ",\"population\":" + POPULATION + ",\"standardPopulation\":" + ESP2013
                + "},{\"count\":[0,0,null,0,0,0,1,0,0,0,0,0,1,0,0,1,1,2,3],\"population\":" + POPULATION
                + ",\"standardPopulation\":" + ESP2013 + ",\"multiplier\":100000,\"confidence\":0.95},"
                + "{\"count\":[10,20],\"population\":[1000,2000],\"standardPopulation\":[3000,1000]}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].value").value(closeTo(10430.247991469423, 1e-8), Double.class))
                .andExpect(jsonPath("$[0].lower").value(closeTo(9717.709067985681, 1e-8), Double.class))
                .andExpect(jsonPath("$[0].upper").value(closeTo(11178.94091547925, 1e-8), Double.class))
                .andExpect(jsonPath("$[0].method").value("Dobson"))
                .andExpect(jsonPath("$[0].totalCount").value(closeTo(895, 0), Double.class))
                .andExpect(jsonPath("$[1].totalCount").value(closeTo(9, 0), Double.class))
                .andExpect(jsonPath("$[1].value").value(nullValue()))
                .andExpect(jsonPath("$[1].lower").value(nullValue()))
                .andExpect(jsonPath("$[1].upper").value(nullValue()))
                .andExpect(jsonPath("$[1].method").value("Dobson"))
                .andExpect(jsonPath("$[2].value").value(closeTo(1000, 1e-10), Double.class))
                .andExpect(jsonPath("$[2].lower").value(closeTo(565.6626446644062, 1e-9), Double.class))
                .andExpect(jsonPath("$[2].upper").value(closeTo(1570.7063794620126, 1e-9), Double.class));
    }

    /** testdata_nonind_small: people with 1, 2 or 3 events; the oracle's value and wider limits. */
    @Test
    void directlyStandardisedRatesOfRepeatedEvents() throws Exception {
        send("dsr", "[{\"individualsByFrequency\":["
                + "{\"frequency\":1,\"individuals\":[7,4,3,0,3,4,5,2,2,3,4,5,3,5,5,3,5,5,4]},"
                + "{\"frequency\":2,\"individuals\":[1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]},"
                + "{\"frequency\":3,\"individuals\":[1,0,0,0,0,0,1,0,0,0,0,0,1,1,0,1,0,0,0]}],"
                + "\"population\":" + POPULATION + ",\"standardPopulation\":" + ESP2013 + "}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].totalCount").value(closeTo(89, 0), Double.class))
                .andExpect(jsonPath("$[0].value").value(closeTo(1082.95419841, 1e-7), Double.class))
                .andExpect(jsonPath("$[0].lower").value(closeTo(817.68609755, 1e-7), Double.class))
                .andExpect(jsonPath("$[0].upper").value(closeTo(1393.55884927, 1e-7), Double.class))
                .andExpect(jsonPath("$[0].method").value("Dobson"));
    }

    /**
     * testdata_big's 895 events by band (Byar) and testdata_small's total of 91 ×100 at 99.8%; the hand-worked E = 3.5
     * with 3 observed (exact limits); no expected events give null value and limits.
     */
    @Test
    void indirectlyStandardisedRatios() throws Exception {
        send("isr", "[{\"observed\":" + BIG + ",\"population\":" + POPULATION + "," + REFERENCE + "},"
                + "{\"observedTotal\":91,\"population\":" + POPULATION + "," + REFERENCE
                + ",\"refValue\":100,\"confidence\":0.998},"
                + "{\"observedTotal\":3,\"population\":[100,null],\"referenceCount\":[5,30],"
                + "\"referencePopulation\":[1000,2000]},"
                + "{\"observedTotal\":2,\"population\":[0,0],\"referenceCount\":[5,30],"
                + "\"referencePopulation\":[1000,2000]}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].method").value("Byar"))
                .andExpect(jsonPath("$[0].observed").value(closeTo(895, 0), Double.class))
                .andExpect(jsonPath("$[0].expected").value(closeTo(835.88356123117433, 1e-9), Double.class))
                .andExpect(jsonPath("$[0].value").value(closeTo(1.0707232939020275, 1e-12), Double.class))
                .andExpect(jsonPath("$[0].lower").value(closeTo(1.0017147712553987, 1e-11), Double.class))
                .andExpect(jsonPath("$[0].upper").value(closeTo(1.1432332872498949, 1e-11), Double.class))
                .andExpect(jsonPath("$[0].referenceRate").doesNotExist())
                .andExpect(jsonPath("$[1].value").value(closeTo(10.886683770400502, 1e-11), Double.class))
                .andExpect(jsonPath("$[1].lower").value(closeTo(7.6954255283921107, 1e-10), Double.class))
                .andExpect(jsonPath("$[1].upper").value(closeTo(14.897920510466744, 1e-10), Double.class))
                // Population (100, 0): E = 0.5, so 3 observed is 6 with χ²(0.025; 6)/2 / 0.5 and χ²(0.975; 8)/2 / 0.5.
                .andExpect(jsonPath("$[2].method").value("Exact"))
                .andExpect(jsonPath("$[2].expected").value(closeTo(0.5, 1e-15), Double.class))
                .andExpect(jsonPath("$[2].value").value(closeTo(6, 1e-12), Double.class))
                .andExpect(jsonPath("$[2].lower").value(closeTo(0.17676346368445753 * 7, 1e-9), Double.class))
                .andExpect(jsonPath("$[2].upper").value(closeTo(2.504935162783521 * 7, 1e-9), Double.class))
                .andExpect(jsonPath("$[3].expected").value(closeTo(0, 0), Double.class))
                .andExpect(jsonPath("$[3].value").value(nullValue()))
                .andExpect(jsonPath("$[3].lower").value(nullValue()))
                .andExpect(jsonPath("$[3].upper").value(nullValue()));
    }

    @Test
    void indirectlyStandardisedRates() throws Exception {
        send("israte", "[{\"observed\":" + BIG + ",\"population\":" + POPULATION + "," + REFERENCE + "},"
                + "{\"observedTotal\":9,\"population\":" + POPULATION + "," + REFERENCE
                + ",\"multiplier\":1000,\"confidence\":0.998}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].referenceRate").value(closeTo(9349.8830922110192, 1e-9), Double.class))
                .andExpect(jsonPath("$[0].value").value(closeTo(10011.137622091057, 1e-8), Double.class))
                .andExpect(jsonPath("$[0].lower").value(closeTo(9365.91600297888, 1e-8), Double.class))
                .andExpect(jsonPath("$[0].upper").value(closeTo(10689.097582910616, 1e-8), Double.class))
                .andExpect(jsonPath("$[0].method").value("Byar"))
                .andExpect(jsonPath("$[0].observed").value(closeTo(895, 0), Double.class))
                .andExpect(jsonPath("$[1].method").value("Exact"))
                .andExpect(jsonPath("$[1].referenceRate").value(closeTo(93.498830922110187, 1e-11), Double.class))
                .andExpect(jsonPath("$[1].value").value(closeTo(1.0067065765231229, 1e-12), Double.class))
                .andExpect(jsonPath("$[1].lower").value(closeTo(0.27431908625542339, 1e-9), Double.class))
                .andExpect(jsonPath("$[1].upper").value(closeTo(2.5343696352192358, 1e-9), Double.class));
    }

    /** West Lancashire 2019/20 (117/389 vs 2/10) and the zero-numerator rules. */
    @Test
    void relativeLikelihoods() throws Exception {
        send("relative-likelihood", """
                [{"numerator1":117,"denominator1":389,"numerator2":2,"denominator2":10},
                 {"numerator1":0,"denominator1":50,"numerator2":3,"denominator2":40,"confidence":0.95},
                 {"numerator1":3,"denominator1":40,"numerator2":0,"denominator2":50}]""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].value").value(closeTo(1.5038560411311053, 1e-13), Double.class))
                .andExpect(jsonPath("$[0].lower").value(closeTo(0.43137243086373306, 1e-12), Double.class))
                .andExpect(jsonPath("$[0].upper").value(closeTo(5.2427620094269205, 1e-11), Double.class))
                .andExpect(jsonPath("$[0].method").value("Katz"))
                .andExpect(jsonPath("$[1].value").value(closeTo(0, 0), Double.class))
                .andExpect(jsonPath("$[1].lower").value(nullValue()))
                .andExpect(jsonPath("$[1].upper").value(nullValue()))
                .andExpect(jsonPath("$[2].value").value(nullValue()))
                .andExpect(jsonPath("$[2].lower").value(nullValue()))
                .andExpect(jsonPath("$[2].method").value("Katz"));
        send("relative-likelihood", "[{\"numerator1\":11,\"denominator1\":10,\"numerator2\":1,"
                + "\"denominator2\":10}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].numerator1 must be ≤ denominator1"));
    }

    /** The reference's MVP example (exact test) and CoinMinD's GM example (χ², Goodman limits). */
    @Test
    void representation() throws Exception {
        send("representation", """
                [{"counts":[15,3,1,1],"shares":[0.55,0.30,0.08,0.07]},
                 {"counts":[44,55,43,32,67,78],"shares":[0.2,0.2,0.2,0.2,0.1,0.1],"confidence":0.95}]""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].test").value("exact"))
                .andExpect(jsonPath("$[0].pValue").value(closeTo(0.3640045449745316, 1e-11), Double.class))
                .andExpect(jsonPath("$[0].categories", hasSize(4)))
                .andExpect(jsonPath("$[0].categories[1].share").value(closeTo(0.15, 1e-15), Double.class))
                .andExpect(jsonPath("$[0].categories[1].ratio").value(closeTo(0.5, 1e-14), Double.class))
                .andExpect(jsonPath("$[0].categories[1].gap").value(closeTo(-15, 1e-12), Double.class))
                .andExpect(jsonPath("$[1].test").value("chi_square"))
                // Goodman's limits do not depend on the population's shares: CoinMinD::GM's published output.
                .andExpect(jsonPath("$[1].categories[0].lower").value(closeTo(0.09468368, 5e-9), Double.class))
                .andExpect(jsonPath("$[1].categories[0].upper").value(closeTo(0.1966413, 5e-8), Double.class));
        send("representation", "[{\"counts\":[1,2],\"shares\":[0.5,0.4]}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].shares must sum to 1 (within 1e-6) but sum to 0.9"));
    }

    /** The contract's 400s: a confidence of 1 or more everywhere, and each field named with its index. */
    @Test
    void standardisationRefusalsNameTheField() throws Exception {
        String oneStratum = "\"population\":[10],\"referenceCount\":[1],\"referencePopulation\":[10]";
        for (String path : new String[] { "isr", "israte" }) {
            send(path, "[{\"observedTotal\":1," + oneStratum + ",\"confidence\":1}]")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(
                            "[0].confidence must be a fraction from 0.9 to below 1 (e.g. 0.95 or 0.998)"));
        }
        send("dsr", "[{\"count\":[10],\"population\":[10],\"standardPopulation\":[1],\"confidence\":1.5}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "[0].confidence must be a fraction from 0.9 to below 1 (e.g. 0.95 or 0.998)"));
        send("relative-likelihood", "[{\"numerator1\":1,\"denominator1\":10,\"numerator2\":1,"
                + "\"denominator2\":10,\"confidence\":1}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "[0].confidence must be a fraction from 0.9 to below 1 (e.g. 0.95 or 0.998)"));
        send("representation", "[{\"counts\":[1,2],\"shares\":[0.5,0.5],\"confidence\":1}]")
                .andExpect(status().isBadRequest());
        send("dsr", "[{\"count\":[10,1],\"population\":[10,0],\"standardPopulation\":[1,1]}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].population[1] must be > 0"));
        send("dsr", "[{\"count\":[10],\"population\":[10],\"standardPopulation\":[-1]}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].standardPopulation[0] must be ≥ 0"));
        send("dsr", "[{\"population\":[10],\"standardPopulation\":[1]}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].count or individualsByFrequency is required"));
        send("isr", "[{\"observedTotal\":1,\"population\":[10],\"referenceCount\":[1],"
                + "\"referencePopulation\":[0]}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].referencePopulation[0] must be > 0"));
        send("isr", "[{\"observedTotal\":1,\"population\":[-1],\"referenceCount\":[1],"
                + "\"referencePopulation\":[10]}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].population[0] must be ≥ 0"));
        send("isr", "[{\"observed\":[1,2],\"observedTotal\":3," + oneStratum + "}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].observed and observedTotal cannot both be given: send one"));
    }

    @Test
    void badElementsNameTheirIndexAndField() throws Exception {
        send("proportion", """
                [{"numerator":1,"denominator":10},{"numerator":1,"denominator":10},{"numerator":11,"denominator":10}]""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"))
                .andExpect(jsonPath("$.detail").value("[2].denominator must be ≥ numerator"));
        send("rate", "[{\"denominator\":10}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].numerator is required"));
        send("proportion", "[{\"numerator\":1,\"denominator\":10,\"confidence\":95}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].confidence must be a fraction from 0.9 to below 1 (e.g. 0.95, not 95)"));
        send("compare", "[{\"method\":\"overlap95\",\"polarity\":\"up\"}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].polarity must be higher_is_better, lower_is_better or none"));
        send("spc", "[{\"chart\":\"xmr\",\"improvement\":\"increase\",\"values\":[1,2,3,4],\"rebaseAt\":[3]}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(is("[0].rebaseAt leaves a period of fewer than 2 points (from index 3)")));
        send("sii", "[{\"valueType\":\"rate\",\"quantiles\":[{\"quantile\":1,\"population\":0,\"value\":1,\"standardError\":0.1}]}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("[0].quantiles must hold 5 to 100 quantiles"));
    }

    @Test
    void unreadableBodiesAreJsonErrorsToo() throws Exception {
        send("proportion", "[{\"numerator\":\"many\",\"denominator\":10}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"))
                .andExpect(jsonPath("$.detail").value("[0].numerator has the wrong type or format"));
        send("proportion", "{\"numerator\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"));
        mvc.perform(post("/api/stats/rate").with(httpBasic(TestUsers.BOARD, TestUsers.PASSWORD))
                .contentType(MediaType.TEXT_PLAIN).content("1,2"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("unsupported_media_type"));
    }
}
