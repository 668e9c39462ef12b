import Foundation
import SixSteps

/// Part three: a million contact registrations — one row per contact, with its case and journey —
/// through `volume import`, against sqlite3's own `.import` of the same file into a plain table.
/// molensloot also checks every row (a real timestamp, known channel and journey) and keeps the
/// cases' contacts apart: at most 2 times sqlite3's time.
enum ContactBench {
    static let contacts = 1_000_000
    static let runs = 3
    static let allowedRatio = 2.0
    // Fixed, so every run imports the very same file ("contact" and a 1 in ASCII).
    static let seed: UInt64 = 0x636F_6E74_6163_7431

    static func run(_ context: BenchContext) throws(BenchFailure) -> [BenchRow] {
        SQLiteShell.requireInstalled()
        let workspace = context.workspace
        let csv = workspace.file("contacten.csv")
        let facts = generate(into: csv)

        let template = Molensloot(binary: context.binary, workspace: workspace, databaseName: "contacts-template.sqlite")
        _ = try template.output(["init", "--name", "Gemeente Molensloot"])
        // The case keys are hashed under a key file of the workspace's own, never the home folder's.
        let keyFile = workspace.file("pseudonym.key").path
        if !FileManager.default.fileExists(atPath: keyFile) { _ = try template.output(["key", "create", "--key-file", keyFile]) }
        let existing = Set(try template.json(["channel", "list", "--json"]).array?.compactMap { $0["slug"]?.string } ?? [])
        let added = ContactGenerator.channels.filter { !existing.contains($0.slug) }
        for channel in added {
            _ = try template.output(["channel", "add", channel.slug, channel.name])
        }
        let journey = ContactGenerator.journey
        _ = try template.output(["journey", "add", journey.slug, journey.name])
        step("roadmap", "channels \(ContactGenerator.channels.map(\.slug).joined(separator: ", ")) "
             + "(added \(added.map(\.slug).joined(separator: ", "))), journey \(journey.slug)")

        let target = Molensloot(binary: context.binary, workspace: workspace, databaseName: "contacts.sqlite")
        let comparison = ImportComparison(csv: csv, plainTable: "contacts", template: template, target: target,
                                          command: ["volume", "import", csv.path, "--key-file", keyFile], runs: runs)
        // What the import prints is its own business; the file is checked after the runs.
        var outcome = comparison.run(checkPlain: { plain throws(BenchFailure) in try checkPlainTable(plain, facts, workspace) },
                                     checkPrinted: { _ throws(BenchFailure) in })
        if outcome.failure == nil {
            do {
                step("verified", "sqlite3's table: every row, case and journey, every run")
                try SQLiteShell.checkIntegrity(target.database, workspace)
                step("verified", try checkStoredContacts(target.database, facts, workspace))
                step("verified", try checkMix(target, facts))
            } catch {
                outcome.failure = error.description
            }
        }
        return [outcome.row(part: "contacts", what: "volume import, \(grouped(contacts)) contacts (\(formatBytes(fileSize(csv))))",
                            rows: contacts, budget: allowedRatio),
                outcome.readerRow(part: "contacts")]
    }

    private static func generate(into csv: URL) -> ContactFacts {
        let start = ContinuousClock.now
        var generator = ContactGenerator(seed: seed)
        let bytes = generator.csv(contacts: contacts)
        guard FileManager.default.createFile(atPath: csv.path, contents: Data(bytes)) else {
            fatal("cannot write \(csv.path)")
        }
        let facts = generator.facts
        let share = Double(facts.repeatCases) / Double(facts.cases) * 100
        step("generated", "\(csv.lastPathComponent): \(grouped(facts.contacts)) contacts, \(formatBytes(bytes.count)), "
             + "\(grouped(facts.cases)) cases, \(String(format: "%.0f", share))% with 2+ contacts "
             + "(\(seconds((ContinuousClock.now - start).milliseconds)))")
        return facts
    }

    /// sqlite3 must have stored every row with its fields in the right columns, or its time
    /// would be of less work: the count, the cases and the rows with a journey tell.
    private static func checkPlainTable(_ plain: URL, _ facts: ContactFacts, _ workspace: Workspace) throws(BenchFailure) {
        let text = try SQLiteShell.output([plain.path, "SELECT count(*), count(DISTINCT \"case\"), sum(journey <> '') FROM contacts"],
                                          workspace)
        let expected = "\(facts.contacts)|\(facts.cases)|\(facts.withJourney)"
        guard text == expected else {
            throw BenchFailure("sqlite3's table holds count|cases|with journey \(text), expected \(expected)")
        }
    }

    /// The roadmap must hold one contact per distinct (case, date, channel, reason), in its
    /// `contacts` table (cases have tables of their own since schema 6).
    private static func checkStoredContacts(_ database: URL, _ facts: ContactFacts, _ workspace: Workspace) throws(BenchFailure) -> String {
        let table = "contacts"
        let stored = try SQLiteShell.output([database.path, "SELECT count(*) FROM \"\(table)\""], workspace)
        guard stored == String(facts.distinct) else {
            throw BenchFailure("the roadmap holds \(stored) contacts in \(table), expected \(facts.distinct), "
                               + "the distinct (case, date, channel, reason) rows of the file")
        }
        return "integrity_check ok; \(table) holds \(grouped(facts.distinct)) contacts, one per distinct (case, date, channel, reason)"
    }

    /// `volume mix --json` must count every contact in its month and on its channel.
    private static func checkMix(_ molensloot: Molensloot, _ facts: ContactFacts) throws(BenchFailure) -> String {
        let mix = try molensloot.json(["volume", "mix", "--json"])
        guard let periods = mix.array else { throw BenchFailure("`volume mix --json` printed no list: \(mix.serialized().prefix(200))") }
        var byMonth: [String: Int] = [:]
        var byChannel: [String: Int] = [:]
        for period in periods {
            guard let month = period["period"]?.string, let total = period["total"]?.int else {
                throw BenchFailure("`volume mix --json` has a period without period and total: \(period.serialized().prefix(200))")
            }
            byMonth[month, default: 0] += Int(total)
            for channel in period["channels"]?.array ?? [] {
                if let slug = channel["channel"]?.string, let count = channel["count"]?.int { byChannel[slug, default: 0] += Int(count) }
            }
        }
        guard byMonth == facts.byMonth else {
            throw BenchFailure("`volume mix --json` counts per month \(byMonth.sorted { $0.key < $1.key }), "
                               + "expected \(facts.byMonth.sorted { $0.key < $1.key })")
        }
        guard byChannel == facts.byChannel else {
            throw BenchFailure("`volume mix --json` counts per channel \(byChannel), expected \(facts.byChannel)")
        }
        return "volume mix: \(periods.count) months, every month's and channel's count"
    }
}
