import Store

/// One group of survey results: all respondents, or those of one phase, channel or persona.
/// Below the privacy threshold only the label and the fact of suppression are shown.
public struct SurveyGroup: Sendable {
    public let label: String
    public let n: Int
    /// Nil when the group is suppressed.
    public let summary: SampleSummary?

    public var suppressed: Bool { summary == nil }

    var json: JSONObject {
        JSONObject([("group", .string(label)), ("suppressed", .bool(suppressed)),
                    ("n", suppressed ? .null : .int(Int64(n))),
                    ("mean", summary.map { .double($0.mean.rounded(toPlaces: 4)) } ?? .null),
                    ("sd", summary?.sd.map { .double($0.rounded(toPlaces: 4)) } ?? .null)])
    }
}

/// The survey results of one metric in one cycle, ready to be shown.
public struct SurveyResults: Sendable {
    public let metric: String
    public let cycle: String
    public let threshold: Int
    public let overall: SurveyGroup
    /// Counts per score; empty when the whole survey is suppressed. A score given by fewer
    /// people than the threshold is left out (with as many others as `Suppression` needs).
    public let distribution: [(score: Double, count: Int)]
    /// The respondents whose scores are left out of `distribution`: none, or at least the threshold.
    public let otherScores: Int
    public let byPhase: [SurveyGroup]
    public let byChannel: [SurveyGroup]
    public let byPersona: [SurveyGroup]

    public var json: JSONObject {
        JSONObject([
            ("metric", .string(metric)), ("cycle", .string(cycle)), ("threshold", .int(Int64(threshold))),
            ("overall", .object(overall.json)),
            ("distribution", .array(distribution.map {
                .object(JSONObject([("score", .double($0.score)), ("count", .int(Int64($0.count)))]))
            })),
            ("other_scores", .int(Int64(otherScores))),
            ("by_phase", .array(byPhase.map { .object($0.json) })),
            ("by_channel", .array(byChannel.map { .object($0.json) })),
            ("by_persona", .array(byPersona.map { .object($0.json) })),
        ])
    }
}

/// A resident's comment, for the manager who decides whether it may be quoted.
public struct SurveyComment: Sendable {
    public let id: Int64
    public let metric: String
    public let cycle: String
    public let score: Double
    public let comment: String
    public let quotable: Bool

    public var json: JSONObject {
        JSONObject([("id", .int(id)), ("metric", .string(metric)), ("cycle", .string(cycle)), ("score", .double(score)),
                    ("comment", .string(comment)), ("quotable", .bool(quotable))])
    }
}

public struct SurveyImport: Sendable {
    public let metric: String
    public let kind: MetricKind
    public let cycle: String
    /// The cycle's name, for the summary a manager reads.
    public let cycleName: String
    /// Responses imported by this import.
    public let responses: Int
    /// Responses of an earlier import for the same metric and cycle that this one replaced.
    public let replaced: Int
    /// Responses of an earlier import that this one added to (`--append`).
    public let kept: Int
    /// Data rows in the file.
    public let rowsRead: Int
    /// Rows without a score ("n.v.t.", "weet niet", "-", empty), by the answer as written.
    public let nonResponses: [(answer: String, count: Int)]
    /// Rows dated in another cycle or in none, left out with --skip-others.
    public let otherCycles: Int
    /// The file's columns that were not read.
    public let ignoredColumns: [String]
    /// The first and last date of the imported responses; nil when the file has no dates.
    public let dates: ClosedRange<String>?
    /// The cycle's value as the metric's kind computes it, over all its responses.
    public let measurement: SampleSummary
    public let suppressed: Bool

    public var skipped: Int { nonResponses.reduce(0) { $0 + $1.count } + otherCycles }
}

extension RoadmapFile {
    public static let defaultPrivacyThreshold = 10

    public func privacyThreshold() throws -> Int {
        try setting(.privacyThreshold).flatMap { Int($0) } ?? Self.defaultPrivacyThreshold
    }

    /// Below this a threshold protects so little that it must be asked for explicitly.
    public static let smallestUnconfirmedThreshold = 5

    /// `allowSmallGroups` confirms a threshold below 5, at which a group of a few residents is shown.
    public func setPrivacyThreshold(_ value: Int, allowSmallGroups: Bool = false) throws {
        guard value >= 1 else { throw DomainError.inconsistent(Message("de drempel moet minstens 1 respondent zijn", "the threshold must be at least 1 respondent")) }
        try Self.checkThreshold(value, allowSmallGroups: allowSmallGroups)
        try write { try setSetting(.privacyThreshold, String(value)) }
    }

    static func checkThreshold(_ value: Int, allowSmallGroups: Bool) throws {
        guard value >= smallestUnconfirmedThreshold || allowSmallGroups else {
            throw DomainError.inconsistent(Message(
                "een drempel van \(value) toont groepen van \(value) inwoners, die herkenbaar kunnen zijn; "
                    + "geef --allow-small-groups om dat te bevestigen, of kies \(smallestUnconfirmedThreshold) of meer",
                "a threshold of \(value) shows groups of \(value) residents, who may be recognised; "
                    + "pass --allow-small-groups to confirm, or choose \(smallestUnconfirmedThreshold) or more"))
        }
    }

