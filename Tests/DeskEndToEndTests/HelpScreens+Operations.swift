// Help screens pinned by HelpScreenTests.

extension HelpScreen {
    /// Reports, the sweep, the simulator, notifications and the database's care.
    static let operations: [HelpScreen] = [
        HelpScreen(["report"], """
            OVERVIEW: The daily summary: per person and for the office, calls, callbacks
            opened, done, open and overdue by priority.

            The day runs from midnight to midnight in the business time zone. Figures come
            from the event log as of the end of the day (or now, while the day lasts), so a
            past day's report does not change later. Priority bands: high 10 or more,
            medium 5 to under 10, low under 5. Staff with nothing that day are left out. No
            message words are shown.

            USAGE: desk report [--db <path>] [--as <handle>] [--account <code>] [--json] [--csv] [--bom] [--wide] [--date <day>]

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
              --date <day>            The day: YYYY-MM-DD, today or yesterday (business
                                      time zone). (default: today)
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["sweep"], """
            OVERVIEW: Escalate what the policy says is due now, once; running it again
            changes nothing.

            Cron (desk cron-lines prints all three): */5 * * * *  /usr/local/bin/desk sweep
            --db /var/lib/messagedesk/desk.sqlite >> /var/lib/messagedesk/log/sweep.log 2>&1

            USAGE: desk sweep [--db <path>] [--as <handle>] [--json]

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
        HelpScreen(["simulate"], """
            OVERVIEW: Simulate business days of calls, the office line and callbacks,
            through the real library into a database of its own.

            Clients call salespeople's mobiles; unanswered callers call the office (63% in
            the survey, more when urgent), retry, or wait; operators take messages into the
            simulation database, the escalation sweep runs on the simulated clock, and
            salespeople return callbacks by priority. The same seed and parameters give the
            same report and the same database.
            The simulation database is $XDG_DATA_HOME/messagedesk/simulation.sqlite
            (~/.local/share/messagedesk/simulation.sqlite), or --db; never $DESK_DB, the
            real desk. Each run replaces it whole, and it is marked as a simulation: desk
            simulate refuses a real desk (exit 65), even an empty one, and any file it did
            not make. Browse it with desk callbacks --db PATH and the rest.
            --compare NAME=V1,V2,… runs the same traffic once per value (each in its own
            in-memory database) and prints the scenarios side by side; operators=0 is an
            office with no desk.
            Parameters (NAME=default: meaning and source), for --set, --compare and
            --scenario files (a JSON object of NAME: value):
              days=5: business days simulated (assumption)
              salespeople=10: salespeople with mobiles (assumption)
              operators=2: operators on the office line, 0 = no desk (assumption)
              seed=1: seed of every random choice
              calls-per-salesperson=8: client calls per salesperson per day (assumption)
              hourly-profile=0.8/1.6/1.4/0.6/0.9/1.5/1.4/1/0.6: relative intensity per
            business hour, slash-separated (assumption: morning and afternoon peaks)
              clients-per-salesperson=25: clients each salesperson has (assumption)
              urgent-share=0.2: share of urgent calls (assumption)
              type-one-share=0.4: share of type ① buyers (assumption)
              meetings-per-day=2: meetings per salesperson per day, mean (assumption)
              meeting-minutes=60: mean meeting length (assumption)
              visits-per-day=1: client visits per salesperson per day, mean (assumption)
              visit-minutes=120: mean visit length with travel (assumption)
              day-off=0.05: probability of a day off (assumption)
              miss-while-free=0.15: probability a free salesperson misses a call
            (assumption)
              talk-minutes=6: mean length of a mobile call or callback (assumption)
              reach=0.75: probability a callback reaches the caller (assumption)
              retry-attempt-minutes=30: wait before retrying a failed callback (assumption)
              missed-call-noticed=0.7: probability a missed call without a message is
            returned (assumption)
              office-fallback=0.63: share who call the office when the mobile is unanswered
            (survey: 0.63)
              urgent-office-fallback=0.85: the same for urgent callers (assumption: urgency
            drives it)
              retry-mobile-share=0.5: of the others, share who retry the mobile (survey;
            split assumed)
              retry-mobile-minutes=30: mean wait before retrying the mobile (assumption)
              max-mobile-retries=2: mobile retries before calling the office (survey:
            mobile → office)
              handling-seconds=180: mean operator handling time (assumption)
              office-patience-seconds=120: mean patience on hold (assumption)
              redial-share=0.5: share of hung-up callers who call the office again (survey)
              redial-minutes=5: mean wait before calling the office again (assumption)
              window-share=0.3: share of messages with a call-back-by time (survey)
              window-minutes=120: how far ahead that time lies (assumption)
              service-level-seconds=20: service-level target (call-centre convention)
              type-one-patience-minutes=120: mean business minutes a type ① caller waits
            for a callback (buyer study; due policy 2 h)
              type-two-patience-minutes=1080: mean business minutes a type ② caller waits
            (assumption: two business days)
              sweep-minutes=5: minutes between escalation sweeps (README's cron line)

            USAGE: desk simulate [--db <path>] [--json] [--days <days>] [--salespeople <salespeople>] [--operators <operators>] [--seed <seed>] [--start <time>] [--set <name=value> ...] [--scenario <file>] [--compare <name=v1,v2,…>]

            OPTIONS:
              --db <path>             The simulation database, replaced by each run
                                      (default:
                                      $XDG_DATA_HOME/messagedesk/simulation.sqlite, never
                                      $DESK_DB); ':memory:' keeps nothing.
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --days <days>           Business days to simulate (default 5).
              --salespeople <salespeople>
                                      Salespeople (default 10).
              --operators <operators> Operators on the office line; 0 = no desk (default 2).
              --seed <seed>           The seed of every random choice (default 1).
              --start <time>          The first simulated day: the first business day at or
                                      after this (default: today).
              --set <name=value>      Set any parameter listed below (repeatable).
              --scenario <file>       Read parameters from a JSON object of NAME: value.
              --compare <name=v1,v2,…>
                                      Run once per value and compare, e.g.
                                      operators=0,1,2,3.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["notifications"], """
            OVERVIEW: List the outbox: messages, re-notifications, reminders and
            escalations.

            USAGE: desk notifications [--db <path>] [--as <handle>] [--account <code>] [--json] [--csv] [--bom] [--wide] [--pending] [--failed]

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
              --pending               Only those not delivered yet (pending, sending, or
                                      waiting to be tried again).
              --failed                Only those that failed permanently: the far end
                                      refused them and they are not tried again.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["notify"], """
            OVERVIEW: Hand each pending notification to COMMAND as JSON on stdin; delivered
            only when it reads it all and exits 0.

            COMMAND runs with /bin/sh -c. A failing, hanging or non-reading gateway loses
            nothing: the notification is failed-temporary and tried again after a wait (1,
            2, 4 … minutes, at most an hour); a gateway that exits 69 fails it for good
            (desk notifications --failed). desk notify exits 0 when all were delivered, 75
            when any may go through on a later run, 69 when every failure was for good. At
            the timeout the gateway's whole process group is stopped. Gateways for mail,
            Slack, Chatwork, LINE WORKS, Teams and signed webhooks are in
            Scripts/gateways/. Delivery is at least once: a gateway drops repeats by the
            notification's idempotency_key. One notifier runs at a time per database file.
            Example: desk notify --exec 'Scripts/gateways/smtp --host mail.example.jp
            --from desk@example.jp --to "{handle}@example.jp"' — each notification is
            mailed to its recipient's mail channel, else to the --to address, with its
            reply code; see the README for chat services, signed webhooks and a log-file
            gateway.

            USAGE: desk notify [--db <path>] [--as <handle>] [--json] --exec <exec> [--timeout <timeout>] [--daemon] [--interval <interval>]

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --exec <exec>           The gateway command.
              --timeout <timeout>     Seconds a gateway may take before it counts as
                                      failed. (default: 30)
              --daemon                Keep running and deliver notifications as they
                                      appear, until SIGTERM or SIGINT (exit 0).
              --interval <interval>   With --daemon: seconds between looks at an outbox
                                      with nothing due. (default: 10)
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["backup"], """
            OVERVIEW: Copy the live database to DEST while others keep writing; check the
            copy, then put it in place.

            The copy is written to a hidden temporary file beside DEST (mode 0600), flushed
            to the disk, checked (integrity_check, foreign_key_check), and only then
            renamed to DEST; the directory is flushed too. A failed backup leaves DEST as
            it was. The live database is never migrated or changed. Prints the size, the
            time taken and the check.
            Something that is not a desk (an empty file, another program's database) is not
            backed up. Unless --allow-shrink, a copy with fewer events than the backup it
            replaces or than --previous, or less than half its size, fails (65): the
            database lost data or was replaced. Temporary files that killed backups left
            beside DEST are removed first.

            USAGE: desk backup [--db <path>] [--as <handle>] [--json] <dest> [--overwrite] [--previous <backup>] [--allow-shrink]

            ARGUMENTS:
              <dest>                  The backup file to write; its directory must exist.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --overwrite             Replace DEST when it exists (never the live database).
              --previous <backup>     An earlier backup the copy must not have fewer events
                                      than, nor less than half the size of.
              --allow-shrink          Accept a copy with fewer events or less than half the
                                      size of the previous backup (after a restore).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["check"], """
            OVERVIEW: Check the database: SQLite's integrity and foreign key checks, and
            its schema version.

            Prints what each check found, and exits non-zero on any problem: 65 when the
            integrity (CHECK constraints included) or foreign key check fails (restore from
            a backup), 78 when a newer MessageDesk wrote the database or a stored setting
            is not in force (its default applies; fix it with `desk config set`). Nothing
            is changed: pending migrations are reported, not applied. A file that is not a
            desk is refused as every command refuses it (66 empty or missing, 65 another
            program's). The file's mode is reported: other users able to read or change it
            is worth fixing, but is not a failed check.

            USAGE: desk check [--db <path>] [--as <handle>] [--json]

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
        HelpScreen(["restore"], """
            OVERVIEW: Replace the live database with the backup SRC, keeping the current
            one as a dated copy.

            SRC is checked first (integrity, foreign keys, a schema this desk knows); a
            damaged SRC, or one from a newer MessageDesk, is refused and nothing changes.
            The current database is kept as DB.before-restore-YYYYMMDDTHHMMSSZ (UTC), then
            SRC is written into it in one transaction, so desks that have it open see the
            old database or the restored one, never a mix. Without --force, a database with
            writes newer than SRC (its last event is not in SRC) is not replaced. Ids go on
            above the highest the replaced database handed out, so an id printed before the
            restore never names another record after it. Only the --keep newest
            before-restore copies are kept (default 3); temporary files of killed runs are
            removed.

            USAGE: desk restore [--db <path>] [--as <handle>] [--json] <src> [--force] [--keep <n>]

            ARGUMENTS:
              <src>                   The backup to restore (made by `desk backup`).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --force                 Restore even when the database has writes newer than
                                      SRC, or cannot be read.
              --keep <n>              How many DB.before-restore-* copies to keep, the
                                      newest (at least 1). (default: 3)
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["calendar"], """
            OVERVIEW: Show or change the office's calendar: holidays, closures, dates
            opened, hours by weekday or date.

            Due times, the priority's overdue term, the overdue ladder's business-hours
            clock, the daily report and the board all follow this calendar. The national
            holidays (国民の祝日, 1973-2099) close the office unless it opens on one (open DATE)
            or switches them off (holidays off). The year-end closure (年末年始) is the setting
            year_end_closure, default 12-29..01-03.

            USAGE: desk calendar <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              show (default)          List the days the office is closed and why, and its
                                      hours (this year by default).
              close                   Close the office on a date, a range of dates, or days
                                      of every year (recorded in the event log).
              open                    Open the office on a date it would be closed, with
                                      that day's usual hours (recorded in the event log).
              hours                   Set the hours of a date (a half day), or of weekdays
                                      in place of business_hours (recorded in the event
                                      log).
              entries                 List the office's calendar entries in force, with the
                                      ids `remove` takes.
              remove                  Remove a calendar entry by its id (see `desk calendar
                                      entries`; recorded in the event log).
              year-end                Change the closure of every year (default 年末年始
                                      12-29..01-03), or remove it with none (the setting
                                      year_end_closure).
              holidays                Close the office on the national holidays (on, the
                                      default) or work on them (off); the setting
                                      national_holidays.

              See 'desk help calendar <subcommand>' for detailed help.

            """),
        HelpScreen(["calendar", "show"], """
            OVERVIEW: List the days the office is closed and why, and its hours (this year
            by default).

            USAGE: desk calendar show [--db <path>] [--as <handle>] [--json] [--account <code>] [--year <year>] [--month <month>]

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --account <code>        This client account's own (default: the service-wide
                                      one every account falls back to).
              --year <year>           A year, e.g. 2026.
              --month <month>         A month, YYYY-MM, e.g. 2026-08.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["calendar", "close"], """
            OVERVIEW: Close the office on a date, a range of dates, or days of every year
            (recorded in the event log).

            USAGE: desk calendar close [--db <path>] [--as <handle>] [--json] [--account <code>] <days> [--note <note>]

            ARGUMENTS:
              <days>                  2026-08-13, 2026-08-13..2026-08-16, or 08-13..08-16
                                      for every year.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --account <code>        This client account's own (default: the service-wide
                                      one every account falls back to).
              --note <note>           Why, e.g. お盆.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["calendar", "open"], """
            OVERVIEW: Open the office on a date it would be closed, with that day's usual
            hours (recorded in the event log).

            USAGE: desk calendar open [--db <path>] [--as <handle>] [--json] [--account <code>] <date>

            ARGUMENTS:
              <date>                  The date, e.g. 2026-11-23.

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
        HelpScreen(["calendar", "hours"], """
            OVERVIEW: Set the hours of a date (a half day), or of weekdays in place of
            business_hours (recorded in the event log).

            USAGE: desk calendar hours [--db <path>] [--as <handle>] [--json] [--account <code>] <day> <hours>

            ARGUMENTS:
              <day>                   A date (2026-12-28), or weekdays (sat, mon-fri).
              <hours>                 HH:MM-HH:MM, e.g. 09:00-12:00; for weekdays also
                                      closed.

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
        HelpScreen(["calendar", "entries"], """
            OVERVIEW: List the office's calendar entries in force, with the ids `remove`
            takes.

            USAGE: desk calendar entries [--db <path>] [--as <handle>] [--json] [--account <code>]

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
        HelpScreen(["calendar", "remove"], """
            OVERVIEW: Remove a calendar entry by its id (see `desk calendar entries`;
            recorded in the event log).

            USAGE: desk calendar remove [--db <path>] [--as <handle>] [--json] [--account <code>] <id>

            ARGUMENTS:
              <id>                    The entry's id.

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
        HelpScreen(["calendar", "year-end"], """
            OVERVIEW: Change the closure of every year (default 年末年始 12-29..01-03), or
            remove it with none (the setting year_end_closure).

            USAGE: desk calendar year-end [--db <path>] [--as <handle>] [--json] [--account <code>] <days>

            ARGUMENTS:
              <days>                  MM-DD..MM-DD, e.g. 12-28..01-04, or none.

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
        HelpScreen(["calendar", "holidays"], """
            OVERVIEW: Close the office on the national holidays (on, the default) or work
            on them (off); the setting national_holidays.

            USAGE: desk calendar holidays [--db <path>] [--as <handle>] [--json] [--account <code>] <on|off>

            ARGUMENTS:
              <on|off>                on: closed on the national holidays (the default);
                                      off: they are working days.

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
        HelpScreen(["usage"], """
            OVERVIEW: A month's calls by category, the plan's allowance and overage; strike
            a call to spam.

            The month runs from the 1st at midnight to the next 1st in the business time
            zone. The calls are counted with the strikes and the plan as they stood at the
            month's end (or now, while it lasts), so a closed month's usage does not change
            later.

            USAGE: desk usage <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              month (default)         Show one account's usage of a month, or every
                                      account's (--all).
              strike                  Move a call of this month to spam, so it is not
                                      billed; capped by the plan.

              See 'desk help usage <subcommand>' for detailed help.

            """),
        HelpScreen(["usage", "month"], """
            OVERVIEW: Show one account's usage of a month, or every account's (--all).

            USAGE: desk usage month [--db <path>] [--as <handle>] [--account <code>] [--json] [--csv] [--bom] [--wide] [--month <month>] [--all]

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
              --month <month>         The month: YYYY-MM (default: this month).
              --all                   One row per account, for invoicing.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["usage", "strike"], """
            OVERVIEW: Move a call of this month to spam, so it is not billed; capped by the
            plan.

            USAGE: desk usage strike [--db <path>] [--as <handle>] [--account <code>] <call-id> --reason <reason>

            ARGUMENTS:
              <call-id>               The call's id (desk usage lists them).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --reason <reason>       Why the call is not billed.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["cron-lines"], """
            OVERVIEW: Print the crontab lines of the sweep, the notifier and the nightly
            backup for this desk.

            Nothing is opened or created. The lines write logs to log/ and backups to
            backups/ beside the database; Scripts/setup.sh creates both. Add them with
            crontab -e as a user who may write the desk.

            USAGE: desk cron-lines [--db <path>] [--prefix <dir>]

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --prefix <dir>          Where desk is installed: PREFIX/bin/desk,
                                      PREFIX/share/messagedesk/nightly-backup.sh. (default:
                                      /usr/local)
              --version               Show the version.
              -h, --help              Show help information.


            """),
    ]
}
