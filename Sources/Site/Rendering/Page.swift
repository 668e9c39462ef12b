import SixSteps

/// One page of the site: its file, its title (also its one h1), where it sits in the navigation,
/// and what is in `<main>` below the h1.
public struct Page: Sendable {
    public let file: String
    public let title: String
    public let section: Section
    /// A sentence under the title that says what the page is for, in plain words.
    public let lead: String?
    public let body: Node

    public init(file: String, title: String, section: Section, lead: String? = nil, @HTMLBuilder body: () -> Node) {
        self.file = file
        self.title = title
        self.section = section
        self.lead = lead
        self.body = body()
    }
}

/// The main navigation: the dashboard and the six steps of the method.
public enum Section: Int, CaseIterable, Sendable {
    case dashboard, vision, basics, insight, opportunities, roadmap, improving, about

    /// The section of a step's page; the numbers are the steps' own.
    init(_ step: Step) {
        switch step {
        case .vision: self = .vision
        case .basics: self = .basics
        case .insight: self = .insight
        case .opportunities: self = .opportunities
        case .roadmap: self = .roadmap
        case .improving: self = .improving
        }
    }

    /// The step this section shows; nil for the overview and the accessibility statement.
    var step: Step? {
        switch self {
        case .dashboard, .about: return nil
        case .vision: return .vision
        case .basics: return .basics
        case .insight: return .insight
        case .opportunities: return .opportunities
        case .roadmap: return .roadmap
        case .improving: return .improving
        }
    }

    func title(_ language: Language) -> String {
        if let step { return "\(step.number) " + language.t(step.dutchShortName, step.englishShortName) }
        return self == .dashboard ? language.t("Overzicht", "Overview") : language.t("Toegankelijkheid", "Accessibility")
    }

    /// The page the navigation links to.
    var file: String {
        switch self {
        case .dashboard: return "index.html"
        case .about: return "toegankelijkheid.html"
        default: return "stap-\(rawValue).html"
        }
    }
}

/// A group of pages made from one part of the roadmap. Pages are handed over one at a time, so
/// a site of thousands of pages never exists in memory all at once.
public protocol PageFamily: Sendable {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws
}

/// What every page is made from: the data, the language and the way to link to any record.
/// A class, because the data's dozens of tables would otherwise each be retained and released
/// again every time a page's parts are handed the context.
public final class PageContext: Sendable {
    public let data: SiteData
    public let language: Language

    public init(data: SiteData, language: Language) {
        self.data = data
        self.language = language
    }

    public func t(_ dutch: @autoclosure () -> String, _ english: @autoclosure () -> String) -> String {
        language.t(dutch(), english())
    }
    public func number(_ value: Double, decimals: Int = 1, signed: Bool = false, fixed: Bool = false) -> String {
        language.number(value, decimals: decimals, signed: signed, fixed: fixed)
    }
    public func date(_ iso: String?) -> String { iso.map(language.date) ?? "" }

    /// Where a record is shown: its own page, or an anchor on the page that lists it.
    public func href(_ kind: Kind, _ ref: String) -> String {
        switch kind {
        case .finding, .opportunity, .item, .cycle: return ref.lowercased() + ".html"
        case .metric: return "meting-\(ref).html"
        case .journey: return "klantreis-\(ref).html"
        case .principle, .goal, .assumption: return "stap-1.html#\(ref.lowercased())"
        case .insight, .persona, .channel: return "stap-2.html#\(anchor(kind, ref))"
        case .spearhead: return "stap-4.html#\(ref.lowercased())"
        case .agreement: return "stap-5.html#\(ref.lowercased())"
        case .touchpoint:
            let journey = data.record(.touchpoint, ref)?[.journey].string ?? ""
            return "klantreis-\(journey).html#\(ref.lowercased())"
        case .measurement: return "metingen.html"
        }
    }

    /// The id of the element a record's anchor points to; pages that list records use it.
    public func anchor(_ kind: Kind, _ ref: String) -> String {
        switch kind {
        case .persona: return "persona-\(ref)"
        case .channel: return "kanaal-\(ref)"
        default: return ref.lowercased()
        }
    }

    /// A link to a record that reads "F12 Geen bericht na een melding".
    public func recordLink(_ kind: Kind, _ ref: String, showRef: Bool = true) -> Node {
        let title = data.record(kind, ref)?.title ?? ref
        return link(href(kind, ref)) {
            if showRef && kind.identity != .slug { el("span", [.class("ref")]) { ref } }
            title
        }
    }

    /// A list of record links, or a sentence saying there are none.
    public func recordList(_ kind: Kind, _ refs: [String], empty: String) -> Node {
        guard !refs.isEmpty else { return el("p", [.class("none")]) { empty } }
        return el("ul", [.class("records")]) {
            refs.map { ref in el("li") { recordLink(kind, ref) } }
        }
    }
}
