package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.Parallel;
import org.cathodekit.io.CyclerReader.Counter;
import org.cathodekit.io.CyclerReader.Layout;

/**
 * Data rows of a cycler export to a {@link CyclerData} (package-private helper of
 * {@link CyclerReader}): parses rows in chunks through {@link Parallel} (identical for any thread
 * count), then compacts away blank, structural (nested cycle/step rows) and unreadable rows, checks
 * that time never goes backwards, counts repeated time stamps and refuses files with more than 10 %
 * unreadable rows or a last row cut short.
 *
 * <p>Skipped rows: lines that hold no number in a required column, lines holding NUL bytes (a
 * damaged block), and, where the file has a record counter ({@code Rec#}, {@code Data_Point},
 * {@code DataPoint}), the records missing from it beyond those lines (a NUL block that swallowed the
 * line breaks too). Repeated header lines are not rows; they are reported in the warnings.
 */
final class CyclerRows {
    private CyclerRows() {
    }

    private static final int CHUNK = 1 << 16;
    private static final int MAX_LISTED_SKIPS = 20;
    /** Share of unreadable data rows above which the file is refused. */
    static final double MAX_SKIPPED_FRACTION = 0.1;

    /** Reads the rows of {@code text} below the header described by {@code lay}. */
    static CyclerData read(TextFile text, Layout lay) {
        Path file = text.file();
        int first = lay.dataStart();
        int total = Math.max(0, text.size() - first);
        while (total > 0 && text.line(first + total - 1).isBlank()) {
            total--; // trailing blank lines are not rows
        }
        if (total == 0) {
            throw new DataFormatException(file, "line " + (lay.headerLine() + 1),
                    "no data rows after the header; expected rows of numbers below it");
        }
        final int n = total;
        final double[] t0 = new double[n];
        final double[] v0 = new double[n];
        final double[] c0 = new double[n];
        final int[] step0 = lay.stepCol() >= 0 || (lay.nesting() != null && lay.nesting().stepField() >= 0) ? new int[n] : null;
        final int[] cyc0 = lay.cycleCol() >= 0 || (lay.nesting() != null && lay.nesting().cycleField() >= 0) ? new int[n] : null;
        final long[] rec0 = lay.recordCol() >= 0 ? new long[n] : null;
        List<Counter> counters = lay.counters();
        final double[][] k0 = new double[counters.size()][n];
        boolean[] skip = new boolean[n];
        boolean[] structural = lay.nesting() != null ? nestedParents(text, lay, first, n, step0, cyc0) : null;
        final String headerLine = text.line(lay.headerLine()).trim();
        int maxCol = Math.max(Math.max(lay.timeCol(), lay.voltageCol()), Math.max(lay.currentCol(),
                Math.max(lay.stepCol(), Math.max(lay.cycleCol(), Math.max(lay.stateCol(), lay.recordCol())))));
        for (Counter k : counters) {
            maxCol = Math.max(maxCol, k.col());
        }
        final int needed = maxCol;
        Parallel.forEachChunk(n, CHUNK, (chunk, from, to) -> {
            CyclerRowParser p = new CyclerRowParser(file, lay, needed);
            for (int i = from; i < to; i++) {
                if (structural != null && structural[i]) {
                    skip[i] = true;
                    continue;
                }
                String line = text.line(first + i);
                int lineNo = first + i + 1;
                if (line.isBlank() || line.indexOf('\0') >= 0) {
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
                if (step0 != null && lay.stepCol() >= 0) {
                    step0[i] = p.integer(line, lay.stepCol());
                }
                if (cyc0 != null && lay.cycleCol() >= 0) {
                    cyc0[i] = p.integer(line, lay.cycleCol());
                }
                if (rec0 != null) {
                    rec0[i] = p.integer(line, lay.recordCol());
                }
                for (int k = 0; k < k0.length; k++) {
                    double x = p.number(line, counters.get(k).col(), lineNo);
                    k0[k][i] = x * counters.get(k).factor();
                }
            }
        });
        List<String> warnings = new ArrayList<>(lay.warnings());
        double[] t = t0;
        double[] v = v0;
        double[] c = c0;
        int[] step = step0;
        int[] cyc = cyc0;
        List<Integer> skipped = new ArrayList<>();
        int skippedCount = 0;
        int nulLines = 0;
        int blank = 0;
        int headerRepeats = 0;
        int m = 0;
        int dup = 0;
        long missingRecords = 0;
        long lostInDamage = 0;
        int skippedSinceKept = 0;
        boolean nulSinceKept = false;
        long prevRec = Long.MIN_VALUE;
        double prev = Double.NEGATIVE_INFINITY;
        int prevLine = -1;
        for (int i = 0; i < n; i++) {
            int lineNo = first + i + 1;
            if (skip[i]) {
                if (structural != null && structural[i]) {
                    continue;
                }
                String line = text.line(first + i);
                if (line.isBlank()) {
                    blank++;
                    continue;
                }
                if (line.trim().equals(headerLine)) {
                    if (headerRepeats++ < 3) {
                        warnings.add("line " + lineNo + " repeats the header line (duplicated header, e.g. two exports"
                                + " concatenated); skipped");
                    }
                    continue;
                }
                if (line.indexOf('\0') >= 0) {
                    nulLines++;
                    nulSinceKept = true;
                }
                skippedSinceKept++;
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
            if (rec0 != null) {
                long r = rec0[i];
                if (prevRec != Long.MIN_VALUE && r > prevRec + 1) {
                    missingRecords += r - prevRec - 1;
                    if (nulSinceKept) {
                        lostInDamage += Math.max(0, r - prevRec - 1 - skippedSinceKept);
                    }
                }
                prevRec = r;
            }
            skippedSinceKept = 0;
            nulSinceKept = false;
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
            for (double[] k : k0) {
                k[m] = k[i];
            }
            m++;
        }
        if (headerRepeats > 3) {
            warnings.add((headerRepeats - 3) + " more repeated header lines skipped");
        }
        int rows = n - blank - headerRepeats - (structural == null ? 0 : count(structural));
        if (m == 0 || skippedCount > MAX_SKIPPED_FRACTION * rows) {
            throw new DataFormatException(file, "line " + (skipped.isEmpty() ? first + 1 : skipped.get(0)),
                    skippedCount + " of " + rows + " data rows have no number in the time, voltage or current column ('"
                            + lay.headerRaw()[lay.timeCol()] + "', '" + lay.headerRaw()[lay.voltageCol()] + "', '"
                            + lay.headerRaw()[lay.currentCol()] + "'); expected numbers with decimal '"
                            + lay.dialect().decimal() + "'");
        }
        if (nulLines > 0) {
            warnings.add(nulLines + " line(s) hold NUL bytes (a damaged block in the file); skipped");
        }
        if (missingRecords > skippedCount) {
            warnings.add("record counter '" + lay.headerRaw()[lay.recordCol()] + "' skips " + (missingRecords - skippedCount)
                    + " record(s) that have no line in the file (an excerpt, or records lost)" + (lostInDamage > 0 ? "; "
                    + lostInDamage + " of them were lost in a block of NUL bytes and are counted as skipped rows" : ""));
            skippedCount += (int) Math.min(Integer.MAX_VALUE - skippedCount, lostInDamage);
        }
        if (m < n) {
            t = Arrays.copyOf(t, m);
            v = Arrays.copyOf(v, m);
            c = Arrays.copyOf(c, m);
            step = step == null ? null : Arrays.copyOf(step, m);
            cyc = cyc == null ? null : Arrays.copyOf(cyc, m);
        }
        if (lay.timeKind() == CyclerReader.TimeKind.DATETIME) {
            double origin = t[0];
            for (int i = 0; i < m; i++) {
                t[i] -= origin;
            }
        }
        Map<String, double[]> counterMap = counterArrays(counters, k0, c, m);
        return new CyclerData(file, lay.format(), text.charset().name(), lay.dialect().describe(), t, v, c, step, cyc,
                lay.unitsDetected(), skipped, skippedCount, dup, counterMap, Double.NaN, warnings, lay.columns());
    }

    private static int count(boolean[] b) {
        int k = 0;
        for (boolean x : b) {
            if (x) {
                k++;
            }
        }
        return k;
    }

    /**
     * The cycler's counters per kept row under {@link CyclerData}'s keys: a dedicated charge or discharge
     * column as it is; an unsigned column (Maccor {@code Amp-hr}, Neware {@code Capacity(Ah)}) goes to
     * the charge key on rows with I &gt; 0 and the discharge key on rows with I &lt; 0 (0 elsewhere).
     */
    private static Map<String, double[]> counterArrays(List<Counter> counters, double[][] k0, double[] current, int m) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int k = 0; k < counters.size(); k++) {
            Counter ct = counters.get(k);
            double[] vals = Arrays.copyOf(k0[k], m);
            if (ct.direction() != 0) {
                double[] abs = vals.clone();
                for (int i = 0; i < m; i++) {
                    abs[i] = Math.abs(abs[i]); // BioLogic writes Q discharge negative in some versions
                }
                out.put(CyclerColumns.key(ct.capacity(), ct.direction() > 0), abs);
            } else {
                double[] chg = new double[m];
                double[] dch = new double[m];
                for (int i = 0; i < m; i++) {
                    if (current[i] > 0) {
                        chg[i] = Math.abs(vals[i]);
                    } else if (current[i] < 0) {
                        dch[i] = Math.abs(vals[i]);
                    }
                }
                out.put(CyclerColumns.key(ct.capacity(), true), chg);
                out.put(CyclerColumns.key(ct.capacity(), false), dch);
            }
        }
        return out;
    }

