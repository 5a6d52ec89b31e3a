package org.cathodekit.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.JsonOutput;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An Athena (Demeter) project file, {@code .prj}: gzip'd (rarely plain) text in one of two generations, both read
 * without evaluating anything:
 * <ul>
 *   <li>Demeter 0.9.26 and later: JSON, one object per group {@code {"args": {...}, "x": [...], "y": [...]}}
 *       plus {@code _____order} (group order) and header keys ({@code core.JsonOutput} parses it);</li>
 *   <li>older Demeter and Athena 0.8: a Perl data dump, per group {@code $old_group = 'name'; @args = (k, v, ...);
 *       @x = (...); @y = (...); [@i0, @signal]} ({@link PerlDataTokens}).</li>
 * </ul>
 * For a mu(E) record {@code x} is the energy as measured (eV) and {@code y} is mu. Athena calibrates
 * the energy axis by its shift {@code bkg_eshift} (aligning each scan to its reference foil), and its
 * {@code bkg_e0} and windows refer to the shifted axis {@code x + bkg_eshift}
 * ({@link Group#energiesEv()}; on larch's NiO project the eleven shifted scans' half-steps agree within
 * 0.26 eV while the raw ones drift by 5.3 eV). Athena's own results are kept beside the arrays ({@link AthenaParameters}).
 *
 * @param file       the project (never modified)
 * @param generation {@code "Demeter JSON"} or {@code "Demeter Perl data"}
 * @param header     the {@code # Athena project file -- Demeter version ...} line(s)
 * @param groups     the groups in project order
 * @param warnings   statements skipped (code instead of data), ...
 */
public record AthenaProject(Path file, String generation, String header, List<Group> groups, List<String> warnings) {

    public AthenaProject {
        groups = List.copyOf(groups);
        warnings = List.copyOf(warnings);
    }

    /**
     * Athena's stored background/normalisation parameters of one group (NaN where absent). Energies in
     * eV; pre/nor bounds relative to {@code e0Ev} as Athena stores them.
     *
     * @param e0Ev        {@code bkg_e0}
     * @param eshiftEv    {@code bkg_eshift}: Athena's energy calibration shift, applied by {@link Group#energiesEv()}
     * @param pre1Ev      {@code bkg_pre1}
     * @param pre2Ev      {@code bkg_pre2}
     * @param nor1Ev      {@code bkg_nor1}
     * @param nor2Ev      {@code bkg_nor2}
     * @param nnorm       {@code bkg_nnorm}: order of the post-edge polynomial
     * @param edgeStep    {@code bkg_step}: Athena's edge step (units of mu)
     */
    public record AthenaParameters(double e0Ev, double eshiftEv, double pre1Ev, double pre2Ev, double nor1Ev, double nor2Ev,
                                   double nnorm, double edgeStep) {
        /** @return the JSON object shown beside our metrics (snake_case keys with units). */
        public ObjectNode toJson() {
            return JsonOutput.object().put("e0_eV", e0Ev).put("eshift_eV", eshiftEv).put("pre1_eV", pre1Ev).put("pre2_eV", pre2Ev)
                    .put("nor1_eV", nor1Ev).put("nor2_eV", nor2Ev).put("nnorm", nnorm).put("edge_step", edgeStep);
        }
    }

    /**
     * One group (record) of the project.
     *
     * @param name       the record name ({@code $old_group} or the JSON key)
     * @param label      Athena's label ({@code args.label}; the name when absent)
     * @param recordType Athena's {@code recordtype} ({@code mu(E)}, {@code merged mu(E)}, ...; {@code mu(E)} when absent),
     *                   {@code chi(k)}/{@code chi(R)}/{@code chi(q)} when {@code is_chi}/{@code is_rsp}/{@code is_qsp};
     *                   only energy records ({@code (E)}) are spectra
     * @param x          {@code x} values (energy, eV), null when the group holds no arrays (accessor returns a copy)
     * @param y          {@code y} values (mu), null when absent
     * @param arrays     names of the arrays the group holds ({@code x}, {@code y}, {@code i0}, {@code signal}, ...)
     * @param athena     Athena's stored parameters
     */
    public record Group(String name, String label, String recordType, double[] x, double[] y, List<String> arrays,
                        AthenaParameters athena) {
        public Group {
            x = x == null ? null : x.clone();
            y = y == null ? null : y.clone();
            arrays = List.copyOf(arrays);
        }

        @Override
        public double[] x() {
            return x == null ? null : x.clone();
        }

        @Override
        public double[] y() {
            return y == null ? null : y.clone();
        }

        /** @return Athena's calibrated energies {@code x + bkg_eshift} (eV; no shift when none is stored), null without x. */
        public double[] energiesEv() {
            if (x == null) {
                return null;
            }
            double s = Double.isFinite(athena.eshiftEv()) ? athena.eshiftEv() : 0.0;
            double[] e = x.clone();
            for (int i = 0; i < e.length; i++) {
                e[i] += s;
            }
            return e;
        }

        /** @return points in the group (0 without arrays). */
        public int points() {
            return x == null ? 0 : x.length;
        }
    }

    /** @return whether the first bytes are gzip ({@code 1F 8B}), as every Athena project is. */
    public static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    /**
     * @return whether the first bytes look like an Athena project: gzip, or the uncompressed text of
     *         one ({@code # Athena project file} as Athena 0.8 wrote, or Demeter JSON's {@code {"_____})
     */
    public static boolean looksLikeProject(byte[] head) {
        if (isGzip(head)) {
            return true;
        }
        String t = new String(head, 0, Math.min(head.length, 200), StandardCharsets.ISO_8859_1).stripLeading();
        return t.startsWith("# Athena project file") || t.startsWith("{\"_____");
    }

    /**
     * Reads a project (gzip'd, or uncompressed as Athena 0.8 and some tools wrote them).
     *
     * @throws DataFormatException naming the file and line/group: not gzip, neither generation, a
     *                             malformed literal, non-numeric array values
     */
    public static AthenaProject read(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataFormatException(file, null, Files.exists(file) ? "cannot be read: " + e.getMessage() : "file not found", e);
        }
        if (!looksLikeProject(raw)) {
            throw new DataFormatException(file, "offset 0", "neither gzip-compressed nor an uncompressed project ('# Athena project "
                    + "file' or '{\"_____'); expected an Athena project (.prj, Demeter JSON or Perl data)");
        }
        String text;
        if (isGzip(raw)) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DataFormatException(file, null, "gzip stream cannot be decompressed: " + e.getMessage(), e);
            }
        } else {
            text = new String(raw, StandardCharsets.UTF_8);
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            return readJson(file, text);
        }
        if (text.contains("$old_group")) {
            return readPerl(file, text);
        }
        throw new DataFormatException(file, "uncompressed text", "neither Demeter JSON ('{' first) nor a Perl data dump "
                + "('$old_group = ...'); not an Athena project");
    }

    /** @return the group whose label (or record name) is {@code label}; null picks the only group. */
    public Group group(String label) {
        if (groups.isEmpty()) {
            throw new DataFormatException(file, null, "project holds no groups");
        }
        Group g = null;
        if (label == null) {
            if (groups.size() != 1) {
                throw new DataFormatException(file, null, "holds " + groups.size() + " groups; choose one with --group LABEL: "
                        + labels());
            }
            g = groups.get(0);
        } else {
            for (Group c : groups) {
                if (c.label().equals(label) || c.name().equals(label)) {
                    g = c;
                    break;
                }
            }
            if (g == null) {
                for (Group c : groups) {
                    if (c.label().strip().equalsIgnoreCase(label.strip())) {
                        g = c;
                        break;
                    }
                }
            }
            if (g == null) {
                throw new DataFormatException(file, "--group '" + label + "'", "no such group; groups are " + labels());
            }
        }
        if (g.x() == null || g.y() == null) {
            throw new DataFormatException(file, "group '" + g.label() + "'", "holds no " + (g.x() == null ? "x (energy)" : "y (mu)")
                    + " array; expected @x and @y (arrays present: " + g.arrays() + ")");
        }
        if (g.x().length != g.y().length) {
            throw new DataFormatException(file, "group '" + g.label() + "'", "x has " + g.x().length + " values but y has "
                    + g.y().length + "; expected one mu per energy");
        }
        if (!g.recordType().toLowerCase(java.util.Locale.ROOT).contains("(e)")) {
            throw new DataFormatException(file, "group '" + g.label() + "'", "is a " + g.recordType() + " record; expected mu(E)");
        }
        return g;
    }

    /** @return the group labels in project order. */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (Group g : groups) {
            out.add(g.label());
        }
        return out;
    }

    private static AthenaProject readJson(Path file, String text) {
        Object parsed;
        try {
            parsed = JsonOutput.parse(text);
        } catch (RuntimeException e) {
            throw new DataFormatException(file, "uncompressed JSON", "is not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> top)) {
            throw new DataFormatException(file, "uncompressed JSON", "top level is not an object; expected one object per group");
        }
        StringBuilder header = new StringBuilder();
        List<String> order = new ArrayList<>();
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (k.startsWith("_____header") && e.getValue() instanceof String h) {
                header.append(header.length() > 0 ? " | " : "").append(h.replaceFirst("^#\\s*", ""));
            } else if (!k.startsWith("_____")) {
                order.add(k);
            }
        }
        if (top.get("_____order") instanceof List<?> o && !o.isEmpty()) {
            List<String> given = new ArrayList<>();
            for (Object x : o) {
                given.add(String.valueOf(x));
            }
            for (String k : order) {
                if (!given.contains(k)) {
                    given.add(k);
                }
            }
            order = given;
        }
        List<Group> groups = new ArrayList<>();
        for (String k : order) {
            if (!(top.get(k) instanceof Map<?, ?> g)) {
                continue;
            }
            Map<String, Object> args = new LinkedHashMap<>();
            if (g.get("args") instanceof Map<?, ?> a) {
                a.forEach((kk, vv) -> args.put(String.valueOf(kk), vv));
            }
            List<String> arrays = new ArrayList<>();
            Map<String, Object> lists = new LinkedHashMap<>();
            g.forEach((kk, vv) -> {
                if (!"args".equals(kk) && vv instanceof List<?>) {
                    arrays.add(String.valueOf(kk));
                    lists.put(String.valueOf(kk), vv);
                }
            });
            groups.add(group(file, k, args, lists, arrays));
        }
        return new AthenaProject(file, "Demeter JSON", header.toString(), groups, List.of());
    }

    private static AthenaProject readPerl(Path file, String text) {
        StringBuilder header = new StringBuilder();
        for (String l : text.lines().limit(5).toList()) {
            if (l.startsWith("# Athena project file") || l.startsWith("# Using Demeter") || l.startsWith("# using ")) {
                header.append(header.length() > 0 ? " | " : "").append(l.replaceFirst("^#\\s*", ""));
            }
        }
        List<Group> groups = new ArrayList<>();
        String name = null;
        Map<String, Object> args = new LinkedHashMap<>();
        Map<String, Object> lists = new LinkedHashMap<>();
        List<String> arrays = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PerlDataTokens.Assignment a : PerlDataTokens.assignments(file, text, skipped)) {
            if (a.sigil() == '$' && a.name().equals("old_group")) {
                if (name != null) {
                    groups.add(group(file, name, args, lists, arrays));
                }
                name = String.valueOf(a.value());
                args = new LinkedHashMap<>();
                lists = new LinkedHashMap<>();
                arrays = new ArrayList<>();
            } else if (name != null && a.sigil() == '@' && a.name().equals("args") && a.value() instanceof List<?> kv) {
                for (int i = 0; i + 1 < kv.size(); i += 2) {
                    args.put(String.valueOf(kv.get(i)), kv.get(i + 1));
                }
            } else if (name != null && a.sigil() == '@' && !a.name().equals("journal") && a.value() instanceof List<?> v) {
                arrays.add(a.name());
                lists.put(a.name(), v);
            }
        }
        if (name != null) {
            groups.add(group(file, name, args, lists, arrays));
        }
        return new AthenaProject(file, "Demeter Perl data", header.toString(), groups, skipped);
    }

    private static Group group(Path file, String name, Map<String, Object> args, Map<String, Object> lists, List<String> arrays) {
        String label = args.get("label") instanceof String l && !l.isBlank() ? l : name;
        String type = args.get("recordtype") instanceof String r && !r.isBlank() ? r : "mu(E)";
        if (truthy(args.get("is_chi"))) {
            type = "chi(k)";
        } else if (truthy(args.get("is_rsp"))) {
            type = "chi(R)";
        } else if (truthy(args.get("is_qsp"))) {
            type = "chi(q)";
        }
        double[] x = numbers(file, name, "x", lists.get("x"));
        double[] y = numbers(file, name, "y", lists.get("y"));
        AthenaParameters p = new AthenaParameters(num(args.get("bkg_e0")), num(args.get("bkg_eshift")), num(args.get("bkg_pre1")),
                num(args.get("bkg_pre2")), num(args.get("bkg_nor1")), num(args.get("bkg_nor2")), num(args.get("bkg_nnorm")),
                num(args.get("bkg_step")));
        return new Group(name, label, type, x, y, arrays, p);
    }

    private static boolean truthy(Object o) {
        double v = num(o);
        return Double.isFinite(v) && v != 0;
    }

    private static double num(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static double[] numbers(Path file, String group, String array, Object list) {
        if (!(list instanceof List<?> l) || l.isEmpty()) {
            return null;
        }
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = num(l.get(i));
            if (!Double.isFinite(v[i])) {
                throw new DataFormatException(file, "group '" + group + "', array " + array + ", element " + (i + 1), "value '"
                        + l.get(i) + "' is not a finite number");
            }
        }
        return v;
    }
}
