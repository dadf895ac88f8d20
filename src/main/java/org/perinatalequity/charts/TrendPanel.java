package org.perinatalequity.charts;

import org.perinatalequity.breakdown.TrendResult;

/** One panel of a small-multiple trend grid: its heading (a measure's or a group's name) and its trend. */
public record TrendPanel(String title, TrendResult trend) {
}
