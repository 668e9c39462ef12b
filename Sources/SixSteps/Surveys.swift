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
    /// Counts per score; empty when the whole survey is suppressed.
    public let distribution: [(score: Double, count: Int)]
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
    public let cycle: String
    public let responses: Int
    /// Responses of an earlier import for the same metric and cycle that this one replaced.
    public let replaced: Int
    public let measurement: SampleSummary
    public let suppressed: Bool
}

extension RoadmapFile {
    public static let defaultPrivacyThreshold = 10

    public func privacyThreshold() throws -> Int {
        try setting(.privacyThreshold).flatMap { Int($0) } ?? Self.defaultPrivacyThreshold
    }

    public func setPrivacyThreshold(_ value: Int) throws {
        guard value >= 1 else { throw DomainError.inconsistent("the threshold must be at least 1 respondent") }
        try write { try setSetting(.privacyThreshold, String(value)) }
    }

    func surveyCount(metric: SQLValue, cycle: SQLValue) throws -> Int {
        Int(try connection.scalar("SELECT count(*) FROM survey_responses WHERE metric = ? AND cycle = ?", [metric, cycle]).int ?? 0)
    }

    /// The columns a survey file may have, by their standard names.
    public static let surveyColumns = ["date", "journey", "phase", "channel", "persona", "score", "comment"]