    func surveyCount(metric: SQLValue, cycle: SQLValue) throws -> Int {
        Int(try connection.scalar("SELECT count(*) FROM survey_responses WHERE metric = ? AND cycle = ?", [metric, cycle]).int ?? 0)
    }

    /// The columns a survey file may have, by their standard names.
    public static let surveyColumns = ["date", "journey", "phase", "channel", "persona", "score", "comment"]

    /// Imports raw responses for one metric into a cycle (the open one unless named) and computes
    /// that cycle's measurement from them: mean, n and standard deviation. An earlier import for
    /// the same metric and cycle is replaced. `rename` maps a standard column name to the file's.
    ///
    /// Files run to a million rows, and the import is measured against sqlite3's own `.import`
    /// (`molensloot-bench survey`), so it works in two steps:
    ///
    /// 1. Reading only, every row is checked (`checkSurvey`), each distinct spelling of a date or
    ///    slug once, and the checked rows are kept compactly in memory (32 bytes a row). Whatever
    ///    refuses the file is found here, before anything is written: the writing step switches
    ///    the journal (`withBulkImportSettings`), which changes the file's header even when the
    ///    transaction is rolled back, and a refused file must leave the roadmap byte for byte as
    ///    it was.
    /// 2. In one write transaction, the rows go to SQLite in batches through one prepared
    ///    statement (`SurveyInserter`), then the measurement and the audit entry. If another
    ///    connection committed since step 1 (SQLite's `data_version` tells), step 1 is done again
    ///    inside this transaction first, so the rows are always checked against the roadmap they
    ///    are written into.
    public func importSurvey(_ document: CSVDocument, path: String, metric metricRef: String, cycle cycleRef: String?,
                             rename: [String: String], dryRun: Bool, options: SurveyImportOptions = .init()) throws -> SurveyImport {
        let columns = try ColumnMap(document, path: path, standard: Self.surveyColumns, required: ["score"], rename: rename)
        func check() throws -> CheckedSurvey {
            do {
                return try checkSurvey(document, path: path, metric: metricRef, cycle: cycleRef, columns: columns, options: options)
            } catch let error as CSVError {
                throw DomainError.badFile(path: path, .of(error))
            }
        }
        var survey = try read(check)
        return try withBulkImportSettings(dryRun: dryRun) { try rehearsing(dryRun, path: path) {
            if try connection.pragma("data_version") != survey.dataVersion {
                survey = try check()
            }
            let (metric, cycle) = (survey.metric, survey.cycle)
            // Refused in step 1 when there are any and the person did not choose (see `checkSurvey`).
            let earlier = try surveyCount(metric: metric.key, cycle: cycle.key)
            let replaced = options.existing == .replace ? earlier : 0
            if replaced > 0 {
                try connection.run("DELETE FROM survey_responses WHERE metric = ? AND cycle = ?", [metric.key, cycle.key])
            }
            try SurveyInserter.insert(survey, into: connection)
            // Stands in for SQLite's per-row foreign-key checks, which are off (see
            // `withBulkImportSettings`): every row holds this metric and this cycle.
            guard try exists(.metric, key: metric.key), try exists(.cycle, key: cycle.key) else {
                throw DomainError.inconsistent(Message("\(metric.ref) of \(cycle.ref) verdween tijdens de import; er is niets geïmporteerd", "\(metric.ref) or \(cycle.ref) disappeared during the import; nothing was imported"))
            }
            let kind = metric.metricKind
            let scaleMax = metric["scale_max"].double
            let kept = earlier - replaced
            let summary = kind.summary(kept > 0 ? try surveyScores(metric: metric.key, cycle: cycle.key) : survey.scores,
                                       scaleMax: scaleMax)
            let count = survey.scores.count
            var input: [String: SQLValue] = ["value": .real(summary.mean), "n": .integer(Int64(summary.n ?? 0)),
                                             "sd": SQLValue(summary.sd), "source": .text("survey: \(path)")]
            input["note"] = .null
            try storeMeasurement(metric: metric, cycle: cycle, input: input)
            try audit(action: "import", record: metric.ref,
                      summary: "imported \(count) survey responses for \(metric.ref) into \(cycle.ref) from \(path)"
                        + (replaced > 0 ? ", replacing \(replaced)" : "") + (kept > 0 ? ", added to \(kept)" : "")
                        + (survey.skipped > 0 ? "; skipped \(survey.skipped) rows" : ""), before: nil, after: nil)
            return SurveyImport(metric: metric.ref, kind: kind, cycle: cycle.ref, cycleName: cycle.title, responses: count,
                                replaced: replaced, kept: kept, rowsRead: survey.rowsRead, nonResponses: survey.nonResponses,
                                otherCycles: survey.otherCycles,
                                ignoredColumns: columns.ignored, dates: survey.dates,
                                measurement: summary, suppressed: (summary.n ?? 0) < (try privacyThreshold()))
        } }
    }

