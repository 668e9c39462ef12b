import Store

/// What tests an assumption: a metric's measurement, a share of the contact volumes, the share
/// of cases with a repeat contact or a channel switch, or a research insight judged by a person.
public enum AssumptionTest: String, CaseIterable, Sendable {
    case metric
    case channelShare = "channel-share"
    case repeatShare = "repeat-share"
    case switchShare = "switch-share"
    case insight

    /// The fields this test uses besides the statement; any other is refused, so that a person
    /// is never led to think a field counts when it does not.
    var fields: Set<FieldKey> {
        switch self {
        case .metric: return [.metric, .expect]
        case .channelShare: return [.channel, .reason, .expect]
        case .repeatShare, .switchShare: return [.journey, .reason, .expect]
        case .insight: return [.insight, .verdict]
        }
    }

    var required: [FieldKey] {
        switch self {
        case .metric: return [.metric, .expect]
        case .channelShare: return [.channel, .expect]
        case .repeatShare, .switchShare: return [.expect]
        case .insight: return [.insight]
        }
    }

    var article: String { self == .insight ? "an" : "a" }

    /// Shares are percentages of contacts or cases.
    var isShare: Bool { self == .channelShare || self == .repeatShare || self == .switchShare }
}

/// The result that confirms an assumption: "at least 50", "below 7,5".
public struct Expectation: Sendable, Equatable, CustomStringConvertible {
    public enum Comparison: String, Sendable {
        case atLeast = ">="
        case atMost = "<="
        case above = ">"
        case below = "<"
    }

    public let comparison: Comparison
    public let threshold: Double

    /// `>= 50`, `<7,5`, `≥ 50%`: a comparison and a number, with a decimal comma or point.
    public init?(_ text: String) {
        var rest = Substring(text.trimmingSpaces)
        let spelled: [(String, Comparison)] = [(">=", .atLeast), ("≥", .atLeast), ("<=", .atMost), ("≤", .atMost),
                                                (">", .above), ("<", .below)]
        guard let (symbol, comparison) = spelled.first(where: { rest.hasPrefix($0.0) }) else { return nil }
        rest = rest.dropFirst(symbol.count)
        var number = String(rest).trimmingSpaces
        if number.hasSuffix("%") { number = String(number.dropLast()).trimmingSpaces }
        guard let threshold = Double(String(number.map { $0 == "," ? "." : $0 })), threshold.isFinite,
              number.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." || $0 == "-" }) else { return nil }
        self.comparison = comparison
        self.threshold = threshold
    }

    public func holds(_ value: Double) -> Bool {
        switch comparison {
        case .atLeast: return value >= threshold
        case .atMost: return value <= threshold
        case .above: return value > threshold
        case .below: return value < threshold
        }
    }

    public var description: String { "\(comparison.rawValue) \(formatNumber(threshold))" }
}

public enum AssumptionVerdict: String, Sendable {
    case confirmed
    case refuted
    case notTestable = "not_testable"
}

/// What one measurement (or a person's judgement of an insight) says of an assumption.
public struct AssumptionCheck: Sendable {
    /// The cycle measured; nil for an insight, which is judged once.
    public let cycle: String?
    public let verdict: AssumptionVerdict
    public let value: Double?
    /// "%" for a share, "" for a metric (whose unit the metric names).
    public let unit: String
    public let n: Int?
    public let interval: ClosedRange<Double>?
    /// Why, in a few words: "no measurement in C3", "7 cases, fewer than the privacy threshold of 10".
    public let note: String

    /// The verdict follows the measured value, but the 95% interval reaches across the threshold:
    /// another sample could have given the other verdict.
    public let closeCall: Bool

    var json: JSONObject {
        JSONObject([
            ("cycle", cycle.map(JSON.string) ?? .null), ("verdict", .string(verdict.rawValue)),
            ("value", value.map { .double($0.rounded(toPlaces: 4)) } ?? .null), ("unit", .string(unit)), ("n", n.map { .int(Int64($0)) } ?? .null),
            ("interval", interval.map { .array([.double($0.lowerBound.rounded(toPlaces: 4)), .double($0.upperBound.rounded(toPlaces: 4))]) } ?? .null),
            ("close_call", .bool(closeCall)), ("note", .string(note)),
        ])
    }
}

/// An assumption with its verdict after every cycle.
public struct AssumptionStatus: Sendable {
    public let record: Record
    public let test: AssumptionTest
    public let expectation: Expectation?
    /// One check per cycle, oldest first; one only for an insight.
    public let history: [AssumptionCheck]

