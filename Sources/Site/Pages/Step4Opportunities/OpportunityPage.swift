import SixSteps

/// One page per opportunity, o<N>.html: its score, its place in the ranking and why, and the chain
/// it belongs to.
extension OpportunityPages {
    static func opportunityPage(_ context: PageContext, _ index: Index, _ position: Int) -> Page {
        let opportunity = index.ranked[position]
        let record = opportunity.record
        let ref = opportunity.ref
        let quadrant = Quadrant(impact: impact(record), effort: effort(record))
        let spearhead = record[.spearhead].isNull ? nil : Kind.spearhead.ref(record[.spearhead])
        let items = index.items[ref] ?? []
        return Page(file: context.href(.opportunity, ref), title: "\(ref) \(record.title)", section: .opportunities,
                    lead: context.t("Verbeterkans \(opportunity.rank) van \(index.ranked.count) op de ranglijst, met een score van \(score(opportunity.score, index, context)).",
                                    "Opportunity \(opportunity.rank) of \(index.ranked.count) in the ranking, with a score of \(score(opportunity.score, index, context)).")) {
            if let description = record[.description].string, !description.isEmpty {
                el("p", [.class("description")]) { description }
            }
            context.facts([
                (context.t("Rang", "Rank"), .text(context.t("\(opportunity.rank) van \(index.ranked.count)", "\(opportunity.rank) of \(index.ranked.count)"))),
                (context.t("Score", "Score"), .text(score(opportunity.score, index, context))),
                (context.t("Soort kans", "Kind"), .group([
                    link("verbeterkansen.html#matrix") { quadrant.singular(context) },
                    .text(" (\(quadrant.meaning(context)))"),
                ])),
                (context.t("Impact", "Impact"), .text(context.t("\(impact(record)) van 5", "\(impact(record)) of 5"))),
                (context.t("Moeite", "Effort"), .text(context.t("\(effort(record)) van 5", "\(effort(record)) of 5"))),
                (context.t("Bereik", "Reach"), record[.reach].int.map { .text(context.t("\($0) van 5", "\($0) of 5")) }),
                (context.t("Zekerheid", "Confidence"), record[.confidence].int.map { .text("\($0)%") }),
                (context.t("Speerpunt", "Spearhead"), spearhead.map { context.recordLink(.spearhead, $0) }
                    ?? .text(context.t("hoort bij geen speerpunt", "not part of a spearhead"))),
            ])
            scoreSection(context, index, opportunity)
            placeSection(context, index, position)
            findingsSection(context, opportunity)
            itemsSection(context, index, items)
            metricsSection(context, items)
        }
    }

    static func scoreSection(_ context: PageContext, _ index: Index, _ opportunity: RankedOpportunity) -> Node {
        let weighted = index.method == .weighted
        return context.section(context.t("Hoe de score is opgebouwd", "How the score is made up"), id: "score") {
            el("p") {
                weighted
                    ? context.t("De score van \(score(opportunity.score, index, context)) is de optelsom van de punten hieronder.",
                                "The score of \(score(opportunity.score, index, context)) is the sum of the points below.")
                    : context.t("De score van \(score(opportunity.score, index, context)) komt uit deze cijfers.",
                                "The score of \(score(opportunity.score, index, context)) comes from these inputs.")
                " "
                link("verbeterkansen.html#score-uitleg") { context.t("Zo berekenen we de score.", "How the score is made.") }
            }
            context.table(
                caption: context.t("Score van \(opportunity.ref) per onderdeel", "Score of \(opportunity.ref) by part"),
                headers: weighted ? [context.t("Onderdeel", "Part"), context.t("Invoer", "Input"), context.t("Punten", "Points")]
                    : [context.t("Onderdeel", "Part"), context.t("Invoer", "Input")],
                numeric: weighted ? [2] : [],
                rows: opportunity.factors.map { factor in
                    [Node.text(capitalized(factorName(factor.name, context))
                               + (factor.name == "effort" ? context.t(" (minder moeite, meer punten)", " (less effort, more points)") : "")),
                     .text(factorInput(factor, context))]
                        + (weighted ? [Node.text(context.number(factor.points ?? 0))] : [])
                } + (weighted ? [[el("strong") { context.t("Totaal", "Total") }, .empty,
                                  el("strong") { score(opportunity.score, index, context) }]] : []))
        }
    }

