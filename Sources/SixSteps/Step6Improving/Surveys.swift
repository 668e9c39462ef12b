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
            let scaleMax = metric[.scaleMax].double
            let kept = earlier - replaced
            let summary = kind.summary(kept > 0 ? try surveyScores(metric: metric.key, cycle: cycle.key) : survey.scores,
                                       scaleMax: scaleMax)
            let count = survey.scores.count
            var input: [FieldKey: SQLValue] = [.value: .real(summary.mean), .n: .integer(Int64(summary.n ?? 0)),
                                             .sd: SQLValue(summary.sd), .source: .text("survey: \(path)")]
            input[.note] = .null
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
                                     scale: (metric[.scaleMin].double ?? kind.defaultScale?.lowerBound,
                                             metric[.scaleMax].double ?? kind.defaultScale?.upperBound),
                                     metricJourney: metric[.journey].string)
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
                if column == "phase" { rows = try inPhaseOrder(rows, journey: metric[.journey]) }
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
