// The three readers behind one interface, for Node and the browser alike: read(frame) takes RGBA pixels
// {data: Uint8ClampedArray, width, height} and gives the decoded text or null. Each library is used the
// way its documentation recommends for camera frames, with its most thorough settings.
//   ours:       cccd-scanner's createScanner().scanImageData (RGBA -> luma inside WASM);
//   zxing-wasm: ZXing-C++ 3.x, readBarcodes(ImageData, {formats: ['QRCode'], tryHarder, tryRotate,
//               tryInvert, tryDownscale}), the .wasm loaded from this folder's node_modules, never a CDN;
//   jsQR:       jsQR(data, width, height, {inversionAttempts: 'attemptBoth'}).

export async function makeReaders({ cccd, zxing, zxingWasm, jsQR }) {
  const scanner = await cccd.createScanner();
  await zxing.prepareZXingModule({ overrides: zxingWasm, fireImmediately: true });
  const zxingOptions = {
    formats: ['QRCode'], tryHarder: true, tryRotate: true, tryInvert: true, tryDownscale: true, maxNumberOfSymbols: 1,
  };
  return [
    {
      name: 'cccd-scanner',
      read: async (f) => {
        const r = scanner.scanImageData(f);
        return r.found ? r.text : null;
      },
    },
    {
      name: 'zxing-wasm',
      read: async (f) => {
        const results = await zxing.readBarcodes(f, zxingOptions)  // takes any {data, width, height};
        const hit = results.find((r) => r.isValid);
        return hit ? hit.text : null;
      },
    },
    {
      name: 'jsQR',
      read: async (f) => {
        const r = jsQR(f.data, f.width, f.height, { inversionAttempts: 'attemptBoth' });
        return r ? r.data : null;
      },
    },
  ];
}
