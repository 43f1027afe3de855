// Help screens pinned by HelpScreenTests.

extension HelpScreen {
    /// Taking messages and working callbacks.
    static let callbacks: [HelpScreen] = [
        HelpScreen(["take"], """
            OVERVIEW: Take a message with a form: asks, shows a summary, saves only when
            you confirm.

            Answers can be piped in, one per line (the message ends at an empty line).
            Japanese prompts when LC_ALL, LC_MESSAGES or LANG starts with "ja". Ctrl-C, end
            of input or answering n at the end saves nothing (exit 130, 1, 1).

            USAGE: desk take [--db <path>] [--as <handle>] [--account <code>] [--json] [--line <number>] [--request-id <request-id>]

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print the saved callback as JSON on stdout; the
                                      dialogue goes to stderr.
              --line <number>         The line the call came in on (a dialled number); it
                                      chooses the account.
              --request-id <request-id>
                                      The key of this submission (1 to 128 characters of
                                      A-Z a-z 0-9 . _ : -); default: a random one made when
                                      the form starts.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["log"], """
            OVERVIEW: Record a call and its message; open the callback, or join the
            caller's open one.

            USAGE: desk log <options>

            BUYER ATTRIBUTES (OPTIONAL; THEY DECIDE THE BUYER TYPE):
              --decision <decision>   Who decides: self, discretion (has some) or proposes
                                      (to a superior). (values: self, discretion, proposes)
              --proceed <proceed>     How the caller wants to go on: messages, or meeting
                                      to hear the details. (values: messages, meeting)
              --order-within <order-within>
                                      When the caller plans to order: 3m, 6m or later.
                                      (values: 3m, 6m, later)
              --vendors <vendors>     Other vendors the caller is considering: many (3 or
                                      more), some or none. (values: many, some, none)

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --for <for>             Whom the call was for (handle).
              --caller <caller>       The caller's name.
              --phone <phone>         The caller's phone number (03-1234-5678, +81 3 1234
                                      5678).
              --company <company>     The caller's company.
              --message <message>     The message, in the caller's words.
              --outcome <outcome>     A call that leaves no message and opens no callback:
                                      sales (営業電話, declined), wrong-number, silent (無言;
                                      --phone optional), spam or test. (values: sales,
                                      wrong-number, silent, spam, test)
              --urgent                The caller said it is urgent.
              --wants <wants>         What the caller wants: callback, call-again, info or
                                      verify. (values: callback, call-again, info, verify;
                                      default: callback)
              --after <after>         Not before this time (the caller's window opens):
                                      15:00, 15時, +1h, 明日10時, 11/24 15:00.
              --by <by>               By this time (the caller's window closes; the
                                      callback is due then): 17:00, 今日中, 明日, 月曜, 11/24
                                      15:00.
              --new-contact           The caller is new to the company.
              --operator <operator>   The operator who took the call (default: --as).
              --tried-mobile          The caller tried the salesperson's mobile first.
              --sensitive             Sensitive: lists show that the message exists, not
                                      its words (desk show shows them).
              --line <number>         The line the call came in on (a dialled number); it
                                      chooses the account.
              --call-id <id>          The phone system's id for the call; a call id the
                                      account has logged is refused.
              --request-id <request-id>
                                      A key for this submission (1 to 128 characters of A-Z
                                      a-z 0-9 . _ : -): a retry with the same key prints
                                      the first result and records nothing.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["callbacks"], """
            OVERVIEW: List callbacks: by default open and acknowledged ones, highest
            priority first.

            USAGE: desk callbacks [--db <path>] [--as <handle>] [--account <code>] [--json] [--csv] [--bom] [--wide] [--for <for>] [--state <state>] [--overdue] [--urgent] [--limit <limit>]

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
              --for <for>             Only those owed by this handle.
              --state <state>         open, acknowledged, done, cancelled, live (open and
                                      acknowledged) or all. (values: open, acknowledged,
                                      done, cancelled, all, live; default: live)
              --overdue               Only those past their due time.
              --urgent                Only urgent ones.
              --limit <limit>         At most this many.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["show"], """
            OVERVIEW: Show a callback: its messages, caller, priority breakdown and history.

            USAGE: desk show [--db <path>] [--as <handle>] [--account <code>] [--json] <id> [--call]

            ARGUMENTS:
              <id>                    The callback id (with --call, the call's).

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --call                  The id is a call's: say what the call was (a screened
                                      call, or the message's callback).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["ack"], """
            OVERVIEW: Acknowledge a callback: you have seen it and will call.

            USAGE: desk ack [--db <path>] [--as <handle>] [--account <code>] [--json] <id>

            ARGUMENTS:
              <id>                    The callback id, or the reply code of a notification
                                      of it.

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
        HelpScreen(["attempt"], """
            OVERVIEW: Record a try that did not reach the caller.

            USAGE: desk attempt [--db <path>] [--as <handle>] [--account <code>] [--json] <id> [--note <note>]

            ARGUMENTS:
              <id>                    The callback id.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --note <note>           What happened (no answer, voicemail, …).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["done"], """
            OVERVIEW: Close a callback: the caller was called back.

            USAGE: desk done [--db <path>] [--as <handle>] [--account <code>] [--json] <id> [--note <note>]

            ARGUMENTS:
              <id>                    The callback id, or the reply code of a notification
                                      of it.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --note <note>           What was agreed.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["reassign"], """
            OVERVIEW: Give a callback to someone else, or --back to the owner it was routed
            from.

            USAGE: desk reassign [--db <path>] [--as <handle>] [--account <code>] [--json] <id> [--to <to>] [--back] [--reason <reason>]

            ARGUMENTS:
              <id>                    The callback id.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --to <to>               The new owner's handle.
              --back                  Back to the owner it was routed from while they were
                                      away.
              --reason <reason>       Why.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["cancel"], """
            OVERVIEW: Cancel a callback that is no longer owed.

            USAGE: desk cancel [--db <path>] [--as <handle>] [--account <code>] [--json] <id> --reason <reason>

            ARGUMENTS:
              <id>                    The callback id.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --reason <reason>       Why it is no longer owed (required).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["escalate"], """
            OVERVIEW: Escalate a callback by hand: to --to, to the person of ladder step
            --step, else to the owner's escalation contact.

            USAGE: desk escalate [--db <path>] [--as <handle>] [--account <code>] [--json] <id> [--to <to>] [--step <step>] [--reason <reason>]

            ARGUMENTS:
              <id>                    The callback id.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --to <to>               Who should take it (default: the owner's escalation
                                      contact).
              --step <step>           Give it to the person that step N (1-based) of its
                                      ladder names.
              --reason <reason>       Why it is escalated.
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["history"], """
            OVERVIEW: Show every event of a callback: who did what, when, before → after.

            USAGE: desk history [--db <path>] [--as <handle>] [--account <code>] [--json] [--csv] [--bom] [--wide] <id>

            ARGUMENTS:
              <id>                    The callback id.

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
        HelpScreen(["incoming"], """
            OVERVIEW: Show who a ringing call is for and from: the account's greeting, the
            person, the caller.

            For a phone system's dialplan hook or a softphone's screen-pop. It reads only:
            nothing is written (record the call with desk log --line --call-id). An unknown
            line is an error (exit 65) that lists the accounts; an unknown diversion or
            caller is not. With --take, on a terminal, the message form of desk take
            follows, for the line's account, with the person and the caller's number
            offered as answers.

            USAGE: desk incoming [--db <path>] [--as <handle>] --to <dialled> [--from <caller>] [--diversion <number>] [--call-id <id>] [--take] [--json]

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --to <dialled>          The dialled number: a line of an account.
              --from <caller>         The caller's number (empty: withheld).
              --diversion <number>    The number the call was diverted from (a mobile
                                      forwarding on no answer; empty: none).
              --call-id <id>          The phone system's id for the call, echoed back.
              --take                  Then open the message form (desk take) for this call;
                                      a terminal only.
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["reply"], """
            OVERVIEW: Act on a reply to a notification read from stdin: ack (了解) or done
            (対応済み), by its reply code.

            Reads a mail (headers, body, quoted lines beginning with '>') or a chat
            message. The first word of the first unquoted line says what to do: ack or 了解
            acknowledges the callback, done or 対応済み closes it. The reply code is taken from
            the unquoted body, else from the Subject. A code acts once; an unknown or used
            code changes nothing and exits 65.

            USAGE: desk reply [--db <path>] [--as <handle>] [--account <code>] [--json] [--stdin]

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --stdin                 Read the reply from standard input (required).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["reopen"], """
            OVERVIEW: Bring back a callback closed by mistake (done or cancelled).

            It is open again for the same owner, due as if the message were taken now
            (within the caller's window while that is ahead), and its escalation ladders
            start again. When the caller already has a new live callback for that owner,
            the reopened one joins it (repeat count, urgency and due time as for a repeat
            call) and stays closed. `desk history` shows the closing and the reopening.

            USAGE: desk reopen [--db <path>] [--as <handle>] [--account <code>] [--json] <id> --reason <reason>

            ARGUMENTS:
              <id>                    The id of the closed callback.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --reason <reason>       Why it is reopened (required).
              --version               Show the version.
              -h, --help              Show help information.


            """),
        HelpScreen(["correct"], """
            OVERVIEW: Fix a wrong detail of a callback: the caller's phone or name, or a
            note on its message.

            The call and the message stay as they were taken: the correction is kept beside
            them, with its event, `desk show` and the lists show the corrected value, and
            `desk history` shows both. `desk report` counts corrections per 100 messages
            (伝言ミス).

            USAGE: desk correct [--db <path>] [--as <handle>] [--account <code>] [--json] <id> [--phone <phone>] [--caller <caller>] [--message-note <message-note>] [--reason <reason>]

            ARGUMENTS:
              <id>                    The callback id.

            OPTIONS:
              --db <path>             The desk database (default: $DESK_DB, else
                                      $XDG_DATA_HOME/messagedesk/desk.sqlite).
              --as <handle>           Who is making the change, for the event log (default:
                                      $DESK_USER, else your login).
              --account <code>        The client account (default: $DESK_ACCOUNT, else the
                                      desk's only open account).
              --json                  Print JSON (stable snake_case fields, ISO-8601 times
                                      with offset).
              --phone <phone>         The caller's right phone number.
              --caller <caller>       The caller's right name.
              --message-note <message-note>
                                      What the latest message should have said, noted
                                      beside its words.
              --reason <reason>       Why (optional).
              --version               Show the version.
              -h, --help              Show help information.


            """),
    ]
}
