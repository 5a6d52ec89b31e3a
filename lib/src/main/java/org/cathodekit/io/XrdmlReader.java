package org.cathodekit.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.DiffractionPattern.AxisUnit;
import org.cathodekit.core.XrdWavelength;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** PANalytical XRDML reader (see {@link PatternReader} for what is read). DTDs and external entities are refused. */
final class XrdmlReader {
    private XrdmlReader() {
    }

    static DiffractionPattern read(Path file) {
        byte[] bytes;
        if (java.nio.file.Files.isDirectory(file)) {
            throw new DataFormatException(file, null, "is a folder, expected a file");
        }
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "file not found");
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read file: " + e.getMessage(), e);
        }
        Document doc = parseXml(file, bytes, "", "a PANalytical XRDML document");
        List<String> notes = new ArrayList<>();
        Element root = doc.getDocumentElement();
        if (!"xrdMeasurements".equals(root.getLocalName())) {
            throw new DataFormatException(file, "root element <" + root.getLocalName() + ">",
                    "expected <xrdMeasurements> (PANalytical XRDML)");
        }
        XrdWavelength wl = null;
        Element used = first(root, "usedWavelength");
        if (used != null) {
            double a1 = angstrom(file, first(used, "kAlpha1"), "usedWavelength/kAlpha1");
            Element k2 = first(used, "kAlpha2");
            Element r = first(used, "ratioKAlpha2KAlpha1");
            String intended = used.getAttribute("intended");
            double a2 = k2 == null ? Double.NaN : angstrom(file, k2, "usedWavelength/kAlpha2");
            double ratio = r == null ? 0.0 : number(file, r, "usedWavelength/ratioKAlpha2KAlpha1");
            if (intended != null && intended.toLowerCase(Locale.ROOT).contains("alpha 1") && !intended.contains("2")) {
                // a K-alpha1-only (monochromated) measurement still lists kAlpha2; intended says what reached the sample
                notes.add("usedWavelength intended='" + intended + "': treated as monochromatic K-alpha1");
                ratio = 0.0;
            }
            try {
                wl = new XrdWavelength(a1, a2, ratio, "file: usedWavelength");
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(file, "<usedWavelength>", e.getMessage() + "; expected an X-ray wavelength of 0.05-5 A");
            }
        } else {
            notes.add("no <usedWavelength> in the file: wavelength must be supplied");
        }
        Element beam = first(root, "incidentBeamPath");
        Element rad = beam == null ? null : first(beam, "radius");
        if (rad != null && (rad.getAttribute("unit").isEmpty() || rad.getAttribute("unit").equals("mm"))) {
            double r = Delimited.parse(rad.getTextContent().trim(), '.');
            if (r > 0) {
                notes.add(String.format(Locale.ROOT, PatternReader.RADIUS_NOTE + "%.1f mm (<incidentBeamPath><radius>)", r));
            }
        }
        NodeList scans = root.getElementsByTagNameNS("*", "scan");
        if (scans.getLength() == 0) {
            throw new DataFormatException(file, "<xrdMeasurement>", "no <scan> element; expected at least one scan");
        }
        if (scans.getLength() > 1) {
            notes.add(scans.getLength() + " scans in the file; the first is read");
        }
        Element scan = (Element) scans.item(0);
        Element dp = first(scan, "dataPoints");
        if (dp == null) {
            throw new DataFormatException(file, "<scan> 1", "no <dataPoints>");
        }
        Element intens = first(dp, "intensities");
        String yUnit = "counts";
        if (intens == null) {
            intens = first(dp, "counts");
        }
        if (intens == null) {
            throw new DataFormatException(file, "<scan> 1 <dataPoints>", "no <intensities> or <counts> element");
        }
        if (!intens.getAttribute("unit").isEmpty()) {
            yUnit = intens.getAttribute("unit");
        }
        double[] y = numbers(file, intens, "dataPoints/" + intens.getLocalName());
        for (int i = 0; i < y.length; i++) {
            PatternReader.checkIntensity(file, "<" + intens.getLocalName() + "> value " + (i + 1), y[i]);
        }
        Element att = first(dp, "beamAttenuationFactors");
        if (att != null) {
            double[] a = numbers(file, att, "dataPoints/beamAttenuationFactors");
            if (a.length != y.length) {
                throw new DataFormatException(file, "<beamAttenuationFactors>", a.length + " values but " + y.length + " intensities");
            }
            boolean any = false;
            for (int i = 0; i < y.length; i++) {
                any |= a[i] != 1.0;
                y[i] *= a[i];
            }
            if (any) {
                notes.add("intensities multiplied by beamAttenuationFactors");
            }
        }
        Element pos = null;
        NodeList ps = dp.getElementsByTagNameNS("*", "positions");
        for (int i = 0; i < ps.getLength(); i++) {
            Element e = (Element) ps.item(i);
            String axis = e.getAttribute("axis");
            if (axis.equalsIgnoreCase("2Theta")) {
                pos = e;
            }
        }
        if (pos == null) {
            throw new DataFormatException(file, "<dataPoints>", "no <positions axis=\"2Theta\">; expected a 2-theta scan");
        }
        String pu = pos.getAttribute("unit");
        if (!pu.isEmpty() && !pu.equalsIgnoreCase("deg")) {
            throw new DataFormatException(file, "<positions axis=\"2Theta\">", "unit '" + pu + "'; expected deg");
        }
        double[] x;
        Element list = first(pos, "listPositions");
        if (list != null) {
            x = numbers(file, list, "positions/listPositions");
            if (x.length != y.length) {
                throw new DataFormatException(file, "<listPositions>", x.length + " positions but " + y.length + " intensities");
            }
        } else {
            double start = number(file, first(pos, "startPosition"), "positions/startPosition");
            double end = number(file, first(pos, "endPosition"), "positions/endPosition");
            if (y.length < 2) {
                throw new DataFormatException(file, "<intensities>", "fewer than 2 values");
            }
            x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = start + (end - start) * i / (y.length - 1);
            }
            notes.add("2-theta from startPosition " + start + " to endPosition " + end + " in " + y.length + " points");
        }
        double[] s = null;
        notes.add("intensity unit '" + yUnit + "' from <" + intens.getLocalName() + " unit>");
        return PatternReader.build(file, "xrdml", x, AxisUnit.TWO_THETA_DEG, y, s, yUnit, wl, notes);
    }

    /**
     * Parses XML with DTDs and external entities refused (secure processing); a malformed document is
     * a {@link DataFormatException} naming {@code where} (e.g. a zip entry), the line and column.
     */
    static Document parseXml(Path file, byte[] bytes, String where, String expected) {
        String pre = where.isEmpty() ? "" : where + ", ";
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw new DataFormatException(file, pre + "line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "malformed XML: " + e.getMessage() + " (expected " + expected + ")", e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new DataFormatException(file, where.isEmpty() ? null : where, "malformed XML: " + e.getMessage(), e);
        }
    }

    static Element first(Element parent, String localName) {
        NodeList l = parent.getElementsByTagNameNS("*", localName);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    private static double number(Path file, Element e, String what) {
        if (e == null) {
            throw new DataFormatException(file, "<" + what + ">", "missing element; expected a number");
        }
        double v = Delimited.parse(e.getTextContent(), '.');
        if (!Double.isFinite(v)) {
            throw new DataFormatException(file, "<" + what + ">", "expected a number, found '" + e.getTextContent().trim() + "'");
        }
        return v;
    }

    /** A wavelength element in Angstrom ({@code unit="Angstrom"}, the XRDML default) or nm; any other unit is refused. */
    private static double angstrom(Path file, Element e, String what) {
        double v = number(file, e, what);
        String unit = e.getAttribute("unit").trim();
        if (unit.isEmpty() || unit.equalsIgnoreCase("Angstrom") || unit.equals("A") || unit.equals("\u00c5")) {
            return v;
        }
        if (unit.equalsIgnoreCase("nm")) {
            return 10 * v;
        }
        throw new DataFormatException(file, "<" + what + " unit=\"" + unit + "\">", "unknown wavelength unit; expected Angstrom or nm");
    }

    private static double[] numbers(Path file, Element e, String what) {
        String t = e.getTextContent().trim();
        if (t.isEmpty()) {
            return new double[0];
        }
        String[] parts = t.split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Delimited.parse(parts[i], '.');
            if (Double.isNaN(out[i])) {
                throw new DataFormatException(file, "<" + what + "> value " + (i + 1), "expected a number, found '" + parts[i] + "'");
            }
        }
        return out;
    }

}
