// Test support: a strict RFC 4180 reader for the CSV files the page writes (web/app/table_export.js).
// Records end in CRLF, the last one too; a field is bare (no quote, comma, CR or LF in it) or quoted, with
// "" for a quote inside. Anything else — a bare LF, a stray quote, a missing final CRLF — throws.

/** @param {string} text CSV text without the byte order mark @returns {string[][]} the records */
export function parseCsv(text) {
  const records = [];
  let record = [];
  let i = 0;
  if (text === '') return records;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] !== '"') { i++; break; }
          field += '"';
          i++;
        } else {
          field += text[i];
        }
      }
    } else {
      while (i < text.length && !',\r\n'.includes(text[i])) {
        if (text[i] === '"') throw new Error(`a quote inside a bare field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') { i++; continue; }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 8))}`);
  }
}
