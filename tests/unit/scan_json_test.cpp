// result/scan_json: the one scan-result shape the WASM module and the CLI write.
#include "result/scan_json.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/mini_json.hpp"

namespace {

using testsupport::Json;
using testsupport::parse_json;

const cccd::Date kToday{2026, 11, 24};
const std::string kPayload =
    "001085012345|012345678|Nguyễn Văn An|15081985|Nam|Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, "
    "Thành phố Hà Nội|04102024||||";

std::string write(const cccd::qr::DecodeResult& r, const cccd::result::ScanContext& c) {
    cccd::JsonWriter w;
    w.begin_object();
    cccd::result::write_scan_fields(w, r, c);
    w.end_object();
    return w.str();
}

cccd::qr::DecodeResult read_one() {
    cccd::qr::DecodeResult r;
    r.status = cccd::qr::DecodeStatus::found;
    cccd::qr::Symbol s;
    s.data.text = kPayload;
    s.data.version = 7;
    s.data.ecLevel = 'M';
    s.data.mask = 3;
    s.data.correctedErrors = 2;
    s.corners = {{{10.5f, 20.0f}, {110.0f, 20.25f}, {110.0f, 120.0f}, {10.0f, 119.5f}}};
    s.moduleSize = 2.5f;
    r.symbols.push_back(s);
    return r;
}

TEST(ScanJson, ASymbolReadGivesItsTextCornersAsXYAndTheCheckedCard) {
    const Json j = parse_json(write(read_one(), {1280, 720, 3.5, 4, kToday, nullptr}));
    EXPECT_EQ(j.keys(), (std::vector<std::string>{"found", "status", "frame", "text", "corners", "version", "ecLevel",
                                                   "mask", "correctedErrors", "mirrored", "moduleSize", "fusedFrames",
                                                   "ms", "card"}));
    EXPECT_TRUE(j["found"].b);
    EXPECT_EQ(j["status"].text, "found");
    EXPECT_EQ(j["frame"]["width"].text, "1280");
    EXPECT_EQ(j["frame"]["height"].text, "720");
    EXPECT_EQ(j["text"].text, kPayload);
    ASSERT_EQ(j["corners"].items.size(), 4u);
    EXPECT_EQ(j["corners"].items[0].keys(), (std::vector<std::string>{"x", "y"}));
    EXPECT_EQ(std::stod(j["corners"].items[0]["x"].text), 10.5);
    EXPECT_EQ(std::stod(j["corners"].items[1]["y"].text), 20.25);
    EXPECT_EQ(std::stod(j["corners"].items[3]["y"].text), 119.5);
    EXPECT_EQ(j["version"].text, "7");
    EXPECT_EQ(j["ecLevel"].text, "M");
    EXPECT_EQ(j["mask"].text, "3");
    EXPECT_EQ(j["correctedErrors"].text, "2");
    EXPECT_FALSE(j["mirrored"].b);
    EXPECT_EQ(std::stod(j["moduleSize"].text), 2.5);
    EXPECT_EQ(j["fusedFrames"].text, "4");
    EXPECT_EQ(std::stod(j["ms"].text), 3.5);
    EXPECT_TRUE(j["card"]["ok"].b);
    EXPECT_EQ(j["card"]["fields"]["id"].text, "001085012345");
}

TEST(ScanJson, NothingReadGivesWhyWithNullTextCornersAndCard) {
    cccd::qr::DecodeResult r;
    r.status = cccd::qr::DecodeStatus::unreadable;
    r.message = "a block has more errors than Reed-Solomon can correct";
    const Json j = parse_json(write(r, {640, 480, 9.0, 1, kToday, nullptr}));
    EXPECT_FALSE(j["found"].b);
    EXPECT_EQ(j["status"].text, "unreadable");
    EXPECT_TRUE(j["text"].is_null());
    EXPECT_TRUE(j["corners"].is_null());
    EXPECT_TRUE(j["card"].is_null());
    EXPECT_EQ(j["message"].text, r.message);
    EXPECT_EQ(j["fusedFrames"].text, "0");

    cccd::qr::DecodeResult none;  // not found, no message of its own
    EXPECT_EQ(parse_json(write(none, {})).operator[]("message").text, "no QR code found");
    EXPECT_EQ(parse_json(write(none, {}))["status"].text, "not-found");
}

TEST(ScanJson, AFoundStatusWithoutASymbolIsNotCalledFound) {
    cccd::qr::DecodeResult r;
    r.status = cccd::qr::DecodeStatus::found;  // no symbols: must not claim a read
    const Json j = parse_json(write(r, {}));
    EXPECT_FALSE(j["found"].b);
    EXPECT_EQ(j["status"].text, "not-found");
    EXPECT_TRUE(j["text"].is_null());
}

TEST(ScanJson, StatusNamesAreTheDocumentedOnes) {
    EXPECT_EQ(cccd::result::status_name(cccd::qr::DecodeStatus::found), "found");
    EXPECT_EQ(cccd::result::status_name(cccd::qr::DecodeStatus::not_found), "not-found");
    EXPECT_EQ(cccd::result::status_name(cccd::qr::DecodeStatus::unreadable), "unreadable");
    EXPECT_EQ(cccd::result::status_name(cccd::qr::DecodeStatus::invalid_input), "invalid-input");
}

}  // namespace
