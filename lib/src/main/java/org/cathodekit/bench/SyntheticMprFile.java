package org.cathodekit.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cathodekit.core.AtomicFiles;

/**
 * Writes BioLogic {@code .mpr} files with planted values for the reader's tests and benchmark (not a
 * general writer): the magic, a {@code VMP Set} module (active mass at 0x107), a {@code VMP data}
 * module and a {@code VMP LOG} module, laid out as EC-Lab lays them (see
 * {@code io.BiologicMprReader}). Columns, in order: the flags byte (IDs 1, 2, 3, 21, 31, 65; mode 1,
 * ox/red set when the current is positive), {@code Ns} (131), {@code time/s} (4),
 * {@code control/V/mA} (5), {@code Ewe/V} (6), {@code I/mA} (8, left out for {@link #gcpl} files, as
 * EC-Lab's GCPL does), {@code dq/mA.h} (7), {@code (Q-Qo)/mA.h} (13), {@code I Range} (39),
 * {@code cycle number} (24), then any {@link #extraIds} (4 zero bytes each).
 */
public final class SyntheticMprFile {
    /** The data module's header and ID layout. */
    public enum Variant {
        /** data module version 2: IDs u2 little-endian, records at 405 */
        V2,
        /** data module version 3: records at 406 */
        V3,
        /** EC-Lab 11.50 headers (0xFFFFFFFF marker, version 0 / 11): IDs u2 big-endian, records at 1007 */
        ECLAB_11_50
    }

    /** A series to write: time [s], Ewe [V], I [mA], Ns and cycle per row. */
    public record Series(double[] timeS, float[] eweV, float[] currentMa, int[] ns, int[] cycle) {
        public int size() {
            return timeS.length;
        }
    }

    private final Variant variant;
    private final boolean gcpl;
    private final int[] extraIds;
    private final float massMg;

    private SyntheticMprFile(Variant variant, boolean gcpl, int[] extraIds, float massMg) {
        this.variant = variant;
        this.gcpl = gcpl;
        this.extraIds = extraIds;
        this.massMg = massMg;
    }

    /** A writer of {@code variant} with I stored, no extra columns, EC-Lab's default mass 0.001 mg. */
    public static SyntheticMprFile of(Variant variant) {
        return new SyntheticMprFile(variant, false, new int[0], 0.001f);
    }

    /** @return a copy writing GCPL-style records (no {@code I/mA}; the reader derives it from dq). */
    public SyntheticMprFile gcpl() {
        return new SyntheticMprFile(variant, true, extraIds, massMg);
    }

    /** @return a copy appending these column IDs (4 zero bytes each) to the table. */
    public SyntheticMprFile extraIds(int... ids) {
        return new SyntheticMprFile(variant, gcpl, ids.clone(), massMg);
    }

    /** @return a copy stating this active mass [mg] in the settings module. */
    public SyntheticMprFile massMg(float mg) {
        return new SyntheticMprFile(variant, gcpl, extraIds, mg);
    }

