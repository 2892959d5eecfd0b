// The camera: getUserMedia (back camera preferred, 1920x1080 ideal: a card at arm's length has modules
// of 1.5-3 px there against 1-2 at 720p), frames scanned live (one video) by the decoding
// Worker, paced by the decoder itself: MediaStreamTrackProcessor streams VideoFrames into the worker
// where it exists; elsewhere requestVideoFrameCallback takes VideoFrames (or ImageBitmaps), one scanned in
// the worker and at most one waiting (the newest). The camera is released on stop().
/** @import { CameraController, CameraOptions, CardResult, ScanResult } from '../types/index.js' */
/** @import { ErrorData } from './protocol.js' */
import { CccdScannerError } from './errors.js';
import { createDeduper } from './dedupe.js';
import { createWorkerScanner } from './worker_client.js';
import { describe, invalid } from './validate.js';

/**
 * Maps getUserMedia's DOMExceptions to stable codes the UI can explain.
 * @param {any} e anything getUserMedia threw
 * @returns {CccdScannerError}
 */
function cameraError(e) {
  if (e instanceof CccdScannerError) return e;
  const name = e?.name ?? '';
  const code = /** @type {Record<string, string | undefined>} */ ({
    NotAllowedError: 'permission-denied', SecurityError: 'permission-denied',
    NotFoundError: 'no-camera', OverconstrainedError: 'no-camera',
    NotReadableError: 'camera-busy', AbortError: 'camera-busy',
  })[name] ?? 'camera-failed';
  return new CccdScannerError(code, `${name || 'Error'}: ${e?.message ?? e}`);
}

/** @param {string | undefined} deviceId @returns {MediaStreamConstraints} */
function constraints(deviceId) {
  return {
    audio: false,
    video: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } }),
      width: { ideal: 1920 },
      height: { ideal: 1080 },
    },
  };
}

/**
 * The video inputs (labels are empty until permission was given once).
 * @returns {Promise<MediaDeviceInfo[]>}
 */
export async function listCameras() {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
}

/**
 * Starts the camera into `video` and decodes its frames in a Worker.
 * @param {HTMLVideoElement} video
 * @param {CameraOptions} options
 * @returns {Promise<CameraController>}
 */
