// The camera in Firefox and WebKit, which cannot play a file as their camera: getUserMedia answers with a
// canvas stream that plays an MJPEG clip's frames (served by harness.mjs) from its first frame, looping,
// at the clip's frame rate, as Chromium's --use-file-for-fake-video-capture does. The frames are decoded
// with createImageBitmap on Blobs (no URL is loaded, so the page's CSP has nothing to refuse).
// Without a clip the cameras show a moving grey test pattern (640x480).
// A function expression called with {mode: 'clip' | 'denied' | 'absent', clip, devices}.
(config) => {
  // On the prototype: WebKit can drop what is set on navigator.mediaDevices itself (a DOM wrapper that
  // may be collected and made again), and did after a first camera run.
  if (typeof MediaDevices !== 'function') return;
  const media = MediaDevices.prototype;
  const devices = config.mode === 'absent' ? [] : Array.from({ length: config.devices ?? 1 }, (_, i) => {
    const info = { deviceId: `e2e-camera-${i + 1}`, groupId: `e2e-group-${i + 1}`, kind: 'videoinput', label: `e2e camera ${i + 1}` };
    return { ...info, toJSON: () => info };
  });
  media.enumerateDevices = async () => devices;

  let clip = null; // {blobs, width, height, fps}, fetched once
  const loadClip = async () => {
    if (clip) return clip;
    if (!config.clip) return { blobs: null, width: 640, height: 480, fps: 30 };
    const info = await (await fetch(`/__e2e/clip/${config.clip}/info`)).json();
    const bytes = await (await fetch(`/__e2e/clip/${config.clip}`)).arrayBuffer();
    const blobs = info.offsets.slice(0, -1).map((o, i) => new Blob([bytes.slice(o, info.offsets[i + 1])], { type: 'image/jpeg' }));
    clip = { blobs, width: info.width, height: info.height, fps: info.fps };
    return clip;
  };

  async function play(deviceId) {
    const { blobs, width, height, fps } = await loadClip();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    // The next frame is decoded while the current one shows: decoding on demand held a 720p clip to about
    // 20 frames a second in Firefox.
    const decode = (index) => (blobs ? createImageBitmap(blobs[index % blobs.length]) : Promise.resolve(null));
    const draw = (bitmap, index) => {
      if (!bitmap) {
        ctx.fillStyle = '#888';
        ctx.fillRect(0, 0, width, height);
        ctx.fillStyle = '#222';
        ctx.fillRect((index * 4) % width, height / 3, 40, height / 3);
        return;
      }
      ctx.drawImage(bitmap, 0, 0);
      bitmap.close();
    };
    const show = (bitmap, index) => { draw(bitmap, index); track.requestFrame?.(); };
    draw(await decode(0), 0);
    // Firefox captures each frame drawn with captureStream() and requestFrame(), and only about 19 a
    // second with captureStream(fps); WebKit captures nothing without a rate. (A test rig: sniffing is fine.)
    const stream = /Firefox\//.test(navigator.userAgent) ? canvas.captureStream() : canvas.captureStream(fps);
    const track = stream.getVideoTracks()[0];
    track.requestFrame?.();
    const start = performance.now();
    const count = blobs?.length ?? Infinity;
    let shown = 0;
    let ahead = { index: 1, bitmap: decode(1) };
    let running = true;
    const tick = async () => {
      if (!running || track.readyState === 'ended') return;
      const index = Math.floor(((performance.now() - start) / 1000) * fps) % count;
      if (index !== shown) {
        shown = index;
        const bitmap = ahead.index === index ? await ahead.bitmap : (ahead.bitmap.then((b) => b?.close()), await decode(index));
        ahead = { index: (index + 1) % count, bitmap: decode(index + 1) };
        show(bitmap, index);
      }
      setTimeout(tick, 1000 / fps / 4);
    };
    setTimeout(tick, 0);
    const stop = track.stop.bind(track);
    track.stop = () => { running = false; stop(); };
    const settings = track.getSettings.bind(track);
    track.getSettings = () => ({ ...settings(), deviceId, width, height, frameRate: fps });
    track.getCapabilities = () => ({ deviceId, width: { min: 1, max: width }, height: { min: 1, max: height } });
    return stream;
  }

  media.getUserMedia = async (constraints) => {
    if (!constraints?.video) throw new TypeError('e2e camera: video only');
    if (config.mode === 'denied') throw new DOMException('The request is not allowed', 'NotAllowedError');
    if (!devices.length) throw new DOMException('The object can not be found here.', 'NotFoundError');
    const exact = constraints.video.deviceId?.exact;
    const device = exact ? devices.find((d) => d.deviceId === exact) : devices[0];
    if (!device) throw new DOMException('no such camera', 'OverconstrainedError');
    return play(device.deviceId);
  };
}
