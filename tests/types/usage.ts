// Compiled (not run) by tests/node/types.test.mjs with tsc --strict: the declarations in
// web/types/index.d.ts describe the package's real API, as a TypeScript user writes it.
import {
  createScanner, createWorkerScanner, parse, startCamera, defineCccdScanner, fillForm, CccdScannerError,
  checkLabel, checkText, problemText, errorText,
  type CardResult, type ScanResult, type CameraController, type Scanner, type Address2025,
} from 'cccd-scanner';

export async function node(): Promise<string | null> {
  const scanner: Scanner = await createScanner();
  const frame = scanner.frameBuffer(640, 480, 'luma');
  frame.fill(255);
  const r: ScanResult = scanner.scanFrame();
  const again = scanner.scanImageData({ data: new Uint8ClampedArray(4 * 4 * 4), width: 4, height: 4 });
  const live = scanner.scanImageData({ data: new Uint8Array(4 * 4), width: 4, height: 4 }, { live: true });
  const fused: number = live.fusedFrames + live.frame.width;
  void fused;
  if (live.tracking) scanner.resetLive();
  if (again.found && again.card) {
    const dob: string | null = again.card.fields.dateOfBirth;
    void dob;
    const c = again.corners![0].x + again.corners![2].y;
    void c;
  }
  try {
    scanner.parse('x');
  } catch (e) {
    if (e instanceof CccdScannerError) console.log(e.code);
  }
  const card: CardResult = await parse('001099012345||A|01011999|Nam|Hà Nội|15042021');
  const { communes } = await scanner.loadAddressTable({ url: new URL('file:///x.tsv') });
  const mapped: Address2025 = scanner.mapAddress2025('Phúc Xá, Ba Đình, Hà Nội');
  const newCommune: string | null = card.fields.address2025?.commune ?? mapped.candidates[0]?.communeCode ?? null;
  void communes, newCommune;
  // Checks and problems in the page's language, from their codes and params.
  const lines: string[] = card.checks.map((c) => `${checkLabel(c.name, 'vi')}: ${checkText(c, 'vi')} ${c.code} ${c.params.length ?? ''}`);
  const said: string = card.errors.map((p) => problemText(p, 'en')).join('; ') + errorText(new CccdScannerError('no-camera', 'x'));
  void lines, said;
  scanner.clear();
  scanner.destroy();
  return card.ok ? r.text : card.errors[0].code;
}

export async function browser(video: HTMLVideoElement, file: File): Promise<void> {
  const workerScanner = await createWorkerScanner({ addressTable: { url: '/address2025.tsv' } });
  const table = await workerScanner.addressTable();
  if (table.ok) console.log(table.communes, (await workerScanner.mapAddress2025('x')).match);
  else console.log(table.code);
  // MediaStreamTrackProcessor (Chromium) is not in TypeScript's DOM library yet: any ReadableStream of VideoFrames.
  const frames = new ReadableStream<VideoFrame>();
  const stop = workerScanner.stream(frames, ({ result, error }) => console.log(result?.found, error?.code));
  stop();
  const photo = await workerScanner.scanImage(file);
  if (photo.card && !(await workerScanner.fillAddress2025(photo.card)).ok) console.log('no table');
  await workerScanner.scanImage(file, { live: true });
  await workerScanner.resetLive();
  console.log(photo.ms, photo.card?.checks.map((c) => c.ok && !c.skipped));
  const camera: CameraController = await startCamera(video, {
    onResult: (r) => console.log(r.card.fields.name, r.text.length),
    onError: (e) => console.log(e.code),
    scanner: workerScanner,
    torch: false,
  });
  if (camera.torchSupported) await camera.setTorch(true);
  console.log(camera.resolution?.width);
  await camera.switchCamera();
  camera.stop();
  defineCccdScanner();
  document.querySelector('cccd-scanner')?.addEventListener('cccd-scan', (e) => {
    fillForm('customer', e.detail);
    console.log(e.detail.card?.fields.addressParts.provinceCode);
  });
}
