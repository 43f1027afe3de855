/*
 * replay_baseline: the second baseline of benchmark (b) in Scripts/simulator-benchmark.sh (issue 6).
 *
 *   replay_baseline SOURCE TARGET
 *
 * SOURCE is the database a simulated year left (`desk-bench year SOURCE DAYS SALESPEOPLE`), opened
 * read-only. TARGET must not exist: it is created with the library's connection settings (journal_mode
 * WAL, synchronous FULL, foreign_keys ON, temp_store MEMORY, cache_size -65536, busy_timeout 5000;
 * Sources/DeskStorage/SQLite/Database.swift) and SOURCE's schema (the `sql` of its sqlite_master rows:
 * tables in rowid order, then indexes, views, triggers), every CHECK, foreign key, index and trigger of it.
 * schema_migrations, database_purpose, settings and staff are copied first, in one transaction (staff with substitute_id
 * and escalation_id NULL, then an UPDATE per staff member that has them, as foreign keys stay on).
 *
 * Then the rest is replayed one day at a time, one BEGIN IMMEDIATE ... COMMIT per day as the simulator
 * commits once per simulated day. A day is a UTC calendar date (the business day 09:00-18:00 Asia/Tokyo
 * is 00:00-09:00 UTC), the first ten characters of the row's timestamp. Within a day the rows of that
 * date are inserted table by table, parents before children: callers (created_at), presence (since),
 * callbacks (opened_at), calls (at), messages (the `at` of their call), escalations (at), notifications
 * (created_at), events (at); within a table in id order. Each row is one step of a prepared
 * `INSERT INTO t (every column) VALUES (?, ...)`, every column bound from the source row, ids included,
 * so TARGET ends up with the same rows as SOURCE.
 *
 * Why it is a floor for the simulator: the same rows, the same schema with every CHECK, foreign key and
 * index, the same connection settings, one row per prepared INSERT as a program writing them one at a
 * time must, one durable commit per day like the simulation. But no reads, no decisions and no UPDATEs:
 * callbacks are written once, in their final state, where the year also updates callbacks (about 2.7
 * million times in 245 days), which the replay does not do. So the library cannot be faster than this.
 *
 * What is timed: before each day's BEGIN the day's rows are read from SOURCE into memory
 * (sqlite3_value_dup), untimed; the clock (CLOCK_MONOTONIC) runs from that day's BEGIN IMMEDIATE to its
 * COMMIT, which takes in only TARGET's work (bind, step, reset, the commit and its WAL checkpoints).
 * `seconds` is the sum of those spans over the days: from the first day's BEGIN to the last COMMIT, less
 * what is done between one day's COMMIT and the next BEGIN (reading SOURCE, freeing the copies). The schema, the first transaction, the reading, the
 * final checks and closing TARGET are outside it.
 *
 * At the end (untimed) the row count of each table is compared between TARGET and SOURCE, and the
 * rows replayed per table with the source's count (so no row was left out because its timestamp did not
 * give a date, or a message had no call); any difference is an error. SOURCE must have no table the
 * replay does not know.
 *
 * Prints one line: rows=N days=D seconds=S rate=R (N: the rows replayed in the day transactions, in the
 * eight tables the simulation fills; D: the days, that is the transactions).
 * Build: cc -O2 -Wall -o replay_baseline replay_baseline.c -lsqlite3
 */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static sqlite3 *source, *target;

static void die(sqlite3 *db, const char *what) {
    fprintf(stderr, "replay_baseline: error: %s: %s\n", what, db ? sqlite3_errmsg(db) : "no database");
    exit(1);
}

static void fail(const char *format, ...) {
    va_list args;
    va_start(args, format);
    fprintf(stderr, "replay_baseline: error: ");
    vfprintf(stderr, format, args);
    fprintf(stderr, "\n");
    va_end(args);
    exit(1);
}

static void *allocate(void *old, size_t size) {
    void *p = realloc(old, size);
    if (!p) fail("out of memory");
    return p;
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql) {
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK) die(db, sql);
    return stmt;
}

static void exec(sqlite3 *db, const char *sql) {
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) die(db, sql);
}

/* Steps a statement that returns no rows, then resets it. */
static void run(sqlite3_stmt *stmt) {
    if (sqlite3_step(stmt) != SQLITE_DONE) die(sqlite3_db_handle(stmt), sqlite3_sql(stmt));
    sqlite3_reset(stmt);
}

