package org.cathodekit.io;

import java.util.HashMap;
import java.util.Map;

/**
 * The column-ID table of a BioLogic {@code .mpr} data module: each ID's name (as EC-Lab writes it in
 * the {@code .mpt} header), unit and stored type. IDs grow with EC-Lab versions; an ID missing here
 * is refused by {@link BiologicMprReader} (naming the ID, the module version and the offset), since
 * without its width no record can be cut.
 *
 * <p>Provenance: the layout facts were learnt from reading the documentation and sources of galvani
 * (echemdata/galvani, {@code BioLogic.py}) and yadg (dgbowl/yadg, {@code extractors/eclab}), both GPL;
 * this table is written anew and each entry was checked against real files of those projects' test
 * suites by the record width (sum of widths x points = module length) and, where an {@code .mpt}
 * export of the same run exists, by the column order and values of that export. EC-Lab 11.x stores
 * some quantities under the ID plus 256 (e.g. 467 for 211, {@code Q charge/discharge}); those seen in
 * real files are listed explicitly, not derived, so an unseen ID is still refused.
 *
 * <p>Flag IDs ({@code mode}, {@code ox/red}, {@code error}, {@code control changes}, {@code Ns changes},
 * {@code counter inc.}) are not columns: they share one byte, placed where the first flag ID stands,
 * each flag a bit mask of it.
 */
final class MprColumns {
    /** Stored type of a column: little-endian. */
    enum Type {
        U1(1), U2(2), U4(4), F4(4), F8(8);

        final int bytes;

        Type(int bytes) {
            this.bytes = bytes;
        }
    }

    /** One column: name as in the .mpt header (without unit), unit (may be empty) and type. */
    record Column(int id, String name, String unit, Type type) {
        String label() {
            return unit.isEmpty() ? name : name + "/" + unit;
        }
    }

    /** A flag packed in the flags byte. */
    record Flag(int id, String name, int mask) {
    }

    private static final Map<Integer, Column> COLUMNS = new HashMap<>();
    private static final Map<Integer, Flag> FLAGS = new HashMap<>();

