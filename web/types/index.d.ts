// Types of the cccd-scanner package (ESM).

export type CardFormat = 'cccd-2021' | 'can-cuoc-2024' | 'cccd-extended' | 'unknown';

export interface AddressParts {
  street: string;
  ward: string;
  district: string;
  province: string;
  /** Three-digit province code when the province was recognised, else null. */
  provinceCode: string | null;
  provinceName: string | null;
  /** The province it belongs to since the 1 July 2025 merger (63 -> 34). */
  provinceSince2025: string | null;
}

/** A commune since the 1 July 2025 reform (codes of QĐ 19/2025/QĐ-TTg). */
export interface NewCommune {
  /** With its unit word: "Phường Hồng Hà", "Xã Hải Thịnh", "Đặc khu Côn Đảo". */
  commune: string | null;
  /** Five digits. */
  communeCode: string | null;
  /** With its unit word: "Thành phố Hà Nội", "Tỉnh Ninh Bình". */
  province: string | null;
  /** Two digits. */
  provinceCode: string | null;
}

/** The address as today's commune and province (docs/address-2025.md). */
export interface Address2025 extends NewCommune {
  /**
   * one: the old commune went whole into one new one; ambiguous: it was split (commune null, every
   * candidate listed, province set when they share it); already-new: written the new way; unknown: see reason.
   */
  match: 'one' | 'ambiguous' | 'already-new' | 'unknown';
  /** The street part, then the new commune and province (one, already-new). */
  address: string | null;
  candidates: NewCommune[];
  /** Why the match is unknown (English). */
  reason: string | null;
}

export interface CardFields {
  id: string;
  oldId: string;
  name: string;
  /** ISO 8601 (YYYY-MM-DD), or null when the printed date is not a real date. */
  dateOfBirth: string | null;
  sex: 'male' | 'female' | null;
  sexText: string;
  address: string;
  addressParts: AddressParts;
  /** Null until the address table is loaded (loadAddressTable; the Worker scanner and parse() load it themselves). */
  address2025: Address2025 | null;
  issueDate: string | null;
  /** Fields after the seventh, in order, never dropped. */
  extra: string[];
}

export interface Check {
  name: string;
  ok: boolean;
  /** Stable code of the outcome: 'ok', 'wrong-length', 'no-date-of-birth', … (docs/card-format.md). */
  code: string;
  /** The values the detail names ({length: '11'}); checkText() words code and params in 'vi' or 'en'. */
  params: Record<string, string>;
  /** English, for logs. */
  detail: string;
  /** Not run because a field it needs is missing or invalid (that field's own check says why). */
  skipped: boolean;
}

export interface Problem {
  field: string;
  code: string;
  /** The values the message names; a failed check's problem also names the check ({check: 'id.digits'}). */
  params: Record<string, string>;
  /** English, for logs; problemText() words it in 'vi' or 'en'. */
  message: string;
}

export interface CardResult {
  ok: boolean;
  format: CardFormat;
  fields: CardFields;
  checks: Check[];
  warnings: Problem[];
  errors: Problem[];
  /** True when keyboard-wedge mojibake was undone. */
  repaired: boolean;
  rawFields: string[];
}

export interface ScannerOptions {
  /** Bytes of cccd_scanner.wasm, for hosts where the package's own file cannot be read. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch cccd_scanner.wasm when it is hosted apart from the package. */
  wasmUrl?: string | URL;
}

export interface Point {
  x: number;
  y: number;
}

/** What a scan returns: a plain object, never a handle to free. */
export interface ScanResult {
  found: boolean;
  /** 'found', 'not-found' (no symbol located) or 'unreadable' (located, could not be decoded). */
  status: 'found' | 'not-found' | 'unreadable' | 'invalid-input';
  /** The QR code's text (UTF-8 decoded), or null. */
  text: string | null;
  /** The parser's result for `text` (README "Result JSON"), or null when nothing was found. */
  card: CardResult | null;
  /** Symbol corners in image pixels: top-left, top-right, bottom-right, bottom-left; null if not found. */
  corners: [Point, Point, Point, Point] | null;
  /** QR version (1..40) and error-correction level, when found. */
  version?: number;
  ecLevel?: 'L' | 'M' | 'Q' | 'H';
  /** When found: the data mask (0..7), the codewords Reed-Solomon corrected, whether the symbol was read
   *  mirrored, and its module size in image pixels. */
  mask?: number;
  correctedErrors?: number;
  mirrored?: boolean;
  moduleSize?: number;
  /** Why nothing was found, in words. */
  message?: string;
  /** Milliseconds spent in WASM (luminance conversion + decoding). */
  ms: number;
  /** The scanned frame's size: for a camera, the resolution its track delivers. */
  frame: { width: number; height: number };
  /**
   * Frames whose samples or corrected blocks made the read: 1 for a frame read alone, more when a live
   * scan read it with what earlier frames of the video saw; 0 when nothing was found.
   */
  fusedFrames: number;
  /** Live scans only: whether a symbol is being tracked after this frame. */
  tracking?: boolean;
}

