#include "dyad/doc/near_duplicates.h"

#include <algorithm>
#include <limits>

namespace dyad::doc {
namespace {

constexpr size_t kRows = kMinHashes / kMinHashBands;
static_assert(kMinHashes % kMinHashBands == 0);

uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

const std::array<uint64_t, kMinHashes>& seeds() {
  static const std::array<uint64_t, kMinHashes> s = [] {
    std::array<uint64_t, kMinHashes> out{};
    for (size_t i = 0; i < kMinHashes; ++i) out[i] = splitmix64(i + 1);
    return out;
  }();
  return s;
}

uint64_t fnv1a(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}
constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;

bool word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

uint64_t band_key(const MinHashSignature& s, size_t band) {
  uint64_t h = splitmix64(band);
  for (size_t r = 0; r < kRows; ++r) h = splitmix64(h ^ s[band * kRows + r]);
  return h;
}

}  // namespace

std::vector<std::string> shingle_words(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !word_byte(static_cast<unsigned char>(text[i]))) ++i;
    std::string word;
    while (i < text.size() && word_byte(static_cast<unsigned char>(text[i]))) {
      char c = text[i++];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      word.push_back(c);
    }
    if (!word.empty()) words.push_back(std::move(word));
  }
  return words;
}

bool minhash_signature(const Article& article, size_t n, MinHashSignature& out) {
  std::vector<std::string> words;
  if (article.body.empty()) {
    words = shingle_words(article.text);
  } else {
    for (const Span& span : article.body) {
      if (span.begin > span.end || span.end > article.text.size()) continue;
      std::vector<std::string> part = shingle_words(span.of(article.text));
      for (std::string& w : part) words.push_back(std::move(w));
    }
  }
  if (words.empty()) return false;
  n = std::max<size_t>(1, n);
  const size_t count = words.size() >= n ? words.size() - n + 1 : 1;
  out.fill(std::numeric_limits<uint32_t>::max());
  const auto& seed = seeds();
  for (size_t i = 0; i < count; ++i) {
    uint64_t h = kFnvBasis;
    for (size_t k = i; k < std::min(words.size(), i + n); ++k) {
      h = fnv1a(h, words[k]);
      h = fnv1a(h, " ");
    }
    // Multiply-shift hashing (odd multipliers from the seeds): one multiply per value,
    // and the loop vectorises; a full mix per value made this a seventh of `dyad code
    // --speed fast`'s time.
    const uint64_t mixed = splitmix64(h);
    for (size_t j = 0; j < kMinHashes; ++j) {
      const uint32_t v = static_cast<uint32_t>(((seed[j] | 1) * mixed + (seed[j] >> 17)) >> 32);
      out[j] = std::min(out[j], v);
    }
  }
  return true;
}

double minhash_similarity(const MinHashSignature& a, const MinHashSignature& b) {
  size_t equal = 0;
  for (size_t i = 0; i < kMinHashes; ++i) equal += a[i] == b[i] ? 1 : 0;
  return double(equal) / double(kMinHashes);
}

NearDuplicateDetector::NearDuplicateDetector(NearDuplicateOptions options) : options_(options) {
  options_.max_articles = std::max<size_t>(1, options_.max_articles);
}

NearDuplicateDetector::Match NearDuplicateDetector::check(const Article& article) {
  Match match;
  Kept kept;
  if (!minhash_signature(article, options_.shingle_words, kept.signature)) return match;
  std::array<uint64_t, kMinHashBands> bands{};
  for (size_t b = 0; b < kMinHashBands; ++b) bands[b] = band_key(kept.signature, b);

  // The earliest kept article at or above the threshold.
  uint64_t best = std::numeric_limits<uint64_t>::max();
  for (uint64_t key : bands) {
    auto it = buckets_.find(key);
    if (it == buckets_.end()) continue;
    for (uint64_t serial : it->second) {
      if (serial >= best) break;  // oldest first: nothing earlier follows
      const double similarity = minhash_similarity(kept.signature, kept_[serial - first_serial_].signature);
      if (similarity >= options_.threshold) {
        best = serial;
        match.similarity = similarity;
        break;
      }
    }
  }
  if (best != std::numeric_limits<uint64_t>::max()) {
    match.duplicate_of = kept_[best - first_serial_].id;
    return match;
  }

  if (kept_.size() >= options_.max_articles) forget_oldest();
  const uint64_t serial = next_serial_++;
  for (uint64_t key : bands) {
    std::vector<uint64_t>& bucket = buckets_[key];
    if (bucket.empty() || bucket.back() != serial) bucket.push_back(serial);
  }
  kept.id = article.id;
  kept_.push_back(std::move(kept));
  return match;
}

void NearDuplicateDetector::forget_oldest() {
  const Kept& oldest = kept_.front();
  for (size_t b = 0; b < kMinHashBands; ++b) {
    auto it = buckets_.find(band_key(oldest.signature, b));
    if (it == buckets_.end()) continue;
    std::vector<uint64_t>& bucket = it->second;
    if (!bucket.empty() && bucket.front() == first_serial_) bucket.erase(bucket.begin());
    if (bucket.empty()) buckets_.erase(it);
  }
  kept_.pop_front();
  ++first_serial_;
}

}  // namespace dyad::doc