    /**
     * Sequential pass over a nested export: marks the cycle and step rows (structural, not data) and
     * gives every record row the cycle and step of its parent rows.
     */
    private static boolean[] nestedParents(TextFile text, Layout lay, int first, int n, int[] step, int[] cycle) {
        CyclerLayouts.Nesting nest = lay.nesting();
        boolean[] structural = new boolean[n];
        char d = nest.delimiter();
        int curCycle = -1;
        int curStep = -1;
        int recordLevel = nest.levels() - 1;
        for (int i = 0; i < n; i++) {
            String line = text.line(first + i);
            if (line.isBlank()) {
                continue;
            }
            int level = nest.level(line);
            if (level >= recordLevel) {
                if (step != null) {
                    step[i] = curStep;
                }
                if (cycle != null) {
                    cycle[i] = curCycle;
                }
                continue;
            }
            structural[i] = true;
            List<String> f = Delimited.split(line, d);
            if (level == 0) {
                curCycle = nest.cycleField() >= 0 && f.size() > nest.cycleField() ? intOf(f.get(nest.cycleField()), curCycle) : curCycle;
                if (f.size() > nest.level0Fields() && nest.stepField() >= 1) {
                    // the first step row continues the cycle row without its leading empty field
                    int at = nest.level0Fields() + nest.stepField() - 1;
                    if (at < f.size()) {
                        curStep = intOf(f.get(at), curStep);
                    }
                }
            } else if (level == 1 && nest.stepField() >= 0 && f.size() > nest.stepField()) {
                curStep = intOf(f.get(nest.stepField()), curStep);
            }
        }
        return structural;
    }

    private static int intOf(String s, int fallback) {
        double x = Delimited.parse(s, '.');
        return Double.isNaN(x) ? fallback : (int) x;
    }
}
