#pragma once
// Byte-mode data to UTF-8 text under an Extended Channel Interpretation (ISO/IEC 18004:2015 7.4.2; the
// ECI numbers are AIM's ECI assignments) or, with no ECI, in the character set guessed for them.
#include <cstdint>
#include <span>
#include <string>

#include "qr/text/charset_guess.hpp"

namespace cccd::qr {

// Character sets converted exactly: 0/2 code page 437, 1/3 ISO/IEC 8859-1, 4..13 and 15..18
// ISO/IEC 8859-2..11 and 13..16, 20 Shift_JIS, 21 Windows-1250, 22 Windows-1251, 23 Windows-1252,
// 24 Windows-1256, 25 UTF-16BE (UCS-2), 26 UTF-8, 27 and 170 ASCII (ISO/IEC 646), 29 GB 2312 (EUC-CN),
// 33 UTF-16LE, 34 UTF-32BE, 35 UTF-32LE, 899 binary (shown byte for byte as ISO/IEC 8859-1). Others
// (28 Big5, 30 EUC-KR, 31 GBK, 32 GB18030, unassigned numbers) keep ASCII bytes and turn every other
// byte into U+FFFD: the raw bytes stay available to the caller.
bool eci_supported(int eci);

// Appends `bytes` decoded per `eci` as UTF-8. Returns false when some bytes had no character and became
// U+FFFD (unsupported ECI, ill-formed data).
bool append_eci_text(std::string& out, int eci, std::span<const uint8_t> bytes);

// No ECI in the symbol: appends `bytes` in the character set charset_guess.hpp chose for them (none,
// meant for ASCII, reads as ISO/IEC 8859-1). UTF-8 chosen for its signature but ill-formed after it gives U+FFFD and false; the other
// choices are always exact and return true.
bool append_default_text(std::string& out, DefaultCharset charset, std::span<const uint8_t> bytes);

}  // namespace cccd::qr
