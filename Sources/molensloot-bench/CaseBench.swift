import Foundation

/// Part four: a million status rows of an older case system (zaaknummer, zaaktype, status,
/// datum, afdeling) through `case import`, against sqlite3's own `.import` of the same file into
/// a plain table. molensloot also checks every row, hashes every zaaknummer under the key file
/// and works out each case's start and the order of its statuses: at most 2 times sqlite3's time.
enum CaseBench {
    static let statuses = 1_000_000
    static let statusesPerCase = 5
    static let runs = 3
    static let allowedRatio = 2.0
    // Fixed, so every run imports the very same file ("cases" and a 1 in ASCII).
    static let seed: UInt64 = 0x6361_7365_7331

    static let types = ["Omgevingsvergunning regulier", "Bezwaarschrift", "Parkeervergunning"]
    static let steps = [("Aanvraag ontvangen", "Intake"), ("In behandeling", "Vergunningen"), ("Advies aangevraagd", "Welstand"),
                        ("Besluit in voorbereiding", "Juridische Zaken"), ("Besluit verzonden", "Juridische Zaken")]

    static func run(_ context: BenchContext) throws(BenchFailure) -> [BenchRow] {
        SQLiteShell.requireInstalled()
        let workspace = context.workspace
        let csv = workspace.file("statussen.csv")
        let cases = generate(into: csv)

        let template = Molensloot(binary: context.binary, workspace: workspace, databaseName: "cases-template.sqlite")
        _ = try template.output(["init", "--name", "Gemeente Molensloot"])
        let keyFile = workspace.file("pseudonym.key").path
        if !FileManager.default.fileExists(atPath: keyFile) { _ = try template.output(["key", "create", "--key-file", keyFile]) }

        let target = Molensloot(binary: context.binary, workspace: workspace, databaseName: "cases.sqlite")
        let comparison = ImportComparison(csv: csv, plainTable: "statussen", template: template, target: target,
                                          command: ["case", "import", csv.path, "--key-file", keyFile], runs: runs)
        var outcome = comparison.run(
            checkPlain: { plain throws(BenchFailure) in
                let text = try SQLiteShell.output([plain.path, "SELECT count(*), count(DISTINCT zaaknummer) FROM statussen"], workspace)
                guard text == "\(statuses)|\(cases)" else { throw BenchFailure("sqlite3's table holds rows|cases \(text), expected \(statuses)|\(cases)") }
            },
            checkPrinted: { printed throws(BenchFailure) in
                guard printed.hasPrefix("imported \(cases) cases (\(cases) new) and \(statuses) statuses (\(statuses) new)") else {
                    throw BenchFailure("case import printed: \(printed.prefix(200))")
                }
            })
        if outcome.failure == nil {
            do throws(BenchFailure) {
                try SQLiteShell.checkIntegrity(target.database, workspace)
                let stored = try SQLiteShell.output([target.database.path,
                                                     "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM case_statuses), "
                                                        + "(SELECT count(*) FROM case_steps)"], workspace)
                let expected = "\(cases)|\(statuses)|\(types.count * steps.count)"
                guard stored == expected else { throw BenchFailure("the roadmap holds cases|statuses|steps \(stored), expected \(expected)") }
                step("verified", "integrity_check ok; \(grouped(cases)) cases, \(grouped(statuses)) statuses, \(types.count * steps.count) steps")
            } catch {
                outcome.failure = error.description
            }
        }
        return [outcome.row(part: "cases", what: "case import, \(grouped(statuses)) statuses (\(formatBytes(fileSize(csv))))",
                            rows: statuses, budget: allowedRatio),
                outcome.readerRow(part: "cases")]
    }

    /// Writes the file and returns the number of cases: each case passes the five steps in
    /// order over a few weeks of 2015, its dates in the Dutch spelling and with a time.
    private static func generate(into csv: URL) -> Int {
        let start = ContinuousClock.now
        var random = SplitMix64(seed: seed)
        var text = "Zaaknummer;Zaaktype;Status;Datum;Afdeling\r\n"
        text.reserveCapacity(statuses * 70)
        let cases = statuses / statusesPerCase
        for number in 0..<cases {
            let type = types[number % types.count]
            var day = random.int(0...330)
            for (index, (status, department)) in steps.enumerated() {
                day += index == 0 ? 0 : random.int(1...12)
                let date = Calendar2015.date(day)
                let time = index % 2 == 0 ? String(format: "%02d-%02d-2015", date.day, date.month)
                    : String(format: "2015-%02d-%02d %02d:%02d", date.month, date.day, 8 + random.int(0...9), random.int(0...59))
                text += "Z-2015-\(String(100_000 + number));\(type);\(status);\(time);\(department)\r\n"
            }
        }
        guard FileManager.default.createFile(atPath: csv.path, contents: Data(text.utf8)) else { fatal("cannot write \(csv.path)") }
        step("generated", "\(csv.lastPathComponent): \(grouped(statuses)) statuses of \(grouped(cases)) cases, "
             + "\(formatBytes(text.utf8.count)) (\(seconds((ContinuousClock.now - start).milliseconds)))")
        return cases
    }
}

/// Days of 2015 and on, as month and day, for the generated dates.
private enum Calendar2015 {
    static let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    static func date(_ dayOfYear: Int) -> (month: Int, day: Int) {
        var rest = min(dayOfYear, 364)
        for (index, length) in lengths.enumerated() {
            if rest < length { return (index + 1, rest + 1) }
            rest -= length
        }
        return (12, 31)
    }
}