    /// Why the opportunity stands where it does: against the one just above and just below it.
    static func placeSection(_ context: PageContext, _ index: Index, _ position: Int) -> Node {
        let opportunity = index.ranked[position]
        let above = position > 0 ? index.ranked[position - 1] : nil
        let below = position + 1 < index.ranked.count ? index.ranked[position + 1] : nil
        let shown = [above, opportunity, below].compactMap { $0 }
        let weighted = index.method == .weighted
        return context.section(context.t("Waarom deze plek", "Why this place"), id: "plaats") {
            if above == nil && below == nil {
                el("p") { context.t("Dit is de enige verbeterkans.", "This is the only opportunity.") }
            } else {
                el("ul", [.class("reasons")]) {
                    if let above {
                        el("li") { comparison(context, index, opportunity, other: above, isAbove: false) }
                    } else {
                        el("li") { context.t("Dit is de kans met de hoogste score.", "This opportunity has the highest score.") }
                    }
                    if let below {
                        el("li") { comparison(context, index, opportunity, other: below, isAbove: true) }
                    } else {
                        el("li") { context.t("Dit is de kans met de laagste score.", "This opportunity has the lowest score.") }
                    }
                }
                context.table(
                    caption: context.t("\(opportunity.ref) naast de kansen erboven en eronder", "\(opportunity.ref) beside the opportunities above and below it")
                        + (weighted ? context.t(": invoer · punten", ": input · points") : ""),
                    headers: [context.t("Onderdeel", "Part")] + shown.map { other in
                        other.ref == opportunity.ref ? context.t("\(other.ref) (deze, rang \(other.rank))", "\(other.ref) (this, rank \(other.rank))")
                            : context.t("\(other.ref) (rang \(other.rank))", "\(other.ref) (rank \(other.rank))")
                    },
                    numeric: Set(1...shown.count),
                    rows: opportunity.factors.indices.map { factorIndex in
                        [Node.text(capitalized(factorName(opportunity.factors[factorIndex].name, context)))] + shown.map { other in
                            guard factorIndex < other.factors.count else { return Node.text("–") }
                            let factor = other.factors[factorIndex]
                            let points = weighted ? " · \(context.number(factor.points ?? 0))" : ""
                            return Node.text(shortInput(factor, context) + points)
                        }
                    } + [[el("strong") { context.t("Score", "Score") }] + shown.map { other in
                        el("strong") { score(other.score, index, context) }
                    }])
                el("p") {
                    link("verbeterkansen.html#ranglijst") {
                        context.t("Bekijk de hele ranglijst", "See the whole ranking")
                    }
                }
            }
        }
    }

