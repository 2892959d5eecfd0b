// The batch page's pure parts: the folder walk over FileSystemEntry objects (web/app/batch_files.js) with
// fake entries, the folder picker's order, and a photo's cells (web/app/batch_rows.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropSources, filesOf, folderFiles, walkEntry } from '../../web/app/batch_files.js';
import { COLUMNS, cellsOf, headerTexts, newAddressText } from '../../web/app/batch_rows.js';
import { texts } from '../../web/app/i18n.js';

// Fake FileSystemFileEntry / FileSystemDirectoryEntry, with the callback API browsers have; a folder's
// reader hands out `chunk` entries per readEntries call (Chromium: 100), then an empty array.
function fileEntry(path, { fail = false } = {}) {
  const name = path.split('/').pop();
  return {
    name, fullPath: `/${path}`, isFile: true, isDirectory: false,
    file(ok, err) {
      setTimeout(() => (fail ? err(new Error(`cannot read ${name}`)) : ok(new File([path], name, { type: 'image/jpeg' }))));
    },
  };
}
function dirEntry(path, children, { chunk = 2, fail = false } = {}) {
  return {
    name: path.split('/').pop(), fullPath: `/${path}`, isFile: false, isDirectory: true,
    createReader() {
      let at = 0;
      return {
        readEntries(ok, err) {
          if (fail) return setTimeout(() => err(new Error('not allowed')));
          const batch = children.slice(at, at + chunk);
          at += batch.length;
          setTimeout(() => ok(batch));
        },
      };
    },
  };
}

test('a folder walk gives every file below it, by name with numbers as numbers, hidden ones left out', async () => {
  const scans = dirEntry('scans', [
    fileEntry('scans/card-10.jpg'),
    fileEntry('scans/.DS_Store'),
    fileEntry('scans/card-2.jpg'),
    dirEntry('scans/b-sub', [fileEntry('scans/b-sub/x.png'), fileEntry('scans/b-sub/a.png')]),
    fileEntry('scans/card-1.jpg'),
    dirEntry('scans/.git', [fileEntry('scans/.git/config')]),
    dirEntry('scans/a-empty', []),
    fileEntry('scans/Ảnh thẻ.jpg'),
  ], { chunk: 3 });
  const files = await walkEntry(scans);
  // Letters compared as letters: "Ảnh" with the A's, not after z as its code point would put it.
  assert.deepEqual(files.map((f) => f.name), [
    'scans/Ảnh thẻ.jpg', 'scans/b-sub/a.png', 'scans/b-sub/x.png', 'scans/card-1.jpg', 'scans/card-2.jpg', 'scans/card-10.jpg',
  ]);
  for (const f of files) {
    assert.ok(f.file instanceof File);
    assert.equal(await f.file.text(), f.name); // the entry's own file, not another's
  }
});

test('readEntries is called until it returns nothing (more than one batch)', async () => {
  const many = Array.from({ length: 250 }, (_, i) => fileEntry(`big/p${i}.jpg`));
  const files = await walkEntry(dirEntry('big', many, { chunk: 100 }));
  assert.equal(files.length, 250);
  assert.deepEqual(files.slice(0, 3).map((f) => f.name), ['big/p0.jpg', 'big/p1.jpg', 'big/p2.jpg']);
  assert.equal(files.at(-1).name, 'big/p249.jpg');
});

test('an unreadable file or folder becomes a row without a file, the walk goes on', async () => {
  const files = await walkEntry(dirEntry('d', [
    fileEntry('d/a.jpg', { fail: true }), dirEntry('d/b', [], { fail: true }), fileEntry('d/c.jpg'),
  ]));
  assert.deepEqual(files.map((f) => [f.name, f.file === null, Boolean(f.error)]),
    [['d/a.jpg', true, true], ['d/b/', true, true], ['d/c.jpg', false, false]]);
});

test('a drop: files as given, folders walked in place; without items, dataTransfer.files', async () => {
  const loose = new File(['1'], 'z-first.jpg', { type: 'image/jpeg' });
  const last = new File(['2'], 'a-last.jpg', { type: 'image/jpeg' });
  const folder = dirEntry('folder', [fileEntry('folder/2.jpg'), fileEntry('folder/1.jpg')]);
  const item = (file, entry) => ({ kind: 'file', getAsFile: () => file, webkitGetAsEntry: () => entry });
  const dataTransfer = {
    items: [item(loose, { isFile: true }), { kind: 'string' }, item(null, folder), item(last, null)],
    files: [],
  };
  const sources = dropSources(dataTransfer); // synchronous: the handler's only chance
  assert.equal(sources.length, 3);
  const files = await filesOf(sources);
  assert.deepEqual(files.map((f) => f.name), ['z-first.jpg', 'folder/1.jpg', 'folder/2.jpg', 'a-last.jpg']);
  assert.equal(files[0].file, loose);

  const plain = await filesOf(dropSources({ files: [loose, last] }));
  assert.deepEqual(plain.map((f) => f.name), ['z-first.jpg', 'a-last.jpg']);
});

