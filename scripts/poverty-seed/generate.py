#!/usr/bin/env python3
"""Writes the Flyway migration that seeds the official poverty figures (issue 16).

Run from the repository root:  python3 scripts/poverty-seed/generate.py
Input:  scripts/poverty-seed/data/poverty_kabkota.csv, poverty_ekstrem_kabkota.csv (copied from the
        research folder, with its NOTES.md, so that the seed can be rebuilt from the repository alone).
Output: src/main/resources/db/migration/V17_10__poverty_figures_seed.sql

Rules (NOTES.md):
- every figure read in a source becomes one row; sources that give the same value for the same region,
  year, period and indicator are one row with their URLs joined; a different value is a row of its own;
- per region, year, period and indicator exactly one row is chosen; where sources disagree the choice and its
  reason are written down in CHOICES below, and the script stops if a disagreement has no entry there;
- only unit conversions ("33,49 ribu" was already 33490 in the CSV): nothing is derived, nothing is filled.
"""
import csv
import pathlib
import sys
from collections import OrderedDict
from decimal import Decimal

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = pathlib.Path(__file__).resolve().parent / "data"
OUT = ROOT / "src/main/resources/db/migration/V17_10__poverty_figures_seed.sql"

MAIN_COLUMNS = OrderedDict([
    ("persen_miskin", "POVERTY_RATE"),
    ("jumlah_miskin_jiwa", "POOR_PEOPLE"),
    ("penduduk_jiwa", "POPULATION"),
    ("garis_kemiskinan_rp", "POVERTY_LINE"),
    ("p1", "P1"),
    ("p2", "P2"),
])
EXTREME_COLUMNS = OrderedDict([("ekstrem_jiwa", "EXTREME_POOR"), ("ekstrem_persen", "EXTREME_RATE")])

# (region, year, period, indicator) -> (chosen value, reason); the other values stay as alternatives.
CHOICES = {
    ("15", 2020, "MARET", "POOR_PEOPLE"): (
        "277800", "Dipilih 277,80 ribu dari berita yang mengutip rilis BPS; 277,7 ribu (sekato) tampaknya pembulatan."),
    ("15", 2024, "MARET", "POVERTY_LINE"): (
        "650115", "Dipilih Rp650.115: di sumber yang sama GK makanan Rp491.690 + GK bukan makanan Rp158.425 "
                  "berjumlah tepat Rp650.115 (teks rilis BPS); Rp650.155 (antaranews) kemungkinan salah ketik."),
    ("15", 2024, "SEPTEMBER", "POOR_PEOPLE"): (
        "272700", "Dipilih 272,7 ribu (databoks, data BPS); \"272.200.000 orang\" di tribunjambi jelas salah ketik."),
    ("15.03", 2024, "MARET", "POVERTY_RATE"): (
        "8.36", "Dipilih 8,36% (databoks, data BPS, dua halaman); 8,63% di tribunjambi 2024-11-12 kemungkinan "
                "salinan angka Batang Hari."),
    ("15.04", 2024, "MARET", "POPULATION"): (
        "306652", "Dipilih 306.652 (databoks, data BPS); \"316.500 orang lebih\" (jambitv) adalah angka kira-kira."),
    ("15.05", 2021, "MARET", "POOR_PEOPLE"): (
        "20490", "Dipilih 20,49 ribu (BPS Jambi, dalam ribuan dua desimal seperti rilis BPS); 20.491 (tribunjambi) "
                 "berbeda satu jiwa."),
    ("15.05", 2023, "MARET", "POOR_PEOPLE"): (
        "20830", "Dipilih 20.830 (BPS, databoks dan Kepala BPS Muaro Jambi); 48.102 dari Dinsos (tribunjambi, "
                 "Juli 2023) sebelum angka BPS kabupaten 2023 terbit, kemungkinan bukan Susenas."),
    ("15.05", 2024, "MARET", "POVERTY_LINE"): (
        "617948", "Dipilih Rp617.948 (Kepala BPS Muaro Jambi, di dua media); Rp599.370 (databoks) tetap sebagai "
                  "alternatif."),
    ("15.05", 2025, "MARET", "POVERTY_RATE"): (
        "4.32", "Dipilih 4,32% (Kepala BPS Muaro Jambi); 4,3% (Bupati, benuajambi) adalah pembulatan."),
    ("15.06", 2024, "MARET", "POOR_PEOPLE"): (
        "21860", "Dipilih 21.860 (databoks, data BPS); 23.976 dari Bappeda Tanjabtim yang mengutip BPS 2024. "
                 "Kedua sumber sama-sama memberi 10,14% dan penduduk 243.796."),
}

