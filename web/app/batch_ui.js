// Batch: many card photos — chosen, dropped, or a whole folder — read one after another by the page's
// decoding Worker, each a row of a table that is downloaded as CSV or copied as TSV for a spreadsheet.
//
// Memory: one photo at a time. The File goes to the Worker as it is (a Blob is handed over by reference,
// not copied); the Worker decodes it, closes the ImageBitmap and reuses its canvas and WASM frame buffer,
// so the next photo needs no more memory than this one did. Here a row keeps its file name and the card
// (a few hundred bytes of text), never the File, a bitmap, an <img> or an object URL: 100 photos of 12
// megapixels need what one does (tests/e2e/batch.test.mjs measures it, bench/batch_memory.mjs at 100).
// Privacy: nothing is stored — the rows live in this module until "clear" or the page is closed, and
// leave it only as the CSV file or the clipboard text the user asks for.
import { language, t } from './i18n.js';
import { errorText, problemText } from '../src/messages.js';
import { dropSources, filesOf, folderFiles } from './batch_files.js';
import { COLUMNS, cellsOf, headerTexts } from './batch_rows.js';
import { exportFileName, toCsv, toTsv } from './table_export.js';

const $ = (id) => document.getElementById(id);

// A card's errors and the reader's errors, worded in the page's language.
const words = { problem: (p) => problemText(p, language()), error: (e) => errorText(e, language()) };

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));

