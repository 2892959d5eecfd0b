// Text input: the box for USB keyboard-wedge scanners and pasted text, a burst of keys typed anywhere
// on the page (a scanner "types" a whole payload in a few ms, then Enter), and pasting text or an
// image anywhere. Mojibake from scanners is repaired by the parser itself; ';'/tab-separated text and
// "label: value" lines are read by it too (docs/card-format.md).
const $ = (id) => document.getElementById(id);

const BURST_GAP_MS = 100; // keys further apart than this are a person typing, not a scanner
const MIN_PAYLOAD = 20;

export function setupWedge({ scanner, onCard, onImage }) {
  const parse = async (text) => {
    if (text.trim()) onCard(await scanner.parse(text), 'text');
  };

  $('wedge-form').addEventListener('submit', (event) => {
    event.preventDefault();
    parse($('wedge-input').value);
  });
  // The box is a textarea so that pasted "label: value" lines keep their breaks; Enter still reads, as a
  // keyboard-wedge scanner ends its text with Enter. Shift+Enter (or a paste) makes a new line.
  $('wedge-input').addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    $('wedge-form').requestSubmit();
  });

  let burst = '';
  let lastKey = 0;
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement ||
        event.target instanceof HTMLSelectElement) return;
    // When the key arrived, not when it is handled: a main thread busy for a moment (a frame being drawn,
    // a photo decoded) must not split one scanner burst into two.
    const now = event.timeStamp;
    if (now - lastKey > BURST_GAP_MS) burst = '';
    lastKey = now;
    if (event.key === 'Enter') {
      if (burst.length > MIN_PAYLOAD) parse(burst);
      burst = '';
    } else if (event.key.length === 1) {
      burst += event.key;
    }
  });

  // Paste anywhere but a text field: an image is scanned, text is parsed as a payload.
  document.addEventListener('paste', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const image = [...(event.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
    if (image) {
      event.preventDefault();
      onImage(image);
      return;
    }
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text.trim()) {
      event.preventDefault();
      $('wedge-input').value = text;
      parse(text);
    }
  });
}