    /// The latest check that could test it, or else the latest: the verdict to show.
    public var current: AssumptionCheck {
        history.last { $0.verdict != .notTestable } ?? history.last
            ?? AssumptionCheck(cycle: nil, verdict: .notTestable, value: nil, unit: "", n: nil, interval: nil,
                               note: "no cycle yet; open one with 'molensloot cycle open'", closeCall: false)
    }

    public var json: JSONObject {
        var object = record.json
        object.append("expectation", expectation.map { .string($0.description) } ?? .null)
        object.append("current", .object(current.json))
        object.append("history", .array(history.map { .object($0.json) }))
        return object
    }
}

extension RoadmapFile {
    /// Every assumption with its verdicts, in id order. A caller that has the contact report
    /// already passes it: reading a million contacts again costs most of a second.
    public func assumptionStatuses(contacts: ContactReport? = nil) throws -> [AssumptionStatus] {
        try read {
            let assumptions = try records(.assumption)
            guard !assumptions.isEmpty else { return [] }
            let needsContacts = assumptions.contains {
                [AssumptionTest.repeatShare, .switchShare].contains(AssumptionTest(rawValue: $0[.test].string ?? ""))
            }
            let evidence = try AssumptionEvidence(self, contacts: needsContacts ? contacts ?? contactReport() : nil)
            return assumptions.map { evidence.status(of: $0) }
        }
    }

    public func assumptionStatus(_ ref: String) throws -> AssumptionStatus {
        try read {
            let record = try record(.assumption, ref)
            let test = AssumptionTest(rawValue: record[.test].string ?? "")
            return try AssumptionEvidence(self, contacts: test == .repeatShare || test == .switchShare ? contactReport() : nil)
                .status(of: record)
        }
    }

    /// The rules of an assumption beyond its fields' own: what its test needs, and nothing more.
    func checkAssumption(_ record: Record) throws {
        guard let test = AssumptionTest(rawValue: record[.test].string ?? "") else { return }
        for field in test.required where record[field].isNull {
            let name = field.rawValue
            throw DomainError.inconsistent(Message(
                "een aanname met toets \(test.rawValue) heeft --\(name) nodig; zie 'molensloot assumption add --help'",
                "\(test.article) \(test.rawValue) assumption needs --\(name); see 'molensloot assumption add --help'"))
        }
        for field in Kind.assumption.fields where !record[field.key].isNull
            && [FieldKey.expect, .metric, .channel, .reason, .journey, .insight, .verdict].contains(field.key)
            && !test.fields.contains(field.key) {
            throw DomainError.inconsistent(Message(
                "--\(field.name) hoort niet bij een aanname met toets \(test.rawValue); laat het weg (of maak het leeg met --\(field.name) '')",
                "--\(field.name) does not apply to \(test.article) \(test.rawValue) assumption; leave it out "
                    + "(or clear it with --\(field.name) '')"))
        }
        if let text = record[.expect].string {
            guard let expectation = Expectation(text) else {
                throw DomainError.invalidValue(field: "expect", value: text, expected: "a comparison and a number, like '>= 50' or '< 7,5'")
            }
            if test.isShare, !(0...100).contains(expectation.threshold) {
                throw DomainError.invalidValue(field: "expect", value: text, expected: "a share from 0 to 100 (%)")
            }
        }
    }
}

/// Everything the verdicts are computed from, read once for all assumptions.
private struct AssumptionEvidence {
    let cycles: [Record]
    let threshold: Int
    let measurements: [String: [SQLValue: Record]]
    /// Volume counts by period, channel and reason.
    let volumes: [VolumeRow]
    let contacts: ContactReport?
    let spans: CycleSpans

    init(_ file: RoadmapFile, contacts: ContactReport?) throws {
        cycles = try file.cyclesInOrder()
        threshold = try file.privacyThreshold()
        measurements = Dictionary(grouping: try file.records(.measurement), by: { $0[.metric].string ?? "" })
            .mapValues { Dictionary($0.map { ($0[.cycle], $0) }, uniquingKeysWith: { first, _ in first }) }
        volumes = try file.volumes()
        self.contacts = contacts
        spans = CycleSpans(cycles)
    }

    func status(of record: Record) -> AssumptionStatus {
        let test = AssumptionTest(rawValue: record[.test].string ?? "") ?? .insight
        let expectation = record[.expect].string.flatMap(Expectation.init)
        let history: [AssumptionCheck]
        if test == .insight {
            history = [judged(record)]
        } else if let expectation {
            history = cycles.map { check(record, test, expectation, cycle: $0) }
        } else {
            history = []
        }
        return AssumptionStatus(record: record, test: test, expectation: expectation, history: history)
    }

