package org.cathodekit.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;

/**
 * Reads a BioLogic EC-Lab / BT-Lab {@code .mpr} file ("modular file") without EC-Lab.
 *
 * <p>Layout (little-endian unless stated; learnt from galvani's and yadg's documentation and sources,
 * see {@link MprColumns}):
 * <pre>
 *   0      "BIO-LOGIC MODULAR FILE" 0x1A, spaces to 48 bytes, 4 zero bytes         (52 bytes)
 *   then modules, each:
 *          "MODULE", short name (10 bytes, space padded: "VMP Set", "VMP data", "VMP LOG",
 *          "VMP loop", "VMP ExtDev"), long name (25 bytes),
 *          EC-Lab &lt; 11.50: length u4, version u4, date (8 ASCII, mm/dd/yy)           (51-byte header)
 *          EC-Lab &gt;= 11.50: 0xFFFFFFFF, length u4, version u4, version2 u4, date     (59-byte header)
 *          then {@code length} bytes of module data
 *   VMP data: points u4, columns u1, column IDs, then the records from a fixed start:
 *          version 2: IDs u2 LE, records at 405;  version 3: at 406;
 *          version 0 with 11.50 header (version2 11): IDs u2 big-endian, records at 1007;
 *          version 0, old header: IDs u1 (no zero high bytes), records at 100.
 *          A record is the columns in ID order, each of its type's width; flag IDs share one byte.
 *   VMP Set: technique code at 0, active-material mass [mg] f4 at 0x107 (EC-Lab's default 0.001 mg
 *          means "not entered" and is not reported).
 * </pre>
 *
 * <p>Series chosen: time {@code time/s} (ID 4); voltage {@code Ewe/V} (6) else {@code <Ewe>/V} (77,
 * then 174); current {@code I/mA} (8) else {@code <I>/mA} (11, then 76), else (GCPL, which stores
 * no current) the average current from {@code dq/mA.h} (7, see {@link #averageCurrentA}); mA to A, sign as EC-Lab's
 * (positive = oxidation at the working electrode = charge of a positive electrode); step = {@code Ns}
 * (131); cycle = {@code cycle number} (24) when stored. Counters: {@code Energy charge/discharge}
 * (123/379, 124) and {@code Q charge}, {@code Q discharge} (498, 499) when stored; {@code (Q-Qo)}
 * (13 in mA.h, 178/434 in C) is cross-checked against the integrated current ({@link CounterCheck}),
 * impedance points ({@code freq/Hz} non-zero) left out.
 * Single-precision values are taken as their shortest decimal ({@link NativeSeries#fromFloat}), as
 * the {@code .mpt} export prints them.
 *
 * <p>Refused ({@link DataFormatException} naming the module, its offset and what was expected): a bad
 * magic, a module not starting with {@code MODULE}, a module header or body cut short (truncated file),
 * no data module, an unknown data-module version, an unknown column ID (with the previous column and
 * the module version), records not filling the module, no time/voltage/current column, zero points.
 */
final class BiologicMprReader {
    static final String MAGIC_TEXT = "BIO-LOGIC MODULAR FILE\u001a";
    static final int MAGIC_LENGTH = 52;
    static final String MODULE = "MODULE";
    /** EC-Lab's default "Mass of active material" [mg]: the field was left as it came. */
    static final float DEFAULT_MASS_MG = 0.001f;

    /** One module as found in the file. */
    record Module(String shortName, String longName, int offset, int dataOffset, int length, int version, int version2,
            String date) {
        String where() {
            return "module '" + shortName + "' (version " + version + (version2 >= 0 ? "/" + version2 : "") + ") at offset "
                    + offset;
        }
    }

    /** Where each column sits in a record. */
    record Layout(List<MprColumns.Column> columns, int[] offsets, int flagsOffset, int recordBytes, int dataStart,
            int points) {
        int index(int... ids) {
            for (int id : ids) {
                for (int k = 0; k < columns.size(); k++) {
                    if (columns.get(k).id() == id) {
                        return k;
                    }
                }
            }
            return -1;
        }
    }

    private BiologicMprReader() {
    }

