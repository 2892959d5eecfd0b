// The standalone scan page. It only uses the package's public API and never sends data anywhere.
import { createScanner } from '../src/index.js';
import { texts } from './i18n.js';

const $ = (id) => document.getElementById(id);
let lang = 'vi';
let lastResult = null;
const t = (key) => texts[lang][key] ?? texts.vi[key] ?? key;

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  $('lang').textContent = t('otherLanguage');
  $('lang').setAttribute('aria-label', t('otherLanguage'));
  const status = $('status');
  if (status.dataset.key) status.textContent = t(status.dataset.key) + (status.dataset.suffix ?? '');
  if (lastResult) render(lastResult);
}

function setStatus(state, key, suffix = '') {
  const status = $('status');
  status.dataset.state = state;
  status.dataset.key = key;
  status.dataset.suffix = suffix;
  status.textContent = t(key) + suffix;
}

// Dates as printed on the card (dd/mm/yyyy), so the official can compare at a glance.
const asPrinted = (iso) => (iso ? iso.split('-').reverse().join('/') : '');

function row(list, key, value) {
  const dt = document.createElement('dt');
  dt.textContent = t(`field_${key}`);
  const dd = document.createElement('dd');
  dd.dataset.testid = `field-${key}`;
  dd.textContent = value || t('none');
  list.append(dt, dd);
}

function render(result) {
  const f = result.fields ?? {};
  const parts = f.addressParts ?? {};
  const list = $('fields');
  list.replaceChildren();
  row(list, 'format', t(`format_${result.format}`));
  if (result.format !== 'unknown') {
    row(list, 'id', f.id);
    row(list, 'oldId', f.oldId);
    row(list, 'name', f.name);
    row(list, 'dateOfBirth', asPrinted(f.dateOfBirth));
    row(list, 'sex', f.sexText);
    row(list, 'address', f.address);
    row(list, 'street', parts.street);
    row(list, 'ward', parts.ward);
    row(list, 'district', parts.district);
    row(list, 'province', parts.provinceCode ? `${parts.provinceName} (${parts.provinceCode})` : parts.province);
    row(list, 'issueDate', asPrinted(f.issueDate));
    if (f.extra?.some((e) => e)) row(list, 'extra', f.extra.join(' | '));
  }

  const checks = $('checks');
  checks.replaceChildren(...(result.checks ?? []).map((c) => {
    const li = document.createElement('li');
    li.className = c.ok ? 'ok' : c.skipped ? 'skipped' : 'fail';
    li.dataset.check = c.name;
    const detail = document.createElement('span');
    detail.className = 'detail';
    detail.textContent = ` — ${c.detail}`;
    li.append(t(`check_${c.name}`), detail);
    return li;
  }));
  const problems = $('problems');
  problems.replaceChildren(
    ...result.errors.map((p) => problem(p, 'error')),
    ...result.warnings.map((p) => problem(p, 'warning')),
  );
  $('result-json').textContent = JSON.stringify(result, null, 2);
  $('result').hidden = false;
}

function problem(p, kind) {
  const li = document.createElement('li');
  li.className = kind;
  li.dataset.code = p.code;
  li.textContent = `${t(kind)} (${p.field}): ${p.message}`;
  return li;
}

function show(result) {
  lastResult = result;
  render(result);
  setStatus(result.ok ? 'found' : 'invalid', result.ok ? 'statusFound' : 'statusInvalid');
}

function clear() {
  lastResult = null;
  $('result').hidden = true;
  $('fields').replaceChildren();
  $('checks').replaceChildren();
  $('problems').replaceChildren();
  $('result-json').textContent = '';
  $('wedge-input').value = '';
  setStatus('idle', 'statusCleared');
}

async function main() {
  applyLanguage();
  $('lang').addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    applyLanguage();
  });
  setStatus('loading', 'statusLoading');
  let scanner;
  try {
    scanner = await createScanner();
  } catch (e) {
    setStatus('error', 'statusError', String(e?.message ?? e));
    return;
  }
  setStatus('idle', 'statusIdle');

  $('wedge-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('wedge-input').value;
    if (text.trim()) show(scanner.parse(text));
  });
  $('clear').addEventListener('click', clear);
  $('copy').addEventListener('click', async () => {
    if (!lastResult) return;
    try {
      await navigator.clipboard.writeText(JSON.stringify(lastResult, null, 2));
      setStatus($('status').dataset.state, 'copied');
    } catch {
      // Clipboard refused (no permission or not a secure context): select the JSON for manual copy.
      const range = document.createRange();
      range.selectNodeContents($('result-json'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }
  });

  // A keyboard-wedge scanner types a burst of keys ending in Enter. Catch such a burst anywhere on
  // the page (when no text field has focus), so the official need not click the box first.
  let burst = '';
  let lastKey = 0;
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const now = performance.now();
    if (now - lastKey > 100) burst = '';
    lastKey = now;
    if (event.key === 'Enter') {
      if (burst.length > 20) show(scanner.parse(burst));
      burst = '';
    } else if (event.key.length === 1) {
      burst += event.key;
    }
  });
}

main();