    /// One to three sentences: the factor that explains the order most, a second one if it
    /// helps, and the strongest factor that pulls the other way.
    static func comparison(_ context: PageContext, _ index: Index, _ opportunity: RankedOpportunity,
                           other: RankedOpportunity, isAbove: Bool) -> Node {
        let otherLink = link(context.href(.opportunity, other.ref)) { other.ref }
        let scores = "\(score(opportunity.score, index, context)) " + context.t("tegen", "vs") + " \(score(other.score, index, context))"
        let lead = isAbove ? context.t("Staat boven ", "Ranks above ") : context.t("Staat onder ", "Ranks below ")
        // Scores that differ only in the last bits of a floating-point number are the same score.
        if abs(opportunity.score - other.score) < 1e-9 {
            return Node.group([
                .text(lead), otherLink,
                .text(context.t(" met dezelfde score (\(score(opportunity.score, index, context))): bij gelijke score gaat de oudste kans voor.",
                                " with the same score (\(score(opportunity.score, index, context))): with equal scores the older one goes first.")),
            ])
        }
        // Positive: the factor speaks for this opportunity against the other.
        let differences: [(name: String, mine: ScoreFactor, theirs: ScoreFactor, size: Double, favours: Bool)] =
            zip(opportunity.factors, other.factors).compactMap { mine, theirs in
                let size: Double
                let favoursMe: Bool
                if let a = mine.points, let b = theirs.points {
                    size = abs(a - b)
                    favoursMe = a > b
                } else {
                    let (a, b) = (max(mine.input, 0.000_1), max(theirs.input, 0.000_1))
                    let ratio = mine.name == "effort" ? b / a : a / b
                    size = max(ratio, 1 / ratio) - 1
                    favoursMe = ratio > 1
                }
                guard size > 0.000_1 else { return nil }
                return (mine.name, mine, theirs, size, favoursMe)
            }.sorted { $0.size > $1.size }
        // Above the other: the reasons are the factors that favour this one; below: the ones that favour the other.
        let reasons = differences.filter { $0.favours == isAbove }
        let counter = differences.first { $0.favours != isAbove }
        func detail(_ difference: (name: String, mine: ScoreFactor, theirs: ScoreFactor, size: Double, favours: Bool)) -> String {
            var text = "\(shortInput(difference.mine, context)) " + context.t("tegen", "vs") + " \(shortInput(difference.theirs, context))"
            if let mine = difference.mine.points, let theirs = difference.theirs.points {
                text += mine > theirs
                    ? context.t(": \(context.number(difference.size)) punten meer", ": \(context.number(difference.size)) points more")
                    : context.t(": \(context.number(difference.size)) punten minder", ": \(context.number(difference.size)) points fewer")
            }
            return text
        }
        var sentences: [Node] = []
        if let first = reasons.first {
            sentences.append(Node.group([
                .text(lead), otherLink,
                .text(" (\(scores)) " + context.t("vooral door ", "mainly because of ")
                      + phrase(first.name, better: isAbove, context) + " (\(detail(first))). "),
            ]))
            if reasons.count > 1 {
                let second = reasons[1]
                sentences.append(.text(context.t("Ook door ", "Also because of ") + phrase(second.name, better: isAbove, context)
                                       + " (\(detail(second))). "))
            }
        } else {
            sentences.append(Node.group([.text(lead), otherLink, .text(" (\(scores)). ")]))
        }
        if let counter {
            sentences.append(Node.group([
                counterClause(counter.name, better: !isAbove, other: otherLink, context),
                .text(" (\(detail(counter)))" + context.t(", maar dat weegt minder zwaar.", ", but that weighs less.")),
            ]))
        }
        return Node.group(sentences)
    }

    /// The factor that pulls the other way, as a clause: "Wel kost deze kans meer moeite dan O3".
    /// `better` says whether this opportunity gets more points for it than the other.
    static func counterClause(_ name: String, better: Bool, other: Node, _ context: PageContext) -> Node {
        func clause(_ before: String, _ after: String) -> Node { Node.group([.text(before), other, .text(after)]) }
        switch name {
        case "impact":
            return better ? clause(context.t("Wel heeft deze kans een hogere impact dan ", "This one does have a higher impact than "), "")
                : clause(context.t("Wel heeft deze kans een lagere impact dan ", "This one does have a lower impact than "), "")
        case "reach":
            return better ? clause(context.t("Wel heeft deze kans een groter bereik dan ", "This one does have a wider reach than "), "")
                : clause(context.t("Wel heeft deze kans een kleiner bereik dan ", "This one does have a smaller reach than "), "")
        case "confidence":
            return better ? clause(context.t("Wel is het team zekerder van deze kans dan van ", "The team is more sure of this one than of "), "")
                : clause(context.t("Wel is het team minder zeker van deze kans dan van ", "The team is less sure of this one than of "), "")
        case "effort":
            return better ? clause(context.t("Wel kost deze kans minder moeite dan ", "This one does take less effort than "), "")
                : clause(context.t("Wel kost deze kans meer moeite dan ", "This one does take more effort than "), "")
        case "severity":
            return better ? clause(context.t("Wel zijn de bevindingen achter deze kans ernstiger dan die achter ", "The findings behind this one are more severe than those behind "), "")
                : clause(context.t("Wel zijn de bevindingen achter deze kans minder ernstig dan die achter ", "The findings behind this one are less severe than those behind "), "")
        case "spearhead":
            return better ? clause(context.t("Wel hoort deze kans bij een speerpunt en ", "This one is part of a spearhead and "), context.t(" niet", " is not"))
                : clause(context.t("Wel hoort ", "It is "), context.t(" bij een speerpunt en deze kans niet", " that is part of a spearhead, not this one"))
        default:
            return clause(context.t("Wel verschilt \(factorName(name, context)) met ", "It does differ in \(factorName(name, context)) from "), "")
        }
    }

