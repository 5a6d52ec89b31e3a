#!/usr/bin/env python3
"""Writes the HAND-MADE format fixtures in this folder (not instrument output).

Each file imitates the text-export layout of one TGA software package (as documented in their
manuals and seen in public example files) and holds the same small analytic curve, so that the
reader tests can check the unit conversions row by row:

    time t = 60 s * i, temperature T = 30 C + 5 C/min * t, i = 0..59
    mass m = 10.0 mg * (1 - 0.05 / (1 + exp(-(T - 200 C) / 10 K)))

Run: python3 make_fixtures.py  (from this folder). Output is deterministic.
"""
import math


def curve():
    for i in range(60):
        t = 60.0 * i
        T = 30.0 + 5.0 * t / 60.0
        m = 10.0 * (1 - 0.05 / (1 + math.exp(-(T - 200.0) / 10.0)))
        yield t, T, m


def write(name, text, encoding="utf-8"):
    with open(name, "w", encoding=encoding, newline="") as f:
        f.write(text)


def dc(x, fmt):
    return (fmt % x).replace(".", ",")


# TA Instruments Universal Analysis "spreadsheet" text export (tab separated, latin-1)
lines = ["Instrument\tTGA Q500 V20.13 Build 39", "Module\tTGA 1000°C", "Sample\tfixture NCM811 delithiated",
         "Size\t10.0000\tmg", "Method\tRamp", "Comment\tHAND-MADE FORMAT FIXTURE, not instrument output",
         "OrgFile\tC:\\TA\\Data\\TGA\\fixture.001", "Nsig\t3", "Sig1\tTime (min)", "Sig2\tTemperature (°C)",
         "Sig3\tWeight (mg)", "StartOfData"]
for t, T, m in curve():
    lines.append("%.4f\t%.3f\t%.5f" % (t / 60.0, T, m))
write("ta_universal_analysis.txt", "\r\n".join(lines) + "\r\n", "latin-1")

# TA Instruments TRIOS text export (tab separated, UTF-8, units row, weight in mg and %)
lines = ["Filename\tfixture.tri", "Instrument name\tTGA 5500", "Procedure name\tRamp 5 °C/min to 325 °C",
         "Sample name\tHAND-MADE FORMAT FIXTURE (TRIOS layout)", "Sample mass\t10.0 mg", "", "[step]",
         "Ramp 5.00 °C/min to 325.00 °C", "Time\tTemperature\tWeight\tWeight", "min\t°C\tmg\t%"]
for t, T, m in curve():
    lines.append("%.4f\t%.3f\t%.5f\t%.4f" % (t / 60.0, T, m, m * 10.0))
write("ta_trios.txt", "\n".join(lines) + "\n")

# Mettler Toledo STARe table export (whitespace columns, bracketed units row shorter than the header)
lines = ["METTLER TOLEDO STARe SW 16.40", "Sample: HAND-MADE FORMAT FIXTURE, 10.0000 mg",
         "Curve Name: TGA ramp 5 K/min", "", "      Index             t            Ts            Tr         Value",
         "                      [s]          [°C]          [°C]          [mg]"]
for i, (t, T, m) in enumerate(curve()):
    lines.append("%11d %13.3f %13.4f %13.4f %13.6f" % (i, t, T, T - 0.8, m))
write("mettler_stare.txt", "\r\n".join(lines) + "\r\n", "latin-1")

# NETZSCH Proteus ASCII export (#KEY:value preamble, ## header, semicolons, decimal commas, latin-1, mass in %)
lines = ["#EXPORTTYPE:DATA ALL", "#FILE:fixture.ngb-ss3", "#FORMAT:NETZSCH5", "#FTYPE:ANSI",
         "#IDENTITY:HAND-MADE FORMAT FIXTURE", "#INSTRUMENT:NETZSCH STA 449F3", "#SAMPLE:NCM811 delithiated",
         "#SAMPLE MASS /mg:10,000", "#TYPE OF CRUCIBLE:Al2O3", "#RANGE:30°C/5,0(K/min)/325°C",
         "##Temp./°C;Time/min;Mass/%;DSC/(mW/mg);Segment"]
