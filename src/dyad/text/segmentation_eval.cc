#include "dyad/text/segmentation_eval.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <chrono>

#include "dyad/text/segmenter.h"

namespace dyad::text {
namespace {

// For each byte offset, the number of non-whitespace bytes before it: spans over
// this index compare like the evaluation script's spans over the text with every
// space character removed.
std::vector<uint32_t> nonspace_index(std::string_view text) {
  std::vector<uint32_t> idx(text.size() + 1);
  uint32_t count = 0;
  size_t i = 0;
  while (i < text.size()) {
    auto b = static_cast<unsigned char>(text[i]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (i + len > text.size()) len = 1;
    bool space;
    if (b < 0x80) {
      space = b == ' ' || b == '\t' || b == '\n' || b == '\r';
    } else {
      char32_t cp = len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
      for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      space = u_charType(cp) == U_SPACE_SEPARATOR;
    }
    for (size_t k = 0; k < len; ++k) idx[i + k] = count;
    if (!space) count += static_cast<uint32_t>(len);
    i += len;
  }
  idx[text.size()] = count;
  return idx;
}

struct EvalWord {
  Span span;
  bool multiword;
  std::string_view form;
};

Prf spans_score(const std::vector<Span>& gold, const std::vector<Span>& system) {
  Prf p;
  p.gold = gold.size();
  p.system = system.size();
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (system[si].begin < gold[gi].begin) {
      ++si;
    } else if (gold[gi].begin < system[si].begin) {
      ++gi;
    } else {
      p.correct += gold[gi].end == system[si].end;
      ++gi;
      ++si;
    }
  }
  return p;
}

bool same_form(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

// A word lies past the end of the current multiword stretch.
bool beyond(const std::vector<EvalWord>& w, size_t i, uint32_t end) {
  if (i >= w.size()) return true;
  return w[i].multiword ? w[i].span.begin >= end : w[i].span.end > end;
}

uint64_t align_words(const std::vector<EvalWord>& gold, const std::vector<EvalWord>& sys) {
  uint64_t aligned = 0;
  size_t gi = 0, si = 0;
  std::vector<uint32_t> lcs;
  while (gi < gold.size() && si < sys.size()) {
    if (!gold[gi].multiword && !sys[si].multiword) {
      if (gold[gi].span == sys[si].span) {
        ++aligned;
        ++gi;
        ++si;
      } else if (gold[gi].span.begin <= sys[si].span.begin) {
        ++gi;
      } else {
        ++si;
      }
      continue;
    }
    // Find the smallest stretch covering the overlapping multiword tokens.
    uint32_t end;
    if (gold[gi].multiword) {
      end = gold[gi].span.end;
      if (!sys[si].multiword && sys[si].span.begin < gold[gi].span.begin) ++si;
    } else {
      end = sys[si].span.end;
      if (!gold[gi].multiword && gold[gi].span.begin < sys[si].span.begin) ++gi;
    }
    const size_t gs = gi, ss = si;
    while (!beyond(gold, gi, end) || !beyond(sys, si, end)) {
      if (gi < gold.size() && (si >= sys.size() || gold[gi].span.begin <= sys[si].span.begin)) {
        if (gold[gi].multiword && gold[gi].span.end > end) end = gold[gi].span.end;
        ++gi;
      } else {
        if (sys[si].multiword && sys[si].span.end > end) end = sys[si].span.end;
        ++si;
      }
    }
    const size_t ng = gi - gs, ns = si - ss;
    if (ng == 0 || ns == 0) continue;
    // Longest common subsequence of lowercased forms, then a greedy walk through it.
    lcs.assign((ng + 1) * (ns + 1), 0);
    auto L = [&](size_t g, size_t s) -> uint32_t& { return lcs[g * (ns + 1) + s]; };
    for (size_t g = ng; g-- > 0;) {
      for (size_t s = ns; s-- > 0;) {
        uint32_t v = same_form(gold[gs + g].form, sys[ss + s].form) ? 1 + L(g + 1, s + 1) : 0;
        L(g, s) = std::max(v, std::max(L(g + 1, s), L(g, s + 1)));
      }
    }
    size_t g = 0, s = 0;
    while (g < ng && s < ns) {
      if (same_form(gold[gs + g].form, sys[ss + s].form)) {
        ++aligned;
        ++g;
        ++s;
      } else if (L(g, s) == L(g + 1, s)) {
        ++g;
      } else {
        ++s;
      }
    }
  }
  return aligned;
}

}  // namespace

GoldText rebuild_text(const std::vector<io::ConlluSentence>& sentences) {
  GoldText g;
  uint32_t par_begin = 0;
  bool open = false;
  bool space_pending = false;
  for (const io::ConlluSentence& s : sentences) {
    if (open && (s.newpar || s.newdoc)) {
      g.paragraphs.push_back({par_begin, static_cast<uint32_t>(g.text.size())});
      g.text += "\n\n";
      open = false;
    }
    if (!open) {
      par_begin = static_cast<uint32_t>(g.text.size());
      open = true;
    } else if (space_pending) {
      g.text += ' ';
    }
    std::vector<io::ConlluToken> tokens = s.tokens();
    uint32_t sent_begin = static_cast<uint32_t>(g.text.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      const io::ConlluToken& t = tokens[i];
      uint32_t b = static_cast<uint32_t>(g.text.size());
      g.text += t.form;
      Span span{b, static_cast<uint32_t>(g.text.size())};
      g.tokens.push_back(span);
      bool multi = t.word_count > 1;
      for (int w = 0; w < t.word_count; ++w)
        g.words.push_back({span, multi, s.words[static_cast<size_t>(t.first_word + w)].form});
      if (t.space_after && i + 1 < tokens.size()) g.text += ' ';
    }
    if (!tokens.empty()) {
      g.sentences.push_back({sent_begin, g.tokens.back().end});
      space_pending = tokens.back().space_after;
    }
  }
  if (open) g.paragraphs.push_back({par_begin, static_cast<uint32_t>(g.text.size())});
  return g;
}

namespace {

// The system's segmentation reduced to what the scores need, so sentences can be
// dropped as soon as they are made (as a streaming pipeline does).
struct SystemSpans {
  std::vector<Span> tokens, sentences;
  struct W {
    Span span;  // its token's span for words of a multiword token
    bool multiword;
    Span text;  // the word's own bytes, for its form
  };
  std::vector<W> words;

