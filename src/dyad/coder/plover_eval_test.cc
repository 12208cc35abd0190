#include "dyad/coder/plover_eval.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

#include "test_support.h"

namespace dyad::coder {
namespace {

const dict::CameoCodebook& committed_codebook() {
  static const dict::CameoCodebook book = [] {
    dict::CameoCodebook b;
    Diagnostics diags;
    EXPECT_TRUE(b.load(testing::source_dir() / "data" / dict::kDefaultCodebookName, diags));
    return b;
  }();
  return book;
}

PloverGoldEvent gold(std::string id, std::string type, std::vector<std::string> sources,
                     std::vector<std::string> targets) {
  PloverGoldEvent g;
  g.id = std::move(id);
  g.type = std::move(type);
  g.sources = std::move(sources);
  g.targets = std::move(targets);
  g.source_texts.resize(g.sources.size());
  g.target_texts.resize(g.targets.size());
  return g;
}

PloverPrediction predicted(std::string source, std::string target, std::string cameo) {
  PloverPrediction p;
  p.source = std::move(source);
  p.target = std::move(target);
  p.cameo = std::move(cameo);
  return p;
}

TEST(PloverEval, OldTypeNamesBecomeThe2021Ones) {
  EXPECT_EQ(plover_2021_type("DEMAND"), "REQUEST");
  EXPECT_EQ(plover_2021_type("DISAPPROVE"), "ACCUSE");
  EXPECT_EQ(plover_2021_type("FIGHT"), "ASSAULT");
  EXPECT_EQ(plover_2021_type("INVESTIGATE"), "ACCUSE");
  EXPECT_EQ(plover_2021_type("AGREE"), "AGREE");
  EXPECT_EQ(plover_2021_type("ASSAULT"), "ASSAULT");
}

TEST(PloverEval, CameoCodeFallsBackToItsLongestDefinedPrefix) {
  dict::CameoCodebook book;
  Diagnostics diags;
  ASSERT_TRUE(
      book.load_string("code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n"
                       "01\tMAKE PUBLIC STATEMENT\t0\t1\t\t\t\n"
                       "04\tCONSULT\t1\t1\tCONSULT\t\t\n"
                       "043\tHost a visit\t2.8\t1\tCONSULT\tvisit\t\n"
                       "11\tDISAPPROVE\t-2\t3\tACCUSE\t\t\n"
                       "112\tAccuse\t-2\t3\tACCUSE\tallege\t\n",
                       "test.tsv", diags));
  EXPECT_EQ(diags.errors(), 0u);
  EXPECT_EQ(plover_type_of(book, "043"), "CONSULT");
  EXPECT_EQ(plover_type_of(book, "0431"), "CONSULT");  // not defined: 043's type
  EXPECT_EQ(plover_type_of(book, "1125"), "ACCUSE");   // 112's
  EXPECT_EQ(plover_type_of(book, "119"), "ACCUSE");    // root 11's
  EXPECT_EQ(plover_type_of(book, "010"), "");          // root 01: PLOVER drops statements
  EXPECT_EQ(plover_type_of(book, "99"), "");           // unknown
  // The committed table: 111 criticise -> ACCUSE, 0874 retreat -> RETREAT, 010 -> none.
  EXPECT_EQ(plover_type_of(committed_codebook(), "111"), "ACCUSE");
  EXPECT_EQ(plover_type_of(committed_codebook(), "0874"), "RETREAT");
  EXPECT_EQ(plover_type_of(committed_codebook(), "010"), "");
}

TEST(PloverEval, ActorsAreComparedOnThreeLettersWithIgoAndNgoCollapsed) {
  EXPECT_EQ(actor_key("RUSGOV"), "RUS");
  EXPECT_EQ(actor_key("USA"), "USA");
  EXPECT_EQ(actor_key("IGOUNO"), "IGO");
  EXPECT_EQ(actor_key("IGOEUREEC"), "IGO");
  EXPECT_EQ(actor_key("IGO"), "IGO");
  EXPECT_EQ(actor_key("NGOHRIAMN"), "NGO");
  EXPECT_EQ(actor_key("---"), "");
  EXPECT_EQ(actor_key("---GOV"), "");
  EXPECT_EQ(actor_key("\"Bob Smith\""), "");
  EXPECT_EQ(actor_key(""), "");
}

TEST(PloverEval, CompoundGoldActorsExpandToEveryCombination) {
  // Two sources, no target: one triple per source with target "".
  EXPECT_EQ(gold_triples(gold("a", "AGREE", {"HUN", "ROU"}, {})),
            (std::vector<PloverTriple>{{"HUN", "", "AGREE"}, {"ROU", "", "AGREE"}}));
  // 2 sources x 2 targets = 4 triples, the IGO code collapsed, the type renamed.
  EXPECT_EQ(gold_triples(gold("b", "DEMAND", {"USA", "RUS"}, {"IGOUNO", "GBR"})),
            (std::vector<PloverTriple>{{"RUS", "GBR", "REQUEST"},
                                       {"RUS", "IGO", "REQUEST"},
                                       {"USA", "GBR", "REQUEST"},
                                       {"USA", "IGO", "REQUEST"}}));
  // The same country twice (government and rebels of Sudan) is one triple.
  EXPECT_EQ(gold_triples(gold("c", "AGREE", {"SDN", "SDN"}, {})),
            (std::vector<PloverTriple>{{"SDN", "", "AGREE"}}));
}

// Three items scored by hand with the committed codebook:
//   A: gold AGREE, sources HUN + ROU, no target -> types {AGREE}, triples {HUN>:AGREE, ROU>:AGREE}.
//      Dyad: 036 (AGREE) HUNGOV>ROUGOV and 010 (no PLOVER type) -> types {AGREE}, triples
//      {HUN>ROU:AGREE}. Types: 1 gold, 1 predicted, 1 correct. Triples: 2, 1, 0.
//   B: two records with one text: FIGHT (-> ASSAULT) ISR>LBN and DISAPPROVE (-> ACCUSE)
//      LBN>ISR -> types {ACCUSE, ASSAULT}, triples {ISR>LBN:ASSAULT, LBN>ISR:ACCUSE}.
//      Dyad: 190 (ASSAULT) ISRMIL>LBNREB, 111 (ACCUSE) LBNGOV>ISRGOV, 130 (THREATEN)
//      LBNGOV>ISRGOV -> types {ACCUSE, ASSAULT, THREATEN}: 2 gold, 3 predicted, 2 correct,
//      THREATEN spurious; triples 2 gold, 3 predicted, 2 correct.
//   C: gold DEMAND (-> REQUEST) IGO>SYR; Dyad nothing: types 1, 0, 0; triples 1, 0, 0.
// Totals: types gold 4, predicted 4, correct 3 -> P = 3/4, R = 3/4, F1 = 2*3/(4+4) = 0.75.
//         triples gold 5, predicted 4, correct 2 -> P = 2/4 = 0.5, R = 2/5 = 0.4,
//         F1 = 2*2/(5+4) = 4/9. Spurious: 1 (B's THREATEN) over 3 items = 1/3.
TEST(PloverEval, PrecisionRecallAndF1ByHand) {
  const dict::CameoCodebook& book = committed_codebook();
  PloverEvalResult result;

  PloverRecordResult a;
  a.gold = {gold("A", "AGREE", {"HUN", "ROU"}, {})};
  a.events = {predicted("HUNGOV", "ROUGOV", "036"), predicted("HUNGOV", "ROUGOV", "010")};
  score_record(a, book);
  EXPECT_EQ(a.events[0].type, "AGREE");
  EXPECT_EQ(a.events[1].type, "");
  EXPECT_TRUE(a.missed_types.empty());
  EXPECT_EQ(a.missed_triples.size(), 2u);
  EXPECT_EQ(a.spurious_triples, (std::vector<PloverTriple>{{"HUN", "ROU", "AGREE"}}));
  result.add(a);

  PloverRecordResult b;
  b.gold = {gold("B1", "FIGHT", {"ISR"}, {"LBN"}), gold("B2", "DISAPPROVE", {"LBN"}, {"ISR"})};
  b.events = {predicted("ISRMIL", "LBNREB", "190"), predicted("LBNGOV", "ISRGOV", "111"),
              predicted("LBNGOV", "ISRGOV", "130")};
  score_record(b, book);
  EXPECT_EQ(b.gold_types, (std::vector<std::string>{"ACCUSE", "ASSAULT"}));
  EXPECT_EQ(b.spurious_types, (std::vector<std::string>{"THREATEN"}));
  EXPECT_EQ(b.spurious_triples, (std::vector<PloverTriple>{{"LBN", "ISR", "THREATEN"}}));
  EXPECT_TRUE(b.missed_triples.empty());
  result.add(b);

  PloverRecordResult c;
  c.gold = {gold("C", "DEMAND", {"IGO"}, {"SYR"})};
  score_record(c, book);
  EXPECT_EQ(c.missed_types, (std::vector<std::string>{"REQUEST"}));
  result.add(c);

  EXPECT_EQ(result.types.gold, 4u);
  EXPECT_EQ(result.types.predicted, 4u);
  EXPECT_EQ(result.types.correct, 3u);
  EXPECT_DOUBLE_EQ(result.types.precision(), 0.75);
  EXPECT_DOUBLE_EQ(result.types.recall(), 0.75);
  EXPECT_DOUBLE_EQ(result.types.f1(), 0.75);
  EXPECT_EQ(result.triples.gold, 5u);
  EXPECT_EQ(result.triples.predicted, 4u);
  EXPECT_EQ(result.triples.correct, 2u);
  EXPECT_DOUBLE_EQ(result.triples.precision(), 0.5);
  EXPECT_DOUBLE_EQ(result.triples.recall(), 0.4);
  EXPECT_DOUBLE_EQ(result.triples.f1(), 4.0 / 9.0);
  EXPECT_EQ(result.spurious(), 1u);
  EXPECT_DOUBLE_EQ(result.spurious_per_record(), 1.0 / 3.0);
  // Per type: AGREE 1/1/1, ACCUSE 1/1/1, ASSAULT 1/1/1, THREATEN 0/1/0, REQUEST 1/0/0.
  EXPECT_EQ(result.by_type.at("THREATEN").predicted, 1u);
  EXPECT_EQ(result.by_type.at("THREATEN").correct, 0u);
  EXPECT_EQ(result.by_type.at("REQUEST").gold, 1u);
  EXPECT_EQ(result.by_type.at("ASSAULT").correct, 1u);
  EXPECT_EQ(result.events, 5u);
  EXPECT_EQ(result.events_without_plover, 1u);
  // Nothing predicted, nothing gold: all zero, no division by zero.
  EXPECT_EQ(PloverCounts{}.f1(), 0.0);
}

class PloverFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("dyad_plover_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path write(const std::string& name, const std::string& content) {
    const std::filesystem::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  std::filesystem::path dir_;
};

TEST_F(PloverFileTest, MalformedJsonIsAnErrorNamingTheFile) {
  const auto path =
      write("broken.json", "[{\"id\": \"x\", \"event\": \"AGREE\",\n \"text\": \"unterminated}]");
  Diagnostics diags;
  try {
    read_plover_gold(path, diags);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not valid JSON"), std::string::npos) << e.what();
  }
  const auto object = write("object.json", "{\"id\": \"x\"}");
  EXPECT_THROW(read_plover_gold(object, diags), std::runtime_error);
  EXPECT_THROW(read_plover_gold(dir_ / "absent.json", diags), std::runtime_error);
}

TEST_F(PloverFileTest, RecordsSharingATextAreOneItem) {
  const auto path = write("gold.json", R"([
    {"id": "DOC", "event": "DOCUMENT"},
    {"id": "r1", "event": "AID", "date": "2000-01-01", "text": "Same text.",
     "source": [{"actorText": "Benin", "code": "BEN"}], "target": [{"actorText": "x", "code": "NGA"}]},
    {"id": "r2", "event": "REJECT", "date": "2000-01-01", "text": "Same text.",
     "source": [{"actorText": "Benin", "code": "BEN"}], "target": ""},
    {"id": "r3", "event": "AGREE", "text": ""}
  ])");
  Diagnostics diags;
  size_t records = 0, skipped = 0;
  const auto items = read_plover_gold(path, diags, &records, &skipped);
  EXPECT_EQ(records, 3u);  // DOCUMENT excluded
  EXPECT_EQ(skipped, 2u);  // DOCUMENT and r3 (no text)
  EXPECT_EQ(diags.warnings(), 1u);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_EQ(items[0].gold.size(), 2u);
  EXPECT_EQ(items[0].id(), "r1");
  EXPECT_EQ(items[0].date, "2000-01-01");
  EXPECT_EQ(items[0].gold[1].sources, (std::vector<std::string>{"BEN"}));
  EXPECT_TRUE(items[0].gold[1].targets.empty());
}

// Each text is coded as an article (code_article) and the caller's document stage runs
// on it before scoring, as `dyad eval plover` runs doc::resolve_document.
TEST_F(PloverFileTest, TheDocumentStageRunsBeforeScoring) {
  const auto path = write("gold.json", R"([
    {"id": "r1", "event": "DISAPPROVE", "text": "Russian Foreign Minister Sergey Lavrov criticized Washington.",
     "source": [{"actorText": "Lavrov", "code": "RUS"}], "target": [{"actorText": "Washington", "code": "USA"}]}
  ])");
  const testing::ExampleCoding& example = testing::example_coding();
  Diagnostics diags;
  const auto score = [&](const DocumentStage& document) {
    return evaluate_plover(path, example.dicts, example.pipeline, committed_codebook(),
                           example.coder.options(), diags, false, document);
  };
  const PloverEvalResult plain = score({});
  ASSERT_EQ(plain.records.size(), 1u);
  EXPECT_EQ(plain.triples.correct, 1u);  // RUSGOV > USAGOV : 111, ACCUSE

