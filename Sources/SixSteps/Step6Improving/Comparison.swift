import Store

/// A metric's value in one cycle.
public struct Measured: Sendable {
    public let cycle: String
    public let summary: SampleSummary
    /// From a survey with fewer respondents than the threshold: shown as suppressed, never as a number.
    public let suppressed: Bool
}

/// One metric in one cycle against its baseline, the previous cycle and its target.
public struct MetricComparison: Sendable {
    public let metric: Record
    public let baseline: Double?
    public let target: Double?
    public let previous: Measured?
    public let current: Measured?
    /// This cycle minus the previous one (or the baseline when there is no previous cycle).
    public let change: Double?
    /// What `change` and `verdict` compare with.
    public let comparedWith: ComparisonBase
    public let changeFromBaseline: Double?
    /// `Verdict.rule` on the change and its noise: never improved or worse within the noise.
    public let verdict: Verdict
    public let noise: NoiseVerdict
    /// The share of the way from baseline to target that has been covered.
    public let progress: Double?
    public let movingAwayFromTarget: Bool

    public var slug: String { metric.ref }
    public var higherIsBetter: Bool { metric[.direction].string != "lower" }
    /// How the value is computed, and so which interval and test fit it.
    public var kind: MetricKind { metric.metricKind }
    /// The 95% interval of the current value, as its kind computes it; nil when unknown or suppressed.
    public var interval: ClosedRange<Double>? {
        guard let current, !current.suppressed else { return nil }
        return kind.interval95(current.summary)
    }
    /// Whether the value now has reached its target; nil without a value or a target.
    public var targetReached: Bool? {
        guard let target, let current, !current.suppressed else { return nil }
        return higherIsBetter ? current.summary.mean >= target - 1e-12 : current.summary.mean <= target + 1e-12
    }

    public var json: JSONObject {
        func number(_ value: Double?) -> JSON { value.map { .double($0.rounded(toPlaces: 4)) } ?? .null }
        func measured(_ value: Measured?) -> JSON {
            guard let value else { return .null }
            if value.suppressed { return .object(JSONObject([("cycle", .string(value.cycle)), ("suppressed", .bool(true))])) }
            return .object(JSONObject([("cycle", .string(value.cycle)), ("suppressed", .bool(false)),
                                       ("value", number(value.summary.mean)),
                                       ("n", value.summary.n.map { .int(Int64($0)) } ?? .null), ("sd", number(value.summary.sd))]))
        }
        var noiseJSON = JSONObject()
        switch noise {
        // p unrounded: four places would turn p = 0.00002 into 0, which no test ever gives.
        case .significant(let p): noiseJSON = JSONObject([("verdict", .string("larger_than_noise")), ("p", .double(p))])
        case .withinNoise(let p): noiseJSON = JSONObject([("verdict", .string("within_noise")), ("p", .double(p))])
        case .unknown: noiseJSON = JSONObject([("verdict", .string("unknown")), ("p", .null)])
        }
        return JSONObject([
            ("metric", .string(slug)), ("kind", .string(kind.rawValue)), ("direction", .string(higherIsBetter ? "higher" : "lower")),
            ("interval", interval.map { .array([number($0.lowerBound), number($0.upperBound)]) } ?? .null),
            ("baseline", number(baseline)), ("target", number(target)),
            ("previous", measured(previous)), ("current", measured(current)),
            ("change", number(change)), ("change_from_baseline", number(changeFromBaseline)),
            ("verdict", .string(verdict.rawValue)), ("compared_with", comparedWith.json), ("noise", .object(noiseJSON)),
            ("target_reached", targetReached.map(JSON.bool) ?? .null),
            ("progress", number(progress)), ("moving_away_from_target", .bool(movingAwayFromTarget)),
        ])
    }
}

/// What a roadmap item done in a cycle was expected to do to a metric, and what was observed.
public struct ItemEffect: Sendable {
    public let item: Record
    public let metric: String
    public let expected: Double?
    /// The metric's change in this cycle; nil when it was not measured (or is suppressed).
    public let observed: Double?

    public var json: JSONObject {
        JSONObject([("item", .string(item.ref)), ("title", .string(item.title)), ("metric", .string(metric)),
                    ("expected_change", expected.map { .double($0) } ?? .null),
                    ("observed_change", observed.map { .double($0.rounded(toPlaces: 4)) } ?? .null)])
    }
}

