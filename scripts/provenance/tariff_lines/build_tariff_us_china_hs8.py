"""Build data/tariff_us_china_hs8.csv: the Section 301 additional duty on products of China, tariff line by tariff line.

Provenance script (not run by the build; the committed CSV is the input of record). It reads five public files and
writes one row per (edition, chapter-99 heading, 8-digit HTS subheading, rate step).

Two editions of the same lists:

* ``annex`` -- the lists as the U.S. Trade Representative published them, in the HTS of the day: List 1 from Annex B of
  83 FR 28710 (June 20, 2018; FR Doc. 2018-13248, USTR PDF ``2018-13248.pdf``), List 2 from USTR's final second-tranche
  list (``Final Second Tranche.pdf``, the annex of 83 FR 40823), List 3 from USTR's "Tariff List - September 17, 2018"
  (Part 1: full 8-digit subheadings; Part 2: subheadings covered except named 10-digit numbers), and Lists 4A and 4B
  from the USITC "China Tariffs" reference table (hts.usitc.gov, "Last Updated January 1, 2020", HTS subheading ->
  chapter 99 heading 9903.88.15 / .16). These are the rows the line counts USTR announced are tested against.
* ``hts2026`` -- the same lists and the 2024 four-year-review increases as U.S. notes 20 and 31 to subchapter III of
  HTS chapter 99 state them in the USITC's HTS 2026 Revision 6 (current codes, after the 2022 HS revision), used with
  2024 trade data.

Rates and dates per heading: the HTS headings (9903.88.01/.02 +25%; 9903.88.03/.04 +25%, +10% before 2019-05-10;
9903.88.15 +7.5%, +15% before 2020-02-14; 9903.88.16 suspended; 9903.91.01 +25%, .02 +50%, .03 +100%, .04 +25%,
.05 +50%, .06 +25%, .07 +50%, .08 +100%, .11 +25%; 9903.92.10 +25%) with the effective dates written in each heading
and note; the 2018-2020 rate steps are those of data/tariff_actions.csv (rows A05-A13), gloves at 50% in 2025 is row A23.

Inputs (put them in one folder and pass it as --sources):

* ``2018-13248.pdf``, ``Final Second Tranche.pdf``, ``Tariff List-09.17.18.pdf``: USTR PDFs as committed in
  github.com/mitsuoxv/us-tariffs-on-china, commit edf02e95914a657d894a85797fad5c8a5e42c208, folder data/
  (``git show edf02e9:"data/<name>"``). Originals: https://ustr.gov/sites/default/files/2018-13248.pdf and the
  USTR Section 301 "tariff actions" page.
* ``China-Tariffs.xlsx``: the USITC "China Tariffs" PDF (January 1, 2020) converted to Excel, as committed in
  github.com/mwaugh0328/tradewar-tracker, commit fbe786ef31d7199cfcb3e2bb0e81ebbd4162317f, data/China-Tariffs.xlsx.
* ``chapter99_2026_rev_6.txt``: text of HTS 2026 Revision 6, chapter 99 (USITC), as committed in
  github.com/Budget-Lab-Yale/tariff-rate-tracker, commit 394ca809f78682752e00bbbb468a5e17ed7939f6,
  data/us_notes/chapter99_2026_rev_6.txt.

Needs pypdf and openpyxl (``pip install pypdf openpyxl pandas``). Usage::

    python scripts/provenance/tariff_lines/build_tariff_us_china_hs8.py --sources DIR --out data/tariff_us_china_hs8.csv

then ``python scripts/provenance/tariff_lines/describe.py`` to record the resources in data/datapackage.json.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pandas as pd

CODE8 = r"(\d{4})\.(\d{2})\.(\d{2})"
CODE10 = r"\d{4}\.\d{2}\.\d{4}"

HTS = "usitc_hts2026r6_ch99"
# The rate schedule of each chapter-99 heading: (heading, list_id, action, effective_date, end_date, pct, status,
# source_id). Rates of the 2024 review as written in the HTS headings; the 2018-2020 steps as in tariff_actions.
RATES = [
    ("9903.88.01", "list1", "List 1 imposed", "2018-07-06", "", 25.0, "in_force", "tariff_actions_A05"),
    ("9903.88.02", "list2", "List 2 imposed", "2018-08-23", "", 25.0, "in_force", "tariff_actions_A07"),
    ("9903.88.03", "list3", "List 3 imposed", "2018-09-24", "2019-05-09", 10.0, "in_force", "tariff_actions_A08"),
    ("9903.88.03", "list3", "List 3 raised", "2019-05-10", "", 25.0, "in_force", "tariff_actions_A09"),
    ("9903.88.04", "list3", "List 3 imposed (partial lines)", "2018-09-24", "2019-05-09", 10.0, "in_force", "tariff_actions_A08"),
    ("9903.88.04", "list3", "List 3 raised (partial lines)", "2019-05-10", "", 25.0, "in_force", "tariff_actions_A09"),
    ("9903.88.15", "list4a", "List 4A imposed", "2019-09-01", "2020-02-13", 15.0, "in_force", "tariff_actions_A11"),
    ("9903.88.15", "list4a", "List 4A cut (Phase One)", "2020-02-14", "", 7.5, "in_force", "tariff_actions_A13"),
    ("9903.88.16", "list4b", "List 4B scheduled, suspended", "2019-12-15", "", 15.0, "suspended", "tariff_actions_A12"),
    ("9903.91.01", "review2024", "Four-year review +25%", "2024-09-27", "", 25.0, "in_force", HTS),
    ("9903.91.02", "review2024", "Four-year review +50%", "2024-09-27", "", 50.0, "in_force", HTS),
    ("9903.91.03", "review2024", "Four-year review +100%", "2024-09-27", "", 100.0, "in_force", HTS),
    ("9903.91.04", "review2024", "Four-year review +25% (face masks, 2025)", "2025-01-01", "2025-12-31", 25.0, "in_force", HTS),
    ("9903.91.05", "review2024", "Four-year review +50% (2025)", "2025-01-01", "", 50.0, "in_force", HTS),
    ("9903.91.06", "review2024", "Four-year review +25% (2026)", "2026-01-01", "", 25.0, "in_force", HTS),
    ("9903.91.07", "review2024", "Four-year review +50% (2026)", "2026-01-01", "", 50.0, "in_force", HTS),
    ("9903.91.08", "review2024", "Four-year review +100% (2026)", "2026-01-01", "", 100.0, "in_force", HTS),
    ("9903.91.11", "review2024", "Four-year review +25% (tungsten, 2025)", "2025-01-01", "", 25.0, "in_force", HTS),
    ("9903.92.10", "review2024", "Four-year review +25% (ship-to-shore cranes)", "2024-09-27", "", 25.0, "in_force", HTS),
]
RATE_COLUMNS = ["heading", "list_id", "action", "effective_date", "end_date", "additional_duty_pct", "status", "source_id"]
LINE_COLUMNS = ["edition", "list_id", "heading", "hs8", "hs6", "scope", "hs10", "member_from", "member_to",
                "list_source", "note"]
LIST_OF = {r[0]: r[1] for r in RATES}
FIRST = {h: min(r[3] for r in RATES if r[0] == h) for h in LIST_OF}


def _digits(code: str) -> str:
    return code.replace(".", "")


def _codes8(text: str) -> list[str]:
    """Every 8-digit subheading in `text` (not chapter 98/99 provisions, not 10-digit numbers)."""
    found = [m.group(1) + m.group(2) + m.group(3)
             for m in re.finditer(r"(?<![\d.])" + CODE8 + r"(?![\d.])", text)]
    return [c for c in found if not c.startswith(("98", "99"))]


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    return "\n".join(page.extract_text() for page in PdfReader(path).pages).replace("\xa0", " ")


def _line(edition, heading, hs8, scope="all", hs10="", source="", start=None, end="", note=""):
    return dict(edition=edition, list_id=LIST_OF[heading], heading=heading, hs8=hs8, hs6=hs8[:6], scope=scope,
                hs10=hs10, member_from=start or FIRST[heading], member_to=end, list_source=source, note=note)


# ------------------------------------------------------------------------------------------ annex edition
def annex_lists(src: Path) -> dict[str, list[tuple[str, str, str]]]:
    """heading -> [(hs8, scope, hs10)] as published by USTR (Lists 1-3) and the USITC 2020 table (Lists 4A/4B)."""
    lists: dict[str, list[tuple[str, str, str]]] = {}
    t = _pdf_text(src / "2018-13248.pdf")
    b, c = t.index("ANNEX B"), t.index("ANNEXC")   # Annex B repeats Annex A's 8-digit list, one code a line
    lists["9903.88.01"] = [(m.group(1) + m.group(2) + m.group(3), "all", "")
                           for m in re.finditer(r"(?m)^\s*" + CODE8 + r"\b", t[b:c])]
    t = _pdf_text(src / "Final Second Tranche.pdf")
    lists["9903.88.02"] = [(m.group(1) + m.group(2) + m.group(3), "all", "")
                           for m in re.finditer(r"(?m)^\s*" + CODE8 + r"\s", t)]
    t = _pdf_text(src / "Tariff List-09.17.18.pdf")
    p2 = re.search(r"\n\s*Part 2\s*\n", t).start()
    # Part 1 entries start a line with the code and its description on the same line; description wraps that
    # begin with a code ("8516.60.40, door assemblies", a bare "9031.49.40") are not entries
    part1 = sorted({m.group(1) + m.group(2) + m.group(3)
                    for m in re.finditer(r"(?m)^[ \t]*" + CODE8 + r"[ \t]+\S", t[:p2])})
    lists["9903.88.03"] = [(c, "all", "") for c in part1]
    items = re.split(r"(?m)^\s*\d+\.\s+(?=\d{4}\.\d{2}\.\d{2})", t[p2:])[1:]
    lists["9903.88.04"] = [(_digits(re.match(r"\d{4}\.\d{2}\.\d{2}", it).group(0)), "except",
                            ";".join(_digits(x) for x in re.findall(r"(?<![\d.])" + CODE10, it)))
                           for it in items]
    xl = pd.read_excel(src / "China-Tariffs.xlsx", header=None, dtype=str).dropna(how="all")
    xl = xl[xl[0].str.match(r"^\d{4}\.\d{2}\.\d{2}(\d{2})?$", na=False)]
    for heading in ("9903.88.15", "9903.88.16"):
        sub = xl[xl[1].str.strip() == heading][0].map(_digits)
        full = [(c, "all", "") for c in sorted(sub[sub.str.len() == 8])]
        only = sub[sub.str.len() == 10]
        part = [(h8, "only", ";".join(sorted(g))) for h8, g in only.groupby(only.str[:8])]
        lists[heading] = full + part
    return lists


# ----------------------------------------------------------------------------------------- HTS 2026 edition
def _between(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i:text.index(end, i + len(start))]


def _partial_items(block: str) -> list[tuple[str, str, str]]:
    """Numbered items 'N. ... provided for in [subheading] XXXX.XX.XX, except for ... numbers ...'."""
    out = []
    for it in re.split(r"(?m)^\s*\d+\.\s+(?=[A-Z])", block)[1:]:
        m = re.search(r"(?<![\d.])" + CODE8 + r"(?![\d.])", it)
        if m:
            hs8 = m.group(1) + m.group(2) + m.group(3)
            exc = [_digits(x) for x in re.findall(r"(?<![\d.])" + CODE10, it.replace("9403.770.4001", "9403.70.4001"))]
            out.append((hs8, "except", ";".join(sorted(set(exc)))))
    return out


def hts2026_lists(src: Path) -> dict[str, list[tuple[str, str, str]]]:
    """heading -> [(hs8, scope, hs10)] from U.S. notes 20 and 31 of HTS 2026 Rev. 6, chapter 99."""
    t = (src / "chapter99_2026_rev_6.txt").read_text(encoding="latin-1")  # the file is ISO-8859-1 (cent signs)
    note20 = t[t.index("20. (a)  For the purposes of heading 9903.88.01"):t.index("21. (a) For purposes of subheading 9903.19.23")]
    note31 = t[t.index("31. (a)  As provided in headings 9903.91.01"):t.index("32. Action Applicable to Imports of Fine Denier")]
    L: dict[str, list[tuple[str, str, str]]] = {}
    L["9903.88.01"] = [(c, "all", "") for c in _codes8(_between(note20, "(b) Heading 9903.88.01 applies", "(c) For the purposes of heading 9903.88.02"))]
    L["9903.88.02"] = [(c, "all", "") for c in _codes8(_between(note20, "(d) Heading 9903.88.02 applies", "(e) For the purposes of heading 9903.88.03"))]
    L["9903.88.03"] = [(c, "all", "") for c in _codes8(_between(note20, "(f) Heading 9903.88.03 applies", "(g) For the purposes of heading 9903.88.04"))]
    g = _between(note20, "(g) For the purposes of heading 9903.88.04", "(h) The U.S. Trade Representative")
    L["9903.88.04"] = _partial_items(g[g.index("are the following products of China:"):g.index("Notwithstanding U.S. note 1")])
    s = _between(note20, "(s) Heading 9903.88.15 applies to:", "(t) For the purposes of heading 9903.88.16")
    s_i, s_ii = s[:s.index("(ii) the following products of China:")], s[s.index("(ii) the following products of China:"):]
    L["9903.88.15"] = [(c, "all", "") for c in _codes8(s_i)] + _partial_items(s_ii)
    u = _between(note20, "(u) Heading 9903.88.16 applies to:", "(v) The U.S. Trade Representative")
    k = u.index("(ii) the following products of China:") if "(ii) the following products of China:" in u else len(u)
    L["9903.88.16"] = [(c, "all", "") for c in _codes8(u[:k])] + _partial_items(u[k:])

    def sub(heading, nxt):
        return _between(note31, f"Heading {heading} applies", f"Heading {nxt} applies")
    order = ["9903.91.01", "9903.91.02", "9903.91.03", "9903.91.04", "9903.91.05", "9903.91.06", "9903.91.07",
             "9903.91.08", "9903.91.11", "9903.91.12"]
    for heading, nxt in zip(order, order[1:]):
        block = sub(heading, nxt)
        if heading == "9903.91.05":
            block = block[:block.index("(ii) The additional rate of duty under heading 9903.91.05")]
        if heading in ("9903.91.04", "9903.91.07"):   # described by 10-digit statistical reporting numbers
            h10 = sorted({_digits(x) for x in re.findall(CODE10, block)})
            L[heading] = [(h8, "only", ";".join(x for x in h10 if x.startswith(h8))) for h8 in sorted({x[:8] for x in h10})]
        else:
            L[heading] = [(c, "all", "") for c in _codes8(re.sub(r"\d+ Fed\. Reg\. \d+", "", block))]
    L["9903.92.10"] = [("84261900", "all", "")]
    return L


def build(src: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(lines, rates): one row per (edition, heading, 8-digit line, membership window); the headings' rate steps."""
    rows = []
    annex = annex_lists(src)
    annex_src = {"9903.88.01": "ustr_83fr28710_annex", "9903.88.02": "ustr_list2_final",
                 "9903.88.03": "ustr_list3_annex", "9903.88.04": "ustr_list3_annex",
                 "9903.88.15": "usitc_china_tariffs_2020", "9903.88.16": "usitc_china_tariffs_2020"}
    for heading, lines in annex.items():
        rows += [_line("annex", heading, hs8, scope, hs10, annex_src[heading]) for hs8, scope, hs10 in lines]
    current = hts2026_lists(src)
    for heading, lines in current.items():
        for hs8, scope, hs10 in lines:
            note = "only ship-to-shore gantry cranes of this subheading" if heading == "9903.92.10" else ""
            if heading == "9903.91.03" and hs8 == "90183100":
                # heading 9903.91.10: enteral syringes (9018.31.0080) keep no added duty until 2025-12-31
                rows.append(_line("hts2026", heading, hs8, "except", "9018310080", HTS, end="2025-12-31",
                                  note="9903.91.10 excepts enteral syringes until 2025-12-31"))
                rows.append(_line("hts2026", heading, hs8, source=HTS, start="2026-01-01"))
                continue
            rows.append(_line("hts2026", heading, hs8, scope, hs10, HTS, note=note))
    # Medical gloves at 50% in 2025 (tariff_actions A23); from 2026 under 9903.91.08 (parsed above).
    rows.append(_line("hts2026", "9903.91.05", "40151210", source="tariff_actions_A23", end="2025-12-31",
                      note="medical gloves: in note 31(f) for 2025 only"))
    # One of the four 10-digit items of note 31(b) that the HTS deleted on 2026-01-01 (compiler's note in (b)):
    # lithium-ion EV batteries, 7.5% -> 25% on 2024-09-27 (tariff_actions A17), statistical number 8507.60.0010
    # (Census: lithium-ion batteries for electric vehicles of 8703.40-8703.80). The other three are not recovered.
    rows.append(_line("hts2026", "9903.91.01", "85076000", "only", "8507600010", "tariff_actions_A17",
                      end="2025-12-31", note="EV lithium-ion batteries, a deleted note 31(b)(1)-(4) item"))
    # Lines the review moved out of note 20 (EVs, chips, steel, aluminium, batteries...) are no longer listed under
    # their first list in the 2026 text: their earlier membership is the USTR annex's (same code), until the day
    # before the line's first review rate.
    lines = pd.DataFrame(rows, columns=LINE_COLUMNS)
    cur = lines[lines.edition == "hts2026"]
    review = cur[cur.heading.str.startswith(("9903.91", "9903.92")) & (cur.scope != "only")]
    first_review = review.groupby("hs8").member_from.min()
    in20 = set(zip(cur.heading, cur.hs8))
    for heading, annex_lines in annex.items():
        for hs8, scope, hs10 in annex_lines:
            if hs8 in first_review.index and (heading, hs8) not in in20:
                end = (pd.Timestamp(first_review[hs8]) - pd.Timedelta(days=1)).strftime("%Y-%m-%d")
                rows.append(_line("hts2026", heading, hs8, scope, hs10, annex_src[heading], end=end,
                                  note=f"moved to note 31 from {first_review[hs8]}"))
    lines = pd.DataFrame(rows, columns=LINE_COLUMNS)
    lines = lines.drop_duplicates(["edition", "heading", "hs8", "member_from", "scope", "hs10"])
    key = ["edition", "heading", "hs8", "member_from"]
    assert not lines.duplicated(key).any(), lines[lines.duplicated(key, keep=False)]
    rates = pd.DataFrame(RATES, columns=RATE_COLUMNS)
    return lines.sort_values(key, ignore_index=True), rates


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path("data"), help="folder for the two CSVs")
    args = ap.parse_args()
    lines, rates = build(args.sources)
    lines.to_csv(args.out / "tariff_us_china_hs8.csv", index=False, lineterminator="\n")
    rates.to_csv(args.out / "tariff_us_china_rates.csv", index=False, lineterminator="\n")
    print(lines.drop_duplicates(["edition", "heading", "hs8"]).groupby(["edition", "heading"]).size().to_string())
