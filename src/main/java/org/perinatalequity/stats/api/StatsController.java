package org.perinatalequity.stats.api;

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
import org.perinatalequity.stats.api.StatsRequests.CompareRequest;
import org.perinatalequity.stats.api.StatsRequests.ComparisonResponse;
import org.perinatalequity.stats.api.StatsRequests.CountsRequest;
import org.perinatalequity.stats.api.StatsRequests.FunnelLimitsRequest;
import org.perinatalequity.stats.api.StatsRequests.FunnelSignificanceRequest;
import org.perinatalequity.stats.api.StatsRequests.SiiRequest;
import org.perinatalequity.stats.api.StatsRequests.SignificanceResponse;
import org.perinatalequity.stats.api.StatsRequests.SpcPointResponse;
import org.perinatalequity.stats.api.StatsRequests.SpcRequest;
import org.perinatalequity.stats.api.StatsRequests.SpcResponse;
import org.perinatalequity.system.api.ApiError;
import org.perinatalequity.system.api.BadRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * The statistics calculator, {@code POST /api/stats/*}: each endpoint takes a JSON array and answers an array in the
 * same order. A thin mapping onto the plain {@code org.perinatalequity.stats} classes; a bad element is a 400 whose
 * detail names its index and field, e.g. {@code [2].denominator must be ≥ numerator}.
 */
@RestController
@RequestMapping("/api/stats")
class StatsController {

    /** Enough for any breakdown or trend; it bounds the work one request can ask for. */
    static final int MAX_ITEMS = 10_000;

    /** SII simulations are the expensive ones (up to 100,000 regressions each). */
    static final int MAX_SII_ITEMS = 100;

    /** Charts, each with its own series. */
    static final int MAX_SPC_ITEMS = 1_000;

    @PostMapping("/proportion")
    List<Estimate> proportion(@RequestBody List<CountsRequest> body) {
        return each(body, MAX_ITEMS, r -> Proportions.wilson(StatsMapping.required(r.numerator(), "numerator"),
                StatsMapping.required(r.denominator(), "denominator"), StatsMapping.or(r.confidence(), 0.95),
                StatsMapping.or(r.multiplier(), 1)));
    }

    @PostMapping("/rate")
    List<Estimate> rate(@RequestBody List<CountsRequest> body) {
        return each(body, MAX_ITEMS, r -> Rates.crude(StatsMapping.required(r.numerator(), "numerator"),
                StatsMapping.required(r.denominator(), "denominator"), StatsMapping.or(r.confidence(), 0.95),
                StatsMapping.or(r.multiplier(), 100_000)));
    }

    @PostMapping("/sii")
    List<SiiResult> sii(@RequestBody List<SiiRequest> body) {
        return each(body, MAX_SII_ITEMS, r -> SlopeIndex.calculate(StatsMapping.siiInput(r),
                r.seed() == null ? new SplittableRandom() : new SplittableRandom(r.seed())));
    }

    @PostMapping("/funnel-limits")
    List<FunnelLimits> funnelLimits(@RequestBody List<FunnelLimitsRequest> body) {
        return each(body, MAX_ITEMS, r -> Funnels.limits(StatsMapping.required(r.population(), "population"),
                StatsMapping.required(r.averageProportion(), "averageProportion"),
                StatsMapping.or(r.multiplier(), 100)));
    }

    @PostMapping("/funnel-significance")
    List<SignificanceResponse> funnelSignificance(@RequestBody List<FunnelSignificanceRequest> body) {
        return each(body, MAX_ITEMS, r -> new SignificanceResponse(Funnels.significance(
                StatsMapping.required(r.numerator(), "numerator"),
                StatsMapping.required(r.denominator(), "denominator"),
                StatsMapping.required(r.averageProportion(), "averageProportion")).label()));
    }

    @PostMapping("/compare")
    List<ComparisonResponse> compare(@RequestBody List<CompareRequest> body) {
        return each(body, MAX_ITEMS, r -> {
            var polarity = StatsMapping.polarity(r.polarity());
            var comparison = switch (StatsMapping.required(r.method(), "method")) {
                case "overlap95" -> Comparisons.overlap95(r.value(), r.lower95(), r.upper95(), r.benchmark(),
                        polarity);
                case "overlap95_998" -> Comparisons.overlap95And998(r.value(), r.lower95(), r.upper95(),
                        r.lower998(), r.upper998(), r.benchmark(), polarity);
                case "spc_proportion" -> Comparisons.spcProportion(r.value(), r.denominator(),
                        StatsMapping.or(r.unit(), 100), StatsMapping.or(r.z(), Comparisons.SPC_Z_95), r.benchmark(),
                        polarity);
                default -> throw new InvalidInputException("method",
                        "must be overlap95, overlap95_998 or spc_proportion");
            };
            return new ComparisonResponse(comparison.label());
        });
    }

    @PostMapping("/spc")
    List<SpcResponse> spc(@RequestBody List<SpcRequest> body) {
        return each(body, MAX_SPC_ITEMS, r -> {
            SpcResult result = Spc.calculate(StatsMapping.spcInput(r));
            List<SpcPointResponse> points = result.points().stream().map(p -> new SpcPointResponse(p.value(),
                    p.type().label(), p.lowerLimit(), p.upperLimit())).toList();
            return new SpcResponse(result.mean(), result.lowerLimit(), result.upperLimit(), points,
                    result.variation().label(), result.assurance() == null ? null : result.assurance().label());
        });
    }

    /** Malformed JSON or a wrong type: say where, from Jackson's path, instead of Spring's default error page. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        String where = e.getCause() instanceof JsonMappingException m ? StatsMapping.path(m) : "";
        String detail = where.isEmpty() ? "The body must be a JSON array of objects (see docs/statistics.md)"
                : where + " has the wrong type or format";
        return ResponseEntity.badRequest().body(new ApiError("bad_request", detail));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> notJson(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("unsupported_media_type", "Send the array as Content-Type: application/json"));
    }

    private static <I, O> List<O> each(List<I> items, int max, Function<I, O> calculation) {
        if (items.size() > max) {
            throw new BadRequestException("The array holds " + items.size() + " items; at most " + max
                    + " are accepted per request");
        }
        List<O> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new BadRequestException("[" + i + "] must be an object, not null");
            }
            try {
                out.add(calculation.apply(items.get(i)));
            } catch (InvalidInputException e) {
                throw new BadRequestException("[" + i + "]." + e.getMessage());
            }
        }
        return out;
    }
}
