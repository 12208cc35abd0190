#include "dyad/io/conllu.h"

#include <charconv>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace dyad::io {
namespace {

[[noreturn]] void fail(uint64_t line_no, const std::string& what) {
  throw std::runtime_error("CoNLL-U line " + std::to_string(line_no) + ": " + what);
}

bool parse_int(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Splits a line on tabs into exactly ten columns.
bool split_columns(std::string_view line, std::string_view (&cols)[10]) {
  size_t n = 0, start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '\t') {
      if (n == 10) return false;
      cols[n++] = line.substr(start, i - start);
      start = i + 1;
    }
  }
  return n == 10;
}

}  // namespace

bool space_after(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    if (misc.substr(pos, bar - pos) == "SpaceAfter=No") return false;
    pos = bar + 1;
  }
  return true;
}

void write_conllu(std::ostream& out, const ConlluSentence& sentence) {
  auto column = [](const std::string& value) -> const std::string& {
    static const std::string kEmpty = "_";
    return value.empty() ? kEmpty : value;
  };
  for (const std::string& comment : sentence.comments) out << "# " << comment << '\n';
  size_t m = 0;
  for (const ConlluWord& w : sentence.words) {
    while (m < sentence.multiwords.size() && sentence.multiwords[m].first <= w.id) {
      const ConlluMultiword& mw = sentence.multiwords[m++];
      out << mw.first << '-' << mw.last << '\t' << mw.form << "\t_\t_\t_\t_\t_\t_\t_\t" << column(mw.misc)
          << '\n';
    }
    out << w.id << '\t' << column(w.form) << '\t' << column(w.lemma) << '\t' << column(w.upos) << '\t'
        << column(w.xpos) << '\t' << column(w.feats) << '\t';
    if (w.head < 0 && w.deprel.empty())
      out << '_';
    else
      out << w.head;
    out << '\t' << column(w.deprel) << '\t' << column(w.deps) << '\t' << column(w.misc) << '\n';
  }
  out << '\n';
}

std::vector<ConlluToken> ConlluSentence::tokens() const {
  std::vector<ConlluToken> out;
  out.reserve(words.size());
  size_t m = 0;
  for (size_t w = 0; w < words.size();) {
    while (m < multiwords.size() && multiwords[m].last < words[w].id) ++m;
    if (m < multiwords.size() && multiwords[m].first == words[w].id) {
      const ConlluMultiword& mw = multiwords[m];
      ConlluToken t;
      t.form = mw.form;
      t.first_word = static_cast<int>(w);
      size_t end = w;
      while (end < words.size() && words[end].id <= mw.last) ++end;
      t.word_count = static_cast<int>(end - w);
      t.space_after = space_after(mw.misc);
      out.push_back(std::move(t));
      w = end;
      ++m;
    } else {
      out.push_back({words[w].form, static_cast<int>(w), 1, space_after(words[w].misc)});
      ++w;
    }
  }
  return out;
}

std::vector<ConlluSentence> parse_conllu(std::string_view data) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  bool open = false;
  uint64_t line_no = 0;
  auto finish = [&] {
    if (open) out.push_back(std::move(cur));
    cur = ConlluSentence{};
    open = false;
  };
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
      continue;
    }
    open = true;
    if (line[0] == '#') {
      std::string_view c = line.substr(1);
      if (!c.empty() && c[0] == ' ') c.remove_prefix(1);
      cur.comments.emplace_back(c);
      if (c.starts_with("newdoc")) cur.newdoc = true;
      if (c.starts_with("newpar")) cur.newpar = true;
      if (c.starts_with("text = ")) cur.text = c.substr(7);
      if (c.starts_with("sent_id = ")) cur.sent_id = c.substr(10);
      continue;
    }
    std::string_view cols[10];
    if (!split_columns(line, cols)) fail(line_no, "expected 10 tab-separated columns");
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      ConlluMultiword mw;
      if (!parse_int(id.substr(0, dash), mw.first) || !parse_int(id.substr(dash + 1), mw.last) ||
          mw.last < mw.first)
        fail(line_no, "bad multiword ID '" + std::string(id) + "'");
      mw.form = cols[1];
      mw.misc = cols[9];
      cur.multiwords.push_back(std::move(mw));
      continue;
    }
    ConlluWord w;
    if (!parse_int(id, w.id)) fail(line_no, "bad word ID '" + std::string(id) + "'");
    w.form = cols[1];
    w.lemma = cols[2];
    w.upos = cols[3];
    w.xpos = cols[4];
    w.feats = cols[5];
    if (cols[6] != "_" && !parse_int(cols[6], w.head))
      fail(line_no, "bad HEAD '" + std::string(cols[6]) + "'");
    w.deprel = cols[7];
    w.deps = cols[8];
    w.misc = cols[9];
    cur.words.push_back(std::move(w));
  }
  finish();
  return out;
}

std::vector<ConlluSentence> read_conllu(std::istream& in) {
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_conllu(data);
}

std::vector<ConlluSentence> read_conllu_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the file");
  try {
    return read_conllu(in);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(path + ": " + e.what());  // "FILE: CoNLL-U line N: ..."
  }
}

}  // namespace dyad::io
