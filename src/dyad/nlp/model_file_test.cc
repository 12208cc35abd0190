#include "dyad/nlp/model_file.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>

#include <fstream>

#include "dyad/nlp/binary_io.h"

namespace dyad::nlp {
namespace {

class ModelFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("dyad_model_test_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string path_;
};

TEST_F(ModelFileTest, RoundTripsSections) {
  ModelFile model;
  model.sections["tagger"] = std::string("\x00\x01weights", 9);
  model.sections["parser"] = "transitions";
  model.write(path_);
  const ModelFile back = ModelFile::read(path_);
  EXPECT_EQ(back.sections, model.sections);
  EXPECT_EQ(back.checksum, model.checksum);
  EXPECT_NE(back.checksum, 0u);
}

TEST_F(ModelFileTest, CorruptByteIsRefusedWithChecksumMessage) {
  ModelFile model;
  model.sections["tagger"] = "some weights here";
  model.write(path_);
  {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(20);
    f.put('X');
  }
  try {
    ModelFile::read(path_);
    FAIL() << "a corrupt file was accepted";
  } catch (const ModelFormatError& e) {
    EXPECT_NE(std::string(e.what()).find("checksum mismatch"), std::string::npos) << e.what();
  }
}

TEST_F(ModelFileTest, MissingFileAndWrongMagicAreClearErrors) {
  try {
    ModelFile::read(path_);
    FAIL();
  } catch (const ModelFormatError& e) {
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
  }
  std::ofstream(path_) << "hello, this is not a model at all";
  try {
    ModelFile::read(path_);
    FAIL();
  } catch (const ModelFormatError& e) {
    EXPECT_NE(std::string(e.what()).find("not a Dyad model"), std::string::npos) << e.what();
  }
}

TEST_F(ModelFileTest, MissingSectionIsNamed) {
  ModelFile model;
  model.sections["tagger"] = "x";
  try {
    model.section("parser", "m.bin");
    FAIL();
  } catch (const ModelFormatError& e) {
    EXPECT_EQ(std::string(e.what()), "m.bin: the model has no 'parser' section");
  }
}

TEST(BinaryIo, TruncatedReadThrows) {
  BinaryWriter w;
  w.put<uint32_t>(7);
  w.put_string("lavrov");
  w.put_array(std::vector<float>{1.5f, -2.0f});
  BinaryReader r(w.bytes(), "test");
  EXPECT_EQ(r.get<uint32_t>(), 7u);
  EXPECT_EQ(r.get_string(), "lavrov");
  EXPECT_EQ(r.get_array<float>(), (std::vector<float>{1.5f, -2.0f}));
  EXPECT_TRUE(r.done());
  EXPECT_THROW(r.get<uint8_t>(), ModelFormatError);
}

}  // namespace
}  // namespace dyad::nlp
