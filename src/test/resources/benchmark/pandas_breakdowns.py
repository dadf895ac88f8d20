#!/usr/bin/python3
"""The alternative users have (issue 14 item 6): the same breakdowns as the dashboard, computed with pandas straight
from the same MSDS CSV files and reference files. Prints the time to the first answer (reading the files included)
and the time of each breakdown after that, as the dashboard's benchmarks do.

  /usr/bin/python3 src/test/resources/benchmark/pandas_breakdowns.py target/benchmark/births-1000000

Measures (as src/main/resources/measures/*.sql define them, simplified where pandas would need the whole warehouse):
preterm (singleton live births 154-315 days; numerator <= 258 days), caesarean (births 01-04 with a delivery method
0-9; numerator 7 or 8) and stillbirth (live births and stillbirths from 168 days; numerator 02-04), by the mother's
ethnic group, by IMD quintile (postcode -> ONSPD lsoa11 -> IoD2019 decile), both, and by month. No disclosure
control, no data-quality gates, no confidence intervals: the figures are rates only, so this is a lower bound of
what the same answers cost by hand.
"""
import sys
import time

import pandas as pd

ETHNIC = {**{c: 'White' for c in 'ABC'}, **{c: 'Mixed' for c in 'DEFG'}, **{c: 'Asian or Asian British' for c in 'HJKL'},
          **{c: 'Black or Black British' for c in 'MNP'}, **{c: 'Any other ethnic group' for c in 'RS'},
          'Z': 'Not stated', '99': 'Not known'}


def main(folder):
    t0 = time.perf_counter()
    msds = folder + '/msds/'
    ref = folder + '/reference/'
    mothers = pd.read_csv(msds + 'MSD001.csv', dtype=str, usecols=['LPIDMother', 'OrgIDLPID', 'Postcode',
                                                                    'EthnicCategoryMother'])
    babies = pd.read_csv(msds + 'MSD401.csv', dtype=str, usecols=['LabourDeliveryID', 'LPIDMother',
                                                                  'PersonBirthDateBaby', 'PregOutcome',
                                                                  'GestationLengthBirth', 'DeliveryMethodCode'])
    onspd = pd.read_csv(ref + 'ONSPD_synthetic_LLR.csv', dtype=str, usecols=['pcds', 'lsoa11'])
    imd = pd.read_csv(ref + 'File_7_IoD2019_synthetic_LLR.csv', dtype=str, usecols=[0, 6])
    imd.columns = ['lsoa11', 'decile']
    t_read = time.perf_counter() - t0

    onspd['key'] = onspd['pcds'].str.replace(' ', '').str.upper()
    mothers['key'] = mothers['Postcode'].fillna('').str.replace(' ', '').str.upper()
    mothers = mothers.merge(onspd[['key', 'lsoa11']], on='key', how='left').merge(imd, on='lsoa11', how='left')
    mothers['imd_quintile'] = ((pd.to_numeric(mothers['decile']) + 1) // 2).astype('Int64').astype(str) \
        .replace('<NA>', 'Unknown')
    mothers['ethnic_group'] = mothers['EthnicCategoryMother'].map(ETHNIC).fillna('Missing')
    babies['gestation'] = pd.to_numeric(babies['GestationLengthBirth'], errors='coerce')
    babies['babies_in_delivery'] = babies.groupby('LabourDeliveryID')['LabourDeliveryID'].transform('size')
    babies['month'] = babies['PersonBirthDateBaby'].str.slice(0, 7)
    births = babies.merge(mothers[['LPIDMother', 'ethnic_group', 'imd_quintile']], on='LPIDMother', how='left')
    t_prepare = time.perf_counter() - t0 - t_read

    o = births['PregOutcome']
    g = births['gestation']
    measures = {
        'preterm': (births[(o == '01') & (births['babies_in_delivery'] == 1) & g.between(154, 315)],
                    lambda d: d['gestation'] <= 258),
        'caesarean': (births[o.isin(['01', '02', '03', '04']) & births['DeliveryMethodCode'].isin(list('0123456789'))],
                      lambda d: d['DeliveryMethodCode'].isin(['7', '8'])),
        'stillbirth': (births[(o == '01') | (o.isin(['02', '03', '04']) & (g >= 168))],
                       lambda d: d['PregOutcome'].isin(['02', '03', '04'])),
    }
    first = None
    timings = []
    for name, (cohort, numerator) in measures.items():
        cohort = cohort.assign(numerator=numerator(cohort))
        for by in (['ethnic_group'], ['imd_quintile'], ['ethnic_group', 'imd_quintile'], ['month']):
            t = time.perf_counter()
            table = cohort.groupby(by).agg(numerator=('numerator', 'sum'), denominator=('numerator', 'size'))
            table['rate'] = table['numerator'] / table['denominator']
            elapsed = time.perf_counter() - t
            if first is None:
                first = time.perf_counter() - t0
            timings.append((name, ' x '.join(by), len(table), elapsed))
    print(f'pandas {pd.__version__}: {len(babies):,} babies, {len(mothers):,} mothers')
    print(f'  read the CSV files           {t_read:8.2f} s')
    print(f'  link postcodes, IMD, ethnic  {t_prepare:8.2f} s')
    print(f'  time to first answer         {first:8.2f} s')
    for name, by, rows, elapsed in timings:
        print(f'  {name:12} by {by:30} {rows:4} rows {elapsed * 1000:8.1f} ms')
    per = sorted(e for *_, e in timings)
    print(f'  per breakdown: median {per[len(per) // 2] * 1000:.1f} ms, slowest {per[-1] * 1000:.1f} ms')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'target/benchmark/births-1000000')
