"""One-off transcription of the trade sources into tidy CSVs in data/ (run once; provenance in the descriptor).

Input folder: environment variable TRADE_SOURCES (or first argument), holding fred_IMPCH_monthly_vintage_2026-03.csv (FRED IMPCH, copy in github:kwang101-cb/Timeseries-FinalProject IMPCH.csv @0ec739741cbd797f242d8a69082e5ea571efa633) and the other tables of the earlier trade compilation read below (each row names its publication and URL); plus the transcriptions IMPMX_1995_2005.txt (FRED IMPMX, copy in github:ClaudiaToto30/supply-chain-forecasting @6f22c469b5c284344afcf7fad2070d2eff4e702f), IMPCA_2015_2022.txt (FRED IMPCA, github:open-datahub/canada @67b0236b1d905b138bdbdd9f35f7b5acb994b5ee) and IMP0004_2015_2024.csv (FRED IMP0004, github:kagan01/Time-Series-Analysis @12d48d4f23695e06c7b7a64b57fc48261114a3f6).
"""
import csv, io
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _paths import DATA, SRC as SRC_CODE, input_dir  # noqa: E402
import pandas as pd

SH = input_dir("TRADE_SOURCES", "the trade tables and FRED transcriptions named in the docstring")
OUT = DATA

# ---------------------------------------------------------------- monthly FRED series (Census basis, $ million)
rows = []
ch = pd.read_csv(SH / 'fred_IMPCH_monthly_vintage_2026-03.csv')
for d, v in zip(ch['observation_date'], ch['IMPCH']):
    rows.append(('IMPCH', 'China', d, v, 'fred_impch_kwang101'))
def wide(path, series, partner, src):
    for line in open(path):
        p = line.split()
        y = int(p[0])
        for m, v in enumerate(p[1:], start=1):
            rows.append((series, partner, f'{y}-{m:02d}-01', float(v), src))
wide(SH / 'IMPMX_1995_2005.txt', 'IMPMX', 'Mexico', 'fred_impmx_claudiatoto30')
wide(SH / 'IMPCA_2015_2022.txt', 'IMPCA', 'Canada', 'fred_impca_opendatahub')
w = pd.read_csv(SH / 'IMP0004_2015_2024.csv')
for d, v in zip(w['DATE'], w['IMP0004']):
    rows.append(('IMP0004', 'World', d, v, 'fred_imp0004_kagan01'))
m = pd.DataFrame(rows, columns=['series_id', 'partner', 'month', 'imports_usd_mn', 'source_key'])
m = m.sort_values(['series_id', 'month']).reset_index(drop=True)
assert not m.duplicated(['series_id', 'month']).any()
m.to_csv(OUT / 'trade_us_imports_monthly.csv', index=False, lineterminator='\n', float_format='%.6f')

# ---------------------------------------------------------------- annual values from releases and reports
a = pd.read_csv(SH / 'trade_us_imports.csv', dtype=str, keep_default_na=False)
a = a[~a['source'].str.startswith('FRED series')]           # FRED rows are recomputed from the monthly table
keymap = {
    'US Census International Trade API': 'census_api_geoffrey313',
    "Census 'Trade in Goods with China'": 'census_c5700_c0015_ouliu',
    'Caixin Global': 'caixin_2019_08_15',
    'Coalition for a Prosperous America': 'cpa_prosperousamerica',
    'Opportimes': 'opportimes_2023',
    'World Trade Month': 'worldtrademonth_2023',
    'Kyodo via Bangkok Post': 'kyodo_bangkokpost_2024_02_08',
    'Daily Management Review': 'dmr_ft_2025_02_07',
    'NYT via convenience.org': 'nyt_ft_2025_02_06',
    'not found': 'not_found',
    'qery.no': 'qery_bea_census_2024_02',
    'AFP via': 'afp_qery_steelorbis_2024_02',
    'CPA (Jeff Ferry': 'cpa_rejectfreetrade_2025',
    'NYT via https://wol.com': 'nyt_wol_2025',
}
def key(s):
    for k, v in keymap.items():
        if s.startswith(k):
            return v
    raise KeyError(s)
basis_map = {'census_general_imports_customs_value': 'census_goods', 'bop_goods': 'bop_goods',
             'bop_goods_and_services': 'bop_goods_and_services', 'bop_goods_probably': 'goods_basis_unstated'}
