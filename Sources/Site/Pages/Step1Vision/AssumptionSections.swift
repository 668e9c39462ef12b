import SixSteps

/// "Kloppen onze aannames?": the assumptions on step 1, where they are made, and their test
/// across the cycles on step 2, where the data is.
extension StepPages {
    /// Step 1: every assumption as a card with its verdict, the wrong ones first.
    static func assumptions(_ context: PageContext) -> Node {
        let statuses = context.data.assumptions
        let groups: [(AssumptionVerdict, String)] = [
            (.refuted, context.t("Deze aannames kloppen niet", "These assumptions are wrong")),
            (.confirmed, context.t("Deze aannames kloppen", "These assumptions hold")),
            (.notTestable, context.t("Nog niet te toetsen", "Not testable yet")),
        ]
        return context.section(context.t("Kloppen onze aannames?", "Are our assumptions right?"), id: "aannames") {
            if statuses.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Er zijn nog geen aannames vastgelegd, met de meting die ze kan toetsen.",
                              "No assumptions have been recorded yet, with the measurement that can test them.")
                }
            } else {
                el("p") { assumptionSummary(statuses, context) }
                groups.map { verdict, heading in
                    let members = statuses.filter { $0.current.verdict == verdict }
                    return members.isEmpty ? Node.empty : Node.group([
                        el("h3") { heading },
                        el("div", [.class("assumptions")]) { members.map { assumptionCard($0, context) } },
                    ])
                }
            }
        }
    }

    static func assumptionSummary(_ statuses: [AssumptionStatus], _ context: PageContext) -> String {
        let count = { (verdict: AssumptionVerdict) in statuses.filter { $0.current.verdict == verdict }.count }
        return context.t(
            "Het team heeft \(statuses.count) aannames over inwoners vastgelegd, elk met de meting die laat zien of ze klopt. "
                + "\(count(.confirmed)) kloppen, \(count(.refuted)) kloppen niet en \(count(.notTestable)) zijn nog niet te toetsen.",
            "The team recorded \(statuses.count) assumptions about residents, each with the measurement that shows whether it holds. "
                + "\(count(.confirmed)) hold, \(count(.refuted)) are wrong and \(count(.notTestable)) cannot be tested yet.")
    }

    static func assumptionCard(_ status: AssumptionStatus, _ context: PageContext) -> Node {
        let record = status.record
        let current = status.current
        return el("article", [.class("assumption \(verdictTone(current.verdict))"), .id(context.anchor(.assumption, record.ref))]) {
            el("h4") {
                el("span", [.class("ref")]) { record.ref }
                record.title
            }
            el("p") { verdictBadge(current, context) }
            context.facts([
                (context.t("Getoetst met", "Tested by"), testDescription(status, context)),
                (context.t("Klopt als", "Holds if"), status.expectation.map { Node.text(expectationText($0, status.test, context)) }),
                (context.t("Uitkomst", "Outcome"), Node.text(checkText(current, status, context))),
                (context.t("Bron", "Source"), record[.source].string.map { Node.text($0) }),
            ])
            if let description = record[.description].string { el("p") { description } }
        }
    }

    static func verdictTone(_ verdict: AssumptionVerdict) -> String {
        switch verdict {
        case .confirmed: return "good"
        case .refuted: return "worse"
        case .notTestable: return "neutral"
        }
    }

    static func verdictBadge(_ check: AssumptionCheck, _ context: PageContext) -> Node {
        let label: String
        switch check.verdict {
        case .confirmed: label = context.t("klopt", "holds")
        case .refuted: label = context.t("klopt niet", "wrong")
        case .notTestable: label = context.t("nog niet te toetsen", "not testable yet")
        }
        return context.badge(label + (check.closeCall ? context.t(" (nipt)", " (close call)") : ""), tone: verdictTone(check.verdict))
    }

    static func testDescription(_ status: AssumptionStatus, _ context: PageContext) -> Node {
        let record = status.record
        let reason = record[.reason].string.map { context.t(" over ‘\($0)’", " about ‘\($0)’") } ?? ""
        let journey: Node = record[.journey].string.map {
            Node.group([.text(context.t(" in de klantreis ", " in the journey ")), context.recordLink(.journey, $0)])
        } ?? .empty
        switch status.test {
        case .metric:
            return Node.group([.text(context.t("de meeteenheid ", "the metric ")), context.recordLink(.metric, record[.metric].string ?? "")])
        case .channelShare:
            let channel = channelName(record[.channel].string ?? "", context).lowercased()
            return .text(context.t("het aandeel van \(channel) in de contacten", "the share of \(channel) in the contacts") + reason)
        case .repeatShare:
            return Node.group([.text(context.t("het aandeel zaken met meer dan één contact", "the share of cases with more than one contact")
                                     + reason), journey])
        case .switchShare:
            return Node.group([.text(context.t("het aandeel zaken dat van kanaal wisselde", "the share of cases that switched channel")
                                     + reason), journey])
        case .insight:
            return Node.group([.text(context.t("het onderzoek in inzicht ", "the research in insight ")),
                               context.recordLink(.insight, Kind.insight.ref(record[.insight]))])
        }
    }

    static func expectationText(_ expectation: Expectation, _ test: AssumptionTest, _ context: PageContext) -> String {
        let value = context.number(expectation.threshold, decimals: expectation.threshold.rounded() == expectation.threshold ? 0 : 1)
            + (test == .metric ? "" : "%")
        switch expectation.comparison {
        case .atLeast: return context.t("minstens \(value)", "at least \(value)")
        case .atMost: return context.t("hoogstens \(value)", "at most \(value)")
        case .above: return context.t("meer dan \(value)", "more than \(value)")
        case .below: return context.t("minder dan \(value)", "less than \(value)")
        }
    }

    /// The outcome in words: what was measured where, or why nothing can be said yet.
    static func checkText(_ check: AssumptionCheck, _ status: AssumptionStatus, _ context: PageContext) -> String {
        guard let value = check.value else {
            if status.test == .insight {
                return check.verdict == .notTestable
                    ? context.t("het team heeft het onderzoek nog niet beoordeeld", "the team has not judged the research yet")
                    : context.t("beoordeeld door het team op basis van het onderzoek", "judged by the team on the research")
            }
            return context.t("nog geen bruikbare meting: ", "no usable measurement yet: ") + untestableReason(check, context)
        }
        let cycle = check.cycle.flatMap { context.data.record(.cycle, $0) }?.title ?? check.cycle ?? ""
        var text = context.t("gemeten \(context.number(value))\(check.unit) in \(cycle)", "measured \(context.number(value))\(check.unit) in \(cycle)")
        if let n = check.n { text += context.t(" (\(n) waarnemingen)", " (\(n) observations)") }
        if check.closeCall, let interval = check.interval {
            text += context.t(". Nipt: de foutmarge (\(context.number(interval.lowerBound))–\(context.number(interval.upperBound))\(check.unit)) "
                              + "omvat de grens, een nieuwe meting kan anders uitvallen",
                              ". A close call: the margin of error (\(context.number(interval.lowerBound))–\(context.number(interval.upperBound))\(check.unit)) "
                              + "includes the threshold; a new measurement may turn out differently")
        }
        return text
    }

    static func untestableReason(_ check: AssumptionCheck, _ context: PageContext) -> String {
        // The domain's note is English for the command line; the site says the same in plain words.
        if check.note.contains("privacy threshold") {
            return context.t("te weinig waarnemingen om te tonen", "too few observations to show")
        }
        if check.note.contains("start date") {
            return context.t("de cyclus heeft geen startdatum", "the cycle has no start date")
        }
        return context.t("er zijn nog geen gegevens voor", "there is no data for it yet")
    }

    /// Step 2: each assumption's verdict after every cycle, so a team sees an assumption turn.
    static func assumptionHistory(_ context: PageContext) -> Node {
        let statuses = context.data.assumptions.filter { $0.test != .insight }
        let cycles = context.data.cycles
        guard !statuses.isEmpty, !cycles.isEmpty else { return .empty }
        return context.section(context.t("Aannames getoetst aan de cijfers", "Assumptions tested against the figures"), id: "aannames-getoetst") {
            el("p") {
                context.t("Na elke cyclus kijkt de tool opnieuw of een aanname klopt. Zo is te zien of een aanname omslaat. ",
                          "After every cycle the tool checks again whether an assumption holds, so a team sees an assumption turn. ")
                link(Section.vision.file + "#aannames") {
                    context.t("Alle aannames staan bij stap 1.", "All assumptions are listed with step 1.")
                }
            }
            context.table(
                caption: context.t("De uitkomst per aanname en per cyclus", "The outcome per assumption and per cycle"),
                headers: [context.t("Aanname", "Assumption")] + cycles.map(\.title),
                rows: statuses.map { status in
                    let checks = Dictionary(status.history.compactMap { check in check.cycle.map { ($0, check) } },
                                            uniquingKeysWith: { first, _ in first })
                    return [context.recordLink(.assumption, status.record.ref)] + cycles.map { cycle in
                        guard let check = checks[cycle.ref] else { return Node.text("–") }
                        return Node.group([
                            verdictBadge(check, context),
                            check.value.map { Node.text(" " + context.number($0) + check.unit) } ?? .empty,
                        ])
                    }
                })
        }
    }
}
