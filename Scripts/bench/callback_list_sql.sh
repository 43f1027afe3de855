# Sourced by Scripts/benchmark.sh and Scripts/incoming-benchmark.sh: the SELECT that `desk callbacks --for HANDLE`
# runs, as the library prints it (`desk-bench callback-query`), with its placeholders filled in order (the account's
# id, then the owner's staff id), so that the benchmarks' sqlite3 side runs the store's own text.
# Usage: callback_list_sql DESK_BENCH ACCOUNT_ID OWNER_ID; prints the SELECT, or fails with a line on stderr.
callback_list_sql() {
    local query
    query=$("$1" callback-query) || { echo "desk-bench callback-query failed" >&2; return 1; }
    [[ $query == *"FROM callbacks cb"*"WHERE cl.account_id = ? AND cb.owner_id = ?"* ]] \
        || { echo "desk-bench callback-query printed no account-scoped callback SELECT" >&2; return 1; }
    query=${query/\?/$2}
    printf '%s\n' "${query/\?/$3}"
}
