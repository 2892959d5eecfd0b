// Tests for src/cccd/input_format.cpp: the card's fields from ';' or tab separated text and from
// "label: value" lines, with a warning naming the form; and, through parse_card, that each form gives
// exactly the card its '|' text gives.
#include "cccd/input_format.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cccd/card_json.hpp"
#include "cccd/parse_card.hpp"
#include "cccd/utf8.hpp"

namespace {

using cccd::CardResult;
using cccd::read_input_fields;

const cccd::Date kToday{2026, 11, 24};

// A man born 15 Aug 1985 in Hà Nội, as in parse_card_test: every check passes.
const std::vector<std::string> kCard = {"001085012345",
                                        "012345678",
                                        "Nguyễn Văn An",
                                        "15081985",
                                        "Nam",
                                        "Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, Thành phố Hà Nội",
                                        "04102024"};

std::string joined(const std::vector<std::string>& f, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < f.size(); ++i) out += (i ? std::string(sep) : "") + f[i];
    return out;
}

const std::string kPipe = joined(kCard, "|");

const std::string kLabelled =
    "Số CCCD: 001085012345\n"
    "Số CMND: 012345678\n"
    "Họ và tên: Nguyễn Văn An\n"
    "Ngày sinh: 15/08/1985\n"
    "Giới tính: Nam\n"
    "Nơi thường trú: Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, Thành phố Hà Nội\n"
    "Ngày cấp: 04/10/2024\n";

std::vector<std::string> codes(const std::vector<cccd::Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.field + ":" + p.code);
    return out;
}

// --- read_input_fields ------------------------------------------------------------------------------------

TEST(ReadInputFields, PipeTextIsUntouchedAndSaysNothing) {
    auto f = kCard;
    f[3] = "15/08/1985";  // the card's QR never writes this; its date check must see it as it came
    const auto in = read_input_fields(joined(f, "|"));
    EXPECT_EQ(in.fields, f);
    EXPECT_TRUE(in.warnings.empty());
    EXPECT_TRUE(in.errors.empty());
}

TEST(ReadInputFields, FieldsOnePerLineAreUntouchedAndSayNothing) {
    auto f = kCard;
    f[6] = "04/10/2024";
    const auto in = read_input_fields(joined(f, "\n"));
    EXPECT_EQ(in.fields, f);
    EXPECT_TRUE(in.warnings.empty());
}

TEST(ReadInputFields, SemicolonsWarnAndNormaliseDates) {
    auto f = kCard;
    f[3] = "15/08/1985";
    f[6] = "4.10.2024";
    const auto in = read_input_fields(joined(f, ";"));
    EXPECT_EQ(in.fields, kCard);
    EXPECT_EQ(codes(in.warnings), std::vector<std::string>{"payload:separator-semicolon"});
    EXPECT_NE(in.warnings[0].message.find("';'"), std::string::npos);
}

TEST(ReadInputFields, TabsWarnAndNormaliseDates) {
    auto f = kCard;
    f[3] = "1985-08-15";
    const auto in = read_input_fields(joined(f, "\t") + "\r\n");
    EXPECT_EQ(in.fields, kCard);
    EXPECT_EQ(codes(in.warnings), std::vector<std::string>{"payload:separator-tab"});
}

TEST(ReadInputFields, LabelledLinesInCardOrderWithDatesAsDdmmyyyy) {
    const auto in = read_input_fields(kLabelled);
    EXPECT_EQ(in.fields, kCard);
    EXPECT_EQ(codes(in.warnings), std::vector<std::string>{"payload:labelled-lines"});
    EXPECT_TRUE(in.errors.empty());
}

TEST(ReadInputFields, LabelledLinesWarnFirstThenWhatWasNotUsed) {
    const auto in = read_input_fields("Quốc tịch: Việt Nam\n" + kLabelled);
    EXPECT_EQ(in.fields, kCard);
    EXPECT_EQ(codes(in.warnings), (std::vector<std::string>{"payload:labelled-lines", "payload:unknown-label"}));
}

// --- Through parse_card: each form is the same card as its '|' text ------------------------------------------