    /// Step 1 of `importSurvey`: the metric and every row checked, every problem of the file
    /// collected (up to `ImportProblems.shown` of them named), then the cycle found from the
    /// rows' dates. Reads only.
    private func checkSurvey(_ document: CSVDocument, path: String, metric metricRef: String, cycle cycleRef: String?,
                             columns: ColumnMap, options: SurveyImportOptions) throws -> CheckedSurvey {
        let metric = try record(.metric, metricRef)
        if let cycleRef { _ = try measurableCycle(cycleRef) }
        let kind = metric.metricKind
        var reader = SurveyRowReader(columns: columns, lookups: try SurveyLookups(self), kind: kind,
                                     scale: (metric["scale_min"].double ?? kind.defaultScale?.lowerBound,
                                             metric["scale_max"].double ?? kind.defaultScale?.upperBound),
                                     metricJourney: metric["journey"].string)
        var responses: [CheckedResponse] = []
        var problems = ImportProblems()
        var rows = 0
        try document.forEachRow { row in
            rows += 1
            do {
                if let response = try reader.read(row) { responses.append(response) }
            } catch let error as CSVError {
                problems.add(error)
            }
        }
        try problems.check(path: path)
        guard rows > 0 else { throw DomainError.badFile(path: path, Message("het bestand bevat geen antwoorden", "the file holds no responses")) }
        guard !responses.isEmpty else {
            throw DomainError.badFile(path: path, Message("geen van de \(rows) regels heeft een score (alleen antwoorden zoals n.v.t. of leeg)", "none of the \(rows) rows has a score (only answers like n.v.t. or empty)"))
        }
        // Where the rows belong, by their dates.
        var dates: [UInt32: Int] = [:]
        for response in responses where response.date != CheckedResponse.none { dates[response.date, default: 0] += 1 }
        let texts = reader.texts
        let placement = try placeResponses(dates: Dictionary(uniqueKeysWithValues: dates.map { (texts[Int($0.key)], $0.value) }),
                                           named: cycleRef, skipOthers: options.skipOthers)
        if !placement.skippedDates.isEmpty {
            responses.removeAll { $0.date != CheckedResponse.none && placement.skippedDates.contains(texts[Int($0.date)]) }
            guard !responses.isEmpty else {
                throw DomainError.badFile(path: path, Message("geen van de antwoorden heeft een datum in \(placement.cycle.ref)", "none of the responses is dated in \(placement.cycle.ref)"))
            }
        }
        let earlier = try surveyCount(metric: metric.key, cycle: placement.cycle.key)
        if earlier > 0 && options.existing == .refuse {
            throw DomainError.inconsistent(Message(
                "\(metric.ref) heeft al \(earlier) enquêteantwoorden in \(placement.cycle.label); geef --replace om ze te vervangen "
                    + "of --append om deze erbij te voegen; er is niets geïmporteerd",
                "\(metric.ref) already has \(earlier) survey responses in \(placement.cycle.label); pass --replace to replace them "
                    + "or --append to add these to them; nothing was imported"))
        }
        let kept = Set(responses.map(\.date)).subtracting([CheckedResponse.none]).map { texts[Int($0)] }.sorted()
        return CheckedSurvey(metric: metric, cycle: placement.cycle, dataVersion: try connection.pragma("data_version"),
                             texts: texts, comments: reader.comments, responses: responses, scores: responses.map(\.score),
                             rowsRead: rows, nonResponses: reader.nonResponses, otherCycles: placement.skippedResponses,
                             dates: kept.first.flatMap { first in kept.last.map { first...$0 } })
    }

    /// Runs step 2 of a survey (or contact) import with two connection settings changed for its duration, and
    /// changed back after. SQLite only changes either outside a transaction; inside one (an import
    /// that is part of a larger write) both stay as they are, which is slower but just as correct.
    ///
    /// - Foreign keys are not enforced row by row. The only foreign keys of survey_responses are
    ///   its metric and cycle, and every row of an import holds the same two, bound once from the
    ///   records checked in step 1 (and still current: see `importSurvey`). SQLite would look up
    ///   those same two keys for each of a million rows, a tenth of the import's time; `importSurvey`
    ///   checks them once instead, just before the commit, inside the transaction. The measurement
    ///   it writes refers to the same two records. (This holds only as long as the metric and cycle
    ///   are bound once for all rows. A contact import takes its channels and journeys from the
    ///   file, and stands in for the per-row checks differently: see `importContacts`.)
    /// - The import stays in the write-ahead log, although a rollback journal would write each page
    ///   once instead of twice: with a rollback journal the import holds the file's exclusive lock
    ///   from the moment its pages no longer fit in memory, and every other command (`finding
    ///   list`, `status`, `site build`, `backup`) then fails after the busy timeout. In the log they
    ///   read the last committed roadmap for as long as the import runs.
    func withBulkImportSettings<T>(dryRun: Bool, _ body: () throws -> T) throws -> T {
        let enforced = try connection.pragma("foreign_keys") == 1
        if enforced { try connection.execute("PRAGMA foreign_keys=OFF") }
        // Setting the flag cannot fail outside a transaction, and inside one it is ignored, as above.
        defer { if enforced { try? connection.execute("PRAGMA foreign_keys=ON") } }
        return try body()
    }

