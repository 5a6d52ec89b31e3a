package org.cathodekit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;

/**
 * Reads a Neware BTS 8 {@code .ndax} file: a zip (read with {@link java.util.zip.ZipFile}) of XML
 * (step program, test info) and binary {@code .ndc} tables. The layout was learnt from reading
 * NewareNDA (d-cogswell/NewareNDA, BSD-3-Clause) and the files themselves; the code is written anew.
 *
 * <p>An {@code .ndc} table: byte 0 is its kind (1 data, 7 steps, 18 run info, 5 auxiliary), byte 2
 * its version. Versions 14, 16 and 17 are paged: a 4096-byte file header, then 4096-byte pages, each
 * with its kind at byte 0, the number of records it holds (u16 @2), a bitmap of the slots in use
 * (from byte 4, least significant bit first) and fixed-size slots from byte 132. The tables used:
 * <ul>
 *   <li>{@code data.ndc} (kind 1): 8-byte slots, 495 a page, voltage f4 and current f4; versions 14
 *       and 17 in V and A, version 16 in 0.1 mV and mA. A slot's record index is its position over
 *       all pages, from 1.</li>
 *   <li>{@code data_runInfo.ndc} (kind 18): written when a step starts and at intervals, not for every
 *       point: step time i4 [ms] @0, charge/discharge capacity and energy f4 @5..17 (versions 14 and
 *       17 in Ah and Wh, version 16 in mA·s and mW·s), logging interval i4 [ms] @29, step counter i4
 *       @37, record index i4 @41; slots of 55 bytes (version 14) or 100 bytes (16, 17).</li>
 *   <li>{@code data_step.ndc} (kind 7): one slot per step run, in order: cycle i4 @0 (0-based), step
 *       index i4 @4, status u1 @24; slots of 37 bytes (14) or 100 bytes (16, 17).</li>
 * </ul>
 * A data row takes the step of the last run-info record at or before it; a row without its own
 * run-info record gets the step time of that record plus its logging interval times the rows since
 * (Neware's own exports show these times), and no counter values (NaN). How many rows were so timed
 * is a warning. The test time is then built from the step times ({@link NewareRows}).
 *
 * <p>Refused ({@link DataFormatException}): not a zip, no {@code data.ndc} entry (entries listed), an
 * {@code .ndc} version other than 14, 16, 17 (named with its entry), a run-info or step table
 * missing, run-info naming more step runs than the step table holds.
 */
final class NewareNdaxReader {
    static final int PAGE = 4096;
    static final int SLOTS_FROM = 132;

    private NewareNdaxReader() {
    }

