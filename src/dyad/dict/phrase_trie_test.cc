#include "dyad/dict/phrase_trie.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dyad::dict {
namespace {

using Words = std::vector<std::string>;

TEST(PhraseTrie, FindsExactPhrases) {
  PhraseTrie trie;
  EXPECT_EQ(trie.insert(Words{"RUSSIAN"}, 1), PhraseTrie::kNone);
  EXPECT_EQ(trie.insert(Words{"RUSSIAN", "FOREIGN", "MINISTER"}, 2), PhraseTrie::kNone);
  EXPECT_EQ(trie.size(), 2u);
  EXPECT_EQ(trie.find(Words{"RUSSIAN"}), 1u);
  EXPECT_EQ(trie.find(Words{"RUSSIAN", "FOREIGN", "MINISTER"}), 2u);
  EXPECT_EQ(trie.find(Words{"RUSSIAN", "FOREIGN"}), PhraseTrie::kNone);  // a prefix only
  EXPECT_EQ(trie.find(Words{"UNKNOWN"}), PhraseTrie::kNone);
  EXPECT_EQ(trie.find(Words{}), PhraseTrie::kNone);
}

TEST(PhraseTrie, KeepsFirstValueOnDuplicate) {
  PhraseTrie trie;
  trie.insert(Words{"A", "B"}, 7);
  EXPECT_EQ(trie.insert(Words{"A", "B"}, 8), 7u);
  EXPECT_EQ(trie.find(Words{"A", "B"}), 7u);
  trie.set(Words{"A", "B"}, 9);
  EXPECT_EQ(trie.find(Words{"A", "B"}), 9u);
  trie.set(Words{"A"}, 3);  // absent: no-op
  EXPECT_EQ(trie.find(Words{"A"}), PhraseTrie::kNone);
  EXPECT_EQ(trie.size(), 1u);
  EXPECT_EQ(trie.insert(Words{}, 1), PhraseTrie::kNone);
  EXPECT_EQ(trie.size(), 1u);
}

TEST(PhraseTrie, LongestMatchFromAnIndex) {
  PhraseTrie trie;
  trie.insert(Words{"RUSSIAN"}, 1);
  trie.insert(Words{"RUSSIAN", "FOREIGN", "MINISTER"}, 2);
  trie.insert(Words{"FOREIGN", "MINISTER"}, 3);
  trie.insert(Words{"SERGEY", "LAVROV"}, 4);
  trie.insert(Words{"SERGEY", "LAVROV", "SAID", "NOTHING"}, 5);
  std::vector<std::string_view> t{"RUSSIAN", "FOREIGN", "MINISTER", "SERGEY", "LAVROV", "SAID"};
  auto m = trie.longest_match(t, 0);
  EXPECT_EQ(m.length, 3u);
  EXPECT_EQ(m.value, 2u);
  m = trie.longest_match(t, 1);
  EXPECT_EQ(m.length, 2u);
  EXPECT_EQ(m.value, 3u);
  EXPECT_FALSE(trie.longest_match(t, 2));
  m = trie.longest_match(t, 3);  // the longer phrase runs past the end: falls back
  EXPECT_EQ(m.length, 2u);
  EXPECT_EQ(m.value, 4u);
  EXPECT_FALSE(trie.longest_match(t, 6));  // start at the end
  EXPECT_FALSE(trie.longest_match(t, 99));
  std::vector<std::string_view> partial{"RUSSIAN", "FOREIGN", "OFFICE"};
  m = trie.longest_match(partial, 0);  // the walk goes past a match, then fails
  EXPECT_EQ(m.length, 1u);
  EXPECT_EQ(m.value, 1u);
  Words owned{"SERGEY", "LAVROV", "SAID", "NOTHING"};
  m = trie.longest_match(owned, 0);
  EXPECT_EQ(m.length, 4u);
  EXPECT_EQ(m.value, 5u);
}

TEST(PhraseTrie, IsCaseSensitiveOnNormalisedInput) {
  PhraseTrie trie;
  trie.insert(Words{"UN"}, 1);
  std::vector<std::string_view> t{"un"};
  EXPECT_FALSE(trie.longest_match(t, 0));
}

}  // namespace
}  // namespace dyad::dict
