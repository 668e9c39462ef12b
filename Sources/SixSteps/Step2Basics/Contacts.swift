import Store

/// Contact registrations: one row per contact, linked by a hashed case key, for step 2's
/// questions "where do residents have to contact us twice?" and "what drives a channel switch?".
///
/// A case is what one key names within the repeat window (30 days unless set): the contacts of a
/// key from its first contact until the window has passed. A later contact starts a new case, so
/// a person key (rather than a case number) does not turn this year's question and next year's
/// into one repeat contact. A case is counted in the period and cycle of its first contact, under
/// that contact's journey and reason: the matter that brought the resident in.
public struct ContactFigures: Sendable, Equatable {
    public var cases = 0
    public var contacts = 0
    /// Cases with more than one contact.
    public var repeatCases = 0
    /// Cases with at least one contact on another channel than the contact before it.
    public var switchCases = 0

    public init(cases: Int = 0, contacts: Int = 0, repeatCases: Int = 0, switchCases: Int = 0) {
        self.cases = cases
        self.contacts = contacts
        self.repeatCases = repeatCases
        self.switchCases = switchCases
    }

    /// Percentages of cases, with their spread; nil without cases.
    public var repeatShare: SampleSummary? { share(repeatCases) }
    public var switchShare: SampleSummary? { share(switchCases) }

    private func share(_ part: Int) -> SampleSummary? {
        // part · 100 / cases is exact for a whole percentage, so a share at a threshold stays at it.
        cases == 0 ? nil : .percentage(Double(part * 100) / Double(cases), n: cases)
    }

    static func + (lhs: ContactFigures, rhs: ContactFigures) -> ContactFigures {
        ContactFigures(cases: lhs.cases + rhs.cases, contacts: lhs.contacts + rhs.contacts,
                       repeatCases: lhs.repeatCases + rhs.repeatCases, switchCases: lhs.switchCases + rhs.switchCases)
    }

    var json: JSONObject {
        JSONObject([("cases", .int(Int64(cases))), ("contacts", .int(Int64(contacts))),
                    ("repeat_cases", .int(Int64(repeatCases))), ("switch_cases", .int(Int64(switchCases))),
                    ("repeat_share", repeatShare.map { .double($0.mean.rounded(toPlaces: 2)) } ?? .null),
                    ("switch_share", switchShare.map { .double($0.mean.rounded(toPlaces: 2)) } ?? .null)])
    }
}

/// The figures of one group of cases: a journey, a reason, a month. Below the privacy threshold
/// only the label and the fact of suppression are shown, as for surveys.
public struct ContactGroup: Sendable {
    public let label: String
    /// Nil when the group has fewer cases than the privacy threshold.
    public let figures: ContactFigures?

    init(label: String, figures: ContactFigures, threshold: Int, suppressed: Bool = false) {
        self.label = label
        self.figures = figures.cases >= threshold && !suppressed ? figures : nil
    }

    /// The groups of one breakdown, suppressed together (`Suppression`) against `total`, the
    /// group they are part of, when that is shown.
    static func breakdown(_ entries: [(label: String, figures: ContactFigures)], total: ContactGroup?, threshold: Int) -> [ContactGroup] {
        let plan = Suppression.plan(sizes: entries.map(\.figures.cases), total: total?.figures?.cases, threshold: threshold)
        return entries.enumerated().map { index, entry in
            ContactGroup(label: entry.label, figures: entry.figures, threshold: threshold, suppressed: plan.cells.contains(index))
        }
    }

    public var suppressed: Bool { figures == nil }

    var json: JSONObject {
        var object = JSONObject([("group", .string(label)), ("suppressed", .bool(suppressed))])
        for (key, value) in figures?.json ?? JSONObject([]) { object.append(key, value) }
        return object
    }
}

/// How many cases went from one channel to the next: from their first contact to their second
/// (`step` 1) or from the second to the third (`step` 2).
public struct ContactFlow: Sendable, Equatable {
    public let step: Int
    public let from: String
    public let to: String
    public let cases: Int

    var json: JSONObject {
        JSONObject([("step", .int(Int64(step))), ("from", .string(from)), ("to", .string(to)), ("cases", .int(Int64(cases)))])
    }

