// The files of a batch: what was dropped (files and whole folders) or chosen with a folder picker, as a
// list of {name, file} in a stable order. No DOM beyond the entries' own API, so Node tests the folder
// walk with fake entries (tests/node/batch_files.test.mjs).
//
// A drop's DataTransfer is emptied once its event handler returns: dropSources() takes what it needs
// synchronously, in the handler; filesOf() then walks the folders (FileSystemDirectoryEntry) at leisure.
// Order: dropped items as given; a folder's contents by name, numbers compared as numbers (card-2 before
// card-10), files and sub-folders together, as a file manager lists them. Hidden files and folders (a
// name beginning with '.': .DS_Store, .git) are left out; any other file is kept, so a stray non-image
// shows up in the table as "not an image" rather than vanishing.

/** @typedef {{name: string, file: File | null, error?: string}} BatchFile */

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const hidden = (name) => name.startsWith('.');

/**
 * In the drop handler: each dropped item as its folder entry (when it is a folder) or its File.
 * @param {DataTransfer} dataTransfer
 * @returns {Array<{entry: any} | {file: File}>}
 */
export function dropSources(dataTransfer) {
  const items = [...(dataTransfer?.items ?? [])].filter((i) => i.kind === 'file');
  if (!items.length) return [...(dataTransfer?.files ?? [])].map((file) => ({ file }));
  const sources = [];
  for (const item of items) {
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry?.isDirectory) {
      sources.push({ entry });
    } else {
      const file = item.getAsFile();
      if (file) sources.push({ file });
    }
  }
  return sources;
}

/** Every entry of a folder: readEntries gives them in batches (100 at a time in Chromium) until an empty one. */
async function readAll(directory) {
  const reader = directory.createReader();
  const all = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

const pathOf = (entry) => (entry.fullPath || entry.name).replace(/^\/+/, '');

/**
 * Walks a FileSystemEntry: a file gives itself, a folder every file below it, in name order.
 * @param {any} entry
 * @param {BatchFile[]} [out]
 * @returns {Promise<BatchFile[]>}
 */
export async function walkEntry(entry, out = []) {
  if (hidden(entry.name)) return out;
  if (entry.isFile) {
    try {
      out.push({ name: pathOf(entry), file: await new Promise((resolve, reject) => entry.file(resolve, reject)) });
    } catch (e) {
      out.push({ name: pathOf(entry), file: null, error: String(e?.message ?? e) });
    }
  } else if (entry.isDirectory) {
    let children;
    try {
      children = await readAll(entry);
    } catch (e) {
      out.push({ name: `${pathOf(entry)}/`, file: null, error: String(e?.message ?? e) });
      return out;
    }
    children.sort((a, b) => byName.compare(a.name, b.name));
    for (const child of children) await walkEntry(child, out);
  }
  return out;
}

/**
 * The files of a drop (from dropSources) in order, folders walked.
 * @param {Array<{entry: any} | {file: File}>} sources
 * @returns {Promise<BatchFile[]>}
 */
export async function filesOf(sources) {
  const out = [];
  for (const source of sources) {
    if ('entry' in source) await walkEntry(source.entry, out);
    else out.push({ name: source.file.name, file: source.file });
  }
  return out;
}

/**
 * The files of a folder picker (<input webkitdirectory>): by their path inside the folder, in name order
 * level by level as walkEntry gives them, hidden ones left out.
 * @param {Iterable<File>} files
 * @returns {BatchFile[]}
 */
export function folderFiles(files) {
  const named = [...files].map((file) => ({ name: file.webkitRelativePath || file.name, file }));
  const visible = named.filter(({ name }) => !name.split('/').some(hidden));
  const parts = (name) => name.split('/');
  return visible.sort((a, b) => {
    const pa = parts(a.name);
    const pb = parts(b.name);
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const c = byName.compare(pa[i], pb[i]);
      if (c) return c;
    }
    return pa.length - pb.length;
  });
}
