#include "dyad/doc/near_duplicates.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::doc {
namespace {

Article article(std::string id, std::string title, std::string text) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.text = std::move(text);
  return a;
}

// A wire story as the agency sent it (written for this test).
const std::string kWire =
    "GENEVA (Wire) - The foreign ministers of Russia and the United States met in Geneva on "
    "Friday for a third round of talks on a ceasefire in Syria, but left without agreeing on "
    "how aid convoys would reach the besieged eastern districts of Aleppo.\n\n"
    "Russian Foreign Minister Sergey Lavrov told reporters after the six-hour meeting that "
    "Moscow was ready to guarantee safe passage for the convoys if Washington could separate "
    "the rebel groups it backs from fighters linked to al Qaeda. Secretary of State John Kerry "
    "said the two sides had narrowed their differences on the monitoring of the truce, but "
    "that several technical questions were still open and that experts would meet again "
    "next week.\n\n"
    "The United Nations special envoy for Syria said about 250,000 people remained trapped in "
    "the eastern part of the city, where food and fuel were running out and the last working "
    "hospital had been damaged by an air strike on Wednesday. Aid agencies have warned that "
    "the city's water supply could fail within days if the fighting does not stop.\n\n"
    "Turkey, which supports some of the rebel groups, welcomed the talks and called on both "
    "powers to put pressure on the parties on the ground. Iran, an ally of the Syrian "
    "government, accused Western countries of prolonging the war by arming the opposition.\n\n"
    "Diplomats said a new ceasefire could be announced as early as next week if the experts "
    "settle the remaining questions, though two earlier truces this year collapsed within "
    "days amid mutual accusations of violations.";

// The same story re-posted by a newspaper: its own headline and byline, the dateline
// dropped, one sentence of its own added at the end.
const std::string kRepost =
    "By Maria Keller, Staff Writer\n\n"
    "The foreign ministers of Russia and the United States met in Geneva on "
    "Friday for a third round of talks on a ceasefire in Syria, but left without agreeing on "
    "how aid convoys would reach the besieged eastern districts of Aleppo.\n\n"
    "Russian Foreign Minister Sergey Lavrov told reporters after the six-hour meeting that "
    "Moscow was ready to guarantee safe passage for the convoys if Washington could separate "
    "the rebel groups it backs from fighters linked to al Qaeda. Secretary of State John Kerry "
    "said the two sides had narrowed their differences on the monitoring of the truce, but "
    "that several technical questions were still open and that experts would meet again "
    "next week.\n\n"
    "The United Nations special envoy for Syria said about 250,000 people remained trapped in "
    "the eastern part of the city, where food and fuel were running out and the last working "
    "hospital had been damaged by an air strike on Wednesday. Aid agencies have warned that "
    "the city's water supply could fail within days if the fighting does not stop.\n\n"
    "Turkey, which supports some of the rebel groups, welcomed the talks and called on both "
    "powers to put pressure on the parties on the ground. Iran, an ally of the Syrian "
    "government, accused Western countries of prolonging the war by arming the opposition.\n\n"
    "Diplomats said a new ceasefire could be announced as early as next week if the experts "
    "settle the remaining questions, though two earlier truces this year collapsed within "
    "days amid mutual accusations of violations. Local aid groups in the city said they had "
    "not been told when the next convoy would leave.";

// Another outlet's own story on the same meeting: same names, places and topic, its own
// words.
const std::string kOtherStory =
    "GENEVA - Talks between Russia and the United States on a Syrian ceasefire ended on Friday "
    "with no deal on aid for Aleppo, where a quarter of a million people are cut off.\n\n"
    "Sergey Lavrov, Russia's foreign minister, blamed Washington for failing to distance the "
    "rebels it supports from al Qaeda's Syrian affiliate, a condition Moscow has set for months. "
    "John Kerry, the US secretary of state, was more upbeat, telling journalists that progress "
    "had been made on how a truce would be monitored.\n\n"
    "In Aleppo, residents described queues for bread and rationed fuel. A doctor at the last "
    "functioning hospital in the east of the city said it had been hit on Wednesday and was "
    "treating patients in its basement. The UN envoy urged both sides to allow convoys in "
    "without conditions.\n\n"
    "Ankara praised the meeting while Tehran criticised the West for arming Syrian rebels. "
    "Experts from both delegations are due to meet again next week in Geneva.";

