import Store

/// Every kind of record in the six-step method. Each case describes its table, its id and its
/// fields once; adding, editing, listing, showing, exporting and auditing are derived from that.
public enum Kind: String, CaseIterable, Sendable {
    case principle, goal, channel, persona, journey, touchpoint, metric, insight
    case finding, spearhead, opportunity, item, agreement, cycle, measurement, assumption

    public enum Identity: Sendable, Equatable {
        /// A short id a person can type: `F12`.
        case numbered(prefix: Character)
        /// A slug chosen by the person: `csat-mor`.
        case slug
    }

    public var identity: Identity {
        switch self {
        case .principle: return .numbered(prefix: "P")
        case .goal: return .numbered(prefix: "G")
        case .touchpoint: return .numbered(prefix: "T")
        case .insight: return .numbered(prefix: "I")
        case .finding: return .numbered(prefix: "F")
        case .spearhead: return .numbered(prefix: "S")
        case .opportunity: return .numbered(prefix: "O")
        case .item: return .numbered(prefix: "R")
        case .agreement: return .numbered(prefix: "A")
        case .cycle: return .numbered(prefix: "C")
        case .measurement: return .numbered(prefix: "M")
        // H for hypothesis: A is taken by agreements.
        case .assumption: return .numbered(prefix: "H")
        case .channel, .persona, .journey, .metric: return .slug
        }
    }

    public var table: String {
        switch self {
        case .opportunity: return "opportunities"
        default: return rawValue + "s"
        }
    }

    /// The plural a person reads: "findings", "roadmap items".
    public var plural: String {
        switch self {
        case .item: return "roadmap items"
        case .opportunity: return "opportunities"
        default: return rawValue + "s"
        }
    }

    public var keyColumn: String { identity == .slug ? "slug" : "id" }

    /// The field that names a record in lists and links.
    public var titleField: FieldKey {
        switch self {
        case .channel, .persona, .journey, .metric, .cycle: return .name
        case .agreement: return .what
        case .measurement: return .metric
        default: return .title
        }
    }

    /// Built once: `fields` is read for every row of every list.
    /// By `allCases`' order: a site build reads millions of fields, and a dictionary keyed by
    /// kind would hash the kind's name for each of them.
    private static let fieldTable: [[Field]] = allCases.map(\.definedFields)

    public var fields: [Field] { Kind.fieldTable[position] }
    private static let keyTable: [[FieldKey]] = fieldTable.map { $0.map(\.key) }

    /// Kinds key the dictionaries that pages and lists look records up in. Without these, a kind
    /// would be compared and hashed by its raw value, a string, on every look-up.
    public static func == (lhs: Kind, rhs: Kind) -> Bool { lhs.position == rhs.position }
    public func hash(into hasher: inout Hasher) { hasher.combine(position) }

    /// The kind's place in `allCases`.
    var position: Int {
        switch self {
        case .principle: 0
        case .goal: 1
        case .channel: 2
        case .persona: 3
        case .journey: 4
        case .touchpoint: 5
        case .metric: 6
        case .insight: 7
        case .finding: 8
        case .spearhead: 9
        case .opportunity: 10
        case .item: 11
        case .agreement: 12
        case .cycle: 13
        case .measurement: 14
        case .assumption: 15
        }
    }

