package org.federation.platform.printing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font every printed page uses: WenQuanYi Micro Hei, which covers Latin and about 21,000
 * Chinese characters (GBK and Big5; club names, reasons and people's names are Chinese). Embedded as a subset, so a
 * one-page statement stays small. Text the font cannot draw (emoji, rare characters, control
 * characters) is printed as {@code ?} rather than failing the whole document.
 */
final class PrintFont {

    private static final String RESOURCE = "wqy-microhei.ttc";
    /** The proportional face of the collection; the other one is monospaced. */
    private static final String FACE = "WenQuanYiMicroHei";
    private static final byte[] FONT_FILE = read();
    private static final BitSet DRAWABLE = drawableCodePoints();

    private PrintFont() {
    }

    /** Opens the font file for one document; close it after the document is saved (the subset is made then). */
    static TrueTypeCollection open() {
        try {
            return new TrueTypeCollection(new ByteArrayInputStream(FONT_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("the print font cannot be read", e);
        }
    }

    static PDType0Font embed(TrueTypeCollection file, PDDocument document) {
        try {
            return PDType0Font.load(document, face(file), true);
        } catch (IOException e) {
            throw new UncheckedIOException("the print font cannot be embedded", e);
        }
    }

    private static TrueTypeFont face(TrueTypeCollection file) throws IOException {
        TrueTypeFont face = file.getFontByName(FACE);
        if (face == null) {
            throw new IllegalStateException(RESOURCE + " has no face " + FACE);
        }
        return face;
    }

    /** {@code text} with every character the font cannot draw replaced, and line breaks and tabs as spaces. */
    static String drawable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (cp < DRAWABLE.size() && DRAWABLE.get(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static byte[] read() {
        try (InputStream in = PrintFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from platform-printing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BitSet drawableCodePoints() {
        try (TrueTypeCollection file = open()) {
            CmapLookup cmap = face(file).getUnicodeCmapLookup();
            BitSet drawable = new BitSet(0x30000);
            for (int cp = 0x20; cp < 0x30000; cp++) {
                if (!Character.isISOControl(cp) && cmap.getGlyphId(cp) != 0) {
                    drawable.set(cp);
                }
            }
            return drawable;
        } catch (IOException e) {
            throw new UncheckedIOException("the print font cannot be read", e);
        }
    }
}
