// Globals that web/src uses where they exist and that TypeScript's libraries do not declare, for
// tsconfig.checkjs.json only (never published: users' programs get no new globals from the package).

/** Node's `process`, read by wasm_module.js only to tell Node from a browser. */
declare var process: { versions?: { node?: string } } | undefined;

/** Chromium's MediaStreamTrackProcessor (camera.js): a video track as a ReadableStream of VideoFrames. */
interface MediaStreamTrackProcessor {
  readonly readable: ReadableStream<VideoFrame>;
}
declare var MediaStreamTrackProcessor: {
  prototype: MediaStreamTrackProcessor;
  new (init: { track: MediaStreamTrack; maxBufferSize?: number }): MediaStreamTrackProcessor;
};

/** The torch of a camera (Image Capture spec), as camera.js asks for it. */
interface MediaTrackCapabilities {
  torch?: boolean;
}
interface MediaTrackConstraintSet {
  torch?: ConstrainBoolean;
}
