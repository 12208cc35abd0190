#pragma once

#include <string>
#include <string_view>

#include "dyad/core/article.h"

// The HTML reader: see make_html_reader in reader.h. One article per page, parsed with
// libgumbo. The body comes from <article>, else [itemprop=articleBody], else the
// element whose child paragraphs hold the most text. Navigation, headers, footers,
// asides, scripts, styles, forms, figures and blocks whose class or id mentions
// share/social/related/newsletter/comment/advert/promo/breadcrumb/caption are dropped.
// Paragraph-like blocks (<p>, headings, <li>, <br>, ...) are joined with "\n\n".
// Title: the first <h1> (then left out of the text), else <title>. Date:
// <meta property="article:published_time"> (or similar metas), else <time datetime>.
// URL: <link rel="canonical"> or og:url; source: og:site_name.

namespace dyad::io {

// Extracts the article from an HTML page (valid UTF-8). A date that cannot be read is
// left out and described in `date_problem`.
Article extract_html_article(std::string_view html, std::string& date_problem);

}  // namespace dyad::io