    /// The results of a metric's survey in a cycle: overall, the distribution of scores, and per
    /// phase, channel and persona, each group suppressed below the privacy threshold.
    public func surveyResults(metric metricRef: String, cycle cycleRef: String?) throws -> SurveyResults {
        try read {
            let metric = try record(.metric, metricRef)
            let cycle = try cycleRef.map { try record(.cycle, $0) } ?? surveyedCycle(metric: metric.key)
            guard let cycle else {
                throw DomainError.noSurveyResponses(metric: metric.ref)
            }
            let threshold = try privacyThreshold()
            let key: [SQLValue] = [metric.key, cycle.key]
            let total = try connection.first(
                "SELECT count(*), avg(score), sum(score * score) FROM survey_responses WHERE metric = ? AND cycle = ?", key)
            let overall = group(label: "all", n: Int(total?.int(0) ?? 0), mean: total?.double(1) ?? 0,
                                sumOfSquares: total?.double(2) ?? 0, threshold: threshold)
            // The overall n is published beside every breakdown, so each is suppressed against it.
            let published = overall.suppressed ? nil : overall.n
            func groups(_ column: String) throws -> [SurveyGroup] {
                var rows = try connection.query(
                    "SELECT \(column), count(*), avg(score), sum(score * score) FROM survey_responses "
                        + "WHERE metric = ? AND cycle = ? AND \(column) IS NOT NULL GROUP BY \(column) ORDER BY \(column)", key)
                if column == "phase" { rows = try inPhaseOrder(rows, journey: metric["journey"]) }
                let plan = Suppression.plan(sizes: rows.map { Int($0.int(1)) }, total: published, threshold: threshold)
                return rows.enumerated().map { index, row in
                    group(label: row.string(0), n: Int(row.int(1)), mean: row.double(2), sumOfSquares: row.double(3),
                          threshold: plan.cells.contains(index) ? Int.max : threshold)
                }
            }
            let scores = overall.suppressed ? [] : try connection.query(
                "SELECT score, count(*) FROM survey_responses WHERE metric = ? AND cycle = ? GROUP BY score ORDER BY score", key
            ).map { (score: $0.double(0), count: Int($0.int(1))) }
            let plan = Suppression.plan(sizes: scores.map(\.count), total: published, threshold: threshold)
            let distribution = scores.indices.filter { !plan.cells.contains($0) }.map { scores[$0] }
            return SurveyResults(metric: metric.ref, cycle: cycle.ref, threshold: threshold, overall: overall,
                                 distribution: distribution,
                                 otherScores: Suppression.hiddenPeople(sizes: scores.map(\.count), total: published ?? 0, plan: plan),
                                 byPhase: try groups("phase"), byChannel: try groups("channel"),
                                 byPersona: try groups("persona"))
        }
    }

    private func group(label: String, n: Int, mean: Double, sumOfSquares: Double, threshold: Int) -> SurveyGroup {
        guard n >= threshold, n > 0 else { return SurveyGroup(label: label, n: n, summary: nil) }
        let variance = n > 1 ? max(0, (sumOfSquares - Double(n) * mean * mean) / Double(n - 1)) : nil
        return SurveyGroup(label: label, n: n, summary: SampleSummary(mean: mean, n: n, sd: variance.map { $0.squareRoot() }))
    }

    /// The latest cycle with responses for a metric.
    private func surveyedCycle(metric: SQLValue) throws -> Record? {
        let surveyed = Set(try connection.query("SELECT DISTINCT cycle FROM survey_responses WHERE metric = ?", [metric]).map { $0[0] })
        return try cyclesInOrder().last { surveyed.contains($0.key) }
    }

    /// The raw scores of a metric in a cycle, for a two-sample test between cycles.
    func surveyScores(metric: SQLValue, cycle: SQLValue) throws -> [Double] {
        try connection.query("SELECT score FROM survey_responses WHERE metric = ? AND cycle = ?", [metric, cycle]).map { $0.double(0) }
    }

    public func surveyComments(metric: String?, cycle: String?) throws -> [SurveyComment] {
        try read {
            var sql = "SELECT id, metric, cycle, score, comment, quotable FROM survey_responses WHERE comment IS NOT NULL"
            var values: [SQLValue] = []
            if let metric { sql += " AND metric = ?"; values.append(try record(.metric, metric).key) }
            if let cycle { sql += " AND cycle = ?"; values.append(try record(.cycle, cycle).key) }
            return try connection.query(sql + " ORDER BY id", values).map {
                SurveyComment(id: $0.int(0), metric: $0.string(1), cycle: Kind.cycle.ref($0[2]), score: $0.double(3),
                              comment: $0.string(4), quotable: $0.int(5) == 1)
            }
        }
    }

