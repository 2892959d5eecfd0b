// <cccd-scanner>: the camera with an aiming frame, decoding in a Worker. Events: `cccd-scan` (detail =
// the scan result, once per card), `cccd-error` (detail = {code, message}). Attributes: autofill="FORM_ID"
// fills that form's [data-cccd-field] inputs; autostart starts the camera when connected; lang="en"
// switches its texts (button and status line: the card read, or why the camera did not start); leave-ms="N": how long frames must miss a card before it is reported again
// (startCamera's leaveMs; default 1500). Importing defines nothing (sideEffects: false): call defineCccdScanner().
/** @import { CameraController, ScanResult, WorkerScanner } from '../types/index.js' */
import { startCamera } from './camera.js';
import { fillForm, newAddressFields } from './autofill.js';
import { createWorkerScanner } from './worker_client.js';
import { errorText, problemText } from './messages.js';

export { fillForm };

// Button and status texts (part="status", announced politely); errors are worded by messages.js.
/** @type {Record<'vi' | 'en', Record<string, string>>} */
const TEXTS = {
  vi: {
    start: 'Bật camera', stop: 'Tắt camera', idle: '', starting: 'Đang mở camera…',
    scanning: 'Đang quét… Đưa mã QR trên thẻ vào khung.', found: 'Đã đọc thẻ: ', invalid: 'Dữ liệu thẻ không hợp lệ: ',
    error: 'Không mở được camera: ',
  },
  en: {
    start: 'Start camera', stop: 'Stop camera', idle: '', starting: 'Opening the camera…',
    scanning: 'Scanning… Hold the card\'s QR code inside the frame.', found: 'Card read: ',
    invalid: 'The card data is not valid: ', error: 'Could not open the camera: ',
  },
};

// Constructed stylesheet: a strict CSP (style-src 'self') blocks <style> elements, not CSSOM.
const CSS = `
:host { display: block; position: relative; max-width: 40rem; font: inherit; }
.view { position: relative; aspect-ratio: 16 / 9; background: #111; border-radius: 8px; overflow: hidden; }
video { width: 100%; height: 100%; object-fit: cover; display: block; }
.aim { position: absolute; inset: 15% 30%; border: 3px solid rgba(255,255,255,.85); border-radius: 12px;
       box-shadow: 0 0 0 100vmax rgba(0,0,0,.35); pointer-events: none; }
:host([data-state=found]) .aim { border-color: #2da44e; }
.status { margin: .4rem 0 0; min-height: 1.3em; }
:host([data-state=error]) .status { color: #b3261e; }
button { margin-top: .5rem; font: inherit; padding: .45rem .9rem; border-radius: 6px; border: 1px solid #0969da;
         background: #0969da; color: #fff; cursor: pointer; }
`;

/**
 * Registers the element (once); returns its class.
 * @param {string} [tagName]
 * @returns {CustomElementConstructor}
 */
