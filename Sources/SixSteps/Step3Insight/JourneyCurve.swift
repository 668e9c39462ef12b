import Store

/// The measured journey curve: per phase of a journey, the mean score residents gave in a survey,
/// with its sample size and 95% interval, overall and per persona, for the latest cycle with
/// responses and the one before it. It is what teams otherwise draw by hand as the emotion curve
/// of a journey map, here measured.
///
/// Privacy: a point of fewer responses than the privacy threshold carries neither its mean nor
/// its interval, nor does a point from which, with the totals published beside the curve, such a
/// small one could be worked out; so nothing that shows a curve can leak them.
public struct JourneyCurve: Sendable, Equatable {
    public let journey: String
    /// The metric's slug.
    public let metric: String
    /// The journey's phases in their order on the map: every line has one point per phase.
    public let phases: [Phase]
    /// The privacy threshold the points were judged against.
    public let threshold: Int
    /// The latest cycle with phase-level responses of this metric for this journey.
    public let current: CycleCurve
    /// The latest cycle before `current` (in the order the cycles ran) with such responses.
    public let previous: CycleCurve?
}

/// One cycle's curve: all responses per phase, and the same per persona.
public struct CycleCurve: Sendable, Equatable {
    /// The cycle's ref, `C3`.
    public let cycle: String
    /// One point per phase of the journey, in the journey's order.
    public let overall: [CurvePoint]
    /// Only personas with at least one response in a phase of the journey in this cycle, by slug.
    public let personas: [PersonaCurve]
}

public struct PersonaCurve: Sendable, Equatable {
    /// The persona's slug.
    public let persona: String
    /// One point per phase of the journey, in the journey's order.
    public let points: [CurvePoint]
}

/// The responses of one phase (of one persona, or of everyone) in one cycle.
public struct CurvePoint: Sendable, Equatable {
    public let phase: String
    public let n: Int
    /// At least one response, but fewer than the privacy threshold, or hidden so that such a small
    /// point cannot be worked out from it.
    public let suppressed: Bool
    /// Mean, n and sample sd; nil when there are no responses or the point is suppressed.
    public let summary: SampleSummary?
    /// mean ± t(n − 1) · sd / √n; nil when `summary` is nil or n < 2.
    public let interval: ClosedRange<Double>?

    public var mean: Double? { summary?.mean }
    /// Whether the point may be drawn: it has responses and is not suppressed.
    public var isShown: Bool { summary != nil }

    /// From the count, sum and sum of squares of the scores, as SQLite adds them up.
    init(phase: String, n: Int, sum: Double, squares: Double, threshold: Int) {
        self.phase = phase
        self.n = n
        suppressed = n > 0 && n < threshold
        guard n > 0, !suppressed else {
            summary = nil
            interval = nil
            return
        }
        let mean = sum / Double(n)
        // The difference of two sums loses digits only when the spread is tiny next to the mean,
        // and a rounding error must never make the variance negative.
        let sd = n > 1 ? max(0, (squares - Double(n) * mean * mean) / Double(n - 1)).squareRoot() : nil
        let summary = SampleSummary(mean: mean, n: n, sd: sd)
        self.summary = summary
        interval = summary.confidenceInterval95
    }
}

extension RoadmapFile {
    /// The measured curves of one journey, one per metric with responses in a phase of it, by
    /// metric slug. Empty when no survey response names a phase of the journey.
    public func journeyCurves(journey: String) throws -> [JourneyCurve] {
        try read {
            let journey = try record(.journey, journey).ref
            return try curves(only: journey)[journey] ?? []
        }
    }

    /// The measured curves of every journey that has them, by journey slug: one pass over the
    /// responses for all of them, for the site.
    public func journeyCurves() throws -> [String: [JourneyCurve]] {
        try read { try curves(only: nil) }
    }

