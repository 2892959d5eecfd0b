// Tests for src/cccd/labelled_fields.cpp: "label: value" lines mapped to the card's seven fields.
#include "cccd/labelled_fields.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using cccd::card_field_of_label;
using cccd::read_labelled_lines;

enum { kId, kOldId, kName, kDob, kSex, kAddress, kIssue };

std::vector<std::string> codes(const std::vector<cccd::Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.field + ":" + p.code);
    return out;
}

TEST(CardFieldOfLabel, VietnameseLabelsWithAndWithoutDiacritics) {
    EXPECT_EQ(card_field_of_label("Số CCCD"), kId);
    EXPECT_EQ(card_field_of_label("SO CCCD"), kId);
    EXPECT_EQ(card_field_of_label("Số định danh cá nhân"), kId);
    EXPECT_EQ(card_field_of_label("Số CMND"), kOldId);
    EXPECT_EQ(card_field_of_label("so cmnd"), kOldId);
    EXPECT_EQ(card_field_of_label("Họ và tên"), kName);
    EXPECT_EQ(card_field_of_label("HỌ VÀ TÊN"), kName);
    EXPECT_EQ(card_field_of_label("Ho va ten"), kName);
    EXPECT_EQ(card_field_of_label("Họ, chữ đệm và tên khai sinh"), kName);
    EXPECT_EQ(card_field_of_label("Ngày sinh"), kDob);
    EXPECT_EQ(card_field_of_label("Ngày, tháng, năm sinh"), kDob);
    EXPECT_EQ(card_field_of_label("Giới tính"), kSex);
    EXPECT_EQ(card_field_of_label("gioi tinh"), kSex);
    EXPECT_EQ(card_field_of_label("Nơi thường trú"), kAddress);
    EXPECT_EQ(card_field_of_label("Nơi cư trú"), kAddress);
    EXPECT_EQ(card_field_of_label("Địa chỉ"), kAddress);
    EXPECT_EQ(card_field_of_label("Dia chi"), kAddress);
    EXPECT_EQ(card_field_of_label("Ngày cấp"), kIssue);
    EXPECT_EQ(card_field_of_label("NGAY CAP"), kIssue);
}

TEST(CardFieldOfLabel, EnglishLabels) {
    EXPECT_EQ(card_field_of_label("ID"), kId);
    EXPECT_EQ(card_field_of_label("Personal number"), kId);
    EXPECT_EQ(card_field_of_label("Citizen ID"), kId);
    EXPECT_EQ(card_field_of_label("Old ID"), kOldId);
    EXPECT_EQ(card_field_of_label("CMND"), kOldId);
    EXPECT_EQ(card_field_of_label("Name"), kName);
    EXPECT_EQ(card_field_of_label("Full name"), kName);
    EXPECT_EQ(card_field_of_label("Date of birth"), kDob);
    EXPECT_EQ(card_field_of_label("DOB"), kDob);
    EXPECT_EQ(card_field_of_label("Sex"), kSex);
    EXPECT_EQ(card_field_of_label("Gender"), kSex);
    EXPECT_EQ(card_field_of_label("Address"), kAddress);
    EXPECT_EQ(card_field_of_label("Permanent address"), kAddress);
    EXPECT_EQ(card_field_of_label("Place of residence"), kAddress);
    EXPECT_EQ(card_field_of_label("Date of issue"), kIssue);
    EXPECT_EQ(card_field_of_label("Issue date"), kIssue);
}

TEST(CardFieldOfLabel, SpacingAndPunctuationDoNotMatter) {
    EXPECT_EQ(card_field_of_label("  Full   name "), kName);
    EXPECT_EQ(card_field_of_label("D.O.B."), kDob);
    EXPECT_EQ(card_field_of_label("Ngày cấp."), kIssue);
    EXPECT_EQ(card_field_of_label("Số / No."), kId);
    EXPECT_EQ(card_field_of_label("Date-of-birth"), kDob);
}

TEST(CardFieldOfLabel, BilingualLabelsMatchTheirFirstKnownPart) {
    EXPECT_EQ(card_field_of_label("Họ và tên / Full name"), kName);
    EXPECT_EQ(card_field_of_label("Giới tính / Sex"), kSex);
    EXPECT_EQ(card_field_of_label("Ngày, tháng, năm sinh / Date of birth"), kDob);
    EXPECT_EQ(card_field_of_label("Số CCCD/CMND"), kId);
}

