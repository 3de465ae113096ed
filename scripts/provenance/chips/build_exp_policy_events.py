"""Build data/exp_policy_events.csv: dated export-control and chip-policy events.

No input files: every event below was read from the page named on its row.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_exp_policy_events.py``
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field, write_csv  # noqa: E402
from _chips import READ  # noqa: E402

TH_DEC24 = "https://www.thompsonhinesmartrade.com/2024/12/bis-seeks-to-further-strengthen-export-controls-targeting-chinas-advanced-semiconductor-industry/"
EV = [
    # event_id, description, date, precision, legal_instrument, publisher, source_page, source_url, found_by, note
    ("huawei_founded", "Huawei founded in Shenzhen", "1987", "year", "", "encyclopedic company profile",
     "Collect, 'Huawei' company profile", "https://www.trycollect.com/en/articles/2369-huawei", "search_tool",
     "secondary; consistent with Wikipedia-derived profiles (founded 15 Sep 1987)"),
    ("smic_entity_list", "SMIC and 10 affiliates added to the BIS Entity List (effective date)", "2020-12-18", "day",
     "Entity List rule, Federal Register notice of 22 Dec 2020", "Thompson Hine SmarTrade",
     "'BIS adds 60 companies to its Entity List, including China's SMIC', 2020-12",
     "https://www.thompsonhinesmartrade.com/2020/12/bis-adds-60-companies-to-its-entity-list-including-chinas-smic/",
     "search_tool", "77 entities in the rule; effective 18 Dec 2020"),
    ("hubble_founded", "Huawei's Hubble Technology Investment established", "2019", "year", "", "Gizmochina",
     "'Huawei unit invests in lithography to offset US sanctions', 2021-06-07",
     "https://www.gizmochina.com/2021/06/07/huawei-unit-invests-lithography-offset-us-sanctions/", "search_tool",
     "'established back in 2019'; Pandaily (2021) also says since its establishment in 2019"),
    ("hubble_rslaser", "Hubble invests in Beijing RSLaser (lithography light sources)", "2021-06-02", "day", "",
     "Caixin via Straits Times / Pandaily", "Pandaily, 'Huawei Invests in Lithography Machines', 2021-06",
     "https://pandaily.com/huawei-invests-in-lithography-machines-ascending-chip-industrial-chain/", "search_tool",
     "4.76% stake; China Economic Review (Caixin, 2021-06-17): among 28 Hubble investments to date"),
    ("huawei_euv_patent", "Huawei EUV lithography patent application made public", "2022-11", "month", "",
     "Tom's Hardware / MyDrivers (summarised)", "TechnoWiki One, 'Huawei Patents EUV Lithography Tools', 2022-12",
     "https://www.technowikione.news/2022/12/huawei-patents-euv-lithography-tools.html", "search_tool",
     "application No. 202110524685X (filed 2021) published mid-November 2022 per the summaries"),
    ("smee_founded", "Shanghai Micro Electronics Equipment (SMEE) founded", "2002", "year", "", "Wikipedia; The Wire China",
     "Wikipedia 'Shanghai Micro Electronics Equipment'; The Wire China, 'Printer problems', 2024-03-17",
     "https://en.wikipedia.org/wiki/SMEE", "search_tool",
     "set up in 2002 as a lithography project under the 863 Programme; The Wire China: 'newly formed' in 2002"),
    ("tsmc_90nm_full_production", "TSMC 90 nm process in full (volume) production", "2004", "year", "",
     "EE Times (via DocMemory)", "'TSMC ... full production by the fourth quarter of 2004', 2004-06-14",
     "https://simmtester.com/News/IndustryArticle/7022", "search_tool",
     "risk production from 2002-2003 (Electronics Weekly, 2003-10-01); full production expected Q4 2004"),
    ("arm_suspends_huawei", "Arm tells staff to suspend business with Huawei (BBC report)", "2019-05-22", "day", "",
     "Reuters via CNA (citing BBC)", "'UK chip designer ARM to suspend business with Huawei: Report', 2019-05-22",
     "https://www.channelnewsasia.com/news/business/uk-chip-designer-arm-to-suspend-business-with-huawei-report-11555290",
     "search_tool", "after Huawei's Entity List designation of May 2019"),
    ("riscv_foundation_created", "RISC-V Foundation created", "2015", "year", "", "The Elec (citing Reuters)",
     "'RISC-V Foundation plans to relocate to Switzerland', 2019-11", "https://thelec.net/news/articleView.html?idxno=628",
     "search_tool", ""),
    ("riscv_switzerland_announced", "RISC-V Foundation announces incorporation in Switzerland", "2019-11", "month", "",
     "The Register (citing Reuters)", "'RISC-V business: Tech foundation moving to Switzerland', 2019-11-26",
     "https://www.theregister.com/2019/11/26/riscv_foundation_switzerland/", "search_tool",
     "board decision first announced Dec 2018; the foundation says the move is not based on any one country"),
    ("riscv_switzerland_completed", "RISC-V legal entity transitioned to Switzerland (member e-mail)", "2020-03-17", "day", "",
     "riscv-mcu.com (quoting the foundation's e-mail)", "RISC-V MCU community news, 2020-03",
     "https://riscv-mcu.com/article-article-show-id-253.html", "search_tool", ""),
    ("xiangshan_initiated", "CAS Institute of Computing Technology starts the XiangShan open RISC-V processor project",
     "2019", "year", "", "Tux Machines (summarising TechRadar)", "'The Linux of processors', 2024-09-04",
     "https://news.tuxmachines.org/n/2024/09/04/_The_Linux_of_processors_New_breed_of_Chinese_super_CPUs_emerge.shtml",
     "search_tool", "SCMP (Jan 2025, via Lemmy) also: 'initiated by the CAS in 2019'"),
    ("bosc_formed", "Beijing Open Source Chip Research Institute formed", "2021", "year", "", "TechNode",
     "'China opens new research institute to develop RISC-V processor project', 2022-04-11",
     "https://technode.com/2022/04/11/china-opens-new-research-institute-to-develop-risc-v-processor-project/",
     "search_tool", "formed at the end of 2021"),
    ("bis_rules_oct2022", "BIS advanced computing and semiconductor manufacturing interim final rule", "2022-10-07", "day",
     "87 FR 62186 (13 Oct 2022)", "Federal Register (via Justia)", "87 FR 62186-62215, 2022-10-13",
     "https://regulations.justia.com/regulations/fedreg/2022/10/13/2022-21658.html", "search_tool", "effective 7 Oct 2022"),
    ("bis_rules_oct2023", "BIS updated advanced computing and SME rules", "2023-10-17", "day",
     "two interim final rules of 17 Oct 2023", "Baker McKenzie (Sanctions & Export Controls Update)",
     "'October 2023 IFRs', 2023-10", "https://sanctionsnews.bakermckenzie.com/?p=3405", "search_tool", ""),
    ("bis_rules_dec2024", "BIS rules adding 140 entities and expanding the FDP rule and SME controls", "2024-12-02", "day",
     "two BIS rulemakings of 2 Dec 2024", "Thompson Hine SmarTrade", "2024-12", TH_DEC24, "earlier_compilation",
     "issued as interim final rules, effective on issue with a comment period"),
    ("ai_diffusion_issued", "AI Diffusion interim final rule issued", "2025-01-15", "day", "90 FR 4544",
     "Morrison & Foerster", "'AI Diffusion Rule Out but BIS Increases Compliance Obligations', 2025-06-17",
     "https://www.mofo.com/resources/insights/250617-ai-diffusion-rule-out-but-bis-increases-compliance", "search_tool",
     "announced 13 Jan 2025"),
    ("ai_diffusion_compliance", "Compliance date of the AI Diffusion rule", "2025-05-15", "day", "90 FR 4544",
     "Alston & Bird", "'Commerce Rescinds AI Diffusion Rule', 2025-05",
     "https://alstontrade.com/commerce-rescinds-ai-diffusion-rule-releases-other-guidance-involving-overseas-ai-chips",
     "search_tool", "'scheduled to go into effect on May 15, 2025'"),
    ("ai_diffusion_rescinded", "BIS rescinds the AI Diffusion rule", "2025-05-13", "day", "", "Alston & Bird",
     "'Commerce Rescinds AI Diffusion Rule', 2025-05",
     "https://alstontrade.com/commerce-rescinds-ai-diffusion-rule-releases-other-guidance-involving-overseas-ai-chips",
     "search_tool", ""),
    ("h20_licence_notice", "US government informs Nvidia that H20 exports to China need a licence", "2025-04-09", "day",
     "Nvidia Form 8-K of 15 Apr 2025", "Tom's Hardware (quoting Nvidia's filing)",
     "'Nvidia writes off $5.5 billion in GPUs as US gov't chokes off supply of H20s to China', 2025-04",
     "https://www.tomshardware.com/tech-industry/artificial-intelligence/nvidia-writes-off-usd5-5-billion-in-gpus-as-us-govt-chokes-off-supply-of-h20s-to-china",
     "search_tool", "on 14 Apr 2025 the requirement was said to apply for the indefinite future"),
    ("nl_controls_announced", "Dutch government announces expanded national SME export controls", "2025-01-15", "day",
     "Dutch ministerial regulation (Government Gazette, 15 Jan 2025)", "Government of the Netherlands",
     "'Klever: export controls on advanced semiconductor manufacturing equipment to be tightened', 2025-01-15",
     "https://government.nl/latest/news/2025/01/15/klever-export-controls-on-advanced-semiconductor-manufacturing-equipment-to-be-tightened",
     "search_tool", "measuring and inspection equipment added"),
    ("nl_controls_effective", "Expanded Dutch national SME export controls take effect", "2025-04-01", "day",
     "Dutch ministerial regulation (Government Gazette, 15 Jan 2025)", "Government of the Netherlands",
     "'Klever: export controls on advanced semiconductor manufacturing equipment to be tightened', 2025-01-15",
     "https://government.nl/latest/news/2025/01/15/klever-export-controls-on-advanced-semiconductor-manufacturing-equipment-to-be-tightened",
     "search_tool", ""),
    ("jp_controls_effective", "Japan's FEFTA ordinance amendment on 23 SME items in force", "2023-07-23", "day",
     "FEFTA export ordinance amendment (METI, May 2023)", "Baker McKenzie (Global Compliance News)",
     "'Japanese Government Imposes Additional Controls on Semiconductor-Related Items', 2023-06-02",
     "https://www.globalcompliancenews.com/2023/06/02/https-sanctionsnews-bakermckenzie-com-japanese-government-imposes-additional-controls-on-semiconductor-related-items-_05302023/",
     "earlier_compilation", "also The Japan Times, 2023-07-23"),
    ("de_package_1", "Germany: first package of export-control procedure measures in force", "2023-09-01", "day", "",
     "BMWK / BAFA press release (via EIN Presswire)", "'Export controls: third package of measures ...', 2024-03-13",
     "https://www.einpresswire.com/article/695585551/export-controls-third-package-of-measures-to-be-introduced-by-the-federal-ministry-for-economic-affairs-and-climate-action-and-the-federal-office-for",
     "earlier_compilation", ""),
    ("de_package_2", "Germany: second package in force", "2024-01-08", "day", "",
     "BMWK / BAFA press release (via EIN Presswire)", "'Export controls: third package of measures ...', 2024-03-13",
     "https://www.einpresswire.com/article/695585551/export-controls-third-package-of-measures-to-be-introduced-by-the-federal-ministry-for-economic-affairs-and-climate-action-and-the-federal-office-for",
     "earlier_compilation", ""),
    ("de_package_3", "Germany: third package announced", "2024-03-13", "day", "",
     "BMWK / BAFA press release (via EIN Presswire)", "'Export controls: third package of measures ...', 2024-03-13",
     "https://www.einpresswire.com/article/695585551/export-controls-third-package-of-measures-to-be-introduced-by-the-federal-ministry-for-economic-affairs-and-climate-action-and-the-federal-office-for",
     "earlier_compilation", ""),
    ("doj_data_rule_effective", "DOJ bulk sensitive data rule (EO 14117) takes effect", "2025-04-08", "day",
     "DOJ final rule implementing EO 14117 (issued 27 Dec 2024)", "Kegler Brown",
     "'The DOJ's Final Rule Protecting U.S. Data is Now Effective', 2025",
     "https://www.keglerbrown.com/publications/the-dojs-final-rule-protecting-u-s-data-is-now-effective-implementing-e-o-14117-preventing-access-to-u-s-sensitive-personal-data-and-u-s-government-related-data-by-countries-of-concern",
     "search_tool", "Hunton and JD Supra give the same 8 Apr 2025 date"),
    ("doj_data_rule_compliance", "DOJ data rule: due diligence, audit and reporting provisions take effect", "2025-10-06",
     "day", "DOJ final rule implementing EO 14117", "Kegler Brown",
     "'The DOJ's Final Rule Protecting U.S. Data is Now Effective', 2025",
     "https://www.keglerbrown.com/publications/the-dojs-final-rule-protecting-u-s-data-is-now-effective-implementing-e-o-14117-preventing-access-to-u-s-sensitive-personal-data-and-u-s-government-related-data-by-countries-of-concern",
     "search_tool", "Hunton (2025-01) gives 5 Oct 2025; Reed Smith and Metaverse Law give 6 Oct 2025"),
    ("eo_13873", "Executive Order 13873 on ICTS supply-chain security", "2019-05-15", "day", "EO 13873", "Morgan Lewis",
     "'Securing the ICTS Supply Chain: Commerce Issues Final Rules Pursuant to EO 13873', 2024-12-11",
     "https://morganlewis.com/ru/pubs/2024/12/securing-the-icts-supply-chain-commerce-issues-final-rules-pursuant-to-eo-13873",
     "earlier_compilation", ""),
    ("icts_final_rule", "Commerce issues the final ICTS rule", "2024-12-06", "day", "15 CFR part 7 final rule",
     "Morgan Lewis", "'Securing the ICTS Supply Chain ...', 2024-12-11",
     "https://morganlewis.com/ru/pubs/2024/12/securing-the-icts-supply-chain-commerce-issues-final-rules-pursuant-to-eo-13873",
     "earlier_compilation", "the document dates it 5 Dec 2024"),
    ("pafaca_enacted", "Protecting Americans from Foreign Adversary Controlled Applications Act signed", "2024-04-24",
     "day", "P.L. 118-50, Division H", "Supreme Court of the United States", "TikTok, Inc. v. Garland, 604 U.S. ___ (2025)",
     "https://en.wikisource.org./wiki/Page:TikTok_v._Garland.pdf/5", "earlier_compilation", ""),
    ("pafaca_prohibitions", "PAFACA prohibitions take effect for ByteDance/TikTok", "2025-01-19", "day",
     "P.L. 118-50, Division H", "Supreme Court of the United States", "TikTok, Inc. v. Garland, 604 U.S. ___ (2025)",
     "https://en.wikisource.org./wiki/Page:TikTok_v._Garland.pdf/5", "earlier_compilation",
     "'270 days after the Act's enactment, January 19, 2025'"),
    ("bis_licensing_system", "BIS licence-adjudication IT system put in service", "2006", "year", "",
     "BIS (Under Secretary Estevez testimony, Mar 2024) via FCW",
     "'Export control agency lacks funding and tech to manage its workload, official says', 2024-03",
     "https://fcw.com/digital-government/2024/03/export-control-agency-lacks-funding-and-tech-manage-its-workload-official-says/395132/",
     "search_tool", "enforcement system put in service in 2008"),
    ("bis_enforcement_system", "BIS enforcement IT system put in service", "2008", "year", "",
     "BIS (Under Secretary Estevez testimony, Mar 2024) via FCW",
     "'Export control agency lacks funding and tech to manage its workload, official says', 2024-03",
     "https://fcw.com/digital-government/2024/03/export-control-agency-lacks-funding-and-tech-manage-its-workload-official-says/395132/",
     "search_tool", ""),
]


def build() -> pd.DataFrame:
    cols = ["event_id", "description", "date", "precision", "legal_instrument", "publisher", "source_page", "source_url",
            "found_by", "note"]
    ev = pd.DataFrame(EV, columns=cols)
    ev.insert(len(cols) - 1, "date_read", READ)
    return ev


RESOURCE = {
    "name": "exp_policy_events",
    "path": "exp_policy_events.csv",
    "title": "Dated export-control, ICT-policy and company events",
    "description": ("One row per event with its date at the precision the source gives (year, month or day, ISO-like), "
     "the legal instrument where one fixes the date, and the source read. Used for the date and span "
     "checks of notebook 07."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        {
            "title": ("Earlier compilation of public sources for the CHIP and EXP claims (publisher, page, date "
             "and URL given per row; found_by = earlier_compilation)"),
            "path": "docs/sources/chips_exp.md",
            "description": ("Rows re-read from the compilation on 2026-11-28; the public origin of each value is the "
             "row's source_url."),
        },
        {
            "title": ("Public pages read with the project's search tool on 2026-11-28 (URL per row, found_by = "
             "search_tool)"),
            "path": "see source_url column",
        },
    ],
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": ("This compilation: CC BY 4.0 (facts transcribed from the cited publications, with per-row "
             "source)"),
        },
        {
            "name": "other-at",
            "title": ("Cited publishers (SIA, IC Insights, TrendForce, news outlets, law firms) keep their "
             "copyright; only individual facts are cited, with publisher and URL per row"),
        },
    ],
    "schema": {
        "fields": [
            field("event_id", "string", "Identifier", required=True, unique=True, pattern="[a-z0-9_]+"),
            field("description", "string", "Event", required=True),
            field("date", "string", "Date at the stated precision: YYYY, YYYY-MM or YYYY-MM-DD",
              required=True, pattern="\\d{4}(-\\d{2}(-\\d{2})?)?"),
            field("precision", "string", "Precision of the date", required=True,
              enum=["year", "month", "day"]),
            field("legal_instrument", "string", "Rule, order or statute that fixes the date, if any"),
            field("publisher", "string",
              "Publisher of the figure (the original publisher where known, e.g. SIA, IC Insights)",
              required=True),
            field("source_page", "string",
              ("Page or document the value was read from (title, outlet, date); may be a secondary "
                   "report of the publisher's figure"), 
              required=True),
            field("source_url", "string", "URL of the page read", required=True, pattern="https?://.+"),
            field("found_by", "string",
              ("earlier_compilation = taken, with its publisher and URL, from an earlier compilation "
                   "of public sources made for this project (docs/sources/chips_exp.md); search_tool = "
                   "read by this notebook's author with the search tool"), 
              required=True, enum=["earlier_compilation", "search_tool"]),
            field("date_read", "date", "Date the value was read", required=True),
            field("note", "string", "Caveat or corroborating source"),
        ],
        "primaryKey": ["event_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(), RESOURCE)
    describe(RESOURCE)
