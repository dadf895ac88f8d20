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
@WebMvcTest(controllers = StatsController.class)
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
