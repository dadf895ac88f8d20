package org.perinatalequity.quality.api;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.perinatalequity.measures.Dimension;
import org.perinatalequity.quality.Escalation;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityCount;
import org.perinatalequity.quality.QualityCsv;
import org.perinatalequity.quality.QualityItem;
import org.perinatalequity.quality.QualityAccess;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.quality.TeamAccess;
import org.perinatalequity.quality.WorklistAccessDeniedException;
import org.perinatalequity.quality.WorklistRow;
import org.perinatalequity.system.api.ApiError;
import org.perinatalequity.system.api.BadRequestException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/quality}, {@code /api/quality/worklist} and {@code /api/quality/escalations} (DESIGN.md section 4,
 * docs/data-quality.md). JSON by default; {@code ?format=csv} or {@code Accept: text/csv} gives CSV. Every parameter
 * is checked here and turned into enums, dates or a team id before the service sees it; a bad one answers 400
 * naming it.
 *
 * <p>Who is asking decides through {@link QualityAccess}: counts are unsuppressed unless {@code suppress=true}
 * is asked for, except for the board (always suppressed); worklists only for the caller's teams and for
 * analysts with RECORD_ACCESS.)
 */
@RestController
@RequestMapping("/api/quality")
class QualityController {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Set<String> QUALITY_PARAMETERS = Set.of("by", "item", "from", "to", "suppress", "format");
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final QualityService service;

    private final QualityAccess access;

    QualityController(QualityService service, QualityAccess access) {
        this.service = service;
        this.access = access;
    }

    /** One row of {@code GET /api/quality}. */
    record CountRow(String group, QualityItem item, long valid, @JsonProperty("default") long defaultCount,
            long invalid, long missing, long denominator) {

        static CountRow of(QualityCount c) {
            return new CountRow(c.group(), c.item(), c.valid(), c.defaultCount(), c.invalid(), c.missing(),
                    c.denominator());
        }
    }

    record CountsResponse(String by, List<CountRow> rows) {
    }

    record WorklistResponse(String team, List<WorklistRow> rows) {
    }

    record EscalationRow(Escalation.Level level, String group, QualityItem item, double threshold, int months,
            String since, String latestMonth, long valid, long denominator, Double validPercent) {

        static EscalationRow of(Escalation e) {
            return new EscalationRow(e.level(), e.group(), e.item(), e.threshold(), e.months(), e.since().toString(),
                    e.latestMonth().toString(), e.valid(), e.denominator(), e.latestPercent());
        }
    }

    record EscalationsResponse(int months, boolean suppressed, List<EscalationRow> rows) {
    }

