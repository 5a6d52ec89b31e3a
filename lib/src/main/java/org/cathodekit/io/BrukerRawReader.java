package org.cathodekit.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.DiffractionPattern.AxisUnit;
import org.cathodekit.core.XrdWavelength;

/**
 * Bruker (Siemens) DIFFRAC {@code .raw} binary patterns, the version told by the signature at offset 0.
 * All numbers are little-endian; the first range (scan) is read and further ranges are noted.
 *
 * <ul>
 *   <li>{@code "RAW "} (v1, DIFFRAC-AT): uint32 steps at 4, float32 time per step at 8, float32 step
 *       at 12, float32 2-theta start at 24, float32 K-alpha1/K-alpha2 at 72/76, uint32 "another range
 *       follows" at 152; float32 counts from 156.</li>
 *   <li>{@code "RAW2"} (v2): uint16 range count at 4; float32 K-alpha1, K-alpha2, ratio at 190/194/198;
 *       ranges from 256: uint16 header length, uint16 steps (+2), float32 step (+12), float32 start
 *       (+16); float32 counts after the header.</li>
 *   <li>{@code "RAW1.01"} (v3, DIFFRAC<sup>plus</sup>): 712-byte file header (range count at 12,
 *       goniometer radius float32 at 564 (mm), anode at 608, float64 K-alpha1/K-alpha2/ratio at
 *       624/632/648), then per range a 304-byte header: uint32 steps (+4), float64 2-theta start (+16;
 *       +8 is theta), float64 step (+176), float32 time per step (+192), uint32 mask of per-point
 *       varying parameters (+248), uint32 data-record size (+252: 4, or 4 + 8 per varying parameter),
 *       uint32 supplementary header length (+256); after the supplementary headers one record per
 *       point: float32 counts, then float64 values of the varying parameters (bit 0: the measured
 *       2-theta, used as the axis).</li>
 *   <li>{@code "RAW4.00"} (v4, DIFFRAC.SUITE): 61-byte header, then records {@code uint32 type, uint32
 *       length}: type 30 (hardware) holds float64 K-alpha1/K-alpha2/ratio at +80/+88/+104; type 0 or
 *       160 opens a range: scan type text (+32, 24 bytes), float64 start (+72), float64 step (+80),
 *       uint32 steps (+88), float32 time per step (+92), uint32 bytes per point (+136), uint32
 *       sub-record length (+140), 160 bytes in all; sub-records of type 50 name an axis (+12) and its
 *       start (float64 +56): the 2-theta start is the {@code 2Theta} record's when present.</li>
 * </ul>
 *
 * <p>Layout learnt from the DIFFRAC<sup>plus</sup> XCH 5.0 manual (appendix A) as summarised by the
 * xylib documentation and by geddes' format notes (MIT), and checked on real v3 files: the GSAS-II
 * tutorial LaB6 and xylib's BT86.raw, whose counts equal Bruker's own UXD export of the same scan. Intensities are counts
 * per step (Poisson weights apply). An unknown {@code RAW...} signature is refused naming it.
 */
final class BrukerRawReader {
    private BrukerRawReader() {
    }

    /** @return true when the bytes start with {@code RAW} (a Bruker binary rather than a GSAS text .raw). */
    static boolean isBrukerRaw(byte[] head) {
        return head.length >= 4 && head[0] == 'R' && head[1] == 'A' && head[2] == 'W' && (head[3] == ' ' || head[3] == '1'
                || head[3] == '2' || head[3] == '4' || (head[3] >= '0' && head[3] <= '9'));
    }

    /** The version named by the signature: 1, 2, 3 or 4, or throws naming an unknown signature. */
    static int version(Path file, byte[] b) {
        String sig = new String(b, 0, Math.min(7, b.length), StandardCharsets.ISO_8859_1);
        if (sig.startsWith("RAW ")) {
            return 1;
        }
        if (sig.startsWith("RAW2")) {
            return 2;
        }
        if (sig.equals("RAW1.01")) {
            return 3;
        }
        if (sig.equals("RAW4.00")) {
            return 4;
        }
        throw new DataFormatException(file, "offset 0 (signature)", "Bruker RAW version '" + printable(sig)
                + "' is not known; expected 'RAW ' (v1), 'RAW2' (v2), 'RAW1.01' (v3) or 'RAW4.00' (v4)");
    }

