"""Build data/refugee_policy_parameters.csv: one cited value per row, from the public sources named in each row.

No input files: every value, locator and URL is written out below, as read on the date in R; nothing is typed from
memory or computed.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/refugees/build_refugee_policy_parameters.py``
"""
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field  # noqa: E402

from analysis.core import paths  # noqa: E402

R = "2026-11-28"
FR8977 = ("Executive Order 13769 of January 27, 2017, Protecting the Nation From Foreign Terrorist Entry Into the United States (82 FR 8977-8982, FR Doc 2017-02281), Federal Register page 8979 as reproduced in 'Trump Executive Orders 2017-2021'",
          "Executive Office of the President / Federal Register", "http://online.flipbuilder.com/mcjt/tsle/files/basic-html/page18.html")
EO13780 = ("Executive Order 13780 (infobox and summary with Federal Register details: FR Doc 2017-04837, published 9 Mar 2017, citation 13209)",
           "Infogalactic (Wikipedia mirror)", "http://phase2.infogalactic.com/info/Executive_Order_13780")
LIRS = ("President Trump's Re-Written Executive Order Targeting Refugee Resettlement: Summary and Talking Points (LIRS, reposted by Ascentria)",
        "Lutheran Immigration and Refugee Service", "https://ascentria.org.wakeflywebsites.com/our-services/services-new-americans/refugees-and-resettlement-resource-center/background-trump-administration-executive-order")
EO13815 = ("Executive Order 13815 of October 24, 2017, Resuming the United States Refugee Admissions Program With Enhanced Vetting Capabilities (82 FR 50055-50058, FR Doc 2017-23630)",
           "Executive Office of the President / Federal Register", "https://thefederalregister.org/82-FR/50055")
MILLER = ("Ban on Refugees Expires; Trump Administration Calls for Additional Vetting of 11 Nationalities, 90-Day Review Period",
          "Miller Mayer LLP", "https://millermayer.com/2017/ban-refugees-expires-trump-administration-calls-additional-vetting-11-nationalities-90-day-review-period/")
REUT = ("Trump administration to add new screening for refugees: document (Reuters, 24 Oct 2017)",
        "Reuters (via AOL News)", "https://www.aol.com/article/news/2017/10/24/document-trump-administration-to-add-new-screening-for-refugees/23254316/")
DHS18 = ("DHS Announces Additional, Enhanced Security Procedures for Refugees Seeking Resettlement in the United States (press release, 29 Jan 2018)",
         "U.S. Department of Homeland Security", "https://www.dhs.gov/news/2018/01/29/dhs-announces-additional-enhanced-security-procedures-refugees-seeking-resettlement")
POMPEO = ("Secretary Pompeo remarks to the media, Treaty Room, 17 Sep 2018 (refugee ceiling for FY2019)",
          "U.S. Department of State (archived 2017-2021 site)", "https://2017-2021.state.gov/remarks-to-the-media/index.html")
PD19 = ("Presidential Determination No. 2019-01 of October 4, 2018, Presidential Determination on Refugee Admissions for Fiscal Year 2019 (83 FR 55091-55092, FR Doc 2018-24135)",
        "Executive Office of the President / Federal Register", "https://thefederalregister.org/83-FR/55091")
STATE21 = ("Transmission of President's Report to Congress on Proposed Refugee Admissions for Fiscal Year 2021 (State Department press statement, 30 Sep 2020)",
           "U.S. Department of State (reproduced by Mirage News)", "https://www.miragenews.com/transmission-of-president-s-report-to-congress-on-proposed-refugee-admissions-for-fiscal-year-2021/")
PD21 = ("Presidential Determination No. 2021-02 of October 27, 2020, Presidential Determination on Refugee Admissions for Fiscal Year 2021 (85 FR 71219-71221, FR Doc 2020-24912)",
        "Executive Office of the President / Federal Register", "https://regulations.justia.com/regulations/fedreg/2020/11/06/2020-24912.html")