    /// The flows that may be shown, and the cases of the others. Each step's flows are a
    /// breakdown of all that step's cases, which can be worked out from what is shown (the repeat
    /// cases, the hidden count), so they are suppressed against it; of a suppressed cycle none.
    static func suppressed(_ flows: [ContactFlow], cycleShown: Bool, threshold: Int) -> (shown: [ContactFlow], hidden: Int) {
        guard cycleShown else { return ([], 0) }
        var shown: [ContactFlow] = []
        var hidden = 0
        for step in Set(flows.map(\.step)).sorted() {
            let ofStep = flows.filter { $0.step == step }
            let total = ofStep.reduce(0) { $0 + $1.cases }
            let plan = Suppression.plan(sizes: ofStep.map(\.cases), total: total, threshold: threshold)
            shown += ofStep.indices.filter { !plan.cells.contains($0) }.map { ofStep[$0] }
            // A step of fewer cases than the threshold does not add its count either.
            if !plan.total { hidden += Suppression.hiddenPeople(sizes: ofStep.map(\.cases), total: total, plan: plan) }
        }
        return (shown, hidden)
    }
}

/// Repeat contacts and channel switches of the cases that started in one cycle.
public struct ContactCycle: Sendable {
    public let cycle: String
    public let name: String
    public let overall: ContactGroup
    public let journeys: [ContactGroup]
    /// By the reason of the first contact, most repeat cases first.
    public let reasons: [ContactGroup]
    /// Only the flows that `Suppression` lets through, per step against all the step's flows; the
    /// others are counted in `hiddenFlowCases` (none, or at least the threshold per step; 0 when
    /// the cycle itself is suppressed).
    public let flows: [ContactFlow]
    public let hiddenFlowCases: Int
    /// The change of the repeat share since the cycle before with figures, in percentage points.
    public let change: ContactChange?

    var json: JSONObject {
        JSONObject([
            ("cycle", .string(cycle)), ("name", .string(name)), ("overall", .object(overall.json)),
            ("journeys", .array(journeys.map { .object($0.json) })), ("reasons", .array(reasons.map { .object($0.json) })),
            ("flows", .array(flows.map { .object($0.json) })), ("hidden_flow_cases", .int(Int64(hiddenFlowCases))),
            ("change", change.map { .object($0.json) } ?? .null),
        ])
    }
}

public struct ContactChange: Sendable {
    public let since: String
    public let points: Double
    public let noise: NoiseVerdict

    var json: JSONObject {
        let verdict: JSON
        switch noise {
        case .significant: verdict = .string("larger_than_noise")
        case .withinNoise: verdict = .string("within_noise")
        case .unknown: verdict = .string("unknown")
        }
        return JSONObject([("since", .string(since)), ("points", .double(points.rounded(toPlaces: 2))), ("noise", verdict)])
    }
}

/// Per month: all cases, and per journey.
public struct ContactPeriod: Sendable {
    public let period: String
    public let overall: ContactGroup
    public let journeys: [ContactGroup]

    var json: JSONObject {
        JSONObject([("period", .string(period)), ("overall", .object(overall.json)),
                    ("journeys", .array(journeys.map { .object($0.json) }))])
    }
}

public struct ContactReport: Sendable {
    public let windowDays: Int
    public let threshold: Int
    public let contacts: Int
    public let periods: [ContactPeriod]
    /// Cycles with a start date, oldest first; those without cases are left out.
    public let cycles: [ContactCycle]
    let tallies: ContactTallies
    let spans: [CycleSpans.Span]

    public var isEmpty: Bool { contacts == 0 }

    /// The figures of the cases that started in a cycle, only those of a journey and a reason when given.
    public func figures(cycle: String, journey: String?, reason: String?) -> ContactFigures {
        guard let position = spans.firstIndex(where: { $0.ref == cycle }) else { return ContactFigures() }
        return tallies.byGroup.filter { key, _ in
            key.cycle == position && (journey == nil || tallies.text(key.journey) == journey)
                && (reason == nil || tallies.text(key.reason) == reason)
        }.values.reduce(ContactFigures(), +)
    }

