"""Build data/immigration_sources.csv: the source keys of the immigration_* and border_* tables, expanded.

Input: the README.md of the earlier compilation of the immigration sources (made for the project, not published),
whose 'Source keys' section gives every key's public citation and URL; keys found later with the search tool are
written out below.

The committed CSV was edited by hand after this build (commit 05e03cc: citations re-read on 2026-12-03, keys added);
a re-run reproduces the build, not those edits, so review the diff before keeping one.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_immigration_sources.py
--input FOLDER`` (or set IMMIGRATION_SOURCES to the folder).
"""
import re
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _immigration_descriptions import SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION  # noqa: E402

INPUTS = [
    Input("README.md", "earlier compilation of the immigration sources made for the project (not published), "
          "README.md, section 'Source keys'",
          "c74e5f146b850feb12c479d0e94a797c974a25dde2cf90110ed4c68bce6cc061"),
]

RESOURCE = {
    "name": "immigration_sources",
    "path": "immigration_sources.csv",
    "title": "Source keys of the immigration and border tables",
    "description": ("One row per source key used in the immigration_* and border_* tables: citation (publication, table, "
     "date), URL, kind (government = a government document or statistic; government_transcribed = a "
     "government table read through a third-party transcription; secondary = a research centre, poll, "
     "news or practitioner report), where the key was compiled and the date read. Citations as compiled "
     "on 2026-11-28 and re-read 2026-12-03."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
        {
            "title": ("Searches of stored public pages (Federal Register copies, court opinions, agency pages) for "
             "the later keys"),
            "path": "immigration_sources.csv",
            "description": "Read 2026-11-28.",
        },
    ],
    "licenses": [{"name": "CC-BY-4.0", "title": "Compilation of citations"}],
    "schema": {
        "fields": [
            field("key", "string", unique=True, pattern="[a-z0-9_]+", required=True),
            field("citation", "string", required=True),
            field("url", "string", pattern="https?://\\S+"),
            field("kind", "string", enum=["government", "government_transcribed", "secondary"],
              required=True),
            field("origin", "string", required=True),
            field("date_read", "date", format="default", required=True),
        ],
        "primaryKey": ["key"],
        "missingValues": [""],
    },
}

readme = (input_folder(INPUTS, env="IMMIGRATION_SOURCES") / "README.md").read_text(encoding="utf-8")
rows = []
GOV = ("fr_", "cbp_", "ohss_", "dhs_", "crs_", "gao_", "hhs_", "omb_", "sessions_", "eo_")
for line in readme.splitlines():
    for m in re.finditer(r"\*\*([a-z0-9_]+)\*\*\s*(?:—\s*)?(.*?)(?=\s+\*\*[a-z0-9_]+\*\*|$)", line):
        key, text = m.group(1), m.group(2).strip()
        if not line.lstrip().startswith(("-", "**")):
            continue
        urls = re.findall(r"https?://[^\s)]+", text)
        url = urls[0].rstrip(".,;") if urls else ""
        citation = text.rstrip(" .")
        if line.startswith("  **"):
            citation = "USCIS/DHS Temporary Protected Status notice ('for 18 months'): " + citation
        kind = "government" if key.startswith(GOV) else "secondary"
        if key == "dhs_yearbook_lpr_quoted":
            kind = "government_transcribed"
        rows.append(dict(key=key, citation=citation, url=url, kind=kind,
                         origin="first compilation of the immigration sources (2026-11-28): citation and URL as read", date_read="2026-11-28"))
