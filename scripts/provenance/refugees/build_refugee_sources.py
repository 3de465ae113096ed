"""Build data/refugee_sources.csv: the source keys of the refugee tables, expanded (publisher, title, date, URL).

No input files: every fact is written out below, as read from the public page named.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/refugees/build_refugee_sources.py``
"""
import csv
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field  # noqa: E402

from analysis.core import io as aio, paths  # noqa: E402

USG = "US government work: public domain (17 U.S.C. 105)"
NEWS = "(c) the publisher; facts and short quotations only"
FR = "Presidential Determination on refugee admissions (INA sec. 207); value read from the sentence 'The admission of up to N refugees ... is justified'"
WH = "The President of the United States (The White House)"
rows = [
 # key, publisher, title, date, url, kind, licence_note, note
 ("WRAPS2024", "U.S. Department of State, Bureau of Population, Refugees, and Migration, Office of Admissions - Refugee Processing Center",
  "Summary of Refugee Admissions as of 31-December-2024 (Refugee Admissions Report), Excel workbook: sheet 'Cumulative Summary of Refugee Admissions' (column 'Total') and per-FY sheets FY2001-FY2025 ('Refugee Admissions Ceiling', 'Grand Totals' row)",
  "2024-12-31", "https://www.wrapsnet.org/documents/PRM%20Refugee%20Admissions%20Report%20as%20of%2031%20Dec%202024.xlsx", "official_statistics", USG,
  "Date = 'as of' date (workbook created 3 Jan 2025). Landing page https://www.wrapsnet.org/admissions-and-arrivals/ . Read from a third-party byte copy of the workbook (github:LMundy98/USRefugees2025). FY2025 covers Oct-Dec 2024 only"),
 ("DHS-YB2023", "U.S. Department of Homeland Security, Office of Homeland Security Statistics",
  "Yearbook of Immigration Statistics 2023, refugees workbook, Table 13 'Refugee Arrivals: Fiscal Years 1980 to 2023'",
  "2024-11-08", "https://ohss.dhs.gov/sites/default/files/2024-11/2024_1108_ohss_yearbook_refugees_fy2023.xlsx", "official_statistics", USG,
  "Rounded to the nearest ten; by arrival date; excludes Amerasian immigrants except FY1989-FY1991. Yearbook page https://ohss.dhs.gov/topics/immigration/yearbook . Read from a third-party byte copy of the workbook"),
 ("DHS-AFR2016", "U.S. Department of Homeland Security, Office of Immigration Statistics",
  "Annual Flow Report 'Refugees and Asylees: 2016' (Nadwa Mossaad and Ryan Baugh)", "", "https://www.dhs.gov/ohss/topics/immigration/refugees-asylees-afr", "official_statistics", USG,
  "Dated January 2018 (day not given). Text read from the copy at https://fdocuments.in/document/nadwa-mossaad-and-ryan-baugh-homeland-security-nadwa-mossaad-and-ryan-baugh-the.html"),
 ("DHS-AFR2017", "U.S. Department of Homeland Security, Office of Immigration Statistics",
  "Annual Flow Report 'Refugees and Asylees: 2017' (Nadwa Mossaad)", "", "https://wixlib.com/document/35289_annual-flow-report-dhs-gov.html", "official_statistics", USG,
  "Dated March 2019 (day not given). URL is the copy the text was read from"),
 ("PD-1990-10-12", WH, "PD 91-3, Determination of FY 1991 Refugee Admissions Numbers, 55 FR 41979 (17 Oct 1990)", "1990-10-12",
  "http://bushlibrary.tamu.edu/research/public_papers.php?id=2324&year=1990&month=10", "primary", USG, FR + "; 131,000 of which 10,000 for private-sector-funded admissions"),
 ("PD-1994-10-01", WH, "PD 95-1, 59 FR 52393 (17 Oct 1994), FR Doc 94-25810", "1994-10-01", "http://federal.elaws.us/fr/10/17/1994/94-25810", "primary", USG, FR + "; 112,000 including Amerasians (110,000 funded)"),
 ("PD-1995-09-29", WH, "PD 95-48, 60 FR 53091 (11 Oct 1995), FR Doc 95-25377", "1995-09-29", "http://federal.elaws.us/fr/10/11/1995/95-25377", "primary", USG, FR),
 ("PD-1996-09-30", WH, "PD 96-59, 61 FR 56869 (4 Nov 1996), FR Doc 96-28397", "1996-09-30", "https://www.govinfo.gov/content/pkg/FR-1996-11-04/html/96-28397.htm", "primary", USG, FR),
 ("PD-1997-09-30", WH, "PD 97-37, 62 FR 53219 (10 Oct 1997), FR Doc 97-27172", "1997-09-30", "http://federal.elaws.us/fr/10/10/1997/97-27172", "primary", USG, FR),
 ("PD-1998-09-30", WH, "PD 98-39, 63 FR 55001 (13 Oct 1998), FR Doc 98-27599", "1998-09-30", "https://www.govinfo.gov/content/pkg/FR-1998-10-13/html/98-27599.htm", "primary", USG, FR),
 ("PD-1999-09-30", WH, "PD 99-45, 64 FR 54505 (7 Oct 1999), FR Doc 99-26269", "1999-09-30", "http://federal.elaws.us/fr/10/7/1999/99-26269", "primary", USG, FR),
 ("PD-2000-09-29", WH, "PD 2000-32, White House release of 29 Sep 2000", "2000-09-29", "https://clintonwhitehouse5.archives.gov/textonly/library/hot_releases/September_29_2000_6.html", "primary", USG, FR),
 ("PD-2001-11-21", WH, "PD 2002-04 of 21 Nov 2001", "2001-11-21", "https://georgewbush-whitehouse.archives.gov/news/releases/2001/11/print/text/20011121-5.html", "primary", USG, FR + "; signed after the start of FY2002"),
 ("PD-2002-10-16", WH, "PD 2003-02, Weekly Compilation of Presidential Documents vol. 38 no. 42, pp. 1782-1783", "2002-10-16", "http://www.gpo.gov:80/fdsys/pkg/WCPD-2002-10-21/html/WCPD-2002-10-21-Pg1782-4.htm", "primary", USG, FR),
 ("PD-2003-10-21", WH, "PD 2004-06, 68 FR 63979 (10 Nov 2003)", "2003-10-21", "http://edocket.access.gpo.gov/2003/03-28360.htm", "primary", USG, FR + "; URL archived at webarchive.library.unt.edu"),
 ("PD-2004-09-30", WH, "PD 2004-53, 3 CFR 2005 compilation p. 296", "2004-09-30", "http://edocket.access.gpo.gov/cfr_2005/janqtr/3CFRSep30.htm", "primary", USG, FR + "; URL archived at webarchive.library.unt.edu"),
 ("PD-2005-10-24", WH, "PD 2006-3, 70 FR 65825 (1 Nov 2005), FR Doc 05-21862", "2005-10-24", "https://regulations.justia.com/regulations/fedreg/2005/11/01/05-21862.html", "primary", USG, FR),
 ("PD-2007-10-02", WH, "PD 2008-1, 3 CFR 2007 compilation", "2007-10-02", "https://en.m.wikisource.org/wiki/Page:Title_3_CFR_2007_Compilation.djvu/353", "primary", USG, FR),
 ("PD-2009-09-30", WH, "PD 2009-32, 74 FR 52385 (13 Oct 2009), FR Doc E9-24686", "2009-09-30", "https://regulations.justia.com/regulations/fedreg/2009/10/13/E9-24686.html", "primary", USG, FR),
 ("PD-2010-10-08", WH, "PD 2011-02, 75 FR 75851 (7 Dec 2010), FR Doc 2010-30826", "2010-10-08", "http://edocket.access.gpo.gov/2010/2010-30826.htm", "primary", USG, FR),
 ("PD-2011-09-30", WH, "PD 2011-17, White House release of 30 Sep 2011", "2011-09-30", "http://www.docstoc.com/docs/130058579/The-White-House", "primary", USG, FR + "; URL is a copy of the release"),
 ("PD-2013-10-02", WH, "PD 2014-01, 78 FR 62415 (21 Oct 2013), FR Doc 2013-24779", "2013-10-02", "http://www.lexisnexis.com/legalnewsroom/immigration/b/insidenews/archive/2013/10/21/refugee-admissions-for-fiscal-year-2014.aspx", "primary", USG, FR + "; URL is a page quoting the text"),
 ("PD-2015-09-29", WH, "PD 2015-14, 80 FR 62433 (16 Oct 2015), FR Doc 2015-26493", "2015-09-29", "https://thefederalregister.org/80-FR/62433", "primary", USG, FR),
 ("PD-2016-09-28", WH, "PD 2016-13, 81 FR 70315 (11 Oct 2016), FR Doc 2016-24736", "2016-09-28", "https://regulations.justia.com/regulations/fedreg/2016/10/11/2016-24736.html", "primary", USG, FR),
 ("PD-2017-09-29", WH, "PD 2017-13, 82 FR 49083 (23 Oct 2017), FR Doc 2017-23140", "2017-09-29", "https://thefederalregister.org/82-FR/49083", "primary", USG, FR + "; 45,000 as quoted from the memorandum at https://myattorneyusa.com/president-trump-sets-fy-2018-refugee-admissions-cap-at-45000"),
 ("PD-2018-10-04", WH, "PD 2019-01, 83 FR 55091 (1 Nov 2018), FR Doc 2018-24135", "2018-10-04", "https://thefederalregister.org/83-FR/55091", "primary", USG, FR + "; signed after the start of FY2019"),
 ("PD-2019-11-01", WH, "PD 2020-04, 84 FR 65903 (29 Nov 2019), FR Doc 2019-26082", "2019-11-01", "https://www.federalregister.gov/documents/2019/11/29/2019-26082/presidential-determination-on-refugee-admissions-for-fiscal-year-2020", "primary", USG, FR + "; signed after the start of FY2020"),
 ("PD-2020-10-27", WH, "PD 2021-02, 85 FR 71219 (6 Nov 2020), FR Doc 2020-24912", "2020-10-27", "https://regulations.justia.com/regulations/fedreg/2020/11/06/2020-24912.html", "primary", USG, FR),
 ("PD-2021-05-03", WH, "PD 2021-06, Emergency Presidential Determination on Refugee Admissions for FY2021, 86 FR 24475 (7 May 2021), FR Doc 2021-09861", "2021-05-03", "https://regulations.justia.com/regulations/fedreg/2021/05/07/2021-09861.html", "primary", USG, "Raised FY2021 admissions from 15,000 to 62,500 (quoted in the README)"),
 ("PD-2021-10-08", WH, "PD 2022-02 of 8 Oct 2021", "2021-10-08", "https://www.whitehouse.gov/briefing-room/statements-releases/2021/10/08/memorandum-for-the-secretary-of-state-on-presidential-determination-on-refugee-admissions-for-fiscal-year-2022/", "primary", USG, FR),
 ("PD-2022-09-27", WH, "Presidential Determination on Refugee Admissions for FY2023 (scheduled for Federal Register publication on 6 Oct 2022)", "2022-09-27", "https://lexisnexis.com/community/insights/legal/immigration/b/insidenews/posts/refugee-admissions-for-fy23-advance-copy", "primary", USG, "Advance copy quoted at the URL; signing reported by KUNA, https://www.kuna.net.kw/ArticleDetails.aspx?id=3055636&language=en"),
 ("PD-2023-09-29", WH, "PD 2023-13, 88 FR 73521 (25 Oct 2023), FR Doc 2023-23733", "2023-09-29", "https://regulations.justia.com/regulations/fedreg/2023/10/25/2023-23733.html", "primary", USG, FR),
 ("PD-2024-09-30", WH, "PD 2024-13, 89 FR 83767 (18 Oct 2024), FR Doc 2024-24321", "2024-09-30", "https://regulations.justia.com/regulations/fedreg/2024/10/18/2024-24321.html", "primary", USG, FR),
 ("PD-2025-09-30", WH, "Presidential Determination on Refugee Admissions for FY2026, FR Doc 2025-19752 (published 31 Oct 2025)", "2025-09-30", "https://public-inspection.federalregister.gov/2025-19752.pdf", "primary", USG, "7,500 as quoted by CWS2025 and by Reuters and UPI reports of 30-31 Oct 2025; the determination text and its FR page number were not seen"),
 ("DCPD-202600360", WH, "Emergency Presidential Determination on Refugee Admissions for Fiscal Year 2026, Daily Compilation of Presidential Documents DCPD-202600360", "", "https://www.govinfo.gov/content/pkg/DCPD-202600360/html/DCPD-202600360.htm", "primary", USG,
  "Known only from a third-party source list (accessed there 22 Jul 2026) summarizing it as raising the FY2026 ceiling from 7,500 to 17,500; the document text was not read. Date not given in the README for the document itself (REUTERS2026 dates the signed determination 21 May 2026)"),
 ("EO13769", WH, "Executive Order 13769 'Protecting the Nation From Foreign Terrorist Entry Into the United States', 82 FR 8977 (1 Feb 2017), FR Doc 2017-02281, sec. 5(d)", "2017-01-27", "https://thefederalregister.org/82-FR/8977", "primary", USG, "Limits FY2017 refugee entries to 50,000 under INA sec. 212(f); not a sec. 207 determination"),
 ("EO13780", WH, "Executive Order 13780, 82 FR 13209 (9 Mar 2017), FR Doc 2017-04837, sec. 6(b)", "2017-03-06", "", "primary", USG, "Same 50,000 limit for FY2017; no URL in the README"),
 ("CRS-98-668-1999-12", "Congressional Research Service", "Joyce Vialet, 'Refugee Admissions and Resettlement Policy: Facts and Issues', 98-668 EPW, updated 6 Dec 1999", "1999-12-06", "https://www.everycrsreport.com/reports/98-668.html", "crs", USG, "Values read from the report summary"),
 ("CRS-RL31269-2002-01", "Congressional Research Service", "Andorra Bruno and Katherine Bush, 'Refugee Admissions and Resettlement Policy', RL31269 (22 Jan 2002 version)", "2002-01-22", "https://www.everycrsreport.com/files/20020122_RL31269_1d8e27962eab0543f6172040c1079d3b4b2067c1.html", "crs", USG, "Values read from the report summary"),
 ("CRS-RL31269-2006-01", "Congressional Research Service", "'Refugee Admissions and Resettlement Policy', RL31269 (25 Jan 2006 version)", "2006-01-25", "https://www.everycrsreport.com/changes/20060125_RL31269_1eb2b6f0767a68e5b1a6fbcdeedbd22ad35d0a67__20070125_RL31269_cb86e1dc3cd266e5e78edae73c570f1eb15bbe86.html", "crs", USG, "Values read from the report summary; URL is a comparison page shared with CRS-RL31269-2007-01"),
 ("CRS-RL31269-2007-01", "Congressional Research Service", "'Refugee Admissions and Resettlement Policy', RL31269 (25 Jan 2007 version)", "2007-01-25", "https://www.everycrsreport.com/changes/20060125_RL31269_1eb2b6f0767a68e5b1a6fbcdeedbd22ad35d0a67__20070125_RL31269_cb86e1dc3cd266e5e78edae73c570f1eb15bbe86.html", "crs", USG, "Values read from the report summary; URL is a comparison page shared with CRS-RL31269-2006-01"),
 ("CRS-RL31269-2008-01", "Congressional Research Service", "'Refugee Admissions and Resettlement Policy', RL31269 (24 Jan 2008 version)", "2008-01-24", "https://congressionalresearch.com/RL31269/document.php?study=Refugee+Admissions+and+Resettlement+Policy", "crs", USG, "Values read from the report summary"),
 ("CRS-RL31269-2012-03", "Congressional Research Service", "'Refugee Admissions and Resettlement Policy', RL31269 (7 Mar 2012 version)", "2012-03-07", "https://www.hsdl.org/?abstract&did=703729", "crs", USG, "Values read from the report summary"),
 ("CRS-RL31269-2013-08", "Congressional Research Service", "'Refugee Admissions and Resettlement Policy', RL31269 (8 Aug 2013 version)", "2013-08-08", "https://immigration-reports.blogspot.com/2013/08/refugee-admissions-and-resettlement.html", "crs", USG, "Summary reproduced at the URL (third-party blog)"),
 ("CRS-RL31269-2015-02", "Congressional Research Service", "'Refugee Admissions and Resettlement Policy', RL31269 (18 Feb 2015 version)", "2015-02-18", "https://www.everycrsreport.com/changes/20150218_RL31269_be2b5558addfaebe375dde0d264bf9231260f4d0__20160216_RL31269_03bc49fc596adcac41508711f2eaa9a801b16884.html", "crs", USG, "Values read from the report summary; URL is a comparison page shared with CRS-RL31269-2016-02"),
 ("CRS-RL31269-2016-02", "Congressional Research Service", "'Refugee Admissions and Resettlement Policy', RL31269 (16 Feb 2016 version)", "2016-02-16", "https://www.everycrsreport.com/changes/20150218_RL31269_be2b5558addfaebe375dde0d264bf9231260f4d0__20160216_RL31269_03bc49fc596adcac41508711f2eaa9a801b16884.html", "crs", USG, "Values read from the report summary; URL is a comparison page shared with CRS-RL31269-2015-02"),
 ("CRS-RL31269-2016-11", "Congressional Research Service", "'Refugee Admissions and Resettlement Policy', RL31269 (30 Nov 2016 version)", "2016-11-30", "https://fas.org/publication/refugee-admissions", "crs", USG, "As summarized by the Federation of American Scientists, 2 Dec 2016 (URL)"),
 ("CRS-RL31269-2017-11", "Congressional Research Service", "'Refugee Admissions and Resettlement Policy', RL31269 (7 Nov 2017 version)", "2017-11-07", "https://legistorm.com/reports/view/crs/306286/Refugee_Admissions_and_Resettlement_Policy.html", "crs", USG, "Summary at the URL"),
 ("CRS-RL31269-2018-12", "Congressional Research Service", "'Refugee Admissions and Resettlement Policy', RL31269 (18 Dec 2018 version)", "2018-12-18", "https://www.everycrsreport.com/reports/RL31269.html", "crs", USG, "Values read from the report summary; FY2018 admissions here count arrivals within FY2018 as of Dec 2018"),
 ("CRS-INSIGHT-2019-11", "Congressional Research Service", "CRS Insight 'FY2020 Refugee Ceiling and Allocations'", "2019-11-07", "", "crs", USG, "Text via HeinOnline handle hein.crs/govbbuz0001; no URL in the README"),
 ("CRS-R47399-2023-01", "Congressional Research Service", "Andorra Bruno, 'U.S. Refugee Admissions Program', R47399", "2023-01-20", "https://www.everycrsreport.com/reports/R47399.html", "crs", USG, "Values read from the report summary"),
 ("ORR-SL03-21", "U.S. Department of Health and Human Services, Administration for Children and Families, Office of Refugee Resettlement", "State Letter #03-21 'Presidential Determination No. 2004-06'", "2003-10-31", "https://www.acf.hhs.gov/orr/resource/state-letter-03-21", "primary", USG, "Restates PD 2004-06 (FY2004) and the FY2003 allocation (regional numbers plus unallocated reserve)"),
 ("DOJ1982", "U.S. Department of Justice", "Note for the Attorney General from the Counselor to the Attorney General on FY1983 refugee admissions, with the Attorney General's letter of 2 Sep 1982 and the Associate Attorney General's memorandum of 27 Aug 1982", "1982-09-01", "", "primary", USG, "Record 'NW 53775 DocId 32966338', scanned copy at archive.org (no URL in the README); records a recommended FY1983 ceiling, not a determination"),
 ("MPI2025", "Migration Policy Institute, Migration Data Hub", "U.S. Annual Refugee Resettlement Ceiling and Annual Number of Admitted Refugees, Fiscal Years 1975 - 2025* (MPI tabulation of WRAPS data)", "", "https://www.migrationpolicy.org/sites/default/files/datahub/MPI-Data-Hub_Refugee-Admissions_1980-2025Q1.xlsx", "compilation",
  "(c) MPI: per MPI's Copyright and Use Policy reproduction may need written consent and any reuse must cite MPI; only individual values are used, each cited; the table is not reproduced",
  "Date not given. Read from the CSV export in github:LMundy98/USRefugees2025@00f7cc8cc1c5a8ae1af9bb662a072e48c5f57789 (Spreadsheets/Originals/MPI-Data-Hub_Refugee-Admissions_1980-2025Q1(Sheet1).csv; repository has no licence file). FY2025 = Oct-Dec 2024. Not independent of WRAPS2024 for admissions"),
 ("MPI2019", "Migration Policy Institute, Migration Data Hub", "U.S. Annual Refugee Resettlement Ceilings and Number of Refugees Admitted, 1980-Present (web page)", "", "https://www.migrationpolicy.org/programs/data-hub/charts/us-annual-refugee-resettlement-ceilings-and-number-refugees-admitted-united", "compilation",
  "(c) MPI: facts cited with attribution (MPI Copyright and Use Policy)", "Version covering FY1980 through 11 Sep 2019 (publication date not given). Not independent of WRAPS2024 for admissions"),
 ("IRAP2021", "International Refugee Assistance Project", "Refugee Reset: Mid-Year Increases to the U.S. Refugee Admissions Target", "2021-01-28", "https://refugeerights.org/news-resources/refugee-reset-mid-year-increases-to-the-u-s-refugee-admissions-target-january-28-2020", "compilation", "(c) IRAP; facts cited",
  "Dated 28 Jan 2021 in the document; the publisher's page headline reads 'January 28, 2020'. Copy at https://docslib.org/doc/7980033/mid-year-increases-to-the-us-refugee-admissions-target"),
 ("UPI1989", "United Press International (in the Los Angeles Times)", "Administration Hopes to Admit More Refugees", "1989-03-16", "https://www.latimes.com/archives/la-xpm-1989-03-16-mn-2160-story.html", "news", NEWS, "Gives the then-current FY1989 admissions limit"),
 ("AP2006", "Associated Press (NBC News)", "Bush sets refugee ceiling at 70,000 for 2007 (NBC News story id wbna15233744)", "", "https://nbcnews2026.pages.dev/id/wbna15233744", "news", NEWS, "Dated October 2006 (day not given); URL is where the text was read"),
 ("HRI2012", "Human Rights Initiative of North Texas", "President Obama Allows for 70,000 Refugees for Fiscal Year 2013", "2012-11-12", "https://hrionline.org/2012/11/12/president-obama-allows-for-70000-refugees-for-fiscal-year-2013/", "news", NEWS, "Advocacy organisation's news post"),
 ("ROLLCALL2022", "Roll Call", "United States fell far short of refugee goal last fiscal year", "2022-10-06", "https://rollcall.com/2022/10/06/united-states-fell-far-short-of-refugee-goal-last-fiscal-year/", "news", NEWS, "Cites official State Department data released the previous Wednesday"),
 ("GLOBALREFUGE2024", "Global Refuge", "Press release 'U.S. Resettles Most Refugees in Three Decades, Maintains FY 2025 Refugee Cap at 125,000'", "2024-09-30", "https://globalrefuge.org/news/refugees-resettlement-three-decades", "news", NEWS, "Advocacy organisation's press release"),
 ("CWS2025", "Church World Service", "Action alert on the FY2026 Presidential Determination on refugee admissions", "", "https://cwsglobal.org/action-alerts/take-action-advocate-for-a-refugee-admissions-goal-that-reflects-humanitarian-values-and-responds-to-global-need", "news", NEWS, "Advocacy action alert; publication date not given (the determination it reports was published in the Federal Register on 31 Oct 2025)"),
 ("REUTERS2026", "Reuters", "Trump raises refugee ceiling by 10,000 to bring more white South Africans", "2026-05-26", "https://www.reuters.com/world/us/trump-raises-refugee-ceiling-by-10000-bring-more-white-south-africans-2026-05-26/", "news", NEWS,
  "Reports a signed determination dated 21 May 2026 raising the FY2026 ceiling; text read in republications (e.g. https://efinder.lk/news/article/trump-raises-refugee-cap-to-admit-more-white-south-africans-2)"),
]
cols = ["key", "publisher", "title", "date", "url", "kind", "licence_note", "note"]
assert len({r[0] for r in rows}) == len(rows)