out = pd.DataFrame({
    'year': a['year'].astype(int), 'partner': a['partner'],
    'basis': a['basis'].map(basis_map),
    'imports_usd_bn': a['imports_usd_billions'],
    'source_key': a['source'].map(key), 'source': a['source'],
    'preferred': a['preferred'].map({'1': 'true', '0': 'false'}),
    'notes': a['notes'],
})
out.loc[out['source_key'] == 'not_found', 'preferred'] = 'false'
# Rows added by this notebook's author from stored pages found with the search tool (read 2026-11-28).
scmp = ('South China Morning Post 2024-02-08 citing US Census Bureau data released 2024-02-07, as quoted by '
        'Floor Daily, https://www.floordaily.net/flooring-news/china-outpaced-as-top-supplier-of-imports-to-us-')
extra = [
    dict(year=2023, partner='Canada', basis='census_goods', imports_usd_bn='421.1', source_key='scmp_floordaily_2024_02_08',
         source=scmp, preferred='true', notes='first release; SCMP: China (427.2) only slightly above Canada'),
    dict(year=2023, partner='China', basis='census_goods', imports_usd_bn='427.2', source_key='scmp_floordaily_2024_02_08',
         source=scmp, preferred='false', notes='first release, rounded; SCMP: 13.9% of US imports, lowest since 2004; peak 21.6% in 2017; 16.3% in 2022'),
    dict(year=2023, partner='Mexico', basis='census_goods', imports_usd_bn='475.6', source_key='scmp_floordaily_2024_02_08',
         source=scmp, preferred='false', notes='first release, rounded'),
]
for y in range(2015, 2025):
    extra.append(dict(year=y, partner='EU', basis='census_goods', imports_usd_bn='', source_key='not_found',
                      source='not found', preferred='false',
                      notes='no stored source with US goods imports from the EU (FRED IMP0003 / Census c0003) was found with the search tool'))
for y in (2023, 2024):
    if y == 2024:
        extra.append(dict(year=y, partner='Canada', basis='census_goods', imports_usd_bn='', source_key='not_found',
                          source='not found', preferred='false', notes='IMPCA copy found ends 2023-10; no 2024 total found'))
out = pd.concat([out, pd.DataFrame(extra)], ignore_index=True)
out = out.sort_values(['partner', 'year', 'basis', 'source_key']).reset_index(drop=True)
assert not out.duplicated(['year', 'partner', 'basis', 'source_key']).any(), out[out.duplicated(['year','partner','basis','source_key'],keep=False)]
out.to_csv(OUT / 'trade_us_imports_annual.csv', index=False, lineterminator='\n')

# ---------------------------------------------------------------- tariff actions
t = pd.read_csv(SH / 'tariff_actions.csv', dtype=str, keep_default_na=False)
groups = ['201_solar_washers', '232_steel', '232_aluminum', '232_exemptions_end', '301_list1', '232_turkey_steel',
          '301_list2', '301_list3', '301_list3', '232_ca_mx_exempt', '301_list4a', '301_list4b', '301_list4a',
          '301_review_2024', '301_2024_evs', '301_2024_solar_cells', '301_2024_ev_batteries', '301_2024_steel_aluminum',
          '301_2024_cranes', '301_2024_minerals_masks', '301_2024_syringes', '301_2025_semiconductors',
          '301_2025_gloves', '301_2026_batteries_graphite_magnets']
assert len(groups) == len(t)
status = ['imposed'] * len(t)
t['group_id'] = groups
rate_num, rate_note = [], []
for r, g in zip(t['rate_pct'], groups):
    try:
        rate_num.append(str(float(r)).rstrip('0').rstrip('.')); rate_note.append('')
    except ValueError:
        rate_num.append(''); rate_note.append(r)
t['rate_pct_num'] = rate_num
t['rate_note'] = rate_note
st = []
for g, a_ in zip(groups, t['action']):
    if g == '301_list4b': st.append('suspended')
    elif g == '232_ca_mx_exempt': st.append('exemption')
    elif g == '232_exemptions_end': st.append('exemption_ended')
    elif g == '301_review_2024': st.append('announced')
    elif g == '301_list4a' and 'cut' in a_: st.append('rate_change')
    elif g == '301_list3' and 'raised' in a_: st.append('rate_change')
    else: st.append('imposed')
