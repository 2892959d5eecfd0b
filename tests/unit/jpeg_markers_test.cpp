// The JPEG Huffman-table check that guards stb_image (src/io/jpeg_markers), on hand-built marker
// streams and on the fuzzer's finding kept in tests/fuzz/regressions.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/image_file.hpp"
#include "io/jpeg_markers.hpp"
#include "support/fuzz_findings.hpp"

namespace {

using Bytes = std::vector<uint8_t>;

// SOI, one DHT segment holding `tables` (each: Tc/Th, 16 counts, values), then EOI.
Bytes jpeg_with_dht(const Bytes& tables) {
    Bytes f = {0xFF, 0xD8, 0xFF, 0xC4};
    const size_t length = tables.size() + 2;
    f.push_back(static_cast<uint8_t>(length >> 8));
    f.push_back(static_cast<uint8_t>(length & 0xFF));
    f.insert(f.end(), tables.begin(), tables.end());
    f.insert(f.end(), {0xFF, 0xD9});
    return f;
}

Bytes table(const Bytes& counts, size_t values) {
    Bytes t = {0x00};
    t.insert(t.end(), counts.begin(), counts.end());
    t.resize(17, 0);
    t.insert(t.end(), values, 0x01);
    return t;
}

TEST(JpegMarkers, SoundTablesPass) {
    Bytes two = table({0, 1, 5, 1, 1, 1, 1, 1, 1}, 12);
    const Bytes ac = table({0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D}, 162);  // T.81 Table K.5's counts
    two.insert(two.end(), ac.begin(), ac.end());
    EXPECT_EQ(cccd::io::check_jpeg_huffman_tables(jpeg_with_dht(two)), "");
}

TEST(JpegMarkers, MoreThan256CodesIsRefused) {
    const Bytes t = table({0, 0, 0, 0, 0, 0, 0, 0, 255, 255}, 510);
    EXPECT_NE(cccd::io::check_jpeg_huffman_tables(jpeg_with_dht(t)).find("510 codes"), std::string::npos);
}

TEST(JpegMarkers, FewerValuesThanDeclaredIsRefused) {
    Bytes t = table({0, 3}, 3);
    t.pop_back();
    EXPECT_NE(cccd::io::check_jpeg_huffman_tables(jpeg_with_dht(t)).find("fewer values"), std::string::npos);
}

TEST(JpegMarkers, TablesAfterEntropyCodedDataAreChecked) {
    // SOS with a 2-byte header, scan data holding a stuffed FF00 and RST0, then a bad DHT (progressive
    // JPEGs define tables between scans).
    Bytes f = {0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56};
    const Bytes bad = jpeg_with_dht(table({0, 0, 0, 0, 0, 0, 0, 0, 200, 200}, 400));
    f.insert(f.end(), bad.begin() + 2, bad.end());
    EXPECT_FALSE(cccd::io::check_jpeg_huffman_tables(f).empty());
}

TEST(JpegMarkers, NotAJpegIsLeftToTheDecoder) {
    const Bytes png = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    EXPECT_EQ(cccd::io::check_jpeg_huffman_tables(png), "");
    EXPECT_EQ(cccd::io::check_jpeg_huffman_tables({}), "");
}

// image_decode_fuzz's first finding: Debian's stb_image 2.27 wrote past its 257-entry size table on this
// file's DHT segment (1276 codes). Loading must now fail with a message before stb sees the table.
TEST(JpegMarkers, FuzzFindingIsRefusedByTheLoader) {
    testsupport::expect_finding_refused("stb-dht-overflow.jpg", "Huffman table");
}

TEST(JpegMarkers, TruncatedSegmentIsCheckedAsStbReadsIt) {
    // The file ends inside the DHT segment: stb reads zeros past the end, so the tables it sees are the
    // bytes that are there padded with zeros. A second table within them declaring 300 codes is refused;
    // one whose counts lie past the end (zeros) is harmless.
    Bytes tables = table({0, 3}, 3);
    const Bytes big = {0x00, 0, 0, 0, 0, 0, 0, 0, 0, 150, 150, 0, 0, 0, 0, 0, 0};  // counts only, values cut off
    tables.insert(tables.end(), big.begin(), big.end());
    Bytes f = jpeg_with_dht(tables);
    f[4] = 0x02;  // declared length 0x02xx: far past the end of the file
    f.resize(f.size() - 2);  // and no EOI
    EXPECT_NE(cccd::io::check_jpeg_huffman_tables(f).find("300 codes"), std::string::npos);
    Bytes fine = jpeg_with_dht(table({0, 3}, 3));
    fine[5] = 2 + 20 + 2 * 17;  // two more tables' worth of zeros past the end: no codes
    fine.resize(fine.size() - 2);
    EXPECT_EQ(cccd::io::check_jpeg_huffman_tables(fine), "");
}

// Two more findings (the DHT segment runs past the end of the file; a later table in it declares more
// than 256 codes): refused by the loader before stb builds its tables.
TEST(JpegMarkers, TruncatedSegmentFindingsAreRefusedByTheLoader) {
    for (const char* name : {"stb-dht-truncated-1.jpg", "stb-dht-truncated-2.jpg"})
        testsupport::expect_finding_refused(name, "Huffman table");
}

// A marker segment: FF, marker, 2-byte length, payload.
Bytes segment(uint8_t marker, const Bytes& payload) {
    Bytes f = {0xFF, marker, static_cast<uint8_t>((payload.size() + 2) >> 8), static_cast<uint8_t>((payload.size() + 2) & 0xFF)};
    for (uint8_t b : payload) f.push_back(b);  // (insert() of an empty payload trips GCC 12's -Wstringop-overread)
    return f;
}

// SOI, a DHT segment defining the tables with these Tc/Th bytes, SOFn with one component, one SOS
// naming tables td/ta with spectral start ss and Ah ah, some scan bytes, EOI.
Bytes scan_stream(const Bytes& tableIds, uint8_t sof, uint8_t td, uint8_t ta, uint8_t ss = 0, uint8_t ah = 0) {
    Bytes tables;
    for (uint8_t id : tableIds) {
        Bytes t = table({0, 1}, 1);
        t[0] = id;
        tables.insert(tables.end(), t.begin(), t.end());
    }
    Bytes f = {0xFF, 0xD8};
    for (const Bytes& part : {segment(0xC4, tables), segment(sof, {8, 0, 8, 0, 8, 1, 1, 0x11, 0}),
                              segment(0xDA, {1, 1, static_cast<uint8_t>(td << 4 | ta), ss, 63, static_cast<uint8_t>(ah << 4)})})
        f.insert(f.end(), part.begin(), part.end());
    f.insert(f.end(), {0x12, 0x34, 0xFF, 0xD9});
    return f;
}

TEST(JpegMarkers, ABaselineScanNeedsBothOfItsTablesDefined) {
    EXPECT_EQ(cccd::io::check_jpeg_huffman_tables(scan_stream({0x00, 0x10}, 0xC0, 0, 0)), "");
    EXPECT_EQ(cccd::io::check_jpeg_huffman_tables(scan_stream({0x01, 0x13}, 0xC1, 1, 3)), "");
    EXPECT_NE(cccd::io::check_jpeg_huffman_tables(scan_stream({0x00}, 0xC0, 0, 0)).find("AC Huffman table 0"),
              std::string::npos);
    EXPECT_NE(cccd::io::check_jpeg_huffman_tables(scan_stream({0x10, 0x11}, 0xC0, 1, 1)).find("DC Huffman table 1"),
              std::string::npos);
}

TEST(JpegMarkers, ScansOfFramesStbCannotDecodeAreLeftToIt) {
    // An arithmetic-coded frame (SOF9) has no DHT segments; stb_image stops at it with its own message.
    EXPECT_EQ(cccd::io::check_jpeg_huffman_tables(scan_stream({}, 0xC9, 0, 0)), "");
}

TEST(JpegMarkers, AProgressiveScanNeedsOnlyTheTableItDecodesWith) {
    // G.1.2: a first DC scan uses the DC table, a DC refinement none, an AC scan the AC table.
    EXPECT_EQ(cccd::io::check_jpeg_huffman_tables(scan_stream({0x00}, 0xC2, 0, 3, 0, 0)), "");
    EXPECT_NE(cccd::io::check_jpeg_huffman_tables(scan_stream({0x10}, 0xC2, 0, 0, 0, 0)).find("DC Huffman table 0"),
              std::string::npos);
    EXPECT_EQ(cccd::io::check_jpeg_huffman_tables(scan_stream({}, 0xC2, 2, 2, 0, 1)), "");
    EXPECT_EQ(cccd::io::check_jpeg_huffman_tables(scan_stream({0x12}, 0xC2, 3, 2, 1, 0)), "");
    EXPECT_NE(cccd::io::check_jpeg_huffman_tables(scan_stream({0x02}, 0xC2, 2, 2, 1, 0)).find("AC Huffman table 2"),
              std::string::npos);
}

// image_decode_fuzz's fifth finding: the scan names AC table 0, which no DHT segment defines; stb_image
// 2.27 decoded with the uncleared memory where that table would be and read past its 256 values.
TEST(JpegMarkers, UndefinedTableFindingIsRefusedByTheLoader) {
    testsupport::expect_finding_refused("stb-jpeg-undefined-table.jpg", "AC Huffman table 0, which no DHT segment defines");
}

}  // namespace