/// The before/after of one cycle: every metric, the effect of the items done in it, and what
/// needs attention.
public struct CycleReport: Sendable {
    public let cycle: Record
    public let previous: Record?
    public let comparisons: [MetricComparison]
    public let effects: [ItemEffect]
    public let attention: [StatusReport.Attention]

    public var json: JSONObject {
        JSONObject([
            ("cycle", .object(cycle.json)), ("previous_cycle", previous.map { .string($0.ref) } ?? .null),
            ("metrics", .array(comparisons.map { .object($0.json) })),
            ("effects", .array(effects.map { .object($0.json) })),
            ("attention", .array(attention.map { item in
                .object(JSONObject([("key", .string(item.key)), ("message", .string(item.message)),
                                    ("records", .array(item.records.map(JSON.string)))]))
            })),
        ])
    }
}

extension RoadmapFile {
    /// The report of a cycle (the open one, else the last one).
    public func cycleReport(_ ref: String?, today: ISODate = .today()) throws -> CycleReport {
        try read {
            let cycles = try cyclesInOrder()
            let cycle = try ref.map { try record(.cycle, $0) } ?? openCycleRecord() ?? cycles.last
            guard let cycle else { throw DomainError.noCycles }
            let position = cycles.firstIndex { $0.key == cycle.key } ?? 0
            let earlier = Array(cycles[..<position])
            let threshold = try privacyThreshold()
            let comparisons = try records(.metric).map { try compare($0, in: cycle, earlier: earlier, threshold: threshold) }
            let effects = try itemEffects(in: cycle, comparisons: comparisons, today: today)
            return CycleReport(cycle: cycle, previous: earlier.last, comparisons: comparisons, effects: effects,
                               attention: try cycleAttention(cycle, comparisons: comparisons, effects: effects, today: today))
        }
    }

    /// The latest earlier cycle in which the metric was measured is what "previous" means: a
    /// metric measured every other cycle still has something to compare with.
    func compare(_ metric: Record, in cycle: Record, earlier: [Record], threshold: Int) throws -> MetricComparison {
        let higherIsBetter = metric[.direction].string != "lower"
        let current = try measured(metric, in: cycle, threshold: threshold)
        var previousCycle: Record?
        var previous: Measured?
        for candidate in earlier.reversed() {
            if let found = try measured(metric, in: candidate, threshold: threshold) {
                previous = found
                previousCycle = candidate
                break
            }
        }
        let baseline = metric[.baseline].double
        let target = metric[.target].double
        guard let current, !current.suppressed else {
            return MetricComparison(metric: metric, baseline: baseline, target: target, previous: previous, current: current,
                                    change: nil, comparedWith: .nothing, changeFromBaseline: nil,
                                    verdict: current == nil ? .notMeasured : .suppressed,
                                    noise: .unknown, progress: nil, movingAwayFromTarget: false)
        }
        let value = current.summary.mean
        let reference = previous.flatMap { $0.suppressed ? nil : $0.summary.mean } ?? baseline
        let change = reference.map { value - $0 }
        let comparedWith: ComparisonBase
        if let previous, !previous.suppressed {
            comparedWith = .previous(cycle: previous.cycle)
        } else {
            comparedWith = baseline == nil ? .nothing : .baseline
        }
        var noise = NoiseVerdict.unknown
        if let previous, !previous.suppressed, let previousCycle {
            let before = try surveyScores(metric: metric.key, cycle: previousCycle.key)
            let after = try surveyScores(metric: metric.key, cycle: cycle.key)
            let kind = metric.metricKind
            if kind == .mean || kind == .ces, before.count >= 2 && after.count >= 2, let test = Statistics.welch(before, after) {
                // Raw responses on both sides: the test runs on them directly.
                noise = test.p < 0.05 ? .significant(p: test.p) : .withinNoise(p: test.p)
                if abs(current.summary.mean - previous.summary.mean) < 1e-12 { noise = .withinNoise(p: 1) }
            } else {
                // An NPS or a share: its own test, on the stored value, n and spread of each side
                // (which its survey import computed from the raw answers).
                noise = kind.noise(previous.summary, current.summary)
            }
        }
        let verdict = Verdict.rule(change: change, noise: noise, higherIsBetter: higherIsBetter)
        var progress: Double?
        if let baseline, let target, abs(target - baseline) > 1e-12 { progress = (value - baseline) / (target - baseline) }
        var awayFromTarget = false
        // Overshooting the target in the right direction is not moving away from it.
        if let target, let reference, let change, (change > 0) != higherIsBetter { awayFromTarget = abs(target - value) > abs(target - reference) + 1e-12 }
        return MetricComparison(metric: metric, baseline: baseline, target: target, previous: previous, current: current,
                                change: change, comparedWith: comparedWith, changeFromBaseline: baseline.map { value - $0 }, verdict: verdict,
                                noise: noise, progress: progress, movingAwayFromTarget: awayFromTarget)
    }