IFR = ("Implementing Bilateral and Multilateral Asylum Cooperative Agreements Under the Immigration and Nationality Act, interim final rule (84 FR 63994-64011, FR Doc 2019-25137)",
       "DHS (USCIS) and DOJ (EOIR) / Federal Register", "https://www.govinfo.gov/content/pkg/FR-2019-11-19/html/2019-25137.htm")
DHSFACT = ("DHS Agreements with Guatemala, Honduras, and El Salvador (DHS fact sheet, copy at docslib)",
           "U.S. Department of Homeland Security", "https://docslib.org/doc/11995634/dhs-agreements-with-guatemala-honduras-and-el-salvador")
VOA = ("US, Guatemala Sign Deal to Restrict Central American Asylum-Seekers (VOA, 26 Jul 2019)",
       "Voice of America", "https://voa.pangea-cms.com/preview/en-US/a/usa_us-guatemala-sign-deal-restrict-central-american-asylum-seekers/6172725.html")
HRW21 = ("US Terminates Shameful Asylum-Shirking Pacts (10 Feb 2021)", "Human Rights Watch",
         "https://www.hrw.org/news/2021/02/10/us-terminates-shameful-asylum-shirking-pacts")
HRW20 = ("Deportation with a Layover: Failure of Protection under the US-Guatemala Asylum Cooperative Agreement (19 May 2020)",
         "Human Rights Watch and Refugees International", "http://hrw.org:80/report/2020/05/19/deportation-layover/failure-protection-under-us-guatemala-asylum-cooperative")
CNS = ("Report Finds Major Flaws in US-Guatemala Asylum Pact (on the HRW/Refugees International report)", "Courthouse News Service",
       "https://www.courthousenews.com/report-finds-major-flaws-in-us-guatemala-asylum-pact/")
SFRC = ("Menendez Publishes New Report Documenting Cruelty, Coercion, and Legal Contortions in Trump Administration's Asylum Agreements (press release on S. Prt. 117-13, 18 Jan 2021)",
        "U.S. Senate Committee on Foreign Relations", "https://foreign.senate.gov/press/ranking/release/menendez-publishes-new-report-documenting-cruelty-coercion-and-legal-contortions-in-trump-administrations-asylum-agreements")
AP = ("The U.S. sent Central American asylum seekers to Guatemala to seek refuge. None were granted asylum, report says (AP, Jan 2021)",
      "Associated Press (via The Seattle Times)", "https://www.seattletimes.com/nation-world/the-u-s-sent-central-american-asylum-seekers-to-guatemala-to-seek-refuge-none-were-granted-asylum-report-says/")
WAPO = ("Trump administration finalizes asylum agreement with El Salvador (15 Dec 2020)", "The Washington Post",
        "https://www.washingtonpost.com/immigration/el-salvador-asylum-us-border/2020/12/15/2a1f682a-3f2a-11eb-a402-fba110db3b42_story.html")
APSAL = ("US reaches pact to send asylum-seekers to El Salvador (AP wire, Dec 2020)", "Associated Press (via The Federal)",
         "https://thefederal.com/from-the-wires/us-reaches-pact-to-send-asylum-seekers-to-el-salvador/")
GAO = ("Southwest Border: DHS and DOJ Have Implemented Expedited Credible Fear Screening Pilot Programs, but Should Ensure Timely Data Entry (GAO-21-144, 25 Jan 2021)",
       "U.S. Government Accountability Office", "https://www.gao.gov/products/gao-21-144")
ROLL = ("DHS expands programs that fast-track asylum process (CQ Roll Call, 26 Feb 2020)", "CQ Roll Call",
        "https://rollcall.com/2020/02/26/dhs-expands-asylum-programs-that-fast-track-deportations/")
OIG = ("DHS Has Not Effectively Implemented the Prompt Asylum Pilot Programs (OIG-21-16, 25 Jan 2021)", "DHS Office of Inspector General",
       "https://www.oig.dhs.gov/reports/2021/dhs-has-not-effectively-implemented-prompt-asylum-pilot-programs/oig-21-16-jan21")