test('a folder picker\'s files: by path in the walk\'s order, hidden paths left out', () => {
  const f = (path) => Object.assign(new File([''], path.split('/').pop()), { webkitRelativePath: path });
  const files = folderFiles([f('s/card-10.jpg'), f('s/sub/b.jpg'), f('s/.hidden/x.jpg'), f('s/card-9.jpg'), f('s/sub/a.jpg'), f('s/.DS_Store')]);
  assert.deepEqual(files.map((x) => x.name), ['s/card-9.jpg', 's/card-10.jpg', 's/sub/a.jpg', 's/sub/b.jpg']);
});

const t = (lang) => (key) => texts[lang][key] ?? key;
const card = {
  ok: false, format: 'cccd-2021',
  fields: {
    id: '001099012345', oldId: '', name: 'Nguyễn Văn A', dateOfBirth: null, sexText: 'Nam', address: 'Hà Nội',
    issueDate: '2021-04-15', address2025: null,
  },
  errors: [{ field: 'dateOfBirth', code: 'invalid-date', message: '…' }],
  rawFields: ['001099012345', '', 'Nguyễn Văn A', '31021999', 'Nam', 'Hà Nội', '15042021'],
};

test('cells: the card\'s fields, dates as printed, status and errors in the page\'s language', () => {
  assert.equal(headerTexts(t('vi')).length, COLUMNS.length);
  assert.deepEqual(headerTexts(t('en')).slice(0, 4), ['File', 'Status', 'Personal number', 'Old ID (CMND)']);
  const code = { problem: (p) => p.code, error: (e) => `error ${e.code}` };
  assert.deepEqual(cellsOf({ name: 'a.jpg', status: 'invalid', card }, t('vi'), code),
    ['a.jpg', 'Không hợp lệ', '001099012345', '', 'Nguyễn Văn A', '31021999', 'Nam', 'Hà Nội', '15/04/2021', '', 'invalid-date']);
  assert.equal(cellsOf({ name: 'a.jpg', status: 'invalid', card }, t('en'), code)[1], 'Invalid');
  for (const [status, vi, en] of [['ok', 'Đã đọc', 'Read'], ['not-found', 'Không thấy mã QR', 'No QR code found'],
    ['bad-image', 'Không phải ảnh', 'Not an image'], ['pending', 'Đang chờ', 'Waiting']]) {
    const vcells = cellsOf({ name: 'x', status }, t('vi'), code);
    assert.deepEqual(vcells, ['x', vi, '', '', '', '', '', '', '', '', '']);
    assert.equal(cellsOf({ name: 'x', status }, t('en'), code)[1], en);
  }
  // A QR code that is no card: no fields, its error shown.
  const url = { ...card, format: 'unknown', errors: [{ field: 'payload', code: 'not-a-card', message: '' }] };
  assert.deepEqual(cellsOf({ name: 'u.png', status: 'invalid', card: url }, t('en'), code).slice(2, 10), ['', '', '', '', '', '', '', '']);
  assert.equal(cellsOf({ name: 'u.png', status: 'invalid', card: url }, t('en'), code)[10], 'not-a-card');
  // The reader's error, worded.
  assert.equal(cellsOf({ name: 'x', status: 'error', error: { code: 'internal' } }, t('en'), code)[10], 'error internal');
  // Every status has a text in both languages.
  for (const status of ['pending', 'ok', 'invalid', 'not-found', 'bad-image', 'error', 'cancelled']) {
    for (const lang of ['vi', 'en']) assert.ok(texts[lang][`batch_status_${status}`], `${lang} ${status}`);
  }
});

test('the new address: one and already-new their address, ambiguous the candidates, else empty', () => {
  const c = (commune, communeCode, province) => ({ commune, communeCode, province, provinceCode: '01' });
  assert.equal(newAddressText(null), '');
  assert.equal(newAddressText({ match: 'one', address: 'Tổ 1, Phường Hồng Hà, Thành phố Hà Nội' }), 'Tổ 1, Phường Hồng Hà, Thành phố Hà Nội');
  assert.equal(newAddressText({ match: 'already-new', address: 'Phường Ninh Kiều, Thành phố Cần Thơ' }), 'Phường Ninh Kiều, Thành phố Cần Thơ');
  assert.equal(newAddressText({ match: 'ambiguous', address: null, candidates: [c('Xã A', '00001', 'Tỉnh B'), c('Xã C', '00002', 'Tỉnh B')] }),
    'Xã A (00001), Tỉnh B; Xã C (00002), Tỉnh B');
  assert.equal(newAddressText({ match: 'unknown', address: null, candidates: [], reason: 'no commune' }), '');
});
