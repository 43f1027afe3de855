// Help screens pinned by HelpScreenTests.

extension HelpScreen {
    /// Setting up the desk: the root command, init, staff, presence and settings.
    static let office: [HelpScreen] = [
        HelpScreen([], """
            OVERVIEW: MessageDesk: take messages, owe and close callbacks, prove what
            happened.

            The database comes from --db, else $DESK_DB, else
            $XDG_DATA_HOME/messagedesk/desk.sqlite
            (~/.local/share/messagedesk/desk.sqlite). DESK_NOW (ISO-8601) overrides the
            clock. --account CODE, else $DESK_ACCOUNT, chooses the client account when the
            desk has several; acme/tanaka names a person of another account. Times: 15:00,
            15時, 午後3時, +30m, +2h, 明日, 明日10時, 月曜, 来週月曜 10:00, 11/24 15:00, 今日中, tomorrow
            10:00, or ISO-8601.
            Exit codes: 0 ok, 64 usage, 65 bad data, 66 no database, 73 cannot create, 74
            I/O, 75 busy (try again), 77 permission, 78 schema or configuration.

            USAGE: desk <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              init                    Create the database (or bring it up to this version's
                                      schema) and print its path.
              account                 Add, change, list, show and close the client accounts
                                      and their lines.
              staff                   Add, change, list and show the office's staff.
              away                    Mark someone away (in a meeting, out, off, on leave)
                                      until a time.
              back                    Mark someone back in the office.
              board                   Show the presence board: where everyone is, until
                                      when, and the callbacks they owe.
              incoming                Show who a ringing call is for and from: the
                                      account's greeting, the person, the caller.
              take                    Take a message with a form: asks, shows a summary,
                                      saves only when you confirm.
              log                     Record a call and its message; open the callback, or
                                      join the caller's open one.
              callbacks               List callbacks: by default open and acknowledged
                                      ones, highest priority first.
              show                    Show a callback: its messages, caller, priority
                                      breakdown and history.
              ack                     Acknowledge a callback: you have seen it and will
                                      call.
              attempt                 Record a try that did not reach the caller.
              done                    Close a callback: the caller was called back.
              reply                   Act on a reply to a notification read from stdin: ack
                                      (了解) or done (対応済み), by its reply code.
              reassign                Give a callback to someone else, or --back to the
                                      owner it was routed from.
              cancel                  Cancel a callback that is no longer owed.
              reopen                  Bring back a callback closed by mistake (done or
                                      cancelled).
              escalate                Escalate a callback by hand: to --to, to the person
                                      of ladder step --step, else to the owner's escalation
                                      contact.
              correct                 Fix a wrong detail of a callback: the caller's phone
                                      or name, or a note on its message.
              history                 Show every event of a callback: who did what, when,
                                      before → after.
              report                  The daily summary: per person and for the office,
                                      calls, callbacks opened, done, open and overdue by
                                      priority.
              usage                   A month's calls by category, the plan's allowance and
                                      overage; strike a call to spam.
              config                  Show or change the office's settings (business hours,
                                      time zone, priority coefficients).
              calendar                Show or change the office's calendar: holidays,
                                      closures, dates opened, hours by weekday or date.
              sweep                   Escalate what the policy says is due now, once;
                                      running it again changes nothing.
              cron-lines              Print the crontab lines of the sweep, the notifier
                                      and the nightly backup for this desk.
              simulate                Simulate business days of calls, the office line and
                                      callbacks, through the real library into a database
                                      of its own.
              notifications           List the outbox: messages, re-notifications,
                                      reminders and escalations.
              notify                  Hand each pending notification to COMMAND as JSON on
                                      stdin; delivered only when it reads it all and exits
                                      0.
              backup                  Copy the live database to DEST while others keep
                                      writing; check the copy, then put it in place.
              check                   Check the database: SQLite's integrity and foreign
                                      key checks, and its schema version.
              restore                 Replace the live database with the backup SRC,
                                      keeping the current one as a dated copy.

              See 'desk help <subcommand>' for detailed help.

            """),
        HelpScreen(["init"], """
            OVERVIEW: Create the database (or bring it up to this version's schema) and
            print its path.

            USAGE: desk init [--db <path>] [--as <handle>] [--json] [--account <code>] [--group <name>]

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --account <code>        The code of a new desk's one account (default:
                                      default); an existing desk keeps its accounts.
              --group <name>          Share the desk with this Unix group: its directory
                                      setgid 2770, its files 0660, all the group's
                                      (default: owner-only).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["staff"], """
            OVERVIEW: Add, change, list and show the office's staff.

            USAGE: desk staff <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              add                     Add a member of staff.
              edit                    Change a member of staff's details; '-' clears
                                      --mobile, --substitute or --escalate-to.
              list                    List the staff with where they are now.
              show                    Show one member of staff.
              channel                 Add, list or remove where a person is told of
                                      notifications.

              See 'desk help staff <subcommand>' for detailed help.

            """),
        HelpScreen(["staff", "add"], """
            OVERVIEW: Add a member of staff.

            Salespeople belong to the account; operators and managers to the service,
            answering every account.

            USAGE: desk staff add [--db <path>] [--as <handle>] [--account <code>] [--json] <handle> --name <name> [--role <role>] [--mobile <mobile>] [--substitute <substitute>] [--escalate-to <escalate-to>]

            ARGUMENTS:
              <handle>                Short handle: lower-case letters, digits, '.', '_',
                                      '-' (tanaka).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --name <name>           The name people read (田中一郎).
              --role <role>           salesperson, operator or manager. (values:
                                      salesperson, operator, manager; default: salesperson)
              --mobile <mobile>       Mobile phone number.
              --substitute <substitute>
                                      Who takes their callbacks while they are away.
              --escalate-to <escalate-to>
                                      Who is told when their callbacks are escalated.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["staff", "edit"], """
            OVERVIEW: Change a member of staff's details; '-' clears --mobile, --substitute
            or --escalate-to.

            USAGE: desk staff edit [--db <path>] [--as <handle>] [--account <code>] [--json] <handle> [--name <name>] [--role <role>] [--mobile <mobile>] [--substitute <substitute>] [--escalate-to <escalate-to>]

            ARGUMENTS:
              <handle>                Whose details to change.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --name <name>           The name people read.
              --role <role>           salesperson, operator or manager. (values:
                                      salesperson, operator, manager)
              --mobile <mobile>       Mobile phone number, or '-' to clear it.
              --substitute <substitute>
                                      Substitute's handle, or '-' to clear it.
              --escalate-to <escalate-to>
                                      Escalation contact's handle, or '-' to clear it.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["staff", "list"], """
            OVERVIEW: List the staff with where they are now.

            USAGE: desk staff list [--db <path>] [--as <handle>] [--account <code>] [--json] [--csv] [--bom] [--wide]

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --csv                   Print CSV for a spreadsheet.
              --bom                   Begin the CSV with a UTF-8 byte order mark, so Excel
                                      reads it as UTF-8 (default when $DESK_CSV_BOM=1).
              --wide                  Show long columns whole in the table; by default they
                                      are cut with … to fit the terminal ($COLUMNS).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["staff", "show"], """
            OVERVIEW: Show one member of staff.

            USAGE: desk staff show [--db <path>] [--as <handle>] [--account <code>] [--json] <handle>

            ARGUMENTS:
              <handle>                Whose details to show.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["away"], """
            OVERVIEW: Mark someone away (in a meeting, out, off, on leave) until a time.

            USAGE: desk away [--db <path>] [--as <handle>] [--account <code>] [--json] <handle> [--until <until>] [--reason <reason>] [--note <note>]

            ARGUMENTS:
              <handle>                Who is away.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --until <until>         When they are expected back: 15:00, 15時, +2h, 明日10時,
                                      月曜, tomorrow 10:00, ISO-8601.
              --reason <reason>       meeting, out, off or leave. (values: meeting, out,
                                      off, leave; default: meeting)
              --note <note>           A note for the operator (客先訪問, 新宿).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["back"], """
            OVERVIEW: Mark someone back in the office.

            USAGE: desk back [--db <path>] [--as <handle>] [--account <code>] [--json] <handle>

            ARGUMENTS:
              <handle>                Who is back.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["board"], """
            OVERVIEW: Show the presence board: where everyone is, until when, and the
            callbacks they owe.

            USAGE: desk board [--db <path>] [--as <handle>] [--account <code>] [--json] [--csv] [--bom] [--wide] [--watch <seconds> ...]

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --csv                   Print CSV for a spreadsheet.
              --bom                   Begin the CSV with a UTF-8 byte order mark, so Excel
                                      reads it as UTF-8 (default when $DESK_CSV_BOM=1).
              --wide                  Show long columns whole in the table; by default they
                                      are cut with … to fit the terminal ($COLUMNS).
              --watch <seconds>       Redraw in place every SECONDS (default 5) until
                                      Ctrl-C; terminals only.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["config"], """
            OVERVIEW: Show or change the office's settings (business hours, time zone,
            priority coefficients).

            USAGE: desk config <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              show                    Show every setting with its value and meaning.
              set                     Change a setting (recorded in the event log).
              unset                   Remove a setting so that it falls back (an account's
                                      to the service's, the service's to the default).

              See 'desk help config <subcommand>' for detailed help.

            """),
        HelpScreen(["config", "show"], """
            OVERVIEW: Show every setting with its value and meaning.

            USAGE: desk config show [--db <path>] [--as <handle>] [--json] [--account <code>]

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --account <code>        The values in force for this client account, and
                                      where each comes from.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["config", "set"], """
            OVERVIEW: Change a setting (recorded in the event log).

            USAGE: desk config set [--db <path>] [--as <handle>] [--json] <key> <value> [--account <code>]

            ARGUMENTS:
              <key>                   The setting. (values: time_zone, business_hours,
                                      business_days, year_end_closure, national_holidays,
                                      urgent_due_minutes, type1_due_minutes,
                                      sensitive_keywords, priority.urgent,
                                      priority.buyer_type1, priority.overdue_per_hour,
                                      priority.age_per_hour, priority.age_cap,
                                      priority.repeat_call, priority.new_contact,
                                      priority.escalation_level, escalation.urgent_steps,
                                      escalation.urgent_every, escalation.urgent_cycles,
                                      escalation.overdue_steps, escalation.overdue_every,
                                      escalation.overdue_cycles, renotify_after)
              <value>                 Its new value.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --account <code>        This client account's own (default: the service-wide
                                      one every account falls back to).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account"], """
            OVERVIEW: Add, change, list, show and close the client accounts and their
            lines.

            An account is a client company: its code, name, the greeting (名乗り) the operator
            says, its reading and aliases, operator notes, and the lines (dialled numbers)
            that forward to the desk. Salespeople and callers belong to an account;
            operators and managers to the service, answering every account. A closed
            account keeps its history, read-only; nothing is deleted.

            USAGE: desk account <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              add                     Add a client account.
              list                    List the accounts, open and closed.
              show                    Show one account.
              set                     Change an open account's details; '-' clears
                                      --reading, --notes or --time-zone.
              line                    Add or remove a line (a number that forwards to the
                                      desk).
              channel                 Add, list or remove an account's group channel: for
                                      people on leave, with no channel, and reminders.
              close                   Close an account whose callbacks are all closed; its
                                      history stays, read-only.
              plan                    Set an account's plan: monthly fee, calls included,
                                      price per extra call.
              block                   Put a caller's number on an account's block list: its
                                      calls are recorded as blocked.
              unblock                 Take a number off an account's block list.
              blocked                 List an account's blocked numbers.

              See 'desk help account <subcommand>' for detailed help.

            """),
        HelpScreen(["account", "add"], """
            OVERVIEW: Add a client account.

            USAGE: desk account add [--db <path>] [--as <handle>] [--json] <code> --name <name> --greeting <greeting> [--reading <reading>] [--alias <alias> ...] [--notes <notes>] [--line <line> ...] [--time-zone <zone>]

            ARGUMENTS:
              <code>                  Short code: lower-case letters, digits, '_', '-'
                                      (acme).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --name <name>           The company's name (株式会社アクメ).
              --greeting <greeting>   What the operator says on answering (はい、アクメでございます).
              --reading <reading>     The reading (furigana) of the name or greeting.
              --alias <alias>         Another name callers use for the company (repeatable).
              --notes <notes>         Operator notes: what may be told to callers, how to
                                      handle sales calls.
              --line <line>           A number that forwards to the desk (repeatable).
              --time-zone <zone>      Its own time zone, which its usage months run in
                                      (default: the desk's).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "list"], """
            OVERVIEW: List the accounts, open and closed.

            USAGE: desk account list [--db <path>] [--as <handle>] [--json]

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "show"], """
            OVERVIEW: Show one account.

            USAGE: desk account show [--db <path>] [--as <handle>] [--json] <code>

            ARGUMENTS:
              <code>                  The account's code.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "set"], """
            OVERVIEW: Change an open account's details; '-' clears --reading, --notes or
            --time-zone.

            USAGE: desk account set [--db <path>] [--as <handle>] [--json] <code> [--name <name>] [--greeting <greeting>] [--reading <reading>] [--alias <alias> ...] [--no-aliases] [--notes <notes>] [--time-zone <zone>]

            ARGUMENTS:
              <code>                  The account's code.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --name <name>           The company's name.
              --greeting <greeting>   What the operator says on answering.
              --reading <reading>     The reading (furigana), or '-' to clear it.
              --alias <alias>         The names callers use, replacing the list
                                      (repeatable).
              --no-aliases            Clear the aliases.
              --notes <notes>         Operator notes, or '-' to clear them.
              --time-zone <zone>      Its own time zone, which its usage months run in, or
                                      '-' for the desk's.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "line"], """
            OVERVIEW: Add or remove a line (a number that forwards to the desk).

            USAGE: desk account line <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              add                     Add a line to an account.
              remove                  Remove a line from an account.

              See 'desk help account line <subcommand>' for detailed help.

            """),
        HelpScreen(["account", "line", "add"], """
            OVERVIEW: Add a line to an account.

            USAGE: desk account line add [--db <path>] [--as <handle>] [--json] <code> <phone>

            ARGUMENTS:
              <code>                  The account's code.
              <phone>                 The dialled number (03-5000-0001).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "line", "remove"], """
            OVERVIEW: Remove a line from an account.

            USAGE: desk account line remove [--db <path>] [--as <handle>] [--json] <code> <phone>

            ARGUMENTS:
              <code>                  The account's code.
              <phone>                 The dialled number (03-5000-0001).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "close"], """
            OVERVIEW: Close an account whose callbacks are all closed; its history stays,
            read-only.

