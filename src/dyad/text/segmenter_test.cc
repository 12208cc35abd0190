#include "dyad/text/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad::text {
namespace {

std::vector<Sentence> run(std::string_view text) {
  return segment(text, {Span{0, static_cast<uint32_t>(text.size())}});
}

// Tokens of all sentences, sentences separated by " || ".
std::string tokens(std::string_view text) {
  std::string out;
  for (const Sentence& s : run(text)) {
    if (!out.empty()) out += " || ";
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      if (i) out += ' ';
      out += s.tokens[i].span.of(text);
    }
  }
  return out;
}

// Normalised word forms of all sentences.
std::string words(std::string_view text) {
  std::string out;
  for (const Sentence& s : run(text)) {
    if (!out.empty()) out += " || ";
    for (size_t i = 0; i < s.words.size(); ++i) {
      if (i) out += ' ';
      out += s.words[i].form;
    }
  }
  return out;
}

TEST(Segmenter, OffsetsSpaceAfterAndSentenceSpans) {
  std::string_view text = "  Russia's army didn't move. Kiev said so.";
  std::vector<Sentence> s = run(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_TRUE(s[0].starts_paragraph);
  EXPECT_FALSE(s[1].starts_paragraph);
  EXPECT_EQ(s[0].span, (Span{2, 28}));
  EXPECT_EQ(s[1].span, (Span{29, 42}));
  ASSERT_EQ(s[0].tokens.size(), 5u);
  const Token& russias = s[0].tokens[0];
  EXPECT_EQ(russias.span, (Span{2, 10}));
  EXPECT_TRUE(russias.is_multiword());
  EXPECT_TRUE(russias.space_after);
  EXPECT_EQ(s[0].words[0].span, (Span{2, 8}));
  EXPECT_EQ(s[0].words[1].span, (Span{8, 10}));
  EXPECT_EQ(s[0].words[1].form, "'s");
  EXPECT_EQ(s[0].words[1].token, 0u);
  const Token& move = s[0].tokens[3];
  EXPECT_EQ(move.span.of(text), "move");
  EXPECT_FALSE(move.space_after);  // "move."
  EXPECT_EQ(move.first_word, 5u);  // Russia 's army did n't move
  EXPECT_EQ(s[0].words[3].form, "did");
  EXPECT_EQ(s[0].words[4].form, "n't");
  EXPECT_EQ(s[0].words[4].token, 2u);
}

TEST(Segmenter, Contractions) {
  EXPECT_EQ(words("We can't and won't, but I'm sure they'll. You cannot."),
            "We ca n't and wo n't , but I 'm sure they 'll . || You can not .");
  EXPECT_EQ(words("They've said we'd go, it's gonna rain"), "They 've said we 'd go , it 's gon na rain");
  EXPECT_EQ(tokens("The protesters' demands"), "The protesters' demands");
  EXPECT_EQ(words("The protesters' demands"), "The protesters ' demands");
  EXPECT_EQ(words("O'Neill's rock 'n' roll in the 1980's"), "O'Neill 's rock ' n ' roll in the 1980's");
}

TEST(Segmenter, AbbreviationsInitialsAndDecimals) {
  EXPECT_EQ(tokens("Sergey V. Lavrov met Mr. Kerry and Gen. Joseph Dunford in the U.S. on Sept. 5 at 3 p.m. "
                   "The talks lasted 3.5 hours."),
            // sentence-final "p.m." gives its period to the sentence, as in EWT
            "Sergey V. Lavrov met Mr. Kerry and Gen. Joseph Dunford in the U.S. on Sept. 5 at 3 p.m . || "
            "The talks lasted 3.5 hours .");
  EXPECT_EQ(tokens("Apple Inc. said sales rose 12% to $1,234.5 million, No. 1 in St. Louis."),
            "Apple Inc. said sales rose 12 % to $ 1,234.5 million , No. 1 in St. Louis .");
  // A sentence-final abbreviation gives its period to the sentence, as in EWT.
  EXPECT_EQ(tokens("They sell fruit, nuts, etc. Prices are high."),
            "They sell fruit , nuts , etc . || Prices are high .");
  EXPECT_EQ(tokens("He said no. Then he left."), "He said no . || Then he left .");
}

TEST(Segmenter, Hyphens) {
  EXPECT_EQ(tokens("A so-called search-engine e-mail from the pro-Russian, anti-war co-founder"),
            "A so - called search - engine e-mail from the pro-Russian , anti-war co-founder");
  EXPECT_EQ(tokens("Call 713-853-3989 on the 10-year-old's line"),
            "Call 713-853-3989 on the 10 - year - old's line");
}

TEST(Segmenter, NumbersTimesUrlsEmails) {
  EXPECT_EQ(tokens("At 10:30 on 9/11, 1,000 people visited http://www.un.org/news. Mail info@un.org."),
            "At 10:30 on 9/11 , 1,000 people visited http://www.un.org/news . || Mail info@un.org .");
  EXPECT_EQ(tokens("(see www.bbc.co.uk) at 5pm"), "( see www.bbc.co.uk ) at 5 pm");
}

TEST(Segmenter, PhoneNumbersDatesFractionsAndRanges) {
  EXPECT_EQ(tokens("Call 345-9945 or 1-800-991-9019 between 1969-1970 on 11/28/2000, not 2/3 of 9/11"),
            "Call 345-9945 or 1-800-991-9019 between 1969 - 1970 on 11/28/2000 , not 2 / 3 of 9/11");
  EXPECT_EQ(tokens("Write to kent.shoemaker@ae.ge.com (or \"info@un.org\")."),
            "Write to kent.shoemaker@ae.ge.com ( or \" info@un.org \" ) .");
  EXPECT_EQ(tokens("It cost $2.5b and $300m, or 40k each"), "It cost $ 2.5 b and $ 300 m , or 40 k each");
}

TEST(Segmenter, MisspeltContractions) {
  // "its" before a word that cannot follow a possessive is "it s" in EWT
  EXPECT_EQ(words("its not its fault"), "it s not its fault");
  EXPECT_EQ(words("I dont know, its a mess"), "I do nt know , it s a mess");
}

TEST(Segmenter, ListNumbersAndEmoticonsStayInTheSentence) {
  EXPECT_EQ(tokens("Two points. 1. The price is fixed. Thanks! :) See you."),
            "Two points . || 1 . The price is fixed . || Thanks ! :) || See you .");
  EXPECT_EQ(tokens("Is it true ? ? Yes"), "Is it true ? ? || Yes");
}

TEST(Segmenter, PunctuationRunsAndEmoticons) {
  EXPECT_EQ(tokens("Wait... what?!! Great :) -- really"), "Wait ... what ?!! || Great :) -- really");
}

TEST(Segmenter, QuotationsAndParentheses) {
  EXPECT_EQ(tokens("\"We will not retreat...\" he said. (The army agreed.) \"Why?\" asked Putin."),
            "\" We will not retreat ... \" he said . || ( The army agreed . ) || \" Why ? \" asked Putin .");
  EXPECT_EQ(tokens("He called it \"a disaster.\" Officials denied it."),
            "He called it \" a disaster . \" || Officials denied it .");
}

TEST(Segmenter, TypographicCharactersTokeniseLikeAscii) {
  std::string_view text = "\u201CWe don\u2019t know,\u201D she said \u2014 Russia\u2019s army\u2026";
  EXPECT_EQ(tokens(text), "\u201C We don\u2019t know , \u201D she said \u2014 Russia\u2019s army \u2026");
  EXPECT_EQ(words(text), "\" We do n't know , \" she said -- Russia 's army ...");
}

TEST(Segmenter, HeadlineWithoutPunctuationIsItsOwnSentence) {
  std::string_view text = "Magnitogorsk building collapses after explosion\nAn apartment building collapsed.";
  std::vector<Sentence> s = run(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].span.of(text), "Magnitogorsk building collapses after explosion");
  EXPECT_EQ(s[1].span.of(text), "An apartment building collapsed.");
}

TEST(Segmenter, RegionsAreParagraphs) {
  std::string text = "Troops Withdraw\n\nThe army left. It went home";
  std::vector<Sentence> s = segment(text, {Span{0, 15}, Span{17, static_cast<uint32_t>(text.size())}});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(s[0].starts_paragraph);
  EXPECT_EQ(s[0].span.of(text), "Troops Withdraw");
  EXPECT_TRUE(s[1].starts_paragraph);
  EXPECT_FALSE(s[2].starts_paragraph);
  EXPECT_EQ(s[2].span.of(text), "It went home");
  EXPECT_TRUE(segment(text, {}).empty());
  EXPECT_TRUE(segment("   \n ", {Span{0, 5}}).empty());
}

TEST(Segmenter, NonAsciiLettersStayInWords) {
  EXPECT_EQ(tokens("Z\u00FCrich's mayor, Corine Mauch, met Erdo\u011Fan in S\u00E3o Paulo."),
            "Z\u00FCrich's mayor , Corine Mauch , met Erdo\u011Fan in S\u00E3o Paulo .");
}

}  // namespace
}  // namespace dyad::text
