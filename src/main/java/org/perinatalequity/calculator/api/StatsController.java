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
