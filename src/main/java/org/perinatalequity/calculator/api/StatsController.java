package org.perinatalequity.calculator.api;

import java.util.List;

import org.perinatalequity.stats.Estimate;
import org.perinatalequity.stats.FunnelLimits;
import org.perinatalequity.stats.SiiResult;
import org.perinatalequity.calculator.CalculationException;
import org.perinatalequity.calculator.StatsCalculator;
import org.perinatalequity.calculator.StatsRequests.CompareRequest;
import org.perinatalequity.calculator.StatsRequests.ComparisonResponse;
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
import org.perinatalequity.calculator.StatsRequests.SpcRequest;
import org.perinatalequity.calculator.StatsRequests.SpcResponse;
import org.perinatalequity.system.api.ApiError;

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

import io.swagger.v3.oas.annotations.Operation;

/**
 * The statistics calculator over HTTP, {@code POST /api/stats/*}: each endpoint takes a JSON array and answers an
 * array in the same order. The calculation lives in {@link StatsCalculator}, which the calculator view uses too; a
 * bad element is a 400 whose detail names its index and field, e.g. {@code [2].denominator must be ≥ numerator}.
 */
@RestController
@RequestMapping("/api/stats")
class StatsController {

    private final StatsCalculator calculator;

    StatsController(StatsCalculator calculator) {
        this.calculator = calculator;
    }

    @PostMapping("/proportion")
    List<Estimate> proportion(@RequestBody List<CountsRequest> body) {
        return calculator.proportion(body);
    }

    @PostMapping("/rate")
    List<Estimate> rate(@RequestBody List<CountsRequest> body) {
        return calculator.rate(body);
    }

    @PostMapping("/sii")
    List<SiiResult> sii(@RequestBody List<SiiRequest> body) {
        return calculator.sii(body);
    }

    @PostMapping("/funnel-limits")
    List<FunnelLimits> funnelLimits(@RequestBody List<FunnelLimitsRequest> body) {
        return calculator.funnelLimits(body);
    }

    @PostMapping("/funnel-significance")
    List<SignificanceResponse> funnelSignificance(@RequestBody List<FunnelSignificanceRequest> body) {
        return calculator.funnelSignificance(body);
    }

    @PostMapping("/compare")
    List<ComparisonResponse> compare(@RequestBody List<CompareRequest> body) {
        return calculator.compare(body);
    }

    @PostMapping("/spc")
    List<SpcResponse> spc(@RequestBody List<SpcRequest> body) {
        return calculator.spc(body);
    }

    @PostMapping("/dsr")
    @Operation(summary = "Directly standardised rates (Dobson limits)", description = "Per element: count (or"
            + " individualsByFrequency), population and standardPopulation by stratum; multiplier default 100000."
            + " Value and limits are null when the total count is under 10.")
    List<DsrResponse> dsr(@RequestBody List<DsrRequest> body) {
        return calculator.dsr(body);
    }

    @PostMapping("/isr")
    @Operation(summary = "Indirectly standardised ratios (observed ÷ expected × refValue)", description = "Expected"
            + " = Σ referenceCount ÷ referencePopulation × population; exact limits under 10 observed, Byar from 10;"
            + " refValue default 1; null value and limits when expected is 0.")
    List<IsrResponse> isr(@RequestBody List<IsrRequest> body) {
        return calculator.isr(body);
    }

    @PostMapping("/israte")
    @Operation(summary = "Indirectly standardised rates (the ratio × the reference's crude rate)", description =
            "The inputs of /isr with multiplier (default 100000) instead of refValue; answers referenceRate too.")
    List<IsRateResponse> isRate(@RequestBody List<IsrRequest> body) {
        return calculator.isRate(body);
    }

    @PostMapping("/relative-likelihood")
    @Operation(summary = "WRES relative likelihood (n1/d1) ÷ (n2/d2) with Katz's log-scale limits",
            description = "Null limits when a numerator is 0, and a null value too when numerator2 is 0.")
    List<RelativeLikelihoodResponse> relativeLikelihood(@RequestBody List<RelativeLikelihoodRequest> body) {
        return calculator.relativeLikelihood(body);
    }

    @PostMapping("/representation")
    @Operation(summary = "Representation of a group against the population it serves", description = "Goodman"
            + " simultaneous intervals, ratio and percentage-point gap per category; the exact multinomial test"
            + " when an expected count is under 5, Pearson's χ² otherwise.")
    List<RepresentationResponse> representation(@RequestBody List<RepresentationRequest> body) {
        return calculator.representation(body);
    }

    @ExceptionHandler(CalculationException.class)
    ResponseEntity<ApiError> badInput(CalculationException e) {
        return ResponseEntity.badRequest().body(new ApiError("bad_request", e.getMessage()));
    }

    /** Malformed JSON or a wrong type: say where, from Jackson's path, instead of Spring's default error page. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        String where = e.getCause() instanceof JsonMappingException m ? path(m) : "";
        String detail = where.isEmpty() ? "The body must be a JSON array of objects (see docs/statistics.md)"
                : where + " has the wrong type or format";
        return ResponseEntity.badRequest().body(new ApiError("bad_request", detail));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> notJson(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("unsupported_media_type", "Send the array as Content-Type: application/json"));
    }

    /** "[2].denominator" from Jackson's reference path (array index, then field names). */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return out.toString();
    }
}