    /// A response's journey is its own, or when it names none, its metric's (the survey import
    /// checks its phase against that journey). Responses without a phase, and those in a phase the
    /// journey no longer has, are left out: they have no place on the curve.
    ///
    /// SQLite groups and adds up: a million responses become a few hundred rows of count, sum and
    /// sum of squares, so nothing here grows with the number of responses. The grouping columns
    /// go from many values to few, which makes SQLite's sort compare less (a fifth faster on a
    /// million responses than the other way round).
    private func curves(only journey: String?) throws -> [String: [JourneyCurve]] {
        let threshold = try privacyThreshold()
        let cycles = try cyclesInOrder()
        let position = Dictionary(uniqueKeysWithValues: cycles.enumerated().map { ($1.key, $0) })
        var metricJourney: [String: String] = [:]
        for row in try connection.query("SELECT slug, journey FROM metrics WHERE journey IS NOT NULL") {
            metricJourney[row.string(0)] = row.string(1)
        }
        var phasesOf: [String: [Phase]] = [:]
        for row in try connection.query("SELECT journey, slug, name, position FROM journey_phases ORDER BY journey, position") {
            let slug = row.string(0)
            guard journey.map({ $0 == slug }) ?? true else { continue }
            phasesOf[slug, default: []].append(Phase(journey: slug, slug: row.string(1), name: row.string(2),
                                                     position: Int(row.int(3))))
        }

        var sql = "SELECT journey, metric, cycle, phase, persona, count(*), sum(score), sum(score * score) "
            + "FROM survey_responses WHERE phase IS NOT NULL"
            // A curve of mean scores: an NPS or a share is not a mean of its answers.
            + " AND metric IN (SELECT slug FROM metrics WHERE kind IN ('mean', 'ces'))"
        var values: [SQLValue] = []
        if let journey {
            sql += " AND (journey = ? OR journey IS NULL)"
            values.append(.text(journey))
        }
        sql += " GROUP BY phase, persona, cycle, metric, journey"

        // What `survey results` publishes beside the curve: the responses of each metric in a
        // cycle, and of each persona; the curve's points are suppressed against both.
        var published: [PublishedKey: (total: Int, personas: [String: Int])] = [:]
        try connection.forEach("SELECT metric, cycle, persona, count(*) FROM survey_responses GROUP BY metric, cycle, persona") { row in
            guard let cycle = position[row[1]] else { return }
            let key = PublishedKey(metric: row.string(0), cycle: cycle)
            let count = Int(row.int(3))
            published[key, default: (0, [:])].total += count
            if let persona = row.optionalString(2) { published[key, default: (0, [:])].personas[persona] = count }
        }

        var sums: [CurveKey: [Int: CycleSums]] = [:]
        try connection.forEach(sql, values) { row in
            let metric = row.string(1)
            guard let owner = row.optionalString(0) ?? metricJourney[metric], journey.map({ $0 == owner }) ?? true,
                  let phases = phasesOf[owner], let cycle = position[row[2]] else { return }
            let phase = row.string(3)
            guard phases.contains(where: { $0.slug == phase }) else { return }
            let group = Sums(n: Int(row.int(5)), sum: row.double(6), squares: row.double(7))
            sums[CurveKey(journey: owner, metric: metric), default: [:]][cycle, default: CycleSums()]
                .add(group, phase: phase, persona: row.optionalString(4))
        }

        var result: [String: [JourneyCurve]] = [:]
        for (key, byCycle) in sums.sorted(by: { ($0.key.journey, $0.key.metric) < ($1.key.journey, $1.key.metric) }) {
            let phases = phasesOf[key.journey] ?? []
            let ran = byCycle.keys.sorted()
            guard let latest = ran.last else { continue }
            func curve(_ index: Int) -> CycleCurve {
                let beside = published[PublishedKey(metric: key.metric, cycle: index)]
                return (byCycle[index] ?? CycleSums()).curve(cycle: cycles[index].ref, phases: phases, threshold: threshold,
                                                             total: beside?.total, personaTotals: beside?.personas ?? [:])
            }
            let previous = ran.count > 1 ? curve(ran[ran.count - 2]) : nil
            result[key.journey, default: []].append(
                JourneyCurve(journey: key.journey, metric: key.metric, phases: phases, threshold: threshold,
                             current: curve(latest), previous: previous))
        }
        return result
    }
}

private struct CurveKey: Hashable {
    let journey: String
    let metric: String
}

private struct PublishedKey: Hashable {
    let metric: String
    let cycle: Int
}

private struct Sums {
    var n = 0
    var sum = 0.0
    var squares = 0.0

    static func += (total: inout Sums, part: Sums) {
        total.n += part.n
        total.sum += part.sum
        total.squares += part.squares
    }
}

/// One cycle's groups added up per phase, for everyone and per persona.
private struct CycleSums {
    var overall: [String: Sums] = [:]
    var personas: [String: [String: Sums]] = [:]

    mutating func add(_ group: Sums, phase: String, persona: String?) {
        overall[phase, default: Sums()] += group
        if let persona { personas[persona, default: [:]][phase, default: Sums()] += group }
    }

    /// The points of everyone come first, one per phase, then each persona's: a cross table of
    /// persona by phase. Each phase's personas are a breakdown of the phase's point, each
    /// persona's phases one of the persona's responses, and the phases one of all responses, so
    /// a point suppressed in one cannot be worked out from another (`Suppression.linked`).
    func curve(cycle: String, phases: [Phase], threshold: Int, total: Int?, personaTotals: [String: Int]) -> CycleCurve {
        let personaSlugs = personas.keys.sorted()
        let rows = [overall] + personaSlugs.map { personas[$0] ?? [:] }
        let sums = rows.flatMap { row in phases.map { row[$0.slug] ?? Sums() } }
        let width = phases.count
        func cells(ofRow row: Int) -> [Int] { Array(row * width..<(row + 1) * width) }
        var breakdowns = [Suppression.Breakdown(cells: cells(ofRow: 0), total: total)]
        for phase in phases.indices {
            breakdowns.append(.init(cells: personaSlugs.indices.map { (1 + $0) * width + phase }, total: sums[phase].n, parent: phase))
        }
        for (index, persona) in personaSlugs.enumerated() {
            breakdowns.append(.init(cells: cells(ofRow: index + 1), total: personaTotals[persona]))
        }
        let hidden = Suppression.linked(sizes: sums.map(\.n), breakdowns: breakdowns, threshold: threshold)
        func points(_ row: Int) -> [CurvePoint] {
            zip(phases, cells(ofRow: row)).map { phase, cell in
                CurvePoint(phase: phase.slug, n: sums[cell].n, sum: sums[cell].sum, squares: sums[cell].squares,
                           threshold: hidden.contains(cell) ? Int.max : threshold)
            }
        }
        return CycleCurve(cycle: cycle, overall: points(0),
                          personas: personaSlugs.indices.map { PersonaCurve(persona: personaSlugs[$0], points: points($0 + 1)) })
    }
}