TIAS = ("Migration and Refugees: Agreement Between the United States of America and Guatemala, signed at Washington July 26, 2019, entered into force November 15, 2019 (Treaties and Other International Acts Series 19-1115)",
        "U.S. Department of State", "https://pdfslide.net/documents/migration-and-refugees-us-department-of-state.html")
IPT = ("DHS begins implementing the Prompt Asylum Claim Review program (policy tracker entry ID #112)", "Immigration Policy Tracking Project",
       "https://immpolicytracking.org/policies/trump-administration-testing-new-program-prompt-asylum-claim-review")

rows = []
def add(pid, claims, instrument, parameter, value, unit, date, src, loc, kind, note):
    t, p, u = src if src else ("", "", "")
    rows.append(dict(parameter_id=pid, claim_ids=claims, instrument=instrument, parameter=parameter,
                     value=value, unit=unit, date=date, source_title=t, publisher=p, url=u, date_read=R,
                     quote_or_locator=loc, source_kind=kind, note=note))

# --- REF-01 / REF-05: USRAP suspensions
add("eo13769_usrap_suspension_length", "REF-01", "Executive Order 13769",
    "length of the suspension of the U.S. Refugee Admissions Program ordered in sec. 5(a)", "120", "days", "2017-01-27", FR8977,
    "82 FR 8979, sec. 5(a)", "primary",
    "date = date of the order (27 Jan 2017); sec. 5(a) has USRAP admissions resume 120 days after the date of the order. Order text read from a reproduction of the FR page; FR Doc 2017-02281, published 1 Feb 2017")
add("eo13780_usrap_suspension_length", "REF-05", "Executive Order 13780",
    "length of the suspension of refugee travel and refugee-status decisions ordered in sec. 6(a)", "120", "days", "2017-03-06", EO13780,
    "infobox summary ('Suspends the U.S. Refugee Admissions Program for 120 days')", "secondary",
    "date = signing date (6 Mar 2017). The text of sec. 6(a) itself was not found in a stored source; EO 13815 sec. 1(c) (82 FR 50055) confirms that sec. 6(a) ordered the suspension but its excerpt gives no length; LIRS summary also gives 120 days")
add("eo13780_effective_date", "REF-05", "Executive Order 13780",
    "date the order (and the 120-day clock of sec. 6(a)) took effect under its own terms", "", "date", "2017-03-16", LIRS,
    "'How is this version the same?' list (12:01 a.m. EST, 16 Mar 2017; 120-day clock restarts on the effective date)", "secondary",
    "date-valued parameter (see date column). Enjoined on 15 Mar 2017 (TRO, D. Haw.) before taking effect; the document's 'from 2017-03-06' is the signing date, not the start of the suspension")
add("eo13780_refugee_suspension_in_effect_from", "REF-05", "Executive Order 13780",
    "date the refugee suspension took effect in part after the Supreme Court's partial stay of the injunctions", "", "date", "2017-06-29", EO13780,
    "infobox footnote ('Effective since June 29, 2017')", "secondary",
    "date-valued parameter. The Supreme Court's order was of 26 Jun 2017 (document L602); implementation began 29 Jun 2017")
add("eo13780_refugee_suspension_end", "REF-05;REF-06", "Executive Order 13780",
    "date the 120-day refugee suspension expired", "", "date", "2017-10-24", MILLER,
    "first paragraph ('expired on October 24, 2017')", "secondary",
    "date-valued parameter. Reuters (24 Oct 2017) also says the 120 days were up on Tuesday 24 Oct; the Infogalactic summary gives 27 Oct 2017 instead")
# --- REF-06 / REF-24: EO 13815, SAO countries, DHS Jan 2018
add("eo13815_signed", "REF-06", "Executive Order 13815",
    "date of the order resuming USRAP with enhanced vetting", "", "date", "2017-10-24", EO13815,
    "82 FR 50055 heading ('Executive Order 13815 of October 24, 2017'); published 27 Oct 2017", "primary",
    "date-valued parameter. The order does not itself name countries; the 11 countries come from the accompanying memorandum (next row)")
