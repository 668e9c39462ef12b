import SixSteps

/// The six step pages, stap-1.html … stap-6.html: each is the hub of one step of the method, says
/// in plain words what the step is for, and links on to the pages that go deeper. Records that
/// have no page of their own (principles, goals, insights, personas, channels, spearheads,
/// agreements) live here, each under the id `PageContext.anchor` gives it.
enum StepPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        // Shared by steps 1 and 6: found once, not per goal or per metric.
        try emit(visionPage(context))
        try emit(basicsPage(context))
        try emit(insightPage(context))
        try emit(opportunitiesPage(context))
        try emit(roadmapPage(context))
        try emit(improvingPage(context))
    }

    static func title(_ context: PageContext, _ step: Step) -> String { context.stepTitle(step) }
}

// MARK: - Shared pieces

extension StepPages {
    /// A bar that shows a share of the way; the percentage beside it says the same in words.
    static func progressBar(_ share: Double, _ context: PageContext) -> Node {
        let width = Int((max(0, min(share, 1)) * 100).rounded())
        return el("span", [.class("step-progress")]) {
            el("span", [.class("step-progress-track"), .aria("hidden", "true")]) {
                el("span", [.class(share >= 1 ? "step-progress-fill reached" : "step-progress-fill"), .style("width: \(width)%")])
            }
            el("span", [.class("step-progress-text")]) { context.language.percent(share) }
        }
    }

    /// A link on to a list page that goes deeper than the step page.
    static func onward(_ href: String, _ text: String) -> Node {
        el("p", [.class("step-onward")]) { link(href) { text } }
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    static func paragraphs(_ text: String) -> [Node] {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0).trimmingCharacters(in: [" ", "\t", "\r"]) }
            .filter { !$0.isEmpty }
            .map { line in el("p") { line } }
    }

    /// The ref a reference field points to, or nil when it is empty.
    static func reference(_ kind: Kind, _ record: Record, _ field: FieldKey) -> String? {
        let value = record[field]
        return value.isNull ? nil : kind.ref(value)
    }

    static func slugs(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: [" "]) }.filter { !$0.isEmpty }
    }

    /// Days from one date to another, for "nog 57 dagen" in the open cycle.
    static func days(from start: ISODate, to end: ISODate) -> Int { start.days(to: end) }

    /// Joins nodes with ", " for inline lists of links.
    static func commaList(_ nodes: [Node]) -> Node {
        Node.group(nodes.enumerated().map { index, node in Node.group([index > 0 ? .text(", ") : .empty, node]) })
    }
}
