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
import org.perinatalequity.stats.RelativeLikelihood;
import org.perinatalequity.stats.Representation;
import org.perinatalequity.stats.Standardisation;
import org.perinatalequity.stats.Standardisation.DirectlyStandardised;
import org.perinatalequity.stats.Standardisation.IndirectlyStandardised;
import org.perinatalequity.stats.SiiResult;
import org.perinatalequity.stats.SlopeIndex;
import org.perinatalequity.stats.Spc;
import org.perinatalequity.stats.SpcResult;
import org.perinatalequity.calculator.StatsRequests.CompareRequest;
import org.perinatalequity.calculator.StatsRequests.ComparisonResponse;
import org.perinatalequity.calculator.StatsRequests.CategoryResponse;
import org.perinatalequity.calculator.StatsRequests.CountsRequest;
import org.perinatalequity.calculator.StatsRequests.DsrRequest;
import org.perinatalequity.calculator.StatsRequests.DsrResponse;
import org.perinatalequity.calculator.StatsRequests.IsRateResponse;
import org.perinatalequity.calculator.StatsRequests.IsrRequest;
import org.perinatalequity.calculator.StatsRequests.IsrResponse;
import org.perinatalequity.calculator.StatsRequests.RelativeLikelihoodRequest;
import org.perinatalequity.calculator.StatsRequests.RelativeLikelihoodResponse;
import org.perinatalequity.calculator.StatsRequests.RepresentationRequest;
import org.perinatalequity.calculator.StatsRequests.RepresentationResponse;
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

    /** Each exact multinomial test may enumerate up to {@link Representation#MAX_EXACT_OUTCOMES} outcomes. */
    public static final int MAX_REPRESENTATION_ITEMS = 100;

    /** Charts, each with its own series. */
    public static final int MAX_SPC_ITEMS = 1_000;

    /** The defaults of DESIGN.md section 4 for inputs left out; public so the calculator view can show them. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final double PROPORTION_MULTIPLIER = 1;
    public static final double RATE_MULTIPLIER = 100_000;
    public static final double FUNNEL_MULTIPLIER = 100;
    public static final double COMPARE_UNIT = 100;
    public static final double SII_MULTIPLIER = 1;
    /** An indirectly standardised ratio is a plain ratio (1 = as expected) unless refValue says ×100. */
    public static final double ISR_REF_VALUE = 1;

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

    /**
     * Directly standardised rates, Dobson limits, per 100,000 unless given; value and limits null under 10 events in
     * total (DESIGN.md section 8).
     */
    public List<DsrResponse> dsr(List<DsrRequest> items) {
        return each(items, MAX_ITEMS, r -> {
            StatsMapping.oneOf(r.count(), "count", r.individualsByFrequency(), "individualsByFrequency");
            double[] population = StatsMapping.allRequired(StatsMapping.required(r.population(), "population"),
                    "population");
            double[] standard = StatsMapping.allRequired(StatsMapping.required(r.standardPopulation(),
                    "standardPopulation"), "standardPopulation");
            double multiplier = StatsMapping.or(r.multiplier(), RATE_MULTIPLIER);
            double confidence = StatsMapping.or(r.confidence(), DEFAULT_CONFIDENCE);
            DirectlyStandardised d = r.count() != null
                    ? Standardisation.directlyStandardisedRate(StatsMapping.zeroIfNull(r.count()), population,
                            standard, multiplier, confidence)
                    : Standardisation.directlyStandardisedRate(StatsMapping.frequencies(
                            r.individualsByFrequency()), population, standard, multiplier, confidence);
            return new DsrResponse(d.value(), d.lower(), d.upper(), "Dobson", d.totalCount());
        });
    }

    /** Indirectly standardised ratios (observed ÷ expected × refValue, default 1), exact under 10, Byar from 10. */
    public List<IsrResponse> isr(List<IsrRequest> items) {
        return each(items, MAX_ITEMS, r -> {
            Strata s = strata(r);
            IndirectlyStandardised i = Standardisation.indirectlyStandardisedRatio(s.observed, s.population,
                    s.referenceCount, s.referencePopulation, StatsMapping.or(r.refValue(), ISR_REF_VALUE),
                    s.confidence);
            return new IsrResponse(i.value(), i.lower(), i.upper(), i.method(), i.observed(), i.expected());
        });
    }

    /** Indirectly standardised rates: the ratio × the reference's crude rate, per 100,000 unless given. */
    public List<IsRateResponse> isRate(List<IsrRequest> items) {
        return each(items, MAX_ITEMS, r -> {
            Strata s = strata(r);
            IndirectlyStandardised i = Standardisation.indirectlyStandardisedRate(s.observed, s.population,
                    s.referenceCount, s.referencePopulation, StatsMapping.or(r.multiplier(), RATE_MULTIPLIER),
                    s.confidence);
            return new IsRateResponse(i.value(), i.lower(), i.upper(), i.method(), i.observed(), i.expected(),
                    i.referenceRate());
        });
    }

    /** The ISR inputs with the contract's null rules: null observed counts, populations and reference counts are 0. */
    private record Strata(double observed, double[] population, double[] referenceCount,
            double[] referencePopulation, double confidence) {
    }

    private static Strata strata(IsrRequest r) {
        StatsMapping.oneOf(r.observed(), "observed", r.observedTotal(), "observedTotal");
        double[] population = StatsMapping.zeroIfNull(StatsMapping.required(r.population(), "population"));
        double observed;
        if (r.observed() != null) {
            double[] byStratum = StatsMapping.zeroIfNull(r.observed());
            if (byStratum.length != population.length) {
                throw new InvalidInputException("observed", "must have one value per stratum (" + population.length
                        + ", as population) but has " + byStratum.length);
            }
            observed = 0;
            for (int i = 0; i < byStratum.length; i++) {
                if (!Double.isFinite(byStratum[i]) || byStratum[i] < 0) {
                    throw new InvalidInputException("observed[" + i + "]", "must be ≥ 0");
                }
                observed += byStratum[i];
            }
        } else {
            observed = r.observedTotal();
            if (!Double.isFinite(observed) || observed < 0) {
                throw new InvalidInputException("observedTotal", "must be ≥ 0");
            }
        }
        return new Strata(observed, population,
                StatsMapping.zeroIfNull(StatsMapping.required(r.referenceCount(), "referenceCount")),
                StatsMapping.allRequired(StatsMapping.required(r.referencePopulation(), "referencePopulation"),
                        "referencePopulation"),
                StatsMapping.or(r.confidence(), DEFAULT_CONFIDENCE));
    }

    /** WRES relative likelihood (n1/d1) ÷ (n2/d2) with Katz's log-scale limits. */
    public List<RelativeLikelihoodResponse> relativeLikelihood(List<RelativeLikelihoodRequest> items) {
        return each(items, MAX_ITEMS, r -> {
            RelativeLikelihood rl = RelativeLikelihood.of(StatsMapping.required(r.numerator1(), "numerator1"),
                    StatsMapping.required(r.denominator1(), "denominator1"),
                    StatsMapping.required(r.numerator2(), "numerator2"),
                    StatsMapping.required(r.denominator2(), "denominator2"),
                    StatsMapping.or(r.confidence(), DEFAULT_CONFIDENCE));
            return new RelativeLikelihoodResponse(rl.value(), rl.lower(), rl.upper(), "Katz");
        });
    }

    /** Shares with Goodman's simultaneous intervals, ratios, gaps and one exact or χ² test per group. */
    public List<RepresentationResponse> representation(List<RepresentationRequest> items) {
        return each(items, MAX_REPRESENTATION_ITEMS, r -> {
            Representation result = Representation.of(
                    StatsMapping.allRequired(StatsMapping.required(r.counts(), "counts"), "counts"),
                    StatsMapping.allRequired(StatsMapping.required(r.shares(), "shares"), "shares"),
                    StatsMapping.or(r.confidence(), DEFAULT_CONFIDENCE));
            return new RepresentationResponse(result.categories().stream().map(c -> new CategoryResponse(c.share(),
                    c.lower(), c.upper(), c.ratio(), c.gap())).toList(), result.test(), result.pValue());
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