add("memo_2017_10_23_sao_countries", "REF-06", "State/DHS/ODNI memorandum to the President of 23 Oct 2017",
    "number of Security Advisory Opinion (SAO) countries whose refugee applications were deprioritised during a 90-day review", "11", "countries", "2017-10-23", MILLER,
    "paragraphs 2-3 (memo quoted: 'temporarily prioritize refugee applications from other non-SAO countries')", "secondary",
    "the memo and EO do not list the countries; reported list: Egypt, Iran, Iraq, Libya, Mali, North Korea, Somalia, South Sudan, Sudan, Syria, Yemen (Politico, Reuters). Primary memo text not found in a stored source; law-firm summary quoting it")
add("dhs_2018_high_risk_countries", "REF-24;REF-06", "DHS announcement of 29 Jan 2018 (90-day review under EO 13815 sec. 3)",
    "number of 'high-risk' countries whose nationals are subject to additional security measures", "11", "countries", "2018-01-29", DHS18,
    "paragraph 3 ('nationals from 11 high-risk countries')", "primary",
    "measures named by DHS: additional screening for certain nationals of high-risk countries, administering USRAP in a more risk-based manner, periodic review of the high-risk country list and selection criteria; Washington Times (29 Jan 2018) reports 'in-depth interviews'")
add("dhs_2018_separate_child_interviews", "REF-24", "DHS announcement of 29 Jan 2018",
    "separate interviews of children among the additional measures (1 = documented)", "", "indicator", "2018-01-29", DHS18,
    "whole release", "primary",
    "NOT FOUND: neither the DHS release nor the news reports seen (Washington Times, Western Journal, Madrid Crost) mention separate interviews for children or longer interviews in those words; 'more in-depth interviews of applicants and their family members' is the closest reported measure")
# --- REF-10 / REF-15: FY2019, FY2021 determinations
add("fy2019_proposed_ceiling_announced", "REF-10", "Report on Proposed Refugee Admissions for FY2019",
    "refugee ceiling proposed for FY2019, announced by the Secretary of State", "30000", "persons", "2018-09-17", POMPEO,
    "opening remarks ('up to 30,000 refugees under the new refugee ceiling')", "primary",
    "17 Sep 2018 is the announcement of the PROPOSED ceiling and the day the Report to Congress was submitted (see fy2019_report_submitted); not the signature")
add("fy2019_report_submitted", "REF-10", "Presidential Determination No. 2019-01",
    "date the Report on Proposed Refugee Admissions for FY2019 was submitted to Congress, as recited in the determination", "", "date", "2018-09-17", PD19,
    "83 FR 55091, first paragraph", "primary", "date-valued parameter")
add("fy2019_determination_signed", "REF-10", "Presidential Determination No. 2019-01",
    "refugee admissions ceiling for FY2019 in the signed determination", "30000", "persons", "2018-10-04", PD19,
    "83 FR 55091 ('Presidential Determination No. 2019-01 of October 4, 2018'; 'admission of up to 30,000 refugees')", "primary",
    "date = signature, after FY2019 had begun on 1 Oct 2018")
add("fy2019_determination_published", "REF-10", "Presidential Determination No. 2019-01",
    "date the FY2019 determination was published in the Federal Register", "", "date", "2018-11-01", PD19,
    "83 FR 55091, FR Doc 2018-24135, Vol. 83 No. 212", "primary", "date-valued parameter")
add("fy2021_proposed_ceiling_submitted", "REF-15", "Report on Proposed Refugee Admissions for FY2021",
    "refugee ceiling proposed for FY2021 in the Report to Congress", "15000", "persons", "2020-09-30", STATE21,
    "paragraph 2 ('up to 15,000 would be refugees admitted through the U.S. Refugee Admissions Program')", "primary",
    "State Department statement read from a reproduction; PD 2021-02 also recites submission on 30 Sep 2020")
add("fy2021_determination_signed", "REF-15", "Presidential Determination No. 2021-02",
    "refugee admissions ceiling for FY2021 in the signed determination", "15000", "persons", "2020-10-27", PD21,
    "85 FR 71219 ('Presidential Determination No. 2021-02 of October 27, 2020'; 'admission of up to 15,000 refugees')", "primary",
    "date = signature; the ceiling includes more than 6,000 unused FY2020 places (same paragraph)")
