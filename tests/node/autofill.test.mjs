// web/src/autofill.js: fillForm() fills [data-cccd-field] inputs from a card, with minimal stand-ins for
// the DOM (EventTarget-based elements with the properties fillForm reads) instead of a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillForm, newAddressFields } from '../../web/src/autofill.js';
import { parse } from '../../web/src/index.js';

// An element: input (has `value`), select (value and options) or any other (textContent only).
class FakeElement extends EventTarget {
  constructor(tagName, field, { type = 'text', value = '', options = null } = {}) {
    super();
    this.tagName = tagName;
    this.dataset = field === undefined ? {} : { cccdField: field };
    this.events = [];
    for (const name of ['input', 'change']) this.addEventListener(name, (e) => this.events.push(`${e.type}:${e.bubbles}`));
    if (tagName === 'INPUT' || tagName === 'TEXTAREA') { this.type = type; this.value = value; }
    else if (tagName === 'SELECT') { this.options = options; this.value = value; }
    else this.textContent = '';
  }
}
const input = (field, opts) => new FakeElement('INPUT', field, opts);
const select = (field, options, value = '') => new FakeElement('SELECT', field, { options, value });

function form(...elements) {
  return {
    selectors: [],
    querySelectorAll(selector) {
      this.selectors.push(selector);
      return elements;
    },
  };
}

// A valid card as parse() gives it (docs/card-format.md), with the address table loaded.
const fields = {
  id: '079303001234',
  oldId: '123456789',
  name: 'Trần Thị Bích Ngọc',
  dateOfBirth: '2003-06-05',
  sex: 'female',
  sexText: 'Nữ',
  address: 'Số 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
  addressParts: {
    street: 'Số 12 Lê Lợi',
    ward: 'Phường Bến Nghé',
    district: 'Quận 1',
    province: 'TP. Hồ Chí Minh',
    provinceCode: '079',
    provinceName: 'Hồ Chí Minh',
    provinceSince2025: 'Hồ Chí Minh',
  },
  address2025: {
    match: 'one',
    commune: 'Phường Sài Gòn',
    communeCode: '26740',
    province: 'Thành phố Hồ Chí Minh',
    provinceCode: '79',
    address: 'Số 12 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh',
  },
  issueDate: '2021-07-20',
  extra: [],
};
const card = { ok: true, format: 'cccd-2021', fields };
const withFields = (changes) => ({ ...card, fields: { ...fields, ...changes } });

test('every field name fills its input with the card\'s value', () => {
  const expected = {
    id: '079303001234',
    oldId: '123456789',
    name: 'Trần Thị Bích Ngọc',
    dateOfBirth: '05/06/2003', // as printed on the card
    sex: 'Nữ', // a text input shows the card's word
    sexText: 'Nữ',
    address: 'Số 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
    issueDate: '20/07/2021',
    street: 'Số 12 Lê Lợi',
    ward: 'Phường Bến Nghé',
    district: 'Quận 1',
    province: 'TP. Hồ Chí Minh',
    provinceCode: '079',
    provinceName: 'Hồ Chí Minh',
    provinceSince2025: 'Hồ Chí Minh',
    newCommune: 'Phường Sài Gòn',
    newProvince: 'Thành phố Hồ Chí Minh',
    newAddress: 'Số 12 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh',
  };
  const inputs = Object.keys(expected).map((k) => input(k, { value: 'old' }));
  const f = form(...inputs);
  assert.equal(fillForm(f, card), inputs.length);
  assert.deepEqual(f.selectors, ['[data-cccd-field]']);
  assert.deepEqual(Object.fromEntries(inputs.map((el) => [el.dataset.cccdField, el.value])), expected);
  // input then change, both bubbling, once each, so frameworks notice.
  for (const el of inputs) assert.deepEqual(el.events, ['input:true', 'change:true'], el.dataset.cccdField);
});

test('newAddressFields are the fields of the 2025 address', () => {
  assert.deepEqual(newAddressFields, ['newCommune', 'newProvince', 'newAddress']);
});

test('dates: ISO in <input type=date>, dd/mm/yyyy elsewhere, empty when the card has none', () => {
  const date = input('dateOfBirth', { type: 'date' });
  const issued = input('issueDate', { type: 'date' });
  const text = input('issueDate');
  const span = new FakeElement('SPAN', 'dateOfBirth');
  assert.equal(fillForm(form(date, issued, text, span), card), 4);
  assert.equal(date.value, '2003-06-05');
  assert.equal(issued.value, '2021-07-20');
  assert.equal(text.value, '20/07/2021');
  assert.equal(span.textContent, '05/06/2003');
  assert.equal('value' in span, false);
  const noDates = withFields({ dateOfBirth: null, issueDate: null });
  const d1 = input('dateOfBirth', { type: 'date', value: 'x' });
  const d2 = input('issueDate', { value: 'x' });
  assert.equal(fillForm(form(d1, d2), noDates), 2);
  assert.equal(d1.value, '');
  assert.equal(d2.value, '');
});

test('sex: the word in text, a matching option (by value or text) in a <select>', () => {
  const byValue = select('sex', [{ value: '', text: '—' }, { value: 'male', text: 'Nam' }, { value: 'female', text: 'Nữ' }]);
  const byText = select('sex', [{ value: 'M', text: 'Nam' }, { value: 'F', text: 'Nữ' }]);
  const byWord = select('sex', [{ value: '1', text: 'Nam' }, { value: '2', text: 'Nữ' }]);
  const text = input('sex');
  assert.equal(fillForm(form(byValue, byText, byWord, text), card), 4);
  assert.equal(byValue.value, 'female');
  assert.equal(byText.value, 'F');
  assert.equal(byWord.value, '2');
  assert.equal(text.value, 'Nữ');
  // Without sexText a text input falls back to the code.
  const bare = input('sex');
  assert.equal(fillForm(form(bare), withFields({ sexText: undefined })), 1);
  assert.equal(bare.value, 'female');
});

