// Every check, warning and error of a card, and every error code of the API, worded in Vietnamese or
// English from its stable `code` and `params` (the parser's English `detail`/`message` stay for logs).
// Card checks: src/cccd/checks.cpp; problems: src/cccd/parse_card.cpp; API errors: errors.js.
/** @import { Check, Problem } from '../types/index.js' */

/** @typedef {'vi' | 'en'} Lang */
/** @typedef {Record<string, string>} Params */
/** @typedef {(p: Params, lang: Lang) => string} Wording */

/**
 * A date as the card prints it (dd/mm/yyyy) from ISO; any other text as it is, null or undefined as ''.
 * Shared by the page, the batch table and fillForm.
 * @param {string | null} [iso]
 */
export const printedDate = (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso ?? '') ? String(iso).split('-').reverse().join('/') : iso ?? '');

/** Where the card's text holds each date (docs/card-format.md: the fields in order). */
const RAW_DATE_FIELD = { dateOfBirth: 3, issueDate: 6 };

/**
 * One of a card result's dates as printed (dd/mm/yyyy); one that is not a real date as the card has it
 * (ddmmyyyy), so the reader sees what is wrong; '' when it has neither. Shared by the page and the batch table.
 * @param {{fields?: Record<string, any> | null, rawFields?: string[]}} card
 * @param {'dateOfBirth' | 'issueDate'} key
 */
export const printedCardDate = (card, key) => printedDate(card.fields?.[key]) || (card.rawFields?.[RAW_DATE_FIELD[key]] ?? '');
/** @param {string} s */
const sexVi = (s) => (s === 'female' ? 'nữ' : s === 'male' ? 'nam' : s);

/** @type {Record<Lang, Record<string, string>>} */
const CHECK_LABELS = {
  vi: {
    'id.digits': 'Số định danh có 12 chữ số', 'id.province': 'Mã tỉnh nơi đăng ký khai sinh',
    'id.centurySex': 'Chữ số thế kỷ và giới tính', 'id.birthYear': 'Hai chữ số năm sinh',
    'oldId.digits': 'Số CMND cũ có 9 chữ số', 'name.present': 'Họ và tên',
    'dateOfBirth.valid': 'Ngày sinh hợp lệ', 'sex.valid': 'Giới tính Nam/Nữ',
    'issueDate.valid': 'Ngày cấp hợp lệ', 'dates.order': 'Ngày sinh ≤ ngày cấp ≤ hôm nay',
    'age.plausible': 'Tuổi hợp lý', 'address.province': 'Tỉnh/thành trong địa chỉ',
  },
  en: {
    'id.digits': 'Number has 12 digits', 'id.province': 'Province code of birth registration',
    'id.centurySex': 'Century and sex digit', 'id.birthYear': 'Birth-year digits',
    'oldId.digits': 'Old ID has 9 digits', 'name.present': 'Full name',
    'dateOfBirth.valid': 'Valid date of birth', 'sex.valid': 'Sex is Nam/Nữ',
    'issueDate.valid': 'Valid date of issue', 'dates.order': 'Birth ≤ issue ≤ today',
    'age.plausible': 'Plausible age', 'address.province': 'Province in the address',
  },
};

/** Why a date text is not a date (src/cccd/date.cpp, date_problem_of). */
/** @type {Record<Lang, Record<string, (p: Params) => string>>} */
const DATE_PROBLEMS = {
  vi: {
    'not-8-digits': () => 'không phải 8 chữ số ngày-tháng-năm',
    'implausible-year': (p) => `năm ${p.year} không hợp lý`,
    'no-such-month': (p) => `không có tháng ${p.month}`,
    'no-such-day': (p) => `không có ngày ${p.day} trong tháng ${p.month}/${p.year}`,
  },
  en: {
    'not-8-digits': () => 'not 8 digits ddmmyyyy',
    'implausible-year': (p) => `year ${p.year} is not plausible`,
    'no-such-month': (p) => `month ${p.month} does not exist`,
    'no-such-day': (p) => `day ${p.day} does not exist in ${p.month}/${p.year}`,
  },
};

/** A date that is not one: the text as printed, then why, in `lang`. @type {Wording} */
const invalidDate = (p, lang) => `“${p.text}”: ${DATE_PROBLEMS[lang][p.problem]?.(p) ?? ''}`;

