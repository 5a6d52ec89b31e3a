package org.cathodekit.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cathodekit.core.CathodeKit;
import org.cathodekit.core.DataFormatException;
import org.cathodekit.xanes.EdgeMaps;
import org.cathodekit.xanes.EdgeOptions;
import org.cathodekit.xanes.EnergyWindow;
import org.cathodekit.xanes.StatusCounts;
import org.cathodekit.xanes.VoxelMap;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.Node;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;

/**
 * HDF5 files of XANES metric maps, written atomically (temporary file + rename: the output appears
 * only when complete) with jhdf.
 *
 * <p>Content: {@code /edge50}, {@code /whiteline} (float32, eV, NaN where missing),
 * {@code /edge_jump} (float32), {@code /status} (uint8 bits, see
 * {@link org.cathodekit.xanes.VoxelStatus}), each {@code [y][x]} for 2D stacks or {@code [z][y][x]}
 * for volumes, with {@code units}/{@code long_name} attributes; group {@code /provenance} with
 * every parameter as an attribute (windows as two-element eV arrays, masking rule, normalisation,
 * white-line fit, input file, layout, dataset paths, unit conversion, library version, creation
 * time, status counts) and the dataset {@code /provenance/energies_eV}.
 *
 * <p><b>Readers.</b> Files written by jhdf 0.13.0 use superblock v3 / object header v2. Checked in
 * the tests (h5py and h5dump of Debian's HDF5 1.10.8) and in HDF5 1.14: they read these files.
 * Two jhdf 0.13.0 writer limits were found by writing test files and opening them with h5py
 * (HDF5 1.10.8), and are avoided here: attribute values of about 60 kB and more give a file HDF5
 * rejects ("bad flag combination for message": HDF5's 64 KiB object-header message limit, not
 * enforced by jhdf), so text attributes are cut at {@value #MAX_ATTRIBUTE_CHARS} characters; link
 * names of 255 characters and more give a file that neither HDF5 nor jhdf itself can read, so
 * dataset names are limited to {@value #MAX_NAME_CHARS} characters. The structures written here
 * (float32/uint8 2D and 3D datasets, float64 1D datasets, groups, text/double/long attributes)
 * were read back by h5py and h5dump 1.10.8 in every case tried.
 */
public final class Hdf5MapFile {
    private Hdf5MapFile() {
    }

    /** Longest text attribute written; longer values are cut with a note. */
    static final int MAX_ATTRIBUTE_CHARS = 4000;
    /** Longest dataset name written (jhdf 0.13.0 corrupts links of 255+ bytes). */
    static final int MAX_NAME_CHARS = 200;