// The result of `text` with its leading warning (the form's) removed, as JSON; that warning's code.
std::string json_without_form_warning(const std::string& text, std::string& form_code) {
    CardResult r = cccd::parse_card(text, kToday);
    form_code = r.warnings.empty() ? "" : r.warnings.front().code;
    if (!r.warnings.empty()) r.warnings.erase(r.warnings.begin());
    return cccd::to_json(r);
}

void expect_same_card_as_pipe(const std::string& text, const std::string& expected_code,
                              const std::string& pipe = kPipe) {
    SCOPED_TRACE(text);
    std::string code;
    EXPECT_EQ(json_without_form_warning(text, code), cccd::to_json(cccd::parse_card(pipe, kToday)));
    EXPECT_EQ(code, expected_code);
}

TEST(ParseCardInputFormats, PipeCardIsValidAndHasNoWarnings) {
    const auto r = cccd::parse_card(kPipe, kToday);
    EXPECT_TRUE(r.ok);
    EXPECT_TRUE(r.warnings.empty());
}

TEST(ParseCardInputFormats, Semicolons) {
    expect_same_card_as_pipe(joined(kCard, ";"), "separator-semicolon");
    expect_same_card_as_pipe(joined(kCard, "; ") + "\r\n", "separator-semicolon");
}

TEST(ParseCardInputFormats, SemicolonsCanCuoc2024) {
    const std::string pipe = kPipe + "||||";
    expect_same_card_as_pipe(joined(kCard, ";") + ";;;;", "separator-semicolon", pipe);
    EXPECT_EQ(cccd::parse_card(joined(kCard, ";") + ";;;;", kToday).format, "can-cuoc-2024");
}

TEST(ParseCardInputFormats, SemicolonsWithSlashDates) {
    auto f = kCard;
    f[3] = "15/08/1985";
    f[6] = "04/10/2024";
    expect_same_card_as_pipe(joined(f, ";"), "separator-semicolon");
}

TEST(ParseCardInputFormats, TabSeparatedSpreadsheetRow) {
    auto f = kCard;
    f[3] = "15/08/1985";
    expect_same_card_as_pipe(joined(f, "\t") + "\r\n", "separator-tab");
    expect_same_card_as_pipe(joined(kCard, "\t") + "\t\t\t\t\r\n", "separator-tab", kPipe + "||||");
}

TEST(ParseCardInputFormats, LabelledLines) {
    expect_same_card_as_pipe(kLabelled, "labelled-lines");
}

TEST(ParseCardInputFormats, LabelledLinesInAnotherOrderWithCrLf) {
    expect_same_card_as_pipe(
        "\xEF\xBB\xBF"
        "Ngày cấp: 04-10-2024\r\n"
        "Giới tính: Nam\r\n"
        "Họ và tên: Nguyễn Văn An\r\n"
        "Nơi thường trú: Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, Thành phố Hà Nội\r\n"
        "Số CMND: 012345678\r\n"
        "Ngày sinh: 15081985\r\n"
        "Số CCCD: 001085012345\r\n",
        "labelled-lines");
}

TEST(ParseCardInputFormats, LabelledLinesWithoutDiacritics) {
    expect_same_card_as_pipe(
        "SO CCCD: 001085012345\n"
        "so cmnd: 012345678\n"
        "Ho va ten: Nguyễn Văn An\n"
        "Ngay sinh: 15.8.1985\n"
        "GIOI TINH: Nam\n"
        "Noi thuong tru: Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, Thành phố Hà Nội\n"
        "Ngay cap: 4/10/2024",
        "labelled-lines");
}

TEST(ParseCardInputFormats, LabelledLinesInEnglish) {
    expect_same_card_as_pipe(
        "Full name: Nguyễn Văn An\n"
        "Citizen ID: 001085012345\n"
        "Old ID: 012345678\n"
        "DOB: 1985-08-15\n"
        "Sex: Nam\n"
        "Place of residence: Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, Thành phố Hà Nội\n"
        "Date of issue: 04/10/2024",
        "labelled-lines");
}