add("fy2021_determination_published", "REF-15", "Presidential Determination No. 2021-02",
    "date the FY2021 determination was published in the Federal Register", "", "date", "2020-11-06", PD21,
    "85 FR 71219, FR Doc 2020-24912, Vol. 85 No. 216 (Friday, November 6, 2020)", "primary",
    "date-valued parameter. The document's 6 Nov 2020 is this publication date, not the signature (27 Oct 2020)")
# --- REF-17
add("oct2017_whereabouts_history_years", "REF-17", "State Department refugee-processing instructions following the 23 Oct 2017 memorandum",
    "years of whereabouts (address) history refugee applicants must provide", "10", "years", "2017-10-25", REUT,
    "paragraph 1 ('going back a decade, twice as long as before'; changes effective Wednesday)", "secondary",
    "date = effective date reported by Reuters (Wed 25 Oct 2017). Davidson & Seseri (law firm) reports phone, email and address data going back 10 years for places lived > 30 days")
add("pre_oct2017_whereabouts_history_years", "REF-17", "refugee processing before 25 Oct 2017",
    "years of whereabouts history required before the change", "", "years", "2017-10-24", REUT,
    "paragraph 1", "secondary",
    "NOT FOUND as a number: Reuters says the new decade is 'twice as long as before' (i.e. implies 5) but no stored source states 5 years; left empty")
# --- REF-18 to REF-21: ACAs
add("aca_transfers_to_el_salvador", "REF-21", "U.S.-El Salvador Asylum Cooperative Agreement",
    "asylum seekers transferred to El Salvador under the ACA", "0", "persons", "2020-12-15", WAPO,
    "paragraph 2 ('the deal has yet to result in any actual transfer of asylum seekers')", "secondary",
    "DHS finalised implementation plans in Dec 2020; no later source seen reports transfers before the Feb 2021 suspension")
add("aca_transfers_to_honduras", "REF-21", "U.S.-Honduras Asylum Cooperative Agreement",
    "asylum seekers transferred to Honduras under the ACA", "0", "persons", "2020-12", APSAL,
    "paragraph 2 ('Flights to Honduras were expected to begin earlier this year, but the pandemic put them on indefinite hold')", "secondary",
    "zero inferred from the statement that flights never began; HRW (Feb 2021) says only the Guatemala agreement was ever implemented")
add("aca_in_force_under_trump", "REF-18;REF-21", "Asylum Cooperative Agreements with El Salvador, Guatemala and Honduras",
    "number of the three ACAs ever implemented (transfers made) before their suspension", "1", "agreements", "2021-02-06", HRW21,
    "paragraph 2 ('Only the Guatemala agreement was ever implemented')", "secondary",
    "the agreements were suspended by the State Department on 6 Feb 2021; CNN (via CAIRCO, Dec 2020) also reports only the Guatemala agreement was up and running")
add("aca_agreements_signed_2019", "REF-18", "Asylum Cooperative Agreements (INA sec. 208(a)(2)(A))",
    "number of bilateral ACAs entered into in 2019 (El Salvador, Guatemala, Honduras)", "3", "agreements", "2019-11-19", IFR,
    "84 FR 63994, Summary", "primary", "signed, not necessarily in force: see aca_in_force_under_trump for how many were implemented")
add("aca_guatemala_signed", "REF-18", "U.S.-Guatemala Asylum Cooperative Agreement",
    "date the agreement with Guatemala was signed", "", "date", "2019-07-26", TIAS,
    "TIAS 19-1115 cover page ('Signed at Washington July 26, 2019')", "primary",
    "date-valued parameter; VOA (26 Jul 2019) reports the Oval Office signing by acting DHS Secretary McAleenan and Interior Minister Degenhart. TIAS text read from a third-party copy")
add("aca_el_salvador_signed", "REF-18", "U.S.-El Salvador Asylum Cooperative Agreement",
    "date the agreement with El Salvador was signed", "", "date", "2019-09-20", DHSFACT,
    "table 'Agreement types', El Salvador column", "primary", "date-valued parameter")