for t, T, m in curve():
    lines.append("%s;%s;%s;%s;1" % (dc(T, "%.4f"), dc(t / 60.0, "%.5f"), dc(m * 10.0, "%.5f"), dc(0.01, "%.5f")))
write("netzsch_proteus.csv", "\r\n".join(lines) + "\r\n", "latin-1")

# Setaram (Calisto) text export (semicolons, decimal commas, TG = mass change in mg, sample mass in preamble)
lines = ["SETARAM Calisto export", "Instrument;LabSys evo TGA", "Sample;HAND-MADE FORMAT FIXTURE",
         "Sample mass (mg) : 10,000", "",
         "Time (s);Furnace temperature (°C);Sample temperature (°C);TG (mg);HeatFlow (mW)"]
for t, T, m in curve():
    lines.append("%s;%s;%s;%s;%s" % (dc(t, "%.1f"), dc(T + 1.5, "%.3f"), dc(T, "%.3f"), dc(m - 10.0, "%.5f"),
                                     dc(0.1, "%.3f")))
write("setaram.txt", "\n".join(lines) + "\n", "utf-8")

# Generic TSV, temperature in K and mass in g, units in the header
lines = ["Time_s\tTemp (K)\tMass [g]"]
for t, T, m in curve():
    lines.append("%.1f\t%.3f\t%.8f" % (t, T + 273.15, m / 1000.0))
write("generic_tsv_kelvin_gram.tsv", "\n".join(lines) + "\n")

# Generic CSV without a time column, one bad row in the middle
lines = ["Temperature (°C),Weight (%)"]
for i, (t, T, m) in enumerate(curve()):
    lines.append("%.3f,%.5f" % (T, m * 10.0) if i != 25 else "%.3f,overflow" % T)
write("generic_no_time_bad_row.csv", "\n".join(lines) + "\n")

# Bad: no temperature column
lines = ["Time (s),Weight (mg)"] + ["%.1f,%.5f" % (t, m) for t, T, m in curve()]
write("bad_no_temperature.csv", "\n".join(lines) + "\n")

# Bad: no mass column
lines = ["Time (s),Temperature (°C),Heat flow (mW)"] + ["%.1f,%.3f,0.1" % (t, T) for t, T, m in curve()]
write("bad_no_mass.csv", "\n".join(lines) + "\n")

# Bad: temperature goes down (two ramps concatenated) and there is no time column
rows = [(T, m) for t, T, m in curve()]
rows = rows[:30] + [(T - 50.0, m) for T, m in rows[30:]]
lines = ["Temperature (°C),Mass (mg)"] + ["%.3f,%.5f" % r for r in rows]
write("bad_non_monotonic_no_time.csv", "\n".join(lines) + "\n")

# Bad: TG change without a sample mass
lines = ["Time (s);Sample temperature (°C);TG (mg)"] + [
    "%s;%s;%s" % (dc(t, "%.1f"), dc(T, "%.3f"), dc(m - 10.0, "%.5f")) for t, T, m in curve()]
write("bad_tg_change_no_sample_mass.txt", "\n".join(lines) + "\n")

# ---- vendor layouts of issue 13 (hand-made imitations; layouts learnt from public example files,
# ---- see README.md). Same analytic curve unless said otherwise.

# NETZSCH Proteus "DATA ALL" export: the degree sign stored as byte 0x9B (cp1252 '›'), points as decimal
# separator, leading blanks, a Segment column; segment 1 = the ramp, segment 2 = a 10-row isotherm at 325 C
lines = ["#EXPORTTYPE:DATA ALL", "#FILE:fixture.ngb-ds3", "#FORMAT:NETZSCH5", "#FTYPE:ASCII",
         "#IDENTITY:HAND-MADE FORMAT FIXTURE", "#DECIMAL:POINT", "#SEPARATOR:SEMICOLON", "#MTYPE:TG",
         "#INSTRUMENT:NETZSCH STA 449F3", "#SAMPLE MASS /mg:10", "#RANGE:30\u203aC/5,0(K/min)/325\u203aC/00:10/325\u203aC/",
         "#SEGMENT:S1-2/2", "#SEG. 1:30\u203aC/5,0(K/min)/325\u203aC", "#SEG. 2:325\u203aC/00:10/325\u203aC", "",
         "##Temp./\u203aC;Time/min;Mass/%;Gas Flow(purge2)/(ml/min);Segment"]