RESOURCE = {
    "name": "refugee_sources",
    "path": "refugee_sources.csv",
    "title": "Source keys of the refugee ceilings and admissions tables",
    "description": ("One row per source key used in refugee_ceilings_admissions.csv (ceiling_source, admitted_source) "
     "and refugee_cross_check.csv (source_a, source_b), and only those. Every fact (publisher, title, "
     "date, URL) was compiled from the cited public source; nothing is filled from memory. An empty date "
     "or url means the README gives none."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        {
            "title": "Source keys of the refugee tables (publisher, title, date, URL of every key)",
            "path": "refugee_sources.csv",
        },
        {
            "title": "U.S. Department of State, PRM Refugee Processing Center (WRAPS), Refugee Admissions Report",
            "path": "https://www.wrapsnet.org/admissions-and-arrivals/",
        },
        {
            "title": "DHS Office of Homeland Security Statistics, Yearbook of Immigration Statistics",
            "path": "https://ohss.dhs.gov/topics/immigration/yearbook",
        },
        {
            "title": ("Presidential Determinations on refugee admissions and Executive Orders 13769/13780 (Federal "
             "Register)"),
            "path": "https://www.federalregister.gov/",
        },
        {
            "title": "Congressional Research Service, RL31269 and related reports (via everycrsreport.com)",
            "path": "https://www.everycrsreport.com/reports/RL31269.html",
        },
        {
            "title": "Migration Policy Institute, Migration Data Hub",
            "path": ("https://www.migrationpolicy.org/programs/data-hub/charts/us-annual-refugee-resettlement-ceilings-and-number-refugees-admitted-united"),
        },
        {
            "title": ("International Refugee Assistance Project, Refugee Reset: Mid-Year Increases to the U.S. "
             "Refugee Admissions Target"),
            "path": ("https://refugeerights.org/news-resources/refugee-reset-mid-year-increases-to-the-u-s-refugee-admissions-target-january-28-2020"),
        },
    ],
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "This bibliographic table: CC BY 4.0 (facts about publications)",
        },
        {
            "name": "public-domain-us-gov",
            "title": ("Cited US government works are public domain (17 U.S.C. 105); MPI, IRAP and news publishers "
             "keep their copyright (facts cited only; see licence_note per row)"),
        },
    ],
    "schema": {
        "fields": [
            field("key", "string", "Source key as used in the refugee tables", required=True, unique=True,
              pattern="[A-Z][A-Z0-9-]*[A-Z0-9]"),
            field("publisher", "string", "Issuing body or publisher", required=True),
            field("title", "string", "Document title and number (e.g. PD 2016-13, 81 FR 70315)",
              required=True),
            field("date", "date",
              ("ISO date of the document (PDs and EOs: date signed; WRAPS: as-of date; DHS yearbook: "
                   "file date). Empty when the README gives no full date (month-only dates are in note)"), 
              format="default"),
            field("url", "string", "URL as printed in the README (empty if none)", pattern="https?://\\S+"),
            field("kind", "string",
              ("primary = determinations, orders and other government documents; official_statistics "
                   "= State Dept/DHS statistical series; crs = Congressional Research Service; "
                   "compilation = non-government data compilations (MPI, IRAP); news = news and advocacy "
                   "reports"), 
              required=True, enum=["primary", "official_statistics", "crs", "compilation", "news"]),
            field("licence_note", "string", "Terms under which the source's facts are used", required=True),
            field("note", "string", "Caveats, copies read, second URLs (from the README)"),
        ],
        "primaryKey": ["key"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    w.writerows(rows)
    aio.write_text(paths.DATA / RESOURCE["path"], buf.getvalue())
    describe(RESOURCE)