    /// Marks comments as quotable (or not): only those reach the site.
    public func setQuotable(_ ids: [Int64], _ quotable: Bool) throws {
        try write {
            for id in ids {
                guard let row = try connection.first("SELECT comment, quotable FROM survey_responses WHERE id = ?", [.integer(id)]),
                      !row[0].isNull else {
                    throw DomainError.inconsistent(Message("er is geen enquêteopmerking \(id); zie 'molensloot survey comments'", "there is no survey comment \(id); see 'molensloot survey comments'"))
                }
                guard (row.int(1) == 1) != quotable else { continue }
                try connection.run("UPDATE survey_responses SET quotable = ? WHERE id = ?", [.integer(quotable ? 1 : 0), .integer(id)])
                try audit(action: "edit", record: "response:\(id)",
                          summary: quotable ? "marked comment \(id) as quotable" : "marked comment \(id) as not quotable",
                          before: .bool(!quotable), after: .bool(quotable))
            }
        }
    }
}

// MARK: - Survey import, row by row

/// One checked response, compactly: 32 bytes and nothing to reference-count. Dates and slugs are
/// numbers in `CheckedSurvey.texts`, the comment a number in `CheckedSurvey.comments`.
private struct CheckedResponse {
    static let none = UInt32.max

    var date = none
    var journey = none
    var phase = none
    var channel = none
    var persona = none
    var comment = none
    var score: Double
}

/// A survey file checked against a roadmap, ready to be written into it.
private struct CheckedSurvey {
    let metric: Record
    let cycle: Record
    /// SQLite's `data_version` when the rows were checked: another connection's commit changes it.
    let dataVersion: Int64
    /// Each checked date and slug once.
    let texts: [String]
    let comments: [String]
    let responses: [CheckedResponse]
    let scores: [Double]
    let rowsRead: Int
    let nonResponses: [(answer: String, count: Int)]
    let otherCycles: Int
    let dates: ClosedRange<String>?

    var skipped: Int { nonResponses.reduce(0) { $0 + $1.count } + otherCycles }

    func text(_ number: UInt32) -> String? {
        number == CheckedResponse.none ? nil : texts[Int(number)]
    }

    func comment(_ number: UInt32) -> String? {
        number == CheckedResponse.none ? nil : comments[Int(number)]
    }
}

/// Reads and checks the rows of one survey file. The checks run in the order they always have
/// (score, date, journey, phase, channel, persona, comment), so the first error in a file is the
/// one reported, with its line and the column's name in the file.
///
/// A million responses hold a few hundred different dates and a handful of journeys, phases,
/// channels and personas. Each spelling is checked the one way there is (`ISODate(dutchOrISO:)`,
/// `SurveyLookups`) the first time it is met, and its checked form kept in `texts`; a cache by the
/// spelling's bytes (`SpellingCache`) finds it again for later rows that spell it the same. Only
/// spellings that passed are kept, so a bad value is refused on every row it is in, with the same
/// message. Checking runs out of line (`check`), so the common path captures nothing in closures:
/// each capture would cost reference counting on every field of every row.
private struct SurveyRowReader {
    private let lookups: SurveyLookups
    private let columns: ColumnMap
    private let scaleMin: Double?
    private let scaleMax: Double?
    private let metricJourney: String?
    // Positions resolved once; the column map would hash the column name for every field.
    private let score: Int?
    private let date: Int?
    private let journey: Int?
    private let phase: Int?
    private let channel: Int?
    private let persona: Int?
    private let comment: Int?

    /// Each checked date and slug once, by its number.
    private var numbered = NumberedTexts()
    var texts: [String] { numbered.texts }
    private(set) var comments: [String] = []

    private var dates = SpellingCache()
    private var journeys = SpellingCache()
    /// Kept with the journey they were checked for, as each journey has its own phases.
    private var phases = SpellingCache()
    private var channels = SpellingCache()
    private var personas = SpellingCache()

    private let kind: MetricKind
    /// Answers that are no score, by the answer as first written, in the order met.
    private var skippedAnswers: [String: Int] = [:]
    private var skippedOrder: [String] = []
    var nonResponses: [(answer: String, count: Int)] { skippedOrder.map { ($0, skippedAnswers[$0] ?? 0) } }

    init(columns: ColumnMap, lookups: SurveyLookups, kind: MetricKind, scale: (Double?, Double?), metricJourney: String?) {
        self.kind = kind
        self.columns = columns
        self.lookups = lookups
        (scaleMin, scaleMax) = scale
        self.metricJourney = metricJourney
        score = columns["score"]
        date = columns["date"]
        journey = columns["journey"]
        phase = columns["phase"]
        channel = columns["channel"]
        persona = columns["persona"]
        comment = columns["comment"]
    }

