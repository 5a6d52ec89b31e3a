package org.cathodekit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.healthmarketscience.jackcess.ColumnBuilder;
import com.healthmarketscience.jackcess.DataType;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Table;
import com.healthmarketscience.jackcess.TableBuilder;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.io.NativeCyclerFiles;

/**
 * Speed of the native cycler readers on long synthetic runs (not a test). Run:
 * {@code java -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.bench.NativeCyclerBenchmark [rows] [keepDir]}
 * (with {@code keepDir} the two files are written there and kept, to time whole commands).
 * Writes a BioLogic {@code .mpr} ({@link SyntheticMprFile}) and an Arbin {@code .res} (an Access
 * database made by Jackcess, with the columns of a real {@code Channel_Normal_Table}) of {@code rows}
 * points (default 1,000,000) into a temporary folder, then reads each through
 * {@link NativeCyclerFiles#read}: the first read in this JVM (what a command-line run pays, class
 * loading included) and the best of three more. Checks the rows read back and the planted last value.
 */
public final class NativeCyclerBenchmark {
    private NativeCyclerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        // a second argument keeps the files there, to time whole commands (./cathodekit inspect --input DIR/bench.res)
        boolean keep = args.length > 1;
        Path dir = keep ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("native-cycler-bench");
        try {
            SyntheticMprFile.Series s = series(rows);
            Path mpr = dir.resolve("bench.mpr");
            long t0 = System.nanoTime();
            SyntheticMprFile.of(SyntheticMprFile.Variant.V3).write(mpr, s);
            report("mpr", mpr, CyclerFormat.BIOLOGIC_MPR, rows, s, (System.nanoTime() - t0) / 1e9);
            Path res = dir.resolve("bench.res");
            t0 = System.nanoTime();
            writeRes(res, s);
            report("res", res, CyclerFormat.ARBIN_RES, rows, s, (System.nanoTime() - t0) / 1e9);
        } finally {
            if (keep) {
                return;
            }
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void report(String name, Path f, CyclerFormat format, int rows, SyntheticMprFile.Series s,
            double writeS) throws IOException {
        long t0 = System.nanoTime();
        CyclerData d = NativeCyclerFiles.read(f, format);
        double first = (System.nanoTime() - t0) / 1e9;
        double best = Double.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            t0 = System.nanoTime();
            d = NativeCyclerFiles.read(f, format);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        boolean ok = d.size() == rows && d.timeAt(rows - 1) == s.timeS()[rows - 1]
                && (float) d.voltageAt(rows - 1) == s.eweV()[rows - 1];
        System.out.printf(Locale.ROOT, "%s: %d rows, %.1f MB, written in %.1f s; read: first %.2f s, best of 3 %.2f s"
                + " (%.0f ns/row); values check %s; warnings %s%n", name, d.size(), Files.size(f) / 1e6, writeS, first, best,
                best * 1e9 / rows, ok ? "ok" : "FAILED", d.warnings());
    }

    /** A GITT-like run: 1 s logging, 600-row pulses of +-0.5 mA between 600-row rests. */
    static SyntheticMprFile.Series series(int n) {
        double[] t = new double[n];
        float[] v = new float[n];
        float[] i = new float[n];
        int[] ns = new int[n];
        int[] cyc = new int[n];
        for (int k = 0; k < n; k++) {
            t[k] = k;
            boolean pulse = (k / 600) % 2 == 1;
            i[k] = pulse ? 0.5f : 0f;
            v[k] = (float) (3.6 + 1e-7 * k + (pulse ? 0.02 : 0));
            ns[k] = pulse ? 2 : 1;
            cyc[k] = 1 + k / 100_000;
        }
        return new SyntheticMprFile.Series(t, v, i, ns, cyc);
    }

    /** An Arbin-like Channel_Normal_Table (and Global_Table) of the series, in batches. */
    static void writeRes(Path f, SyntheticMprFile.Series s) throws IOException {
        try (Database db = DatabaseBuilder.create(Database.FileFormat.V2003, f.toFile())) {
            Table t = new TableBuilder("Channel_Normal_Table")
                    .addColumn(new ColumnBuilder("Test_ID", DataType.LONG))
                    .addColumn(new ColumnBuilder("Data_Point", DataType.LONG))
                    .addColumn(new ColumnBuilder("Test_Time", DataType.DOUBLE))
                    .addColumn(new ColumnBuilder("Step_Time", DataType.DOUBLE))
                    .addColumn(new ColumnBuilder("DateTime", DataType.DOUBLE))
                    .addColumn(new ColumnBuilder("Step_Index", DataType.INT))
                    .addColumn(new ColumnBuilder("Cycle_Index", DataType.INT))
                    .addColumn(new ColumnBuilder("Is_FC_Data", DataType.BYTE))
                    .addColumn(new ColumnBuilder("Current", DataType.FLOAT))
                    .addColumn(new ColumnBuilder("Voltage", DataType.FLOAT))
                    .addColumn(new ColumnBuilder("Charge_Capacity", DataType.DOUBLE))
                    .addColumn(new ColumnBuilder("Discharge_Capacity", DataType.DOUBLE))
                    .addColumn(new ColumnBuilder("Charge_Energy", DataType.DOUBLE))
                    .addColumn(new ColumnBuilder("Discharge_Energy", DataType.DOUBLE))
                    .addColumn(new ColumnBuilder("dV/dt", DataType.FLOAT))
                    .toTable(db);
            List<Object[]> batch = new ArrayList<>();
            double q = 0;
            double e = 0;
            for (int k = 0; k < s.size(); k++) {
                double amps = s.currentMa()[k] / 1000.0;
                if (k > 0) {
                    double dt = s.timeS()[k] - s.timeS()[k - 1];
                    q += Math.max(amps, 0) * dt / 3600;
                    e += Math.max(amps, 0) * s.eweV()[k] * dt / 3600;
                }
                batch.add(new Object[] {1, k + 1, s.timeS()[k], s.timeS()[k], 45000.0 + s.timeS()[k] / 86400, s.ns()[k],
                    s.cycle()[k], (byte) 0, (float) amps, s.eweV()[k], q, 0.0, e, 0.0, 0f});
                if (batch.size() == 20_000) {
                    t.addRows(batch);
                    batch.clear();
                }
            }
            t.addRows(batch);
            new TableBuilder("Global_Table").addColumn(new ColumnBuilder("Test_ID", DataType.LONG))
                    .addColumn(new ColumnBuilder("MASS", DataType.FLOAT)).toTable(db).addRow(1, 0.005f);
        }
    }
}
