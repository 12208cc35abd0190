#include "dyad/dict/actor_code.h"

#include <gtest/gtest.h>

namespace dyad::dict {
namespace {

TEST(ActorCode, CountryAndTypes) {
  const ActorCodeParts p = split_actor_country("RUSGOVMIL");
  EXPECT_EQ(p.country, "RUS");
  EXPECT_EQ(p.types, "GOVMIL");
  EXPECT_EQ(split_actor_country("IGOCOPITP").country, "IGO");
  EXPECT_EQ(split_actor_country("---GOV").country, "");
  EXPECT_EQ(split_actor_country("---GOV").types, "GOV");
  EXPECT_EQ(split_actor_country("\"NEW ACTOR\"").country, "");
  EXPECT_EQ(split_actor_country("US").country, "");
}

// Phoenix's Serbia entry: [YUGSRB <920427] [SCGSRB 920428-060605] [SRB >060605]; its
// Ukraine before 1992 is USRUKR.
TEST(ActorCode, FormerFederationCodesNameTheMember) {
  EXPECT_EQ(split_actor_country("SCGSRB").country, "SRB");
  EXPECT_EQ(split_actor_country("SCGSRBLEG").country, "SRB");
  EXPECT_EQ(split_actor_country("SCGSRBLEG").types, "LEG");
  EXPECT_EQ(split_actor_country("YUGBIH").country, "BIH");
  EXPECT_EQ(split_actor_country("USRUKRGOV").country, "UKR");
  // The federation itself, and a federation code followed by a type code.
  EXPECT_EQ(split_actor_country("SCG").country, "SCG");
  EXPECT_EQ(split_actor_country("USRGOV").country, "USR");
  EXPECT_EQ(split_actor_country("USRGOV").types, "GOV");
}

}  // namespace
}  // namespace dyad::dict