    public var json: JSONObject {
        JSONObject([("window_days", .int(Int64(windowDays))), ("threshold", .int(Int64(threshold))),
                    ("contacts", .int(Int64(contacts))),
                    ("cycles", .array(cycles.map { .object($0.json) })), ("periods", .array(periods.map { .object($0.json) }))])
    }
}

/// The counts one pass over the contacts leaves behind, by cycle, journey and reason. Texts are
/// numbers into `texts` while counting, so that a million cases hash no Strings.
struct ContactTallies: Sendable {
    struct GroupKey: Hashable, Sendable {
        let cycle: Int
        let journey: UInt32
        let reason: UInt32
    }

    struct PeriodKey: Hashable, Sendable {
        /// Months since year 0: year * 12 + month - 1.
        let month: Int
        let journey: UInt32
    }

    struct FlowKey: Hashable, Sendable {
        let cycle: Int
        let step: Int
        let from: UInt32
        let to: UInt32
    }

    var texts: [String] = []
    var byGroup: [GroupKey: ContactFigures] = [:]
    var byPeriod: [PeriodKey: ContactFigures] = [:]
    var flows: [FlowKey: Int] = [:]

    func text(_ number: UInt32) -> String { texts[Int(number)] }
}

/// The cycles cases are counted in: each from its start date to its end date, or to the day
/// before the next cycle starts, or, for the last, open-ended.
struct CycleSpans {
    struct Span {
        let ref: String
        let name: String
        let first: Int64
        let last: Int64
    }

    let spans: [Span]

    init(_ cycles: [Record]) {
        let dated = cycles.compactMap { cycle -> (Record, Int64)? in
            guard let text = cycle[.startDate].string, let start = ISODate(text) else { return nil }
            return (cycle, Timestamp.days(from: start))
        }
        spans = dated.enumerated().map { index, entry in
            let (cycle, first) = entry
            let next = index + 1 < dated.count ? dated[index + 1].1 - 1 : Int64.max
            let end = cycle[.endDate].string.flatMap { text in ISODate(text) }.map { Timestamp.days(from: $0) } ?? next
            return Span(ref: cycle.ref, name: cycle[.name].string ?? cycle.ref, first: first, last: max(first, min(end, next)))
        }
    }

    /// The position in `spans` of the cycle a day falls in, if any.
    func position(ofDay day: Int64) -> Int? {
        spans.lastIndex { $0.first <= day && day <= $0.last }
    }
}

extension RoadmapFile {
    public static let defaultRepeatWindowDays = 30

    public func repeatWindowDays() throws -> Int {
        try setting(.repeatWindowDays).flatMap { Int($0) } ?? Self.defaultRepeatWindowDays
    }

    public func setRepeatWindowDays(_ days: Int) throws {
        guard (1...366).contains(days) else {
            throw DomainError.inconsistent(Message("de herhaaltermijn moet 1 tot en met 366 dagen zijn", "the repeat window must be 1 to 366 days"))
        }
        try write { try setSetting(.repeatWindowDays, String(days)) }
    }

    public func contactCount() throws -> Int {
        Int(try connection.scalar("SELECT count(*) FROM contacts").int ?? 0)
    }

