#pragma once

// Articles reported many times (issue #7): near-duplicate articles — syndicated wire
// copies, re-posts with another headline, byline or an added sentence — found with word
// shingles and MinHash, so that their events are counted once.
//
// Text. The article body (Article::body, the front end's cleaned spans; the whole text
// when the front end has not run) without its headline, split into words on anything
// that is not a letter or digit (bytes >= 0x80 count as letters), ASCII lower-cased.
// Shingles are runs of `shingle_words` (5) consecutive words; an article shorter than
// that has one shingle, all its words; an article without words has none and is never a
// duplicate nor matched.
//
// Signature. 128 MinHash values: each shingle is hashed with FNV-1a 64 and splitmix64,
// then with 128 multiply-shift hashes whose constants come from fixed seeds (splitmix64
// of 1..128), so signatures are the same on every run and machine. The share of equal values estimates the
// Jaccard similarity of two articles' shingle sets. Candidates come from LSH: 32 bands of 4 values; an
// article sharing a band with an earlier one is compared on the whole signature.
//
// Decision. An article whose estimate with an earlier article is >= `threshold` (0.8)
// is a duplicate of the earliest such article that is not itself a duplicate (so a copy
// of a copy points at the original). Copies of one wire story with a different
// headline, byline, dateline or one or two sentences added or cut score 0.8-1.0; two
// stories on the same topic share few 5-word runs and score well under 0.3.
//
// Memory. Signatures of the last `max_articles` (50,000) originals are kept (512 bytes
// each, with the id and the band index about 1 KB: some 50 MB at the limit); older ones
// are forgotten in input order, so a copy read more than that many articles after its original is not
// found. Detection is within one run: articles in different shards (--shard) are not
// compared.

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/core/article.h"

namespace dyad::doc {

struct NearDuplicateOptions {
  double threshold = 0.8;       // Jaccard estimate at or above which an article is a copy
  size_t shingle_words = 5;     // words per shingle
  size_t max_articles = 50000;  // originals whose signatures are kept
};

inline constexpr size_t kMinHashes = 128;
inline constexpr size_t kMinHashBands = 32;  // of kMinHashes / kMinHashBands values each

using MinHashSignature = std::array<uint32_t, kMinHashes>;

// The normalised words of a text (see above).
std::vector<std::string> shingle_words(std::string_view text);
// The signature of an article's body (see above); false when it has no words.
bool minhash_signature(const Article& article, size_t shingle_words, MinHashSignature& out);
// The share of equal values: the Jaccard estimate.
double minhash_similarity(const MinHashSignature& a, const MinHashSignature& b);

class NearDuplicateDetector {
 public:
  explicit NearDuplicateDetector(NearDuplicateOptions options = {});

  struct Match {
    std::string duplicate_of;  // "" when the article is an original
    double similarity = 0;     // the estimate with it
  };
  // Checks `article` against the articles seen before and remembers it when it is an
  // original. Call in input order (the answer depends on what came before).
  Match check(const Article& article);

  size_t remembered() const { return kept_.size(); }

 private:
  struct Kept {
    std::string id;
    MinHashSignature signature;
  };
  void forget_oldest();

  NearDuplicateOptions options_;
  uint64_t next_serial_ = 0, first_serial_ = 0;
  std::deque<Kept> kept_;  // serials first_serial_ .. next_serial_-1
  // band key -> serials of kept articles with it, oldest first
  std::unordered_map<uint64_t, std::vector<uint64_t>> buckets_;
};

}  // namespace dyad::doc
