/*
 * insert_baseline: the C side of benchmark (c) in Scripts/benchmark.sh (issue 2).
 *
 *   insert_baseline PATH COUNT [STAFF] [--savepoint]
 *
 * PATH is a desk database that already has the schema and the staff (made by
 * `desk-bench seed PATH 0 STAFF`). Takes COUNT messages in one BEGIN IMMEDIATE transaction, running
 * per message the statement sequence of DeskStore.takeMessage (Sources/MessageDesk/Store/
 * DeskStore+Messages.swift): look up the owner and the operator, find or add the caller (with its
 * event), read the owner's presence, find the live callback and join it (re-reading it, updating it)
 * or open one, insert the call and the message, write the call's event, re-read the callback and
 * write its event. Every statement is prepared once. The inputs follow the same SplitMix64 sequence
 * as `desk-bench insert`, so both databases end up with the same number of callers, callbacks, calls,
 * messages and events. The one deliberate simplification: the due time is now + 30 min (urgent) or
 * now + 9 h, not the business-hours calculation of DuePolicy; it does not change which statements run.
 *
 * --savepoint wraps each message in SAVEPOINT nested_write / RELEASE nested_write, as the library's
 * Database.write did for a write nested in DeskStore.inOneTransaction until nested writes joined the
 * outer transaction instead (a diagnostic row: what the savepoints cost).
 *
 * Prints one line: messages=N joined=J seconds=S rate=R (timed from BEGIN to COMMIT).
 * Build: cc -O2 -o insert_baseline insert_baseline.c -lsqlite3
 */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static sqlite3 *db;

static void die(const char *what) {
    fprintf(stderr, "insert_baseline: error: %s: %s\n", what, db ? sqlite3_errmsg(db) : "no database");
    exit(1);
}

static void check(int rc, const char *what) {
    if (rc != SQLITE_OK) die(what);
}

static sqlite3_stmt *prepare(const char *sql) {
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK) die(sql);
    return stmt;
}

/* Steps a statement that returns no rows, then resets it. */
static void run(sqlite3_stmt *stmt) {
    int rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE) die(sqlite3_sql(stmt));
    sqlite3_reset(stmt);
}

/* Steps once; 1 when a row is available. */
static int row(sqlite3_stmt *stmt) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) return 1;
    if (rc == SQLITE_DONE) return 0;
    die(sqlite3_sql(stmt));
    return 0;
}

