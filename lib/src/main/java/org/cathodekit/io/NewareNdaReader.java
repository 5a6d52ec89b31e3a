package org.cathodekit.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;

/**
 * Reads a Neware BTS {@code .nda} file. The layout was learnt from reading NewareNDA
 * (d-cogswell/NewareNDA, BSD-3-Clause) and checked against its reference tables; the code is written
 * anew. Little-endian throughout; the version is the byte at offset 14 after the {@code NEWARE} magic.
 *
 * <p><b>Version 29</b> (BTS 7/8): 86-byte records, the first found as {@code 00 00 00 00 55 00} whose
 * next record also starts with {@code 0x55} and has a non-zero status. A data record starts
 * {@code 55 00} and ends in 4 zero bytes: index u4 @2, cycle u4 @6 (0-based), step index u2 @10,
 * status u1 @12, step time u8 [ms] @14, voltage i4 [0.1 mV] @22, current i4 @26, charge/discharge
 * capacity and energy i8 @38..70, current range i4 @78. Current and counters are integers in a
 * resolution set by the range ({@link #rangeResolutionMa}); counters are in mA·s resolution units
 * (/3600 to mAh). Records starting {@code 0x65} are auxiliary (temperature), {@code 0xAA} step
 * summaries; neither is read. The
 * active mass [mg] is u4/1000 at offset 152.
 *
 * <p><b>Version 130</b> (BTS 9): from offset 1024. BTS 9.0: 88-byte records that start with the same
 * 6 bytes as the first one; body (from byte 4): step index u1 @5, status u1 @6, index u4 @12, test
 * time u8 [us] @24, voltage f4 [V] @32, current f4 [mA] @36, charge capacity, charge energy,
 * discharge capacity, discharge energy f4 [mA·s, mW·s] @48..64; no cycle number. BTS 9.1: records
 * start {@code 0x55}, their length is the distance to the next record; step index u1 @2, status u1
 * @3, index u4 @8, test time u4 [s] @12 + u4 [ns] @16, current f4 [mA] @20, voltage f4 [V] @24,
 * capacity and energy f4 [mA·s, mW·s] signed (positive = charge) @28, @32, cycle u4 @36 (0-based). A
 * record starting {@code 0x81} ends the data.
 *
 * <p>Refused ({@link DataFormatException}): a version other than 29 and 130 (named), no data record,
 * a current range without a known resolution (naming the record and offset).
 */
final class NewareNdaReader {
    static final int V29_RECORD = 86;

    private NewareNdaReader() {
    }