    /// The row's response, or nil when its answer is no score ("n.v.t.", "weet niet", "-",
    /// empty), which is counted in `nonResponses`.
    mutating func read(_ row: borrowing CSVRow) throws -> CheckedResponse? {
        guard let position = score else { throw failure(row.line, "score", Message("ontbreekt; voeg een kolom score toe", "is missing")) }
        let score: Double
        if kind.isYesNo {
            let raw = try row.string(position) ?? ""
            if ImportVocabulary.isNonResponse(raw) { return skip(raw) }
            guard let yes = ImportVocabulary.yesNo(raw) else {
                throw failure(row.line, "score", Message("'\(raw)' is geen antwoord zoals ja of nee", "'\(raw)' is not an answer like ja or nee"))
            }
            score = yes ? 1 : 0
        } else {
            do {
                guard let number = try row.number(position) else { return skip("") }
                score = number
            } catch let error as CSVError {
                let raw = try row.string(position) ?? ""
                if ImportVocabulary.isNonResponse(raw) { return skip(raw) }
                throw error
            }
        }
        if let low = scaleMin, score < low {
            throw failure(row.line, "score", Message("\(formatNumber(score)) ligt onder de schaal, die begint bij \(formatNumber(low))", "\(formatNumber(score)) is below the scale's \(formatNumber(low))"))
        }
        if let high = scaleMax, score > high {
            throw failure(row.line, "score", Message("\(formatNumber(score)) ligt boven de schaal, die eindigt bij \(formatNumber(high))", "\(formatNumber(score)) is above the scale's \(formatNumber(high))"))
        }
        var response = CheckedResponse(score: score)
        if let position = date, let raw = try row.string(position) {
            let key = SpellingCache.Key(raw)
            response.date = try dates[key, nil] ?? check(raw, .date, key: key, line: row.line)
        }
        if let position = journey, let raw = try row.string(position) {
            let key = SpellingCache.Key(raw)
            response.journey = try journeys[key, nil] ?? check(raw, .journey, key: key, line: row.line)
        }
        if let position = phase, let raw = try row.string(position) {
            // The phase's journey by its number: none stands for the metric's journey.
            let key = SpellingCache.Key(raw)
            response.phase = try phases[key, response.journey]
                ?? check(raw, .phase(journey: response.journey), key: key, line: row.line)
        }
        if let position = channel, let raw = try row.string(position) {
            let key = SpellingCache.Key(raw)
            response.channel = try channels[key, nil] ?? check(raw, .channel, key: key, line: row.line)
        }
        // Most rows have no persona and no comment; `isEmpty` answers that without making a String.
        if let position = persona, !row.isEmpty(position), let raw = try row.string(position) {
            let key = SpellingCache.Key(raw)
            response.persona = try personas[key, nil] ?? check(raw, .persona, key: key, line: row.line)
        }
        if let position = comment, !row.isEmpty(position), let text = try row.string(position) {
            response.comment = UInt32(comments.count)
            comments.append(text)
        }
        return response
    }

    private mutating func skip(_ answer: String) -> CheckedResponse? {
        let shown = answer.isEmpty ? "empty" : answer.lowercased()
        if skippedAnswers[shown] == nil { skippedOrder.append(shown) }
        skippedAnswers[shown, default: 0] += 1
        return nil
    }

    private enum Checked {
        case date, journey, channel, persona
        /// The number of the row's journey in `texts`, or none for the metric's journey.
        case phase(journey: UInt32)
    }

    /// A spelling met for the first time (or pushed out of its cache): checked in full, and
    /// remembered when it passes. Returns the number of its checked form in `texts`.
    @inline(never)
    private mutating func check(_ raw: String, _ kind: Checked, key: SpellingCache.Key?, line: Int) throws -> UInt32 {
        let columns = self.columns
        func fail(_ column: String) -> (Message) -> CSVError {
            { CSVError(line: line, column: columns.header(column), message: $0) }
        }
        switch kind {
        case .date:
            // Survey tools write the moment of filling in ("03-04-2014 14:22"): the day counts.
            guard let date = ISODate(dutchOrISO: raw)
                ?? raw.split(whereSeparator: { $0 == " " || $0 == "T" }).first.flatMap({ ISODate(dutchOrISO: String($0)) }) else {
                throw failure(line, "date", Message("'\(raw)' is geen datum zoals 2014-03-12 of 12-03-2014", "'\(raw)' is not a date like 2014-03-12 or 12-03-2014"))
            }
            return dates.remember(key, nil, number(date.description))
        case .journey:
            return journeys.remember(key, nil, number(try lookups.journey(raw, fail: fail("journey"))))
        case .phase(let journey):
            let slug = journey == CheckedResponse.none ? metricJourney : texts[Int(journey)]
            return phases.remember(key, journey, number(try lookups.phase(raw, journey: slug, fail: fail("phase"))))
        case .channel:
            return channels.remember(key, nil, number(try lookups.channel(raw, fail: fail("channel"))))
        case .persona:
            return personas.remember(key, nil, number(try lookups.persona(raw, fail: fail("persona"))))
        }
    }

    /// The number of a checked text in `texts`, which holds each text once however it was spelled.
    private mutating func number(_ text: String) -> UInt32 { numbered.number(text) }

    private func failure(_ line: Int, _ column: String, _ message: Message) -> CSVError {
        CSVError(line: line, column: columns.header(column), message: message)
    }
}

/// The checked form of spellings met before, found by their bytes. Hashing a String costs more
/// than the rest of a field's work; a spelling of up to 15 bytes (any date, and the usual slugs)
/// instead packs into two words, and a multiply of those picks its one slot in a fixed table. A
/// slot holds the last spelling that landed in it, so two that collide only cost a second check,
/// never a wrong answer: the whole key is compared. Longer spellings are checked every time.
private struct SpellingCache {
    /// The spelling's UTF-8 bytes, zero-padded, with its length in the last byte: two spellings
    /// have the same key only when they have the same bytes.
    struct Key: Equatable {
        let low: UInt64
        let high: UInt64