TEST(NearDuplicates, WordsAreLowerCasedAndSplitOnPunctuation) {
  EXPECT_EQ(shingle_words("GENEVA (Wire) - It's 250,000."),
            (std::vector<std::string>{"geneva", "wire", "it", "s", "250", "000"}));
}

TEST(NearDuplicates, RepostWithOtherHeadlineBylineAndSentenceIsADuplicate) {
  MinHashSignature a, b;
  ASSERT_TRUE(minhash_signature(article("w", "Russia, US fail to agree on Aleppo aid", kWire), 5, a));
  ASSERT_TRUE(minhash_signature(article("r", "No deal in Geneva", kRepost), 5, b));
  EXPECT_GE(minhash_similarity(a, b), 0.8);

  NearDuplicateDetector detector;
  EXPECT_EQ(detector.check(article("wire-1", "Russia, US fail to agree on Aleppo aid", kWire)).duplicate_of,
            "");
  const NearDuplicateDetector::Match match = detector.check(article("paper-7", "No deal in Geneva", kRepost));
  EXPECT_EQ(match.duplicate_of, "wire-1");
  EXPECT_GE(match.similarity, 0.8);
  EXPECT_EQ(detector.remembered(), 1u);  // copies are not remembered
}

TEST(NearDuplicates, AnotherStoryOnTheSameTopicIsNot) {
  MinHashSignature a, b;
  ASSERT_TRUE(minhash_signature(article("w", "", kWire), 5, a));
  ASSERT_TRUE(minhash_signature(article("o", "", kOtherStory), 5, b));
  EXPECT_LT(minhash_similarity(a, b), 0.3);

  NearDuplicateDetector detector;
  detector.check(article("wire-1", "", kWire));
  EXPECT_EQ(detector.check(article("other-1", "Aleppo aid talks fail", kOtherStory)).duplicate_of, "");
  EXPECT_EQ(detector.remembered(), 2u);
}

TEST(NearDuplicates, ACopyOfACopyPointsAtTheOriginal) {
  NearDuplicateDetector detector;
  detector.check(article("wire-1", "", kWire));
  detector.check(article("other-1", "", kOtherStory));
  EXPECT_EQ(detector.check(article("paper-7", "", kRepost)).duplicate_of, "wire-1");
  EXPECT_EQ(detector.check(article("paper-9", "", kRepost)).duplicate_of, "wire-1");
  EXPECT_EQ(detector.check(article("paper-8", "", kWire)).duplicate_of, "wire-1");
}

TEST(NearDuplicates, OnlyTheBodySpansAreCompared) {
  // The front end's body leaves the boilerplate out: a page wrapper around the story.
  Article wrapped =
      article("page-3", "", "Subscribe now! Sign in. Share this story.\n" + kWire + "\nRelated: more news");
  const size_t begin = wrapped.text.find("GENEVA");
  wrapped.body.push_back(Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + kWire.size())});
  MinHashSignature a, b;
  ASSERT_TRUE(minhash_signature(article("wire-1", "", kWire), 5, a));
  ASSERT_TRUE(minhash_signature(wrapped, 5, b));
  EXPECT_EQ(minhash_similarity(a, b), 1.0);
}

TEST(NearDuplicates, SignaturesAreFixedAndEmptyTextsNeverMatch) {
  MinHashSignature a, b;
  ASSERT_TRUE(minhash_signature(article("x", "", "Short text."), 5, a));  // fewer words than a shingle
  ASSERT_TRUE(minhash_signature(article("y", "", "short  TEXT"), 5, b));
  EXPECT_EQ(a, b);
  EXPECT_FALSE(minhash_signature(article("z", "", " -- "), 5, a));
  NearDuplicateDetector detector;
  EXPECT_EQ(detector.check(article("e1", "", "")).duplicate_of, "");
  EXPECT_EQ(detector.check(article("e2", "", "")).duplicate_of, "");
}

TEST(NearDuplicates, MemoryIsBoundedByMaxArticles) {
  NearDuplicateOptions options;
  options.max_articles = 1;
  NearDuplicateDetector detector(options);
  detector.check(article("wire-1", "", kWire));
  detector.check(article("other-1", "", kOtherStory));  // wire-1 forgotten
  EXPECT_EQ(detector.remembered(), 1u);
  EXPECT_EQ(detector.check(article("paper-7", "", kRepost)).duplicate_of, "");
  EXPECT_EQ(detector.check(article("paper-8", "", kWire)).duplicate_of, "paper-7");
}

}  // namespace
}  // namespace dyad::doc