// Labelled lines take precedence over ';': a ';' inside a value stays in it.
TEST(ParseCardInputFormats, SemicolonInsideALabelledValue) {
    auto f = kCard;
    f[5] = "Thôn 3; Xã Kim Chung, Huyện Đông Anh, Thành phố Hà Nội";
    std::string text = kLabelled;
    text.replace(text.find("Số 1, Đường Láng"), kCard[5].size(), f[5]);
    expect_same_card_as_pipe(text, "labelled-lines", joined(f, "|"));
    EXPECT_EQ(cccd::parse_card(text, kToday).fields.address, f[5]);
}

TEST(ParseCardInputFormats, MissingLabelIsReportedByTheFieldsOwnCheck) {
    std::string text = kLabelled;
    text.erase(text.find("Họ và tên"), text.find('\n', text.find("Họ và tên")) - text.find("Họ và tên") + 1);
    auto f = kCard;
    f[2] = "";
    expect_same_card_as_pipe(text, "labelled-lines", joined(f, "|"));
    EXPECT_FALSE(cccd::parse_card(text, kToday).ok);
}

TEST(ParseCardInputFormats, ConflictingLabelsAreAnError) {
    const auto r = cccd::parse_card(kLabelled + "DOB: 16/08/1985\n", kToday);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(codes(r.errors), std::vector<std::string>{"dateOfBirth:label-conflict"});
    EXPECT_EQ(r.fields.dateOfBirth, (cccd::Date{1985, 8, 15}));
}

// Too few ';' for a card: not separators, so today's error stands, and no format is claimed.
TEST(ParseCardInputFormats, TooFewSemicolonsKeepTodaysError) {
    const std::string text = "001085012345;012345678;Nguyễn Văn An;15081985;Nam";
    const auto r = cccd::parse_card(text, kToday);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(codes(r.errors), std::vector<std::string>{"payload:not-a-card"});
    EXPECT_TRUE(r.warnings.empty());
    EXPECT_EQ(r.rawFields, std::vector<std::string>{text});
}

// A Wi-Fi QR has enough ';' for a card but no ID number first: still not a card, as before.
TEST(ParseCardInputFormats, WifiQrWithManySemicolonsIsStillNotACard) {
    const auto r = cccd::parse_card("WIFI:T:WPA;S:Home;P:secret42;H:false;R:1;K:x;;", kToday);
    EXPECT_EQ(codes(r.errors), std::vector<std::string>{"payload:not-a-card"});
    EXPECT_TRUE(r.warnings.empty());
}

// UTF-8 text as a keyboard-wedge scanner types it on a Windows-1252 PC (bytes Windows-1252 leaves
// undefined arrive as C1 controls).
std::string mojibake(std::string_view text) {
    constexpr char32_t k80to9F[32] = {
        U'€', 0,     U'‚', U'ƒ', U'„', U'…', U'†', U'‡', U'ˆ', U'‰', U'Š', U'‹', U'Œ', 0,     U'Ž', 0,
        0,     U'‘', U'’', U'“', U'”', U'•', U'–', U'—', U'˜', U'™', U'š', U'›', U'œ', 0,     U'ž', U'Ÿ'};
    std::u32string chars;
    for (char ch : text) {
        const auto b = static_cast<unsigned char>(ch);
        const char32_t mapped = (b >= 0x80 && b <= 0x9F) ? k80to9F[b - 0x80] : b;
        chars.push_back(mapped ? mapped : b);
    }
    return cccd::encode_utf8(chars);
}

// The mojibake warning and the form's both stay.
TEST(ParseCardInputFormats, RepairedSemicolonTextKeepsBothWarnings) {
    const std::string text = joined(kCard, ";");
    const auto r = cccd::parse_card(mojibake(text), kToday);
    EXPECT_EQ(r.fields.name, "Nguyễn Văn An");
    EXPECT_TRUE(r.repaired);
    EXPECT_EQ(codes(r.warnings), (std::vector<std::string>{"payload:mojibake-repaired", "payload:separator-semicolon"}));
}

}  // namespace