export function defineCccdScanner(tagName = 'cccd-scanner') {
  const existing = customElements.get(tagName);
  if (existing) return existing;

  class CccdScannerElement extends HTMLElement {
    /** @type {CameraController | null} */
    #camera = null;
    /** @type {Promise<CameraController> | null} */
    #starting = null;
    /** @type {Promise<WorkerScanner> | null} */
    #scanner = null; // one decoding Worker for the element's life (the address table stays loaded)
    /** @type {HTMLButtonElement} */
    #button;
    /** @type {HTMLVideoElement} */
    #video;
    /** @type {HTMLParagraphElement} */
    #status;
    /** @type {{state: string, suffix: () => string}} what the status line says, re-worded on a lang change */
    #said = { state: 'idle', suffix: () => '' };

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      const view = document.createElement('div');
      view.className = 'view';
      view.part = 'view';
      this.#video = document.createElement('video');
      this.#video.muted = true;
      this.#video.playsInline = true;
      this.#video.setAttribute('part', 'video');
      const aim = document.createElement('div');
      aim.className = 'aim';
      aim.setAttribute('part', 'aim');
      view.append(this.#video, aim);
      this.#button = document.createElement('button');
      this.#button.type = 'button';
      this.#button.setAttribute('part', 'button');
      this.#button.addEventListener('click', () => (this.#camera || this.#starting ? this.stop() : this.start()));
      this.#status = document.createElement('p');
      this.#status.className = 'status';
      this.#status.setAttribute('part', 'status');
      this.#status.setAttribute('role', 'status');
      root.append(view, this.#status, this.#button);
      this.#label();
    }

    #lang() { return this.getAttribute('lang') === 'en' ? 'en' : 'vi'; }
    #texts() { return TEXTS[this.#lang()]; }
    #label() {
      this.#button.textContent = this.#camera || this.#starting ? this.#texts().stop : this.#texts().start;
      const { state, suffix } = this.#said;
      this.#status.textContent = (this.#texts()[state] ?? '') + suffix();
    }
    /** @param {string} state @param {() => string} [suffix] worded in the element's language when shown */
    #say(state, suffix = () => '') {
      this.dataset.state = state === 'invalid' ? 'found' : state;
      this.#said = { state, suffix };
      this.#label();
    }

    static get observedAttributes() { return ['lang']; }
    attributeChangedCallback() { this.#label(); }

    connectedCallback() {
      if (this.hasAttribute('autostart')) this.start();
    }
    disconnectedCallback() {
      this.stop();
      const scanner = this.#scanner;
      this.#scanner = null;
      scanner?.then((s) => s.destroy(), () => {});
    }

    /** Starts the camera; errors are dispatched as cccd-error events. */
    async start() {
      if (this.#camera || this.#starting) return;
      this.#say('starting');
      this.#scanner ??= createWorkerScanner().catch((e) => {
        this.#scanner = null;
        this.#error(e);
        throw e;
      });
      const leaveMs = Number(this.getAttribute('leave-ms')) || undefined; // absent or not a number: the default
      const pending = this.#scanner.then((scanner) => startCamera(this.#video, {
        scanner,
        leaveMs,
        onResult: (result) => {
          const card = result.card;
          if (card.ok) this.#say('found', () => card.fields.name);
          else this.#say('invalid', () => (card.errors[0] ? problemText(card.errors[0], this.#lang()) : ''));
          const form = this.getAttribute('autofill');
          if (form) fillForm(form, result);
          this.dispatchEvent(new CustomEvent('cccd-scan', { detail: result, bubbles: true, composed: true }));
          if (form) this.#fillNewAddress(scanner, form, result);
        },
        onError: (e) => this.#error(e),
      }));
      this.#starting = pending;
      this.#label();
      try {
        const camera = await pending;
        if (this.#starting !== pending) { // stop() was called while the permission prompt was open
          camera.stop();
          return;
        }
        this.#camera = camera;
        this.#say('scanning');
      } catch {
        if (this.#starting === pending) this.dataset.state = 'error'; // #error said why
      } finally {
        if (this.#starting === pending) this.#starting = null;
        this.#label();
      }
    }

    /** Stops the camera and releases it. */
    stop() {
      this.#camera?.stop();
      this.#camera = null;
      this.#starting = null; // a start still waiting for permission stops as soon as it resolves
      this.#say('idle');
    }

    // A card read before the address table had loaded: its new address fills in once it has.
    /** @param {WorkerScanner} scanner @param {string} form @param {ScanResult} result */
    async #fillNewAddress(scanner, form, result) {
      const card = result.card;
      if (card?.fields?.address2025 !== null || !card.ok) return;
      try {
        if ((await scanner.fillAddress2025(card)).ok) fillForm(form, result, newAddressFields);
      } catch {
        // the fields stay empty: the card itself was filled in
      }
    }

    /** @param {any} e */
    #error(e) {
      const code = e?.code ?? 'camera-failed';
      if (!this.#camera) this.#say('error', () => errorText({ code }, this.#lang())); // a failure to start
      this.dispatchEvent(new CustomEvent('cccd-error', {
        detail: { code: e?.code ?? 'camera-failed', message: String(e?.message ?? e) }, bubbles: true, composed: true,
      }));
    }
  }
  customElements.define(tagName, CccdScannerElement);
  return CccdScannerElement;
}
