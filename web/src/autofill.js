// Autofill: a scanned card fills the inputs of a form marked data-cccd-field="NAME". Names are the
// fields of the result (id, oldId, name, dateOfBirth, sex, sexText, address, issueDate) and the address
// parts (street, ward, district, province, provinceCode, provinceName, provinceSince2025), and the address
// since the July 2025 reform (newCommune, newProvince, newAddress; empty when the old commune was split).
/** @import { CardFields, CardResult, ScanResult } from '../types/index.js' */
import { printedDate } from './messages.js';

/** @type {Record<string, 'commune' | 'province' | 'address'>} */
const NEW_ADDRESS = { newCommune: 'commune', newProvince: 'province', newAddress: 'address' };
export const newAddressFields = Object.keys(NEW_ADDRESS);

/**
 * The text for the input `el` of field `key` (a name of CardFields, of its addressParts, or NEW_ADDRESS).
 * @param {HTMLElement & {type?: string}} el
 * @param {string} key
 * @param {CardFields} fields
 * @returns {string}
 */
function valueFor(el, key, fields) {
  const parts = fields.addressParts ?? {};
  // Looked up by the input's field name: any value of the card's fields or address parts.
  /** @type {any} */
  const raw = key in NEW_ADDRESS ? fields.address2025?.[NEW_ADDRESS[key]] :
    key in fields ? /** @type {Record<string, any>} */ (fields)[key] : /** @type {Record<string, any>} */ (parts)[key];
  if (raw === undefined || raw === null) return '';
  // Dates: ISO for <input type=date>, as printed on the card (dd/mm/yyyy) anywhere else.
  if (key === 'dateOfBirth' || key === 'issueDate') return el.type === 'date' ? raw : printedDate(raw);
  if (key === 'sex' && el.tagName !== 'SELECT') return fields.sexText ?? raw;
  return String(raw);
}

/**
 * Fills `form` (an element or its id) from a scan result or a parse() result; returns how many inputs
 * were filled. Only valid card data is filled in. Fires input and change events so frameworks notice.
 * `only`: fill just these field names (e.g. the new address once its table has loaded).
 * `only` is not in the published signature (web/types/index.d.ts): tests/types/conformance.ts allows it.
 * @param {HTMLElement | string} form
 * @param {ScanResult | CardResult} result
 * @param {string[] | null} [only]
 * @returns {number}
 */
export function fillForm(form, result, only = null) {
  const root = typeof form === 'string' ? document.getElementById(form) : form;
  /** @type {CardResult | null | undefined} a scan result's card, or the parse() result itself */
  const card = /** @type {any} */ (result)?.card ?? result;
  if (!root || !card?.ok || !card.fields) return 0;
  let filled = 0;
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('[data-cccd-field]'))) {
    const key = /** @type {string} */ (el.dataset.cccdField); // the selector asks for the attribute
    if (only && !only.includes(key)) continue;
    const value = valueFor(el, key, card.fields);
    if (el.tagName === 'SELECT') {
      const select = /** @type {HTMLSelectElement} */ (el);
      // <option value="male">Nam</option>: match the value or the visible text.
      const option = [...select.options].find((o) => o.value === value || o.text === value ||
        o.text === card.fields.sexText && key === 'sex');
      if (!option) continue;
      select.value = option.value;
    } else if ('value' in el) {
      el.value = value;
    } else {
      el.textContent = value;
    }
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    filled++;
  }
  return filled;
}