new = [
 ("fr_86_50725", "DHS/USCIS, Continuation of Documentation for Beneficiaries of Temporary Protected Status Designations for El Salvador, Haiti, Nicaragua, Sudan, Honduras, and Nepal, 86 FR 50725-50733, 10 Sep 2021, FR Doc 2021-19617 (TPS and documents kept through 31 Dec 2022, as summarised by CLINIC: https://cliniclegal.org/resources/humanitarian-relief/temporary-protected-status-and-deferred-enforced-departure/sept-9)", "https://regulations.justia.com/regulations/fedreg/2021/09/10/2021-19617.html", "government"),
 ("fr_87_68717", "DHS/USCIS, Continuation of Documentation for Beneficiaries of TPS Designations for El Salvador, Haiti, Nicaragua, Sudan, Honduras, and Nepal, 87 FR 68717-68725, 16 Nov 2022, FR Doc 2022-24984 (18-month automatic extension from 31 Dec 2022 through 30 Jun 2024, as summarised by CLINIC: https://cliniclegal.org/resources/humanitarian-relief/temporary-protected-status-and-deferred-enforced-departure/18-month; 88 FR 40294 refers to the 16 Nov 2022 notice extending documents through 30 Jun 2024)", "https://regulations.justia.com/regulations/fedreg/2022/11/16/2022-24984.html", "government"),
 ("fr_87_19941", "CDC/HHS, Public Health Determination and Order Regarding Suspending the Right To Introduce Certain Persons From Countries Where a Quarantinable Communicable Disease Exists, 87 FR 19941, 6 Apr 2022 (termination of the Title 42 orders 'will be implemented on May 23, 2022'; CDC announcement of 1 Apr 2022)", "http://print.casetext.com/federal-register/public-health-determination-and-order-regarding-suspending-the-right-to-introduce-certain-persons-from-countries-where-a-quarantinable-communicable-disease-exists", "government"),
 ("cnn_2023_05_12_title42", "Jason Hanna, CNN, 12 May 2023: the Title 42 policy expired at 11:59 p.m. ET on Thursday 11 May 2023 together with the public health emergency", "https://localnews8.com/news/national-world/cnn-national/2023/05/12/some-border-counties-declare-disasters-as-title-42-expires-2/", "secondary"),
 ("mpi_2022_title42", "Migration Policy Institute, 'Controversial U.S. Title 42 Expulsions Policy Is Coming to an End, Bringing New Border Challenges' (updated 1 Apr 2022): Title 42 instituted on 20 March 2020, unwinding planned for 23 May", "https://www.migrationpolicyinstitute-europe.com/article/title-42-expulsions-policy", "secondary"),
 ("dhs_daca_rescission_2017_09_05", "DHS Acting Secretary Elaine C. Duke, memorandum 'Rescission of the June 15, 2012 Memorandum Entitled Exercising Prosecutorial Discretion with Respect to Individuals Who Came to the United States as Children', 5 Sep 2017 (renewals only from beneficiaries whose benefits expire between the memo date and 5 Mar 2018, accepted by 5 Oct 2017); text reproduced at https://www.andersenlawllc.com/daca-recission-memo ; summary by NILC", "https://www.nilc.org/issues/daca/status-current-daca-litigation/", "government"),
 ("court_regents_2018_01_09", "Regents of the University of California v. U.S. Department of Homeland Security, 279 F. Supp. 3d 1011 (N.D. Cal., 9 Jan 2018), Judge Alsup, order granting provisional relief", "http://casetext.com/case/regents-of-the-univ-of-cal-v-us-dept-of-homeland-sec/case-summaries", "government"),
 ("court_batalla_vidal_2018_02_13", "Batalla Vidal v. Nielsen, 279 F. Supp. 3d 401 (E.D.N.Y., signed 13 Feb 2018), Judge Garaufis, preliminary injunction", "https://vdocuments.net/279-fsupp3d-401-batalla-vidal-v-nielsen-279-fsupp3d-3-balance-of-equities.html", "government"),
 ("court_naacp_2018_04_24", "NAACP v. Trump, No. 17-cv-1907 (D.D.C., 24 Apr 2018), Judge Bates vacates the DACA rescission memorandum, vacatur stayed 90 days (as described by plaintiffs' counsel Cohen Milstein)", "https://www.cohenmilstein.com/case-study/national-association-advancement-colored-people-naacp-daca-litigation", "secondary"),
 ("mayerbrown_2020_public_charge", "Mayer Brown, 'US Supreme Court Opens Door for Public Charge Rule', 28 Jan 2020 (USCIS final rule published 14 Aug 2019, 'initially set to take effect on October 15, 2019'; Supreme Court stay of 27 Jan 2020)", "https://mayerbrown.com/es/insights/publications/2020/01/us-supreme-court-opens-door-for-public-charge-rule", "secondary"),
 ("shvs_2020_public_charge", "State Health and Value Strategies (Manatt Health), 'The Department of Homeland Security Begins Implementing Its Public Charge Rule on February 24, 2020' (implemented nationwide on 24 Feb 2020, as announced by USCIS on 30 Jan and 22 Feb 2020)", "https://www.shvs.org/the-department-of-homeland-security-will-begin-implementing-its-public-charge-rule-on-february-24-2020/", "secondary"),
 ("dos_2021_01_01_proc_extension", "U.S. Department of State, 'Extension of Presidential Proclamations 10014 and 10052', last updated 1 Jan 2021 (proclamation signed 31 Dec 2020 extends P.P. 10014 and 10052 through 31 Mar 2021)", "https://travel.state.gov/content/travel/en/News/visas-news/extension-of-presidential-proclamations-10014-and-10052.html", "government"),
 ("lexis_2017_sudan_tps", "LexisNexis Immigration Law blog quoting DHS, 'Termination of the Designation of Sudan for Temporary Protected Status', Federal Register Vol. 82, No. 195, 11 Oct 2017 (termination effective 2 Nov 2018, twelve months after the end of the designation)", "https://www.lexisnexis.com/LegalNewsRoom/immigration/b/immigration-law-blog/posts/tps-for-sudan-terminates-november-2-2018", "secondary"),
 ("lexis_2018_honduras_tps", "LexisNexis Immigration Law blog quoting DHS, 'Termination of the Designation of Honduras for Temporary Protected Status', Federal Register Vol. 83, No. 108, 5 Jun 2018 (termination effective 5 Jan 2020, 18 months after the end of the designation)", "https://www.lexisnexis.com/LegalNewsRoom/immigration/b/immigration-law-blog/posts/tps-for-honduras-will-terminate-on-jan-5-2020", "secondary"),
 ("nif_tps_table_2018", "DHS press release of 4 May 2018 (Honduras) reproduced with a National Immigration Forum table of the six TPS terminations (country, DHS announcement date, transition months, effective date): Sudan 18 Sep 2017 / 2 Nov 2018; Nicaragua 6 Nov 2017 / 5 Jan 2019; Haiti 20 Nov 2017 / 22 Jul 2019; El Salvador 8 Jan 2018 / 9 Sep 2019; Nepal 26 Apr 2018 / 24 Jun 2019; Honduras 4 May 2018 / 5 Jan 2020", "https://www.p2016.org/chrntran/haititps112017.html", "secondary"),
 ("ohss_yearbook_2019_t39_quoted", "DHS, Yearbook of Immigration Statistics 2019, Table 39 'Aliens Removed or Returned: Fiscal Years 1892 to 2019' (https://www.dhs.gov/immigration-statistics/yearbook/2019/table39); FY1990-FY2019 values as transcribed in github:ohkaaaaay/Immigration_Nation immigration_deported.csv, commit bd86fcce7453080b149b146b54eb5f82f7f3c2b7, not read from the DHS table itself", "https://ohss.dhs.gov/topics/immigration/yearbook/2019/table39", "government_transcribed"),
 ("dhs_lpr_flow_2020", "DHS Office of Immigration Statistics, Irene Gibson, 'U.S. Lawful Permanent Residents: 2020' annual flow report, September 2021 ('a 31 percent reduction in U.S. grants of LPR status compared to 2019'); text copy at https://info.5y1.org/how-many-legal-immigrants-2020_1_b3a55d.html", "https://www.immigrationresearch.org/node/3363", "government"),
]
for k, c, u, kind in new:
    rows.append(dict(key=k, citation=c, url=u, kind=kind, origin="search of stored public pages, this package", date_read="2026-11-28"))
df = pd.DataFrame(rows).drop_duplicates("key")
df.loc[df.key == "cbp_status_2021_01_04_reported", "kind"] = "secondary"
df.loc[df.key == "cbp_usbp_barrier_mileage_fy2019", "url"] = "https://www.cbp.gov/newsroom/media-resources/stats"
write_csv(df, RESOURCE)
describe(RESOURCE)
