// Card texts that between them give every check outcome, warning and error the parser knows (see
// src/cccd/checks.cpp and parse_card.cpp), for the tests of their wording in each language.
const base = ['001085012345', '012345678', 'Nguyễn Văn An', '15081985', 'Nam',
  'Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, Thành phố Hà Nội', '04102024'];
const FIELD = { id: 0, oldId: 1, name: 2, dob: 3, sex: 4, address: 5, issue: 6 };

/** The valid card with some fields replaced: `card({name: ''})`. */
export function card(changes = {}, extra = null) {
  const f = [...base];
  for (const [k, v] of Object.entries(changes)) f[FIELD[k]] = v;
  return [...f, ...(extra ?? [])].join('|');
}

// UTF-8 read as Windows-1252, as a keyboard-wedge scanner types it; `dropUndefined` drops the five bytes
// Windows-1252 leaves undefined (some scanners do).
function mojibake(text, dropUndefined = false) {
  const undefinedBytes = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  const bytes = [...new TextEncoder().encode(text)].filter((b) => !dropUndefined || !undefinedBytes.has(b));
  return new TextDecoder('windows-1252').decode(new Uint8Array(bytes));
}

const femaleSafe = { id: '001185012345', sex: 'Nữ', address: 'Thôn Đông, Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội' };

/** [name, text] pairs. */
export const cardVariants = [
  ['valid', card()],
  ['no old number, merged province without diacritics', card({ oldId: '', address: 'Xã Vũ Hội, Huyện Vũ Thư, Thai Binh' })],
  ['merged province', card({ address: 'Xã Vũ Hội, Huyện Vũ Thư, Tỉnh Thái Bình' })],
  ['id missing', card({ id: '' })],
  ['id with a letter', card({ id: '00108501234A' })],
  ['id of 11 digits', card({ id: '00108501234' })],
  ['id of an unknown province', card({ id: '999085012345' })],
  ['century digit wrong', card({ id: '001185012345' })],
  ['born 1850', card({ dob: '15081850' })],
  ['old id with a letter', card({ oldId: '01234567X' })],
  ['old id of 5 digits', card({ oldId: '12345' })],
  ['name missing', card({ name: '' })],
  ['name with digits', card({ name: 'Nguyễn Văn 4n' })],
  ['date of birth missing', card({ dob: '' })],
  ['date of birth with slashes', card({ dob: '15/08/1985' })],
  ['date of birth in 1700', card({ dob: '15081700' })],
  ['date of birth in month 13', card({ dob: '15131985' })],
  ['date of birth on the 32nd', card({ dob: '32081985' })],
  ['sex missing', card({ sex: '' })],
  ['sex X', card({ sex: 'X' })],
  ['sex in capitals', card({ sex: 'NAM' })],
  ['issued before birth', card({ issue: '04101980' })],
  ['issued in the future', card({ issue: '04102099' })],
  ['born in the future', card({ id: '001290012345', dob: '15082090', issue: '16082090' })],
  ['address missing', card({ address: '' })],
  ['address in no province', card({ address: 'Số 1, Atlantis' })],
  ['issued at 9', card({ id: '001215012345', dob: '15082015', issue: '04102024' })],
  ['too long', card({ address: 'x'.repeat(3000) })],
  ['control characters', card({ name: 'Nguyễn\u0001Văn An' })],
  ['mojibake repaired', mojibake(card())],
  ['mojibake partly repaired', mojibake(card({ ...femaleSafe, name: 'Trần Thị Ngọc Diễm' }), true)],
  ['mojibake beyond repair', card({ name: 'Nguy\u00e1n V\u00c4\u0192n An' })],
  ['empty', ''],
  ['not a card', 'https://example.com/'],
  ['health-insurance card', 'DN4797915123456|Nguyễn Văn An|15/08/1985|1|Hà Nội|01/01/2024'],
  ['three fields', 'a|b|c'],
  ['letters lost', card({ name: 'Nguyn Vn An' })],
  ['diacritics lost', card({ name: 'Nguyen Van An', address: 'So 1, Duong Lang, Phuong Lang Thuong, Quan Dong Da, Ha Noi' })],
  ['nine fields', card({}, ['x', 'y'])],
  ['Thẻ căn cước with reserved fields used', card({ issue: '04102024' }, ['a', '', '', ''])],
  ['Thẻ căn cước issued in 2021', card({ issue: '15042021' }, ['', '', '', ''])],
  ['separated by semicolons', card().replaceAll('|', ';')],
  ['a spreadsheet row', card().replaceAll('|', '\t')],
  ['labelled lines, one unknown, one unlabelled, one in conflict', [
    'Số CCCD: 001085012345', 'Họ và tên: Nguyễn Văn An', 'Ngày sinh: 15/08/1985', 'Giới tính: Nam',
    'Nơi thường trú: Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, Thành phố Hà Nội', 'Ngày cấp: 04/10/2024',
    'Quê quán: Hà Nội', 'ghi chú', 'Họ tên: Nguyễn Văn Ân'].join('\n')],
];

// Params that hold a code, or a word the wording translates ("male"), rather than a value shown as it is.
const CODE_PARAMS = new Set(['check', 'problem', 'exact', 'sex']);

/** The card's own texts (its fields and the values its messages name): data, in whatever language. */
export function dataTexts(card) {
  const values = [...card.checks, ...card.errors, ...card.warnings]
    .flatMap((x) => Object.entries(x.params).filter(([k]) => !CODE_PARAMS.has(k)).map(([, v]) => v));
  return [...card.rawFields, ...values];
}
