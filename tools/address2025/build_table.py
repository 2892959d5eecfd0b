#!/usr/bin/env python3
"""Builds data/address2025.tsv, the table the product ships to write a card's pre-July-2025 address as
today's commune and province, and data/address2025-dvhcvn.tsv, a second source's old -> new commune codes
that tests/unit/address2025_sources_test.cpp cross-checks against it.

Sources (both MIT; NOTICE records them): zindont/vietnam-address-kit (src/data/official/*.json, built from
the official conversion table of Cục Thống kê, QĐ 19/2025/QĐ-TTg codes) and dvhcvn/20250701
(mapping/splits.json). Each is read from a git directory (the `fetch` tool's mirror) at its HEAD commit, or
from a plain checkout.

  python3 tools/address2025/build_table.py --kit DIR --dvhcvn DIR [--out data]

Output format (UTF-8, tab-separated, one record a line; '#' lines are comments):
  P code name type                 a province since 1 July 2025 (type: tinh | tp)
  W code name type province        a commune since 1 July 2025 (type: xa | phuong | dackhu)
  p code name type                 a province before (type: tinh | tp)
  d code name type province        a district before (type: huyen | quan | tx | tp)
  w code name type district new former   a commune before (type: xa | phuong | tt); new: the codes of the
                                   communes it went to, comma-separated; former: earlier names (the
                                   2023-2025 rounds), ';'-separated
  D district new                   a district that had no communes (island districts), whole into `new`
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys

KIT_FILES = ['current-provinces', 'current-wards', 'legacy-provinces', 'legacy-districts', 'legacy-wards', 'mappings']
PROVINCE_TYPES = {'province': 'tinh', 'city': 'tp'}
DISTRICT_TYPES = {'district': 'huyen', 'urban_district': 'quan', 'town': 'tx', 'city': 'tp'}
WARD_TYPES = {'commune': 'xa', 'ward': 'phuong', 'town': 'tt', 'special_zone': 'dackhu'}


def reader(path):
    """(read(relative path) -> bytes, description) for a git directory (its HEAD) or a plain checkout."""
    if os.path.exists(os.path.join(path, 'HEAD')) and os.path.isdir(os.path.join(path, 'objects')):
        commit = subprocess.check_output(['git', '--git-dir', path, 'rev-parse', 'HEAD'], text=True).strip()
        return (lambda rel: subprocess.check_output(['git', '--git-dir', path, 'show', f'HEAD:{rel}'])), commit
    return (lambda rel: open(os.path.join(path, rel), 'rb').read()), 'checkout'


def clean(s):
    if any(c in s for c in '\t\n,;'):
        sys.exit(f'unexpected separator in {s!r}')
    return s.strip()


def fix_current_ward(w):
    # One record in the source reads name 'Xa Ea Kly', type 'ward', nameWithType 'Xa Ea Kly': the commune
    # is Xã Ea Kly (Đắk Lắk). Corrected here; listed in NOTICE.
    if w['name'].startswith('Xa ') and w['nameWithType'] == w['name']:
        return {**w, 'name': w['name'][3:], 'type': 'commune'}
    return w


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--kit', required=True, help='zindont/vietnam-address-kit: git dir or checkout')
    ap.add_argument('--dvhcvn', required=True, help='dvhcvn/20250701: git dir or checkout')
    ap.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '..', '..', 'data'))
    a = ap.parse_args()

    read_kit, kit_commit = reader(a.kit)
    raw = {f: read_kit(f'src/data/official/{f}.json') for f in KIT_FILES}
    sums = {f'src/data/official/{f}.json': hashlib.sha256(b).hexdigest() for f, b in raw.items()}
    data = {f: json.loads(b) for f, b in raw.items()}

    new_wards = {}
    for m in data['mappings']:
        key = m.get('oldWardCode') or ('D' + m['oldDistrictCode'])
        new_wards.setdefault(key, [])
        if m['newWardCode'] not in new_wards[key]:
            new_wards[key].append(m['newWardCode'])

    lines = [f'# address2025 v1. Built by tools/address2025/build_table.py from zindont/vietnam-address-kit '
             f'{kit_commit} (MIT); see NOTICE.']
    lines += [f'# sha256 {s} {f}' for f, s in sorted(sums.items())]
    for p in sorted(data['current-provinces'], key=lambda p: p['code']):
        lines.append('\t'.join(['P', p['code'], clean(p['name']), PROVINCE_TYPES[p['type']]]))
    for w in sorted((fix_current_ward(w) for w in data['current-wards']), key=lambda w: w['code']):
        lines.append('\t'.join(['W', w['code'], clean(w['name']), WARD_TYPES[w['type']], w['provinceCode']]))
    for p in sorted(data['legacy-provinces'], key=lambda p: p['code']):
        lines.append('\t'.join(['p', p['code'], clean(p['name']), PROVINCE_TYPES[p['type']]]))
    districts = {d['code'] for d in data['legacy-districts']}
    for d in sorted(data['legacy-districts'], key=lambda d: d['code']):
        lines.append('\t'.join(['d', d['code'], clean(d['name']), DISTRICT_TYPES[d['type']], d['provinceCode']]))
    missing = []
    for w in sorted(data['legacy-wards'], key=lambda w: w['code']):
        if w['districtCode'] not in districts:
            sys.exit(f'ward {w["code"]} in unknown district {w["districtCode"]}')
        new = new_wards.get(w['code'], [])
        if not new:
            missing.append(w['code'])
        former = ';'.join(clean(f['name']) for f in w.get('formerNames', []))
        lines.append('\t'.join(['w', w['code'], clean(w['name']), WARD_TYPES[w['type']], w['districtCode'], ','.join(new), former]))
    for key in sorted(k for k in new_wards if k.startswith('D')):
        lines.append('\t'.join(['D', key[1:], ','.join(new_wards[key])]))
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, 'address2025.tsv'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')

    # The second source: old commune code -> new commune codes, for the cross-check.
    read_dv, dv_commit = reader(a.dvhcvn)
    splits_raw = read_dv('mapping/splits.json')
    out = [f'# dvhcvn/20250701 {dv_commit} (MIT) mapping/splits.json sha256 {hashlib.sha256(splits_raw).hexdigest()}: '
           'old commune, new communes']
    for province in json.loads(splits_raw)['data']:
        for w in province.get('level3s', []):
            out.append('\t'.join([w['level3_id'], ','.join(s['new_id'] for s in w.get('splits', []))]))
    with open(os.path.join(a.out, 'address2025-dvhcvn.tsv'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(sorted(out, key=lambda l: (not l.startswith('#'), l))) + '\n')
    print(f'{len(lines)} lines; {len(missing)} old communes without a mapping: {missing[:10]}')


if __name__ == '__main__':
    main()