        /// nil for a spelling longer than 15 bytes.
        init?(_ text: String) {
            let packed = text.utf8.withContiguousStorageIfAvailable { bytes -> (UInt64, UInt64)? in
                guard bytes.count <= 15 else { return nil }
                var low: UInt64 = 0
                var high = UInt64(bytes.count) << 56
                for index in 0..<min(bytes.count, 8) { low |= UInt64(bytes[index]) << (8 * index) }
                for index in min(bytes.count, 8)..<bytes.count { high |= UInt64(bytes[index]) << (8 * (index - 8)) }
                return (low, high)
            }
            guard let packed = packed ?? nil else { return nil }
            (low, high) = packed
        }

        var slot: Int {
            // Fibonacci hashing: the top bits of the product depend on every byte.
            Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9) >> (64 - SpellingCache.bits))
        }
    }

    private struct Entry {
        var key: Key
        /// What the spelling was checked against, when that varies: a phase's journey.
        var context: UInt32?
        var checked: UInt32
    }

    /// 4096 slots: room for every day of several years without many collisions.
    fileprivate static let bits = 12
    private var slots = [Entry?](repeating: nil, count: 1 << bits)

    /// The checked form of the spelling with this key, checked in this context; nil when unknown.
    subscript(key: Key?, context: UInt32?) -> UInt32? {
        guard let key, let entry = slots[key.slot], entry.key == key, entry.context == context else { return nil }
        return entry.checked
    }

    /// Keeps a spelling that passed its check, and gives back its checked form.
    mutating func remember(_ key: Key?, _ context: UInt32?, _ checked: UInt32) -> UInt32 {
        if let key { slots[key.slot] = Entry(key: key, context: context, checked: checked) }
        return checked
    }
}

/// Writes checked responses to SQLite a batch at a time: one INSERT of `batchSize` rows, compiled
/// once. Run per row, an INSERT costs SQLite about twice as much: each run starts the statement,
/// opens the table and its index, and reads and rewrites the table's AUTOINCREMENT counter in
/// sqlite_sequence, and a million runs do that a million times. A batch does it once for 100 rows;
/// every row still meets every constraint of the table.
///
/// A slot of the statement keeps its values between batches, so a value that repeats in that slot
/// (the journey, an empty persona or comment) is not copied into SQLite again. The metric and
/// cycle are the same for every row: parameters ?1 and ?2 of every slot, bound once.
private enum SurveyInserter {
    /// 100 rows are 702 parameters, far below SQLite's limit of 32766; larger batches gain little,
    /// smaller ones lose (measured with molensloot-bench survey: 25 rows cost 5% more).
    static let batchSize = 100
    private static let columnsPerRow = 7

    static func insert(_ survey: CheckedSurvey, into connection: Connection) throws {
        let responses = survey.responses
        let full = responses.count / batchSize * batchSize
        if full > 0 {
            let batch = try statement(connection, rows: batchSize, survey)
            for start in stride(from: 0, to: full, by: batchSize) {
                for slot in 0..<batchSize {
                    try bind(responses[start + slot], of: survey, into: batch, slot: slot,
                             replacing: start > 0 ? responses[start - batchSize + slot] : nil)
                }
                try batch.run()
            }
        }
        if full < responses.count {
            let rest = try statement(connection, rows: responses.count - full, survey)
            for slot in 0..<(responses.count - full) {
                try bind(responses[full + slot], of: survey, into: rest, slot: slot, replacing: nil)
            }
            try rest.run()
        }
    }

    /// `INSERT … VALUES (?1, ?2, ?3, …, ?9), (?1, ?2, ?10, …, ?16), …` with the metric and cycle bound.
    private static func statement(_ connection: Connection, rows: Int, _ survey: CheckedSurvey) throws -> PreparedStatement {
        var sql = "INSERT INTO survey_responses (metric, cycle, date, journey, phase, channel, persona, score, comment) VALUES "
        for slot in 0..<rows {
            let first = 3 + slot * columnsPerRow
            sql += (slot == 0 ? "" : ", ") + "(?1, ?2, " + (first..<first + columnsPerRow).map { "?\($0)" }.joined(separator: ", ") + ")"
        }
        let statement = try connection.prepare(sql)
        try statement.bind(survey.metric.key, at: 1)
        try statement.bind(survey.cycle.key, at: 2)
        return statement
    }

    /// Binds the values of `response` that differ from those of `previous`, the response bound in
    /// this slot before (all of them when there is none: `previous?.date` is then nil, which no
    /// number equals).
    private static func bind(_ response: CheckedResponse, of survey: CheckedSurvey, into statement: PreparedStatement,
                             slot: Int, replacing previous: CheckedResponse?) throws {
        let first = 3 + slot * columnsPerRow
        if previous?.date != response.date { try statement.bind(survey.text(response.date), at: first) }
        if previous?.journey != response.journey { try statement.bind(survey.text(response.journey), at: first + 1) }
        if previous?.phase != response.phase { try statement.bind(survey.text(response.phase), at: first + 2) }
        if previous?.channel != response.channel { try statement.bind(survey.text(response.channel), at: first + 3) }
        if previous?.persona != response.persona { try statement.bind(survey.text(response.persona), at: first + 4) }
        if previous?.score != response.score { try statement.bind(response.score, at: first + 5) }
        // Every comment has a number of its own, so this only skips binding NULL over NULL.
        if previous?.comment != response.comment { try statement.bind(survey.comment(response.comment), at: first + 6) }
    }
}

