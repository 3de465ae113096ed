"""Build data/tariff_us_china_hs8.csv: the Section 301 additional duty on products of China, tariff line by tariff line.

Provenance script (not run by the build; the committed CSV is the input of record). It reads five public files and
writes one row per (edition, chapter-99 heading, 8-digit HTS subheading, membership window).

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

Inputs (put them in one folder and pass it as ``--input DIR`` or in $TARIFF_LINE_SOURCES; each is checked against
its sha256, listed in INPUTS below):

* ``2018-13248.pdf``, ``Final Second Tranche.pdf``, ``Tariff List-09.17.18.pdf``: USTR PDFs as committed in
  github.com/mitsuoxv/us-tariffs-on-china, commit edf02e95914a657d894a85797fad5c8a5e42c208, folder data/
  (``git show edf02e9:"data/<name>"``). Originals: https://ustr.gov/sites/default/files/2018-13248.pdf and the
  USTR Section 301 "tariff actions" page.
* ``China-Tariffs.xlsx``: the USITC "China Tariffs" PDF (January 1, 2020) converted to Excel, as committed in
  github.com/mwaugh0328/tradewar-tracker, commit fbe786ef31d7199cfcb3e2bb0e81ebbd4162317f, data/China-Tariffs.xlsx.
* ``chapter99_2026_rev_6.txt``: text of HTS 2026 Revision 6, chapter 99 (USITC), as committed in
  github.com/Budget-Lab-Yale/tariff-rate-tracker, commit 394ca809f78682752e00bbbb468a5e17ed7939f6,
  data/us_notes/chapter99_2026_rev_6.txt.

Needs pypdf and openpyxl, which are not project dependencies (pypdf 7.1.0 and openpyxl 3.1.5 reproduce the
committed file): install them apart, ``pip install --target DIR pypdf==7.1.0 openpyxl==3.1.5``, and run from the
repository root with ``PYTHONPATH=DIR:src python scripts/provenance/tariff_lines/build_tariff_us_china_hs8.py
--input FOLDER``. The rate schedule is data/tariff_us_china_rates.csv (build_tariff_us_china_rates.py).
"""
import re
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _tariff_lines_descriptions import LICENSES_PUBLIC_DOMAIN_US_GOV  # noqa: E402
from build_tariff_us_china_rates import HTS, RATES  # noqa: E402

MITSUOXV = "github.com/mitsuoxv/us-tariffs-on-china @ edf02e95914a657d894a85797fad5c8a5e42c208, data/"
INPUTS = [
    Input("2018-13248.pdf", MITSUOXV + "2018-13248.pdf (original https://ustr.gov/sites/default/files/2018-13248.pdf)",
          "3e27dfb420dc308a079e7a71f2715fa29ed00fbbd84dbec4514f2cd66b9cf301"),
    Input("Final Second Tranche.pdf", MITSUOXV + "Final Second Tranche.pdf (original: USTR Section 301 tariff actions "
          "page, https://ustr.gov/issue-areas/enforcement/section-301-investigations/tariff-actions)",
          "59e5e6e0be082690b74291199e98870a90e194b17d7fef8b087e547c385dcec4"),
    Input("Tariff List-09.17.18.pdf", MITSUOXV + "Tariff List-09.17.18.pdf (original: USTR Section 301 tariff actions "
          "page, https://ustr.gov/issue-areas/enforcement/section-301-investigations/tariff-actions)",
          "8cedb7b5fe3efd8745498a71ef2804cd30ea2fa1bd44d1aa6b71ff38446938e7"),
    Input("China-Tariffs.xlsx", "github.com/mwaugh0328/tradewar-tracker @ fbe786ef31d7199cfcb3e2bb0e81ebbd4162317f, "
          "data/China-Tariffs.xlsx (original https://hts.usitc.gov/view/China%20Tariffs?release=2020HTSABasicB)",
          "bbac31638bd302f545a710aeb6290e39dae0842cd501db9c911a2df2b6f93246"),
    Input("chapter99_2026_rev_6.txt", "github.com/Budget-Lab-Yale/tariff-rate-tracker @ "
          "394ca809f78682752e00bbbb468a5e17ed7939f6, data/us_notes/chapter99_2026_rev_6.txt (original https://hts.usitc.gov/)",
          "5495190b1c7d85eeed13c531a1a3512d03546e28fc82f45819175d588c320f68"),
]

CODE8 = r"(\d{4})\.(\d{2})\.(\d{2})"
CODE10 = r"\d{4}\.\d{2}\.\d{4}"

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