    /// Whether a measurement stands on fewer survey respondents than the privacy threshold, so
    /// that no list shows its figures.
    public func isSuppressed(_ measurement: Record) throws -> Bool {
        guard try surveyCount(metric: measurement[.metric], cycle: measurement[.cycle]) > 0 else { return false }
        return (measurement[.n].int ?? 0) < Int64(try privacyThreshold())
    }

    /// A metric's measurement in a cycle as a sample: a percentage with n and no spread gets the
    /// spread of a proportion.
    func measured(_ metric: Record, in cycle: Record, threshold: Int) throws -> Measured? {
        guard let measurement = try measurement(metric: metric.key, cycle: cycle.key),
              let value = measurement[.value].double else { return nil }
        let n = measurement[.n].int.map { Int($0) }
        let summary = metric.metricKind.sample(value: value, n: n, sd: measurement[.sd].double, unit: metric[.unit].string)
        let fromSurvey = try surveyCount(metric: metric.key, cycle: cycle.key) > 0
        return Measured(cycle: cycle.ref, summary: summary, suppressed: fromSurvey && (n ?? 0) < threshold)
    }

    /// Items done within the cycle's dates, with each metric they should move.
    func itemEffects(in cycle: Record, comparisons: [MetricComparison], today: ISODate) throws -> [ItemEffect] {
        let start = cycle[.startDate].string ?? "0000-00-00"
        let end = cycle[.endDate].string ?? today.description
        let byMetric = Dictionary(uniqueKeysWithValues: comparisons.map { ($0.slug, $0) })
        return try records(.item, filter: [.status: .text("done")]).filter {
            guard let done = $0[.doneDate].string else { return false }
            return done >= start && done <= end
        }.flatMap { item in
            try links(.itemMetric, from: item.key).map { link in
                ItemEffect(item: item, metric: link.toRef, expected: link.expectedChange, observed: byMetric[link.toRef]?.change)
            }
        }
    }

    func cycleAttention(_ cycle: Record, comparisons: [MetricComparison], effects: [ItemEffect],
                        today: ISODate) throws -> [StatusReport.Attention] {
        var attention: [StatusReport.Attention] = []
        let isOpen = cycle[.status].string == "open"
        if isOpen {
            attention.append(.init(key: "metrics_not_remeasured",
                                   message: "metrics not yet measured in \(cycle.ref): measure them with 'molensloot measure'",
                                   records: comparisons.filter { $0.current == nil }.map(\.slug)))
            if let end = cycle[.endDate].string, end < today.description {
                attention.append(.init(key: "cycle_past_end", message: "\(cycle.ref) ended on \(end): close it with 'molensloot cycle close'",
                                       records: [cycle.ref]))
            }
        }
        attention.append(.init(key: "metrics_moving_away", message: "metrics moving away from their target",
                               records: comparisons.filter(\.movingAwayFromTarget).map(\.slug)))
        let withoutEffect = Dictionary(grouping: effects, by: \.item.ref).filter { _, effects in
            effects.allSatisfy { $0.observed == nil }
        }.keys.sorted { (Int64($0.dropFirst()) ?? 0) < (Int64($1.dropFirst()) ?? 0) }
        let doneWithoutMetric = try records(.item, filter: [.status: .text("done")]).filter { item in
            effects.contains { $0.item.key == item.key } == false
                && (try? links(.itemMetric, from: item.key).isEmpty) == true
                && isDone(item, within: cycle, today: today)
        }.map(\.ref)
        attention.append(.init(key: "items_without_measured_effect",
                               message: "items done in \(cycle.ref) without a measured effect on any metric",
                               records: withoutEffect + doneWithoutMetric))
        return attention.filter { !$0.records.isEmpty }
    }

    private func isDone(_ item: Record, within cycle: Record, today: ISODate) -> Bool {
        guard let done = item[.doneDate].string else { return false }
        return done >= (cycle[.startDate].string ?? "0000-00-00") && done <= (cycle[.endDate].string ?? today.description)
    }
}

extension Record {
    /// A metric's kind; mean for a metric of an older file.
    public var metricKind: MetricKind { self[.kind].string.flatMap(MetricKind.init(rawValue:)) ?? .mean }
}
