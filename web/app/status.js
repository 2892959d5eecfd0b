// The one status line (and its help text): every state of the page has a data-state the tests and
// the CSS use, and a text re-rendered when the language changes.
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

export function setStatus(state, key, suffix = '', helpKey = '') {
  const status = $('status');
  Object.assign(status.dataset, { state, key, suffix, helpKey });
  renderStatus();
}

export const statusState = () => $('status').dataset.state;

export function renderStatus() {
  const status = $('status');
  const { key, suffix = '', helpKey = '' } = status.dataset;
  if (key) status.textContent = t(key) + suffix;
  const help = $('status-help');
  help.hidden = !helpKey;
  help.textContent = helpKey ? t(helpKey) : '';
}