    private var definedFields: [Field] {
        switch self {
        case .principle:
            return [.title, .description]
        case .goal:
            return [
                .title,
                Field(.metric, .reference(.metric), help: "the metric that shows the goal is reached"),
                Field(.target, .number, help: "the value the metric should reach"),
                Field(.targetDate, .date, help: "when the target should be reached (YYYY-MM-DD)"),
                .description,
            ]
        case .channel:
            return [Field(.name, .text, required: true, help: "the channel's name"), .description]
        case .persona:
            return [
                Field(.name, .text, required: true, help: "the group's name, e.g. 'Drukke ouders'"),
                .description,
                Field(.channels, .slugList(.channel), help: "preferred channels, comma-separated slugs"),
            ]
        case .journey:
            return [Field(.name, .text, required: true, help: "the journey's name"), .description]
        case .touchpoint:
            return [
                .title, .journey(required: true), .phase(required: true),
                Field(.channel, .reference(.channel), help: "the channel of this touchpoint"),
                Field(.momentOfTruth, .flag, defaultValue: .integer(0),
                      help: "yes when residents form their judgement here"),
                .description,
            ]
        case .metric:
            return [
                Field(.name, .text, required: true, help: "what is measured, e.g. 'Tevredenheid melding'"),
                Field(.unit, .text, required: true, help: "the unit, e.g. 'cijfer', '%', 'dagen'"),
                Field(.scaleMin, .number, help: "the lowest possible value, e.g. 1"),
                Field(.scaleMax, .number, help: "the highest possible value, e.g. 10"),
                Field(.direction, .choice(["higher", "lower"]), required: true, defaultValue: .text("higher"),
                      help: "whether higher or lower is better"),
                Field(.baseline, .number, help: "the value before any improvement"),
                Field(.target, .number, help: "the value to reach"),
                Field(.targetDate, .date, help: "when the target should be reached (YYYY-MM-DD)"),
                .journey(required: false), .phase(required: false), .description,
                Field(.kind, .choice(MetricKind.names), required: true, defaultValue: .text("mean"),
                      help: "how the value is computed from raw answers: mean, nps, csat (top-2-box), ces, fcr or on-time"),
            ]
        case .insight:
            return [
                Field(.kind, .choice(["trend", "need", "wish", "requirement", "usage"]), required: true,
                      help: "trend, need, wish, requirement or usage"),
                .title, .description, .source,
                .journey(required: false),
                Field(.persona, .reference(.persona), help: "the resident group it concerns"),
                Field(.channel, .reference(.channel), help: "the channel it concerns"),
            ]
        case .finding:
            return [
                Field(.kind, .choice(["good", "improve"]), required: true, help: "good (keep) or improve"),
                .title, .journey(required: true), .phase(required: true),
                Field(.touchpoint, .reference(.touchpoint), help: "the touchpoint, e.g. T3"),
                Field(.persona, .reference(.persona), help: "the resident group it concerns"),
                Field(.channel, .reference(.channel), help: "the channel it concerns"),
                Field(.severity, .integer(1...5), required: true, defaultValue: .integer(3),
                      help: "how much it matters to residents, 1 (little) to 5 (very much)"),
                .source,
                Field(.evidence, .text, help: "what shows it: quotes, figures, observations"),
                .description,
            ]
        case .spearhead:
            return [.title, .description]
        case .opportunity:
            return [
                .title, .description,
                Field(.impact, .integer(1...5), required: true, help: "effect on residents, 1 to 5"),
                Field(.effort, .integer(1...5), required: true, help: "work it takes, 1 (little) to 5 (a lot)"),
                Field(.reach, .integer(1...5), required: true, defaultValue: .integer(3),
                      help: "share of residents it touches, 1 to 5"),
                Field(.confidence, .integer(0...100), required: true, defaultValue: .integer(50),
                      help: "how sure the team is of impact and effort, 0 to 100 (%)"),
                Field(.spearhead, .reference(.spearhead), help: "the spearhead it belongs to, e.g. S1"),
            ]
        case .item:
            return [
                .title, .description,
                Field(.owner, .text, help: "the person accountable"),
                Field(.team, .text, help: "the team that does the work"),
                Field(.horizon, .choice(["now", "next", "later"]), required: true, defaultValue: .text("next"),
                      help: "now, next or later"),
                Field(.status, .choice(ItemStatus.allCases.map(\.rawValue)), required: true,
                      defaultValue: .text("planned"), help: "idea, planned, doing, done or dropped"),
                Field(.startDate, .date, help: "planned start (YYYY-MM-DD)"),
                Field(.dueDate, .date, help: "planned end (YYYY-MM-DD)"),
                Field(.doneDate, .date, help: "when it was done (YYYY-MM-DD)"),
            ]
        case .agreement:
            return [
                Field(.who, .text, required: true, help: "who does it, e.g. 'teamleider KCC'"),
                Field(.what, .text, required: true, help: "what is agreed"),
                Field(.cadence, .text, required: true, help: "how often, e.g. 'elke maand'"),
                Field(.item, .reference(.item), help: "the roadmap item it serves, e.g. R4"),
            ]
        case .cycle:
            return [
                Field(.name, .text, required: true, help: "the cycle's name"),
                Field(.status, .choice(["open", "closed"]), required: true, defaultValue: .text("open"),
                      help: "open or closed"),
                Field(.startDate, .date, help: "first day (YYYY-MM-DD)"),
                Field(.endDate, .date, help: "last day (YYYY-MM-DD)"),
                Field(.note, .text, help: "the retrospective note"),
            ]
        case .measurement:
            return [
                Field(.metric, .reference(.metric), required: true, help: "the metric measured"),
                Field(.cycle, .reference(.cycle), required: true, help: "the cycle, e.g. C2"),
                Field(.value, .number, required: true, help: "the measured value"),
                Field(.n, .integer(0...Int64.max), help: "the sample size"),
                Field(.sd, .number, help: "the standard deviation"),
                .source,
                Field(.note, .text, help: "a remark"),
            ]
        case .assumption:
            return [
                Field(.title, .text, required: true, help: "what the organisation assumes, e.g. 'Wie een lantaarnpaal meldt, gebruikt de app'"),
                .description, .source,
                Field(.test, .choice(AssumptionTest.allCases.map(\.rawValue)), required: true,
                      help: "what tests it: metric, channel-share, repeat-share, switch-share or insight"),
                Field(.expect, .text, help: "the result that confirms it, e.g. '>= 50' (a share in %) or '>= 7' (a metric)"),
                Field(.metric, .reference(.metric), help: "the metric that tests it (test metric)"),
                Field(.channel, .reference(.channel), help: "the channel whose share tests it (test channel-share)"),
                Field(.reason, .text, help: "only contacts for this contact reason (channel-, repeat-, switch-share)"),
                Field(.journey, .reference(.journey), help: "only contacts in this journey (repeat-, switch-share)"),
                Field(.insight, .reference(.insight), help: "the research insight that tests it (test insight)"),
                Field(.verdict, .choice(["confirmed", "refuted"]),
                      help: "for test insight: what the insight showed, confirmed or refuted"),
            ]
        }
    }