    static CyclerData read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] data = entry(file, zip, "data.ndc", true);
            int version = data.length > 2 ? data[2] & 0xff : -1;
            if (version != 14 && version != 16 && version != 17) {
                throw new DataFormatException(file, "zip entry 'data.ndc', offset 2", "ndc version " + version
                        + " is not supported (supported: 14, 16, 17); " + NativeCyclerFiles.exportAdvice(CyclerFormat.NEWARE_NDAX));
            }
            byte[] run = entry(file, zip, "data_runInfo.ndc", true);
            byte[] steps = entry(file, zip, "data_step.ndc", true);
            checkVersion(file, "data_runInfo.ndc", run, version);
            checkVersion(file, "data_step.ndc", steps, version);
            return decode(file, version, data, run, steps);
        } catch (java.util.zip.ZipException e) {
            throw new DataFormatException(file, null, "not a readable zip archive (" + e.getMessage() + "); expected a Neware"
                    + " .ndax", e);
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read file: " + e.getMessage(), e);
        }
    }

    private static void checkVersion(Path file, String name, byte[] b, int version) {
        if (b.length < 3 || (b[2] & 0xff) != version) {
            throw new DataFormatException(file, "zip entry '" + name + "', offset 2", "ndc version "
                    + (b.length < 3 ? "missing" : String.valueOf(b[2] & 0xff)) + ", expected " + version + " as data.ndc's");
        }
    }

    private static byte[] entry(Path file, ZipFile zip, String name, boolean required) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            if (!required) {
                return null;
            }
            List<String> names = new ArrayList<>();
            zip.stream().forEach(z -> names.add(z.getName()));
            throw new DataFormatException(file, "zip entry '" + name + "'", "entry not found; expected a Neware .ndax with "
                    + name + " (entries: " + names + ")");
        }
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    /** Calls {@code slot} for each slot in use of a paged table: (page start + slot offset, slot number from 0). */
    interface SlotVisitor {
        void visit(int offset, long slotNumber);
    }

    static void slots(byte[] b, int slotBytes, int slotsPerPage, SlotVisitor v) {
        long number = 0;
        for (int page = PAGE; page + PAGE <= b.length; page += PAGE) {
            for (int k = 0; k < slotsPerPage; k++, number++) {
                if ((b[page + 4 + (k >> 3)] >> (k & 7) & 1) != 0) {
                    v.visit(page + SLOTS_FROM + k * slotBytes, number);
                }
            }
        }
    }

    private static CyclerData decode(Path file, int version, byte[] data, byte[] run, byte[] steps) {
        ByteBuffer d = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer r = ByteBuffer.wrap(run).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer st = ByteBuffer.wrap(steps).order(ByteOrder.LITTLE_ENDIAN);
        boolean v16 = version == 16;
        // step table: one entry per step run
        int stepSlot = version == 14 ? 37 : 100;
        List<int[]> stepRuns = new ArrayList<>();
        slots(steps, stepSlot, (PAGE - SLOTS_FROM - (version == 14 ? 5 : 64)) / stepSlot,
                (o, k) -> stepRuns.add(new int[] {st.getInt(o) + 1, st.getInt(o + 4), steps[o + 24] & 0xff}));
        // run info by record index (first record of an index kept); step runs counted as the step counter changes
        int runSlot = version == 14 ? 55 : 100;
        Map<Long, long[]> runByIndex = new HashMap<>();
        Map<Long, double[]> countersByIndex = new HashMap<>();
        double capFactor = v16 ? 1.0 / 3600 : 1000; // to mAh / mWh
        int[] stepRun = {0, Integer.MIN_VALUE};
        slots(run, runSlot, (PAGE - SLOTS_FROM - (version == 14 ? 4 : 64)) / runSlot, (o, k) -> {
            int counter = r.getInt(o + 37);
            if (counter != stepRun[1]) {
                stepRun[0]++;
                stepRun[1] = counter;
            }
            long idx = Integer.toUnsignedLong(r.getInt(o + 41));
            if (idx != 0 && !runByIndex.containsKey(idx)) {
                runByIndex.put(idx, new long[] {r.getInt(o), r.getInt(o + 29), stepRun[0]});
                countersByIndex.put(idx, new double[] {NativeSeries.fromFloat(r.getFloat(o + 5)) * capFactor,
                        NativeSeries.fromFloat(r.getFloat(o + 9)) * capFactor, NativeSeries.fromFloat(r.getFloat(o + 13)) * capFactor,
                        NativeSeries.fromFloat(r.getFloat(o + 17)) * capFactor});
            }
        });
        if (stepRun[0] > stepRuns.size()) {
            throw new DataFormatException(file, "zip entry 'data_runInfo.ndc'", "run info names " + stepRun[0]
                    + " step runs, the step table data_step.ndc holds " + stepRuns.size());
        }
        NewareRows rows = new NewareRows();
        long[] last = {0, 0, 1}; // step time, interval, step run of the last run-info record
        long[] since = {0};
        int[] timed = {0};
        double vScale = v16 ? 1e-4 : 1;
        double iScale = v16 ? 1 : 1000;
        slots(data, 8, (PAGE - SLOTS_FROM - 4) / 8, (o, k) -> {
            long idx = k + 1;
            long[] ri = runByIndex.get(idx);
            long tMs;
            double[] c;
            if (ri != null) {
                last[0] = ri[0];
                last[1] = ri[1];
                last[2] = ri[2];
                since[0] = 0;
                tMs = ri[0];
                c = countersByIndex.get(idx);
            } else {
                since[0]++;
                tMs = last[0] + since[0] * last[1];
                c = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
                timed[0]++;
            }
            int[] step = stepRuns.isEmpty() ? new int[] {1, 1, 0} : stepRuns.get((int) Math.max(0, last[2] - 1));
            double v = NativeSeries.fromFloat(d.getFloat(o)) * vScale;
            double i = NativeSeries.fromFloat(d.getFloat(o + 4));
            rows.add(idx, tMs, v, i * iScale, step[1], step[0], c[0], c[1], c[2], c[3]);
        });
        if (rows.n == 0) {
            throw new DataFormatException(file, "zip entry 'data.ndc'", "no data records; expected at least one");
        }
        NativeSeries s = rows.toSeries(file, CyclerFormat.NEWARE_NDAX, "Neware ndax, ndc version " + version, true, true);
        s.units.put("time", "runInfo step time [ms] summed over steps -> s");
        s.units.put("voltage", v16 ? "Voltage [0.1 mV] -> V" : "Voltage -> V");
        s.units.put("current", v16 ? "Current -> mA" : "Current [A] -> mA");
        if (timed[0] > 0) {
            s.warnings.add(timed[0] + " of " + rows.n + " rows have no run-info record: their time is the last record's step"
                    + " time plus its logging interval per row, and they carry no counter values");
        }
        return s.build();
    }
}
