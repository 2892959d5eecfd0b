// The result card: every field, each check (pass/fail/skipped with its reason), warnings and errors,
// and the JSON (data-testid="result-json"). Rendering uses textContent only: card data is never HTML.
import { checkLabel, checkText, printedCardDate, problemText } from '../src/messages.js';
import { language, t } from './i18n.js';

const $ = (id) => document.getElementById(id);
let last = null;
let tableMissing = false; // the address table could not be loaded: address2025 stays null

function row(list, key, value, bad = false) {
  const dt = document.createElement('dt');
  dt.textContent = t(`field_${key}`);
  const dd = document.createElement('dd');
  dd.dataset.testid = `field-${key}`;
  dd.textContent = value || t('none');
  if (bad) dd.classList.add('bad'); // a field with an error is marked where the eye already is
  list.append(dt, dd);
}

function problem(p, kind) {
  const li = document.createElement('li');
  li.className = kind;
  li.dataset.code = p.code;
  li.textContent = `${t(kind)}: ${problemText(p, language())}`;
  return li;
}

// The address since the July 2025 reform (docs/address-2025.md), in words of the page's language: the
// reason an address is unknown is English (for logs), so the page says only that it was not found.
function newAddress(a) {
  if (!a) return t(tableMissing ? 'address2025_unavailable' : 'address2025_pending');
  const place = (c) => `${c.commune} (${c.communeCode}), ${c.province}`;
  switch (a.match) {
    case 'one': return a.address;
    case 'already-new': return `${a.address} — ${t('address2025_alreadyNew')}`;
    case 'ambiguous': return `${t('address2025_ambiguous')} ${a.candidates.map(place).join('; ')}`;
    default: return t('address2025_unknown');
  }
}

/** The address table could not be loaded: say so where the new address would be. */
export function addressTableMissing() {
  tableMissing = true;
  renderCard();
}

/** Shows a card (the parser's result). */
export function showCard(card) {
  last = card;
  renderCard();
}

export const lastCard = () => last;

export function renderCard() {
  const card = last;
  if (!card) return;
  const f = card.fields ?? {};
  const parts = f.addressParts ?? {};
  const list = $('fields');
  list.replaceChildren();
  const failed = new Set(card.errors.map((e) => e.field));
  row(list, 'format', t(`format_${card.format}`));
  if (card.format !== 'unknown') {
    row(list, 'id', f.id, failed.has('id'));
    row(list, 'oldId', f.oldId, failed.has('oldId'));
    row(list, 'name', f.name, failed.has('name'));
    // Dates as printed (dd/mm/yyyy), so the official compares at a glance.
    row(list, 'dateOfBirth', printedCardDate(card, 'dateOfBirth'), failed.has('dateOfBirth'));
    row(list, 'sex', f.sexText, failed.has('sex'));
    row(list, 'address', f.address);
    row(list, 'street', parts.street);
    row(list, 'ward', parts.ward);
    row(list, 'district', parts.district);
    row(list, 'province', parts.provinceCode ? `${parts.provinceName} (${parts.provinceCode})` : parts.province);
    row(list, 'address2025', newAddress(f.address2025));
    row(list, 'issueDate', printedCardDate(card, 'issueDate'), failed.has('issueDate'));
    if (f.extra?.some((e) => e)) row(list, 'extra', f.extra.join(' | '));
  } else {
    // Not a card (a URL, a health-insurance code, …): show what the code says, so the reader knows.
    row(list, 'raw', card.rawFields?.join('|'));
  }
  $('checks-title').hidden = !card.checks?.length;
  $('checks').replaceChildren(...(card.checks ?? []).map((c) => {
    const li = document.createElement('li');
    li.className = c.ok ? 'ok' : c.skipped ? 'skipped' : 'fail';
    li.dataset.check = c.name;
    const detail = document.createElement('span');
    detail.className = 'detail';
    detail.textContent = ` — ${checkText(c, language())}`;
    li.append(checkLabel(c.name, language()), detail);
    return li;
  }));
  $('problems').replaceChildren(
    ...card.errors.map((p) => problem(p, 'error')),
    ...card.warnings.map((p) => problem(p, 'warning')),
  );
  $('result-json').textContent = JSON.stringify(card, null, 2);
  $('result').hidden = false;
}

/** Removes the card from the page (and from this module's memory). */
export function clearCard() {
  last = null;
  $('result').hidden = true;
  $('fields').replaceChildren();
  $('checks').replaceChildren();
  $('problems').replaceChildren();
  $('result-json').textContent = '';
}