    @GetMapping
    ResponseEntity<?> counts(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Dimension by = Dimension.fromId(required(params, "by")).orElseThrow(() -> new BadRequestException(
                "by: must be one of " + ids(Dimension.values()) + ", not '" + params.getFirst("by") + "'"));
        Optional<QualityItem> item = item(params);
        Period period = period(params);
        boolean suppress = access.suppress(bool(params, "suppress"));
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (QUALITY_PARAMETERS.contains(p.getKey())) {
                continue;
            }
            Dimension dimension = Dimension.fromId(p.getKey()).orElseThrow(() -> new BadRequestException(p.getKey()
                    + ": not a parameter; expected " + QUALITY_PARAMETERS + " or a dimension id " + ids(Dimension.values())));
            String value = single(params, p.getKey());
            List<String> valid = service.dimensionValues(dimension);
            if (!valid.contains(value)) {
                throw BadRequestException.unknownValue(p.getKey(), value, valid);
            }
            filters.put(dimension, value);
        }
        List<QualityCount> counts = service.counts(by, item, period, filters, suppress);
        if (wantsCsv(params, accept)) {
            return csv("quality-by-" + by.id() + ".csv", out -> QualityCsv.counts(by.id(), counts, out));
        }
        return ResponseEntity.ok(new CountsResponse(by.id(), counts.stream().map(CountRow::of).toList()));
    }

    @GetMapping("/worklist")
    ResponseEntity<?> worklist(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        only(params, Set.of("team", "item", "from", "to", "format"));
        String team = required(params, "team");
        if (!service.teams().contains(team)) {
            throw new BadRequestException("team: no team '" + team + "' in the loaded data");
        }
        Optional<QualityItem> item = item(params);
        if (item.isPresent() && !QualityService.isOnWorklists(item.get())) {
            throw new BadRequestException("item: " + item.get().id() + " is recorded at birth and is not on community"
                    + " team worklists");
        }
        List<WorklistRow> rows = service.worklist(team, item, period(params), access.teamAccess());
        if (wantsCsv(params, accept)) {
            access.worklistExported(team, rows.size());
            return csv("worklist-" + team.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv",
                    out -> QualityCsv.worklist(rows, out));
        }
        access.worklistShown(team, rows.size());
        return ResponseEntity.ok(new WorklistResponse(team, rows));
    }

    @GetMapping("/escalations")
    ResponseEntity<?> escalations(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        only(params, Set.of("to", "suppress", "format"));
        Optional<YearMonth> asOf = month(params, "to");
        boolean suppress = access.suppress(bool(params, "suppress"));
        List<Escalation> rows = service.escalations(asOf, suppress);
        if (wantsCsv(params, accept)) {
            String month = asOf.map(YearMonth::toString).orElse(YearMonth.from(LocalDate.now()).toString());
            return csv("quality-escalations-" + month + ".csv", out -> QualityCsv.escalations(rows, out));
        }
        return ResponseEntity.ok(new EscalationsResponse(service.escalationMonths(), suppress,
                rows.stream().map(EscalationRow::of).toList()));
    }

    @ExceptionHandler(WorklistAccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(WorklistAccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("forbidden", e.getMessage()));
    }

    private static ResponseEntity<String> csv(String fileName, Consumer<StringWriter> writer) {
        StringWriter out = new StringWriter();
        writer.accept(out);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(out.toString());
    }

    private static boolean wantsCsv(MultiValueMap<String, String> params, String accept) {
        String format = params.getFirst("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw new BadRequestException("format: must be json or csv, not '" + format + "'");
        }
        return "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
    }

    private static Optional<QualityItem> item(MultiValueMap<String, String> params) {
        if (!params.containsKey("item")) {
            return Optional.empty();
        }
        String id = single(params, "item");
        return Optional.of(QualityItem.fromId(id).orElseThrow(() -> new BadRequestException(
                "item: must be one of " + ids(QualityItem.values()) + ", not '" + id + "'")));
    }

    private static Period period(MultiValueMap<String, String> params) {
        Optional<YearMonth> from = month(params, "from");
        Optional<YearMonth> to = month(params, "to");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new BadRequestException("from: " + from.get() + " is after to " + to.get());
        }
        return new Period(from, to);
    }

    private static Optional<YearMonth> month(MultiValueMap<String, String> params, String name) {
        if (!params.containsKey(name)) {
            return Optional.empty();
        }
        String value = single(params, name);
        try {
            if (MONTH.matcher(value).matches()) {
                return Optional.of(YearMonth.parse(value));
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw new BadRequestException(name + ": must be a month YYYY-MM, not '" + value + "'");
    }

    private static boolean bool(MultiValueMap<String, String> params, String name) {
        if (!params.containsKey(name)) {
            return false;
        }
        String value = single(params, name);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException(name + ": must be true or false, not '" + value + "'");
        };
    }

    private static String required(MultiValueMap<String, String> params, String name) {
        if (!params.containsKey(name) || params.getFirst(name).isBlank()) {
            throw new BadRequestException(name + ": required");
        }
        return single(params, name);
    }

    private static String single(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values.size() != 1) {
            throw new BadRequestException(name + ": give one value, not " + values.size());
        }
        return values.get(0);
    }

    private static void only(MultiValueMap<String, String> params, Set<String> allowed) {
        params.keySet().stream().filter(p -> !allowed.contains(p)).findFirst().ifPresent(p -> {
            throw new BadRequestException(p + ": not a parameter here; expected " + allowed.stream().sorted().toList());
        });
    }

    private static List<String> ids(Dimension[] values) {
        return java.util.Arrays.stream(values).map(Dimension::id).toList();
    }

    private static List<String> ids(QualityItem[] values) {
        return java.util.Arrays.stream(values).map(QualityItem::id).toList();
    }
}
