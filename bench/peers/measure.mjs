// Runs every reader on every frame, in the same process, one after the other on the same pixels, and
// summarises: images read exactly, median and p95 ms per frame, and our time as a ratio of each peer's
// taken pair by pair on the same frame (the median of those ratios). Shared by Node and the browser.

export async function measureAll(items, readers, loadFrame, onProgress = () => {}) {
  const rows = [];
  for (const [i, item] of items.entries()) {
    let frame;
    try {
      frame = await loadFrame(item);
    } catch (e) {
      rows.push({ set: item.set, file: item.file, error: `cannot load: ${e.message ?? e}`, results: {} });
      continue;
    }
    const row = { set: item.set, file: item.file, width: frame.width, height: frame.height, modulePx: item.modulePx, results: {} };
    // Rotate the order so no reader always runs on a cold cache right after the image was decoded.
    for (let k = 0; k < readers.length; ++k) {
      const reader = readers[(i + k) % readers.length];
      const t0 = performance.now();
      let text = null, error;
      try {
        text = await reader.read(frame);
      } catch (e) {
        error = String(e?.message ?? e);
      }
      const ms = performance.now() - t0;
      row.results[reader.name] = { ok: text === item.expected, found: text !== null, ms, ...(error ? { error } : {}) };
    }
    rows.push(row);
    onProgress(i + 1, items.length);
  }
  return rows;
}

function quantile(sorted, q) {
  if (!sorted.length) return null;
  const at = (sorted.length - 1) * q, lo = Math.floor(at), hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** The median of the numbers in xs (null for none). */
export const median = (xs) => quantile([...xs].sort((a, b) => a - b), 0.5);

// Module sizes of the printed cards, in bands: "< 2 px", "2-3 px", "3-4 px", ">= 4 px".
const moduleBand = (px) => (px < 2 ? '< 2 px' : px < 3 ? '2-3 px' : px < 4 ? '3-4 px' : '>= 4 px');

// Groups: each set; each frame size within the synthetic card sets ("cccd-synth/normal 1280x720") and each
// module band within the printed ones ("cccd-print/front 2-3 px"); every corpus
// frame of 1280x720 ("corpus 1280x720", the camera's usual size); each ladder step over its degradations.
export function summarize(rows, readerNames, ours = 'cccd-scanner') {
  const groups = new Map();
  const add = (key, row) => (groups.get(key) ?? groups.set(key, []).get(key)).push(row);
  for (const row of rows) {
    if (row.error) continue;
    add(row.set, row);
    if (row.set.startsWith('cccd-synth')) add(`${row.set} ${row.width}x${row.height}`, row);
    if (row.set.startsWith('cccd-print') && row.modulePx) add(`${row.set} ${moduleBand(row.modulePx)}`, row);
    if (row.set.startsWith('ladder')) add(`ladder ${row.set.split(' ')[1]}`, row);  // one module size, all degradations
    // The speed target's group stays the frames it was set on (zxing-samples and cccd-synth).
    else if (row.width === 1280 && row.height === 720 && /^(zxing-samples|cccd-synth)/.test(row.set)) add('corpus 1280x720', row);
  }
  const out = [];
  for (const [group, rs] of groups) {
    const entry = { group, frames: rs.length, readers: {} };
    for (const name of readerNames) {
      const times = rs.map((r) => r.results[name]?.ms).filter((t) => t !== undefined).sort((a, b) => a - b);
      entry.readers[name] = {
        read: rs.filter((r) => r.results[name]?.ok).length,
        errors: rs.filter((r) => r.results[name]?.error).length,  // threw: a broken set-up, not a miss
        medianMs: quantile(times, 0.5),
        p95Ms: quantile(times, 0.95),
      };
      if (name !== ours) {
        const ratios = rs.filter((r) => r.results[name] && r.results[ours]).map((r) => r.results[ours].ms / r.results[name].ms);
        entry.readers[name].oursOverPeer = median(ratios);  // < 1: we are faster
      }
    }
    out.push(entry);
  }
  return out;
}