add("aca_honduras_signed", "REF-18", "U.S.-Honduras Asylum Cooperative Agreement",
    "date the agreement with Honduras was signed", "", "date", "2019-09-25", DHSFACT,
    "table 'Agreement types', Honduras column", "primary", "date-valued parameter; document L967-968 gives 26 Jul-25 Sep 2019 for the three signatures")
add("aca_implementing_rule_effective", "REF-18", "Interim final rule implementing ACAs",
    "date the implementing rule took effect", "", "date", "2019-11-19", IFR,
    "84 FR 63994, DATES ('This rule is effective November 19, 2019')", "primary", "date-valued parameter")
add("aca_guatemala_entry_into_force", "REF-18", "U.S.-Guatemala Asylum Cooperative Agreement",
    "date the Guatemala agreement entered into force", "", "date", "2019-11-15", TIAS,
    "TIAS 19-1115 cover page ('Entered into force November 15, 2019')", "primary",
    "date-valued parameter; matches document L971 (15 Nov 2019). The implementing rule took effect 19 Nov 2019 and the first transfers were on 21 Nov 2019")
add("aca_guatemala_first_transfer", "REF-19", "U.S.-Guatemala Asylum Cooperative Agreement",
    "date of the first transfers to Guatemala", "", "date", "2019-11-21", CNS,
    "paragraph on the Guatemalan Institute of Migration figures ('between Nov. 21, 2019, and March 16, 2020')", "secondary", "date-valued parameter")
add("aca_guatemala_transfers_suspended", "REF-19", "U.S.-Guatemala Asylum Cooperative Agreement",
    "date transfers to Guatemala were suspended (COVID-19)", "", "date", "2020-03-16", HRW20,
    "Summary, paragraph 3 ('Prior to the suspension of the ACA on March 16, 2020')", "secondary",
    "date-valued parameter; document L987-990 says Guatemala suspended the ACA on 17 Mar 2020")
add("aca_guatemala_transferred_sfrc", "REF-19", "U.S.-Guatemala Asylum Cooperative Agreement",
    "asylum seekers transferred from the U.S. to Guatemala under the ACA", "945", "persons", "2021-01-18", SFRC,
    "first conclusion bullet ('not one of the 945 asylum seekers transferred')", "primary",
    "Senate Foreign Relations Committee (Democratic/majority staff) report S. Prt. 117-13, 18 Jan 2021; AP calls it 'at least 945', mostly Salvadorans and Hondurans; transfers ran Nov 2019-Mar 2020")
add("aca_guatemala_transferred_hrw", "REF-19", "U.S.-Guatemala Asylum Cooperative Agreement",
    "asylum seekers transferred to Guatemala, 21 Nov 2019-16 Mar 2020, per the Guatemalan Institute of Migration", "939", "persons", "2020-03-16", CNS,
    "paragraph 'Only 20 of the 939 asylum seekers transferred'", "secondary",
    "earlier count (HRW/Refugees International report of May 2020, citing the Guatemalan Institute of Migration); The Intercept reports the same 939")
add("aca_guatemala_applied_sfrc", "REF-20", "U.S.-Guatemala Asylum Cooperative Agreement",
    "transferred asylum seekers who began asylum applications in Guatemala", "34", "persons", "2021-01-18", AP,
    "paragraph 3 ('only 34 of the 945 asylum seekers began applications in Guatemala')", "secondary",
    "AP report of the Senate Foreign Relations Committee figures; date = date of the committee report (S. Prt. 117-13, 18 Jan 2021)")
add("aca_guatemala_applied_hrw", "REF-20", "U.S.-Guatemala Asylum Cooperative Agreement",
    "transferred asylum seekers who applied for refugee status in Guatemala, per the Guatemalan Institute of Migration", "20", "persons", "2020-03-16", CNS,
    "paragraph 'Only 20 of the 939'", "secondary", "earlier count (May 2020 report) for transfers 21 Nov 2019-16 Mar 2020")