    static CyclerData read(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read file: " + e.getMessage(), e);
        }
        if (b.length < 16 || !NativeCyclerFiles.startsWith(b, 0, "NEWARE")) {
            throw new DataFormatException(file, "offset 0", "expected the magic 'NEWARE' of a Neware .nda file");
        }
        int version = b[14] & 0xff;
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        NativeSeries s = switch (version) {
            case 29 -> v29(file, b, buf);
            case 130 -> v130(file, b, buf);
            default -> throw new DataFormatException(file, "offset 14", "nda version " + version
                    + " is not supported (supported: 29, 130); " + NativeCyclerFiles.exportAdvice(CyclerFormat.NEWARE_NDA));
        };
        s.units.put("time", version == 29 ? "step time [ms] summed over steps -> s" : "test time -> s");
        s.units.put("voltage", "Voltage -> V");
        s.units.put("current", "Current -> mA");
        if (version == 29 && b.length >= 156) {
            long mass = Integer.toUnsignedLong(buf.getInt(152));
            if (mass > 0) {
                s.activeMassMg = mass / 1000.0;
            }
        }
        return s.build();
    }

    private static NativeSeries v29(Path file, byte[] b, ByteBuffer buf) {
        int start = -1;
        for (int p = 0; p + 4 + V29_RECORD < b.length; p++) {
            if (b[p] == 0 && b[p + 1] == 0 && b[p + 2] == 0 && b[p + 3] == 0 && (b[p + 4] & 0xff) == 0x55 && b[p + 5] == 0
                    && (b[p + 4 + V29_RECORD] & 0xff) == 0x55 && b[p + 4 + 12] != 0) {
                start = p + 4;
                break;
            }
        }
        if (start < 0) {
            throw new DataFormatException(file, "nda version 29", "no data record found (expected 86-byte records"
                    + " starting 0x55 0x00)");
        }
        NewareRows rows = new NewareRows();
        int other = 0;
        for (int p = start; p + V29_RECORD <= b.length; p += V29_RECORD) {
            boolean tailZero = buf.getInt(p + 82) == 0;
            if ((b[p] & 0xff) == 0x55 && b[p + 1] == 0 && tailZero) {
                long idx = Integer.toUnsignedLong(buf.getInt(p + 2));
                int status = b[p + 12] & 0xff;
                if (idx == 0 || status == 0) {
                    continue;
                }
                int range = buf.getInt(p + 78);
                double res = rangeResolutionMa(range);
                if (Double.isNaN(res)) {
                    throw new DataFormatException(file, "nda version 29, record index " + idx + " at offset " + p,
                            "current range " + range + " has no known resolution (known: +-1 to +-200000, -100000000)");
                }
                rows.add(idx, buf.getLong(p + 14), buf.getInt(p + 22) / 10000.0, buf.getInt(p + 26) * res,
                        buf.getShort(p + 10) & 0xffff, buf.getInt(p + 6) + 1, buf.getLong(p + 38) * res / 3600,
                        buf.getLong(p + 46) * res / 3600, buf.getLong(p + 54) * res / 3600, buf.getLong(p + 62) * res / 3600);
            } else if (!(((b[p] & 0xff) == 0x65 && tailZero) || (b[p] & 0xff) == 0xAA)) {
                other++;
            }
        }
        NativeSeries s = rows.toSeries(file, CyclerFormat.NEWARE_NDA, "Neware nda version 29, 86-byte records", true, true);
        if (other > 0) {
            s.warnings.add(other + " 86-byte blocks after the first record are neither data nor auxiliary records (skipped)");
        }
        return s;
    }

    private static NativeSeries v130(Path file, byte[] b, ByteBuffer buf) {
        if (b.length < 1024 + 8) {
            throw new DataFormatException(file, "offset 1024", "nda version 130 without records (file of " + b.length
                    + " bytes)");
        }
        NewareRows rows = new NewareRows();
        String dialect;
        boolean hasCycle;
        if ((b[1024] & 0xff) == 0x55) { // BTS 9.1
            int len = -1;
            for (int p = 1026; p + 1 < b.length; p++) {
                if (b[p] == b[1024] && b[p + 1] == b[1025]) {
                    len = p - 1024;
                    break;
                }
            }
            if (len < 48) {
                len = b.length - 1024; // a single record
            }
            for (int p = 1024; p + len <= b.length; p += len) {
                int kind = b[p] & 0xff;
                if (kind == 0x81) {
                    break;
                }
                if (kind != 0x55) {
                    continue;
                }
                double cap = NativeSeries.fromFloat(buf.getFloat(p + 28)) / 3600;
                double energy = NativeSeries.fromFloat(buf.getFloat(p + 32)) / 3600;
                long ms = Integer.toUnsignedLong(buf.getInt(p + 12)) * 1000L;
                double t = ms + Integer.toUnsignedLong(buf.getInt(p + 16)) * 1e-6;
                rows.add(Integer.toUnsignedLong(buf.getInt(p + 8)), 0, NativeSeries.fromFloat(buf.getFloat(p + 24)),
                        NativeSeries.fromFloat(buf.getFloat(p + 20)), b[p + 2] & 0xff, buf.getInt(p + 36) + 1,
                        Math.max(cap, 0), Math.max(-cap, 0), Math.max(energy, 0), Math.max(-energy, 0));
                rows.timeMs[rows.n - 1] = Math.round(t); // ns resolution kept to the ms, as the other versions
            }
            dialect = "Neware nda version 130 (BTS 9.1), " + len + "-byte records";
            hasCycle = true;
        } else { // BTS 9.0
            int len = 88;
            for (int p = 1024; p + len <= b.length; p += len) {
                if ((b[p] & 0xff) == 0x81) {
                    break;
                }
                boolean data = true;
                for (int k = 0; k < 6; k++) {
                    data &= b[p + k] == b[1024 + k];
                }
                if (!data) {
                    continue;
                }
                int q = p + 4;
                long us = buf.getLong(q + 24);
                rows.add(Integer.toUnsignedLong(buf.getInt(q + 12)), Math.round(us / 1000.0),
                        NativeSeries.fromFloat(buf.getFloat(q + 32)), NativeSeries.fromFloat(buf.getFloat(q + 36)),
                        b[q + 5] & 0xff, 0, NativeSeries.fromFloat(buf.getFloat(q + 48)) / 3600,
                        NativeSeries.fromFloat(buf.getFloat(q + 56)) / 3600, NativeSeries.fromFloat(buf.getFloat(q + 52)) / 3600,
                        NativeSeries.fromFloat(buf.getFloat(q + 60)) / 3600);
            }
            dialect = "Neware nda version 130 (BTS 9.0), 88-byte records";
            hasCycle = false;
        }
        if (rows.n == 0) {
            throw new DataFormatException(file, "nda version 130, offset 1024", "no data record found");
        }
        return rows.toSeries(file, CyclerFormat.NEWARE_NDA, dialect, false, hasCycle);
    }

    /**
     * Resolution [mA] of the integer current (and of the counters, per second) of a version-29 record
     * by its current range, as NewareNDA tabulates it: range 0 -> 0; 1..5 -> 1e-4; 10..50 -> 1e-3;
     * 100..500 -> 1e-2; 1000..200000 -> 1e-1; -1..-5 -> 1e-5; -10..-50 -> 1e-4; -100..-500 -> 1e-3;
     * -1000..-200000 -> 1e-2; -100000000 -> 10. NaN for any other range.
     */
    static double rangeResolutionMa(int range) {
        if (range == 0) {
            return 0;
        }
        if (range == -100_000_000) {
            return 10;
        }
        int a = Math.abs(range);
        if (a > 200_000) {
            return Double.NaN;
        }
        double r = a <= 5 ? 1e-4 : a <= 50 ? 1e-3 : a <= 500 ? 1e-2 : 1e-1;
        return range > 0 ? r : r / 10;
    }
}
