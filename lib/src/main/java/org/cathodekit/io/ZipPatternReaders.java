package org.cathodekit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.DiffractionPattern.AxisUnit;
import org.cathodekit.core.XrdWavelength;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Diffraction patterns stored in zip containers (java.util.zip; XML by the JDK parser with DTDs refused):
 *
 * <ul>
 *   <li>Bruker {@code .brml} (DIFFRAC.SUITE): entry {@code Experiment0/RawData0.xml}; one
 *       {@code <Datum>} per step, {@code time,enabled,2theta,theta,intensity...} (2-theta the third
 *       field, counts the fifth); the tube's {@code <WaveLengthAlpha1/2 Value=...>} and
 *       {@code <WaveLengthRatio Value=...>} (Angstrom). Intensities are counts per step.</li>
 *   <li>Rigaku {@code .rasx} (SmartLab Studio II): entry {@code Data0/Profile0.txt}, tab-separated
 *       {@code 2theta intensity attenuation} (intensity = counts x attenuation, as in {@code .ras});
 *       wavelengths from {@code WavelengthKalpha1}/{@code WavelengthKalpha2} (element text or attribute) of
 *       {@code Data0/MesurementConditions0.xml} (Rigaku's spelling; the corrected spelling is also
 *       accepted).</li>
 * </ul>
 *
 * A container without its data entry is refused naming the missing entry and listing a few present.
 */
final class ZipPatternReaders {
    private ZipPatternReaders() {
    }

    /** The data entry a .brml must hold. */
    static final String BRML_DATA = "Experiment0/RawData0.xml";
    /** The data entry a .rasx must hold. */
    static final String RASX_DATA = "Data0/Profile0.txt";

