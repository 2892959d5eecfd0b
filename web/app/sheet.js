// On a narrow screen (a phone) the result comes up as a bottom sheet over the camera, its actions at the
// bottom of the sheet within thumb reach (issue 18); on wider screens it stays in the page's flow and
// nothing here changes the layout (app.css applies `.sheet` under the phone media query only). Focus
// moves to the sheet's heading when it opens on a phone; Escape or the close button ("scan again" while
// the camera runs) closes it and gives focus back.
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

export const phoneQuery = '(max-width: 600px)';
const narrow = () => matchMedia(phoneQuery).matches;
const shown = (el) => el?.isConnected && el.getClientRects().length > 0;

let returnFocus = null; // where focus was before the sheet opened

// "Scan again" while the camera runs (closing it goes back to scanning), "Close" otherwise.
function label() {
  const button = $('close-result');
  const key = document.body.classList.contains('camera-on') ? 'scanAgain' : 'closeResult';
  if (button.dataset.i18n === key) return;
  button.dataset.i18n = key;
  button.textContent = t(key);
}

/**
 * Shows the result as a sheet. Returns true on a narrow screen (the sheet is what the user sees, focus
 * is on its heading), false elsewhere (the caller scrolls the result into view as before).
 */
export function openSheet() {
  const result = $('result');
  const wasOpen = result.classList.contains('sheet');
  if (!wasOpen) returnFocus = document.activeElement;
  result.classList.add('sheet');
  label();
  if (!narrow()) return false;
  // A next card while the user is in the open sheet (on Copy, say) leaves focus where it is.
  if (wasOpen && result.contains(document.activeElement)) return true;
  result.scrollTop = 0;
  $('result-title').focus({ preventScroll: true });
  return true;
}

/** Closes the sheet (the result stays on the page, in the flow, once the camera is off). */
export function closeSheet() {
  const result = $('result');
  if (!result.classList.contains('sheet')) return;
  const hadFocus = result.contains(document.activeElement);
  result.classList.remove('sheet');
  if (!narrow() || !hadFocus) return;
  const back = returnFocus !== document.body && shown(returnFocus) && !result.contains(returnFocus)
    ? returnFocus : $('start-camera'); // the camera's start/stop button, next to where the sheet was
  back.focus({ preventScroll: true });
}

export function setupSheet() {
  $('close-result').addEventListener('click', () => closeSheet());
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !narrow() || $('result').hidden || !$('result').classList.contains('sheet')) return;
    event.preventDefault();
    closeSheet();
  });
  // The camera starting or stopping while the sheet is open changes what closing it means.
  new MutationObserver(label).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
