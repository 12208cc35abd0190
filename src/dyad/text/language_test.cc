#include "dyad/text/language.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace dyad::text {
namespace {

TEST(Language, AcceptsEnglishNews) {
  const auto g = guess_english(
      "An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural region of Russia. "
      "A suspected gas leak led to an explosion, followed by the ten-storey building coming down. A total "
      "of 39 are confirmed dead, officials told state media, adding that rescuers ended their work "
      "yesterday.");
  EXPECT_TRUE(g.english) << g.score;
  EXPECT_GT(g.score, 0.2);
  EXPECT_GT(g.words, 40u);
}

TEST(Language, AcceptsShortEnglishWithoutFunctionWords) {
  EXPECT_TRUE(guess_english("Arnor attacked Gondor.").english);
  EXPECT_TRUE(guess_english("Israeli troops killed two Palestinian militants on Tuesday.").english);
}

TEST(Language, RejectsFrench) {
  const auto g = guess_english(
      "Le président de la République a annoncé mardi une série de mesures pour soutenir les entreprises "
      "touchées par la crise. Selon le gouvernement, ces mesures devraient permettre de sauver des milliers "
      "d'emplois dans les régions les plus exposées, et le Premier ministre doit présenter le plan jeudi.");
  EXPECT_FALSE(g.english) << g.score;
}

TEST(Language, RejectsShortFrench) {
  EXPECT_FALSE(guess_english("Le président est arrivé à Paris pour les négociations.").english);
}

TEST(Language, RejectsGerman) {
  const auto g = guess_english(
      "Die Bundesregierung hat am Dienstag ein neues Gesetz beschlossen, das die Rechte der Mieter stärken "
      "soll. Nach Angaben des Ministeriums wird die Reform im kommenden Jahr in Kraft treten, und die "
      "Opposition kritisierte, dass sie nicht weit genug gehe.");
  EXPECT_FALSE(g.english) << g.score;
}

TEST(Language, RejectsSpanish) {
  const auto g = guess_english(
      "El presidente del Gobierno anunció el martes un paquete de medidas para apoyar a las empresas "
      "afectadas por la crisis. Según el ministerio, las medidas permitirán salvar miles de empleos en las "
      "regiones más expuestas y se aplicarán a partir del próximo mes.");
  EXPECT_FALSE(g.english) << g.score;
}

TEST(Language, RejectsRussian) {
  const auto g = guess_english(
      "Президент России Владимир Путин во вторник провёл переговоры с главой Белоруссии в Москве. "
      "Стороны обсудили вопросы экономического сотрудничества и ситуацию в регионе.");
  EXPECT_FALSE(g.english);
}

TEST(Language, RejectsBinaryGarbage) {
  std::mt19937 rng(42);
  std::string garbage;
  for (int i = 0; i < 4000; ++i) garbage.push_back(static_cast<char>(rng() & 0xFF));
  EXPECT_FALSE(guess_english(garbage).english);
  // The same after sanitising (U+FFFD everywhere).
  std::string replaced;
  for (int i = 0; i < 500; ++i) replaced += "\xEF\xBF\xBD" + std::string(1, static_cast<char>('a' + i % 26));
  EXPECT_FALSE(guess_english(replaced).english);
}

TEST(Language, RejectsEmptyAndPunctuation) {
  EXPECT_FALSE(guess_english("").english);
  EXPECT_FALSE(guess_english("  \n\t 123 456 -- !!! ").english);
}

TEST(Language, EnglishWithSomeForeignNamesStillEnglish) {
  const auto g = guess_english(
      "The mayor of Saint-Étienne, Gaël Perdriau, said on Friday that the city would not raise taxes. "
      "Die Linke leader Janine Wissler and Jean-Luc Mélenchon were also at the meeting in Brussels, where "
      "the two parties discussed their plans for the European elections with other left-wing groups.");
  EXPECT_TRUE(g.english) << g.score;
}

}  // namespace
}  // namespace dyad::text
