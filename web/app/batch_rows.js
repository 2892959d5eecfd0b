// The batch table's columns and one photo's cells, as text in the page's language: the same cells fill
// the table on the page, the CSV file and the TSV on the clipboard. Pure (the texts come in as `t`).

import { printedCardDate } from '../src/messages.js';

/** Column keys: the header texts are t(`field_${key}`) for the card's fields, t(`batch_col_${key}`) else. */
// The status second: on a phone the table scrolls sideways, and what happened to a photo is seen first.
export const COLUMNS = ['file', 'status', 'id', 'oldId', 'name', 'dateOfBirth', 'sex', 'address', 'issueDate', 'address2025', 'errors'];
const OWN = new Set(['file', 'status', 'errors']);

/**
 * A photo's status, also its row's data-status: 'pending' (not read yet), 'ok' (a valid card), 'invalid'
 * (a QR code whose data fails a check, or that is no card), 'not-found' (no QR code read), 'bad-image'
 * (not an image the browser can decode), 'error' (the reader failed), 'cancelled' (the run was cancelled
 * before this photo).
 * @typedef {'pending' | 'ok' | 'invalid' | 'not-found' | 'bad-image' | 'error' | 'cancelled'} BatchStatus
 * @typedef {{name: string, status: BatchStatus, card?: any, error?: {code?: string}, message?: string}} BatchItem
 *   card: the parser's result (ok, invalid); error: the reader's error (error); message: why a dropped
 *   file could not be opened (the browser's words)
 * @typedef {{problem: (p: {field: string, code: string}) => string, error: (e: {code?: string}) => string}} Wording
 *   the texts of a card's errors and of the reader's errors in the page's language (web/src/messages.js)
 */

/** @param {(key: string) => string} t */
export const headerTexts = (t) => COLUMNS.map((key) => t(OWN.has(key) ? `batch_col_${key}` : `field_${key}`));

/** The new address (docs/address-2025.md): one or already-new its address, ambiguous its candidates. */
export function newAddressText(a) {
  if (!a) return '';
  if (a.match === 'one' || a.match === 'already-new') return a.address ?? '';
  if (a.match === 'ambiguous') return a.candidates.map((c) => `${c.commune} (${c.communeCode}), ${c.province}`).join('; ');
  return '';
}

/**
 * @param {BatchItem} item
 * @param {(key: string) => string} t
 * @param {Wording} words
 * @returns {string[]} one cell per COLUMNS entry
 */
export function cellsOf(item, t, words) {
  const card = item.card;
  const f = card && card.format !== 'unknown' ? card.fields : null;
  const errors = card ? card.errors.map(words.problem).join('; ') : item.error ? words.error(item.error) : item.message ?? '';
  /** @type {Record<string, string>} */
  const cells = {
    file: item.name,
    status: t(`batch_status_${item.status}`),
    id: f?.id ?? '',
    oldId: f?.oldId ?? '',
    name: f?.name ?? '',
    dateOfBirth: f ? printedCardDate(card, 'dateOfBirth') : '',
    sex: f?.sexText ?? '',
    address: f?.address ?? '',
    issueDate: f ? printedCardDate(card, 'issueDate') : '',
    address2025: newAddressText(f?.address2025),
    errors,
  };
  return COLUMNS.map((key) => cells[key]);
}