/** Options of a scan: `live` treats successive scans as frames of one video (resetLive() starts anew). */
export interface ScanOptions {
  live?: boolean;
}

/** ImageData, or the same shape with RGBA (4 bytes a pixel) or luminance (1 byte a pixel) data. */
export interface ImageDataLike {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export type ImageSource = Blob | ImageBitmap | HTMLImageElement | VideoFrame;

/**
 * One WASM module instance (createScanner). If the module fails (an abort inside it), the call rejects
 * with code 'internal' and so does every later call: create a new scanner.
 */
export interface Scanner {
  /** Scans pixels (synchronous; no copies beyond writing them into WASM memory). */
  scanImageData(image: ImageDataLike, options?: ScanOptions): ScanResult;
  /** Browser: scans a photo; photos above 4096 px a side are scaled down first. */
  scanImage(source: ImageSource): Promise<ScanResult>;
  /** Forgets the video that live scans belonged to (its tracked symbol and what was seen of it). */
  resetLive(): void;
  /**
   * The reusable frame buffer in WASM memory, ready for one width x height frame: write the pixels into
   * the returned view, then call scanFrame(). Views die when WASM memory grows: take a fresh one for
   * every frame. `format`: 'rgba' (canvas ImageData), 'bgra' (a BGRA/BGRX VideoFrame's copyTo) or
   * 'luma' (one byte a pixel). `capacity` reserves extra bytes (e.g. VideoFrame.allocationSize()).
   */
  frameBuffer(width: number, height: number, format?: 'rgba' | 'bgra' | 'luma', capacity?: number): Uint8Array;
  scanFrame(options?: ScanOptions): ScanResult;
  parse(text: string): CardResult;
  /**
   * Loads the address table: the package's dist/address2025.tsv, or `url`, or `text`. Rejects with code
   * 'address-table' when it cannot be had; scanning works without it (address2025 stays null).
   */
  loadAddressTable(options?: { url?: string | URL; text?: string }): Promise<{ communes: number }>;
  /** An address, old or new, as today's commune and province. */
  mapAddress2025(address: string): Address2025;
  /** Overwrites the frame buffer with zeros. */
  clear(): void;
  /** WASM memory size (it never shrinks) and the bytes its allocator has in use, to watch for leaks. */
  memoryStats(): { memoryBytes: number; allocatedBytes: number };
  /** Wipes and releases the module; later calls throw CccdScannerError {code: 'destroyed'}. */
  destroy(): void;
}

/** The same API backed by a dedicated Worker (browser): every call is asynchronous. */
/**
 * The decoding Worker (createWorkerScanner). A request that meets a failure of the WASM module rejects with
 * code 'internal'; the next request runs on a fresh module instance.
 */
export interface WorkerScanner {
  scanImage(source: ImageSource, options?: ScanOptions): Promise<ScanResult>;
  scanImageData(image: ImageDataLike, options?: ScanOptions): Promise<ScanResult>;
  resetLive(): Promise<true>;
  parse(text: string): Promise<CardResult>;
  /** Whether results carry address2025 (the worker loads the table on first use). */
  addressTable(): Promise<{ ok: true; communes: number } | { ok: false; code: string; message: string }>;
  mapAddress2025(address: string): Promise<Address2025>;
  /** A card read before the table had loaded: waits for it and fills fields.address2025 in; resolves addressTable(). */
  fillAddress2025(card: CardResult): Promise<{ ok: true; communes: number } | { ok: false; code: string; message: string }>;
  clear(): Promise<true>;
  /**
   * Feeds a ReadableStream of VideoFrames (MediaStreamTrackProcessor) to the worker, scanned live as one
   * video; each frame's result or error comes to onMessage. Returns stop().
   */
  stream(readable: ReadableStream<VideoFrame>,
    onMessage: (message: { result?: ScanResult; error?: { code: string; message: string } }) => void): () => void;
  destroy(): void;
}

export type ErrorCode =
  | 'invalid-argument' | 'too-large' | 'destroyed' | 'no-frame' | 'internal' | 'worker-failed'
  | 'permission-denied' | 'no-camera' | 'camera-busy' | 'camera-failed' | 'no-camera-api' | 'address-table'
  | 'not-an-image';

export declare class CccdScannerError extends Error {
  constructor(code: ErrorCode | string, message: string);
  readonly code: ErrorCode | string;
}

export interface CameraOptions {
  /** Called once per card: again only after the card has left the view (`leaveMs`) or another came. */
  onResult(result: ScanResult & { found: true; text: string; card: CardResult }): void;
  /** Errors while scanning; a failure to start also rejects startCamera's promise. */
  onError?(error: CccdScannerError): void;
  /** Every decoded frame, found or not (for overlays or a "scanning" indicator). */
  onFrame?(result: ScanResult): void;
  /** A camera from listCameras(); by default the back camera is preferred. */
  deviceId?: string;
  /** Turn the torch on at start where the camera has one. */
  torch?: boolean;
  /** Share a Worker scanner (e.g. with photo scanning); by default the camera starts its own. */
  scanner?: WorkerScanner;
  /** Forces a frame source; 'auto' uses MediaStreamTrackProcessor where it exists. */
  pacing?: 'auto' | 'track-processor' | 'video-frame-callback';
  /** Milliseconds of frames without the card (two frames at least) before it counts as gone (default 1500):
   * a card seen in every frame is reported once, however slowly frames are scanned. */
  leaveMs?: number;
}

export interface CameraController {
  /** The frame size the camera granted (1920x1080 is asked for), or null before it runs. */
  readonly resolution: { width: number; height: number } | null;
  readonly deviceId: string | undefined;
  readonly torchSupported: boolean;
  readonly pacing: 'track-processor' | 'video-frame-callback';
  listCameras(): Promise<MediaDeviceInfo[]>;
  /** Switches to `deviceId`, or to the next camera. */
  switchCamera(deviceId?: string): Promise<void>;
  /** Resolves false where the camera has no torch. */
  setTorch(on: boolean): Promise<boolean>;
  /** Stops decoding and releases the camera. */
  stop(): void;
}

export declare function createScanner(options?: ScannerOptions): Promise<Scanner>;
export declare function createWorkerScanner(options?: {
  wasmUrl?: string | URL;
  /** false: no address table; {url}: from there instead of the package's own file. */
  addressTable?: false | { url?: string | URL };
}): Promise<WorkerScanner>;
/**
 * Parses a card's QR text with a module shared by calls to this function (loaded on the first call, with
 * the address table). A call that meets a failure of the module rejects with code 'internal'; the next
 * call gets a fresh module.
 */
export declare function parse(text: string): Promise<CardResult>;
/** The video inputs (labels stay empty until camera permission was given once). */
export declare function listCameras(): Promise<MediaDeviceInfo[]>;
export declare function startCamera(video: HTMLVideoElement, options: CameraOptions): Promise<CameraController>;
/** Fills the [data-cccd-field] inputs of a form (element or id) from a valid card; returns how many. */
/** A check's label in 'vi' (default) or 'en': 'id.province' → 'Mã tỉnh nơi đăng ký khai sinh'. */
export declare function checkLabel(name: string, lang?: 'vi' | 'en'): string;
/** Why a check passed, failed or was skipped, worded from its code and params: '12 chữ số'. */
export declare function checkText(check: Check, lang?: 'vi' | 'en'): string;
/** One of a card's errors or warnings, worded from its code and params ('label: why' for a failed check). */
export declare function problemText(problem: Problem, lang?: 'vi' | 'en'): string;
/** A CccdScannerError (or any {code}) in words: 'trình duyệt đã chặn camera'. */
export declare function errorText(error: { code?: string } | null | undefined, lang?: 'vi' | 'en'): string;
export declare function fillForm(form: HTMLElement | string, result: ScanResult | CardResult): number;
/** Registers <cccd-scanner> (or `tagName`); importing the package defines nothing by itself. */
export declare function defineCccdScanner(tagName?: string): CustomElementConstructor;

/** The <cccd-scanner> element (after defineCccdScanner()). */
export interface CccdScannerElement extends HTMLElement {
  /** Starts the camera (errors are dispatched as cccd-error). */
  start(): Promise<void>;
  /** Stops the camera and releases it. */
  stop(): void;
}

export interface CccdScanEvent extends CustomEvent<ScanResult> {}
export interface CccdErrorEvent extends CustomEvent<{ code: ErrorCode | string; message: string }> {}
declare global {
  interface HTMLElementTagNameMap {
    'cccd-scanner': CccdScannerElement;
  }
  interface HTMLElementEventMap {
    'cccd-scan': CccdScanEvent;
    'cccd-error': CccdErrorEvent;
  }
}
