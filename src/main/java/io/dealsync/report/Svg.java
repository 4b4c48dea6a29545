package io.dealsync.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An inline SVG chart as plain shapes, for the {@code report/svg.jte} template to draw: the charts' geometry is
 * worked out in Java ({@link Charts}), the markup (and its escaping) is the template's.
 */
public final class Svg {
    public record Rect(double x, double y, double w, double h, String fill, String title) {
    }

    public record Text(double x, double y, String text, String anchor, String css, String title) {
    }

    /** A polyline; a grid line is drawn behind the bars, any other in front. */
    public record Line(String points, String stroke, double width, boolean grid) {
    }

    public record Dot(double x, double y, String fill, String title) {
    }

    private final int width;
    private final int height;
    private final String label;
    private final List<Rect> rects = new ArrayList<>();
    private final List<Text> texts = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Dot> dots = new ArrayList<>();

    Svg(int width, int height, String label) {
        this.width = width;
        this.height = height;
        this.label = label;
    }

    Svg rect(double x, double y, double w, double h, String fill, String title) {
        rects.add(new Rect(r(x), r(y), r(w), r(h), fill, title));
        return this;
    }

    Svg text(double x, double y, String text, String anchor, String css, String title) {
        texts.add(new Text(r(x), r(y), text, anchor, css, title));
        return this;
    }

    Svg text(double x, double y, String text, String anchor) {
        return text(x, y, text, anchor, null, null);
    }

    Svg line(List<double[]> points, String stroke, double width, boolean grid) {
        StringBuilder sb = new StringBuilder();
        for (double[] p : points) {
            sb.append(sb.length() == 0 ? "" : " ").append(r(p[0])).append(',').append(r(p[1]));
        }
        lines.add(new Line(sb.toString(), stroke, width, grid));
        return this;
    }

    Svg dot(double x, double y, String fill, String title) {
        dots.add(new Dot(r(x), r(y), fill, title));
        return this;
    }

    public int width() { return width; }
    public int height() { return height; }
    public String label() { return label; }
    public String viewBox() { return "0 0 " + width + " " + height; }
    public List<Rect> rects() { return rects; }
    public List<Text> texts() { return texts; }
    public List<Line> lines() { return lines; }
    public List<Dot> dots() { return dots; }

    /** One decimal: short attributes, the same on every locale. */
    private static double r(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
