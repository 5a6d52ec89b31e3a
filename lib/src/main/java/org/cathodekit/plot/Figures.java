package org.cathodekit.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.cathodekit.core.AtomicFiles;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

/**
 * Publication export of {@link Figure}s: PNG at {@link #PRINT_DPI} (the pixel size times
 * {@link #PRINT_SCALE}, with the DPI recorded in the file's {@code pHYs} chunk), SVG and PDF.
 * XChart charts go through XChart's {@link VectorGraphicsEncoder} (SVG by VectorGraphics2D, PDF by
 * pdfbox-graphics2d, both Maven Central dependencies of XChart 3.8.8); other figures through
 * VectorGraphics2D's SVG and PDF processors. Every file is written atomically.
 */
public final class Figures {
    private Figures() {
    }

    /** Print resolution recorded in the PNG files. */
    public static final int PRINT_DPI = 300;
    /** Pixel scale of print PNGs: a 720 px wide figure becomes 2160 px = 7.2 in at 300 dpi. */
    public static final int PRINT_SCALE = 3;

    /**
     * Writes {@code <dir>/<stem>.png}, {@code .svg} and {@code .pdf}.
     *
     * @return the files written
     * @throws IOException if any file cannot be written (files already written stay)
     */
    public static List<Path> save(Figure figure, Path dir, String stem) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        out.add(savePng(figure, dir.resolve(stem + ".png")));
        out.add(saveVector(figure, dir.resolve(stem + ".svg"), true));
        out.add(saveVector(figure, dir.resolve(stem + ".pdf"), false));
        return out;
    }

    /** PNG at {@link #PRINT_SCALE} x the pixel size, {@link #PRINT_DPI} dpi recorded. */
    public static Path savePng(Figure figure, Path file) throws IOException {
        BufferedImage img = figure.image(PRINT_SCALE);
        AtomicFiles.write(file, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                writePng(img, os, PRINT_DPI);
            }
        });
        return file;
    }

    static void writePng(BufferedImage img, OutputStream os, int dpi) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
            w.setOutput(ios);
            IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
            String fmt = "javax_imageio_png_1.0";
            IIOMetadataNode root = new IIOMetadataNode(fmt);
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            root.appendChild(phys);
            meta.mergeTree(fmt, root);
            w.write(new IIOImage(img, null, meta));
        } finally {
            w.dispose();
        }
    }

    /** SVG ({@code svg = true}) or PDF, vector. */
    public static Path saveVector(Figure figure, Path file, boolean svg) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                if (figure.chart() != null) {
                    VectorGraphicsEncoder.saveVectorGraphic(figure.chart(), os, svg ? VectorGraphicsFormat.SVG : VectorGraphicsFormat.PDF);
                } else {
                    VectorGraphics2D g = new VectorGraphics2D();
                    figure.paint(g, figure.width(), figure.height());
                    PageSize size = new PageSize(0, 0, figure.width(), figure.height());
                    Document doc = (svg ? new SVGProcessor() : new PDFProcessor(true)).getDocument(g.getCommands(), size);
                    doc.writeTo(os);
                }
            }
        });
        return file;
    }
}