    /// Imports raw responses for one metric into a cycle (the open one unless named) and computes
    /// that cycle's measurement from them: mean, n and standard deviation. An earlier import for
    /// the same metric and cycle is replaced. `rename` maps a standard column name to the file's.
    public func importSurvey(_ document: CSVDocument, path: String, metric metricRef: String, cycle cycleRef: String?,
                             rename: [String: String], dryRun: Bool) throws -> SurveyImport {
        let index = try ColumnMap(document, path: path, standard: Self.surveyColumns, required: ["score"], rename: rename)
        return try rehearsing(dryRun, path: path) {
            let metric = try record(.metric, metricRef)
            let cycle = try measurableCycle(cycleRef)
            let lookups = try SurveyLookups(self)
            let replaced = try surveyCount(metric: metric.key, cycle: cycle.key)
            try connection.run("DELETE FROM survey_responses WHERE metric = ? AND cycle = ?", [metric.key, cycle.key])
            let scale = (metric["scale_min"].double, metric["scale_max"].double)
            var scores: [Double] = []
            let sql = "INSERT INTO survey_responses (metric, cycle, date, journey, phase, channel, persona, score, comment) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            try document.forEachRow { row in
                func text(_ name: String) throws -> String? { try index[name].flatMap { try row.string($0) } }
                func fail(_ column: String, _ message: String) -> CSVError {
                    CSVError(line: row.line, column: index.header(column), message: message)
                }
                guard let position = index["score"], let score = try row.number(position) else {
                    throw fail("score", "is empty; every response needs a score")
                }
                if let low = scale.0, score < low { throw fail("score", "\(formatNumber(score)) is below the scale's \(formatNumber(low))") }
                if let high = scale.1, score > high { throw fail("score", "\(formatNumber(score)) is above the scale's \(formatNumber(high))") }
                let date = try text("date").map { raw -> String in
                    guard let date = ISODate(dutchOrISO: raw) else { throw fail("date", "'\(raw)' is not a date like 2014-03-12 or 12-03-2014") }
                    return date.description
                }
                let journey = try text("journey").map { try lookups.journey($0, fail: { fail("journey", $0) }) }
                let phase = try text("phase").map {
                    try lookups.phase($0, journey: journey ?? metric["journey"].string, fail: { fail("phase", $0) })
                }
                let channel = try text("channel").map { try lookups.channel($0, fail: { fail("channel", $0) }) }
                let persona = try text("persona").map { try lookups.persona($0, fail: { fail("persona", $0) }) }
                try connection.run(sql, [metric.key, cycle.key, SQLValue(date), SQLValue(journey), SQLValue(phase),
                                         SQLValue(channel), SQLValue(persona), .real(score), SQLValue(try text("comment"))])
                scores.append(score)
            }
            guard !scores.isEmpty else { throw DomainError.badFile(path: path, "the file holds no responses") }
            let summary = SampleSummary(values: scores)
            var input: [String: SQLValue] = ["value": .real(summary.mean), "n": .integer(Int64(scores.count)),
                                             "sd": SQLValue(summary.sd), "source": .text("survey: \(path)")]
            input["note"] = .null
            try storeMeasurement(metric: metric, cycle: cycle, input: input)
            try audit(action: "import", record: metric.ref,
                      summary: "imported \(scores.count) survey responses for \(metric.ref) into \(cycle.ref) from \(path)"
                        + (replaced > 0 ? ", replacing \(replaced)" : ""), before: nil, after: nil)
            return SurveyImport(metric: metric.ref, cycle: cycle.ref, responses: scores.count, replaced: replaced,
                                measurement: summary, suppressed: scores.count < (try privacyThreshold()))
        }
    }

    /// The results of a metric's survey in a cycle: overall, the distribution of scores, and per
    /// phase, channel and persona, each group suppressed below the privacy threshold.
    public func surveyResults(metric metricRef: String, cycle cycleRef: String?) throws -> SurveyResults {
        try read {
            let metric = try record(.metric, metricRef)
            let cycle = try cycleRef.map { try record(.cycle, $0) } ?? surveyedCycle(metric: metric.key)
            guard let cycle else {
                throw DomainError.inconsistent("\(metric.ref) has no survey responses yet; import them with 'molensloot survey import'")
            }
            let threshold = try privacyThreshold()
            let key: [SQLValue] = [metric.key, cycle.key]
            func groups(_ column: String) throws -> [SurveyGroup] {
                try connection.query(
                    "SELECT \(column), count(*), avg(score), sum(score * score) FROM survey_responses "
                        + "WHERE metric = ? AND cycle = ? AND \(column) IS NOT NULL GROUP BY \(column) ORDER BY \(column)", key
                ).map { group(label: $0.string(0), n: Int($0.int(1)), mean: $0.double(2), sumOfSquares: $0.double(3), threshold: threshold) }
            }
            let total = try connection.first(
                "SELECT count(*), avg(score), sum(score * score) FROM survey_responses WHERE metric = ? AND cycle = ?", key)
            let overall = group(label: "all", n: Int(total?.int(0) ?? 0), mean: total?.double(1) ?? 0,
                                sumOfSquares: total?.double(2) ?? 0, threshold: threshold)
            let distribution = overall.suppressed ? [] : try connection.query(
                "SELECT score, count(*) FROM survey_responses WHERE metric = ? AND cycle = ? GROUP BY score ORDER BY score", key
            ).map { (score: $0.double(0), count: Int($0.int(1))) }
            return SurveyResults(metric: metric.ref, cycle: cycle.ref, threshold: threshold, overall: overall,
                                 distribution: distribution, byPhase: try groups("phase"), byChannel: try groups("channel"),
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
                    throw DomainError.inconsistent("there is no survey comment \(id); see 'molensloot survey comments'")
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

/// The slugs a survey or volume file may use, loaded once: a million rows are checked against
/// memory, not against the database.
struct SurveyLookups {
    private let journeys: Set<String>
    private let phases: [String: Set<String>]
    private let channels: Set<String>
    private let personas: Set<String>

    init(_ file: RoadmapFile) throws {
        journeys = Set(try file.records(.journey).map(\.ref))
        var phases: [String: Set<String>] = [:]
        for journey in journeys { phases[journey] = Set(try file.phases(of: journey).map(\.slug)) }
        self.phases = phases
        channels = Set(try file.records(.channel).map(\.ref))
        personas = Set(try file.records(.persona).map(\.ref))
    }

    private static func check(_ value: String, in known: Set<String>, kind: String, fail: (String) -> CSVError) throws -> String {
        let slug = value.lowercased()
        guard known.contains(slug) else {
            throw fail("unknown \(kind) '\(value)'; known: " + known.sorted().prefix(12).joined(separator: ", "))
        }
        return slug
    }

    func journey(_ value: String, fail: (String) -> CSVError) throws -> String {
        try Self.check(value, in: journeys, kind: "journey", fail: fail)
    }

    func phase(_ value: String, journey: String?, fail: (String) -> CSVError) throws -> String {
        guard let journey, let known = phases[journey] else {
            throw fail("a phase needs a journey: add a journey column or give the metric a journey")
        }
        return try Self.check(value, in: known, kind: "phase of \(journey)", fail: fail)
    }

    func channel(_ value: String, fail: (String) -> CSVError) throws -> String {
        try Self.check(value, in: channels, kind: "channel", fail: fail)
    }

    func persona(_ value: String, fail: (String) -> CSVError) throws -> String {
        try Self.check(value, in: personas, kind: "persona", fail: fail)
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
