// The <cccd-scanner> example page: defines the element and logs its events (no inline script: CSP).
import { defineCccdScanner } from '../src/element.js';

defineCccdScanner();
const log = document.getElementById('events');
const scanner = document.getElementById('scanner');
scanner.addEventListener('cccd-scan', (e) => {
  log.dataset.scans = String(Number(log.dataset.scans ?? 0) + 1);
  log.textContent = `cccd-scan: ${e.detail.card.fields.name} (${e.detail.ms.toFixed(0)} ms)`;
});
scanner.addEventListener('cccd-error', (e) => {
  log.dataset.error = e.detail.code;
  log.textContent = `cccd-error: ${e.detail.code} — ${e.detail.message}`;
});
