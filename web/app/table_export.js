// A table (a header row and rows of cells) as CSV for a file and as TSV for the clipboard. Pure: no DOM,
// so Node tests it (tests/node/table_export.test.mjs). Cells are strings; null and undefined are empty.
//
// CSV: RFC 4180 — fields separated by commas, records ended by CRLF (the last one too), a field holding
// a comma, a double quote, CR or LF enclosed in double quotes with its quotes doubled; and a UTF-8 byte
// order mark first, without which Excel reads the file in the system's code page and garbles Vietnamese.
// TSV: what spreadsheets take from the clipboard — tabs between cells, CRLF between rows, and no quoting,
// so a tab or line break inside a value becomes a space.
//
// Both: a value beginning with = + - @ (a formula to Excel, LibreOffice and Google Sheets) gets an
// apostrophe in front, so text read from a QR code can never run as a formula on the clerk's computer
// ("CSV injection"); no field of a real card begins with one of those.

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@]/;

/** @param {unknown} value @returns {string} the value as text, neutralised if it would be a formula */
function text(value) {
  const s = value == null ? '' : String(value);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One CSV field, quoted when it must be. */
export function csvField(value) {
  const s = text(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One TSV cell: tabs and line breaks (CRLF counting once) become one space each. */
export function tsvCell(value) {
  return text(value).replace(/\r\n|[\t\r\n]/g, ' ');
}

/**
 * @param {unknown[]} header
 * @param {unknown[][]} rows
 * @returns {string} the CSV text, BOM first and CRLF after every record
 */
export function toCsv(header, rows) {
  return BOM + [header, ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/**
 * @param {unknown[]} header
 * @param {unknown[][]} rows
 * @returns {string} tab-separated text, CRLF between rows (none after the last: a paste adds no empty row)
 */
export function toTsv(header, rows) {
  return [header, ...rows].map((r) => r.map(tsvCell).join('\t')).join('\r\n');
}

/** A file name for an export made at `date`: cccd-YYYY-MM-DD-HHMM.<ext>, local time. */
export function exportFileName(date, ext) {
  const p = (n) => String(n).padStart(2, '0');
  return `cccd-${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}.${ext}`;
}
