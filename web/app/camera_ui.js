// Camera controls of the page: start/stop, the camera picker, the torch, and the permission states
// (asking, denied with how to fix it, no camera, scanning). Decoding happens in the shared Worker.
import { startCamera } from '../src/camera.js';
import { t } from './i18n.js';
import { setStatus } from './status.js';
import { setupFeedback } from './feedback.js';

const $ = (id) => document.getElementById(id);

// Error code -> [status state, text key, help key]
const FAILURES = {
  'permission-denied': ['denied', 'statusDenied', 'helpDenied'],
  'no-camera': ['no-camera', 'statusNoCamera', 'helpNoCamera'],
  'camera-busy': ['error', 'statusCameraBusy', ''],
  'no-camera-api': ['no-camera', 'statusNoCameraApi', 'helpNoCamera'],
};

export function setupCamera({ scanner, onScan }) {
  const button = $('start-camera');
  const select = $('camera-select');
  const torch = $('torch');
  let camera = null;
  let torchOn = false;
  const feedback = setupFeedback($('feedback')); // the optional beep and vibration, once per card read
  // The video, and body.camera-on while it is shown: on a phone (app.css) the video then fills the screen.
  const showVideo = (on) => {
    $('viewport').hidden = !on;
    document.body.classList.toggle('camera-on', on);
  };

  const label = () => {
    button.textContent = t(camera ? 'stopCamera' : 'startCamera');
    button.dataset.i18n = camera ? 'stopCamera' : 'startCamera';
    torch.textContent = t(torchOn ? 'torchOff' : 'torchOn');
    torch.dataset.i18n = torchOn ? 'torchOff' : 'torchOn';
  };

  // Outlines the QR code found in the latest frame; the outline fades when frames stop finding it.
  let outlineTimer = 0;
  function outline(result) {
    const video = $('video');
    const svg = $('outline');
    if (!result.found || !video.videoWidth) return;
    svg.setAttribute('viewBox', `0 0 ${video.videoWidth} ${video.videoHeight}`);
    $('outline-shape').setAttribute('points', result.corners.map((p) => `${p.x},${p.y}`).join(' '));
    svg.classList.add('on');
    clearTimeout(outlineTimer);
    outlineTimer = setTimeout(() => svg.classList.remove('on'), 400);
  }

  async function fillPicker() {
    const cams = await camera.listCameras();
    select.replaceChildren(...cams.map((c, i) => {
      const o = document.createElement('option');
      o.value = c.deviceId;
      o.textContent = c.label || `Camera ${i + 1}`;
      return o;
    }));
    select.value = camera.deviceId ?? '';
    $('camera-picker').hidden = cams.length < 2;
    torch.hidden = !camera.torchSupported;
  }

  async function start(deviceId) {
    button.disabled = true;
    setStatus('asking', 'statusAsking');
    showVideo(true);
    try {
      camera = await startCamera($('video'), {
        scanner,
        deviceId,
        onResult: (result) => { feedback.read(result.card); onScan(result); },
        onFrame: outline,
        onError: () => {}, // start failures are handled below; frame errors are not worth alarming about
      });
      setStatus('scanning', 'statusScanning');
      await fillPicker();
    } catch (e) {
      camera = null;
      showVideo(false);
      const [state, key, help] = FAILURES[e.code] ?? ['error', 'statusCameraError', ''];
      setStatus(state, key, key === 'statusCameraError' ? e : null, help);
    } finally {
      button.disabled = false;
      label();
    }
  }

  function stop() {
    camera?.stop();
    camera = null;
    torchOn = false;
    torch.hidden = true;
    showVideo(false);
    setStatus('idle', 'statusStopped');
    label();
  }

  button.addEventListener('click', () => (camera ? stop() : start(select.value || undefined)));
  select.addEventListener('change', async () => {
    if (!camera) return;
    try {
      await camera.switchCamera(select.value);
      torchOn = false;
      torch.hidden = !camera.torchSupported;
      label();
    } catch (e) {
      stop(); // the other camera failed to open (unplugged, busy, refused): say why
      const [state, key, help] = FAILURES[e.code] ?? ['error', 'statusCameraError', ''];
      setStatus(state, key, key === 'statusCameraError' ? e : null, help);
    }
  });
  torch.addEventListener('click', async () => {
    if (camera && await camera.setTorch(!torchOn)) torchOn = !torchOn;
    torch.setAttribute('aria-pressed', String(torchOn));
    label();
  });
  button.disabled = false;
  return { label, stop, get running() { return Boolean(camera); } };
}
