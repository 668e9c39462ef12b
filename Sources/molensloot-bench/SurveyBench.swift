import Foundation
import SixSteps

/// Part two: a survey import of a million responses, against sqlite3's own `.import` of the same
/// file into a plain table. sqlite3 only splits fields and stores text; molensloot also checks
/// every row (score within the scale, a real date, known slugs) and computes the measurement,
/// so the budget is a ratio, not a time: at most 1.5 times sqlite3's.
enum SurveyBench {
    static let responses = 1_000_000
    static let runs = 3
    static let allowedRatio = 1.5
    // Fixed, so every run imports the very same file ("enquete" and a 1 in ASCII).
    static let seed: UInt64 = 0x656E_7175_6574_6531
    static let metric = "tevredenheid-mor"
    static let sqlite3 = URL(fileURLWithPath: "/usr/bin/sqlite3")

    static func run(binary: URL, workspace: Workspace) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: sqlite3.path) else {
            fatal("\(sqlite3.path) is missing; install it with `apt-get install sqlite3`")
        }
        let csv = workspace.file("enquete.csv")
        let facts = generate(into: csv)

        // The roadmap the responses go into, made once through the CLI and copied before each
        // run, so every import is a full insert into the same starting file.
        let template = Molensloot(binary: binary, workspace: workspace, databaseName: "survey-template.sqlite")
        _ = template.output(["init", "--name", "Gemeente Molensloot"])
        _ = template.output(["journey", "add", SurveyGenerator.journey, "Melding openbare ruimte"])
        _ = template.output(["metric", "add", metric, "Tevredenheid", "--unit", "cijfer",
                             "--scale-min", "1", "--scale-max", "10", "--journey", SurveyGenerator.journey])
        _ = template.output(["persona", "add", SurveyGenerator.persona, "Drukke ouders"])
        _ = template.output(["cycle", "open", "Voorjaar 2014", "--start", "2014-03-01"])
        step("roadmap", "\(template.database.path): journey \(SurveyGenerator.journey), metric \(metric) (1-10), "
             + "persona \(SurveyGenerator.persona), cycle open")
        let version = sqliteOutput(["--version"], workspace).split(separator: " ").first.map(String.init) ?? "?"
        step("sqlite3", "\(sqlite3.path) \(version)")

        let plain = workspace.file("plain.sqlite")
        let target = Molensloot(binary: binary, workspace: workspace, databaseName: "survey.sqlite")
        var sqliteTimes: [Double] = []
        var molenslootTimes: [Double] = []
        print("")
        print("\(runs) runs each, alternating; whole processes from launch to exit, fresh database file each run")
        for run in 1...runs {
            removeDatabase(plain)
            let errors = workspace.freshFile("sqlite3.txt")
            let imported = runChild(sqlite3, [plain.path, ".mode csv", ".separator ;", ".import \(csv.path) responses"],
                                    in: workspace.folder, stderr: errors)
            try? errors.close()
            guard imported.succeeded, workspace.text(of: "sqlite3.txt").isEmpty else {
                fatal("sqlite3 .import failed (exit \(imported.status)): \(workspace.text(of: "sqlite3.txt"))")
            }
            checkPlainTable(plain, facts, workspace)
            sqliteTimes.append(imported.milliseconds)

            copyDatabase(template.database, to: target.database)
            let (text, milliseconds) = target.output(["survey", "import", csv.path, "--metric", metric])
            guard text.hasPrefix("imported \(responses) responses for \(metric)") else {
                fatal("`molensloot survey import` said: \(text)")
            }
            molenslootTimes.append(milliseconds)
            step("run \(run)", "sqlite3 \(seconds(imported.milliseconds)), molensloot \(seconds(milliseconds))")
        }
        step("verified", "sqlite3's table holds \(responses) rows with the generated score sum, every run")
        step("verified", checkResults(target, facts))
        step("verified", checkFile(target.database, workspace))

        let sqliteMedian = median(sqliteTimes)
        let molenslootMedian = median(molenslootTimes)
        let ratio = molenslootMedian / sqliteMedian
        let passed = ratio <= allowedRatio
        let header = ["import of \(grouped(responses)) responses", "runs", "min s", "median s", "max s", "rows/s",
                      "vs sqlite3", "budget", "result"]
        let rows = [
            row("sqlite3 .import (plain table)", sqliteTimes, ratio: nil),
            row("molensloot survey import", molenslootTimes, ratio: ratio),
        ]
        print("")
        print(alignedTable(header: header, rows: rows, rightAligned: [1, 2, 3, 4, 5, 6, 7]))
        print("")
        print(passed ? String(format: "PASS: molensloot takes %.2f times sqlite3's time, within %.1f", ratio, allowedRatio)
                     : String(format: "FAIL: molensloot takes %.2f times sqlite3's time, over %.1f", ratio, allowedRatio))
        return passed
    }

    // MARK: - Steps

    private static func generate(into csv: URL) -> SurveyFacts {
        let start = ContinuousClock.now
        var generator = SurveyGenerator(seed: seed)
        let bytes = generator.csv(responses: responses)
        guard FileManager.default.createFile(atPath: csv.path, contents: Data(bytes)) else {
            fatal("cannot write \(csv.path)")
        }
        let facts = generator.facts
        step("generated", "\(csv.path) (\(formatBytes(bytes.count)), \(seconds((ContinuousClock.now - start).milliseconds)), "
             + "seed \(seed))")
        step("", "\(grouped(facts.responses)) responses, mean score \(String(format: "%.6f", facts.mean)), "
             + "\(grouped(facts.comments)) comments of which \(grouped(facts.quotedComments)) quoted")
        return facts
    }

    /// sqlite3 must have stored every row with its fields in the right columns, or its time
    /// would be of less work: the count and the sum of the scores (decimal comma and all) tell.
    private static func checkPlainTable(_ plain: URL, _ facts: SurveyFacts, _ workspace: Workspace) {
        let text = sqliteOutput([plain.path, "SELECT count(*), sum(CAST(replace(score, ',', '.') AS INTEGER)), "
                                 + "sum(comment <> '') FROM responses"], workspace)
        let expected = "\(facts.responses)|\(facts.scoreSum)|\(facts.comments)"
        guard text.trimmingCharacters(in: .whitespacesAndNewlines) == expected else {
            fatal("sqlite3's table holds count|sum|comments \(text), expected \(expected)")
        }
    }

    /// What `survey results` reports must be what was generated: n, the mean (to 1e-9), and each
    /// score's, phase's, channel's and persona's count.
    private static func checkResults(_ molensloot: Molensloot, _ facts: SurveyFacts) -> String {
        let results = molensloot.json(["survey", "results", metric, "--json"])
        func fail(_ message: String) -> Never {
            fatal("`molensloot survey results \(metric) --json`: \(message)")
        }
        guard let overall = results["overall"], let n = overall["n"]?.int, let mean = overall["mean"]?.double else {
            fail("no overall n and mean in \(results.serialized())")
        }
        guard n == facts.responses else { fail("n is \(n), expected \(facts.responses)") }
        // The JSON gives the mean to 4 places, so that is what it is compared with; the exact
        // mean is checked through the distribution below.
        let shownMean = (facts.mean * 10_000).rounded() / 10_000
        guard abs(mean - shownMean) <= 1e-9 else { fail("the mean is \(mean), expected \(shownMean)") }

        var histogram = Array(repeating: 0, count: 10)
        var sum = 0.0
        for entry in results["distribution"]?.array ?? [] {
            guard let score = entry["score"]?.double, let count = entry["count"]?.int,
                  let whole = Int(exactly: score), (1...10).contains(whole) else { fail("odd distribution entry \(entry.serialized())") }
            histogram[whole - 1] = Int(count)
            sum += score * Double(count)
        }
        guard histogram == facts.histogram else { fail("the distribution is \(histogram), expected \(facts.histogram)") }
        let exactMean = sum / Double(n)
        guard abs(exactMean - facts.mean) <= 1e-9 else {
            fail("the distribution's mean is \(exactMean), expected \(facts.mean)")
        }

        func counts(_ key: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for group in results[key]?.array ?? [] {
                if let label = group["group"]?.string, let n = group["n"]?.int { counts[label] = Int(n) }
            }
            return counts
        }
        guard counts("by_phase") == facts.byPhase else { fail("by_phase is \(counts("by_phase")), expected \(facts.byPhase)") }
        guard counts("by_channel") == facts.byChannel else { fail("by_channel is \(counts("by_channel")), expected \(facts.byChannel)") }
        let personas = [SurveyGenerator.persona: facts.withPersona]
        guard counts("by_persona") == personas else { fail("by_persona is \(counts("by_persona")), expected \(personas)") }
        return "survey results: n \(grouped(Int(n))), mean \(String(format: "%.9f", exactMean)) from the distribution "
            + "(generated \(String(format: "%.9f", facts.mean))), shown \(mean); every score, phase, channel and persona count"
    }

    /// The imported file must be sound, indexes included, and as it was set up, whatever the
    /// import did to be fast.
    private static func checkFile(_ database: URL, _ workspace: Workspace) -> String {
        let index = sqliteOutput([database.path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                  + "AND name = 'survey_responses_by_metric'"], workspace)
        guard index.trimmingCharacters(in: .whitespacesAndNewlines) == "1" else {
            fatal("the index survey_responses_by_metric is missing after the import")
        }
        let integrity = sqliteOutput([database.path, "PRAGMA integrity_check"], workspace)
        guard integrity.trimmingCharacters(in: .whitespacesAndNewlines) == "ok" else {
            fatal("PRAGMA integrity_check after the import: \(integrity.prefix(2_000))")
        }
        // The import may write with a rollback journal; the file must be back on its WAL.
        let journal = sqliteOutput([database.path, "PRAGMA journal_mode"], workspace)
        guard journal.trimmingCharacters(in: .whitespacesAndNewlines) == "wal" else {
            fatal("the roadmap's journal mode after the import is \(journal), expected wal")
        }
        return "survey_responses_by_metric exists, PRAGMA integrity_check is ok, journal_mode is wal again"
    }

    // MARK: - Helpers

    private static func sqliteOutput(_ arguments: [String], _ workspace: Workspace) -> String {
        let output = workspace.freshFile("sqlite3-out.txt")
        let errors = workspace.freshFile("sqlite3.txt")
        let result = runChild(sqlite3, arguments, in: workspace.folder, stdout: output, stderr: errors)
        try? output.close()
        try? errors.close()
        guard result.succeeded else {
            fatal("`sqlite3 \(arguments.joined(separator: " "))` failed (exit \(result.status)): \(workspace.text(of: "sqlite3.txt"))")
        }
        return workspace.text(of: "sqlite3-out.txt")
    }

    /// A database with its WAL and shared-memory files, so no stale journal is picked up.
    private static func removeDatabase(_ url: URL) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: url.path + suffix)
        }
    }

    private static func copyDatabase(_ source: URL, to target: URL) {
        removeDatabase(target)
        do {
            try FileManager.default.copyItem(at: source, to: target)
            // The CLI checkpoints on exit, but a WAL left behind holds committed data too.
            let wal = URL(fileURLWithPath: source.path + "-wal")
            if FileManager.default.fileExists(atPath: wal.path) {
                try FileManager.default.copyItem(at: wal, to: URL(fileURLWithPath: target.path + "-wal"))
            }
        } catch {
            fatal("cannot copy \(source.path) to \(target.path): \(error.localizedDescription)")
        }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }

    private static func row(_ label: String, _ milliseconds: [Double], ratio: Double?) -> [String] {
        let sorted = milliseconds.sorted()
        func format(_ value: Double?) -> String { value.map { String(format: "%.2f", $0 / 1_000) } ?? "-" }
        let middle = median(milliseconds)
        return [label, "\(sorted.count)", format(sorted.first), format(middle), format(sorted.last),
                grouped(Int((Double(responses) / (middle / 1_000)).rounded())),
                ratio.map { String(format: "%.2f", $0) } ?? "1.00",
                ratio == nil ? "-" : String(format: "%.2f", allowedRatio),
                ratio.map { $0 <= allowedRatio ? "PASS" : "FAIL" } ?? "-"]
    }

    /// 1 000 000: groups of three, as the figures are written in Dutch.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: " ")
    }
}
