#include "dyad/io/html_reader.h"

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "dyad/core/ascii.h"
#include "dyad/core/utf8.h"
#include "dyad/io/date.h"
#include "dyad/io/reader.h"

namespace dyad::io {
namespace {

constexpr int kMaxDepth = 400;

const GumboVector& children(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

bool is_element(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

const char* attr(const GumboNode* node, const char* name) {
  if (!is_element(node)) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool dropped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}

// class or id naming page furniture rather than article text.
bool boilerplate(const GumboNode* node) {
  static constexpr std::array kWords = {"share",  "social", "related",    "newsletter", "comment",
                                        "advert", "promo",  "breadcrumb", "caption"};
  for (const char* name : {"class", "id"}) {
    const char* value = attr(node, name);
    if (!value) continue;
    const std::string v = ascii_lower(value);
    for (const char* w : kWords)
      if (v.find(w) != std::string::npos) return true;
  }
  return false;
}

bool skipped(const GumboNode* node) {
  return is_element(node) && (dropped_tag(node->v.element.tag) || boilerplate(node));
}

// Collects text as paragraphs: white space collapsed, a break at every block.
class Paragraphs {
 public:
  void text(std::string_view s) {
    for (const char c : s) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        pending_space_ = !current_.empty();
      } else {
        if (pending_space_) current_.push_back(' ');
        pending_space_ = false;
        current_.push_back(c);
      }
    }
  }
  void brk() {
    // A paragraph of only no-break spaces (&nbsp;) is not content either.
    std::string_view rest = current_;
    while (rest.starts_with("\xC2\xA0") || rest.starts_with(" ")) rest.remove_prefix(rest[0] == ' ' ? 1 : 2);
    if (!rest.empty()) done_.push_back(std::move(current_));
    current_.clear();
    pending_space_ = false;
  }
  std::string joined() {
    brk();
    std::string out;
    for (const auto& p : done_) {
      if (!out.empty()) out += "\n\n";
      out += p;
    }
    return out;
  }

 private:
  std::vector<std::string> done_;
  std::string current_;
  bool pending_space_ = false;
};

void collect(const GumboNode* node, Paragraphs& out, const GumboNode* skip, int depth) {
  if (node == skip || depth > kMaxDepth) return;
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
      out.text(node->v.text.text);
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_DOCUMENT:
      break;
    default:
      return;
  }
  if (node->type == GUMBO_NODE_ELEMENT && skipped(node)) return;
  const bool block = node->type == GUMBO_NODE_ELEMENT && block_tag(node->v.element.tag);
  if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BR) {
    out.brk();
    return;
  }
  if (block) out.brk();
  const GumboVector& kids = children(node);
  for (unsigned i = 0; i < kids.length; ++i)
    collect(static_cast<const GumboNode*>(kids.data[i]), out, skip, depth + 1);
  if (block) out.brk();
}

std::string text_of(const GumboNode* node) {
  Paragraphs p;
  collect(node, p, nullptr, 0);
  std::string s = p.joined();
  std::replace(s.begin(), s.end(), '\n', ' ');
  // joined() puts "\n\n" between blocks: collapse the doubled spaces it leaves.
  std::string out;
  for (const char c : s)
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out.push_back(c);
  return out;
}

struct Page {
  const GumboNode* title_tag = nullptr;
  const GumboNode* first_h1 = nullptr;
  std::vector<const GumboNode*> articles;
  const GumboNode* item_body = nullptr;
  const GumboNode* best_block = nullptr;
  size_t best_block_text = 0;
  std::string meta_date, time_date, canonical, og_url, site_name;
};

size_t direct_paragraph_text(const GumboNode* node) {
  size_t total = 0;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
    if (kid->type == GUMBO_NODE_ELEMENT && kid->v.element.tag == GUMBO_TAG_P && !boilerplate(kid))
      total += text_of(kid).size();
  }
  return total;
}