    static {
        flag(1, "mode", 0x03);
        flag(2, "ox/red", 0x04);
        flag(3, "error", 0x08);
        flag(21, "control changes", 0x10);
        flag(31, "Ns changes", 0x20);
        flag(65, "counter inc.", 0x80);

        c(4, "time", "s", Type.F8);
        c(5, "control", "V/mA", Type.F4);
        c(6, "Ewe", "V", Type.F4);
        c(7, "dq", "mA.h", Type.F8);
        c(8, "I", "mA", Type.F4);
        c(9, "Ece", "V", Type.F4);
        c(11, "<I>", "mA", Type.F8);
        c(13, "(Q-Qo)", "mA.h", Type.F8);
        c(16, "Analog IN 1", "V", Type.F4);
        c(17, "Analog IN 2", "V", Type.F4);
        c(19, "control", "V", Type.F4);
        c(20, "control", "mA", Type.F4);
        c(23, "dQ", "mA.h", Type.F8);
        c(24, "cycle number", "", Type.F8);
        c(26, "Rapp", "Ohm", Type.F4);
        c(27, "Ewe-Ece", "V", Type.F4);
        c(32, "freq", "Hz", Type.F4);
        c(33, "|Ewe|", "V", Type.F4);
        c(34, "|I|", "A", Type.F4);
        c(35, "Phase(Z)", "deg", Type.F4);
        c(36, "|Z|", "Ohm", Type.F4);
        c(37, "Re(Z)", "Ohm", Type.F4);
        c(38, "-Im(Z)", "Ohm", Type.F4);
        c(39, "I Range", "", Type.U2);
        c(45, "|Z1|", "Ohm", Type.F4);
        c(46, "|Z2|", "Ohm", Type.F4);
        c(69, "Rwe", "Ohm", Type.F4);
        c(70, "P", "W", Type.F4);
        c(74, "|Energy|", "W.h", Type.F8);
        c(75, "Analog OUT", "V", Type.F4);
        c(76, "<I>", "mA", Type.F4);
        c(77, "<Ewe>", "V", Type.F4);
        c(78, "Cs-2", "µF-2", Type.F4);
        c(96, "|Ece|", "V", Type.F4);
        c(98, "Phase(Zce)", "deg", Type.F4);
        c(99, "|Zce|", "Ohm", Type.F4);
        c(100, "Re(Zce)", "Ohm", Type.F4);
        c(101, "-Im(Zce)", "Ohm", Type.F4);
        c(110, "Energy ce", "W.h", Type.F8);
        c(112, "Energy we", "W.h", Type.F8);
        c(115, "Energy ce charge", "W.h", Type.F8);
        c(116, "Energy ce discharge", "W.h", Type.F8);
        c(123, "Energy charge", "W.h", Type.F8);
        c(124, "Energy discharge", "W.h", Type.F8);
        c(125, "Capacitance charge", "µF", Type.F8);
        c(126, "Capacitance discharge", "µF", Type.F8);
        c(131, "Ns", "", Type.U2);
        c(135, "<E1>", "V", Type.F4);
        c(136, "<E2>", "V", Type.F4);
        c(163, "|Estack|", "V", Type.F4);
        c(168, "Rcmp", "Ohm", Type.F4);
        c(169, "Cs", "µF", Type.F4);
        c(172, "Cp", "µF", Type.F4);
        c(173, "Cp-2", "µF-2", Type.F4);
        c(174, "<Ewe>", "V", Type.F4); // Phase(Zwe-ce)/deg when Ewe (6) or <Ewe> (77) is also present
        c(175, "|Zwe-ce|", "Ohm", Type.F4);
        c(176, "Re(Zwe-ce)", "Ohm", Type.F4);
        c(177, "-Im(Zwe-ce)", "Ohm", Type.F4);
        c(178, "(Q-Qo)", "C", Type.F4);
        c(179, "dQ", "C", Type.F4);
        c(182, "step time", "s", Type.F8);
        c(185, "<Ece>", "V", Type.F4);
        c(206, "Temperature", "°C", Type.F4);
        c(211, "Q charge/discharge", "mA.h", Type.F8);
        c(212, "half cycle", "", Type.U4);
        c(213, "z cycle", "", Type.U4);
        c(215, "<Ece>", "V", Type.F4);
        c(217, "THD Ewe", "%", Type.F4);
        c(218, "THD I", "%", Type.F4);
        c(220, "NSD Ewe", "%", Type.F4);
        c(221, "NSD I", "%", Type.F4);
        c(223, "NSR Ewe", "%", Type.F4);
        c(224, "NSR I", "%", Type.F4);
        for (int h = 2; h <= 7; h++) {
            c(228 + h, "|Ewe h" + h + "|", "V", Type.F4);
            c(234 + h, "|I h" + h + "|", "A", Type.F4);
        }
        c(242, "|E2|", "V", Type.F4);
        // EC-Lab 11.x numbering (ID + 256 and more), as seen in real files
        c(265, "Ece", "V", Type.F4);
        c(271, "Phase(Z1)", "deg", Type.F4);
        c(272, "Analog IN 1", "V", Type.F4);
        c(295, "I Range", "", Type.U2);
        c(301, "|Z1|", "Ohm", Type.F4);
        c(326, "P", "W", Type.F4);
        c(352, "|Ece|", "V", Type.F4);
        c(368, "Energy we", "W.h", Type.F8);
        c(379, "Energy charge", "W.h", Type.F8);
        c(424, "Rcmp", "Ohm", Type.F4);
        c(426, "<Estack>", "V", Type.F4);
        c(430, "Phase(Zwe-ce)", "deg", Type.F4);
        c(431, "|Zwe-ce|", "Ohm", Type.F4);
        c(432, "Re(Zwe-ce)", "Ohm", Type.F4);
        c(433, "-Im(Zwe-ce)", "Ohm", Type.F4);
        c(434, "(Q-Qo)", "C", Type.F4);
        c(435, "dQ", "C", Type.F4);
        c(438, "step time", "s", Type.F8);
        c(441, "<Ece>", "V", Type.F4);
        c(462, "Temperature", "°C", Type.F4);
        c(467, "Q charge/discharge", "mA.h", Type.F8);
        c(468, "half cycle", "", Type.U4);
        c(469, "z cycle", "", Type.U4);
        c(471, "<Ece>", "V", Type.F4);
        c(473, "THD Ewe", "%", Type.F4);
        c(474, "THD I", "%", Type.F4);
        c(476, "NSD Ewe", "%", Type.F4);
        c(477, "NSD I", "%", Type.F4);
        c(479, "NSR Ewe", "%", Type.F4);
        c(480, "NSR I", "%", Type.F4);
        for (int h = 2; h <= 7; h++) {
            c(484 + h, "|Ewe h" + h + "|", "V", Type.F4);
            c(490 + h, "|I h" + h + "|", "A", Type.F4);
        }
        c(498, "Q charge", "mA.h", Type.F8);
        c(499, "Q discharge", "mA.h", Type.F8);
        c(500, "step time", "s", Type.F8);
        c(501, "Efficiency", "%", Type.F8);
        c(502, "Capacity", "mA.h", Type.F8);
        c(505, "Rdc", "Ohm", Type.F4);
        c(509, "Acir/Dcir Control", "", Type.U1);
        c(884, "Energy ce discharge", "W.h", Type.F8);
        c(893, "Capacitance charge", "µF", Type.F8);
        c(981, "z cycle", "", Type.U4);
    }

    private MprColumns() {
    }

    private static void c(int id, String name, String unit, Type type) {
        if (COLUMNS.put(id, new Column(id, name, unit, type)) != null) {
            throw new IllegalStateException("duplicate .mpr column ID " + id);
        }
    }

    private static void flag(int id, String name, int mask) {
        FLAGS.put(id, new Flag(id, name, mask));
    }

    /** @return the column of an ID, or null when the ID is a flag or unknown. */
    static Column column(int id) {
        return COLUMNS.get(id);
    }

    /** @return the flag of an ID, or null. */
    static Flag flag(int id) {
        return FLAGS.get(id);
    }
}