    static DiffractionPattern readBrml(Path file) {
        byte[] xml = entry(file, BRML_DATA, "a Bruker .brml");
        Document doc = XrdmlReader.parseXml(file, xml, "zip entry " + BRML_DATA, "Bruker RawData XML");
        List<String> notes = new ArrayList<>();
        notes.add("Bruker .brml: " + BRML_DATA);
        NodeList data = doc.getElementsByTagNameNS("*", "Datum");
        if (data.getLength() < 3) {
            throw new DataFormatException(file, "zip entry " + BRML_DATA, data.getLength()
                    + " <Datum> elements; expected one per step (time,enabled,2theta,theta,counts)");
        }
        int n = data.getLength();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String t = data.item(i).getTextContent().trim();
            String[] f = t.split(",");
            String where = BRML_DATA + " <Datum> " + (i + 1);
            if (f.length < 5) {
                throw new DataFormatException(file, where, "'" + t + "' has " + f.length
                        + " fields; expected time,enabled,2theta,theta,counts");
            }
            x[i] = number(file, where + " field 3 (2theta)", f[2]);
            y[i] = number(file, where + " field 5 (counts)", f[4]);
            PatternReader.checkIntensity(file, where, y[i]);
            if (i > 0 && !(x[i] > x[i - 1])) {
                throw new DataFormatException(file, where, "2theta " + x[i] + " is not greater than the previous " + x[i - 1]
                        + "; expected a coupled 2-theta scan");
            }
        }
        checkAgainstScanAxis(file, doc, x);
        XrdWavelength wl = null;
        double a1 = valueAttr(file, doc, "WaveLengthAlpha1");
        if (Double.isFinite(a1)) {
            double a2 = valueAttr(file, doc, "WaveLengthAlpha2");
            double r = valueAttr(file, doc, "WaveLengthRatio");
            boolean doublet = a2 > a1 && r > 0;
            wl = PatternReader.statedWavelength(file, BRML_DATA + " <WaveLengthAlpha1>", a1, doublet ? a2 : Double.NaN, doublet ? r : 0.0,
                    "file: " + BRML_DATA + " WaveLengthAlpha1/2, WaveLengthRatio");
        } else {
            notes.add("no <WaveLengthAlpha1> in " + BRML_DATA + ": wavelength must be supplied");
        }
        notes.add(n + " <Datum> steps: 2-theta field 3, counts field 5");
        return PatternReader.build(file, "brml", x, AxisUnit.TWO_THETA_DEG, y, null, "counts", wl, notes);
    }

    static DiffractionPattern readRasx(Path file) {
        byte[] prof = entry(file, RASX_DATA, "a Rigaku .rasx");
        TextFile tf = TextFile.decode(file, prof);
        List<String> notes = new ArrayList<>();
        notes.add("Rigaku .rasx: " + RASX_DATA);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < tf.size(); i++) {
            String t = tf.line(i).trim();
            if (t.isEmpty()) {
                continue;
            }
            int ln = i + 1;
            List<String> f = Delimited.split(t, t.indexOf('\t') >= 0 ? '\t' : ' ');
            String where = RASX_DATA + " line " + ln;
            if (f.size() < 2) {
                throw new DataFormatException(file, where, "expected '2theta intensity [attenuation]', found '" + t + "'");
            }
            double x = number(file, where + " (2theta)", f.get(0));
            double c = number(file, where + " (intensity)", f.get(1));
            double att = f.size() >= 3 ? number(file, where + " (attenuation)", f.get(2)) : 1.0;
            PatternReader.checkIntensity(file, where, c);
            if (!(att > 0)) {
                throw new DataFormatException(file, where, "attenuation factor " + att + "; expected > 0");
            }
            if (!rows.isEmpty() && !(x > rows.get(rows.size() - 1)[0])) {
                throw new DataFormatException(file, where, "2theta " + x + " is not greater than the previous; expected a strictly increasing scan");
            }
            rows.add(new double[] {x, c * att});
        }
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1];
        }
        notes.add("intensity = counts x attenuation (column 3)");
        XrdWavelength wl = null;
        String condName = null;
        byte[] cond = null;
        for (String name : List.of("Data0/MesurementConditions0.xml", "Data0/MeasurementConditions0.xml")) {
            cond = optionalEntry(file, name);
            if (cond != null) {
                condName = name;
                break;
            }
        }
        if (cond != null) {
            Document doc = XrdmlReader.parseXml(file, cond, "zip entry " + condName, "Rigaku measurement conditions XML");
            double a1 = elementNumber(file, doc, "WavelengthKalpha1", condName);
            double a2 = elementNumber(file, doc, "WavelengthKalpha2", condName);
            if (Double.isFinite(a1)) {
                boolean doublet = a2 > a1;
                wl = PatternReader.statedWavelength(file, condName + " <WavelengthKalpha1>", a1, doublet ? a2 : Double.NaN,
                        doublet ? XrdWavelength.CU_RATIO : 0.0, "file: " + condName + " WavelengthKalpha1/2");
                if (doublet) {
                    notes.add("K-alpha2/K-alpha1 ratio not written by Rigaku: conventional 0.5 used");
                }
            }
        }
        if (wl == null) {
            notes.add("no WavelengthKalpha1 in Data0/MesurementConditions0.xml: wavelength must be supplied");
        }
        return PatternReader.build(file, "rasx", x, AxisUnit.TWO_THETA_DEG, y, null, "counts", wl, notes);
    }

    /**
     * Guards the fixed column layout: when {@code ScanInformation/ScanAxes/ScanAxisInfo} names the
     * 2-theta axis with its {@code Start}, the first Datum's third field must be that start (within two
     * steps), otherwise the Datum columns are not {@code time,enabled,2theta,theta,counts}.
     */
    private static void checkAgainstScanAxis(Path file, Document doc, double[] x) {
        NodeList axes = doc.getElementsByTagNameNS("*", "ScanAxisInfo");
        for (int i = 0; i < axes.getLength(); i++) {
            Element a = (Element) axes.item(i);
            String id = (a.getAttribute("AxisId") + " " + a.getAttribute("AxisName")).toLowerCase(Locale.ROOT);
            if (!(id.contains("twotheta") || id.contains("2theta"))) {
                continue;
            }
            Element st = XrdmlReader.first(a, "Start");
            if (st == null) {
                return;
            }
            double start = Delimited.parse(st.getTextContent().trim(), '.');
            double step = Math.abs(x[1] - x[0]);
            if (Double.isFinite(start) && Math.abs(start - x[0]) > Math.max(2 * step, 1e-3)) {
                throw new DataFormatException(file, BRML_DATA + " <ScanAxisInfo> " + a.getAttribute("AxisId"), "2-theta Start " + start
                        + " but the first <Datum>'s third field is " + x[0] + "; expected Datum columns time,enabled,2theta,theta,counts");
            }
            return;
        }
    }

    private static double number(Path file, String where, String token) {
        double v = Delimited.parse(token.trim(), '.');
        if (!Double.isFinite(v)) {
            throw new DataFormatException(file, where, "expected a number, found '" + token.trim() + "'");
        }
        return v;
    }

    /** The {@code Value} attribute of the first element named {@code name}, NaN when absent. */
    private static double valueAttr(Path file, Document doc, String name) {
        NodeList l = doc.getElementsByTagNameNS("*", name);
        if (l.getLength() == 0) {
            return Double.NaN;
        }
        Element e = (Element) l.item(0);
        String v = e.getAttribute("Value");
        return v.isEmpty() ? Double.NaN : number(file, BRML_DATA + " <" + name + " Value>", v);
    }

    /** The text (or {@code Value} attribute) of the first element named {@code name}, NaN when absent or empty. */
    private static double elementNumber(Path file, Document doc, String name, String entry) {
        NodeList l = doc.getElementsByTagNameNS("*", name);
        if (l.getLength() == 0) {
            // SmartLab Studio may write it as an attribute, e.g. <XrayGenerator WavelengthKalpha1="1.540593" ...>
            NodeList all = doc.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                String v = ((Element) all.item(i)).getAttribute(name);
                if (!v.isEmpty()) {
                    return number(file, entry + " @" + name, v);
                }
            }
            return Double.NaN;
        }
        Element e = (Element) l.item(0);
        String v = e.getTextContent().trim();
        if (v.isEmpty()) {
            v = e.getAttribute("Value");
        }
        return v.isEmpty() ? Double.NaN : number(file, entry + " <" + name + ">", v);
    }

    /** The bytes of a required zip entry; its absence names the entry and the container kind. */
    static byte[] entry(Path file, String name, String kind) {
        byte[] b = optionalEntry(file, name);
        if (b == null) {
            throw new DataFormatException(file, "zip entry " + name, "missing; expected " + kind + " zip holding " + name
                    + " (entries found: " + listing(file) + ")");
        }
        return b;
    }

    static byte[] optionalEntry(Path file, String name) {
        try (ZipFile z = open(file)) {
            ZipEntry e = z.getEntry(name);
            if (e == null) {
                return null;
            }
            try (InputStream in = z.getInputStream(e)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new DataFormatException(file, "zip entry " + name, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Up to 8 entry names, for messages. */
    static String listing(Path file) {
        try (ZipFile z = open(file)) {
            List<String> names = new ArrayList<>();
            z.stream().limit(8).forEach(e -> names.add(e.getName()));
            return names.isEmpty() ? "none" : String.join(", ", names) + (z.size() > 8 ? ", ..." : "");
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new DataFormatException(file, null, "file not found");
        }
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new DataFormatException(file, null, "not a zip container (" + e.getMessage() + "); expected a "
                    + file.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll(".*\\.", ".") + " zip file", e);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "file not found");
        }
    }
}