/* Steps once; 1 when a row is available. */
static int row(sqlite3_stmt *stmt) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) return 1;
    if (rc != SQLITE_DONE) die(sqlite3_db_handle(stmt), sqlite3_sql(stmt));
    return 0;
}

static int64_t count_rows(sqlite3 *db, const char *table) {
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", table);
    sqlite3_stmt *stmt = prepare(db, sql);
    if (!row(stmt)) die(db, sql);
    int64_t n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
}

static double seconds_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- The tables ---- */

typedef struct {
    char date[11];
    int64_t low, high, count; /* the ids of the day's rows lie in [low, high] */
} Day;

typedef struct {
    const char *name;
    const char *date;  /* the expression giving a row's timestamp (t is the table, c the message's call) */
    const char *join;  /* what the timestamp needs joined, or "" */
    /* Filled in: */
    int columns;
    char *list;        /* "t"."a", "t"."b", ... */
    sqlite3_stmt *insert, *read;
    Day *days;
    size_t dayCount, nextDay;
    sqlite3_value **values;  /* the day's rows, read before its BEGIN */
    size_t rowCount, capacity;
    int64_t replayed;
} Table;

/* Copied in the first transaction (staff last, as its self-references need the UPDATE pass). */
static const char *firstTables[] = {"schema_migrations", "database_purpose", "accounts", "settings", "staff"};

/* Tables a simulation leaves empty (no request ids, calendar entries, lines, screened calls, strikes, block lists,
 * plans, channels, re-notifications or corrections): created, checked empty, not replayed. */
static const char *emptyTables[] = {"submissions", "calendar_entries", "account_lines", "screened_calls", "call_strikes", "corrections",
                                     "account_blocks", "account_plans", "channels", "renotifications"};

/* Replayed day by day, in foreign-key parent order. */
static Table tables[] = {
    {.name = "callers", .date = "t.created_at", .join = ""},
    {.name = "presence", .date = "t.since", .join = ""},
    {.name = "callbacks", .date = "t.opened_at", .join = ""},
    {.name = "calls", .date = "t.at", .join = ""},
    {.name = "messages", .date = "c.at", .join = " JOIN calls c ON c.id = t.call_id"},
    {.name = "escalations", .date = "t.at", .join = ""},
    {.name = "notifications", .date = "t.created_at", .join = ""},
    {.name = "events", .date = "t.at", .join = ""},
};
#define TABLES (sizeof tables / sizeof tables[0])

/* Text that grows as pieces are appended. */
typedef struct { char *text; size_t length, capacity; } Text;

static void append(Text *t, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int n = vsnprintf(NULL, 0, format, args);
    va_end(args);
    if (n < 0) fail("vsnprintf");
    if (t->length + (size_t)n + 1 > t->capacity) {
        t->capacity = (t->length + (size_t)n + 1) * 2;
        t->text = allocate(t->text, t->capacity);
    }
    va_start(args, format);
    vsnprintf(t->text + t->length, t->capacity - t->length, format, args);
    va_end(args);
    t->length += (size_t)n;
}

