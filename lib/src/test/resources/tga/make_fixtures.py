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