// Outcomes shared by several checks: "skipped" reasons and missing values.
/** @type {Record<Lang, Record<string, Wording>>} */
const COMMON = {
  vi: {
    'id-not-12-digits': () => 'chưa kiểm tra: số định danh không đủ 12 chữ số',
    'no-date-of-birth': () => 'chưa kiểm tra: không có ngày sinh hợp lệ',
    'no-sex': () => 'chưa kiểm tra: giới tính không phải Nam/Nữ',
    'date-missing': () => 'chưa kiểm tra: thiếu ngày hoặc ngày không hợp lệ',
    missing: () => 'bị thiếu',
    'not-digits': () => 'có ký tự không phải chữ số',
    'invalid-date': invalidDate,
  },
  en: {
    'id-not-12-digits': () => 'not checked: the number is not 12 digits',
    'no-date-of-birth': () => 'not checked: no valid date of birth',
    'no-sex': () => 'not checked: sex is not Nam/Nữ',
    'date-missing': () => 'not checked: a date is missing or invalid',
    missing: () => 'missing',
    'not-digits': () => 'contains characters other than digits',
    'invalid-date': invalidDate,
  },
};

// Each check's own outcomes, "check-name code".
/** @type {Record<Lang, Record<string, Wording>>} */
const CHECKS = {
  vi: {
    'id.digits ok': () => '12 chữ số',
    'id.digits wrong-length': (p) => `${p.length} chữ số, cần 12`,
    'id.province ok': (p) => `${p.code} = ${p.province}`,
    'id.province unknown-province': (p) => `${p.code} không phải mã của tỉnh/thành nào trong 63 tỉnh/thành`,
    'id.centurySex ok': (p) => `chữ số thứ 4 là ${p.digit}: ${sexVi(p.sex)} sinh năm ${p.year}`,
    'id.centurySex century-sex': (p) =>
      `chữ số thứ 4 là ${p.digit}, nhưng ${sexVi(p.sex)} sinh năm ${p.year} phải là ${p.expected}`,
    'id.centurySex century-sex-out-of-range': (p) => `năm sinh ${p.year} nằm ngoài 1900–2399`,
    'id.birthYear ok': (p) => `chữ số thứ 5–6 là ${p.digits}`,
    'id.birthYear birth-year': (p) => `chữ số thứ 5–6 là ${p.digits}, nhưng năm sinh tận cùng là ${p.expected}`,
    'oldId.digits ok': () => '9 chữ số',
    'oldId.digits absent': () => 'thẻ này không ghi số CMND cũ',
    'oldId.digits wrong-length': (p) => `${p.length} chữ số, cần 9`,
    'name.present ok': () => 'có',
    'name.present not-a-name': () => 'có chữ số hoặc ký tự điều khiển',
    'dateOfBirth.valid ok': (p) => printedDate(p.date),
    'issueDate.valid ok': (p) => printedDate(p.date),
    'sex.valid ok': (p) => `${p.text} (${sexVi(p.sex)})`,
    'sex.valid invalid-sex': (p) => `“${p.text}” không phải Nam hay Nữ`,
    'dates.order ok': () => 'ngày sinh ≤ ngày cấp ≤ hôm nay',
    'dates.order issued-before-birth': (p) => `cấp ngày ${printedDate(p.issueDate)}, trước ngày sinh ${printedDate(p.dateOfBirth)}`,
    'dates.order issued-in-future': (p) => `ngày cấp ${printedDate(p.issueDate)} sau hôm nay (${printedDate(p.today)})`,
    'age.plausible ok': (p) => `${p.age} tuổi`,
    'age.plausible implausible-age': (p) => `${p.age} tuổi`,
    'age.plausible born-in-future': () => 'ngày sinh ở tương lai',
    'address.province ok': (p) => `${p.province} (${p.code})${p.exact === 'false' ? ', nhận ra dù không có dấu' : ''}`,
    'address.province ok-merged': (p) => `${p.province} (${p.code}), thuộc ${p.since2025} từ 1/7/2025` +
      `${p.exact === 'false' ? ', nhận ra dù không có dấu' : ''}`,
    'address.province missing': () => 'không có địa chỉ',
    'address.province unknown-province': (p) => `“${p.province}” không phải một trong 63 tỉnh/thành`,
  },
  en: {
    'id.digits ok': () => '12 digits',
    'id.digits wrong-length': (p) => `${p.length} digits, expected 12`,
    'id.province ok': (p) => `${p.code} = ${p.province}`,
    'id.province unknown-province': (p) => `${p.code} is not the code of any of the 63 provinces`,
    'id.centurySex ok': (p) => `digit 4 is ${p.digit}: ${p.sex} born ${p.year}`,
    'id.centurySex century-sex': (p) => `digit 4 is ${p.digit} but a ${p.sex} born ${p.year} has ${p.expected}`,
    'id.centurySex century-sex-out-of-range': (p) => `birth year ${p.year} outside 1900–2399`,
    'id.birthYear ok': (p) => `digits 5–6 are ${p.digits}`,
    'id.birthYear birth-year': (p) => `digits 5–6 are ${p.digits} but the birth year ends in ${p.expected}`,
    'oldId.digits ok': () => '9 digits',
    'oldId.digits absent': () => 'no old number on this card',
    'oldId.digits wrong-length': (p) => `${p.length} digits, expected 9`,
    'name.present ok': () => 'present',
    'name.present not-a-name': () => 'contains digits or control characters',
    'dateOfBirth.valid ok': (p) => printedDate(p.date),
    'issueDate.valid ok': (p) => printedDate(p.date),
    'sex.valid ok': (p) => `${p.text} = ${p.sex}`,
    'sex.valid invalid-sex': (p) => `“${p.text}” is neither Nam nor Nữ`,
    'dates.order ok': () => 'birth ≤ issue ≤ today',
    'dates.order issued-before-birth': (p) => `issued ${printedDate(p.issueDate)}, before birth on ${printedDate(p.dateOfBirth)}`,
    'dates.order issued-in-future': (p) => `issue date ${printedDate(p.issueDate)} is after today (${printedDate(p.today)})`,
    'age.plausible ok': (p) => `${p.age} years old`,
    'age.plausible implausible-age': (p) => `${p.age} years old`,
    'age.plausible born-in-future': () => 'born in the future',
    'address.province ok': (p) => `${p.province} (${p.code})${p.exact === 'false' ? ', recognised without diacritics' : ''}`,
    'address.province ok-merged': (p) => `${p.province} (${p.code}), part of ${p.since2025} since 1 July 2025` +
      `${p.exact === 'false' ? ', recognised without diacritics' : ''}`,
    'address.province missing': () => 'no address',
    'address.province unknown-province': (p) => `“${p.province}” is not one of the 63 provinces`,
  },
};