    public func field(_ key: FieldKey) -> Field? { fieldIndex(key).map { fields[$0] } }

    /// A field by the name a person typed or a file carries; nil for a name no field has.
    public func field(named name: String) -> Field? { FieldKey(rawValue: name).flatMap(field) }

    /// Pages read millions of fields: the scan runs over the keys alone, one byte each, not over
    /// the fields, whose help texts and types would be retained and released at every step.
    public func fieldIndex(_ key: FieldKey) -> Int? { Kind.keyTable[position].firstIndex(of: key) }

    /// The fields shown as columns by `list`, besides the id and the title.
    public var listFields: [FieldKey] {
        switch self {
        case .goal: return [.metric, .target, .targetDate]
        case .persona: return [.channels]
        case .touchpoint: return [.journey, .phase, .channel]
        case .metric: return [.unit, .direction, .baseline, .target]
        case .insight: return [.kind, .journey]
        case .finding: return [.kind, .journey, .phase, .severity]
        case .opportunity: return [.impact, .effort, .reach, .confidence, .spearhead]
        case .item: return [.horizon, .status, .owner, .dueDate]
        case .agreement: return [.who, .cadence, .item]
        case .cycle: return [.status, .startDate, .endDate]
        case .measurement: return [.cycle, .value, .n]
        case .assumption: return [.test, .expect]
        case .principle, .channel, .journey, .spearhead: return []
        }
    }

    /// The command-line noun, which is the kind's name.
    public var noun: String { rawValue }

    /// Kinds in the order they can be created: each only refers to kinds before it.
    public static let creationOrder: [Kind] = [
        .channel, .persona, .journey, .touchpoint, .metric, .principle, .goal, .insight,
        .finding, .spearhead, .opportunity, .item, .agreement, .cycle, .measurement, .assumption,
    ]
}

public enum ItemStatus: String, CaseIterable, Sendable {
    case idea, planned, doing, done, dropped
}

/// One column of a kind: its name is the column, the JSON key and, with dashes, the option.
public struct Field: Sendable {
    public indirect enum FieldType: Sendable, Equatable {
        case text
        case integer(ClosedRange<Int64>)
        case number
        case date
        case choice([String])
        case flag
        case reference(Kind)
        /// A phase of the journey named in the same record.
        case phase
        case slugList(Kind)
    }

    public let key: FieldKey
    public let type: FieldType
    public let required: Bool
    public let defaultValue: SQLValue?
    public let help: String

    public init(_ key: FieldKey, _ type: FieldType, required: Bool = false, defaultValue: SQLValue? = nil, help: String) {
        self.key = key
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.help = help
    }

    /// The column's name, the JSON key.
    public var name: String { key.rawValue }
    public var option: String { "--" + name.replacingUnderscores }

    static let title = Field(.title, .text, required: true, help: "a short title")
    static let description = Field(.description, .text, help: "a longer explanation")
    static let source = Field(.source, .text, help: "where it comes from, e.g. 'enquête 2013'")
    static func journey(required: Bool) -> Field {
        Field(.journey, .reference(.journey), required: required, help: "the customer journey, e.g. mor")
    }
    static func phase(required: Bool) -> Field {
        Field(.phase, .phase, required: required, help: "the phase of that journey, e.g. contact")
    }
}

extension String {
    /// `target_date` as an option is `target-date`.
    public var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
