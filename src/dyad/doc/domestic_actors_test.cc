#include "dyad/doc/domestic_actors.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad::doc {
namespace {

Mention mention(std::vector<std::string> codes) {
  Mention m;
  m.codes = std::move(codes);
  return m;
}

Event event(const std::string& source, const std::string& target, uint32_t sentence = 0) {
  Event e;
  e.sentence_index = sentence;
  e.source.code = source;
  e.target.code = target;
  e.code = "120";
  return e;
}

TEST(DomesticActors, CountryOfCode) {
  EXPECT_EQ(country_of_code("RUSGOV"), "RUS");
  EXPECT_EQ(country_of_code("CIV"), "CIV");
  EXPECT_EQ(country_of_code("SCGSRB"), "SRB");  // a former federation's member
  for (const char* none : {"---", "---GOV", "IGOUNO", "NGOHLH", "EUR", "AFRREB", "\"RIVERSIDE\"", "", "GOV"})
    EXPECT_EQ(country_of_code(none), "") << none;
}

// "Rebels in the Ivory Coast dismissed an appeal from the president": the sentence names
// one country, so the president is that country's.
TEST(DomesticActors, TheOneCountryOfTheSentence) {
  std::vector<std::vector<Mention>> mentions = {{mention({"CIVREB"}), mention({"---GOV"})}};
  std::vector<Event> events = {event("CIVREB", "---GOV")};
  assign_domestic_countries(mentions, events);
  EXPECT_EQ(events[0].target.code, "CIVGOV");
  EXPECT_EQ(events[0].source.code, "CIVREB");
}

TEST(DomesticActors, SeveralCountriesLeaveTheSideUnknown) {
  std::vector<std::vector<Mention>> mentions = {{mention({"RUS"}), mention({"UKRGOV"}), mention({"---GOV"})}};
  std::vector<Event> events = {event("---GOV", "UKRGOV")};
  assign_domestic_countries(mentions, events);
  EXPECT_EQ(events[0].source.code, "---GOV");
  // Alternatives and compounds count each country they name.
  mentions = {{mention({"SRB/MNE"}), mention({"---REB"})}};
  events = {event("---REB", "SRB")};
  assign_domestic_countries(mentions, events);
  EXPECT_EQ(events[0].source.code, "---REB");
}

TEST(DomesticActors, OrganisationsAndRegionsAreNotCountries) {
  std::vector<std::vector<Mention>> mentions = {{mention({"IGOUNO"}), mention({"EUR"}), mention({"SDNGOV"})},
                                                {mention({"IGOUNO"})}};
  std::vector<Event> events = {event("---REB", "SDNGOV"), event("---GOV", "IGOUNO", 1)};
  assign_domestic_countries(mentions, events);
  EXPECT_EQ(events[0].source.code, "SDNREB");
  EXPECT_EQ(events[1].source.code, "---GOV");  // the second sentence names no country
}

TEST(DomesticActors, ThePlaceWhenTheSentenceNamesNoCountry) {
  std::vector<std::vector<Mention>> mentions = {{mention({"---GOV"}), mention({"---OPP"})}};
  std::vector<Event> events = {event("---GOV", "---OPP")};
  events[0].place.name = "Abidjan";
  events[0].place.country = "CIV";
  assign_domestic_countries(mentions, events);
  EXPECT_EQ(events[0].source.code, "CIVGOV");
  EXPECT_EQ(events[0].target.code, "CIVOPP");
}

TEST(DomesticActors, TheArticlesCountryWhenTheSentenceNamesNone) {
  // Zimbabwe named three times against one South Africa: "the opposition" of a sentence
  // naming no country is Zimbabwe's.
  std::vector<std::vector<Mention>> mentions = {{mention({"ZWEGOV"}), mention({"ZAF"})},
                                                {mention({"ZWE"})},
                                                {mention({"ZWEELI"}), mention({"---OPP"})},
                                                {mention({"---GOV"}), mention({"---OPP"})}};
  std::vector<Event> events = {event("---GOV", "---OPP", 3)};
  assign_domestic_countries(mentions, events);
  EXPECT_EQ(events[0].source.code, "ZWEGOV");
  EXPECT_EQ(events[0].target.code, "ZWEOPP");
  // No majority (two and two): nothing.
  mentions[1] = {mention({"ZWE"}), mention({"ZAFGOV"})};
  mentions[2] = {mention({"---OPP"})};
  events = {event("---GOV", "---OPP", 3)};
  assign_domestic_countries(mentions, events);
  EXPECT_EQ(events[0].source.code, "---GOV");
}

// Local agents take the country of the place the sentence puts them at before anything
// else: "protesters rallied in Minsk against Russia" are BLROPP, not RUSOPP.
TEST(DomesticActors, LocalAgentsTakeTheirLocativePlacesCountryFirst) {
  std::vector<std::vector<Mention>> mentions = {{mention({"---OPP"}), mention({"RUS"})}};
  std::vector<Event> events = {event("---OPP", "RUS"), event("---OPP", "RUS")};
  for (Event& e : events) {
    e.place.name = "Minsk";
    e.place.country = "BLR";
  }
  events[0].place.locative = true;
  assign_domestic_countries(mentions, events);
  EXPECT_EQ(events[0].source.code, "BLROPP");
  EXPECT_EQ(events[1].source.code, "RUSOPP");  // a place only named: the sentence's country
}

TEST(DomesticActors, NeverTheSameActorOnBothSides) {
  // "The president welcomed South Africa's president": not ZAFGOV -> ZAFGOV.
  std::vector<std::vector<Mention>> mentions = {{mention({"---GOV"}), mention({"ZAFGOV"})}};
  std::vector<Event> events = {event("---GOV", "ZAFGOV")};
  assign_domestic_countries(mentions, events);
  EXPECT_EQ(events[0].source.code, "---GOV");
}

TEST(DomesticActors, OnlyAgentAloneCodesChange) {
  std::vector<std::vector<Mention>> mentions = {{mention({"RUS"})}};
  std::vector<Event> events = {event("---", "RUS"), event("\"LOCAL FARMERS\"", "RUS"),
                               event("IGOUNO", "RUS")};
  assign_domestic_countries(mentions, events);
  EXPECT_EQ(events[0].source.code, "---");
  EXPECT_EQ(events[1].source.code, "\"LOCAL FARMERS\"");
  EXPECT_EQ(events[2].source.code, "IGOUNO");
  // A sentence index past the mentions (no coded sentence) is left alone.
  std::vector<Event> late = {event("---GOV", "RUS", 5)};
  assign_domestic_countries(mentions, late);
  EXPECT_EQ(late[0].source.code, "---GOV");
}

}  // namespace
}  // namespace dyad::doc