export async function startCamera(video, options = /** @type {CameraOptions} */ ({})) {
  if (typeof HTMLVideoElement !== 'function' || !(video instanceof HTMLVideoElement)) {
    throw invalid(`startCamera needs a <video> element, got ${describe(video)}`);
  }
  if (typeof options?.onResult !== 'function') throw invalid('startCamera needs options.onResult, a function');
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new CccdScannerError('no-camera-api', 'this browser offers no camera here (a secure context — https or localhost — is required)');
  }
  const { onResult, onError = () => {}, onFrame = () => {} } = options;
  const ownScanner = !options.scanner;
  const scanner = options.scanner ?? await createWorkerScanner();
  const deduper = createDeduper(options.leaveMs);
  /** @type {MediaStream | null} */
  let stream = null;
  let stopStreaming = () => {};
  let stopped = false;
  let generation = 0; // pump()s so far: a frame taken for an earlier stream (before a camera switch) is dropped

  /** @param {{result?: ScanResult, error?: ErrorData}} msg a frame's result or error (protocol.js) */
  const report = (msg) => {
    if (stopped) return;
    if (msg.error) return onError(new CccdScannerError(msg.error.code, msg.error.message));
    const result = /** @type {ScanResult} */ (msg.result); // a message without an error has a result
    onFrame(result);
    // A result found is news only with a text, and a text found always comes with its card.
    if (deduper.accept(result)) onResult(/** @type {ScanResult & {found: true, text: string, card: CardResult}} */ (result));
  };

  const useProcessor = (options.pacing ?? 'auto') !== 'video-frame-callback' &&
    typeof MediaStreamTrackProcessor === 'function';

  /** @param {MediaStreamTrack} track */
  function pump(track) {
    const mine = ++generation;
    if (useProcessor) {
      const processor = new MediaStreamTrackProcessor({ track, maxBufferSize: 1 });
      stopStreaming = scanner.stream(processor.readable, report);
      return;
    }
    // requestVideoFrameCallback: one frame in the worker and the next one taken meanwhile (the newest
    // replaces a waiting one, closed); frames arriving while one is being taken are skipped. Taking a frame
    // here and reading its pixels in the worker each cost a good part of a frame interval: one after the
    // other, they halved the frames scanned (Chromium, ImageBitmaps: 16-18 a second; 28-30 overlapped).
    // Browsers without it fall back to animation frames (possibly repeated frames).
    const hasVfc = typeof video.requestVideoFrameCallback === 'function';
    /** @param {() => void} cb */
    const request = (cb) => (hasVfc ? video.requestVideoFrameCallback(cb) : requestAnimationFrame(cb));
    /** @param {number} h */
    const cancel = (h) => (hasVfc ? video.cancelVideoFrameCallback(h) : cancelAnimationFrame(h));
    let making = false;
    let scanning = false;
    /** @type {VideoFrame | ImageBitmap | null} */
    let waiting = null;
    let handle = 0;
    const scanNext = () => {
      if (scanning || !waiting || stopped || mine !== generation) return;
      const image = waiting;
      waiting = null;
      scanning = true;
      scanner.scanImage(image, { live: true })
        .then((result) => report({ result }), (e) => report({ error: { code: e.code ?? 'internal', message: e.message } }))
        .finally(() => {
          image.close(); // a no-op once the worker has it (transferred); a main-thread scanner's is released here
          scanning = false;
          scanNext();
        });
    };
    // A VideoFrame of the video where WebCodecs has one (the camera's own planes: the worker copies the
    // luma plane straight into WASM memory), else an ImageBitmap (drawn and read back as RGBA there: at
    // 1920x1080 that halved the frames scanned). A VideoFrame the browser refuses falls back for good.
    let videoFrames = typeof VideoFrame === 'function';
    /** @returns {Promise<VideoFrame | ImageBitmap>} */
    const grab = () => {
      if (videoFrames) {
        try {
          return Promise.resolve(new VideoFrame(video));
        } catch {
          videoFrames = false;
        }
      }
      return createImageBitmap(video);
    };
    const onVideoFrame = () => {
      if (stopped) return;
      handle = request(onVideoFrame);
      if (making || video.readyState < 2) return;
      making = true;
      grab()
        .then((image) => {
          if (stopped || mine !== generation) return image.close();
          waiting?.close();
          waiting = image;
          scanNext();
        }, (e) => report({ error: { code: 'camera-failed', message: `a camera frame could not be read (${e?.message ?? e})` } }))
        .finally(() => { making = false; });
    };
    handle = request(onVideoFrame);
    stopStreaming = () => {
      cancel(handle);
      waiting?.close();
      waiting = null;
    };
  }

  /** @param {string | undefined} deviceId */
  async function open(deviceId) {
    stopStreaming();
    stream?.getTracks().forEach((t) => t.stop());
    try {
      stream = await navigator.mediaDevices.getUserMedia(constraints(deviceId));
    } catch (e) {
      throw cameraError(e);
    }
    if (stopped) { stream.getTracks().forEach((t) => t.stop()); return; }
    const track = stream.getVideoTracks()[0];
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play().catch(() => {}); // autoplay policies: muted video may always play
    deduper.reset();
    if (!useProcessor) await scanner.resetLive(); // a stream resets itself in the worker
    pump(track);
    if (options.torch) await controller.setTorch(true);
  }

  const track = () => stream?.getVideoTracks()[0];

  /** @type {CameraController} */
  const controller = {
    /** How frames reach the worker: 'track-processor' or 'video-frame-callback'. */
    pacing: useProcessor ? 'track-processor' : 'video-frame-callback',
    /** The size of the frames the camera delivers ({width, height}: what it granted of 1920x1080). */
    get resolution() {
      const { width, height } = track()?.getSettings() ?? {};
      return width && height ? { width, height } : null;
    },
    /** The camera in use (deviceId), and whether it has a torch. */
    get deviceId() { return track()?.getSettings().deviceId; },
    get torchSupported() { return Boolean(track()?.getCapabilities?.().torch); },
    listCameras,
    /** Switches to `deviceId`, or to the next camera in the list. */
    async switchCamera(deviceId) {
      if (stopped) throw new CccdScannerError('destroyed', 'the camera was stopped');
      if (!deviceId) {
        const cams = await listCameras();
        const i = cams.findIndex((c) => c.deviceId === controller.deviceId);
        deviceId = cams[(i + 1) % Math.max(cams.length, 1)]?.deviceId;
      }
      await open(deviceId);
    },
    /** Turns the torch on or off; resolves false where the camera has none. */
    async setTorch(on) {
      const t = track();
      if (!t || !controller.torchSupported) return false;
      await t.applyConstraints({ advanced: [{ torch: Boolean(on) }] });
      return true;
    },
    /** Stops decoding and releases the camera (its light goes off). */
    stop() {
      if (stopped) return;
      stopped = true;
      stopStreaming();
      stream?.getTracks().forEach((t) => t.stop());
      stream = null;
      video.srcObject = null;
      if (ownScanner) scanner.destroy();
    },
  };

  try {
    await open(options.deviceId);
  } catch (/** @type {any} */ e) {
    controller.stop();
    onError(e);
    throw e;
  }
  return controller;
}
