// The one status line (and its help text): every state of the page has a data-state the tests and
// the CSS use, and a text re-rendered when the language changes.
import { errorText } from '../src/messages.js';
import { language, t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/**
 * Shows a state. An `error` is worded from its code in the page's language; its English message stays
 * out of the text (data-detail keeps it for support).
 * @param {string} state @param {string} key @param {{code?: string, message?: string} | null} [error]
 * @param {string} [helpKey]
 */
export function setStatus(state, key, error = null, helpKey = '') {
  const status = $('status');
  // A second card read right after another says the same words; a live region whose text does not change
  // is not announced again, so every other read ends in a no-break space (unseen, but a change).
  const read = key === 'statusFound' || key === 'statusInvalid';
  const reads = Number(status.dataset.reads ?? 0) + (read ? 1 : 0);
  Object.assign(status.dataset, {
    state, key, helpKey, errorCode: error ? error.code ?? 'internal' : '', detail: error?.message ?? '', reads,
  });
  renderStatus();
}

export const statusState = () => $('status').dataset.state;

export function renderStatus() {
  const status = $('status');
  const { key, errorCode = '', helpKey = '', reads = '0' } = status.dataset;
  const again = (key === 'statusFound' || key === 'statusInvalid') && Number(reads) % 2 === 0 ? '\u00a0' : '';
  if (key) status.textContent = t(key) + (errorCode ? errorText({ code: errorCode }, language()) : '') + again;
  const help = $('status-help');
  help.hidden = !helpKey;
  help.textContent = helpKey ? t(helpKey) : '';
}
