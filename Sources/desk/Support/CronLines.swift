import MessageDesk

/// The crontab lines of a desk's three jobs — the escalation sweep, the notifier, the nightly backup — defined
/// once: `desk cron-lines` prints them, `desk sweep --help` shows the sweep's, `Scripts/setup.sh` prints them
/// and the README shows what `desk cron-lines` prints (CronLinesTests compares). Change them here.
struct CronLines {
    /// Where `desk` and the backup script are installed (`bin/desk`, `share/messagedesk/nightly-backup.sh`).
    let prefix: String
    /// The desk database; its directory holds `backups/` and `log/`.
    let database: String

    /// The prefix `Scripts/setup.sh` installs to by default.
    static let standardPrefix = "/usr/local"

    private var desk: String { prefix + "/bin/desk" }
    private var directory: String { DeskFile.directory(of: database) }
    private var log: String { directory + "/log" }

    /// Runs every 5 minutes: safe to overlap, a second run changes nothing.
    var sweep: String {
        "*/5 * * * *  \(desk) sweep --db \(database) >> \(log)/sweep.log 2>&1"
    }

    /// Every 5 minutes, each notification as one JSON line to a file (README: "Notifications" shows gateways).
    var notifier: String {
        "*/5 * * * *  \(desk) notify --db \(database) --exec 'cat >> \(log)/notifications.jsonl' >> \(log)/notify.log 2>&1"
    }

    /// 02:30 every night, files named by Tokyo dates.
    var backup: String {
        "30 2 * * *  TZ=Asia/Tokyo DESK=\(desk) \(prefix)/share/messagedesk/nightly-backup.sh --db \(database) --dir \(directory)/backups 2>> \(log)/backup.log"
    }

    /// The block for a crontab: a comment, then the three lines.
    var crontab: String {
        """
        # MessageDesk: the escalation sweep and the notifier every 5 minutes, the backup at 02:30 every night
        \(sweep)
        \(notifier)
        \(backup)

        """
    }

    /// The lines of the database the help screens name.
    static let example = CronLines(prefix: standardPrefix, database: "/var/lib/messagedesk/desk.sqlite")
}