TEST(CardFieldOfLabel, LabelsNotInTheQrCode) {
    EXPECT_EQ(card_field_of_label("Quê quán"), -1);
    EXPECT_EQ(card_field_of_label("Quốc tịch / Nationality"), -1);
    EXPECT_EQ(card_field_of_label("Có giá trị đến"), -1);
    EXPECT_EQ(card_field_of_label(""), -1);
}

TEST(ReadLabelledLines, AnyOrderMissingLabelsEmpty) {
    const auto r = read_labelled_lines({"Ngày sinh: 01/02/1999", "Họ và tên: Nguyễn Văn A", "Số CCCD: 001099012345"});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->fields, (std::vector<std::string>{"001099012345", "", "Nguyễn Văn A", "01/02/1999", "", "", ""}));
    EXPECT_TRUE(r->warnings.empty());
    EXPECT_TRUE(r->errors.empty());
}

TEST(ReadLabelledLines, ValueIsEverythingAfterTheFirstColon) {
    const auto r = read_labelled_lines({"Họ và tên: A", "Địa chỉ: Tổ 5: Khu phố 3; Phường X, Hà Nội  "});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->fields[kAddress], "Tổ 5: Khu phố 3; Phường X, Hà Nội");
}

TEST(ReadLabelledLines, FullwidthColonAndTabColumns) {
    const auto r = read_labelled_lines({"Họ và tên：Nguyễn Văn A", "Số CCCD\t001099012345", "Giới tính :  Nữ"});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->fields[kName], "Nguyễn Văn A");
    EXPECT_EQ(r->fields[kId], "001099012345");
    EXPECT_EQ(r->fields[kSex], "Nữ");
}

TEST(ReadLabelledLines, FewerThanTwoKnownLabelsIsNotLabelled) {
    EXPECT_FALSE(read_labelled_lines({"001099012345", "Tên: A", "Nam"}));
    EXPECT_FALSE(read_labelled_lines({"Quê quán: Hà Nội", "Quốc tịch: Việt Nam"}));
    EXPECT_FALSE(read_labelled_lines({}));
}

// Nothing is dropped without a word: unknown labels and unlabelled lines are named in warnings.
TEST(ReadLabelledLines, UnknownLabelsAndUnlabelledLinesWarn) {
    const auto r = read_labelled_lines(
        {"THÔNG TIN CÔNG DÂN", "Số CCCD: 001099012345", "", "Quê quán: Hà Nội", "Họ và tên: A"});
    ASSERT_TRUE(r);
    EXPECT_EQ(codes(r->warnings), (std::vector<std::string>{"payload:unlabelled-line", "payload:unknown-label"}));
    EXPECT_NE(r->warnings[0].message.find("THÔNG TIN CÔNG DÂN"), std::string::npos);
    EXPECT_NE(r->warnings[1].message.find("\"Quê quán\""), std::string::npos);
    EXPECT_NE(r->warnings[1].message.find("\"Hà Nội\""), std::string::npos);
    EXPECT_TRUE(r->errors.empty());
}

TEST(ReadLabelledLines, TheSameValueTwiceIsFine) {
    const auto r = read_labelled_lines({"Họ và tên: A", "Name: A", "ID: 1", "Số CCCD:", "Số CCCD: 1"});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->fields[kName], "A");
    EXPECT_EQ(r->fields[kId], "1");
    EXPECT_TRUE(r->errors.empty());
    EXPECT_TRUE(r->warnings.empty());
}

TEST(ReadLabelledLines, TwoValuesForOneFieldIsAnError) {
    const auto r = read_labelled_lines({"Ngày sinh: 01/02/1999", "DOB: 02/01/1999", "Họ và tên: A"});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->fields[kDob], "01/02/1999");
    EXPECT_EQ(codes(r->errors), std::vector<std::string>{"dateOfBirth:label-conflict"});
    EXPECT_NE(r->errors[0].message.find("\"02/01/1999\""), std::string::npos);
}

}  // namespace
