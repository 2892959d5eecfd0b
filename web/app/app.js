// The standalone scan page: wires the camera, photo and text inputs to one decoding Worker and shows
// the result. It only uses the package's public modules and never sends data anywhere.
import { createWorkerScanner } from '../src/worker_client.js';
import { language, setLanguage, t } from './i18n.js';
import { renderStatus, setStatus, statusState } from './status.js';
import { addressTableMissing, clearCard, lastCard, renderCard, showCard } from './result_view.js';
import { setupCamera } from './camera_ui.js';
import { setupPhotos } from './photo_ui.js';
import { setupWedge } from './wedge_ui.js';
import { setupBatch } from './batch_ui.js';
import { closeSheet, openSheet, setupSheet } from './sheet.js';

const $ = (id) => document.getElementById(id);

function applyLanguage(cameraUi) {
  setLanguage(language());
  $('lang').textContent = t('otherLanguage');
  $('lang').setAttribute('aria-label', t('otherLanguage'));
  renderStatus();
  renderCard();
  cameraUi?.label();
}

// A card read before the address table had loaded (address2025 null) gets its new address once it has.
async function fillNewAddress(scanner, card) {
  if (card.format === 'unknown' || card.fields.address2025 !== null) return;
  if (!(await scanner.fillAddress2025(card)).ok) addressTableMissing();
  else if (lastCard() === card) renderCard();
}

function showResult(card, scanner) {
  showCard(card);
  if (scanner) fillNewAddress(scanner, card).catch(() => {}); // the row says the table is not there
  setStatus(card.ok ? 'found' : 'invalid', card.ok ? 'statusFound' : 'statusInvalid');
  // On a phone the result comes up as a bottom sheet (sheet.js); elsewhere it may be below the fold:
  // bring its top into view (no-op when visible).
  if (!openSheet()) $('result').scrollIntoView({ block: 'nearest' });
}

async function main() {
  applyLanguage();
  let scanner;
  try {
    scanner = await createWorkerScanner();
  } catch (e) {
    setStatus('error', 'statusError', { code: e?.code ?? 'worker-failed', message: String(e?.message ?? e) });
    return;
  }
  setStatus('idle', 'statusIdle');

  // A scan result (camera or photo): the card when a QR code was found.
  const onScan = (result) => {
    if (result.found) showResult(result.card, scanner);
    else setStatus('not-found', 'statusNotFound');
  };
  const cameraUi = setupCamera({ scanner, onScan });
  const photos = setupPhotos({ scanner, onScan });
  setupWedge({ scanner, onCard: (card) => showResult(card, scanner), onImage: photos.scan });
  setupBatch({ scanner });
  setupSheet();

  $('lang').addEventListener('click', () => {
    setLanguage(language() === 'vi' ? 'en' : 'vi');
    applyLanguage(cameraUi);
  });
  $('clear').addEventListener('click', async () => {
    closeSheet(); // focus leaves the sheet before its Clear button is hidden
    clearCard();
    $('wedge-input').value = '';
    await scanner.clear(); // the last frame's pixels are overwritten inside the Worker's WASM memory
    setStatus(cameraUi.running ? 'scanning' : 'idle', cameraUi.running ? 'statusScanning' : 'statusCleared');
  });
  $('copy').addEventListener('click', async () => {
    const card = lastCard();
    if (!card) return;
    try {
      await navigator.clipboard.writeText(JSON.stringify(card, null, 2));
      setStatus(statusState(), 'copied');
    } catch {
      // Clipboard refused (no permission or not a secure context): select the JSON for manual copy.
      $('result').querySelector('details').open = true;
      const range = document.createRange();
      range.selectNodeContents($('result-json'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }
  });
}

main();
