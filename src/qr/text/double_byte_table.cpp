#include "qr/text/double_byte_table.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/em_js.h>
#include <emscripten/emscripten.h>

// One TextDecoder per charset, kept on the module; fatal, so that an undefined code throws instead of
// giving U+FFFD.
EM_JS(int, cccd_platform_decode_pair, (int charset, int lead, int trail), {
    var cache = Module['cccdTextDecoders'] || (Module['cccdTextDecoders'] = {});
    var name = charset === 0 ? 'shift_jis' : 'gbk';
    try {
        var decoder = cache[name] || (cache[name] = new TextDecoder(name, {fatal: true}));
        var text = decoder.decode(new Uint8Array([lead, trail]));
        var c = text.codePointAt(0);
        return text.length > 0 && String.fromCodePoint(c) === text ? c : 0;
    } catch (e) {
        return 0;
    }
});

namespace cccd::qr {

char32_t platform_decode_pair(PlatformCharset charset, uint8_t lead, uint8_t trail) {
    const int c = cccd_platform_decode_pair(static_cast<int>(charset), lead, trail);
    return c > 0 ? static_cast<char32_t>(c) : 0;
}

}  // namespace cccd::qr
#endif
