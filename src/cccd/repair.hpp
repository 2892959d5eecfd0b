#pragma once
// Keyboard-wedge repair. USB scanners in keyboard mode often deliver UTF-8 bytes that the computer
// reads one byte per character as Windows-1252 or Latin-1: "Nguyễn" arrives as "Nguyá»…n".
#include <optional>
#include <string>
#include <string_view>

namespace cccd {

enum class RepairOutcome {
    clean,        // nothing to repair
    repaired,     // mojibake found and undone exactly
    partial,      // repaired, but some letters lost a byte that several letters could fill: U+FFFD
};

struct RepairResult {
    RepairOutcome outcome = RepairOutcome::clean;
    std::string text;    // repaired text (with U+FFFD where a letter is unrecoverable), else the input
    int rounds = 0;      // how many layers of mis-decoding were undone (double encoding gives 2)
    int unrecovered = 0; // letters replaced by U+FFFD
};

// True when the text shows the marks of UTF-8 read as Windows-1252 (a lead byte such as Ã, Ä, Æ, á
// followed by a continuation-byte symbol such as », º, ©, ‚) — whether or not it could be repaired.
bool looks_like_mojibake(std::string_view utf8);

// Undoes UTF-8-read-as-Windows-1252/Latin-1. Bytes that Windows-1252 leaves undefined (0x81 0x8D 0x8F
// 0x90 0x9D) arrive as U+0081… or are dropped; a dropped byte is restored when exactly one Vietnamese
// letter fits (so "Ä" + lost 0x90 becomes "Đ"); when several fit, the letter becomes U+FFFD and the
// outcome is `partial`, never a guess. Text that is not mojibake comes back unchanged.
RepairResult repair_mojibake(std::string_view utf8);

// True when a word of the name has no vowel: a scanner dropped the Vietnamese letters ("Vn" for Văn,
// "Th" for Thị). Words that kept a vowel ("Nguyn") are not caught here; a card whose name and address
// have no diacritic at all is flagged separately by the parser.
bool has_word_without_vowel(std::string_view utf8);

}  // namespace cccd