def build(src: Path) -> pd.DataFrame:
    """One row per (edition, heading, 8-digit line, membership window)."""
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
    return lines.sort_values(key, ignore_index=True)


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "tariff_us_china_hs8",
    "path": "tariff_us_china_hs8.csv",
    "title": ("Section 301 tariffs on products of China, tariff line by tariff line (HTS 8-digit), Lists 1-4B and "
     "the 2024 four-year review"),
    "description": ("One row per (edition, chapter-99 heading, 8-digit HTS subheading, membership window). The heading's "
     "rate schedule is in tariff_us_china_rates; a line's additional duty on a date is the rate of each "
     "heading it belongs to on that date, the highest one where it belongs to several (the review rates "
     "replace the earlier list rate: USTR describes them as increases, e.g. EVs 25% to 100%). scope: all "
     "= every product of the subheading; except = all but the 10-digit numbers in hs10; only = just the "
     "10-digit numbers in hs10. edition=annex: the lists as USTR published them (Lists 1-3, HTS 2018 "
     "codes) and as the USITC 'China Tariffs' table gave Lists 4A/4B (HTS 2020 codes): the rows the "
     "announced line counts are tested against. edition=hts2026: U.S. notes 20 and 31 of HTS 2026 Rev. 6 "
     "chapter 99 (current codes, matching 2024 trade data); lines the review moved out of note 20 keep "
     "their USTR-annex membership until the day before their review rate. Not included: USTR product "
     "exclusions (described by product, not code), the three other 10-digit items of note 31(b)(1)-(4) "
     "that the 2026 HTS deleted (in force 2024-09-27 to 2025-12-31), Section 201 and 232 duties, the "
     "2026-11-10 chassis and crane headings (9903.91.12, .14). Heading 9903.92.10 covers only "
     "ship-to-shore cranes within 8426.19.00, which trade data cannot separate."),
    "sources": [
        {
            "title": ("USTR annexes to 83 FR 28710 (List 1), the final second tranche (List 2) and the September "
             "17, 2018 tariff list (List 3); USITC China Tariffs table of January 1, 2020; USITC HTS 2026 "
             "Rev. 6 chapter 99 notes 20 and 31 (each row's list_source; full references in "
             "tariff_us_china_sources)"),
            "path": "scripts/provenance/tariff_lines/build_tariff_us_china_hs8.py",
            "description": "Parsed from the copies named in tariff_us_china_sources (PDF and text). Read 2026-12-03.",
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("edition", "string", "Which publication the line membership comes from", required=True,
              enum=["annex", "hts2026"]),
            field("list_id", "string", "Section 301 list", required=True,
              enum=["list1", "list2", "list3", "list4a", "list4b", "review2024"]),
            field("heading", "string", "Chapter 99 heading providing the additional duty", required=True,
              enum=[
                    "9903.88.01",
                    "9903.88.02",
                    "9903.88.03",
                    "9903.88.04",
                    "9903.88.15",
                    "9903.88.16",
                    "9903.91.01",
                    "9903.91.02",
                    "9903.91.03",
                    "9903.91.04",
                    "9903.91.05",
                    "9903.91.06",
                    "9903.91.07",
                    "9903.91.08",
                    "9903.91.11",
                    "9903.92.10",
                ]),
            field("hs8", "string", "HTS 8-digit subheading", required=True, pattern="[0-9]{8}"),
            field("hs6", "string", "HS 6-digit subheading (first six digits of hs8)", required=True,
              pattern="[0-9]{6}"),
            field("scope", "string", "all, except or only the 10-digit numbers in hs10", required=True,
              enum=["all", "except", "only"]),
            field("hs10", "string", "10-digit statistical numbers for scope except/only, separated by ;",
              pattern="([0-9]{10}(;[0-9]{10})*)?"),
            field("member_from", "date", "First day the line belongs to the heading", required=True),
            field("member_to", "date", "Last day the line belongs to the heading (empty: still does)"),
            field("list_source", "string",
              ("Key of the source of the line's membership (tariff_us_china_sources, or "
                   "tariff_actions_<action_id>)"), 
              required=True, pattern="[a-z0-9_A-Z]+"),
            field("note", "string", "Special cases"),
        ],
        "primaryKey": ["edition", "heading", "hs8", "member_from"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    folder = input_folder(INPUTS, env="TARIFF_LINE_SOURCES")
    lines = build(folder)
    write_csv(lines, RESOURCE)
    describe(RESOURCE)
    print(lines.drop_duplicates(["edition", "heading", "hs8"]).groupby(["edition", "heading"]).size().to_string())