add("aca_guatemala_abandoned", "REF-21", "U.S.-Guatemala Asylum Cooperative Agreement",
    "applicants in Guatemala who abandoned their cases", "16", "persons", "2021-01-18", AP,
    "paragraph 3 ('Of those, 16 abandoned their cases')", "secondary", "Senate Foreign Relations Committee figures as reported by AP")
add("aca_guatemala_undecided", "REF-21", "U.S.-Guatemala Asylum Cooperative Agreement",
    "applications still without an asylum decision", "18", "persons", "2021-01-18", AP,
    "paragraph 3 ('The remaining 18 have still not received an asylum decision')", "secondary", "Senate Foreign Relations Committee figures as reported by AP")
add("aca_guatemala_granted", "REF-21", "U.S.-Guatemala Asylum Cooperative Agreement",
    "transferred asylum seekers granted asylum in Guatemala", "0", "persons", "2021-01-18", SFRC,
    "first conclusion bullet ('not one ... has been granted asylum')", "primary", "granted, not decided: AP reports 16 abandoned and 18 still undecided of the 34 applicants")
# --- REF-22 / REF-23: PACR and HARP
add("pacr_start", "REF-22", "Prompt Asylum Claim Review (PACR)",
    "date PACR began as a pilot in El Paso", "", "date", "2019-10-07", IPT,
    "'Original Date Announced' / 'Effective Date' fields", "secondary", "date-valued parameter")
add("pacr_harp_total_processed", "REF-22;REF-23", "PACR and HARP pilot programs",
    "individuals CBP identified for and placed in PACR or HARP, Oct 2019-Mar 2020", "5290", "persons", "2020-03", GAO,
    "Highlights / Fast Facts ('DHS processed 5,290 people under the pilots'; 'approximately 5,290 individuals')", "official_statistics",
    "approximately; programmes paused in March 2020 because of COVID-19; outcomes as of 11 Aug 2020. The split by programme is in the report body, not in the stored excerpts")
add("pacr_processed_mid_march_2020", "REF-22", "Prompt Asylum Claim Review (PACR)",
    "asylum seekers processed under PACR by mid-March 2020", "", "persons", "2020-03", GAO,
    "Highlights and Fast Facts (combined total only)", "official_statistics",
    "NOT FOUND: looked in GAO-21-144 (gives only the combined ~5,290), DHS OIG-21-16, CBP letter to Rep. Escobar and CQ Roll Call; the PACR share (document: 3,180) was not in any stored excerpt")
add("harp_processed_mid_march_2020", "REF-23", "Humanitarian Asylum Review Process (HARP)",
    "Mexican asylum seekers processed under HARP by mid-March 2020", "", "persons", "2020-03", GAO,
    "Highlights and Fast Facts (combined total only)", "official_statistics",
    "NOT FOUND: as for PACR; the HARP share (document: 2,110) was not in any stored excerpt. Note 3,180 + 2,110 = 5,290, the GAO total, but the split itself is not sourced here")
add("pacr_processed_end_jan_2020", "REF-22", "Prompt Asylum Claim Review (PACR)",
    "people processed through PACR as of the end of January 2020", "1200", "persons", "2020-01-31", ROLL,
    "paragraph 6 ('1,200 people were processed through PACR as of the end of January')", "secondary",
    "figure from an unnamed government source; earlier than the mid-March date of the claim")

cols = ["parameter_id","claim_ids","instrument","parameter","value","unit","date","source_title","publisher","url","date_read","quote_or_locator","source_kind","note"]