static void bind_text(sqlite3_stmt *stmt, int index, const char *text) {
    int rc = text ? sqlite3_bind_text(stmt, index, text, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(stmt, index);
    check(rc, "bind");
}

static void bind_int(sqlite3_stmt *stmt, int index, int64_t value) {
    check(sqlite3_bind_int64(stmt, index, value), "bind");
}

static void bind_int_or_null(sqlite3_stmt *stmt, int index, int64_t value, int isNull) {
    check(isNull ? sqlite3_bind_null(stmt, index) : sqlite3_bind_int64(stmt, index, value), "bind");
}

/* ---- The fixed sequence (the same as Sources/desk-bench/main.swift) ---- */

typedef struct { uint64_t state; } SplitMix64;

static uint64_t next(SplitMix64 *r) {
    r->state += 0x9E3779B97F4A7C15ULL;
    uint64_t z = r->state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

typedef struct {
    char owner[32];
    char phone[32];
    char name[48];
    char company[64];
    int hasCompany;
    char body[64];
    int urgent, triedMobile, callAgain;
} Input;

static const int64_t clockStart = 1780272000; /* 2026-06-01T00:00:00Z */
static const int64_t clockStep = 15;
static const char *operatorHandle = "operator1";
static const char *actor = "operator1";

static void timestamp(char out[32], int64_t seconds) {
    time_t t = (time_t)seconds;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- JSON, as JSONValue.rendered() writes it (compact, UTF-8 raw, quotes and controls escaped) ---- */

typedef struct { char text[1024]; size_t length; } Buffer;

static void put(Buffer *b, const char *s) {
    size_t n = strlen(s);
    if (b->length + n >= sizeof b->text) { fprintf(stderr, "insert_baseline: error: JSON too long\n"); exit(1); }
    memcpy(b->text + b->length, s, n + 1);
    b->length += n;
}

static void putf(Buffer *b, const char *format, ...) {
    char piece[256];
    va_list args;
    va_start(args, format);
    vsnprintf(piece, sizeof piece, format, args);
    va_end(args);
    put(b, piece);
}

static void put_string(Buffer *b, const char *s) {
    if (!s) { put(b, "null"); return; }
    put(b, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char piece[8];
        if (*p == '"') put(b, "\\\"");
        else if (*p == '\\') put(b, "\\\\");
        else if (*p < 0x20 || *p == 0x7F) { snprintf(piece, sizeof piece, "\\u%04x", *p); put(b, piece); }
        else { piece[0] = (char)*p; piece[1] = 0; put(b, piece); }
    }
    put(b, "\"");
}

static void key(Buffer *b, const char *name, int first) {
    if (!first) put(b, ",");
    put_string(b, name);
    put(b, ":");
}

/* ---- Statements: the SQL text of the library, character for character ---- */

#define STAFF_SQL "SELECT s.id, s.handle, s.display_name, s.role, s.mobile, sub.handle, esc.handle, s.created_at\n" \
    "FROM staff s LEFT JOIN staff sub ON sub.id = s.substitute_id LEFT JOIN staff esc ON esc.id = s.escalation_id WHERE s.handle = ?"

#define CALLBACK_SQL "SELECT cb.id, s.handle, s.display_name, cl.id, cl.name, cl.company, cl.phone, cb.state, cb.urgent,\n" \
    "       cb.new_contact, cb.not_before, cb.not_after, cb.due_at, cb.repeat_count, cb.attempts,\n" \
    "       cb.escalation_level, cb.opened_at, cb.acknowledged_at, cb.closed_at, cb.closing_note, m.body, m.wants\n" \
    "FROM callbacks cb\n" \
    "JOIN staff s ON s.id = cb.owner_id\n" \
    "JOIN callers cl ON cl.id = cb.caller_id\n" \
    "JOIN messages m ON m.id = (SELECT max(id) FROM messages WHERE callback_id = cb.id) WHERE cb.id = ?"

static sqlite3_stmt *sStaff, *sCallerFind, *sCallerInsert, *sCallerUpdate, *sEvent, *sPresence, *sLive,
    *sCallback, *sJoin, *sOpen, *sCall, *sMessage, *sSavepoint, *sRelease;

/* What the library reads of a callback (all columns are read, as CallbackRequest is built from them). */
typedef struct {
    int64_t id;
    char owner[40];
    int urgent, newContact;
    char notBefore[32], notAfter[32], dueAt[32];
    int hasNotBefore, hasNotAfter;
    int64_t repeatCount;
    char state[16];
} Callback;

static void copy_column(char *out, size_t size, sqlite3_stmt *stmt, int column, int *present) {
    const unsigned char *text = sqlite3_column_text(stmt, column);
    if (present) *present = text != NULL;
    snprintf(out, size, "%s", text ? (const char *)text : "");
}

static void read_callback(int64_t id, Callback *out) {
    sqlite3_reset(sCallback);
    bind_int(sCallback, 1, id);
    if (!row(sCallback)) die("callback vanished");
    out->id = sqlite3_column_int64(sCallback, 0);
    copy_column(out->owner, sizeof out->owner, sCallback, 1, NULL);
    copy_column(out->state, sizeof out->state, sCallback, 7, NULL);
    out->urgent = sqlite3_column_int64(sCallback, 8) != 0;
    out->newContact = sqlite3_column_int64(sCallback, 9) != 0;
    copy_column(out->notBefore, sizeof out->notBefore, sCallback, 10, &out->hasNotBefore);
    copy_column(out->notAfter, sizeof out->notAfter, sCallback, 11, &out->hasNotAfter);
    copy_column(out->dueAt, sizeof out->dueAt, sCallback, 12, NULL);
    out->repeatCount = sqlite3_column_int64(sCallback, 13);
    /* The rest of the row, read as the library reads it into CallbackRequest. */
    for (int column = 2; column < 22; column++) {
        if (column >= 7 && column <= 13) continue;
        (void)sqlite3_column_text(sCallback, column);
        (void)sqlite3_column_bytes(sCallback, column);
    }
    sqlite3_reset(sCallback);
}

static void callback_json(Buffer *b, const Callback *c, int withOwnerAndState) {
    put(b, "{");
    int first = 1;
    if (withOwnerAndState) {
        key(b, "owner", 1); put_string(b, c->owner);
        key(b, "state", 0); put_string(b, c->state);
        first = 0;
    }
    key(b, "urgent", first); put(b, c->urgent ? "true" : "false");
    key(b, "new_contact", 0); put(b, c->newContact ? "true" : "false");
    key(b, "not_before", 0); put_string(b, c->hasNotBefore ? c->notBefore : NULL);
    key(b, "not_after", 0); put_string(b, c->hasNotAfter ? c->notAfter : NULL);
    key(b, "due_at", 0); put_string(b, c->dueAt);
    key(b, "repeat_count", 0); putf(b, "%lld", (long long)c->repeatCount);
    put(b, "}");
}

static void event(const char *at, const char *subject, int64_t subjectID, const char *kind, const char *before,
                  const char *after, const char *reason) {
    sqlite3_reset(sEvent);
    bind_text(sEvent, 1, at);
    bind_text(sEvent, 2, actor);
    bind_text(sEvent, 3, subject);
    bind_int(sEvent, 4, subjectID);
    bind_text(sEvent, 5, kind);
    bind_text(sEvent, 6, before);
    bind_text(sEvent, 7, after);
    bind_text(sEvent, 8, reason);
    run(sEvent);
}

/* requireStaff: the row, all columns read; returns the id. */
static int64_t require_staff(const char *handle) {
    sqlite3_reset(sStaff);
    bind_text(sStaff, 1, handle);
    if (!row(sStaff)) { fprintf(stderr, "insert_baseline: error: no staff member '%s'\n", handle); exit(1); }
    int64_t id = sqlite3_column_int64(sStaff, 0);
    for (int column = 1; column < 8; column++) (void)sqlite3_column_text(sStaff, column);
    sqlite3_reset(sStaff);
    return id;
}

/* One message: the statement sequence of takeMessage. Returns 1 when it joined a live callback. */
static int take_message(const Input *in, int64_t index, int savepoint) {
    char now[32], due[32];
    int64_t seconds = clockStart + index * clockStep;
    timestamp(now, seconds);
    timestamp(due, seconds + (in->urgent ? 30 * 60 : 9 * 3600));
    const char *company = in->hasCompany ? in->company : NULL;

    if (savepoint) run(sSavepoint);
    int64_t ownerID = require_staff(in->owner);
    int64_t operatorID = require_staff(operatorHandle);

    /* upsertCaller */
    int64_t callerID;
    sqlite3_reset(sCallerFind);
    bind_text(sCallerFind, 1, in->phone);
    if (row(sCallerFind)) {
        callerID = sqlite3_column_int64(sCallerFind, 0);
        const char *name = (const char *)sqlite3_column_text(sCallerFind, 1);
        const char *stored = (const char *)sqlite3_column_text(sCallerFind, 2);
        const char *newCompany = company ? company : stored;
        int changed = strcmp(name ? name : "", in->name) != 0
            || (newCompany == NULL) != (stored == NULL)
            || (newCompany && stored && strcmp(newCompany, stored) != 0);
        if (changed) {
            Buffer before = {{0}, 0}, after = {{0}, 0};
            put(&before, "{"); key(&before, "name", 1); put_string(&before, name);
            key(&before, "company", 0); put_string(&before, stored); put(&before, "}");
            put(&after, "{"); key(&after, "name", 1); put_string(&after, in->name);
            key(&after, "company", 0); put_string(&after, newCompany); put(&after, "}");
            char keep[64];
            snprintf(keep, sizeof keep, "%s", newCompany ? newCompany : "");
            sqlite3_reset(sCallerFind);
            sqlite3_reset(sCallerUpdate);
            bind_text(sCallerUpdate, 1, in->name);
            bind_text(sCallerUpdate, 2, newCompany ? keep : NULL);
            bind_int(sCallerUpdate, 3, callerID);
            run(sCallerUpdate);
            event(now, "caller", callerID, "caller.changed", before.text, after.text, NULL);
        }
        sqlite3_reset(sCallerFind);
    } else {
        sqlite3_reset(sCallerFind);
        sqlite3_reset(sCallerInsert);
        bind_text(sCallerInsert, 1, in->phone);
        bind_text(sCallerInsert, 2, in->name);
        bind_text(sCallerInsert, 3, company);
        bind_text(sCallerInsert, 4, now);
        run(sCallerInsert);
        callerID = sqlite3_last_insert_rowid(db);
        Buffer after = {{0}, 0};
        put(&after, "{"); key(&after, "name", 1); put_string(&after, in->name);
        key(&after, "company", 0); put_string(&after, company);
        key(&after, "phone", 0); put_string(&after, in->phone); put(&after, "}");
        event(now, "caller", callerID, "caller.added", NULL, after.text, NULL);
    }

    /* presence of the owner */
    sqlite3_reset(sPresence);
    bind_int(sPresence, 1, ownerID);
    if (row(sPresence)) {
        for (int column = 0; column < 4; column++) (void)sqlite3_column_text(sPresence, column);
    }
    sqlite3_reset(sPresence);

    /* the live callback of this caller and owner */
    sqlite3_reset(sLive);
    bind_int(sLive, 1, callerID);
    bind_int(sLive, 2, ownerID);
    int64_t live = 0;
    int hasLive = row(sLive);
    if (hasLive) live = sqlite3_column_int64(sLive, 0);
    sqlite3_reset(sLive);

    int64_t callbackID;
    Callback before;
    if (hasLive) {
        read_callback(live, &before);
        sqlite3_reset(sJoin);
        bind_int(sJoin, 1, in->urgent);
        bind_int(sJoin, 2, 0);
        bind_text(sJoin, 3, before.hasNotBefore ? before.notBefore : NULL);
        bind_text(sJoin, 4, before.hasNotAfter ? before.notAfter : NULL);
        bind_text(sJoin, 5, due);
        bind_int(sJoin, 6, live);
        run(sJoin);
        callbackID = live;
    } else {
        sqlite3_reset(sOpen);
        bind_int(sOpen, 1, ownerID);
        bind_int(sOpen, 2, callerID);
        bind_int(sOpen, 3, in->urgent);
        bind_int(sOpen, 4, 0);
        bind_text(sOpen, 5, NULL);
        bind_text(sOpen, 6, NULL);
        bind_text(sOpen, 7, due);
        bind_text(sOpen, 8, now);
        run(sOpen);
        callbackID = sqlite3_last_insert_rowid(db);
    }

    sqlite3_reset(sCall);
    bind_text(sCall, 1, now);
    bind_int(sCall, 2, callerID);
    bind_int(sCall, 3, ownerID);
    bind_int_or_null(sCall, 4, operatorID, 0);
    bind_text(sCall, 5, in->name);
    bind_text(sCall, 6, company);
    bind_int(sCall, 7, in->triedMobile);
    bind_text(sCall, 8, in->callAgain ? "will_call_again" : "message_taken");
    run(sCall);
    int64_t callID = sqlite3_last_insert_rowid(db);

    sqlite3_reset(sMessage);
    bind_int(sMessage, 1, callID);
    bind_int(sMessage, 2, callbackID);
    bind_text(sMessage, 3, in->body);
    bind_int(sMessage, 4, in->urgent);
    bind_text(sMessage, 5, in->callAgain ? "call_again" : "callback");
    bind_text(sMessage, 6, NULL);
    bind_text(sMessage, 7, NULL);
    bind_int(sMessage, 8, 0);
    run(sMessage);
    int64_t messageID = sqlite3_last_insert_rowid(db);

    Buffer taken = {{0}, 0};
    put(&taken, "{"); key(&taken, "for", 1); put_string(&taken, in->owner);
    key(&taken, "caller_id", 0); putf(&taken, "%lld", (long long)callerID);
    key(&taken, "message_id", 0); putf(&taken, "%lld", (long long)messageID);
    key(&taken, "callback_id", 0); putf(&taken, "%lld", (long long)callbackID);
    key(&taken, "tried_mobile", 0); put(&taken, in->triedMobile ? "true" : "false"); put(&taken, "}");
    event(now, "call", callID, "call.taken", NULL, taken.text, NULL);

    Callback after;
    read_callback(callbackID, &after);
    char reason[96];
    if (hasLive) {
        Buffer b = {{0}, 0}, a = {{0}, 0};
        callback_json(&b, &before, 0);
        callback_json(&a, &after, 0);
        snprintf(reason, sizeof reason, "repeat call %lld (call %lld)", (long long)after.repeatCount, (long long)callID);
        event(now, "callback", callbackID, "callback.joined", b.text, a.text, reason);
    } else {
        Buffer a = {{0}, 0};
        callback_json(&a, &after, 1);
        snprintf(reason, sizeof reason, "call %lld", (long long)callID);
        event(now, "callback", callbackID, "callback.opened", NULL, a.text, reason);
    }
    if (savepoint) run(sRelease);
    return hasLive;
}

static double seconds_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long positive(const char *text, const char *name) {
    char *end = NULL;
    long value = strtol(text, &end, 10);
    if (!end || *end || value <= 0) {
        fprintf(stderr, "insert_baseline: error: %s must be a positive integer, not '%s'\n", name, text);
        exit(64);
    }
    return value;
}

int main(int argc, char **argv) {
    int savepoint = 0;
    const char *positional[3] = {NULL, NULL, NULL};
    int count = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--savepoint") == 0) savepoint = 1;
        else if (count < 3) positional[count++] = argv[i];
        else count = 4;
    }
    if (count < 2 || count > 3) {
        fprintf(stderr, "usage: insert_baseline PATH COUNT [STAFF] [--savepoint]\n");
        return 64;
    }
    long messages = positive(positional[1], "COUNT");
    long staff = count == 3 ? positive(positional[2], "STAFF") : 20;
    if (messages > 100000000L || staff > 9999) {
        fprintf(stderr, "insert_baseline: error: at most 100,000,000 messages and 9,999 staff\n");
        return 64;
    }

    /* The inputs, made before the clock starts (as desk-bench does). */
    Input *inputs = calloc((size_t)messages, sizeof *inputs);
    if (!inputs) { fprintf(stderr, "insert_baseline: error: out of memory\n"); return 1; }
    SplitMix64 random = {2};
    uint64_t callers = (uint64_t)(messages * 6 / 10);
    if (callers < 1) callers = 1;
    for (long i = 0; i < messages; i++) {
        uint64_t r1 = next(&random), r2 = next(&random), r3 = next(&random);
        uint64_t caller = r1 % callers;
        uint64_t owner = r2 % 10 == 0 ? (r2 / 10) % (uint64_t)staff : (caller * 7919) % (uint64_t)staff;
        Input *in = &inputs[i];
        snprintf(in->owner, sizeof in->owner, "staff%04llu", (unsigned long long)owner + 1);
        snprintf(in->phone, sizeof in->phone, "+813%08llu", (unsigned long long)caller);
        snprintf(in->name, sizeof in->name, "山田%llu", (unsigned long long)caller);
        in->hasCompany = caller % 3 != 0;
        if (in->hasCompany) snprintf(in->company, sizeof in->company, "株式会社サンプル%llu", (unsigned long long)(caller % 5000));
        snprintf(in->body, sizeof in->body, "折り返しお願いします(%ld)", i);
        in->urgent = r3 % 10 == 0;
        in->triedMobile = (r3 / 10) % 4 == 0;
        in->callAgain = (r3 / 40) % 20 == 0;
    }

    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (sqlite3_open_v2(positional[0], &db, flags, NULL) != SQLITE_OK) die("open");
    sqlite3_busy_timeout(db, 5000);
    /* The library's connection settings (Sources/DeskStorage/SQLite/Database.swift). */
    check(sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                           "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536",
                       NULL, NULL, NULL), "pragmas");

    sStaff = prepare(STAFF_SQL);
    sCallerFind = prepare("SELECT id, name, company FROM callers WHERE account_id = 1 AND phone = ?");
    sCallerInsert = prepare("INSERT INTO callers (phone, name, company, created_at, account_id) VALUES (?, ?, ?, ?, 1)");
    sCallerUpdate = prepare("UPDATE callers SET name = ?, company = ? WHERE id = ?");
    sEvent = prepare("INSERT INTO events (at, actor, subject, subject_id, kind, before, after, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    sPresence = prepare("SELECT status, since, until, note FROM presence WHERE staff_id = ? ORDER BY id DESC LIMIT 1");
    sLive = prepare("SELECT id FROM callbacks WHERE caller_id = ? AND owner_id = ? AND state IN ('open', 'acknowledged')");
    sCallback = prepare(CALLBACK_SQL);
    sJoin = prepare("UPDATE callbacks SET repeat_count = repeat_count + 1, urgent = max(urgent, ?),\n"
                    "    new_contact = max(new_contact, ?), not_before = ?, not_after = ?, due_at = min(due_at, ?)\n"
                    "WHERE id = ?");
    sOpen = prepare("INSERT INTO callbacks (owner_id, caller_id, state, urgent, new_contact, not_before, not_after, due_at, opened_at)\n"
                    "VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?)");
    sCall = prepare("INSERT INTO calls (at, caller_id, for_id, operator_id, caller_name, company, tried_mobile, outcome)\n"
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    sMessage = prepare("INSERT INTO messages (call_id, callback_id, body, urgent, wants, not_before, not_after, new_contact)\n"
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    sSavepoint = prepare("SAVEPOINT nested_write");
    sRelease = prepare("RELEASE nested_write");
    sqlite3_stmt *sBegin = prepare("BEGIN IMMEDIATE");
    sqlite3_stmt *sCommit = prepare("COMMIT");

    long joined = 0;
    double start = seconds_now();
    run(sBegin);
    for (long i = 0; i < messages; i++) joined += take_message(&inputs[i], i, savepoint);
    run(sCommit);
    double elapsed = seconds_now() - start;

    printf("messages=%ld joined=%ld seconds=%.3f rate=%.0f\n", messages, joined, elapsed, (double)messages / elapsed);

    sqlite3_stmt *all[] = {sStaff, sCallerFind, sCallerInsert, sCallerUpdate, sEvent, sPresence, sLive, sCallback,
                           sJoin, sOpen, sCall, sMessage, sSavepoint, sRelease, sBegin, sCommit};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) sqlite3_finalize(all[i]);
    if (sqlite3_close(db) != SQLITE_OK) die("close");
    free(inputs);
    return 0;
}