/** @param {{scanner: import('../types/index.js').WorkerScanner}} options */
export function setupBatch({ scanner }) {
  /** @type {Array<import('./batch_rows.js').BatchItem & {file?: File | null}>} */
  let items = [];
  let next = 0; // the first row not read yet
  let running = false;
  let cancelled = false;
  let generation = 0; // bumped by "clear": a run still waiting for the Worker then drops its result
  let downloadUrl = null; // the CSV's blob: URL until revoked

  const input = /** @type {HTMLInputElement} */ ($('batch-input'));
  const folder = /** @type {HTMLInputElement} */ ($('batch-folder'));
  const zone = $('batch-drop');
  const body = $('batch-body');
  const progress = /** @type {HTMLProgressElement} */ ($('batch-progress'));

  const done = () => items.filter((i) => i.status !== 'pending' && i.status !== 'cancelled').length;

  function renderHeader() {
    $('batch-head').replaceChildren(...headerTexts(t).map((text, i) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.dataset.col = COLUMNS[i];
      th.textContent = text;
      return th;
    }));
  }

  function renderRow(item, tr = document.createElement('tr')) {
    tr.dataset.status = item.status;
    tr.replaceChildren(...cellsOf(item, t, words).map((text, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td'); // the file name heads its row
      if (i === 0) cell.scope = 'row';
      cell.dataset.col = COLUMNS[i];
      cell.textContent = text; // card data is text, never HTML
      return cell;
    }));
    return tr;
  }

  function renderProgress() {
    const total = items.length;
    const count = done();
    progress.max = Math.max(total, 1);
    progress.value = count;
    const key = running ? 'batchRunning' : cancelled ? 'batchCancelled' : 'batchDone';
    $('batch-count').textContent = total ? fill(t(key), { done: count, total }) : '';
    $('batch-cancel').hidden = !running;
    for (const id of ['batch-csv', 'batch-tsv', 'batch-clear']) /** @type {HTMLButtonElement} */ ($(id)).disabled = !total;
    $('batch-results').hidden = !total;
  }

  function renderAll() {
    renderHeader();
    [...body.rows].forEach((tr, i) => renderRow(items[i], tr));
    renderProgress();
    note(noteState.key, noteState.values);
  }

  // The line under the buttons (copied, copy refused, a drop that could not be read): a text key and its
  // values, so it follows the language toggle too.
  let noteState = { key: '', values: {} };
  function note(key = '', values = {}) {
    noteState = { key, values };
    $('batch-note').textContent = key ? fill(t(key), values) : '';
  }

  // One photo: the card when a QR code was read (with the new address, once the Worker has its table).
  async function read(item) {
    const file = item.file;
    item.file = null; // the row keeps the name only
    if (!file) return { status: 'bad-image' };
    if (file.type && !file.type.startsWith('image/')) return { status: 'bad-image' }; // a PDF, a video: not opened
    try {
      const result = await scanner.scanImage(file);
      if (!result.found || !result.card) return { status: 'not-found' };
      const card = result.card;
      if (card.format !== 'unknown' && card.fields.address2025 === null) {
        await scanner.fillAddress2025(card).catch(() => {}); // no table: the column stays empty
      }
      return { status: card.ok ? 'ok' : 'invalid', card };
    } catch (/** @type {any} */ e) {
      // Not an image the browser can decode ('not-an-image'), or one with nothing in it (0×0: 'invalid-argument').
      if (e?.code === 'not-an-image' || e?.code === 'invalid-argument') return { status: 'bad-image' };
      return { status: 'error', error: { code: e?.code } };
    }
  }

  async function run() {
    if (running) return; // the loop in progress takes the new rows too
    running = true;
    cancelled = false;
    const gen = generation;
    renderProgress();
    while (next < items.length && !cancelled) {
      const index = next++;
      const outcome = await read(items[index]);
      if (gen !== generation) return; // cleared meanwhile: this result belongs to no row any more
      Object.assign(items[index], outcome);
      renderRow(items[index], body.rows[index]);
      renderProgress(); // between photos: the page repaints while the Worker reads the next one
    }
    if (cancelled) {
      for (; next < items.length; next++) {
        Object.assign(items[next], { status: 'cancelled', file: null });
        renderRow(items[next], body.rows[next]);
      }
    }
    running = false;
    renderProgress();
  }

  /** @param {import('./batch_files.js').BatchFile[]} files */
  function add(files) {
    if (!files.length) return;
    if (!running) cancelled = false;
    note();
    for (const { name, file, error } of files) {
      const item = { name, file, status: /** @type {const} */ ('pending'), message: error };
      items.push(item);
      body.append(renderRow(item));
    }
    renderProgress();
    run();
  }

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = ''; // no FileList left holding the files; the same ones can be chosen again
    add(files.map((file) => ({ name: file.name, file })));
  });
  folder.addEventListener('change', () => {
    const files = folderFiles(folder.files ?? []);
    folder.value = '';
    add(files);
  });

  // The drop zone takes files and folders. Its events stop here: the photo drop anywhere on the page
  // (photo_ui.js) must not also read the first photo.
  zone.addEventListener('dragover', (e) => {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', (e) => {
    if (!zone.contains(/** @type {Node | null} */ (e.relatedTarget))) zone.classList.remove('over');
  });
  zone.addEventListener('drop', (e) => {
    zone.classList.remove('over');
    if (!e.dataTransfer) return;
    e.preventDefault();
    e.stopPropagation();
    // The browser's reason is English (and rare): the note says only that the drop could not be read.
    filesOf(dropSources(e.dataTransfer)).then(add, () => note('batchDropFailed'));
  });

  $('batch-cancel').addEventListener('click', () => {
    cancelled = true; // the photo being read finishes; the rest are marked cancelled
  });

  $('batch-clear').addEventListener('click', () => {
    generation++;
    items = [];
    next = 0;
    running = false;
    cancelled = false;
    body.replaceChildren();
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = null;
    note();
    renderProgress();
    scanner.clear().catch(() => {}); // the last photo's pixels are overwritten in the Worker
  });

  const tableNow = () => [headerTexts(t), items.map((item) => cellsOf(item, t, words))];

  $('batch-csv').addEventListener('click', () => {
    const [header, rows] = tableNow();
    const blob = new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    const url = (downloadUrl = URL.createObjectURL(blob));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(new Date(), 'csv');
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    // The download has its own copy once started; Firefox needs the URL a moment after click().
    setTimeout(() => {
      URL.revokeObjectURL(url);
      if (downloadUrl === url) downloadUrl = null;
    }, 1000);
  });

  $('batch-tsv').addEventListener('click', async () => {
    const [header, rows] = tableNow();
    try {
      await navigator.clipboard.writeText(toTsv(header, rows));
      note('batchCopied', { rows: rows.length });
    } catch {
      // Clipboard refused (no permission, not a secure context): select the table for a manual Ctrl+C,
      // which spreadsheets paste as cells too.
      const range = document.createRange();
      range.selectNodeContents($('batch-table'));
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      note('batchCopyFailed');
    }
  });

  // The language toggle sets <html lang>: headers, statuses and the count follow it.
  new MutationObserver(renderAll).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

  input.disabled = folder.disabled = false;
  renderAll();
  return { add };
}
