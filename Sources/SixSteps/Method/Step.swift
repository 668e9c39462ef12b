/// The six steps of the method, in order: the one place that says each step's number, its Dutch
/// and English name, and the kinds of record it holds. The command line's help, `status`, the
/// site's navigation and the README all read their step names from here, so they cannot disagree.
public enum Step: Int, CaseIterable, Sendable, Comparable {
    case vision = 1, basics, insight, opportunities, roadmap, improving

    public var number: Int { rawValue }

    /// The step's name in the method's own words ("Verkrijgen van inzicht in de basics").
    public var dutchName: String {
        switch self {
        case .vision: "Visie aanscherpen"
        case .basics: "Inzicht in de basics"
        case .insight: "Inzicht verdiepen"
        case .opportunities: "Verbeterkansen en speerpunten"
        case .roadmap: "Roadmap en werkafspraken"
        case .improving: "Doorlopend verbeteren"
        }
    }

    public var englishName: String {
        switch self {
        case .vision: "Sharpen the vision"
        case .basics: "Know the basics"
        case .insight: "Deepen the insight"
        case .opportunities: "Opportunities and spearheads"
        case .roadmap: "Roadmap and working agreements"
        case .improving: "Keep improving"
        }
    }

    /// One or two words for a menu: "Visie", "Verbeterkansen".
    public var dutchShortName: String {
        switch self {
        case .vision: "Visie"
        case .basics: "Basics"
        case .insight: "Inzicht"
        case .opportunities: "Verbeterkansen"
        case .roadmap: "Roadmap"
        case .improving: "Verbeteren"
        }
    }

    public var englishShortName: String {
        switch self {
        case .vision: "Vision"
        case .basics: "Basics"
        case .insight: "Insight"
        case .opportunities: "Opportunities"
        case .roadmap: "Roadmap"
        case .improving: "Improving"
        }
    }

    /// The kinds of record the step holds, in the order of `Kind`.
    public var kinds: [Kind] { Kind.allCases.filter { Step(holding: $0) == self } }

    /// The step that holds records of this kind: every kind belongs to exactly one step.
    public init(holding kind: Kind) {
        switch kind {
        case .principle, .goal, .assumption: self = .vision
        case .metric, .insight, .persona, .channel: self = .basics
        case .journey, .touchpoint, .finding: self = .insight
        case .opportunity, .spearhead: self = .opportunities
        case .item, .agreement: self = .roadmap
        case .cycle, .measurement: self = .improving
        }
    }

    public static func < (lhs: Step, rhs: Step) -> Bool { lhs.rawValue < rhs.rawValue }
}