    /// Repeat contacts and channel switches per cycle and per month, from one pass over the
    /// contacts in case order.
    public func contactReport() throws -> ContactReport {
        try read {
            let threshold = try privacyThreshold()
            let window = Int64(try repeatWindowDays()) * 86_400
            let spans = CycleSpans(try cyclesInOrder())
            var tallies = ContactTallies()
            var contacts = 0
            var current: OpenCase?
            var spellings = ByteSpellings()
            func number(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
                if let known = spellings[bytes] { return known }
                let number = UInt32(tallies.texts.count)
                tallies.texts.append(String(decoding: bytes, as: UTF8.self))
                spellings.remember(bytes, number)
                return number
            }

            func close(_ open: OpenCase) {
                let figures = ContactFigures(cases: 1, contacts: open.count, repeatCases: open.count > 1 ? 1 : 0,
                                             switchCases: open.switched ? 1 : 0)
                let day = open.start.days
                let date = open.start.date
                let periodKey = ContactTallies.PeriodKey(month: date.year * 12 + date.month - 1, journey: open.journey)
                tallies.byPeriod[periodKey] = (tallies.byPeriod[periodKey] ?? ContactFigures()) + figures
                guard let cycle = spans.position(ofDay: day) else { return }
                let key = ContactTallies.GroupKey(cycle: cycle, journey: open.journey, reason: open.reason)
                tallies.byGroup[key] = (tallies.byGroup[key] ?? ContactFigures()) + figures
                for step in 1..<min(open.count, 3) {
                    tallies.flows[.init(cycle: cycle, step: step, from: open.channels[step - 1], to: open.channels[step]), default: 0] += 1
                }
            }

            try connection.scan("SELECT case_key, at, channel, reason, journey FROM contacts ORDER BY case_key, at") { row in
                contacts += 1
                let key = row.int(0)
                let at = Timestamp(seconds: row.int(1))
                let channel = row.withText(2, number)
                if var open = current, open.key == key, at.seconds - open.start.seconds <= window {
                    open.add(channel)
                    current = open
                    return
                }
                if let open = current { close(open) }
                current = OpenCase(key: key, start: at, reason: row.withText(3, number), journey: row.withText(4, number),
                                   first: channel)
            }
            if let open = current { close(open) }
            return ContactReport(windowDays: Int(window / 86_400), threshold: threshold, contacts: contacts,
                                 periods: periods(tallies, spans: spans, threshold: threshold),
                                 cycles: cycles(tallies, spans: spans, threshold: threshold), tallies: tallies, spans: spans.spans)
        }
    }

    /// Per month, and each month's journeys. One cross table, suppressed along every breakdown a
    /// reader can add up (`Suppression.linked`): the months against all cases, a month's journeys
    /// against the month, and the months a cycle spans against the cycle's figures, published
    /// beside them, overall and per journey. Without the last, a small month would be a cycle's
    /// cases less the other months shown.
    private func periods(_ tallies: ContactTallies, spans: CycleSpans, threshold: Int) -> [ContactPeriod] {
        let months = Dictionary(grouping: tallies.byPeriod, by: \.key.month).sorted { $0.key < $1.key }.map { month, entries in
            let journeys = entries.map { (label: tallies.text($0.key.journey), figures: $0.value) }
                .filter { !$0.label.isEmpty }.sorted { $0.label < $1.label }
            return (month: month, figures: entries.map(\.value).reduce(ContactFigures(), +), journeys: journeys)
        }
        // Cells: the months first, then every month's journeys.
        var figures = months.map(\.figures)
        var journeyCells: [[Int]] = []
        for month in months {
            journeyCells.append(month.journeys.indices.map { figures.count + $0 })
            figures += month.journeys.map(\.figures)
        }
        let sizes = figures.map(\.cases)
        var breakdowns = [Suppression.Breakdown(cells: Array(months.indices), total: months.reduce(0) { $0 + $1.figures.cases })]
        for (index, cells) in journeyCells.enumerated() {
            breakdowns.append(.init(cells: cells, total: sizes[index], parent: index))
        }
        for block in Self.monthsSharingCycles(months.map(\.month), spans: spans) {
            breakdowns.append(.init(cells: block, total: block.reduce(0) { $0 + sizes[$1] }))
            let byJourney = Dictionary(grouping: block.flatMap { month in
                zip(months[month].journeys, journeyCells[month]).map { (label: $0.label, cell: $1) }
            }, by: \.label)
            for cells in byJourney.values.map({ $0.map(\.cell) }) {
                breakdowns.append(.init(cells: cells, total: cells.reduce(0) { $0 + sizes[$1] }))
            }
        }
        let hidden = Suppression.linked(sizes: sizes, breakdowns: breakdowns, threshold: threshold)
        func group(_ label: String, _ cell: Int) -> ContactGroup {
            ContactGroup(label: label, figures: figures[cell], threshold: threshold, suppressed: hidden.contains(cell))
        }
        return months.enumerated().map { index, month in
            let label = ISODate(year: month.month / 12, month: month.month % 12 + 1, day: 1).map { String($0.description.prefix(7)) } ?? ""
            return ContactPeriod(period: label, overall: group(label, index),
                                 journeys: zip(month.journeys, journeyCells[index]).map { group($0.label, $1) })
        }
    }