    static func findingsSection(_ context: PageContext, _ opportunity: RankedOpportunity) -> Node {
        context.section(context.t("Bevindingen erachter", "Findings behind it"), id: "bevindingen") {
            if opportunity.findings.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Deze kans is nog niet gekoppeld aan een bevinding.", "This opportunity is not yet linked to a finding.")
                }
            } else {
                el("ul", [.class("records")]) {
                    opportunity.findings.map { ref in
                        let finding = context.data.record(.finding, ref)
                        return el("li") {
                            context.recordLink(.finding, ref)
                            if let severity = finding?[.severity].int {
                                " "
                                context.badge(context.severityLabel(severity), tone: severityTone(severity, kind: finding?[.kind].string))
                            }
                            if let kind = finding?[.kind].string {
                                " (\(context.findingKindLabel(kind)))"
                            }
                        }
                    }
                }
            }
        }
    }

    static func itemsSection(_ context: PageContext, _ index: Index, _ items: [String]) -> Node {
        context.section(context.t("Roadmap-items die eraan werken", "Roadmap items that act on it"), id: "roadmap-items") {
            if items.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Er is nog geen roadmap-item voor deze kans.", "There is no roadmap item for this opportunity yet.")
                }
            } else {
                el("ul", [.class("records")]) {
                    items.map { ref in
                        let entry = index.entries[ref]
                        return el("li") {
                            context.recordLink(.item, ref)
                            if let entry {
                                " "
                                context.badge(context.statusLabel(entry.status), tone: entry.status)
                                entry.overdue ? Node.group([.text(" "), context.badge(context.t("te laat", "late"), tone: "late")]) : .empty
                                " (\(context.horizonLabel(entry.horizon).lowercased()))"
                            }
                        }
                    }
                }
            }
        }
    }

    static func metricsSection(_ context: PageContext, _ items: [String]) -> Node {
        let data = context.data
        let rows: [[Node]] = items.flatMap { item in
            data.links(.itemMetric, from: item).map { metric in
                [context.recordLink(.metric, metric.toRef), link(context.href(.item, item)) { item },
                 .text(metric.expectedChange.map { context.change($0, of: data.record(.metric, metric.toRef)) } ?? "–")]
            }
        }
        return context.section(context.t("Meeteenheden die moeten verbeteren", "Metrics that should improve"), id: "meeteenheden") {
            if rows.isEmpty {
                el("p", [.class("none")]) {
                    context.t("De roadmap-items voor deze kans noemen nog geen meeteenheid.", "The roadmap items for this opportunity name no metric yet.")
                }
            } else {
                context.table(caption: context.t("Wat de roadmap-items moeten opleveren", "What the roadmap items should achieve"),
                              headers: [context.t("Meeteenheid", "Metric"), context.t("Via item", "Through item"),
                                        context.t("Verwachte verandering", "Expected change")],
                              numeric: [2], rows: rows)
            }
        }
    }
}