/* The source table's columns, in order: `"t"."a", ...` into *list and the INSERT for TARGET. */
static int columns_of(const char *table, char **list, sqlite3_stmt **insert) {
    sqlite3_stmt *info = prepare(source, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    if (sqlite3_bind_text(info, 1, table, -1, SQLITE_STATIC) != SQLITE_OK) die(source, "bind");
    Text names = {0}, sql = {0}, marks = {0};
    int n = 0;
    while (row(info)) {
        const char *name = (const char *)sqlite3_column_text(info, 0);
        if (!name || strchr(name, '"')) fail("unexpected column name in %s", table);
        append(&names, "%s\"t\".\"%s\"", n ? ", " : "", name);
        append(&sql, "%s\"%s\"", n ? ", " : "", name);
        append(&marks, "%s?", n ? ", " : "");
        n++;
    }
    sqlite3_finalize(info);
    if (n == 0) fail("SOURCE has no table %s", table);
    Text insertSQL = {0};
    append(&insertSQL, "INSERT INTO \"%s\" (%s) VALUES (%s)", table, sql.text, marks.text);
    *insert = prepare(target, insertSQL.text);
    *list = names.text;
    free(sql.text);
    free(marks.text);
    free(insertSQL.text);
    return n;
}

static int is_date(const char *s) {
    static const char pattern[] = "dddd-dd-dd";
    if (!s || strlen(s) != 10) return 0;
    for (int i = 0; i < 10; i++) {
        if (pattern[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != pattern[i]) return 0;
    }
    return 1;
}

/* The days of a table's rows, with the id range and count of each (untimed, before the replay). */
static void find_days(Table *t) {
    Text sql = {0};
    append(&sql, "SELECT substr(%s, 1, 10) AS day, min(t.id), max(t.id), count(*) FROM \"%s\" t%s GROUP BY day ORDER BY day",
           t->date, t->name, t->join);
    sqlite3_stmt *stmt = prepare(source, sql.text);
    int64_t total = 0;
    while (row(stmt)) {
        const char *date = (const char *)sqlite3_column_text(stmt, 0);
        if (!is_date(date)) {
            fail("%lld rows of %s have a timestamp that gives no date ('%s')", (long long)sqlite3_column_int64(stmt, 3),
                 t->name, date ? date : "NULL");
        }
        t->days = allocate(t->days, (t->dayCount + 1) * sizeof *t->days);
        Day *d = &t->days[t->dayCount++];
        memcpy(d->date, date, 11);
        d->low = sqlite3_column_int64(stmt, 1);
        d->high = sqlite3_column_int64(stmt, 2);
        d->count = sqlite3_column_int64(stmt, 3);
        total += d->count;
    }
    sqlite3_finalize(stmt);
    int64_t all = count_rows(source, t->name);
    if (total != all) fail("%s: %lld rows fall on a day, of %lld (a message without its call?)", t->name,
                           (long long)total, (long long)all);
    free(sql.text);

    Text read = {0};
    append(&read, "SELECT %s FROM \"%s\" t%s WHERE t.id BETWEEN ?1 AND ?2 AND substr(%s, 1, 10) = ?3 ORDER BY t.id",
           t->list, t->name, t->join, t->date);
    t->read = prepare(source, read.text);
    free(read.text);
}

/* Reads the table's rows of one day into memory (untimed). */
static void read_day(Table *t, const Day *d) {
    sqlite3_stmt *s = t->read;
    if (sqlite3_bind_int64(s, 1, d->low) != SQLITE_OK || sqlite3_bind_int64(s, 2, d->high) != SQLITE_OK
        || sqlite3_bind_text(s, 3, d->date, -1, SQLITE_STATIC) != SQLITE_OK) die(source, "bind");
    t->rowCount = 0;
    while (row(s)) {
        size_t needed = (t->rowCount + 1) * (size_t)t->columns;
        if (needed > t->capacity) {
            t->capacity = needed * 2;
            t->values = allocate(t->values, t->capacity * sizeof *t->values);
        }
        sqlite3_value **v = t->values + t->rowCount * (size_t)t->columns;
        for (int c = 0; c < t->columns; c++) {
            v[c] = sqlite3_value_dup(sqlite3_column_value(s, c));
            if (!v[c]) fail("out of memory");
        }
        t->rowCount++;
    }
    sqlite3_reset(s);
    if ((int64_t)t->rowCount != d->count) fail("%s on %s: read %zu rows, expected %lld", t->name, d->date,
                                               t->rowCount, (long long)d->count);
}

/* Writes the rows read (timed by the caller). */
static void write_day(Table *t) {
    sqlite3_stmt *insert = t->insert;
    for (size_t r = 0; r < t->rowCount; r++) {
        sqlite3_value **v = t->values + r * (size_t)t->columns;
        for (int c = 0; c < t->columns; c++) {
            if (sqlite3_bind_value(insert, c + 1, v[c]) != SQLITE_OK) die(target, "bind");
        }
        run(insert);
    }
    t->replayed += (int64_t)t->rowCount;
}

static void free_day(Table *t) {
    for (size_t i = 0; i < t->rowCount * (size_t)t->columns; i++) sqlite3_value_free(t->values[i]);
    t->rowCount = 0;
}

/* ---- Setting up TARGET ---- */

static void create_schema(void) {
    sqlite3_stmt *schema = prepare(source,
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND substr(name, 1, 7) <> 'sqlite_'\n"
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid");
    exec(target, "BEGIN IMMEDIATE");
    while (row(schema)) {
        const char *type = (const char *)sqlite3_column_text(schema, 0);
        const char *name = (const char *)sqlite3_column_text(schema, 1);
        if (strcmp(type, "table") == 0) {
            int known = 0;
            for (size_t i = 0; i < sizeof firstTables / sizeof firstTables[0]; i++) known |= !strcmp(name, firstTables[i]);
            for (size_t i = 0; i < TABLES; i++) known |= !strcmp(name, tables[i].name);
            for (size_t i = 0; i < sizeof emptyTables / sizeof emptyTables[0]; i++) {
                if (strcmp(name, emptyTables[i]) != 0) continue;
                if (count_rows(source, name) != 0) fail("SOURCE's %s is not empty: the replay copies none", name);
                known = 1;
            }
            if (!known) fail("SOURCE has a table the replay does not know: %s", name);
        }
        exec(target, (const char *)sqlite3_column_text(schema, 2));
    }
    sqlite3_finalize(schema);
    exec(target, "COMMIT");
}

/* schema_migrations, database_purpose, accounts, settings and staff, in one transaction; staff's self-references afterwards. */
static void copy_first_tables(void) {
    exec(target, "BEGIN IMMEDIATE");
    for (size_t i = 0; i < sizeof firstTables / sizeof firstTables[0]; i++) {
        const char *name = firstTables[i];
        int isStaff = strcmp(name, "staff") == 0;
        char *list;
        sqlite3_stmt *insert;
        int columns = columns_of(name, &list, &insert);
        Text sql = {0};
        /* settings is WITHOUT ROWID: in key order. */
        append(&sql, "SELECT %s FROM \"%s\" t ORDER BY %s", list, name,
               strcmp(name, "settings") == 0 ? "t.key" : "t.rowid");
        sqlite3_stmt *read = prepare(source, sql.text);
        int substitute = -1, escalation = -1;
        for (int c = 0; c < columns; c++) {
            if (!strcmp(sqlite3_column_name(read, c), "substitute_id")) substitute = c;
            if (!strcmp(sqlite3_column_name(read, c), "escalation_id")) escalation = c;
        }
        if (isStaff && (substitute < 0 || escalation < 0)) fail("staff has no substitute_id or escalation_id");
        while (row(read)) {
            for (int c = 0; c < columns; c++) {
                int rc = isStaff && (c == substitute || c == escalation)
                    ? sqlite3_bind_null(insert, c + 1) : sqlite3_bind_value(insert, c + 1, sqlite3_column_value(read, c));
                if (rc != SQLITE_OK) die(target, "bind");
            }
            run(insert);
        }
        sqlite3_reset(read);
        if (isStaff) {
            sqlite3_stmt *update = prepare(target, "UPDATE staff SET substitute_id = ?, escalation_id = ? WHERE id = ?");
            sqlite3_stmt *links = prepare(source,
                "SELECT substitute_id, escalation_id, id FROM staff\n"
                "WHERE substitute_id IS NOT NULL OR escalation_id IS NOT NULL ORDER BY id");
            while (row(links)) {
                for (int c = 0; c < 3; c++) {
                    if (sqlite3_bind_value(update, c + 1, sqlite3_column_value(links, c)) != SQLITE_OK) die(target, "bind");
                }
                run(update);
                if (sqlite3_changes(target) != 1) fail("staff %lld not updated", (long long)sqlite3_column_int64(links, 2));
            }
            sqlite3_finalize(links);
            sqlite3_finalize(update);
        }
        sqlite3_finalize(read);
        sqlite3_finalize(insert);
        free(sql.text);
        free(list);
    }
    exec(target, "COMMIT");
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: replay_baseline SOURCE TARGET\n");
        return 64;
    }
    const char *sourcePath = argv[1], *targetPath = argv[2];
    const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s%s", targetPath, suffixes[i]);
        if (access(path, F_OK) == 0) fail("TARGET must not exist: %s does", path);
    }

    if (sqlite3_open_v2(sourcePath, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL)
        != SQLITE_OK) die(source, sourcePath);
    /* One read transaction for all of the reading: one snapshot of SOURCE. */
    exec(source, "BEGIN; SELECT count(*) FROM sqlite_master");
    if (count_rows(source, "sqlite_master") == 0) fail("SOURCE %s has no schema", sourcePath);

    if (sqlite3_open_v2(targetPath, &target,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL)
        != SQLITE_OK) die(target, targetPath);
    /* The library's connection settings (Sources/DeskStorage/SQLite/Database.swift). */
    sqlite3_stmt *mode = prepare(target, "PRAGMA journal_mode = WAL");
    if (!row(mode) || strcmp((const char *)sqlite3_column_text(mode, 0), "wal") != 0) die(target, "journal_mode = WAL");
    sqlite3_finalize(mode);
    exec(target, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; "
                 "PRAGMA cache_size = -65536; PRAGMA busy_timeout = 5000");
    sqlite3_stmt *fk = prepare(target, "PRAGMA foreign_keys");
    if (!row(fk) || sqlite3_column_int(fk, 0) != 1) die(target, "foreign_keys = ON");
    sqlite3_finalize(fk);

    create_schema();
    copy_first_tables();

    /* The days: every date a replayed row falls on, in order. */
    char (*dates)[11] = NULL;
    size_t dateCount = 0;
    for (size_t i = 0; i < TABLES; i++) {
        tables[i].columns = columns_of(tables[i].name, &tables[i].list, &tables[i].insert);
        find_days(&tables[i]);
        for (size_t d = 0; d < tables[i].dayCount; d++) {
            const char *date = tables[i].days[d].date;
            size_t at = 0;
            while (at < dateCount && strcmp(dates[at], date) < 0) at++;
            if (at < dateCount && strcmp(dates[at], date) == 0) continue;
            dates = allocate(dates, (dateCount + 1) * sizeof *dates);
            memmove(dates + at + 1, dates + at, (dateCount - at) * sizeof *dates);
            memcpy(dates[at], date, 11);
            dateCount++;
        }
    }

    sqlite3_stmt *begin = prepare(target, "BEGIN IMMEDIATE");
    sqlite3_stmt *commit = prepare(target, "COMMIT");
    double elapsed = 0;
    for (size_t d = 0; d < dateCount; d++) {
        for (size_t i = 0; i < TABLES; i++) {
            Table *t = &tables[i];
            if (t->nextDay < t->dayCount && strcmp(t->days[t->nextDay].date, dates[d]) == 0) {
                read_day(t, &t->days[t->nextDay++]);
            }
        }
        double start = seconds_now();
        run(begin);
        for (size_t i = 0; i < TABLES; i++) write_day(&tables[i]);
        run(commit);
        elapsed += seconds_now() - start;
        for (size_t i = 0; i < TABLES; i++) free_day(&tables[i]);
    }

    /* The checks (untimed). */
    int64_t rows = 0;
    for (size_t i = 0; i < TABLES; i++) {
        Table *t = &tables[i];
        int64_t inSource = count_rows(source, t->name), inTarget = count_rows(target, t->name);
        if (t->nextDay != t->dayCount || t->replayed != inSource || inTarget != inSource) {
            fail("%s: %lld rows in SOURCE, %lld replayed, %lld in TARGET", t->name, (long long)inSource,
                 (long long)t->replayed, (long long)inTarget);
        }
        rows += t->replayed;
    }
    for (size_t i = 0; i < sizeof firstTables / sizeof firstTables[0]; i++) {
        int64_t inSource = count_rows(source, firstTables[i]), inTarget = count_rows(target, firstTables[i]);
        if (inTarget != inSource) fail("%s: %lld rows in SOURCE, %lld in TARGET", firstTables[i],
                                       (long long)inSource, (long long)inTarget);
    }

    printf("rows=%lld days=%zu seconds=%.3f rate=%.0f\n", (long long)rows, dateCount, elapsed,
           elapsed > 0 ? (double)rows / elapsed : 0.0);

    sqlite3_finalize(begin);
    sqlite3_finalize(commit);
    for (size_t i = 0; i < TABLES; i++) {
        sqlite3_finalize(tables[i].insert);
        sqlite3_finalize(tables[i].read);
        free(tables[i].list);
        free(tables[i].days);
        free(tables[i].values);
    }
    free(dates);
    exec(source, "COMMIT");
    if (sqlite3_close(target) != SQLITE_OK) die(target, "close TARGET");
    if (sqlite3_close(source) != SQLITE_OK) die(source, "close SOURCE");
    return 0;
}
