package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.Parallel;
import org.cathodekit.io.CyclerReader.Layout;

/**
 * Data rows of a cycler export to a {@link CyclerData} (package-private helper of
 * {@link CyclerReader}): parses rows in chunks through {@link Parallel} (identical for any thread
 * count), then compacts away blank and unreadable rows, checks that time never goes backwards, counts
 * repeated time stamps and refuses files with more than 10 % unreadable rows or a last row cut short.
 */
final class CyclerRows {
    private CyclerRows() {
    }

    private static final int CHUNK = 1 << 16;
    private static final int MAX_LISTED_SKIPS = 20;

    /** Reads the rows of {@code text} below the header described by {@code lay}. */
    static CyclerData read(TextFile text, Layout lay) {
        Path file = text.file();
        int first = lay.dataStart();
        int total = Math.max(0, text.size() - first);
        // trailing blank lines are not rows
        while (total > 0 && text.line(first + total - 1).isBlank()) {
            total--;
        }
        if (total == 0) {
            throw new DataFormatException(file, "line " + (lay.headerLine() + 1),
                    "no data rows after the header; expected rows of numbers below it");
        }
        final int n = total;
        final double[] t0 = new double[n];
        final double[] v0 = new double[n];
        final double[] c0 = new double[n];
        final int[] step0 = lay.stepCol() >= 0 ? new int[n] : null;
        final int[] cyc0 = lay.cycleCol() >= 0 ? new int[n] : null;
        boolean[] skip = new boolean[n];
        int maxCol = Math.max(Math.max(lay.timeCol(), lay.voltageCol()), Math.max(lay.currentCol(),
                Math.max(lay.stepCol(), Math.max(lay.cycleCol(), lay.stateCol()))));
        Parallel.forEachChunk(n, CHUNK, (k, from, to) -> {
            CyclerRowParser p = new CyclerRowParser(file, lay, maxCol);
            for (int i = from; i < to; i++) {
                String line = text.line(first + i);
                int lineNo = first + i + 1;
                if (line.isBlank()) {
                    skip[i] = true;
                    continue;
                }
                if (!p.split(line)) {
                    if (i == n - 1) {
                        throw new DataFormatException(file, "line " + lineNo,
                                "last row has " + p.fieldCount + " fields but the header has " + lay.headerFields()
                                        + ": the file is cut mid-row (incomplete export or copy); expected complete rows");
                    }
                    skip[i] = true;
                    continue;
                }
                double tv = p.time(line, lineNo);
                double vv = p.number(line, lay.voltageCol(), lineNo) * lay.voltageFactor();
                double cv = p.number(line, lay.currentCol(), lineNo) * lay.currentFactor();
                if (lay.stateCol() >= 0) {
                    cv = p.signFromState(line, cv);
                }
                if (Double.isNaN(tv) || Double.isNaN(vv) || Double.isNaN(cv)) {
                    skip[i] = true;
                    continue;
                }
                t0[i] = tv;
                v0[i] = vv;
                c0[i] = cv;
                if (step0 != null) {
                    step0[i] = p.integer(line, lay.stepCol());
                }
                if (cyc0 != null) {
                    cyc0[i] = p.integer(line, lay.cycleCol());
                }
            }
        });
        // compaction, skipped rows, monotonic time
        double[] t = t0;
        double[] v = v0;
        double[] c = c0;
        int[] step = step0;
        int[] cyc = cyc0;
        List<Integer> skipped = new ArrayList<>();
        int skippedCount = 0;
        int blank = 0;
        int m = 0;
        int dup = 0;
        double prev = Double.NEGATIVE_INFINITY;
        int prevLine = -1;
        for (int i = 0; i < n; i++) {
            int lineNo = first + i + 1;
            if (skip[i]) {
                if (text.line(first + i).isBlank()) {
                    blank++;
                    continue;
                }
                skippedCount++;
                if (skipped.size() < MAX_LISTED_SKIPS) {
                    skipped.add(lineNo);
                }
                continue;
            }
            if (t[i] < prev) {
                throw new DataFormatException(file, "line " + lineNo + ", column '" + lay.headerRaw()[lay.timeCol()] + "'",
                        "time goes backwards (" + t[i] + " s after " + prev + " s on line " + prevLine
                                + "); expected non-decreasing time (concatenated or re-ordered exports must be split)");
            }
            if (t[i] == prev) {
                dup++;
            }
            prev = t[i];
            prevLine = lineNo;
            t[m] = t[i];
            v[m] = v[i];
            c[m] = c[i];
            if (step != null) {
                step[m] = step[i];
            }
            if (cyc != null) {
                cyc[m] = cyc[i];
            }
            m++;
        }
        int rows = n - blank;
        if (m == 0 || skippedCount > 0.1 * rows) {
            throw new DataFormatException(file, "line " + (skipped.isEmpty() ? first + 1 : skipped.get(0)),
                    skippedCount + " of " + rows + " data rows have no number in the time, voltage or current column ('"
                            + lay.headerRaw()[lay.timeCol()] + "', '" + lay.headerRaw()[lay.voltageCol()] + "', '"
                            + lay.headerRaw()[lay.currentCol()] + "'); expected numbers with decimal '"
                            + lay.dialect().decimal() + "'");
        }
        if (m < n) {
            t = java.util.Arrays.copyOf(t, m);
            v = java.util.Arrays.copyOf(v, m);
            c = java.util.Arrays.copyOf(c, m);
            step = step == null ? null : java.util.Arrays.copyOf(step, m);
            cyc = cyc == null ? null : java.util.Arrays.copyOf(cyc, m);
        }
        return new CyclerData(file, lay.format(), text.charset().name(), lay.dialect().describe(), t, v, c, step, cyc,
                lay.unitsDetected(), skipped, skippedCount, dup);
    }
}