    /**
     * Writes the maps.
     *
     * @param out        the output file (replaced atomically)
     * @param maps       the maps (not modified)
     * @param provenance extra provenance entries (e.g. input file, layout), written as text attributes
     */
    public static void write(Path out, EdgeMaps maps, Map<String, String> provenance) throws IOException {
        Hdf5Writes.write(out, f -> {
            if (maps.edge50() != null) {
                putMap(f, maps.edge50(), maps.volume(), "half-step edge energy: first upward crossing of normalised mu = 0.5 in the edge window, linear interpolation");
            }
            if (maps.whiteline() != null) {
                putMap(f, maps.whiteline(), maps.volume(), "white-line energy: maximum of a least-squares " + maps.options().whitelineFit()
                        + " fit to raw mu over the white-line window");
            }
            if (maps.edgeJump() != null) {
                putMap(f, maps.edgeJump(), maps.volume(), "edge jump post(E_ref) - pre(E_ref)");
            }
            byte[][][] st = maps.status().sharedArray();
            WritableDataset sd = maps.volume() ? f.putDataset("status", st, DatasetCreationOptions.builder().unsigned().build())
                    : f.putDataset("status", st[0], DatasetCreationOptions.builder().unsigned().build());
            sd.putAttribute("long_name", "per-voxel status bits: 0 valid, 1 masked (edge jump below minimum), 2 no 0.5 crossing, "
                    + "4 white-line fit rejected, 8 non-finite spectrum, 16 implausible value (see org.cathodekit.core.Plausibility)");
            WritableGroup p = f.putGroup("provenance");
            for (Map.Entry<String, String> e : provenanceAttributes(maps, provenance).entrySet()) {
                p.putAttribute(e.getKey(), clip(e.getValue()));
            }
            EdgeOptions o = maps.options();
            putWindow(p, "pre_edge_eV", o.preEdge());
            putWindow(p, "post_edge_eV", o.postEdge());
            putWindow(p, "edge_eV", o.edge());
            putWindow(p, "whiteline_eV", o.whiteline());
            p.putAttribute("edge_reference_eV", o.resolvedEdgeReferenceEv());
            p.putAttribute("min_edge_jump", o.minEdgeJump());
            p.putAttribute("auto_noise_factor", o.autoNoiseFactor());
            p.putAttribute("peak_half_width_eV", o.peakHalfWidthEv());
            StatusCounts c = maps.counts();
            p.putAttribute("status_counts", new long[] {c.voxels(), c.valid(), c.masked(), c.noCrossing(), c.badFit(), c.nonFinite(),
                c.implausible()});
            p.putAttribute("status_counts_order", "voxels, valid, masked, no_crossing, bad_fit, non_finite, implausible");
            p.putDataset("energies_eV", maps.energiesEv());
        });
    }