last = None
for t, T, m in curve():
    lines.append("%10.5f;%9.5f;%9.5f;50.00000;1" % (T, t / 60.0, m * 10.0))
    last = (t, T, m)
for k in range(1, 11):
    t, T, m = last
    lines.append("%10.5f;%9.5f;%9.5f;50.00000;2" % (T, t / 60.0 + k, m * 10.0))
write("netzsch_data_all_0x9b.txt", "\r\n".join(lines) + "\r\n", "cp1252")

# Setaram Calisto export: UTF-16LE without a byte-order mark, semicolons, decimal commas, TG in mg
lines = ["Time (s);Furnace Temperature (°C);Sample Temperature (°C);TG (mg);HeatFlow (mW)"]
for t, T, m in curve():
    lines.append("%s;%s;%s;%s;%s" % (dc(t, "%.1f"), dc(T + 1.5, "%.3f"), dc(T, "%.3f"), dc(m, "%.5f"), dc(0.1, "%.3f")))
write("setaram_calisto_utf16.txt", "\r\n".join(lines) + "\r\n", "utf-16-le")

# PerkinElmer Pyris ASCII export: preamble and method steps, a stage line before each stage's rows,
# two-line header without units (time min, weight mg, temperature C), tab-led rows ending with a blank.
# Stage 1: 10 rows isothermal at 30 C (t = 0..9 min); stage 2: the ramp, t = 10 min + i min.
lines = ["Filename:\tC:\\fixture\\HAND-MADE_FORMAT_FIXTURE.tg8d ", "Operator ID:\t ", "Sample ID:\tfixture ",
         "Sample Weight:\t10.000 mg ", "Initial Conditions ", "Temperature:\t 30.00 °C ", "Method Steps: ",
         "1)\tHold for 10.0 min at 30.00°C ", " ", "2)\tHeat from 30.00°C to 325.00°C at 5.00°C/min ", " ",
         "1) TGA Isothermal ",
         "\tTime     \tUnsubtracted\tBaseline     \tProgram     \tSample     \tSample     \tBalance      ",
         "\t          \tWeight     \tWeight     \tTemperature\tTemperature\tPurge Flow\tPurge Flow "]
for k in range(10):
    lines.append("\t%.6f\t%.6f\t0.000000\t30.000000\t%.6f\t45.000000\t69.900000 " % (k, 10.0, 30.0))
lines.append("2) TGA Temperature Scan ")
for t, T, m in curve():
    lines.append("\t%.6f\t%.6f\t0.000000\t%.6f\t%.6f\t45.000000\t69.900000 " % (10 + t / 60.0, m, T + 0.3, T))
write("pyris_export.txt", "\r\n".join(lines) + "\r\n", "latin-1")

# MaCFP Sandia style: a delimiter closing every line (header and units row included), K and mg
lines = ["Time,Temperature,Mass,", "[s],[K],[mg],"]
for t, T, m in curve():
    lines.append("%.1f,%.3f,%.6f," % (t, T + 273.15, m))
write("trailing_commas.csv", "\n".join(lines) + "\n")

# Bad: a Mettler STARe export whose only curve is a DSC heat flow (mW)
lines = ["METTLER TOLEDO", "Title", "Results:", "Curve:",
         "          Index              t             Ts             Tr          Value",
         "                           [s]           [\u00b0C]           [\u00b0C]           [mW]"]
for i, (t, T, m) in enumerate(curve()):
    lines.append("%15d%15d%15.3f%15.3f%15.4f" % (i, t, T, T - 0.8, 0.1))
lines += ["", "", "                                                                  STARe SW 17.00"]
write("bad_mettler_dsc_only.txt", "\r\n".join(lines) + "\r\n", "latin-1")