    /** The column IDs written, in order. */
    public int[] columnIds() {
        List<Integer> ids = new ArrayList<>(List.of(1, 2, 3, 21, 31, 65, 131, 4, 5, 6));
        if (!gcpl) {
            ids.add(8);
        }
        ids.addAll(List.of(7, 13, 39, 24));
        for (int e : extraIds) {
            ids.add(e);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Bytes of one record. */
    public int recordBytes() {
        return 1 + 2 + 8 + 4 + 4 + (gcpl ? 0 : 4) + 8 + 8 + 2 + 8 + 4 * extraIds.length;
    }

    /** Writes {@code s} to {@code out} (atomically). */
    public void write(Path out, Series s) throws IOException {
        AtomicFiles.writeStream(out, os -> {
            try (OutputStream o = new BufferedOutputStream(os, 1 << 20)) {
                o.write(magic());
                byte[] set = new byte[0x300];
                set[0] = 4; // technique code EC-Lab writes for GCPL
                ByteBuffer.wrap(set).order(ByteOrder.LITTLE_ENDIAN).putFloat(0x107, massMg);
                o.write(header("VMP Set", "VMP settings", set.length, 10));
                o.write(set);
                writeData(o, s);
                byte[] log = new byte[0x400];
                o.write(header("VMP LOG", "VMP LOG", log.length, 10));
                o.write(log);
            }
        });
    }

    private void writeData(OutputStream o, Series s) throws IOException {
        int[] ids = columnIds();
        int start = switch (variant) {
            case V2 -> 405;
            case V3 -> 406;
            case ECLAB_11_50 -> 0x3EF;
        };
        int n = s.size();
        long length = start + (long) n * recordBytes();
        o.write(header("VMP data", "VMP data", length, 11));
        ByteBuffer head = ByteBuffer.allocate(start).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(0, n);
        head.put(4, (byte) ids.length);
        for (int k = 0; k < ids.length; k++) {
            int at = 5 + 2 * k;
            if (variant == Variant.ECLAB_11_50) {
                head.put(at, (byte) (ids[k] >> 8)).put(at + 1, (byte) ids[k]);
            } else {
                head.putShort(at, (short) ids[k]);
            }
        }
        if (variant == Variant.V3) {
            head.put(405, (byte) 1);
        }
        o.write(head.array());
        int rec = recordBytes();
        int chunk = 8192;
        ByteBuffer b = ByteBuffer.allocate(rec * chunk).order(ByteOrder.LITTLE_ENDIAN);
        double q = 0;
        for (int i = 0; i < n; i++) {
            double dt = i == 0 ? 0 : s.timeS()[i] - s.timeS()[i - 1];
            // dq over the interval ending at row i; the average current over it is I[i] (what EC-Lab's <I> means)
            double dq = i == 0 ? 0 : s.currentMa()[i] * dt / 3600.0;
            q += dq;
            byte flags = (byte) (1 | (s.currentMa()[i] > 0 ? 0x04 : 0));
            b.put(flags);
            b.putShort((short) s.ns()[i]);
            b.putDouble(s.timeS()[i]);
            b.putFloat(s.currentMa()[i]);
            b.putFloat(s.eweV()[i]);
            if (!gcpl) {
                b.putFloat(s.currentMa()[i]);
            }
            b.putDouble(dq);
            b.putDouble(q);
            b.putShort((short) 7);
            b.putDouble(s.cycle()[i]);
            for (int e = 0; e < extraIds.length; e++) {
                b.putFloat(0f);
            }
            if (!b.hasRemaining()) {
                o.write(b.array(), 0, b.position());
                b.clear();
            }
        }
        o.write(b.array(), 0, b.position());
    }

    private static byte[] magic() {
        byte[] m = new byte[52];
        Arrays.fill(m, 0, 48, (byte) ' ');
        byte[] t = "BIO-LOGIC MODULAR FILE\u001a".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, m, 0, t.length);
        return m;
    }

    private byte[] header(String shortName, String longName, long length, int version2) {
        boolean newHeader = variant == Variant.ECLAB_11_50;
        ByteBuffer h = ByteBuffer.allocate(newHeader ? 65 : 57).order(ByteOrder.LITTLE_ENDIAN);
        h.put("MODULE".getBytes(StandardCharsets.US_ASCII));
        h.put(pad(shortName, 10, (byte) ' '));
        h.put(pad(longName, 25, (byte) ' '));
        if (newHeader) {
            h.putInt(-1).putInt((int) length).putInt(0).putInt(version2);
        } else {
            int version = shortName.equals("VMP data") ? (variant == Variant.V2 ? 2 : 3) : 0;
            h.putInt((int) length).putInt(version);
        }
        h.put("12/01/26".getBytes(StandardCharsets.US_ASCII));
        return h.array();
    }

    private static byte[] pad(String s, int n, byte fill) {
        byte[] b = new byte[n];
        Arrays.fill(b, fill);
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, 0, Math.min(n, t.length));
        return b;
    }
}
