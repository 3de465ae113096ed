"""One-off builder: copy the compiled immigration sources into tidy data/ tables (run once; provenance in descriptor).

Input folder: environment variable IMMIGRATION_SOURCES (or first argument), holding the tidy tables of the earlier compilation of immigration sources (us_southwest_border_encounters_fy.csv, us_southwest_border_encounters_monthly.csv, border_barrier_miles.csv and the others read below; each row names its source key, and data/immigration_sources.csv expands every key to its public citation and URL), plus the working transcription immigration_deported.csv.
"""
import csv, re
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _paths import DATA, SRC as SRC_CODE, input_dir  # noqa: E402
import pandas as pd

SRC = input_dir("IMMIGRATION_SOURCES", "the immigration compilation tables named in the docstring")
OUT = DATA

def w(df, name):
    df.to_csv(OUT / name, index=False, lineterminator="\n")
    print(name, len(df))

# --- encounters -------------------------------------------------------------------------------------
fy = pd.read_csv(SRC / "us_southwest_border_encounters_fy.csv", dtype=str, keep_default_na=False)
fy = fy.drop(columns=["unit"])
w(fy, "border_encounters_fy.csv")
m = pd.read_csv(SRC / "us_southwest_border_encounters_monthly.csv", dtype=str, keep_default_na=False)
m = m.drop(columns=["unit"])
w(m, "border_encounters_monthly.csv")

# --- barrier miles ----------------------------------------------------------------------------------
bm = pd.read_csv(SRC / "border_barrier_miles.csv", dtype=str, keep_default_na=False)
basis = {"1954": "IBWC land boundary", "1984": "IBWC incl. maritime boundaries", "1933": "CRS and Census Bureau",
         "1900": "CBP round figure", "1991": "GAO (some reports)"}
bm.insert(4, "basis", [basis[v] if meas == "border_length" else "" for v, meas in zip(bm["miles"], bm["measure"])])
bm.insert(0, "record_id", [f"BM{i+1:02d}" for i in range(len(bm))])
w(bm, "border_barrier_miles.csv")

bf = pd.read_csv(SRC / "border_barrier_funding.csv", dtype=str, keep_default_na=False)
bf.insert(0, "record_id", [f"BF{i+1:02d}" for i in range(len(bf))])
w(bf, "border_barrier_funding.csv")

# --- policy parameters, statistics, LPR, polls ------------------------------------------------------
pp = pd.read_csv(SRC / "immigration_policy_parameters.csv", dtype=str, keep_default_na=False)
pp.insert(0, "record_id", [f"PP{i+1:02d}" for i in range(len(pp))])
w(pp, "immigration_policy_parameters.csv")

st = pd.read_csv(SRC / "us_immigration_single_statistics.csv", dtype=str, keep_default_na=False)
extra = pd.DataFrame([{
    "statistic": "reduction in grants of LPR status, FY2020 vs FY2019", "geography": "United States",
    "period_start": "2019-10-01", "period_end": "2020-09-30", "value": "31", "unit": "percent",
    "count_basis": "persons obtaining LPR status", "source": "dhs_lpr_flow_2020",
    "note": "OIS annual flow report: 'a 31 percent reduction in U.S. grants of LPR status compared to 2019'"}])
st = pd.concat([st, extra], ignore_index=True)
st.insert(0, "record_id", [f"ST{i+1:02d}" for i in range(len(st))])
w(st, "immigration_statistics.csv")

lpr = pd.read_csv(SRC / "us_lawful_permanent_residents_fy.csv", dtype=str, keep_default_na=False).drop(columns=["unit"])
w(lpr, "immigration_lpr_fy.csv")

po = pd.read_csv(SRC / "us_public_opinion_immigration_2024.csv", dtype=str, keep_default_na=False)
w(po, "immigration_public_opinion_2024.csv")

# --- removals and returns (DHS Yearbook 2019 Table 39, third-party transcription) --------------------
rem = pd.read_csv(SRC / "immigration_deported.csv", dtype=str, keep_default_na=False)
rem = rem.rename(columns={"Year": "fiscal_year", "Removals": "removals", "Returns": "returns"})
rem = rem.sort_values("fiscal_year", key=lambda s: s.astype(int))
rem["source"] = "ohss_yearbook_2019_t39_quoted"
w(rem, "border_removals_returns_fy.csv")
