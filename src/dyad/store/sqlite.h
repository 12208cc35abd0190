#pragma once

// A thin RAII layer over the SQLite C API for the event store (sqlite_store.h) and its
// queries (event_query.h). Errors throw std::runtime_error naming the database file.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace dyad::store::sqlite {

class Statement;

class Database {
 public:
  enum class Mode { kReadOnly, kReadWriteCreate };
  Database(const std::filesystem::path& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements with no parameters or results.
  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  int64_t changes() const;  // rows changed by the last statement
  const std::filesystem::path& path() const { return path_; }
  sqlite3* handle() const { return db_; }
  // "FILE: WHAT: sqlite's message"
  [[noreturn]] void fail(std::string_view what) const;

 private:
  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Parameters count from 1, as in SQLite.
  Statement& bind_text(int index, std::string_view text);
  Statement& bind_int(int index, int64_t value);
  Statement& bind_real(int index, double value);
  Statement& bind_null(int index);
  Statement& bind_optional(int index, const std::optional<std::string>& text);
  // Steps once: true when a row is ready, false when done.
  bool step();
  // Steps to the end (for statements without results).
  void run();
  // Resets the statement and clears its bindings, for the next use.
  void reset();

  bool is_null(int column) const;
  int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace dyad::store::sqlite
