// The messages between the main thread (worker_client.js) and the decoding Worker (worker.js): the one
// place that names them. Plain objects, structured-cloned by postMessage (pixels and images transferred).
//
// Main thread -> worker, a request: {id, op, …fields}; `id` (a positive integer, unique per client)
// comes back in the one reply. Requests are handled one after another (see worker.js), except
// addressTable, which is answered outside the queue.
// Worker -> main thread, the reply: {id, ok: true, result} or {id, ok: false, error: {code, message}}
// (code: a CccdScannerError code, 'internal' for anything untyped).
// Camera streams have no id and no reply: {op: 'stream', stream, readable} starts one, {op: 'stopStream',
// stream} ends it; the worker posts {stream, result} (a live scan result) or {stream, error: {code,
// message}} per frame. `stream` is a number from the same counter as request ids.
/** @import { ScanResult } from '../types/index.js' */
import { CccdScannerError } from './errors.js';

/** @typedef {{code: string, message: string}} ErrorData */

/** The op of every message the worker accepts, with its fields and what the reply's result is. */
export const Op = Object.freeze({
  /** {options: {wasmUrl?: string, addressTable?: false | {url: string}}} -> true, once the WASM instance is up. */
  init: 'init',
  /** {text} -> the parsed card (docs/card-format.md). */
  parse: 'parse',
  /** {image: {data, width, height}, options?: {live}} -> a scan result; `data` RGBA or luminance bytes. */
  scanImageData: 'scanImageData',
  /** {source: Blob | ImageBitmap | VideoFrame (transferred, closed in the worker), options?: {live}} -> a scan result. */
  scanImage: 'scanImage',
  /** {} -> true: the next live scan starts a new video. */
  resetLive: 'resetLive',
  /** {} -> true: the frame buffer and the worker's canvas are wiped. */
  clear: 'clear',
  /** {} -> {ok: true, communes} or {ok: false, code, message}, once the address table's load has ended. */
  addressTable: 'addressTable',
  /** {address} -> the address2025 object of an address. */
  mapAddress2025: 'mapAddress2025',
  /** {stream, readable: ReadableStream of VideoFrames (transferred)}; no reply: stream messages per frame. */
  stream: 'stream',
  /** {stream}; no reply: the worker stops reading that stream. */
  stopStream: 'stopStream',
});

/** A request: {id, op, …fields}. @param {number} id @param {string} op @param {object} [fields] */
export function request(id, op, fields = {}) {
  return { ...fields, id, op };
}

/** A successful reply to request `id`. @param {number} id @param {unknown} result */
export function reply(id, result) {
  return { id, ok: true, result };
}

/**
 * The wire form of an error: {code, message}; anything without a code is 'internal'.
 * @param {any} e anything thrown
 * @returns {ErrorData}
 */
export function errorData(e) {
  return { code: e?.code ?? 'internal', message: String(e?.message ?? e) };
}

/** A failed reply to request `id`: {id, ok: false, error: {code, message}}. @param {number} id @param {unknown} e */
export function failure(id, e) {
  return { id, ok: false, error: errorData(e) };
}

/** Starts a camera stream in the worker (transfer `readable`). @param {number} stream @param {ReadableStream<VideoFrame>} readable */
export function startStream(stream, readable) {
  return { op: Op.stream, stream, readable };
}

/** Stops a camera stream. @param {number} stream */
export function stopStream(stream) {
  return { op: Op.stopStream, stream };
}

/** One frame's scan result of a stream. @param {number} stream @param {ScanResult} result */
export function streamResult(stream, result) {
  return { stream, result };
}

/** One frame's failure in a stream (or the stream's: the worker could not read it). @param {number} stream @param {unknown} e */
export function streamError(stream, e) {
  return { stream, error: errorData(e) };
}

/** Whether a message from the worker belongs to a stream (else it is a reply). @param {any} data */
export function isStreamMessage(data) {
  return data?.stream !== undefined;
}

/** The CccdScannerError of a failed reply's or stream message's {code, message}. @param {ErrorData} error */
export function errorOf(error) {
  return new CccdScannerError(error.code, error.message);
}