    /**
     * Writes arbitrary maps (e.g. a difference map) with a provenance group of text attributes.
     *
     * @param out        the output file (replaced atomically)
     * @param maps       maps of one shape; each becomes the dataset {@code /<name>} ({@code [y][x]} when depth is 1)
     * @param provenance provenance entries (text attributes of {@code /provenance})
     */
    public static void writeMaps(Path out, java.util.List<VoxelMap> maps, Map<String, String> provenance) throws IOException {
        for (VoxelMap m : maps) {
            String n = m.name();
            if (n.isEmpty() || n.length() > MAX_NAME_CHARS || n.contains("/") || n.equals("provenance")) {
                throw new IllegalArgumentException("map name '" + (n.length() > 60 ? n.substring(0, 60) + "..." : n)
                        + "' cannot be a dataset name: it must have 1 to " + MAX_NAME_CHARS + " characters, no '/', and not be 'provenance'");
            }
        }
        Hdf5Writes.write(out, f -> {
            for (VoxelMap m : maps) {
                float[][][] a = m.sharedArray();
                WritableDataset d = a.length > 1 ? f.putDataset(m.name(), a) : f.putDataset(m.name(), a[0]);
                d.putAttribute("units", m.unit());
            }
            WritableGroup p = f.putGroup("provenance");
            p.putAttribute("library", "CathodeKit");
            p.putAttribute("library_version", CathodeKit.version());
            p.putAttribute("created_utc", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            for (Map.Entry<String, String> e : provenance.entrySet()) {
                p.putAttribute(e.getKey(), clip(e.getValue()));
            }
            // jhdf 0.13 cannot read back a group holding attributes only ("Failed to load children for
            // group '//'": every difference map written here was unreadable by the library itself)
            p.putDataset("map_count", new int[] {maps.size()});
        });
    }

    private static Map<String, String> provenanceAttributes(EdgeMaps maps, Map<String, String> extra) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("library", "CathodeKit");
        a.put("library_version", CathodeKit.version());
        a.put("created_utc", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        a.put("source", maps.source());
        a.put("axis_order", maps.volume() ? "[z][y][x]" : "[y][x]");
        a.put("normalisation", maps.options().normalisation().name());
        a.put("whiteline_fit", maps.options().whitelineFit().name());
        a.put("masking_rule", maps.options().maskingRule());
        a.putAll(extra);
        return a;
    }

    private static String clip(String s) {
        String v = s == null ? "" : s;
        return v.length() <= MAX_ATTRIBUTE_CHARS ? v : v.substring(0, MAX_ATTRIBUTE_CHARS) + " ...(cut)";
    }

    private static void putWindow(WritableGroup g, String name, EnergyWindow w) {
        g.putAttribute(name, w == null ? new double[] {Double.NaN, Double.NaN} : new double[] {w.startEv(), w.endEv()});
    }

    private static void putMap(WritableHdfFile f, VoxelMap m, boolean volume, String longName) {
        float[][][] a = m.sharedArray();
        WritableDataset d = volume ? f.putDataset(m.name(), a) : f.putDataset(m.name(), a[0]);
        d.putAttribute("units", m.unit());
        d.putAttribute("long_name", longName);
    }

    /**
     * Reads one map dataset ({@code [y][x]} or {@code [z][y][x]}, float32/float64) from any HDF5
     * file, e.g. {@code /edge50} of a map file.
     *
     * @throws DataFormatException naming the file and dataset when missing or not a 2D/3D float map
     */
    public static VoxelMap readMap(Path file, String dataset) throws IOException {
        org.cathodekit.core.InputFiles.requireRegularFile(file, "an HDF5 map file");
        String path = dataset.startsWith("/") ? dataset : "/" + dataset;
        try (HdfFile h = new HdfFile(file)) {
            Node n;
            try {
                n = h.getByPath(path);
            } catch (HdfException | IllegalArgumentException e) {
                throw new DataFormatException(file, "dataset " + path, "not found; the file holds " + Hdf5XanesStack.listDatasets(h));
            }
            if (!(n instanceof Dataset d)) {
                throw new DataFormatException(file, path, "is a " + n.getType() + ", expected a map dataset");
            }
            int[] dims = d.getDimensions();
            if (dims.length != 2 && dims.length != 3) {
                throw new DataFormatException(file, "dataset " + path, "has shape " + java.util.Arrays.toString(dims)
                        + "; expected a 2D [y][x] or 3D [z][y][x] map");
            }
            Hdf5XanesStack.checkStorage(file, path, d, "a map");
            Object data = d.getData();
            String unit = "";
            if (d.getAttribute("units") != null) {
                unit = String.valueOf(d.getAttribute("units").getData());
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (data instanceof float[][] f2) {
                return VoxelMap.of2d(name, unit, f2);
            } else if (data instanceof float[][][] f3) {
                return VoxelMap.of(name, unit, f3);
            } else if (data instanceof double[][] d2) {
                return VoxelMap.of2d(name, unit, toFloat(d2));
            } else if (data instanceof double[][][] d3) {
                float[][][] f = new float[d3.length][][];
                for (int z = 0; z < d3.length; z++) {
                    f[z] = toFloat(d3[z]);
                }
                return VoxelMap.of(name, unit, f);
            }
            throw new DataFormatException(file, "dataset " + path, "has element type " + d.getJavaType().getSimpleName()
                    + "; expected float32 or float64");
        } catch (HdfException e) {
            throw new DataFormatException(file, null, "not a readable HDF5 file (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw Hdf5XanesStack.damaged(file, "dataset " + path, e);
        }
    }

    /**
     * The checks {@link #readMap} makes before reading a map dataset, for other readers of maps:
     * not empty, contiguous data inside the file.
     *
     * @throws DataFormatException naming the file and dataset
     */
    public static void checkDataset(Path file, String path, Dataset d) {
        Hdf5XanesStack.checkStorage(file, path, d, "a map");
    }

    private static float[][] toFloat(double[][] d) {
        float[][] f = new float[d.length][];
        for (int y = 0; y < d.length; y++) {
            f[y] = new float[d[y].length];
            for (int x = 0; x < d[y].length; x++) {
                f[y][x] = (float) d[y][x];
            }
        }
        return f;
    }
}
