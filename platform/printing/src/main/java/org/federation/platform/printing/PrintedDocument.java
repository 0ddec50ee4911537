package org.federation.platform.printing;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A printable A4 document written top to bottom: headings, lines of text, tables whose header
 * repeats on every page, bar charts and grids of boxes (a seating chart). A new page starts
 * whenever the next element does not fit; every page is footed with the document's title and
 * "page n / m". One instance builds one document on one thread; {@link #toPdf()} finishes it.
 */
public final class PrintedDocument {

    private static final float MARGIN = 40;
    private static final float FOOTER = 24;
    private static final float TEXT_SIZE = 10;
    private static final float HEADING_SIZE = 16;
    private static final float SMALL_SIZE = 7.5f;
    private static final Color RULE = new Color(160, 160, 160);
    private static final Color HEADER_FILL = new Color(230, 233, 238);
    private static final Color[] SERIES = {new Color(46, 125, 50), new Color(198, 40, 40), new Color(21, 101, 192),
            new Color(239, 108, 0)};

    private final String title;
    private final PDRectangle pageSize;
    private final PDDocument document = new PDDocument();
    private final TrueTypeCollection fontFile = PrintFont.open();
    private final PDType0Font font;
    private PDPageContentStream page;
    private float y;

    private PrintedDocument(String title, PDRectangle pageSize) {
        this.title = PrintFont.drawable(title);
        this.pageSize = pageSize;
        this.font = PrintFont.embed(fontFile, document);
        document.getDocumentInformation().setTitle(this.title);
        newPage();
    }

    public static PrintedDocument portrait(String title) {
        return new PrintedDocument(title, PDRectangle.A4);
    }

    public static PrintedDocument landscape(String title) {
        return new PrintedDocument(title, new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
    }

    public PrintedDocument heading(String text) {
        room(HEADING_SIZE * 1.8f);
        write(PrintFont.drawable(text), MARGIN, y - HEADING_SIZE, HEADING_SIZE, Color.BLACK);
        y -= HEADING_SIZE * 1.8f;
        return this;
    }

    /** A paragraph, wrapped at the page's width (by character, since Chinese has no spaces). */
    public PrintedDocument text(String paragraph) {
        for (String line : wrap(PrintFont.drawable(paragraph), TEXT_SIZE, contentWidth())) {
            room(TEXT_SIZE * 1.5f);
            write(line, MARGIN, y - TEXT_SIZE, TEXT_SIZE, Color.BLACK);
            y -= TEXT_SIZE * 1.5f;
        }
        return this;
    }

    public PrintedDocument gap() {
        y -= TEXT_SIZE;
        return this;
    }

    /** A table; cells too long for their column are shortened with an ellipsis. */
    public PrintedDocument table(List<Column> columns, List<List<String>> rows) {
        return table(columns, rows, TEXT_SIZE * 1.9f);
    }

    /** A table with rows of the given height: tall rows leave room for a handwritten signature. */
    public PrintedDocument table(List<Column> columns, List<List<String>> rows, float rowHeight) {
        float[] widths = widths(columns);
        tableHeader(columns, widths, rowHeight);
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
            if (y - rowHeight < MARGIN + FOOTER) {
                newPage();
                tableHeader(columns, widths, rowHeight);
            }
            tableRow(columns, widths, row, rowHeight, null);
        }
        y -= TEXT_SIZE * 0.6f;
        return this;
    }

    public PrintedDocument barChart(BarChart chart) {
        float barHeight = 11;
        float groupGap = 8;
        float labelWidth = contentWidth() * 0.25f;
        float valueWidth = 90;
        float barSpace = contentWidth() - labelWidth - valueWidth;
        long largest = Math.max(1, chart.largest());
        room(HEADING_SIZE * 1.5f + barHeight * 2);
        write(PrintFont.drawable(chart.title()), MARGIN, y - 12, 12, Color.BLACK);
        y -= 20;
        legend(chart.series());
        if (chart.groups().isEmpty()) {
            return text("-");
        }
        for (BarChart.Group group : chart.groups()) {
            float groupHeight = barHeight * chart.series().size() + groupGap;
            room(groupHeight);
            write(fit(PrintFont.drawable(group.label()), TEXT_SIZE, labelWidth - 6), MARGIN, y - barHeight + 2.5f,
                    TEXT_SIZE, Color.BLACK);
            for (int s = 0; s < chart.series().size(); s++) {
                long value = group.values().get(s);
                float top = y - s * barHeight;
                float length = (float) (barSpace * ((double) value / largest));
                fillRect(MARGIN + labelWidth, top - barHeight + 1.5f, Math.max(length, value > 0 ? 1 : 0),
                        barHeight - 3, SERIES[s % SERIES.length]);
                write(PrintFont.drawable(chart.valueLabel().apply(value)), MARGIN + labelWidth + length + 4,
                        top - barHeight + 3, SMALL_SIZE, Color.DARK_GRAY);
            }
            y -= groupHeight;
        }
        y -= TEXT_SIZE * 0.6f;
        return this;
    }

    /**
     * A grid of boxes, row by row (a seating chart): each box shows up to two short lines; a null
     * box is an empty place, drawn light. Rows are labelled at the left; a row never splits across pages.
     */
    public PrintedDocument boxGrid(List<String> rowLabels, List<List<Box>> rows) {
        int across = rows.stream().mapToInt(List::size).max().orElse(0);
        if (across == 0) {
            return this;
        }
        float labelWidth = 28;
        float boxWidth = Math.min(96, (contentWidth() - labelWidth) / across);
        float boxHeight = 30;
        for (int r = 0; r < rows.size(); r++) {
            room(boxHeight + 4);
            write(PrintFont.drawable(rowLabels.get(r)), MARGIN, y - boxHeight / 2 - 3, TEXT_SIZE, Color.BLACK);
            List<Box> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                float x = MARGIN + labelWidth + c * boxWidth;
                Box box = row.get(c);
                strokeRect(x + 1, y - boxHeight, boxWidth - 2, boxHeight - 2, box == null ? HEADER_FILL : RULE);
                if (box != null) {
                    write(fit(PrintFont.drawable(box.first()), SMALL_SIZE + 0.5f, boxWidth - 6), x + 4, y - 11,
                            SMALL_SIZE + 0.5f, Color.BLACK);
                    write(fit(PrintFont.drawable(box.second()), SMALL_SIZE, boxWidth - 6), x + 4, y - 22, SMALL_SIZE,
                            Color.DARK_GRAY);
                }
            }
            y -= boxHeight + 4;
        }
        y -= TEXT_SIZE * 0.6f;
        return this;
    }

    /** A place in a {@link #boxGrid}: a name and a second line (a club, a team). */
    public record Box(String first, String second) {
    }

    /** Finishes the document: feet every page, embeds the font subset, returns the PDF's bytes. */
    public byte[] toPdf() {
        try (document; fontFile) {
            page.close();
            footPages();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the document '" + title + "' could not be written", e);
        }
    }

    private void tableHeader(List<Column> columns, float[] widths, float rowHeight) {
        room(rowHeight * 2);
        tableRow(columns, widths, columns.stream().map(Column::header).toList(), TEXT_SIZE * 1.9f, HEADER_FILL);
    }

    private void tableRow(List<Column> columns, float[] widths, List<String> cells, float rowHeight, Color fill) {
        float x = MARGIN;
        if (fill != null) {
            fillRect(MARGIN, y - rowHeight, contentWidth(), rowHeight, fill);
        }
        for (int c = 0; c < columns.size(); c++) {
            String cell = fit(PrintFont.drawable(cells.get(c)), TEXT_SIZE, widths[c] - 8);
            float textX = columns.get(c).rightAligned() ? x + widths[c] - 4 - width(cell, TEXT_SIZE) : x + 4;
            write(cell, textX, y - TEXT_SIZE * 1.35f, TEXT_SIZE, Color.BLACK);
            strokeRect(x, y - rowHeight, widths[c], rowHeight, RULE);
            x += widths[c];
        }
        y -= rowHeight;
    }

    private void legend(List<String> series) {
        float x = MARGIN;
        for (int s = 0; s < series.size(); s++) {
            fillRect(x, y - 9, 9, 9, SERIES[s % SERIES.length]);
            String name = PrintFont.drawable(series.get(s));
            write(name, x + 13, y - 8.5f, TEXT_SIZE - 1, Color.BLACK);
            x += 13 + width(name, TEXT_SIZE - 1) + 16;
        }
        y -= 18;
    }

    private void footPages() throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String left = fit(title, SMALL_SIZE, contentWidth() - 80);
                String right = "page " + (i + 1) + " / " + count;
                text(foot, left, MARGIN, MARGIN - 4, SMALL_SIZE, Color.GRAY);
                text(foot, right, pageSize.getWidth() - MARGIN - width(right, SMALL_SIZE), MARGIN - 4, SMALL_SIZE,
                        Color.GRAY);
            }
        }
    }

    private void room(float height) {
        if (y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(pageSize);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = pageSize.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float contentWidth() {
        return pageSize.getWidth() - 2 * MARGIN;
    }

    private float[] widths(List<Column> columns) {
        double total = columns.stream().mapToDouble(Column::weight).sum();
        float[] widths = new float[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = (float) (contentWidth() * columns.get(c).weight() / total);
        }
        return widths;
    }

    private List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        text.codePoints().forEach(cp -> {
            line.appendCodePoint(cp);
            if (width(line.toString(), size) > maxWidth) {
                line.setLength(line.length() - Character.charCount(cp));
                lines.add(line.toString());
                line.setLength(0);
                line.appendCodePoint(cp);
            }
        });
        lines.add(line.toString());
        return lines;
    }

    private String fit(String text, float size, float maxWidth) {
        if (width(text, size) <= maxWidth) {
            return text;
        }
        String shortened = text;
        while (!shortened.isEmpty() && width(shortened + "…", size) > maxWidth) {
            shortened = shortened.substring(0, shortened.offsetByCodePoints(shortened.length(), -1));
        }
        return shortened + "…";
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, float x, float baseline, float size, Color color) {
        try {
            text(page, text, x, baseline, size, color);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(PDPageContentStream stream, String text, float x, float baseline, float size, Color color)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.setNonStrokingColor(color);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    private void fillRect(float x, float bottom, float width, float height, Color color) {
        try {
            page.setNonStrokingColor(color);
            page.addRect(x, bottom, width, height);
            page.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void strokeRect(float x, float bottom, float width, float height, Color color) {
        try {
            page.setStrokingColor(color);
            page.setLineWidth(0.5f);
            page.addRect(x, bottom, width, height);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