    static DiffractionPattern read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "file not found");
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read file: " + e.getMessage(), e);
        }
        Bytes b = new Bytes(file, bytes);
        int v = version(file, bytes);
        return switch (v) {
            case 1 -> readV1(b);
            case 2 -> readV2(b);
            case 3 -> readV3(b);
            default -> readV4(b);
        };
    }

    private static DiffractionPattern readV1(Bytes b) {
        List<String> notes = new ArrayList<>();
        notes.add("Bruker RAW v1 (signature 'RAW ')");
        int steps = b.u32(4, "range 1 step count");
        double step = b.f32(12, "range 1 step");
        double start = b.f32(24, "range 1 2-theta start");
        double a1 = b.f32(72, "K-alpha1");
        double a2 = b.f32(76, "K-alpha2");
        if (b.u32(152, "range 1 next-range flag") != 0) {
            notes.add("more than one range in the file; the first is read");
        }
        double[] y = b.counts(156, steps, "range 1 counts");
        XrdWavelength wl = wavelength(b, a1, a2, Double.NaN, "offsets 72/76", notes);
        return build(b, "bruker-raw-v1", start, step, y, wl, notes);
    }

    private static DiffractionPattern readV2(Bytes b) {
        List<String> notes = new ArrayList<>();
        notes.add("Bruker RAW v2 (signature 'RAW2')");
        int ranges = b.u16(4, "range count");
        double a1 = b.f32(190, "K-alpha1");
        double a2 = b.f32(194, "K-alpha2");
        double ratio = b.f32(198, "K-alpha2/K-alpha1 ratio");
        int r = 256;
        int hl = b.u16(r, "range 1 header length");
        if (hl <= 48) {
            throw new DataFormatException(b.file, "offset " + r + " (range 1 header length)", "header length " + hl + "; expected > 48");
        }
        int steps = b.u16(r + 2, "range 1 step count");
        double step = b.f32(r + 12, "range 1 step");
        double start = b.f32(r + 16, "range 1 2-theta start");
        if (ranges > 1) {
            notes.add(ranges + " ranges in the file; the first is read");
        }
        double[] y = b.counts(r + hl, steps, "range 1 counts");
        XrdWavelength wl = wavelength(b, a1, a2, ratio, "offsets 190/194/198", notes);
        return build(b, "bruker-raw-v2", start, step, y, wl, notes);
    }

    private static DiffractionPattern readV3(Bytes b) {
        List<String> notes = new ArrayList<>();
        notes.add("Bruker RAW v3 (signature 'RAW1.01')");
        int ranges = b.u32(12, "range count");
        if (ranges < 1) {
            throw new DataFormatException(b.file, "offset 12 (range count)", "range count " + ranges + "; expected at least 1");
        }
        double radius = b.f32(564, "goniometer radius");
        if (radius > 0) {
            notes.add(String.format(Locale.ROOT, PatternReader.RADIUS_NOTE + "%.1f mm (offset 564)", radius));
        }
        double a1 = b.f64(624, "K-alpha1");
        double a2 = b.f64(632, "K-alpha2");
        double ratio = b.f64(648, "K-alpha2/K-alpha1 ratio");
        int r = 712;
        int hl = b.u32(r, "range 1 header length");
        if (hl != 304) {
            throw new DataFormatException(b.file, "offset " + r + " (range 1 header length)", "header length " + hl + "; expected 304 (RAW1.01)");
        }
        int steps = b.u32(r + 4, "range 1 step count");
        double start = b.f64(r + 16, "range 1 2-theta start");
        double step = b.f64(r + 176, "range 1 step");
        int varying = b.u32(r + 248, "range 1 varying-parameter mask");
        int record = b.u32(r + 252, "range 1 data-record size");
        int supp = b.u32(r + 256, "range 1 supplementary header length");
        if (ranges > 1) {
            notes.add(ranges + " ranges in the file; the first is read");
        }
        XrdWavelength wl = wavelength(b, a1, a2, ratio, "offsets 624/632/648", notes);
        int data = r + hl + supp;
        if (record == 0 || record == 4) {
            double[] y = b.counts(data, steps, "range 1 counts");
            return build(b, "bruker-raw-v3", start, step, y, wl, notes);
        }
        // records of float32 intensity + one float64 per varying parameter (bit 0: the measured 2-theta)
        if (record < 4 || (record - 4) % 8 != 0) {
            throw new DataFormatException(b.file, "offset " + (r + 252) + " (range 1 data-record size)", record
                    + " bytes; expected 4 + 8 per varying parameter");
        }
        double[] y = new double[steps];
        double[] x = new double[steps];
        boolean measured2Theta = (varying & 1) != 0;
        for (int i = 0; i < steps; i++) {
            int at = data + i * record;
            y[i] = b.f32(at, "range 1 record " + (i + 1));
            PatternReader.checkIntensity(b.file, "offset " + at + " (point " + (i + 1) + ")", y[i]);
            x[i] = measured2Theta ? b.f64(at + 4, "range 1 record " + (i + 1) + " 2-theta") : start + i * step;
        }
        notes.add(record + "-byte data records" + (measured2Theta ? ", 2-theta as measured per point" : ""));
        return PatternReader.build(b.file, "bruker-raw-v3", x, AxisUnit.TWO_THETA_DEG, y, null, "counts", wl, notes);
    }

    private static DiffractionPattern readV4(Bytes b) {
        List<String> notes = new ArrayList<>();
        notes.add("Bruker RAW v4 (signature 'RAW4.00')");
        double a1 = Double.NaN;
        double a2 = Double.NaN;
        double ratio = Double.NaN;
        int p = 61;
        int type = b.u32(p, "record type");
        while (type != 0 && type != 160) {
            int len = b.u32(p + 4, "record length");
            if (len < 8) {
                throw new DataFormatException(b.file, "offset " + (p + 4) + " (record of type " + type + ")", "length " + len + "; expected >= 8");
            }
            if (type == 30) {
                a1 = b.f64(p + 80, "K-alpha1");
                a2 = b.f64(p + 88, "K-alpha2");
                ratio = b.f64(p + 104, "K-alpha2/K-alpha1 ratio");
            }
            p += len;
            type = b.u32(p, "record type");
        }
        String scanType = b.text(p + 32, 24);
        double start = b.f64(p + 72, "range 1 start angle");
        double step = b.f64(p + 80, "range 1 step");
        int steps = b.u32(p + 88, "range 1 step count");
        int datum = b.u32(p + 136, "range 1 bytes per point");
        int sub = b.u32(p + 140, "range 1 sub-record length");
        if (datum != 4) {
            throw new DataFormatException(b.file, "offset " + (p + 136) + " (range 1 bytes per point)", datum + "; expected 4 (float32 counts)");
        }
        int q = p + 160;
        int end = q + sub;
        Double twoThetaStart = null;
        while (q < end) {
            int st = b.u32(q, "range 1 sub-record type");
            int sl = b.u32(q + 4, "range 1 sub-record length");
            if (sl < 8) {
                throw new DataFormatException(b.file, "offset " + (q + 4) + " (range 1 sub-record)", "length " + sl + "; expected >= 8");
            }
            if (st == 50 && sl >= 64 && b.text(q + 12, 24).equals("2Theta")) {
                twoThetaStart = b.f64(q + 56, "range 1 2Theta start");
            }
            q += sl;
        }
        if (twoThetaStart != null) {
            start = twoThetaStart;
            notes.add("2-theta start from the range's 2Theta axis record");
        } else if (!scanType.toLowerCase(Locale.ROOT).contains("coupled")) {
            throw new DataFormatException(b.file, "offset " + (p + 32) + " (range 1 scan type)", "scan type '" + scanType
                    + "' without a 2Theta axis record; expected a coupled 2-theta scan");
        }
        notes.add("scan type '" + scanType + "'");
        double[] y = b.counts(end, steps, "range 1 counts");
        int next = end + 4 * steps;
        if (next + 4 <= b.data.length) {
            notes.add("more than one range in the file; the first is read");
        }
        XrdWavelength wl = Double.isNaN(a1) ? null : wavelength(b, a1, a2, ratio, "hardware record (type 30)", notes);
        if (wl == null) {
            notes.add("no hardware record (type 30): wavelength must be supplied");
        }
        return build(b, "bruker-raw-v4", start, step, y, wl, notes);
    }

    private static XrdWavelength wavelength(Bytes b, double a1, double a2, double ratio, String where, List<String> notes) {
        if (!(a1 > 0)) {
            notes.add("no K-alpha1 at " + where + ": wavelength must be supplied");
            return null;
        }
        // a stated ratio of 0 means K-alpha1 only (monochromator); only a file without a ratio field (v1) gets 0.5
        if (a2 > a1 && Double.isNaN(ratio)) {
            ratio = XrdWavelength.CU_RATIO;
            notes.add("K-alpha2/K-alpha1 ratio not in the file (v1 has no field): conventional 0.5 used");
        }
        boolean doublet = a2 > a1 && ratio > 0;
        return PatternReader.statedWavelength(b.file, where, a1, doublet ? a2 : Double.NaN, doublet ? ratio : 0.0, "file: Bruker RAW " + where);
    }

    private static DiffractionPattern build(Bytes b, String format, double start, double step, double[] y, XrdWavelength wl,
            List<String> notes) {
        if (!(step > 0) || !Double.isFinite(start)) {
            throw new DataFormatException(b.file, "range 1 header", "2-theta start " + start + " / step " + step + "; expected a finite start and a step > 0");
        }
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = start + i * step;
        }
        notes.add(String.format(Locale.ROOT, "2-theta = %.6f + i x %.7f deg, %d points; intensities are counts per step", start, step, y.length));
        return PatternReader.build(b.file, format, x, AxisUnit.TWO_THETA_DEG, y, null, "counts", wl, notes);
    }

    private static String printable(String s) {
        StringBuilder o = new StringBuilder();
        for (char c : s.toCharArray()) {
            o.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format(Locale.ROOT, "\\x%02x", (int) c));
        }
        return o.toString();
    }

    /** Bounds-checked little-endian reads naming the offset and the field when the file ends early. */
    private static final class Bytes {
        final Path file;
        final byte[] data;
        final ByteBuffer buf;

        Bytes(Path file, byte[] data) {
            this.file = file;
            this.data = data;
            this.buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        }

        private void need(int offset, int n, String what) {
            if (offset < 0 || (long) offset + n > data.length) {
                throw new DataFormatException(file, "offset " + offset + " (" + what + ")", "file ends at byte " + data.length
                        + "; expected " + n + " more bytes (truncated Bruker RAW?)");
            }
        }

        int u16(int o, String what) {
            need(o, 2, what);
            return buf.getShort(o) & 0xFFFF;
        }

        int u32(int o, String what) {
            need(o, 4, what);
            int v = buf.getInt(o);
            if (v < 0) {
                throw new DataFormatException(file, "offset " + o + " (" + what + ")", "value " + Integer.toUnsignedString(v) + " is implausibly large");
            }
            return v;
        }

        double f32(int o, String what) {
            need(o, 4, what);
            return buf.getFloat(o);
        }

        double f64(int o, String what) {
            need(o, 8, what);
            return buf.getDouble(o);
        }

        String text(int o, int n) {
            need(o, n, "text");
            int e = o;
            while (e < o + n && data[e] != 0) {
                e++;
            }
            return new String(data, o, e - o, StandardCharsets.ISO_8859_1).trim();
        }

        double[] counts(int o, int n, String what) {
            need(o, 4 * n, what + " (" + n + " float32 values)");
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = buf.getFloat(o + 4 * i);
                PatternReader.checkIntensity(file, "offset " + (o + 4 * i) + " (point " + (i + 1) + ")", y[i]);
            }
            return y;
        }
    }
}