void survey(const GumboNode* node, Page& page, int depth, bool in_skipped) {
  if (!is_element(node) && node->type != GUMBO_NODE_DOCUMENT) return;
  if (depth > kMaxDepth) return;
  if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_TITLE && !page.title_tag) page.title_tag = node;
    if (tag == GUMBO_TAG_META) {
      const char* key = attr(node, "property");
      if (!key) key = attr(node, "name");
      if (!key) key = attr(node, "itemprop");
      const char* content = attr(node, "content");
      if (key && content) {
        const std::string k = ascii_lower(key);
        if (page.meta_date.empty() && (k == "article:published_time" || k == "datepublished" || k == "date" ||
                                       k == "pubdate" || k == "og:published_time" || k == "dc.date"))
          page.meta_date = content;
        if (k == "og:url" && page.og_url.empty()) page.og_url = content;
        if (k == "og:site_name" && page.site_name.empty()) page.site_name = content;
      }
    }
    if (tag == GUMBO_TAG_LINK) {
      const char* rel = attr(node, "rel");
      const char* href = attr(node, "href");
      if (rel && href && ascii_lower(rel) == "canonical" && page.canonical.empty()) page.canonical = href;
    }
    in_skipped = in_skipped || skipped(node);
    if (!in_skipped) {
      if (tag == GUMBO_TAG_TIME && page.time_date.empty())
        if (const char* dt = attr(node, "datetime")) page.time_date = dt;
      if (tag == GUMBO_TAG_H1 && !page.first_h1) page.first_h1 = node;
      if (tag == GUMBO_TAG_ARTICLE) page.articles.push_back(node);
      if (!page.item_body)
        if (const char* ip = attr(node, "itemprop"); ip && ascii_lower(ip) == "articlebody")
          page.item_body = node;
      const size_t text = direct_paragraph_text(node);
      if (text > page.best_block_text) {
        page.best_block_text = text;
        page.best_block = node;
      }
    }
  }
  const GumboVector& kids = children(node);
  for (unsigned i = 0; i < kids.length; ++i)
    survey(static_cast<const GumboNode*>(kids.data[i]), page, depth + 1, in_skipped);
}

const GumboNode* first_h1_within(const GumboNode* node, int depth) {
  if (!is_element(node) || depth > kMaxDepth) return nullptr;
  if (node->v.element.tag == GUMBO_TAG_H1) return node;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    if (const GumboNode* found = first_h1_within(static_cast<const GumboNode*>(kids.data[i]), depth + 1))
      return found;
  return nullptr;
}

}  // namespace

Article extract_html_article(std::string_view html, std::string& date_problem) {
  Article a;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  Page page;
  survey(output->document, page, 0, false);

  const GumboNode* body = nullptr;
  if (!page.articles.empty()) {
    // Several <article>s (a page with teasers): the one with the most text.
    size_t best = 0;
    for (const GumboNode* node : page.articles) {
      Paragraphs p;
      collect(node, p, nullptr, 0);
      const size_t size = p.joined().size();
      if (!body || size > best) {
        body = node;
        best = size;
      }
    }
  } else if (page.item_body) {
    body = page.item_body;
  } else if (page.best_block) {
    body = page.best_block;
  } else {
    body = output->root;
  }

  // The headline is the body's own <h1> (often inside the article's <header>,
  // which is otherwise dropped), else the first <h1> outside page furniture.
  const GumboNode* headline = first_h1_within(body, 0);
  if (!headline) headline = page.first_h1;
  if (headline) a.title = text_of(headline);
  if (a.title.empty() && page.title_tag) {
    // <title> is a dropped tag for text_of: read its text child directly.
    const GumboVector& kids = page.title_tag->v.element.children;
    Paragraphs p;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
      if (kid->type == GUMBO_NODE_TEXT) p.text(kid->v.text.text);
    }
    a.title = p.joined();
  }
  Paragraphs text;
  collect(body, text, a.title.empty() ? nullptr : headline, 0);
  a.text = text.joined();

  const std::string& date = !page.meta_date.empty() ? page.meta_date : page.time_date;
  if (!date.empty()) {
    std::string why;
    if (!parse_iso_date(date, a.story_date, why))
      date_problem = fmt::format("date \"{}\": {}", date.substr(0, 40), why);
  }
  a.url = !page.canonical.empty() ? page.canonical : page.og_url;
  a.source = page.site_name;
  gumbo_destroy_output(&options, output);
  return a;
}

namespace {

class HtmlReader final : public Reader {
 public:
  HtmlReader(BufferedInput& in, ReaderContext& ctx) : in_(in), ctx_(ctx) {}

  bool next(Article& a) override {
    if (done_) return false;
    done_ = true;
    std::string html;
    const bool fits = in_.read_all(html, ctx_.options.max_record_bytes);
    if (html.find_first_not_of(" \t\r\n") == std::string::npos && fits) return false;
    ++ctx_.stats.records;
    if (!fits) {
      ctx_.reject(1, fmt::format("HTML page is larger than {}; skipped",
                                 describe_size(ctx_.options.max_record_bytes)));
      return false;
    }
    const uint32_t invalid = utf8::sanitize(html);
    std::string date_problem;
    a = extract_html_article(html, date_problem);
    a.origin = ctx_.at(1);
    a.invalid_utf8 = invalid;
    if (!date_problem.empty())
      ctx_.diags.warning(a.origin, date_problem + "; the article is read without a date");
    return true;
  }

 private:
  BufferedInput& in_;
  ReaderContext& ctx_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<Reader> make_html_reader(BufferedInput& in, ReaderContext& ctx) {
  return std::make_unique<HtmlReader>(in, ctx);
}

}  // namespace dyad::io