            USAGE: desk account close [--db <path>] [--as <handle>] [--json] <code>

            ARGUMENTS:
              <code>                  The account's code.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "plan"], """
            OVERVIEW: Set an account's plan: monthly fee, calls included, price per extra
            call.

            Money is in yen. --billable lists the categories counted against the allowance
            and billed past it (message, sales, wrong-number, silent, spam, test, blocked;
            default message). A plan change applies from the month it is made in: a closed
            month keeps the plan it ended with.

            USAGE: desk account plan [--db <path>] [--as <handle>] <code> --fee <yen> --included <calls> --extra <yen> [--billable <categories>] [--strike-cap <percent>]

            ARGUMENTS:
              <code>                  The account's code.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --fee <yen>             The monthly fee in yen.
              --included <calls>      The calls included each month.
              --extra <yen>           The price of each billable call past those included,
                                      in yen.
              --billable <categories> The billable categories, comma-separated. (default:
                                      message)
              --strike-cap <percent>  The strikes a month may have, as a share of the calls
                                      included. (default: 10%)
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "block"], """
            OVERVIEW: Put a caller's number on an account's block list: its calls are
            recorded as blocked.

            USAGE: desk account block [--db <path>] [--as <handle>] <code> <phone> [--note <note>]

            ARGUMENTS:
              <code>                  The account's code.
              <phone>                 The caller's number (03-1234-5678).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --note <note>           Why it is blocked.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "unblock"], """
            OVERVIEW: Take a number off an account's block list.

            USAGE: desk account unblock [--db <path>] [--as <handle>] <code> <phone>

            ARGUMENTS:
              <code>                  The account's code.
              <phone>                 The caller's number (03-1234-5678).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "blocked"], """
            OVERVIEW: List an account's blocked numbers.

            USAGE: desk account blocked [--db <path>] [--as <handle>] <code>

            ARGUMENTS:
              <code>                  The account's code.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["config", "unset"], """
            OVERVIEW: Remove a setting so that it falls back (an account's to the
            service's, the service's to the default).

            USAGE: desk config unset [--db <path>] [--as <handle>] [--json] <key> [--account <code>]

            ARGUMENTS:
              <key>                   The setting. (values: time_zone, business_hours,
                                      business_days, year_end_closure, national_holidays,
                                      urgent_due_minutes, type1_due_minutes,
                                      sensitive_keywords, priority.urgent,
                                      priority.buyer_type1, priority.overdue_per_hour,
                                      priority.age_per_hour, priority.age_cap,
                                      priority.repeat_call, priority.new_contact,
                                      priority.escalation_level, escalation.urgent_steps,
                                      escalation.urgent_every, escalation.urgent_cycles,
                                      escalation.overdue_steps, escalation.overdue_every,
                                      escalation.overdue_cycles, renotify_after)

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --account <code>        This client account's own (default: the service-wide
                                      one every account falls back to).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["staff", "channel", "add"], """
            OVERVIEW: Add a channel: each notification to the person goes to each of their
            channels.

            Addresses: mail tanaka@example.jp; sms 090-1234-5678 (a person's mobile when
            left out); slack, teams and webhook take an https:// URL (http:// only to
            127.0.0.1 or localhost); chatwork a room id (the token is the gateway's);
            lineworks the bot id and the user id.

            USAGE: desk staff channel add [--db <path>] [--as <handle>] [--account <code>] <handle> <kind> [<address> ...]

            ARGUMENTS:
              <handle>                Whose channel.
              <kind>                  The kind of channel. (values: mail, sms, slack,
                                      chatwork, lineworks, teams, webhook)
              <address>               The address (sms: the mobile when left out;
                                      lineworks: BOT-ID USER-ID).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["staff", "channel", "list"], """
            OVERVIEW: List a person's channels.

            USAGE: desk staff channel list [--db <path>] [--as <handle>] [--account <code>] [--json] <handle>

            ARGUMENTS:
              <handle>                Whose channels.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["staff", "channel", "remove"], """
            OVERVIEW: Remove one of a person's channels.

            USAGE: desk staff channel remove [--db <path>] [--as <handle>] [--account <code>] <handle> <id>

            ARGUMENTS:
              <handle>                Whose channel.
              <id>                    The channel's id (desk staff channel list).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "channel"], """
            OVERVIEW: Add, list or remove an account's group channel: for people on leave,
            with no channel, and reminders.

            USAGE: desk account channel <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              add                     Add a group channel to an account.
              list                    List an account's group channels.
              remove                  Remove a group channel from an account.

              See 'desk help account channel <subcommand>' for detailed help.

            """),
        HelpScreen(["account", "channel", "add"], """
            OVERVIEW: Add a group channel to an account.

            Addresses: mail tanaka@example.jp; sms 090-1234-5678 (a person's mobile when
            left out); slack, teams and webhook take an https:// URL (http:// only to
            127.0.0.1 or localhost); chatwork a room id (the token is the gateway's);
            lineworks the bot id and the user id.

            USAGE: desk account channel add [--db <path>] [--as <handle>] <code> <kind> [<address> ...]

            ARGUMENTS:
              <code>                  The account's code.
              <kind>                  The kind of channel. (values: mail, sms, slack,
                                      chatwork, lineworks, teams, webhook)
              <address>               The address (lineworks: BOT-ID USER-ID).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "channel", "list"], """
            OVERVIEW: List an account's group channels.

            USAGE: desk account channel list [--db <path>] [--as <handle>] [--json] <code>

            ARGUMENTS:
              <code>                  The account's code.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["account", "channel", "remove"], """
            OVERVIEW: Remove a group channel from an account.

            USAGE: desk account channel remove [--db <path>] [--as <handle>] <code> <id>

            ARGUMENTS:
              <code>                  The account's code.
              <id>                    The channel's id (desk account channel list).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["staff", "channel"], """
            OVERVIEW: Add, list or remove where a person is told of notifications.

            USAGE: desk staff channel <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              add                     Add a channel: each notification to the person goes
                                      to each of their channels.
              list                    List a person's channels.
              remove                  Remove one of a person's channels.

              See 'desk help staff channel <subcommand>' for detailed help.

            """),
    ]
}