    /// The months (by position in `months`, months since year 0) grouped so that every cycle's
    /// days lie in the months of one group: adding up the cycles of a group gives the cases of its
    /// months, whatever falls outside a cycle aside. Months in no cycle are in no group.
    static func monthsSharingCycles(_ months: [Int], spans: CycleSpans) -> [[Int]] {
        func cyclesOf(_ month: Int) -> Set<Int> {
            guard let first = ISODate(year: month / 12, month: month % 12 + 1, day: 1) else { return [] }
            let start = Timestamp.days(from: first)
            let end = start + Int64(ISODate.days(inMonth: month % 12 + 1, year: month / 12)) - 1
            return Set(spans.spans.indices.filter { spans.spans[$0].first <= end && start <= spans.spans[$0].last })
        }
        var groups: [(cycles: Set<Int>, months: [Int])] = []
        for (position, month) in months.enumerated() {
            let cycles = cyclesOf(month)
            guard !cycles.isEmpty else { continue }
            // Months come in order, so a month shares a cycle only with the latest group.
            if let last = groups.indices.last, !groups[last].cycles.isDisjoint(with: cycles) {
                groups[last].cycles.formUnion(cycles)
                groups[last].months.append(position)
            } else {
                groups.append((cycles, [position]))
            }
        }
        return groups.map(\.months)
    }

    private func cycles(_ tallies: ContactTallies, spans: CycleSpans, threshold: Int) -> [ContactCycle] {
        var result: [ContactCycle] = []
        for (position, span) in spans.spans.enumerated() {
            let groups = tallies.byGroup.filter { $0.key.cycle == position }
            guard !groups.isEmpty else { continue }
            let overall = ContactGroup(label: span.ref, figures: groups.values.reduce(ContactFigures(), +), threshold: threshold)
            func grouped(_ label: KeyPath<ContactTallies.GroupKey, UInt32>) -> [ContactGroup] {
                let entries = Dictionary(grouping: groups, by: { tallies.text($0.key[keyPath: label]) }).compactMap { label, entries in
                    label.isEmpty ? nil : (label: label, figures: entries.map(\.value).reduce(ContactFigures(), +))
                }
                return ContactGroup.breakdown(entries, total: overall, threshold: threshold)
            }
            let flows = tallies.flows.filter { $0.key.cycle == position }
                .map { ContactFlow(step: $0.key.step, from: tallies.text($0.key.from), to: tallies.text($0.key.to), cases: $0.value) }
                .sorted { ($0.step, -$0.cases, $0.from, $0.to) < ($1.step, -$1.cases, $1.from, $1.to) }
            let (shownFlows, hiddenFlows) = ContactFlow.suppressed(flows, cycleShown: !overall.suppressed, threshold: threshold)
            var change: ContactChange?
            if let previous = result.last, let before = previous.overall.figures?.repeatShare,
               let after = overall.figures?.repeatShare {
                change = ContactChange(since: previous.cycle, points: after.mean - before.mean, noise: Statistics.noise(before, after))
            }
            result.append(ContactCycle(
                cycle: span.ref, name: span.name, overall: overall,
                journeys: grouped(\.journey).sorted { $0.label < $1.label },
                reasons: grouped(\.reason).sorted {
                    let (a, b) = ($0.figures?.repeatCases ?? -1, $1.figures?.repeatCases ?? -1)
                    return a != b ? a > b : $0.label < $1.label
                },
                flows: shownFlows, hiddenFlowCases: hiddenFlows,
                change: change))
        }
        return result
    }
}

/// A case being read: its first contact, the channels of its first three contacts (all the flow
/// picture needs), how many contacts it has and whether it changed channel. No array, so that
/// reading a million contacts allocates nothing per case.
private struct OpenCase {
    let key: Int64
    let start: Timestamp
    let reason: UInt32
    let journey: UInt32
    private(set) var channels: SIMD4<UInt32>
    private(set) var count = 1
    private(set) var switched = false
    private var last: UInt32

    init(key: Int64, start: Timestamp, reason: UInt32, journey: UInt32, first: UInt32) {
        self.key = key
        self.start = start
        self.reason = reason
        self.journey = journey
        channels = SIMD4(repeating: first)
        last = first
    }

    mutating func add(_ channel: UInt32) {
        if channel != last { switched = true }
        if count < 4 { channels[count] = channel }
        last = channel
        count += 1
    }
}