// Problems that are not a failed check (src/cccd/parse_card.cpp).
/** @type {Record<Lang, Record<string, Wording>>} */
const PROBLEMS = {
  vi: {
    'too-long': (p) => `dài hơn ${p.max} byte, nhiều hơn mọi mã QR có thể chứa`,
    'not-utf8': () => 'không phải văn bản UTF-8 (dữ liệu nhị phân?)',
    'control-characters': () => 'có ký tự điều khiển (dữ liệu nhị phân?)',
    'mojibake-unrepaired': () => 'chữ bị lỗi mã hóa (UTF-8 bị đọc thành Windows-1252) và không sửa được: hãy quét lại thẻ',
    'mojibake-repaired': () => 'chữ đến từ máy quét bị lỗi mã hóa (UTF-8 bị đọc thành Windows-1252) và đã được sửa',
    'mojibake-partial': (p) => `chữ bị lỗi mã hóa đã được sửa, nhưng ${p.count} chữ cái mất một byte và có thể là ` +
      'nhiều chữ khác nhau (hiện là �): hãy đối chiếu với thẻ',
    empty: () => 'không có nội dung',
    'not-a-card': () => 'không có dấu phân cách “|”: đây không phải mã QR của thẻ căn cước',
    'health-insurance-card': () => 'đây là mã QR của thẻ bảo hiểm y tế (BHYT), không phải thẻ căn cước',
    'field-count': (p) => `${p.count} trường ngăn bởi “|”, cần 7 (số định danh|số CMND|họ tên|ngày sinh|` +
      'giới tính|nơi thường trú|ngày cấp)',
    'sex-spelling': (p) => `“${p.text}” được hiểu là ${sexVi(p.sex)}; thẻ in Nam hoặc Nữ`,
    'letters-missing': () => 'một chữ trong họ tên không có nguyên âm: máy quét có lẽ đã làm rơi chữ cái tiếng Việt',
    'no-diacritics': () => 'họ tên và địa chỉ đều không có dấu: máy quét có thể đã làm mất dấu tiếng Việt',
    'unknown-fields': (p) => `${p.count} trường sau trường thứ bảy, không rõ bố cục; giữ lại ở mục “Trường khác”`,
    'reserved-fields-used': () => 'các trường dự phòng 8–11 của thẻ căn cước có dữ liệu; giữ lại ở mục “Trường khác”',
    'format-date-mismatch': () => 'bố cục của thẻ căn cước nhưng ngày cấp trước 1/7/2024, ngày loại thẻ này bắt đầu',
    'issued-under-14': () => 'CCCD gắn chip cấp trước 14 tuổi; Luật Căn cước công dân 2014 cấp từ 14 tuổi',
    'separator-semicolon': () => 'các trường ngăn bởi dấu “;”: nội dung không lấy thẳng từ mã QR của thẻ',
    'separator-tab': () => 'các trường ngăn bởi dấu tab (một dòng bảng tính): nội dung không lấy thẳng từ mã QR của thẻ',
    'labelled-lines': () => 'các dòng “nhãn: giá trị”: nội dung không lấy thẳng từ mã QR của thẻ',
    'unknown-label': (p) => `nhãn “${p.label}” không phải trường nào của mã QR; giá trị “${p.value}” không được dùng`,
    'unlabelled-line': (p) => `dòng “${p.line}” không có nhãn nên không được dùng`,
    'label-conflict': (p) => `“${p.label}” ghi “${p.value}” nhưng “${p.otherLabel}” ghi “${p.otherValue}”; dùng giá trị đầu`,
  },
  en: {
    'too-long': (p) => `longer than ${p.max} bytes, more than any QR code holds`,
    'not-utf8': () => 'not UTF-8 text (binary data?)',
    'control-characters': () => 'contains control characters (binary data?)',
    'mojibake-unrepaired': () => 'the text looks like UTF-8 read as Windows-1252 but cannot be repaired: rescan the card',
    'mojibake-repaired': () => 'the text arrived as UTF-8 read as Windows-1252 (a keyboard-wedge scanner) and was repaired',
    'mojibake-partial': (p) => `the text was repaired, but ${p.count} letter(s) lost a byte and could be several ` +
      'letters (shown as �): check the card',
    empty: () => 'no text',
    'not-a-card': () => 'no “|” separators: this is not the QR code of an ID card',
    'health-insurance-card': () => 'this is the QR code of a health-insurance (BHYT) card, not an ID card',
    'field-count': (p) => `${p.count} fields separated by “|”, expected 7 (id|oldId|name|dateOfBirth|sex|address|issueDate)`,
    'sex-spelling': (p) => `“${p.text}” read as ${p.sex}; cards print Nam or Nữ`,
    'letters-missing': () => 'a word of the name has no vowel: the scanner probably dropped Vietnamese letters',
    'no-diacritics': () => 'name and address have no Vietnamese diacritics: the scanner may have dropped them',
    'unknown-fields': (p) => `${p.count} fields after the seventh in an unknown layout; kept under “Other fields”`,
    'reserved-fields-used': () => 'the Thẻ căn cước\'s reserved fields 8–11 hold data; kept under “Other fields”',
    'format-date-mismatch': () => 'a Thẻ căn cước layout but issued before 1 July 2024, when that card began',
    'issued-under-14': () => 'a chip CCCD issued before age 14; the 2014 Law on Citizen Identification issued it from 14',
    'separator-semicolon': () => 'fields separated by “;”: the text did not come straight from the card\'s QR code',
    'separator-tab': () => 'fields separated by tabs (a spreadsheet row): the text did not come straight from the card\'s QR code',
    'labelled-lines': () => '“label: value” lines: the text did not come straight from the card\'s QR code',
    'unknown-label': (p) => `the label “${p.label}” is not one of the QR code's fields; its value “${p.value}” was not used`,
    'unlabelled-line': (p) => `the line “${p.line}” has no label and was not used`,
    'label-conflict': (p) => `“${p.label}” gives “${p.value}” but “${p.otherLabel}” gives “${p.otherValue}”; the first is used`,
  },
};