    private func judged(_ record: Record) -> AssumptionCheck {
        let insight = Kind.insight.ref(record[.insight])
        guard let verdict = record[.verdict].string.flatMap(AssumptionVerdict.init(rawValue:)) else {
            return AssumptionCheck(cycle: nil, verdict: .notTestable, value: nil, unit: "", n: nil, interval: nil,
                                   note: "not judged yet: record what \(insight) showed with --verdict", closeCall: false)
        }
        return AssumptionCheck(cycle: nil, verdict: verdict, value: nil, unit: "", n: nil, interval: nil,
                               note: "judged on insight \(insight)", closeCall: false)
    }

    private func check(_ record: Record, _ test: AssumptionTest, _ expectation: Expectation, cycle: Record) -> AssumptionCheck {
        func untestable(_ note: String) -> AssumptionCheck {
            AssumptionCheck(cycle: cycle.ref, verdict: .notTestable, value: nil, unit: "", n: nil, interval: nil, note: note, closeCall: false)
        }
        let measured: SampleSummary
        let unit: String
        switch test {
        case .metric:
            let metric = record[.metric].string ?? ""
            guard let measurement = measurements[metric]?[cycle.key] else { return untestable("no measurement of \(metric) in \(cycle.ref)") }
            let n = measurement[.n].int.map(Int.init)
            if let n, n < threshold {
                return untestable("\(n) responses in \(cycle.ref), fewer than the privacy threshold of \(threshold)")
            }
            measured = SampleSummary(mean: measurement[.value].double ?? 0, n: n, sd: measurement[.sd].double)
            unit = ""
        case .channelShare:
            guard let span = spans.spans.first(where: { $0.ref == cycle.ref }) else {
                return untestable("\(cycle.ref) has no start date to find its months by")
            }
            let reason = record[.reason].string
            let rows = volumes.filter { row in
                guard reason == nil || row.reason == reason, let period = Period(row.period) else { return false }
                return period.overlaps(firstDay: span.first, lastDay: span.last)
            }
            let total = rows.reduce(0) { $0 + $1.count }
            guard total > 0 else { return untestable("no contact volumes in the months of \(cycle.ref)") }
            guard total >= threshold else {
                return untestable("\(total) contacts in \(cycle.ref), fewer than the privacy threshold of \(threshold)")
            }
            let channel = record[.channel].string ?? ""
            let part = rows.filter { $0.channel == channel }.reduce(0) { $0 + $1.count }
            // part · 100 / total, not part / total · 100: 7 of 100 must be 7, not 7.000000000000001.
            measured = .percentage(Double(part * 100) / Double(total), n: Int(total))
            unit = "%"
        case .repeatShare, .switchShare:
            let figures = contacts?.figures(cycle: cycle.ref, journey: record[.journey].string, reason: record[.reason].string)
                ?? ContactFigures()
            guard figures.cases > 0 else { return untestable("no contact registrations of cases that started in \(cycle.ref)") }
            guard figures.cases >= threshold else {
                return untestable("\(figures.cases) cases in \(cycle.ref), fewer than the privacy threshold of \(threshold)")
            }
            guard let share = test == .repeatShare ? figures.repeatShare : figures.switchShare else { return untestable("no cases") }
            measured = share
            unit = "%"
        case .insight:
            return judged(record)
        }
        // A share's interval from a small sample can reach below 0% or above 100%; no share can.
        let interval = measured.confidenceInterval95.map { unit == "%" ? max($0.lowerBound, 0)...min($0.upperBound, 100) : $0 }
        let holds = expectation.holds(measured.mean)
        let closeCall = interval.map { $0.contains(expectation.threshold) } ?? false
        return AssumptionCheck(
            cycle: cycle.ref, verdict: holds ? .confirmed : .refuted, value: measured.mean, unit: unit, n: measured.n, interval: interval,
            note: "measured \(formatNumber(measured.mean.rounded(toPlaces: 2)))\(unit)"
                + (measured.n.map { " (n = \($0))" } ?? "") + " in \(cycle.ref)", closeCall: closeCall)
    }
}

extension Period {
    /// Whether any day of this month lies between two day numbers (days since 1970).
    func overlaps(firstDay: Int64, lastDay: Int64) -> Bool {
        guard let start = ISODate(year: year, month: month, day: 1) else { return false }
        let first = Timestamp.days(from: start)
        let last = first + Int64(ISODate.days(inMonth: month, year: year)) - 1
        return first <= lastDay && firstDay <= last
    }
}