    static CyclerData read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read file: " + e.getMessage(), e);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Module> modules = modules(file, bytes);
        Module data = null;
        Module settings = null;
        List<String> warnings = new ArrayList<>();
        for (Module m : modules) {
            switch (m.shortName()) {
                case "VMP data" -> {
                    if (data != null) {
                        throw new DataFormatException(file, m.where(), "a second data module; expected one");
                    }
                    data = m;
                }
                case "VMP Set" -> settings = m;
                case "VMP LOG", "VMP loop", "VMP ExtDev" -> {
                    // not needed for the series
                }
                default -> warnings.add(m.where() + " is not a known module and was not read");
            }
        }
        if (data == null) {
            List<String> names = modules.stream().map(Module::shortName).toList();
            throw new DataFormatException(file, null, "no 'VMP data' module; expected one (modules found: " + names + ")");
        }
        Layout layout = layout(file, bytes, data);
        if (layout.points() == 0) {
            throw new DataFormatException(file, data.where(), "the data module holds 0 points; expected at least one"
                    + " (the run was stopped before the first point)");
        }
        NativeSeries s = new NativeSeries(file, CyclerFormat.BIOLOGIC_MPR, "BioLogic modular file, data module version "
                + data.version() + (data.version2() >= 0 ? "/" + data.version2() : ""));
        int time = layout.index(4);
        int voltage = layout.index(6, 77, 174);
        int current = layout.index(8, 11, 76);
        int dq = layout.index(7);
        List<String> labels = layout.columns().stream().map(MprColumns.Column::label).toList();
        if (time < 0 || voltage < 0 || (current < 0 && dq < 0)) {
            String missing = time < 0 ? "time/s (ID 4)" : voltage < 0 ? "Ewe/V or <Ewe>/V (ID 6, 77, 174)"
                    : "I/mA, <I>/mA or dq/mA.h (ID 8, 11, 76, 7; an OCV or rest-only technique records no current)";
            throw new DataFormatException(file, data.where(), "no " + missing + " column; columns stored: " + labels);
        }
        s.timeS = values(buf, layout, time, 1.0);
        s.voltageV = values(buf, layout, voltage, 1.0);
        s.units.put("time", layout.columns().get(time).label() + " -> s");
        s.units.put("voltage", layout.columns().get(voltage).label() + " -> V");
        if (current >= 0) {
            s.currentA = values(buf, layout, current, 1e-3);
            s.units.put("current", layout.columns().get(current).label() + " -> mA");
        } else {
            s.currentA = averageCurrentA(s.timeS, values(buf, layout, dq, 1.0), s.warnings);
            s.units.put("current", "dq/mA.h per logging interval -> mA (EC-Lab's <I>/mA; GCPL stores no current)");
        }
        int freq = layout.index(32);
        if (freq >= 0) {
            double[] f = values(buf, layout, freq, 1.0);
            s.skipInChecks = new boolean[f.length];
            for (int i = 0; i < f.length; i++) {
                s.skipInChecks[i] = f[i] != 0;
            }
        }
        int ns = layout.index(131);
        if (ns >= 0) {
            s.step = ints(buf, layout, ns);
        }
        int cycle = layout.index(24);
        if (cycle >= 0) {
            s.cycle = ints(buf, layout, cycle);
        }
        int ec = layout.index(123, 379);
        if (ec >= 0) {
            s.counter(CyclerData.CHARGE_ENERGY_WH, layout.columns().get(ec).label(), values(buf, layout, ec, 1.0));
        }
        int ed = layout.index(124);
        if (ed >= 0) {
            s.counter(CyclerData.DISCHARGE_ENERGY_WH, layout.columns().get(ed).label(), values(buf, layout, ed, 1.0));
        }
        int qc = layout.index(498);
        if (qc >= 0) {
            s.counter(CyclerData.CHARGE_CAPACITY_AH, "Q charge/mA.h", values(buf, layout, qc, 1e-3));
        }
        int qd = layout.index(499);
        if (qd >= 0) {
            s.counter(CyclerData.DISCHARGE_CAPACITY_AH, "Q discharge/mA.h", values(buf, layout, qd, 1e-3));
        }
        int net = layout.index(13);
        int netC = layout.index(178, 434);
        if (net >= 0) {
            s.check("(Q-Qo)/mA.h", values(buf, layout, net, 1e-3), CounterCheck.Part.NET);
        } else if (netC >= 0) {
            s.check("(Q-Qo)/C", values(buf, layout, netC, 1.0 / 3600), CounterCheck.Part.NET);
        }
        if (settings != null && settings.length() >= 0x10B) {
            float mass = buf.getFloat(settings.dataOffset() + 0x107);
            if (Float.isFinite(mass) && mass > 0 && mass != DEFAULT_MASS_MG) {
                s.activeMassMg = NativeSeries.fromFloat(mass);
            }
        }
        s.warnings.addAll(warnings);
        return s.build();
    }

    /**
     * The average current over each logging interval from the charge passed in it, as EC-Lab's
     * {@code .mpt} export computes {@code <I>/mA} for GCPL (which stores {@code dq} but no current):
     * {@code I[k] = dq[k] * 3600 / (t[k] - t[k-1])} [mA.h -> mA], then mA to A. Row 0, and rows with
     * {@code dq = 0}, get 0; a row whose time equals the previous one's with {@code dq != 0} takes the
     * previous row's current (counted in a warning).
     */
    static double[] averageCurrentA(double[] timeS, double[] dqMah, List<String> warnings) {
        int n = timeS.length;
        double[] i = new double[n];
        int repeated = 0;
        for (int k = 1; k < n; k++) {
            double dt = timeS[k] - timeS[k - 1];
            if (dqMah[k] == 0) {
                i[k] = 0;
            } else if (dt > 0) {
                i[k] = dqMah[k] * 3600 / dt * 1e-3;
            } else {
                i[k] = i[k - 1];
                repeated++;
            }
        }
        if (repeated > 0) {
            warnings.add("current derived from dq/mA.h: " + repeated + " rows with charge but no elapsed time took the"
                    + " previous row's current");
        }
        return i;
    }

    /** Walks the modules after the magic; every module must be complete. */
    static List<Module> modules(Path file, byte[] b) {
        if (b.length < MAGIC_LENGTH || !new String(b, 0, MAGIC_TEXT.length(), StandardCharsets.ISO_8859_1).equals(MAGIC_TEXT)) {
            throw new DataFormatException(file, "offset 0", "expected the magic 'BIO-LOGIC MODULAR FILE' of an EC-Lab .mpr");
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        List<Module> out = new ArrayList<>();
        int pos = MAGIC_LENGTH;
        while (pos < b.length) {
            int left = b.length - pos;
            if (left < 6 + 51 || !ascii(b, pos, 6).equals(MODULE)) {
                if (left >= 6 && !ascii(b, pos, 6).equals(MODULE)) {
                    throw new DataFormatException(file, "offset " + pos, "expected 'MODULE' (start of module "
                            + (out.size() + 1) + "), found " + printable(b, pos, Math.min(6, left)));
                }
                throw new DataFormatException(file, "module " + (out.size() + 1) + " at offset " + pos,
                        "module header truncated: expected at least 57 bytes, the file has " + left + " left");
            }
            String shortName = ascii(b, pos + 6, 10).trim();
            String longName = ascii(b, pos + 16, 25).replace('\0', ' ').trim();
            int h = pos + 41;
            boolean newHeader = buf.getInt(h) == -1;
            int headerBytes = newHeader ? 6 + 59 : 6 + 51;
            if (left < headerBytes) {
                throw new DataFormatException(file, "module '" + shortName + "' at offset " + pos,
                        "module header truncated: expected " + headerBytes + " bytes, the file has " + left + " left");
            }
            long length = Integer.toUnsignedLong(buf.getInt(newHeader ? h + 4 : h));
            int version = buf.getInt(newHeader ? h + 8 : h + 4);
            int version2 = newHeader ? buf.getInt(h + 12) : -1;
            String date = ascii(b, newHeader ? h + 16 : h + 8, 8).trim();
            int dataOffset = pos + headerBytes;
            Module m = new Module(shortName, longName, pos, dataOffset, (int) Math.min(length, Integer.MAX_VALUE), version,
                    version2, date);
            if (length > b.length - (long) dataOffset) {
                throw new DataFormatException(file, m.where(), "module truncated: its header declares " + length
                        + " data bytes from offset " + dataOffset + ", the file has " + (b.length - dataOffset)
                        + " (file cut short?)");
            }
            out.add(m);
            pos = dataOffset + (int) length;
        }
        return out;
    }

    /** Decodes the data module's column table into record offsets. */
    static Layout layout(Path file, byte[] b, Module m) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int d = m.dataOffset();
        if (m.length() < 5) {
            throw new DataFormatException(file, m.where(), "data module of " + m.length() + " bytes; expected at least 5");
        }
        long points = Integer.toUnsignedLong(buf.getInt(d));
        int ncols = b[d + 4] & 0xff;
        int idBytes;
        boolean bigEndian = false;
        int start;
        if (m.version() == 2 || m.version() == 3) {
            idBytes = 2;
            start = m.version() == 2 ? 405 : 406;
        } else if (m.version() == 0 && (m.version2() >= 0 || (m.length() > 5 && b[d + 5] == 0))) {
            idBytes = 2;
            bigEndian = true;
            start = 0x3EF;
        } else if (m.version() == 0) {
            idBytes = 1;
            start = 100;
        } else {
            throw new DataFormatException(file, m.where(), "data module version " + m.version()
                    + " is not supported (known: 0, 2, 3); " + NativeCyclerFiles.exportAdvice(CyclerFormat.BIOLOGIC_MPR));
        }
        if (5 + (long) ncols * idBytes > Math.min(start, m.length())) {
            throw new DataFormatException(file, m.where(), "column table of " + ncols + " IDs does not fit before offset "
                    + start + " of a module of " + m.length() + " bytes");
        }
        List<MprColumns.Column> cols = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int k = 0; k < ncols; k++) {
            int at = d + 5 + k * idBytes;
            ids.add(idBytes == 1 ? b[at] & 0xff : bigEndian ? ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff)
                    : (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8));
        }
        boolean hasEwe = ids.contains(6) || ids.contains(77);
        int[] offsets = new int[ncols];
        int flags = -1;
        int rec = 0;
        String previous = "(none: first entry)";
        for (int k = 0; k < ncols; k++) {
            int id = ids.get(k);
            if (MprColumns.flag(id) != null) {
                if (flags < 0) {
                    flags = rec;
                    rec += 1;
                }
                previous = MprColumns.flag(id).name();
                continue;
            }
            MprColumns.Column c = MprColumns.column(id);
            if (c == null) {
                throw new DataFormatException(file, m.where() + ", column table entry " + (k + 1) + " at offset "
                        + (d + 5 + k * idBytes), "unknown column ID " + id + " after column '" + previous
                        + "' (written by a newer EC-Lab?); its width is unknown, so the records cannot be decoded; "
                        + NativeCyclerFiles.exportAdvice(CyclerFormat.BIOLOGIC_MPR));
            }
            if (id == 174 && hasEwe) {
                c = new MprColumns.Column(174, "Phase(Zwe-ce)", "deg", MprColumns.Type.F4);
            }
            offsets[cols.size()] = rec;
            cols.add(c);
            rec += c.type().bytes;
            previous = c.label();
        }
        long need = start + points * rec;
        if (need > m.length()) {
            throw new DataFormatException(file, m.where(), String.format(Locale.ROOT,
                    "%d points of %d bytes need %d bytes from module offset %d, the module has %d (truncated, or a column"
                            + " width is wrong)", points, rec, points * rec, start, m.length() - start));
        }
        return new Layout(List.copyOf(cols), java.util.Arrays.copyOf(offsets, cols.size()), flags, rec, d + start,
                (int) points);
    }

    private static double[] values(ByteBuffer buf, Layout l, int col, double factor) {
        MprColumns.Type t = l.columns().get(col).type();
        int n = l.points();
        double[] v = new double[n];
        int p = l.dataStart() + l.offsets()[col];
        int r = l.recordBytes();
        for (int i = 0; i < n; i++, p += r) {
            double x = switch (t) {
                case F4 -> NativeSeries.fromFloat(buf.getFloat(p));
                case F8 -> buf.getDouble(p);
                case U1 -> buf.get(p) & 0xff;
                case U2 -> buf.getShort(p) & 0xffff;
                case U4 -> Integer.toUnsignedLong(buf.getInt(p));
            };
            v[i] = factor == 1.0 ? x : x * factor;
        }
        return v;
    }

    private static int[] ints(ByteBuffer buf, Layout l, int col) {
        double[] v = values(buf, l, col, 1.0);
        int[] o = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = (int) v[i];
        }
        return o;
    }

    private static String ascii(byte[] b, int at, int len) {
        return new String(b, at, Math.min(len, b.length - at), StandardCharsets.ISO_8859_1);
    }

    private static String printable(byte[] b, int at, int len) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < len; i++) {
            int c = b[at + i] & 0xff;
            sb.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\x%02x", c));
        }
        return sb.append("'").toString();
    }
}
