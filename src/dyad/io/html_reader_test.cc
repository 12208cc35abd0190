#include "dyad/io/html_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dyad/io/read_for_test.h"

namespace dyad::io {
namespace {

using testing::read_with;

const char* const kPage = R"(<!doctype html>
<html><head>
<title>Rebels seize town | Example News</title>
<meta property="article:published_time" content="2019-01-04T10:00:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://example.com/rebels">
<style>p { color: red }</style>
<script>var x = "<p>not text</p>";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="breadcrumb">News &gt; World</div>
<article>
  <h1>Rebels   seize
  town</h1>
  <div class="share-buttons">Share on Twitter</div>
  <p>Rebels seized the town of <b>Foo</b> on Monday, officials said.</p>
  <figure><img src="x.jpg"><figcaption>Rebels in Foo.</figcaption></figure>
  <p>The army&nbsp;withdrew.<br>Residents fled.</p>
  <h2>Reaction</h2>
  <ul><li>The UN condemned the attack.</li><li>Talks resume Friday.</li></ul>
  <aside>Read more: other stories</aside>
  <div id="comments">First!</div>
  <p>&nbsp;</p>
</article>
<footer>Copyright 2019</footer>
</body></html>)";

TEST(HtmlReader, ExtractsTheArticleBody) {
  auto r = read_with(InputFormat::kHtml, kPage);
  EXPECT_TRUE(r.messages().empty());
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "Rebels seize town");
  EXPECT_EQ(a.text,
            "Rebels seized the town of Foo on Monday, officials said.\n\n"
            "The army\xC2\xA0withdrew.\n\nResidents fled.\n\nReaction\n\n"
            "The UN condemned the attack.\n\nTalks resume Friday.");
  EXPECT_EQ(a.story_date, "2019-01-04");
  EXPECT_EQ(a.url, "https://example.com/rebels");
  EXPECT_EQ(a.source, "Example News");
  EXPECT_EQ(a.origin.str(), "t:1");
}

TEST(HtmlReader, WithoutArticleTakesTheBlockWithMostParagraphText) {
  const char* page = R"(<html><head><title>Talks collapse</title></head><body>
<div class="menu"><p>Home</p><p>About</p></div>
<div class="content">
  <time datetime="2020-03-01">1 March</time>
  <p>Peace talks between the two sides collapsed on Sunday.</p>
  <p>Both delegations left the capital.</p>
</div>
<div class="related-stories"><p>Another very long related story teaser that should not be picked as the body at all</p></div>
</body></html>)";
  auto r = read_with(InputFormat::kHtml, page);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Talks collapse");
  EXPECT_EQ(r.articles[0].story_date, "2020-03-01");
  EXPECT_EQ(r.articles[0].text,
            "1 March\n\nPeace talks between the two sides collapsed on Sunday.\n\nBoth delegations left the "
            "capital.");
}

TEST(HtmlReader, ItempropArticleBodyAndBadDate) {
  const char* page = R"(<html><head><meta name="date" content="2019-02-30"></head><body>
<div itemprop="articleBody"><p>Only this.</p></div><div><p>Not this, though it is a much longer paragraph of text.</p></div>
</body></html>)";
  auto r = read_with(InputFormat::kHtml, page);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "Only this.");
  EXPECT_EQ(r.articles[0].story_date, "");
  EXPECT_THAT(r.messages(),
              ::testing::ElementsAre("t:1: warning: date \"2019-02-30\": day 30 does not exist in "
                                     "2019-02; the article is read without a date"));
}

TEST(HtmlReader, BrokenMarkupDoesNotCrash) {
  auto r = read_with(InputFormat::kHtml, "<html><body><p>Unclosed <b>bold <i>and <p>more text</div></span>");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "Unclosed bold and\n\nmore text");
}

TEST(HtmlReader, DeepNestingDoesNotOverflowTheStack) {
  std::string page = "<html><body>";
  for (int i = 0; i < 5000; ++i) page += "<div>";
  page += "deep";
  auto r = read_with(InputFormat::kHtml, page);
  EXPECT_EQ(r.articles.size(), 1u);  // the text is too deep to be kept, but nothing breaks
}

}  // namespace
}  // namespace dyad::io