// The API's error codes (CccdScannerError.code, types/index.d.ts ErrorCode).
/** @type {Record<Lang, Record<string, string>>} */
const ERRORS = {
  vi: {
    'invalid-argument': 'dữ liệu đưa vào không đúng dạng',
    'too-large': 'ảnh quá lớn (tối đa 8192 điểm ảnh mỗi cạnh, 32 megapixel)',
    destroyed: 'bộ đọc đã bị đóng',
    'no-frame': 'chưa có khung hình nào',
    internal: 'lỗi bên trong bộ đọc',
    'worker-failed': 'luồng giải mã (Worker) không chạy được',
    'permission-denied': 'trình duyệt đã chặn camera',
    'no-camera': 'không tìm thấy camera',
    'camera-busy': 'camera đang được ứng dụng khác dùng',
    'camera-failed': 'camera gặp lỗi',
    'no-camera-api': 'trình duyệt không cho dùng camera ở đây (cần https hoặc localhost)',
    'address-table': 'không tải được bảng đối chiếu địa chỉ mới',
    'not-an-image': 'tệp không phải ảnh, hoặc ảnh bị hỏng',
  },
  en: {
    'invalid-argument': 'the input is not in the expected form',
    'too-large': 'the image is too large (at most 8192 px a side, 32 megapixels)',
    destroyed: 'the reader was closed',
    'no-frame': 'no frame yet',
    internal: 'an internal error of the reader',
    'worker-failed': 'the decoding Worker could not run',
    'permission-denied': 'the browser blocked the camera',
    'no-camera': 'no camera found',
    'camera-busy': 'another application is using the camera',
    'camera-failed': 'the camera failed',
    'no-camera-api': 'this browser offers no camera here (https or localhost is required)',
    'address-table': 'the conversion table for the new address could not be loaded',
    'not-an-image': 'the file is not an image, or the image is damaged',
  },
};