test('a <select> without a matching option is left alone and not counted', () => {
  const province = select('province', [{ value: 'hn', text: 'Hà Nội' }, { value: 'hcm', text: 'TP. Hồ Chí Minh' }], 'hn');
  const none = select('ward', [{ value: 'x', text: 'Phường Khác' }], 'x');
  const sex = select('sex', [{ value: 'm', text: 'Nam' }], 'm');
  assert.equal(fillForm(form(province, none, sex), card), 1);
  assert.equal(province.value, 'hcm');
  assert.deepEqual(province.events, ['input:true', 'change:true']);
  assert.equal(none.value, 'x');
  assert.deepEqual(none.events, []);
  assert.equal(sex.value, 'm');
  assert.deepEqual(sex.events, []);
});

test('missing values empty their input: no 2025 address yet, a split commune, unknown names', () => {
  const names = ['newCommune', 'newProvince', 'newAddress'];
  const notLoaded = names.map((k) => input(k, { value: 'stale' }));
  assert.equal(fillForm(form(...notLoaded), withFields({ address2025: null })), 3);
  assert.deepEqual(notLoaded.map((el) => el.value), ['', '', '']);
  const split = names.map((k) => input(k, { value: 'stale' }));
  const splitAddress = { match: 'split', commune: null, province: 'Thành phố Hồ Chí Minh', address: null };
  assert.equal(fillForm(form(...split), withFields({ address2025: splitAddress })), 3);
  assert.deepEqual(split.map((el) => el.value), ['', 'Thành phố Hồ Chí Minh', '']);
  const odd = ['nonsense', 'constructor', 'toString', 'extra', 'ok'].map((k) => input(k, { value: 'stale' }));
  assert.equal(fillForm(form(...odd), card), 5);
  assert.deepEqual(odd.map((el) => el.value), ['', '', '', '', '']);
  const noParts = input('province', { value: 'stale' });
  assert.equal(fillForm(form(noParts), withFields({ addressParts: undefined })), 1);
  assert.equal(noParts.value, '');
});

test('only: just the fields named', () => {
  const els = ['name', 'newCommune', 'newAddress', 'id'].map((k) => input(k, { value: 'old' }));
  assert.equal(fillForm(form(...els), card, newAddressFields), 2);
  assert.deepEqual(els.map((el) => el.value), ['old', 'Phường Sài Gòn', 'Số 12 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh', 'old']);
  assert.deepEqual(els[0].events, []);
  assert.equal(fillForm(form(...els), card, []), 0);
});

test('a scan result fills from its card; invalid cards and bad arguments fill nothing', () => {
  const el = input('id', { value: 'old' });
  const f = form(el);
  assert.equal(fillForm(f, { found: true, text: '…', card }), 1);
  assert.equal(el.value, '079303001234');
  el.value = 'old';
  for (const bad of [
    { ...card, ok: false }, // the card failed its checks: nothing is filled
    { found: true, card: { ...card, ok: false } },
    { found: false, card: null },
    { ok: true }, // no fields
    { ok: true, fields: null },
    null,
    undefined,
    'text',
  ]) {
    assert.equal(fillForm(f, bad), 0, JSON.stringify(bad));
  }
  assert.equal(el.value, 'old');
  assert.deepEqual(el.events, ['input:true', 'change:true']);
  assert.equal(fillForm(null, card), 0);
  assert.equal(fillForm(undefined, card), 0);
  assert.equal(fillForm(form(), card), 0); // a form without marked inputs
  assert.equal(fillForm(form(new FakeElement('INPUT', undefined)), card), 1); // no name: emptied like an unknown one
});

test('a form given by id is looked up in the document', (t) => {
  const el = input('name');
  const f = form(el);
  const asked = [];
  globalThis.document = { getElementById: (id) => { asked.push(id); return id === 'card-form' ? f : null; } };
  t.after(() => { delete globalThis.document; });
  assert.equal(fillForm('card-form', card), 1);
  assert.equal(el.value, 'Trần Thị Bích Ngọc');
  assert.equal(fillForm('no-such-form', card), 0);
  assert.deepEqual(asked, ['card-form', 'no-such-form']);
});

test('the names fillForm documents are the fields of a real parse() result', async () => {
  const real = await parse(`${fields.id}|${fields.oldId}|${fields.name}|05062003|Nữ|${fields.address}|20072021`);
  const names = ['id', 'oldId', 'name', 'dateOfBirth', 'sex', 'sexText', 'address', 'issueDate', 'street', 'ward',
    'district', 'province', 'provinceCode', 'provinceName', 'provinceSince2025', ...newAddressFields];
  const fromReal = names.map((k) => input(k));
  const fromHere = names.map((k) => input(k));
  assert.equal(fillForm(form(...fromReal), real), names.length);
  fillForm(form(...fromHere), card);
  assert.deepEqual(fromReal.map((el) => el.value), fromHere.map((el) => el.value));
  assert.ok(fromReal.every((el) => el.value !== ''), 'every documented name has a value on a full card');
});
