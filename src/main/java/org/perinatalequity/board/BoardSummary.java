package org.perinatalequity.board;

import java.util.List;

import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.charts.MdcIcons;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Polarity;
import org.perinatalequity.stats.SpcResult.Assurance;
import org.perinatalequity.stats.SpcResult.PointType;

/**
 * One line of the board's summary matrix, worded once for the page and the PDF board pack: the measure, its latest
 * complete period, the value with numerator and denominator, the target (for its cohort when it names one), the
 * Making Data Count variation and assurance icons, the equity gaps in short, and the data-quality flag.
 *
 * @param period the latest complete quarter (or rolling window, "12 months to 2025-03"), or null when there is none
 * @param value the value with its counts, or "not available"
 * @param gaps short gap sentences, empty for a data-quality measure
 * @param quality the data-quality flag in words, or null when the gates pass
 * @param basis n, period and "data to" date
 */
public record BoardSummary(Measure measure, String period, String value, String target, MdcIcons.Icon variation,
        MdcIcons.Icon assurance, List<String> gaps, String quality, String basis) {

    public static BoardSummary of(MeasureStatus status) {
        Measure m = status.measure();
        TrendResult.Point latest = status.quarters().latestComplete().orElse(null);
        String value = latest == null ? "not available"
                : StatusText.withUnit(latest.value(), m) + StatusText.counts(latest);
        String target = m.target() == null ? "none"
                : StatusText.withUnit(m.target(), m) + (status.cohort() == null ? ""
                        : "; cohort " + (status.cohort().value() == null ? "not available"
                                : StatusText.withUnit(status.cohort().value(), m)));
        // A measure read over rolling windows names its window: "12 months to 2025-03", not a month.
        String period = latest == null ? null : status.quarters().rollingMonths() > 1
                ? status.quarters().rollingMonths() + " months to " + latest.period() : latest.period();
        return new BoardSummary(m, period, value, target, variationIcon(status),
                assuranceIcon(status), StatusText.shortGaps(m, status.quintiles(), status.ethnicity()),
                StatusText.dataQualityText(List.of(status.quintiles(), status.ethnicity())),
                StatusText.basisText(status.quarters()));
    }

    /** The variation icon of the monthly SPC chart, from its last complete point's side of the mean. */
    public static MdcIcons.Icon variationIcon(MeasureStatus status) {
        TrendResult months = status.months();
        Polarity polarity = status.measure().polarity();
        Boolean higherIsBetter = polarity == Polarity.NONE ? null : polarity == Polarity.HIGHER_IS_BETTER;
        TrendResult.Point last = months.points().stream().filter(p -> p.complete() && p.spc() != null)
                .reduce((a, b) -> b).orElse(null);
        Boolean above = last == null || months.mean() == null || last.numerator() == null || last.denominator() == null
                || last.denominator() == 0 ? null
                : last.numerator() / last.denominator() * status.measure().multiplier() > months.mean();
        return MdcIcons.variation(PointType.label(months.variation()), higherIsBetter, above);
    }

    public static MdcIcons.Icon assuranceIcon(MeasureStatus status) {
        return MdcIcons.assurance(Assurance.label(status.months().assurance()), status.measure().target());
    }
}