  void add(const std::vector<Sentence>& system) {
    for (const Sentence& s : system) {
      if (s.tokens.empty()) continue;
      sentences.push_back(s.span);
      for (const Token& t : s.tokens) {
        tokens.push_back(t.span);
        for (uint32_t w = t.first_word; w < t.first_word + t.word_count; ++w)
          words.push_back({t.is_multiword() ? t.span : s.words[w].span, t.is_multiword(), s.words[w].span});
      }
    }
  }
};

SegmentationScores score(const GoldText& gold, const SystemSpans& sys) {
  const std::vector<uint32_t> idx = nonspace_index(gold.text);
  auto map = [&](Span s) { return Span{idx[s.begin], idx[s.end]}; };
  std::string_view text = gold.text;

  std::vector<Span> gold_tokens, gold_sentences, sys_tokens, sys_sentences;
  std::vector<EvalWord> gold_words, sys_words;
  gold_tokens.reserve(gold.tokens.size());
  for (Span s : gold.tokens) gold_tokens.push_back(map(s));
  for (Span s : gold.sentences) gold_sentences.push_back(map(s));
  gold_words.reserve(gold.words.size());
  for (const auto& w : gold.words) gold_words.push_back({map(w.span), w.multiword, w.form});
  sys_tokens.reserve(sys.tokens.size());
  for (Span s : sys.tokens) sys_tokens.push_back(map(s));
  for (Span s : sys.sentences) sys_sentences.push_back(map(s));
  sys_words.reserve(sys.words.size());
  for (const auto& w : sys.words) sys_words.push_back({map(w.span), w.multiword, w.text.of(text)});

  SegmentationScores r;
  r.tokens = spans_score(gold_tokens, sys_tokens);
  r.sentences = spans_score(gold_sentences, sys_sentences);
  r.words.gold = gold_words.size();
  r.words.system = sys_words.size();
  r.words.correct = align_words(gold_words, sys_words);
  return r;
}

}  // namespace

SegmentationScores score_segmentation(const GoldText& gold, const std::vector<Sentence>& system) {
  SystemSpans sys;
  sys.add(system);
  return score(gold, sys);
}

SegmentationEval evaluate_segmentation_file(const std::string& conllu_path) {
  std::vector<io::ConlluSentence> sentences = io::read_conllu_file(conllu_path);
  GoldText gold = rebuild_text(sentences);
  SegmentationEval e;
  e.gold_sentences = sentences.size();
  e.bytes = gold.text.size();
  // One paragraph at a time, keeping only spans, as the pipeline streams articles.
  SystemSpans sys;
  std::vector<Span> region(1);
  std::chrono::steady_clock::duration spent{};
  for (const Span& paragraph : gold.paragraphs) {
    region[0] = paragraph;
    auto t0 = std::chrono::steady_clock::now();
    std::vector<Sentence> sentences = segment(gold.text, region);
    spent += std::chrono::steady_clock::now() - t0;
    sys.add(sentences);
  }
  e.seconds = std::chrono::duration<double>(spent).count();
  e.scores = score(gold, sys);
  return e;
}

}  // namespace dyad::text