RESOURCE = {
    "name": "refugee_policy_parameters",
    "path": "refugee_policy_parameters.csv",
    "title": ("Refugee and asylum policy parameters 2017-2021 (suspensions, vetting, determinations, ACAs, "
     "PACR/HARP), one cited value per row"),
    "description": ("Public values needed to check claims REF-01, REF-05, REF-06, REF-10, REF-15, REF-17 to REF-24 "
     "(Megan Hogan, PIIE, 24 Jun 2024, 'Trump vs. Biden on immigration: A side-by-side policy "
     "comparison'). One row per parameter, each with its own source, URL, locator and date read. Rows "
     "with unit 'date' are date-valued: the value is in the date column and value is empty. An empty "
     "value in any other row means no stored source gave it; the note says what was looked for. Nothing "
     "is filled from memory or computed."),
    "sources": [
        {
            "title": ("Federal Register: EO 13769 (82 FR 8977), EO 13815 (82 FR 50055), PD 2019-01 (83 FR 55091), "
             "PD 2021-02 (85 FR 71219), ACA interim final rule (84 FR 63994)"),
            "path": "https://www.federalregister.gov/",
            "description": "Presidential documents and rules; exact page and URL per row. Read 2026-11-28.",
        },
        {
            "title": ("State Department TIAS 19-1115 (U.S.-Guatemala agreement, signed 26 Jul 2019, in force 15 "
             "Nov 2019); DHS press release of 29 Jan 2018; DHS fact sheet on agreements with Guatemala, "
             "Honduras and El Salvador; State Department statements of 17 Sep 2018 and 30 Sep 2020"),
            "path": ("https://www.dhs.gov/news/2018/01/29/dhs-announces-additional-enhanced-security-procedures-refugees-seeking-resettlement"),
            "description": "Agency announcements; URL per row. Read 2026-11-28.",
        },
        {
            "title": ("GAO-21-144 (Jan 2021) on the PACR/HARP pilots; Senate Foreign Relations Committee report S. "
             "Prt. 117-13 (18 Jan 2021) on the ACAs"),
            "path": "https://www.gao.gov/products/gao-21-144",
            "description": "Oversight reports; URL per row. Read 2026-11-28.",
        },
        {
            "title": ("Secondary: Human Rights Watch / Refugees International, Reuters, AP, Washington Post, VOA, "
             "Courthouse News, CQ Roll Call, Miller Mayer, LIRS, Infogalactic, Immigration Policy "
             "Tracking Project"),
            "path": ("https://www.hrw.org/report/2020/05/19/deportation-layover/failure-protection-under-us-guatemala-asylum-cooperative"),
            "description": ("Used where no primary text was found in the stored sources; source_kind = secondary in "
             "those rows. Read 2026-11-28."),
        },
    ],
    "licenses": [
        {
            "name": "public-domain-us-gov",
            "title": ("US government works (17 U.S.C. 105); facts from other publishers cited with attribution, no "
             "text reproduced beyond short locators"),
        },
    ],
    "schema": {
        "fields": [
            field("parameter_id", "string", "Unique snake_case key", required=True, unique=True,
              pattern="[a-z0-9]+(_[a-z0-9]+)*"),
            field("claim_ids", "string", "Claims (data/claims.csv) the row bears on, ';'-separated",
              required=True, pattern="REF-[0-9]{2}(;REF-[0-9]{2})*"),
            field("instrument", "string",
              "Executive order, determination, agreement, programme or announcement", required=True),
            field("parameter", "string", "What is measured, in words", required=True),
            field("value", "number",
              "The value in `unit`; empty for date-valued rows and where no source gives it", minimum=0),
            field("unit", "string",
              "Unit of value; 'date' marks a date-valued row (value in the date column)",
              required=True,
              enum=["days", "countries", "persons", "years", "agreements", "indicator", "date"]),
            field("date", "string",
              ("ISO 8601 date (YYYY-MM-DD), or month (YYYY-MM) where the source gives only the month: "
                   "the date the value refers to, or the instrument's date"), 
              pattern="[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?"),
            field("source_title", "string", "Title of the source read"),
            field("publisher", "string"),
            field("url", "string", "Address of the copy read", pattern="https?://\\S+"),
            field("date_read", "date", required=True),
            field("quote_or_locator", "string", "Section, page or paragraph; short phrase only"),
            field("source_kind", "string", enum=["primary", "official_statistics", "secondary"]),
            field("note", "string",
              "Caveats: approximations, count dates, discrepancies, what was looked for when empty"),
        ],
        "primaryKey": ["parameter_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    with open(paths.DATA / RESOURCE["path"], "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    describe(RESOURCE)