  size_t calls = 0;
  const PloverEvalResult changed = score([&](const Article& article, ArticleCoding& coding) {
    ++calls;
    EXPECT_EQ(article.sentences.size(), 1u);
    for (Event& e : coding.events) e.source.code = "FRAGOV";
  });
  EXPECT_EQ(calls, 1u);
  EXPECT_EQ(changed.types.correct, 1u);
  EXPECT_EQ(changed.triples.correct, 0u);
  ASSERT_EQ(changed.records[0].events.size(), 1u);
  EXPECT_EQ(changed.records[0].events[0].source, "FRAGOV");
}

// The dev set coded with the Phoenix dictionaries. Counts derived without Dyad:
//   python3 -c "import json; d=json.load(open('plover/PLOVER_GSR_dev.json'));
//     m={'DEMAND':'REQUEST','DISAPPROVE':'ACCUSE','FIGHT':'ASSAULT','INVESTIGATE':'ACCUSE'};
//     r=[x for x in d if x['event']!='DOCUMENT']; print(len(d), len(r), len({x['text'] for x in r}),
//     len({(x['text'], m.get(x['event'], x['event'])) for x in r}))"
//   -> 159 158 156 157: 159 entries, the DOCUMENT record and 158 gold records whose texts
//   are 156 distinct (two sentences are coded twice: AID-0006/REJECT-0034 with two types,
//   SANCTION-0004/SANCTION-0015 with the same one), giving 157 gold (text, type) pairs.
TEST(PloverGold, DevSetWithPhoenix) {
  DYAD_REQUIRE_SHARED("plover/PLOVER_GSR_dev.json", gold_file);
  DYAD_REQUIRE_SHARED("petrarch/phoenix", phoenix);
  Diagnostics diags([](const Diagnostic&) {});
  dict::DictionarySet dicts;
  ASSERT_TRUE(dict::load_dictionary_set(phoenix, dicts, diags));
  CoderOptions options;
  options.apply(dicts.config, diags);
  const nlp::Pipeline pipeline = nlp::Pipeline::load(nlp::find_default_model());
  const PloverEvalResult result =
      evaluate_plover(gold_file, dicts, pipeline, committed_codebook(), options, diags);
  EXPECT_EQ(result.gold_records, 158u);
  EXPECT_EQ(result.skipped, 1u);
  EXPECT_EQ(result.records.size(), 156u);
  EXPECT_EQ(result.types.gold, 157u);  // 156 texts, the Benin sentence with two types
  for (double v : {result.types.precision(), result.types.recall(), result.types.f1(),
                   result.triples.precision(), result.triples.recall(), result.triples.f1()}) {
    EXPECT_GE(v, 0.0);
    EXPECT_LE(v, 1.0);
  }
  std::cout << "[ PLOVER dev: type F1 " << result.types.f1() << ", triple F1 " << result.triples.f1()
            << ", spurious per text " << result.spurious_per_record() << " ]\n";
}

}  // namespace
}  // namespace dyad::coder