t['status'] = st
t['action_id'] = [f'A{i+1:02d}' for i in range(len(t))]
t = t.rename(columns={'date': 'date_effective', 'covered_imports_usd_billions': 'covered_imports_usd_bn'})
t = t[['action_id', 'date_effective', 'group_id', 'status', 'action', 'authority', 'covered_imports_usd_bn',
       'rate_pct_num', 'rate_note', 'source', 'notes']].rename(columns={'rate_pct_num': 'rate_pct'})
t.to_csv(OUT / 'tariff_actions.csv', index=False, lineterminator='\n')

# ---------------------------------------------------------------- Bown / PIIE series (copied; one column renamed)
b = pd.read_csv(SH / 'bown_us_china_tariffs.csv', dtype=str, keep_default_na=False)
b['vintage_id'] = b['vintage'].map(lambda s: 'piie_2025_11_full' if 'full precision' in s else 'piie_2025_05_1dp')
b = b[['date', 'vintage_id', 'vintage'] + [c for c in b.columns if c not in ('date', 'vintage', 'vintage_id')]]
b.to_csv(OUT / 'tariff_bown_us_china.csv', index=False, lineterminator='\n')

# ---------------------------------------------------------------- US average tariff history
h = pd.read_csv(SH / 'us_average_tariff_history.csv', dtype=str, keep_default_na=False)
ids = ['dutiable_1830', 'total_1899_max', 'statutory_1922_act_1928_weights', 'statutory_1930_act_1928_weights',
       'statutory_1930_act_constant_prices_eckes', 'dutiable_1932', 'wb_weighted_applied_2016', 'piie_row_2024',
       'duties_collected_2022']
h['measure_id'] = ids
h['unit'] = 'pct'
h.loc[h['measure_id'] == 'duties_collected_2022', ['value_pct', 'unit']] = ['89.82', 'usd_bn']
h.loc[h['measure_id'] == 'duties_collected_2022', 'notes'] = ('duties collected in 2022, $ billion (the series maximum); '
    'the source states the dollar amount only; a rate needs an import base of the same coverage (imports for consumption)')
h = h.rename(columns={'year': 'period', 'value_pct': 'value'})
h = h[['measure_id', 'period', 'measure', 'value', 'unit', 'source', 'notes']]
h.to_csv(OUT / 'tariff_us_average_history.csv', index=False, lineterminator='\n')

# ---------------------------------------------------------------- EU CVD on Chinese BEVs, long form
e = pd.read_csv(SH / 'eu_ev_cvd.csv', dtype=str, keep_default_na=False)
stages = {'predisclosure_2024_06_12_pct': ('predisclosure', '2024-06-12'), 'provisional_pct': ('provisional', '2024-07-05'),
          'proposed_2024_08_20_pct': ('proposed_definitive', '2024-08-20'), 'definitive_pct': ('definitive', '2024-10-30')}
long = []
for _, r in e.iterrows():
    mfn = r['company'].startswith('EU MFN')
    for col, (stage, date) in stages.items():
        src = r['source'] if stage in ('provisional', 'definitive') or mfn else r['notes']
        if stage in ('predisclosure', 'proposed_definitive') and not mfn:
            src = ('Pre-disclosure 2024-06-12: dpa-AFX via https://www.finanznachrichten.de/nachrichten-2024-06/62484626-eu-imposes-import-duty-on-chinese-battery-electric-vehicles-020.htm; https://taxspoc.4wp.dev/?p=2513'
                   if stage == 'predisclosure' else
                   'Revised definitive proposal 2024-08-20: Automotive World https://www.automotiveworld.com/articles/eu-slashes-chinese-ev-tariffs-following-probe/')
        note = r['notes'] if (r['company'].startswith('Tesla') or r['company'].startswith('Other') or r['company'].startswith('All other')) else ''
        if mfn: note = 'EU Common Customs Tariff duty on cars; not a CVD; applies on top of the CVD'
        long.append(dict(company=('MFN duty (all exporters)' if mfn else r['company']),
                         duty_type='mfn' if mfn else 'cvd', stage=stage, stage_date=date,
                         rate_pct=r[col], source=src if r[col] else ('no rate stated in the sources read' if not mfn else src),
                         notes=note))
eu = pd.DataFrame(long)
eu.to_csv(OUT / 'eu_ev_cvd_rates.csv', index=False, lineterminator='\n')
print('written', len(m), len(out), len(t), len(b), len(h), len(eu))
