package org.perinatalequity.breakdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.perinatalequity.export.Table;
import org.perinatalequity.export.Table.Column;
import org.perinatalequity.export.Table.Type;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.SpcResult.PointType;

/** Breakdowns and trends as flat tables for CSV and Arrow: the LMNS total first, then the groups. */
public final class BreakdownTables {

    private BreakdownTables() {
    }

    /**
     * The download name of a breakdown, the same in the API and the explorer: {@code <measure>-<by>[-<by2>]} and
     * the extension ({@code csv}, {@code arrow}, {@code png}, {@code svg}).
     */
    public static String fileName(BreakdownResult result, String extension) {
        return result.measure() + "-" + result.by() + (result.by2() == null ? "" : "-" + result.by2()) + "."
                + extension;
    }

    /** The download name of a trend: {@code <measure>-trend-<period>.<extension>}. */
    public static String fileName(TrendResult result, String extension) {
        return result.measure() + "-trend-" + result.by() + "." + extension;
    }

    public static Table of(BreakdownResult result) {
        List<Column> columns = new ArrayList<>(List.of(new Column("measure", Type.TEXT), new Column("by", Type.TEXT),
                new Column("group", Type.TEXT), new Column("group_name", Type.TEXT), new Column("by2", Type.TEXT), new Column("group2", Type.TEXT),
                new Column("numerator", Type.NUMBER), new Column("denominator", Type.NUMBER),
                new Column("value", Type.NUMBER), new Column("lower95", Type.NUMBER), new Column("upper95", Type.NUMBER),
                new Column("lower998", Type.NUMBER), new Column("upper998", Type.NUMBER),
                new Column("suppressed", Type.BOOLEAN), new Column("comparison", Type.TEXT),
                new Column("ratio", Type.NUMBER), new Column("ratio_lower95", Type.NUMBER),
                new Column("ratio_upper95", Type.NUMBER), new Column("from", Type.TEXT), new Column("to", Type.TEXT),
                new Column("unit", Type.TEXT), new Column("imd_vintage", Type.TEXT)));
        List<List<Object>> rows = new ArrayList<>();
        List<BreakdownResult.Row> all = new ArrayList<>();
        all.add(result.total());
        all.addAll(result.rows());
        // adjust=maternal_age: the standardisation's own columns after the usual ones (ratio* hold its ratio).
        boolean adjusted = result.total().adjusted() != null;
        if (adjusted) {
            columns.addAll(List.of(new Column("observed", Type.NUMBER), new Column("expected", Type.NUMBER),
                    new Column("adjusted_value", Type.NUMBER)));
        }
        for (BreakdownResult.Row r : all) {
            List<Object> row = new ArrayList<>(Arrays.asList(result.measure(), result.by(), r.group(), r.groupName(), result.by2(), r.group2(), r.numerator(),
                    r.denominator(), r.value(), r.lower95(), r.upper95(), r.lower998(), r.upper998(), r.suppressed(),
                    Comparison.label(r.comparison()), r.ratio(), r.ratioLower95(), r.ratioUpper95(), result.from(), result.to(),
                    result.unit(), result.imdVintage()));
            if (adjusted) {
                BreakdownResult.Adjusted a = r.adjusted();
                row.addAll(Arrays.asList(a == null ? null : a.observed(), a == null ? null : a.expected(),
                        a == null ? null : a.adjustedValue()));
            }
            rows.add(row);
        }
        return new Table(List.copyOf(columns), rows);
    }

    /** One trend per group (a measure over time by ethnic group, say): the trend's columns after the group's. */
    public static Table ofGroups(String by, java.util.Map<String, TrendResult> trends) {
        List<Column> columns = new ArrayList<>(List.of(new Column("by", Type.TEXT), new Column("group", Type.TEXT)));
        List<List<Object>> rows = new ArrayList<>();
        for (java.util.Map.Entry<String, TrendResult> e : trends.entrySet()) {
            Table one = of(e.getValue());
            if (columns.size() == 2) {
                columns.addAll(one.columns());
            }
            for (List<Object> row : one.rows()) {
                List<Object> out = new ArrayList<>(Arrays.asList(by, e.getKey()));
                out.addAll(row);
                rows.add(out);
            }
        }
        return new Table(columns, rows);
    }

    public static Table of(TrendResult result) {
        List<Column> columns = List.of(new Column("measure", Type.TEXT), new Column("period", Type.TEXT),
                new Column("numerator", Type.NUMBER), new Column("denominator", Type.NUMBER),
                new Column("value", Type.NUMBER), new Column("lower95", Type.NUMBER), new Column("upper95", Type.NUMBER),
                new Column("process_lower", Type.NUMBER), new Column("process_upper", Type.NUMBER),
                new Column("spc", Type.TEXT), new Column("suppressed", Type.BOOLEAN),
                new Column("complete", Type.BOOLEAN), new Column("mean", Type.NUMBER));
        List<List<Object>> rows = new ArrayList<>();
        for (TrendResult.Point p : result.points()) {
            rows.add(Arrays.asList(result.measure(), p.period(), p.numerator(), p.denominator(), p.value(),
                    p.lower95(), p.upper95(), p.processLower(), p.processUpper(), PointType.label(p.spc()),
                    p.suppressed(), p.complete(), p.mean()));
        }
        return new Table(columns, rows);
    }
}
