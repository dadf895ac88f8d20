package org.perinatalequity.charts;

/** One panel of a small-multiple trend grid: its heading (a measure's or a group's name) and its trend. */
public record TrendPanel(String title, ChartData.Trend trend) {
}
