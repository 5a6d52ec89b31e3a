package org.cathodekit.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.JsonOutput;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

/**
 * {@code cathodekit inspect} for XANES inputs, each read by its own reader: HDF5 image stacks
 * ({@link Hdf5XanesStack}: layout, shape, energy range) and map files (datasets and shapes), Xradia
 * {@code .xrm}/{@code .txrm} ({@link XradiaFile}: energy and its source, shape, pixel size, data type),
 * Athena {@code .prj} ({@link AthenaProject}: groups; {@code rows} counts the groups) and XDI/text
 * spectra ({@link SpectrumFile}: columns and their roles, {@code mu_column}).
 */
public final class XanesInspector implements FileInspector {

    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};

    @Override
    public String family() {
        return "xanes";
    }

    private static String ext(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }

    private static boolean isHdf5(byte[] head) {
        if (head.length < HDF5.length) {
            return false;
        }
        for (int i = 0; i < HDF5.length; i++) {
            if (head[i] != HDF5[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int recognise(Path file, byte[] head) {
        String e = ext(file);
        if (XradiaFile.isOle2(head)) {
            return e.equals("xrm") || e.equals("txrm") ? 100 : 0;
        }
        if (AthenaProject.isGzip(head)) {
            return e.equals("prj") ? 100 : 0;
        }
        if (AthenaProject.looksLikeProject(head)) {
            return 100;
        }
        if (isHdf5(head)) {
            return 60;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.stripLeading().toUpperCase(Locale.ROOT).startsWith("# XDI/")) {
            return 100;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (e.equals("xmu") || lower.contains("mutrans") || lower.contains("mufluor") || lower.matches("(?s).*\\benergy\\b.*\\bmu\\b.*")) {
            return 40;
        }
        return 0;
    }

    @Override
    public Inspection inspect(Path file, String format) {
        byte[] head = Inspect.head(file);
        if (XradiaFile.isOle2(head)) {
            return xradia(file);
        }
        if (AthenaProject.looksLikeProject(head)) {
            return athena(file);
        }
        if (isHdf5(head)) {
            return hdf5(file);
        }
        return spectrum(file);
    }

    private static Inspection xradia(Path file) {
        XradiaFile x = XradiaFile.open(file);
        Map<String, Object> d = new LinkedHashMap<>();
        double[] e = x.energiesEv();
        d.put("energy_eV", e.length == 1 ? (Object) e[0] : e);
        d.put("energy_source", x.energySource());
        d.put("shape", new int[] {x.height(), x.width()});
        d.put("images", x.imageCount());
        d.put("pixel_size_nm", x.pixelSizeUm() * 1000.0);
        d.put("data_type", x.dataType().name().toLowerCase(Locale.ROOT));
        double[] t = x.exposuresS();
        d.put("exposure_s", t.length == 1 ? (Object) t[0] : t);
        d.put("date", x.dates().size() == 1 ? x.dates().get(0) : x.dates());
        List<Inspection.Column> cols = List.of(
                new Inspection.Column("ImageData1/Image1" + (x.imageCount() > 1 ? " .. " + XradiaFile.imagePath(x.imageCount()) : ""),
                        "counts", "image"),
                new Inspection.Column(x.energySource(), "eV", "energy"),
                new Inspection.Column("ImageInfo/ExpTimes", "s", "exposure"),
                new Inspection.Column("ImageInfo/PixelSize", "um", "pixel_size"));
        List<String> w = new ArrayList<>(x.warnings());
        w.add("one image per energy: a XANES stack is built from a folder or glob of files ('xanes stack'), not aligned");
        String fmt = ext(file).equals("txrm") ? "Xradia .txrm" : "Xradia .xrm";
        return new Inspection(file, "xanes", fmt, x.imageCount(), cols, "binary", "OLE2", w, d);
    }

    private static Inspection athena(Path file) {
        AthenaProject p = AthenaProject.read(file);
        List<Object> groups = new ArrayList<>();
        List<String> w = new ArrayList<>(p.warnings());
        for (AthenaProject.Group g : p.groups()) {
            double[] x = g.x();
            groups.add(JsonOutput.object().put("label", g.label()).put("name", g.name()).put("record_type", g.recordType())
                    .put("points", g.points()).putPOJO("arrays", g.arrays())
                    .putPOJO("energy_range_eV", x == null ? null : new double[] {x[0], x[x.length - 1]})
                    .put("athena", g.athena().toJson()));
            if (x == null || g.y() == null) {
                w.add("group '" + g.label() + "' holds no x/y arrays");
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("header", p.header());
        d.put("groups", groups);
        d.put("rows_are", "groups");
        List<Inspection.Column> cols = List.of(new Inspection.Column("x", "eV", "energy"), new Inspection.Column("y", "", "mu"));
        return new Inspection(file, "xanes", "Athena .prj (" + p.generation() + ")", p.groups().size(), cols, AthenaProject.isGzip(Inspect.head(file)) ? "gzip" : "text", p.generation(), w, d);
    }

    private static Inspection hdf5(Path file) {
        try (Hdf5XanesStack s = Hdf5XanesStack.open(file)) {
            double[] e = s.energiesEv();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("layout", s.layout().name());
            d.put("shape", s.isVolume() ? new int[] {e.length, s.depth(), s.height(), s.width()} : new int[] {e.length, s.height(), s.width()});
            d.put("energy_range_eV", new double[] {e[0], e[e.length - 1]});
            d.put("energy_unit", s.energyUnitNote());
            List<Inspection.Column> cols = List.of(new Inspection.Column(s.imagesPath(), "", "image"),
                    new Inspection.Column(s.energiesPath(), "eV", "energy"));
            return new Inspection(file, "xanes", "HDF5 XANES stack (" + s.layout().name() + ")", e.length, cols, "binary", "HDF5",
                    List.of(), d);
        } catch (DataFormatException | IOException stackError) {
            return hdf5Maps(file, stackError.getMessage());
        }
    }

    private static Inspection hdf5Maps(Path file, String stackError) {
        List<Inspection.Column> cols = new ArrayList<>();
        Map<String, Object> d = new LinkedHashMap<>();
        long rows = 0;
        try (HdfFile f = new HdfFile(file)) {
            for (Node n : f.getChildren().values()) {
                if (n instanceof Dataset ds && ds.getDimensions().length >= 2) {
                    Object u = ds.getAttributes().containsKey("unit") ? ds.getAttribute("unit").getData() : "";
                    cols.add(new Inspection.Column(ds.getName(), String.valueOf(u), "map"));
                    d.put("shape", ds.getDimensions());
                    rows = ds.getDimensions()[0];
                }
            }
        } catch (RuntimeException e) {
            throw new DataFormatException(file, null, "is HDF5 but neither a XANES stack (" + stackError + ") nor readable: "
                    + e.getMessage(), e);
        }
        if (cols.isEmpty()) {
            throw new DataFormatException(file, null, "is HDF5 but neither a XANES stack (" + stackError + ") nor a map file "
                    + "(no 2D/3D datasets at the root)");
        }
        return new Inspection(file, "xanes", "HDF5 XANES maps", rows, cols, "binary", "HDF5",
                List.of("not a stack: " + stackError), d);
    }

    private static Inspection spectrum(Path file) {
        SpectrumFile s = SpectrumFile.read(file);
        double[] e = s.energiesEv();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mu_column", s.muColumn());
        d.put("available_channels", s.availableChannels());
        d.put("energy_range_eV", new double[] {e[0], e[e.length - 1]});
        d.put("note", s.note());
        List<String> w = new ArrayList<>(s.warnings());
        if (s.availableChannels().size() > 1) {
            w.add("several mu channels " + s.availableChannels() + "; using " + s.muColumn() + " (choose with xanes spectrum --mu-column)");
        }
        boolean xdi = s.format().equals("XDI");
        String dialect = s.note().split(";")[0];
        int h = Math.max(dialect.indexOf(", no header"), dialect.indexOf(", header line"));
        return new Inspection(file, "xanes", xdi ? "XDI" : "text spectrum", e.length, s.columns(),
                "text", xdi ? "XDI (whitespace, decimal '.')" : h > 0 ? dialect.substring(0, h) : dialect, w, d);
    }
}
