// Photos of the card: the file picker, drag and drop onto the drop zone (or anywhere on the page), and
// pasting an image. The file never leaves the page: it is decoded in the Worker.
import { setStatus } from './status.js';

const $ = (id) => document.getElementById(id);

export function setupPhotos({ scanner, onScan }) {
  async function scan(file) {
    if (!file) return;
    setStatus('reading', 'statusReading');
    try {
      onScan(await scanner.scanImage(file), 'photo');
    } catch (e) {
      setStatus('error', 'statusBadImage', e);
    }
  }

  const input = $('photo-input');
  input.addEventListener('change', () => {
    scan(input.files[0]);
    input.value = ''; // choosing the same file again still triggers change
  });

  const zone = $('dropzone');
  document.addEventListener('dragover', (e) => {
    if (![...e.dataTransfer.types].includes('Files')) return;
    e.preventDefault();
    zone.classList.add('over');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.target === zone || !e.relatedTarget) zone.classList.remove('over');
  });
  document.addEventListener('drop', (e) => {
    const file = [...(e.dataTransfer?.files ?? [])].find((f) => f.type.startsWith('image/'));
    zone.classList.remove('over');
    if (!file) return;
    e.preventDefault();
    scan(file);
  });

  return { scan };
}