/// The slugs a survey or volume file may use, loaded once: a million rows are checked against
/// memory, not against the database. A value is found by its slug or its display name, in any
/// case, with or without accents ("Website", "web", "Oriëntatie", "orientatie"), and by the
/// spellings of the roadmap's stored value mapping (`volume mapping`).
struct SurveyLookups {
    private let journeys: [String: String]
    private let phases: [String: [String: String]]
    private let channels: [String: String]
    private let personas: [String: String]

    init(_ file: RoadmapFile) throws {
        let mapped = try file.valueMappings()
        func table(_ kind: Kind, field: String) throws -> [String: String] {
            var table: [String: String] = [:]
            for entry in mapped where entry.field == field { table[ImportVocabulary.fold(entry.spelling)] = entry.target }
            for record in try file.records(kind) {
                table[ImportVocabulary.fold(record.title)] = record.ref
                table[ImportVocabulary.fold(record.ref)] = record.ref
            }
            return table
        }
        journeys = try table(.journey, field: "journey")
        var phases: [String: [String: String]] = [:]
        for journey in Set(journeys.values) {
            var known: [String: String] = [:]
            for phase in try file.phases(of: journey) {
                known[ImportVocabulary.fold(phase.name)] = phase.slug
                known[ImportVocabulary.fold(phase.slug)] = phase.slug
            }
            phases[journey] = known
        }
        self.phases = phases
        var channels = try table(.channel, field: "channel")
        // How registrations commonly name the default channels, for those the roadmap has.
        for (spelling, slug) in Self.channelSynonyms where channels[spelling] == nil && channels.values.contains(slug) {
            channels[spelling] = slug
        }
        self.channels = channels
        personas = try table(.persona, field: "persona")
    }

    /// Folded spellings of KCC systems for the default channels.
    static let channelSynonyms: [String: String] = [
        "telefonisch": "telefoon", "tel": "telefoon", "loket": "balie", "fysiek": "balie", "webformulier": "web",
        "contactformulier": "web", "formulier": "web", "internet": "web", "online": "web", "mail": "e-mail",
        "brief": "post", "whatsapp": "social", "twitter": "social", "facebook": "social", "socialmedia": "social",
    ]

    /// `kind` names what is looked up in English ("phase of balie"), `dutch` in Dutch, once and as a plural.
    private static func check(_ value: String, in known: [String: String], kind: String, dutch: (one: String, many: String),
                              fail: (Message) -> CSVError) throws -> String {
        guard let slug = known[ImportVocabulary.fold(value)] else {
            let names = Set(known.values).sorted()
            let noun = kind.split(separator: " ").first.map(String.init) ?? kind
            guard !names.isEmpty else {
                throw fail(Message(
                    "er is geen \(dutch.one) '\(value)'; de roadmap heeft nog geen \(dutch.many): voeg er een toe met 'molensloot \(noun) add'",
                    "unknown \(kind) '\(value)'; the roadmap has no \(noun)s yet: add it with 'molensloot \(noun) add'"))
            }
            let listed = names.prefix(12).joined(separator: ", ")
            throw fail(Message("er is geen \(dutch.one) '\(value)'; bekend zijn: \(listed)", "unknown \(kind) '\(value)'; known: \(listed)"))
        }
        return slug
    }

    func journey(_ value: String, fail: (Message) -> CSVError) throws -> String {
        try Self.check(value, in: journeys, kind: "journey", dutch: ("klantreis", "klantreizen"), fail: fail)
    }

    func phase(_ value: String, journey: String?, fail: (Message) -> CSVError) throws -> String {
        guard let journey, let known = phases[journey] else {
            throw fail(Message("een fase hoort bij een klantreis: voeg een kolom klantreis toe of geef de meeteenheid een klantreis",
                               "a phase needs a journey: add a journey column or give the metric a journey"))
        }
        return try Self.check(value, in: known, kind: "phase of \(journey)", dutch: ("fase van \(journey)", "fasen"), fail: fail)
    }

    func channel(_ value: String, fail: (Message) -> CSVError) throws -> String {
        try Self.check(value, in: channels, kind: "channel", dutch: ("kanaal", "kanalen"), fail: fail)
    }

    func persona(_ value: String, fail: (Message) -> CSVError) throws -> String {
        try Self.check(value, in: personas, kind: "persona", dutch: ("persona", "persona's"), fail: fail)
    }
}

extension ISODate {
    /// Dates as Dutch spreadsheets write them (12-03-2014) or as ISO (2014-03-12).
    public init?(dutchOrISO text: String) {
        if let date = ISODate(text) {
            self = date
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              let date = ISODate(year: year, month: month, day: day) else { return nil }
        self = date
    }
}
