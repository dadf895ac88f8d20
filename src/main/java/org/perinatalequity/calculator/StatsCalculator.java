package org.perinatalequity.calculator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.perinatalequity.stats.Comparisons;
import org.perinatalequity.stats.Estimate;
import org.perinatalequity.stats.FunnelLimits;
import org.perinatalequity.stats.Funnels;
import org.perinatalequity.stats.InvalidInputException;
import org.perinatalequity.stats.Proportions;
import org.perinatalequity.stats.Rates;
import org.perinatalequity.stats.SiiResult;
import org.perinatalequity.stats.SlopeIndex;
import org.perinatalequity.stats.Spc;
import org.perinatalequity.stats.SpcResult;
import org.perinatalequity.calculator.StatsRequests.CompareRequest;
import org.perinatalequity.calculator.StatsRequests.ComparisonResponse;
import org.perinatalequity.calculator.StatsRequests.CountsRequest;
import org.perinatalequity.calculator.StatsRequests.FunnelLimitsRequest;
import org.perinatalequity.calculator.StatsRequests.FunnelSignificanceRequest;
import org.perinatalequity.calculator.StatsRequests.SiiRequest;
import org.perinatalequity.calculator.StatsRequests.SignificanceResponse;
import org.perinatalequity.calculator.StatsRequests.SpcPointResponse;
import org.perinatalequity.calculator.StatsRequests.SpcRequest;
import org.perinatalequity.calculator.StatsRequests.SpcResponse;

import org.springframework.stereotype.Service;

/**
 * The statistics calculator (DESIGN.md section 4): each operation takes a list of inputs and answers a list in the
 * same order, with the contract's defaults and words. {@code POST /api/stats/*} and the calculator view both call
 * it, so a number pasted into the page and the same number sent as JSON give the same answer. Holds no data and
 * needs no role beyond signing in: the inputs are the caller's own numbers.
 */
@Service
public class StatsCalculator {

    /** Enough for any breakdown or trend; it bounds the work one request can ask for. */
    public static final int MAX_ITEMS = 10_000;

    /** SII simulations are the expensive ones (100,000 simulated regressions each by default). */
    public static final int MAX_SII_ITEMS = 100;

    /** Charts, each with its own series. */
    public static final int MAX_SPC_ITEMS = 1_000;

    /** The defaults of DESIGN.md section 4 for inputs left out; public so the calculator view can show them. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final double PROPORTION_MULTIPLIER = 1;
    public static final double RATE_MULTIPLIER = 100_000;
    public static final double FUNNEL_MULTIPLIER = 100;
    public static final double COMPARE_UNIT = 100;
    public static final double SII_MULTIPLIER = 1;

    /** Wilson limits; multiplier 1 (a fraction) unless given. */
    public List<Estimate> proportion(List<CountsRequest> items) {
        return each(items, MAX_ITEMS, r -> Proportions.wilson(StatsMapping.required(r.numerator(), "numerator"),
                StatsMapping.required(r.denominator(), "denominator"), StatsMapping.or(r.confidence(),
                DEFAULT_CONFIDENCE), StatsMapping.or(r.multiplier(), PROPORTION_MULTIPLIER)));
    }

    /** Exact Poisson limits below 10 events, Byar's from 10; per 100,000 unless given. */
    public List<Estimate> rate(List<CountsRequest> items) {
        return each(items, MAX_ITEMS, r -> Rates.crude(StatsMapping.required(r.numerator(), "numerator"),
                StatsMapping.required(r.denominator(), "denominator"), StatsMapping.or(r.confidence(),
                DEFAULT_CONFIDENCE), StatsMapping.or(r.multiplier(), RATE_MULTIPLIER)));
    }

    /** Without a seed each call draws its own simulation, so the limits vary slightly between calls. */
    public List<SiiResult> sii(List<SiiRequest> items) {
        return each(items, MAX_SII_ITEMS, r -> SlopeIndex.calculate(StatsMapping.siiInput(r),
                r.seed() == null ? new SplittableRandom() : new SplittableRandom(r.seed())));
    }

    public List<FunnelLimits> funnelLimits(List<FunnelLimitsRequest> items) {
        return each(items, MAX_ITEMS, r -> Funnels.limits(StatsMapping.required(r.population(), "population"),
                StatsMapping.required(r.averageProportion(), "averageProportion"),
                StatsMapping.or(r.multiplier(), FUNNEL_MULTIPLIER)));
    }

    public List<SignificanceResponse> funnelSignificance(List<FunnelSignificanceRequest> items) {
        return each(items, MAX_ITEMS, r -> new SignificanceResponse(Funnels.significance(
                StatsMapping.required(r.numerator(), "numerator"),
                StatsMapping.required(r.denominator(), "denominator"),
                StatsMapping.required(r.averageProportion(), "averageProportion")).label()));
    }

    public List<ComparisonResponse> compare(List<CompareRequest> items) {
        return each(items, MAX_ITEMS, r -> {
            var polarity = StatsMapping.polarity(r.polarity());
            var comparison = switch (StatsMapping.required(r.method(), "method")) {
                case "overlap95" -> Comparisons.overlap95(r.value(), r.lower95(), r.upper95(), r.benchmark(),
                        polarity);
                case "overlap95_998" -> Comparisons.overlap95And998(r.value(), r.lower95(), r.upper95(),
                        r.lower998(), r.upper998(), r.benchmark(), polarity);
                case "spc_proportion" -> Comparisons.spcProportion(r.value(), r.denominator(),
                        StatsMapping.or(r.unit(), COMPARE_UNIT), StatsMapping.or(r.z(), Comparisons.SPC_Z_95),
                        r.benchmark(), polarity);
                default -> throw new InvalidInputException("method",
                        "must be overlap95, overlap95_998 or spc_proportion");
            };
            return new ComparisonResponse(comparison.label());
        });
    }

    public List<SpcResponse> spc(List<SpcRequest> items) {
        return each(items, MAX_SPC_ITEMS, r -> {
            SpcResult result = Spc.calculate(StatsMapping.spcInput(r));
            List<SpcPointResponse> points = result.points().stream().map(p -> new SpcPointResponse(p.value(),
                    p.type().label(), p.lowerLimit(), p.upperLimit())).toList();
            return new SpcResponse(result.mean(), result.lowerLimit(), result.upperLimit(), points,
                    result.variation().label(), result.assurance() == null ? null : result.assurance().label());
        });
    }

    /** All or nothing: the first bad item stops the whole list, so no caller ever sees partial answers. */
    private static <I, O> List<O> each(List<I> items, int max, Function<I, O> calculation) {
        if (items.size() > max) {
            throw new CalculationException(null, null, "The array holds " + items.size() + " items; at most " + max
                    + " are accepted per request");
        }
        List<O> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new CalculationException(i, "", "must be an object, not null");
            }
            try {
                out.add(calculation.apply(items.get(i)));
            } catch (InvalidInputException e) {
                throw new CalculationException(i, e.field(), e.getMessage().substring(e.field().length() + 1));
            }
        }
        return out;
    }
}