const FALLBACK = { vi: 'lỗi khác', en: 'another error' };

/** @param {unknown} lang @returns {Lang} */
const pick = (lang) => (lang === 'en' ? 'en' : 'vi');

/**
 * The label of a check ("id.province" → "Mã tỉnh nơi đăng ký khai sinh").
 * @param {string} name @param {string} [lang]
 */
export function checkLabel(name, lang) {
  return CHECK_LABELS[pick(lang)][name] ?? name;
}

/** @param {string} name @param {string} code @param {Params} params @param {Lang} l */
function outcome(name, code, params, l) {
  const wording = CHECKS[l][`${name} ${code}`] ?? COMMON[l][code];
  return wording ? wording(params ?? {}, l) : `${FALLBACK[l]} (${code})`;
}

/**
 * Why a check passed, failed or was skipped, in `lang` ('vi' by default): "12 chữ số".
 * @param {Check} check @param {string} [lang]
 */
export function checkText(check, lang) {
  return outcome(check.name, check.code, check.params, pick(lang));
}

/**
 * One of a card's errors or warnings, in `lang`: a failed check reads "label: why".
 * @param {Problem} problem @param {string} [lang]
 */
export function problemText(problem, lang) {
  const l = pick(lang);
  const params = problem.params ?? {};
  if (params.check) return `${checkLabel(params.check, l)}: ${outcome(params.check, problem.code, params, l)}`;
  const wording = PROBLEMS[l][problem.code];
  return wording ? wording(params, l) : `${FALLBACK[l]} (${problem.code})`;
}

/**
 * An API error (a CccdScannerError or anything with a `code`) in `lang`.
 * @param {{code?: string} | null | undefined} error @param {string} [lang]
 */
export function errorText(error, lang) {
  const l = pick(lang);
  return ERRORS[l][error?.code ?? ''] ?? `${FALLBACK[l]} (${error?.code ?? '?'})`;
}

/** Every code with a wording, for tests that check each is produced and each produced one is worded. */
export const wordedCodes = {
  checks: Object.keys(CHECKS.vi),
  common: Object.keys(COMMON.vi),
  problems: Object.keys(PROBLEMS.vi),
  errors: Object.keys(ERRORS.vi),
  datesProblems: Object.keys(DATE_PROBLEMS.vi),
};
