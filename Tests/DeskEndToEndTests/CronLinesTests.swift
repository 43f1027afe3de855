import Foundation
import Testing

/// The crontab lines of the sweep, the notifier and the nightly backup come from one place: `desk cron-lines`
/// prints them, `desk sweep --help` shows the sweep's, and the README shows what the command prints.
@Suite struct CronLinesTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    @Test func cronLinesNameTheDeskTheDatabaseAndTheBackupDirectory() throws {
        let desk = try DeskSandbox()
        #expect(try desk.run(["cron-lines", "--db", "/srv/desk/desk.sqlite", "--prefix", "/opt/md"]) == DeskResult(status: 0, stdout: """
            # MessageDesk: the escalation sweep and the notifier every 5 minutes, the backup at 02:30 every night
            */5 * * * *  /opt/md/bin/desk sweep --db /srv/desk/desk.sqlite >> /srv/desk/log/sweep.log 2>&1
            */5 * * * *  /opt/md/bin/desk notify --db /srv/desk/desk.sqlite --exec 'cat >> /srv/desk/log/notifications.jsonl' >> /srv/desk/log/notify.log 2>&1
            30 2 * * *  TZ=Asia/Tokyo DESK=/opt/md/bin/desk /opt/md/share/messagedesk/nightly-backup.sh --db /srv/desk/desk.sqlite --dir /srv/desk/backups 2>> /srv/desk/log/backup.log

            """, stderr: ""))
        // Without --db: $DESK_DB, as every command; nothing is opened or created.
        let lines = try desk.run(["cron-lines"])
        #expect(lines.status == 0 && lines.stdout.contains("/usr/local/bin/desk sweep --db \(desk.database) >> \(desk.directory)/log/sweep.log 2>&1\n"))
        #expect(!FileManager.default.fileExists(atPath: desk.database))
    }

    @Test func theSweepsHelpShowsTheSweepsLine() throws {
        let desk = try DeskSandbox()
        let lines = try desk.run(["cron-lines", "--db", "/var/lib/messagedesk/desk.sqlite"]).stdout.split(separator: "\n")
        let sweep = try #require(lines.count > 1 ? lines[1] : nil, "no sweep line")
        let help = try desk.ok(["sweep", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(help.contains("Cron (desk cron-lines prints all three): \(sweep)"), "\(help)")
    }

    /// The README's block is `$ desk cron-lines --db /var/lib/messagedesk/desk.sqlite` and what it prints.
    @Test func theREADMEShowsWhatTheCommandPrints() throws {
        let desk = try DeskSandbox()
        let command = "desk cron-lines --db /var/lib/messagedesk/desk.sqlite"
        let printed = try desk.run(Array(command.split(separator: " ").dropFirst().map(String.init))).stdout
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        #expect(text.contains("```\n$ \(command)\n\(printed)```\n"))
        // Every other crontab line of the sweep or the nightly backup in the README is one of those.
        let crontabs = text.split(separator: "\n").filter {
            ($0.hasPrefix("*/5 ") && $0.contains("desk sweep")) || ($0.hasPrefix("30 2 ") && $0.contains("nightly-backup.sh"))
        }
        #expect(crontabs.count >= 4)
        for line in crontabs { #expect(printed.contains(line + "\n"), "README line not from desk cron-lines: \(line)") }
    }
}