# Notes on single figures that a reader must not miss (NOTES.md, "How some years were assigned").
NOTES = {
    ("15.72", 2022, "MARET", "POVERTY_RATE"): "Daftar Kemenko PMK (tribunjambi 2023-01-06). 2,97 juga sama dengan "
                                              "target Pemkot untuk 2022: gunakan dengan hati-hati.",
    ("15.71", 2021, "MARET", "POOR_PEOPLE"): "Perkiraan: sumber menyebut \"54 ribuan\" / \"54 Ribu\".",
    ("15.71", 2021, "MARET", "POPULATION"): "Profil demografi Pemkot Jambi; bulan tidak disebut, dicatat sebagai "
                                            "Maret seperti angka kabupaten/kota lain.",
    ("15.08", 2020, "MARET", "POVERTY_RATE"): "Dari bpstebo.web.id, yang bukan domain bps.go.id.",
    ("15.08", 2020, "MARET", "POVERTY_LINE"): "Dari bpstebo.web.id, yang bukan domain bps.go.id.",
    ("15.05", 2023, "MARET", "POOR_PEOPLE", "48102"): "Angka Dinsos (tribunjambi, Juli 2023), bukan Susenas.",
    ("15.06", 2024, "MARET", "POOR_PEOPLE", "23976"): "Bappeda Tanjabtim mengutip BPS 2024.",
}
KEMENKO_2022 = "https://jambi.tribunnews.com/2023/01/06/hadiri-hut-ke-66-menko-pmk-buka-data-kemiskinan-di-provinsi-jambi"
SOURCE_BODY = {
    ("15.05", 2023, "POOR_PEOPLE", "48102"): "Dinas Sosial Muaro Jambi",
    ("15.06", 2024, "POOR_PEOPLE", "23976"): "Bappeda Tanjung Jabung Timur",
    ("15.71", 2021, "POPULATION", "612162"): "Pemerintah Kota Jambi",
}


def number(text):
    value = Decimal(text)
    return value.normalize() if value != value.to_integral() else value.quantize(Decimal(1))


def period(month):
    # kab/kota figures are the annual Susenas-March estimate; one row of Kota Jambi names no month
    return {"maret": "MARET", "september": "SEPTEMBER", "": "MARET"}[month.strip().lower()]


def read():
    figures = OrderedDict()  # key -> OrderedDict(value -> {"urls": [...], "body": ...})
    with open(DATA / "poverty_kabkota.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key_base = (row["kode"], int(row["tahun"]), period(row["bulan"]))
            urls = [u.strip() for u in row["sumber_url"].split("|") if u.strip()]
            for column, indicator in MAIN_COLUMNS.items():
                if row[column].strip():
                    add(figures, key_base + (indicator,), number(row[column]), urls, None)
    with open(DATA / "poverty_ekstrem_kabkota.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key_base = (row["kode"], int(row["tahun"]), "MARET")
            urls = [u.strip() for u in row["sumber_url"].split("|") if u.strip()]
            for column, indicator in EXTREME_COLUMNS.items():
                if row[column].strip():
                    add(figures, key_base + (indicator,), number(row[column]), urls, row["sumber_data"].strip())
    return figures


def add(figures, key, value, urls, body):
    versions = figures.setdefault(key, OrderedDict())
    version = versions.setdefault(str(value), {"urls": [], "body": body})
    for url in urls:
        if url not in version["urls"]:
            version["urls"].append(url)


def rows(figures):
    out = []
    for key, versions in figures.items():
        region, year, per, indicator = key
        if len(versions) > 1:
            if key not in CHOICES:
                sys.exit(f"Sources disagree on {key}: {list(versions)}; add the choice to CHOICES")
            chosen, reason = CHOICES[key]
            if chosen not in versions:
                sys.exit(f"The choice {chosen} for {key} is not among {list(versions)}")
        else:
            chosen, reason = next(iter(versions)), None
        for value, version in versions.items():
            note = NOTES.get(key + (value,)) or NOTES.get(key)
            if version["urls"] == [KEMENKO_2022] and year == 2022 and note is None:
                note = "Daftar Kemenko PMK (tribunjambi 2023-01-06), dicatat sebagai angka 2022 (lihat NOTES.md)."
            if reason:
                note = reason if note is None else reason + " " + note
            body = version["body"] or SOURCE_BODY.get((region, year, indicator, value))
            out.append((region, year, per, indicator, value, " | ".join(version["urls"]), body, note,
                        value == chosen))
    unused = set(CHOICES) - set(k for k, v in figures.items() if len(v) > 1)
    if unused:
        sys.exit(f"CHOICES names figures on which the sources agree: {unused}")
    return out


def sql(text):
    return "NULL" if text is None else "'" + text.replace("'", "''") + "'"


def main():
    lines = [
        "-- Generated by scripts/poverty-seed/generate.py from scripts/poverty-seed/data/*.csv: do not edit by hand.",
        "-- The official poverty figures found in public sources (issue 16), one row per figure and source; the",
        "-- chosen row counts, the others are alternatives. A figure nobody published has no row.",
        "INSERT INTO poverty_figure (region_code, year, period, indicator, value, source, source_body, note, chosen,",
        "                            created_by, updated_by)",
        "VALUES",
    ]
    values = []
    for region, year, per, indicator, value, source, body, note, chosen in rows(read()):
        values.append(f"    ({sql(region)}, {year}, {sql(per)}, {sql(indicator)}, {value}, {sql(source)}, {sql(body)}, "
                      f"{sql(note)}, {'TRUE' if chosen else 'FALSE'}, 'system', 'system')")
    OUT.write_text("\n".join(lines) + "\n" + ",\n".join(values) + ";\n", encoding="utf-8")
    print(f"{len(values)} rows written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
