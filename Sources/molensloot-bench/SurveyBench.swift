import Foundation
import SixSteps

/// Part two: a survey import of a million responses, against sqlite3's own `.import` of the same
/// file into a plain table. molensloot also checks every row (score within the scale, a real
/// date, known slugs) and computes the measurement: at most 1.5 times sqlite3's time.
enum SurveyBench {
    static let responses = 1_000_000
    static let runs = 3
    static let allowedRatio = 1.5
    // Fixed, so every run imports the very same file ("enquete" and a 1 in ASCII).
    static let seed: UInt64 = 0x656E_7175_6574_6531
    static let metric = "tevredenheid-mor"

    static func run(_ context: BenchContext) throws(BenchFailure) -> [BenchRow] {
        SQLiteShell.requireInstalled()
        let workspace = context.workspace
        let csv = workspace.file("enquete.csv")
        let facts = generate(into: csv)

        let template = Molensloot(binary: context.binary, workspace: workspace, databaseName: "survey-template.sqlite")
        _ = try template.output(["init", "--name", "Gemeente Molensloot"])
        _ = try template.output(["journey", "add", SurveyGenerator.journey, "Melding openbare ruimte"])
        _ = try template.output(["metric", "add", metric, "Tevredenheid", "--unit", "cijfer",
                                 "--scale-min", "1", "--scale-max", "10", "--journey", SurveyGenerator.journey])
        _ = try template.output(["persona", "add", SurveyGenerator.persona, "Drukke ouders"])
        // The responses fall on every day of 2014, and a response must fall in its cycle.
        _ = try template.output(["cycle", "open", "2014", "--start", "2014-01-01", "--end", "2014-12-31"])
        step("roadmap", "journey \(SurveyGenerator.journey), metric \(metric) (1-10), persona \(SurveyGenerator.persona), open cycle")

        let target = Molensloot(binary: context.binary, workspace: workspace, databaseName: "survey.sqlite")
        let comparison = ImportComparison(csv: csv, plainTable: "responses", template: template, target: target,
                                          command: ["survey", "import", csv.path, "--metric", metric], runs: runs)
        var outcome = comparison.run(
            checkPlain: { plain throws(BenchFailure) in try checkPlainTable(plain, facts, workspace) },
            checkPrinted: { printed throws(BenchFailure) in
                guard printed.hasPrefix("imported \(responses) responses for \(metric)") else {
                    throw BenchFailure("`molensloot survey import` said: \(printed.prefix(300))")
                }
            })
        if outcome.failure == nil {
            do {
                step("verified", "sqlite3's table: every row, the generated score sum, every run")
                step("verified", try checkResults(target, facts))
                step("verified", try checkFile(target.database, workspace))
            } catch {
                outcome.failure = error.description
            }
        }
        return [outcome.row(part: "survey", what: "survey import, \(grouped(responses)) responses (\(formatBytes(fileSize(csv))))",
                            rows: responses, budget: allowedRatio),
                outcome.readerRow(part: "survey")]
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
        step("generated", "\(csv.lastPathComponent): \(grouped(facts.responses)) responses, \(formatBytes(bytes.count)), "
             + "mean score \(String(format: "%.4f", facts.mean)), \(grouped(facts.comments)) comments "
             + "(\(seconds((ContinuousClock.now - start).milliseconds)))")
        return facts
    }

    /// sqlite3 must have stored every row with its fields in the right columns, or its time
    /// would be of less work: the count and the sum of the scores (decimal comma and all) tell.
    private static func checkPlainTable(_ plain: URL, _ facts: SurveyFacts, _ workspace: Workspace) throws(BenchFailure) {
        let text = try SQLiteShell.output([plain.path, "SELECT count(*), sum(CAST(replace(score, ',', '.') AS INTEGER)), "
                                           + "sum(comment <> '') FROM responses"], workspace)
        let expected = "\(facts.responses)|\(facts.scoreSum)|\(facts.comments)"
        guard text == expected else {
            throw BenchFailure("sqlite3's table holds count|sum|comments \(text), expected \(expected)")
        }
    }

    /// What `survey results` reports must be what was generated: n, the mean (to 1e-9), and each
    /// score's, phase's, channel's and persona's count.
    private static func checkResults(_ molensloot: Molensloot, _ facts: SurveyFacts) throws(BenchFailure) -> String {
        let results = try molensloot.json(["survey", "results", metric, "--json"])
        func fail(_ message: String) -> BenchFailure {
            BenchFailure("`molensloot survey results \(metric) --json`: \(message)")
        }
        guard let overall = results["overall"], let n = overall["n"]?.int, let mean = overall["mean"]?.double else {
            throw fail("no overall n and mean in \(results.serialized())")
        }
        guard n == facts.responses else { throw fail("n is \(n), expected \(facts.responses)") }
        // The JSON gives the mean to 4 places, so that is what it is compared with; the exact
        // mean is checked through the distribution below.
        let shownMean = (facts.mean * 10_000).rounded() / 10_000
        guard abs(mean - shownMean) <= 1e-9 else { throw fail("the mean is \(mean), expected \(shownMean)") }

        var histogram = Array(repeating: 0, count: 10)
        var sum = 0.0
        for entry in results["distribution"]?.array ?? [] {
            guard let score = entry["score"]?.double, let count = entry["count"]?.int,
                  let whole = Int(exactly: score), (1...10).contains(whole) else { throw fail("odd distribution entry \(entry.serialized())") }
            histogram[whole - 1] = Int(count)
            sum += score * Double(count)
        }
        guard histogram == facts.histogram else { throw fail("the distribution is \(histogram), expected \(facts.histogram)") }
        let exactMean = sum / Double(n)
        guard abs(exactMean - facts.mean) <= 1e-9 else {
            throw fail("the distribution's mean is \(exactMean), expected \(facts.mean)")
        }

        func counts(_ key: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for group in results[key]?.array ?? [] {
                if let label = group["group"]?.string, let n = group["n"]?.int { counts[label] = Int(n) }
            }
            return counts
        }
        guard counts("by_phase") == facts.byPhase else { throw fail("by_phase is \(counts("by_phase")), expected \(facts.byPhase)") }
        guard counts("by_channel") == facts.byChannel else { throw fail("by_channel is \(counts("by_channel")), expected \(facts.byChannel)") }
        let personas = [SurveyGenerator.persona: facts.withPersona]
        guard counts("by_persona") == personas else { throw fail("by_persona is \(counts("by_persona")), expected \(personas)") }
        return "survey results: n, mean \(String(format: "%.9f", exactMean)), every score, phase, channel and persona count"
    }

    /// The imported file must be sound, indexes included, and as it was set up, whatever the
    /// import did to be fast.
    private static func checkFile(_ database: URL, _ workspace: Workspace) throws(BenchFailure) -> String {
        let index = try SQLiteShell.output([database.path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                            + "AND name = 'survey_responses_by_metric'"], workspace)
        guard index == "1" else { throw BenchFailure("the index survey_responses_by_metric is missing after the import") }
        try SQLiteShell.checkIntegrity(database, workspace)
        // The import may write with a rollback journal; the file must be back on its WAL.
        let journal = try SQLiteShell.output([database.path, "PRAGMA journal_mode"], workspace)
        guard journal == "wal" else { throw BenchFailure("the roadmap's journal mode after the import is \(journal), expected wal") }
        return "the index is there, integrity_check ok, journal_mode wal"
    }
}
