import SixSteps

/// Step 4: the opportunities. One list page with the impact × effort matrix, the ranking and the
/// scoring rule in words, and one page per opportunity that explains its place in the ranking.
enum OpportunityPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        let index = Index(context.data)
        try emit(listPage(context, index))
        for position in index.ranked.indices {
            try emit(opportunityPage(context, index, position))
        }
    }

    /// What every page of the family looks up, built once: with 2 000 opportunities a scan per
    /// page would cost seconds.
    struct Index {
        let ranked: [RankedOpportunity]
        let method: ScoreMethod
        /// The items that act on each opportunity, in roadmap order.
        let items: [String: [String]]
        let entries: [String: RoadmapEntry]

        init(_ data: SiteData) {
            ranked = data.ranked
            method = data.scoring.method
            var entries: [String: RoadmapEntry] = [:]
            var order: [String: Int] = [:]
            for (offset, entry) in data.roadmap.enumerated() {
                entries[entry.item.ref] = entry
                order[entry.item.ref] = offset
            }
            self.entries = entries
            var items: [String: [String]] = [:]
            for link in data.links(.itemOpportunity) { items[link.toRef, default: []].append(link.fromRef) }
            self.items = items.mapValues { refs in refs.sorted { (order[$0] ?? Int.max) < (order[$1] ?? Int.max) } }
        }
    }

    // MARK: - Words for the score

    /// The part of the matrix an opportunity falls in. A 3 counts as high on both scales, so
    /// the middle of the matrix goes to the big projects rather than to the quick wins.
    enum Quadrant: CaseIterable {
        case quickWin, bigBet, smallJob, later

        init(impact: Int, effort: Int) {
            switch (impact >= 3, effort >= 3) {
            case (true, false): self = .quickWin
            case (true, true): self = .bigBet
            case (false, false): self = .smallJob
            case (false, true): self = .later
            }
        }

        func name(_ context: PageContext) -> String {
            switch self {
            case .quickWin: return context.t("Snelle winst", "Quick wins")
            case .bigBet: return context.t("Grote projecten", "Big projects")
            case .smallJob: return context.t("Kleine klussen", "Small jobs")
            case .later: return context.t("Later of niet", "Later or not at all")
            }
        }

        /// The name for one opportunity: "Groot project" rather than "Grote projecten".
        func singular(_ context: PageContext) -> String {
            switch self {
            case .quickWin: return context.t("Snelle winst", "Quick win")
            case .bigBet: return context.t("Groot project", "Big project")
            case .smallJob: return context.t("Kleine klus", "Small job")
            case .later: return context.t("Later of niet", "Later or not at all")
            }
        }

        func meaning(_ context: PageContext) -> String {
            switch self {
            case .quickWin: return context.t("veel impact, weinig moeite", "high impact, little effort")
            case .bigBet: return context.t("veel impact, veel moeite", "high impact, much effort")
            case .smallJob: return context.t("weinig impact, weinig moeite", "low impact, little effort")
            case .later: return context.t("weinig impact, veel moeite", "low impact, much effort")
            }
        }

        var tone: String {
            switch self {
            case .quickWin: return "quick"
            case .bigBet: return "big"
            case .smallJob: return "small"
            case .later: return "later"
            }
        }
    }

    static func impact(_ record: Record) -> Int { Int(record[.impact].int ?? 1) }
    static func effort(_ record: Record) -> Int { Int(record[.effort].int ?? 5) }

    static func factorName(_ name: String, _ context: PageContext) -> String {
        switch name {
        case "impact": return context.t("impact", "impact")
        case "reach": return context.t("bereik", "reach")
        case "confidence": return context.t("zekerheid", "confidence")
        case "effort": return context.t("moeite", "effort")
        case "severity": return context.t("ernst van de bevindingen", "severity of the findings")
        case "spearhead": return context.t("speerpunt", "spearhead")
        default: return name
        }
    }

    /// The input as a person gave it: "4 van 5", "80%", "ja".
    static func factorInput(_ factor: ScoreFactor, _ context: PageContext) -> String {
        switch factor.name {
        case "confidence": return context.number(factor.input, decimals: 0) + "%"
        case "spearhead": return factor.input > 0 ? context.t("ja", "yes") : context.t("nee", "no")
        case "severity" where factor.input == 0: return context.t("geen", "none")
        default: return context.t("\(context.number(factor.input, decimals: 0)) van 5", "\(context.number(factor.input, decimals: 0)) of 5")
        }
    }

    /// Short input for sentences that compare two opportunities: "4", "80%", "ja".
    static func shortInput(_ factor: ScoreFactor, _ context: PageContext) -> String {
        switch factor.name {
        case "confidence": return context.number(factor.input, decimals: 0) + "%"
        case "spearhead": return factor.input > 0 ? context.t("ja", "yes") : context.t("nee", "no")
        default: return context.number(factor.input, decimals: 0)
        }
    }

    /// "een hogere impact" when `better`, "een lagere impact" when not: better means the
    /// factor gives more points (less effort is better).
    static func phrase(_ name: String, better: Bool, _ context: PageContext) -> String {
        switch (name, better) {
        case ("impact", true): return context.t("een hogere impact", "a higher impact")
        case ("impact", false): return context.t("een lagere impact", "a lower impact")
        case ("reach", true): return context.t("een groter bereik", "a wider reach")
        case ("reach", false): return context.t("een kleiner bereik", "a smaller reach")
        case ("confidence", true): return context.t("meer zekerheid", "more confidence")
        case ("confidence", false): return context.t("minder zekerheid", "less confidence")
        case ("effort", true): return context.t("minder moeite", "less effort")
        case ("effort", false): return context.t("meer moeite", "more effort")
        case ("severity", true): return context.t("ernstigere bevindingen", "more severe findings")
        case ("severity", false): return context.t("minder ernstige bevindingen", "less severe findings")
        case ("spearhead", true): return context.t("de plek in een speerpunt", "being part of a spearhead")
        case ("spearhead", false): return context.t("het ontbreken van een speerpunt", "not being part of a spearhead")
        default: return name
        }
    }

    /// How strongly a factor counts for an opportunity, on a scale of 0 to 1 where the method
    /// has no points of its own.
    static func weight(_ factor: ScoreFactor) -> Double {
        if let points = factor.points { return points }
        switch factor.name {
        case "confidence": return factor.input / 100
        case "effort": return (5 - factor.input) / 4
        default: return (factor.input - 1) / 4
        }
    }

    /// The factor that adds most to the score.
    static func strongest(_ factors: [ScoreFactor]) -> ScoreFactor? {
        factors.max { weight($0) < weight($1) }
    }

    static func strongestText(_ factors: [ScoreFactor], _ context: PageContext) -> String {
        guard let factor = strongest(factors) else { return "–" }
        if factor.name == "effort" {
            return context.t("weinig moeite (\(factorInput(factor, context)))", "little effort (\(factorInput(factor, context)))")
        }
        return "\(factorName(factor.name, context)) (\(factorInput(factor, context)))"
    }

    static func score(_ value: Double, _ index: Index, _ context: PageContext) -> String {
        score(value, context)
    }

    /// A score as the site shows it everywhere: the weighted score runs to 100, the others are
    /// small ratios that need two decimals.
    static func score(_ value: Double, _ context: PageContext) -> String {
        context.number(value, decimals: context.data.scoring.method == .weighted ? 1 : 2)
    }

    // MARK: - verbeterkansen.html

    static func listPage(_ context: PageContext, _ index: Index) -> Page {
        Page(file: "verbeterkansen.html", title: context.t("Verbeterkansen", "Opportunities"), section: .opportunities,
             lead: context.t("Welke verbeteringen pakken we eerst aan? Hier ziet u alle kansen naast elkaar: wat ze opleveren, wat ze kosten en hoe ze scoren.",
                             "Which improvements come first? Here are all opportunities side by side: what they bring, what they cost and how they score.")) {
            if index.ranked.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Er zijn nog geen verbeterkansen.",
                              "There are no opportunities yet.")
                }
            } else {
                matrix(context, index)
                ranking(context, index)
            }
            formula(context, index)
        }
    }

    /// How many labelled dots fit in one cell of the matrix; a fuller cell shows its count.
    static let cellCapacity = 8

    static func matrix(_ context: PageContext, _ index: Index) -> Node {
        var cells: [Int: [RankedOpportunity]] = [:]
        for opportunity in index.ranked {
            let (i, e) = (min(max(impact(opportunity.record), 1), 5), min(max(effort(opportunity.record), 1), 5))
            cells[i * 10 + e, default: []].append(opportunity)
        }
        let left = 64.0, top = 12.0, cellWidth = 124.0, cellHeight = 100.0
        let width = left + 5 * cellWidth + 12, height = top + 5 * cellHeight + 56
        func x(_ effort: Int) -> Double { left + Double(effort - 1) * cellWidth }
        func y(_ impact: Int) -> Double { top + Double(5 - impact) * cellHeight }
        let largest = Double(cells.values.map(\.count).max() ?? 1)
        let bottom = top + 5 * cellHeight, right = left + 5 * cellWidth
        let chart = SVG.canvas(
            id: "matrix", width: width, height: height,
            title: context.t("Verbeterkansen naar impact en moeite", "Opportunities by impact and effort"),
            description: context.t(
                "Elke stip is een verbeterkans. Hoe hoger, hoe meer impact; hoe verder naar rechts, hoe meer moeite. Linksboven staat de snelle winst, rechtsboven de grote projecten, linksonder de kleine klussen en rechtsonder wat later of niet kan.",
                "Each dot is an opportunity. Higher means more impact; further right means more effort. Top left are the quick wins, top right the big projects, bottom left the small jobs and bottom right what can wait or go.")) {
            SVG.rect(x: left, y: top, width: 2 * cellWidth, height: 3 * cellHeight, classes: "quadrant quick")
            SVG.rect(x: x(3), y: top, width: 3 * cellWidth, height: 3 * cellHeight, classes: "quadrant big")
            SVG.rect(x: left, y: y(2), width: 2 * cellWidth, height: 2 * cellHeight, classes: "quadrant small")
            SVG.rect(x: x(3), y: y(2), width: 3 * cellWidth, height: 2 * cellHeight, classes: "quadrant later")
            (1...4).map { step in
                Node.group([
                    SVG.line(x1: left + Double(step) * cellWidth, y1: top, x2: left + Double(step) * cellWidth, y2: bottom, classes: "grid"),
                    SVG.line(x1: left, y1: top + Double(step) * cellHeight, x2: right, y2: top + Double(step) * cellHeight, classes: "grid"),
                ])
            }
            SVG.line(x1: x(3), y1: top, x2: x(3), y2: bottom, classes: "divide")
            SVG.line(x1: left, y1: y(2), x2: right, y2: y(2), classes: "divide")
            SVG.text(Quadrant.quickWin.name(context), x: left + 6, y: top + 15, classes: "label quadrant-name")
            SVG.text(Quadrant.bigBet.name(context), x: right - 6, y: top + 15, anchor: "end", classes: "label quadrant-name")
            SVG.text(Quadrant.smallJob.name(context), x: left + 6, y: bottom - 7, classes: "label quadrant-name")
            SVG.text(Quadrant.later.name(context), x: right - 6, y: bottom - 7, anchor: "end", classes: "label quadrant-name")
            SVG.line(x1: left, y1: bottom, x2: right, y2: bottom, classes: "axis")
            SVG.line(x1: left, y1: top, x2: left, y2: bottom, classes: "axis")
            (1...5).map { value in
                Node.group([
                    SVG.text("\(value)", x: x(value) + cellWidth / 2, y: bottom + 18, anchor: "middle"),
                    SVG.text("\(value)", x: left - 8, y: y(value) + cellHeight / 2 + 5, anchor: "end"),
                ])
            }
            SVG.text(context.t("Moeite: weinig → veel", "Effort: little → much"), x: left + 2.5 * cellWidth, y: bottom + 42,
                     anchor: "middle", classes: "label axis-name")
            el("text", [Attribute("x", "18"), Attribute("y", SVG.number(top + 2.5 * cellHeight)), Attribute("text-anchor", "middle"),
                        Attribute("transform", "rotate(-90 18 \(SVG.number(top + 2.5 * cellHeight)))"), .class("label axis-name")]) {
                context.t("Impact: weinig → veel", "Impact: low → high")
            }
            cells.sorted { $0.key < $1.key }.map { key, members in
                let cellX = x(key % 10), cellY = y(key / 10)
                // In a corner cell the content moves away from the quadrant's name, so no label
                // covers another.
                let (impactValue, effortValue) = (key / 10, key % 10)
                let corner = (effortValue == 1 || effortValue == 5) && (impactValue == 1 || impactValue == 5)
                let shift = corner ? (impactValue == 5 ? 8.0 : -8.0) : 0
                if members.count > cellCapacity {
                    // The area, not the radius, grows with the count, as the eye reads it.
                    let radius = 10 + 20 * (Double(members.count) / largest).squareRoot()
                    let centreY = cellY + cellHeight / 2 + shift
                    return Node.group([
                        SVG.circle(x: cellX + cellWidth / 2, y: centreY, radius: radius, classes: "count-dot"),
                        SVG.text(context.number(Double(members.count), decimals: 0), x: cellX + cellWidth / 2,
                                 y: centreY + 5, anchor: "middle", classes: "label count"),
                    ])
                }
                // At most two columns of four, centred in the cell.
                let rows = Double((members.count + 1) / 2), columns = Double(min(members.count, 2))
                let firstX = cellX + (cellWidth - ((columns - 1) * 58 + 44)) / 2 + 5
                let firstY = cellY + cellHeight / 2 + shift - (rows - 1) * 9
                return Node.group(members.enumerated().map { offset, opportunity in
                    let column = Double(offset % 2), row = Double(offset / 2)
                    let dotX = firstX + column * 58, dotY = firstY + row * 18
                    return Node.group([
                        SVG.circle(x: dotX, y: dotY, radius: 5, classes: "dot"),
                        SVG.text(opportunity.ref, x: dotX + 8, y: dotY + 4, classes: "label small"),
                    ])
                })
            }
        }
        let rows: [[Node]] = (1...5).reversed().map { impactValue in
            [Node.text("\(impactValue)")] + (1...5).map { effortValue in
                let members = cells[impactValue * 10 + effortValue] ?? []
                if members.isEmpty { return Node.text("–") }
                if members.count > 20 {
                    return Node.text(context.t("\(members.count) kansen", "\(members.count) opportunities"))
                }
                return Node.group(members.enumerated().map { offset, opportunity in
                    Node.group([offset > 0 ? .text(", ") : .empty,
                                link(context.href(.opportunity, opportunity.ref)) { opportunity.ref }])
                })
            }
        }
        let table = context.table(
            caption: context.t("Verbeterkansen per impact (rijen) en moeite (kolommen)", "Opportunities by impact (rows) and effort (columns)"),
            headers: [context.t("Impact", "Impact")] + (1...5).map { context.t("Moeite \($0)", "Effort \($0)") },
            rows: rows)
        var byQuadrant: [Quadrant: [RankedOpportunity]] = [:]
        for opportunity in index.ranked {
            byQuadrant[Quadrant(impact: impact(opportunity.record), effort: effort(opportunity.record)), default: []].append(opportunity)
        }
        return context.section(context.t("Impact tegen moeite", "Impact against effort"), id: "matrix") {
            el("p") {
                context.t("Impact en moeite zijn cijfers van 1 tot 5. Een 3 of hoger telt als veel.",
                          "Impact and effort are scores from 1 to 5. A 3 or more counts as high.")
            }
            context.figure(
                caption: context.t("Verbeterkansen naar impact en moeite. Elke stip is een kans met zijn nummer. In een vak met meer dan \(cellCapacity) kansen staat alleen het aantal.",
                                   "Opportunities by impact and effort. Each dot is an opportunity with its number. A cell with more than \(cellCapacity) opportunities shows their count."),
                chart: Node.group([scrollHint(context),
                                   scrollable(chart, width: width, label: context.t("Matrix van impact en moeite", "Matrix of impact and effort"))]),
                table: table)
            el("ul", [.class("quadrants")]) {
                Quadrant.allCases.map { quadrant in
                    let members = byQuadrant[quadrant] ?? []
                    return el("li", [.class("quadrant-\(quadrant.tone)")]) {
                        el("strong") { quadrant.name(context) }
                        " (\(quadrant.meaning(context))): "
                        members.count == 1 ? context.t("1 kans", "1 opportunity")
                            : context.t("\(members.count) kansen", "\(members.count) opportunities")
                        members.isEmpty ? Node.empty : Node.text(". ")
                        Node.group(members.prefix(12).enumerated().map { offset, opportunity in
                            Node.group([offset > 0 ? .text(", ") : .empty, context.recordLink(.opportunity, opportunity.ref)])
                        })
                        members.count > 12 ? Node.text(context.t(" en \(members.count - 12) meer", " and \(members.count - 12) more")) : .empty
                    }
                }
            }
        }
    }

    static func ranking(_ context: PageContext, _ index: Index) -> Node {
        let rows: [[Node]] = index.ranked.map { opportunity in
            let items = index.items[opportunity.ref] ?? []
            return [
                .text("\(opportunity.rank)"),
                context.recordLink(.opportunity, opportunity.ref),
                .text(score(opportunity.score, index, context)),
                .text(strongestText(opportunity.factors, context)),
                .text("\(opportunity.findings.count)"),
                items.isEmpty ? Node.text("–") : Node.group(items.enumerated().map { offset, item in
                    Node.group([offset > 0 ? .text(", ") : .empty, link(context.href(.item, item)) { item }])
                }),
            ]
        }
        return context.section(context.t("Ranglijst", "Ranking"), id: "ranglijst") {
            el("p") {
                context.t("De kans met de hoogste score staat bovenaan. Klik op een kans om te zien waarom hij op die plek staat.",
                          "The opportunity with the highest score is at the top. Open an opportunity to see why it ranks where it does.")
            }
            context.table(caption: context.t("Verbeterkansen op volgorde van score", "Opportunities in order of score"),
                          headers: [context.t("Rang", "Rank"), context.t("Verbeterkans", "Opportunity"), context.t("Score", "Score"),
                                    context.t("Weegt het zwaarst", "Weighs most"), context.t("Bevindingen", "Findings"),
                                    context.t("Roadmap-items", "Roadmap items")],
                          numeric: [0, 2, 4], sortable: true, rows: rows)
        }
    }

    static func formula(_ context: PageContext, _ index: Index) -> Node {
        let scoring = context.data.scoring
        return context.section(context.t("Zo berekenen we de score", "How the score is made"), id: "score-uitleg") {
            switch scoring.method {
            case .weighted:
                let weights = scoring.weights
                let total = max(weights.total, 0.000_1)
                let parts: [(String, Double, String)] = [
                    ("impact", weights.impact, context.t("Hoe groot het effect is voor inwoners, van 1 tot 5.", "How big the effect on residents is, from 1 to 5.")),
                    ("reach", weights.reach, context.t("Hoeveel inwoners er iets van merken, van 1 tot 5.", "How many residents notice it, from 1 to 5.")),
                    ("confidence", weights.confidence, context.t("Hoe zeker het team is van impact en moeite, van 0 tot 100%.", "How sure the team is of impact and effort, from 0 to 100%.")),
                    ("effort", weights.ease, context.t("Hoeveel werk het is, van 1 tot 5. Minder moeite geeft meer punten.", "How much work it is, from 1 to 5. Less effort gives more points.")),
                    ("severity", weights.severity, context.t("De ernst van de zwaarste bevinding erachter, van 1 tot 5.", "The severity of the worst finding behind it, from 1 to 5.")),
                    ("spearhead", weights.spearhead, context.t("Of de kans bij een speerpunt hoort: ja of nee.", "Whether it belongs to a spearhead: yes or no.")),
                ]
                el("p") {
                    context.t("Elke verbeterkans krijgt een score van 0 tot 100. Die score is een optelsom van punten voor zes dingen. Wat zwaarder weegt, kan meer punten opleveren.",
                              "Every opportunity gets a score from 0 to 100. The score adds up points for six things. What weighs more can add more points.")
                }
                context.table(caption: context.t("Waar de punten vandaan komen", "Where the points come from"),
                              headers: [context.t("Wat", "What"), context.t("Betekenis", "Meaning"), context.t("Gewicht", "Weight"),
                                        context.t("Hoogste aantal punten", "Most points")],
                              numeric: [2, 3],
                              rows: parts.map { name, weight, meaning in
                                  [.text(capitalized(factorName(name, context))), .text(meaning), .text(context.number(weight)),
                                   .text(context.number(100 * weight / total))]
                              })
                el("p") {
                    context.t("De laagste waarde geeft 0 punten, de hoogste alle punten, en wat ertussen zit telt naar verhouding. Bij zekerheid geeft 50% dus de helft van de punten.",
                              "The lowest value gives 0 points, the highest all of them, and values in between count in proportion. So 50% confidence gives half the points.")
                }
                el("p") {
                    el("code") {
                        "score = 100 × (" + parts.map { name, weight, _ in
                            "\(context.number(weight))·\(name == "effort" ? context.t("gemak", "ease") : factorName(name, context))"
                        }.joined(separator: " + ") + ") ÷ \(context.number(total))"
                    }
                }
            case .rice:
                el("p") {
                    context.t("De score is bereik × impact × zekerheid ÷ moeite (de RICE-methode). Meer bereik, impact en zekerheid geven een hogere score; meer moeite geeft een lagere.",
                              "The score is reach × impact × confidence ÷ effort (the RICE method). More reach, impact and confidence give a higher score; more effort gives a lower one.")
                }
                el("p") {
                    context.t("Bereik, impact en moeite zijn cijfers van 1 tot 5. Zekerheid telt als deel van het geheel: 80% telt als 0,8.",
                              "Reach, impact and effort are scores from 1 to 5. Confidence counts as a share: 80% counts as 0.8.")
                }
                el("p") { el("code") { context.t("score = bereik × impact × zekerheid ÷ moeite", "score = reach × impact × confidence ÷ effort") } }
            case .valueEffort:
                el("p") {
                    context.t("De score is impact ÷ moeite: wat het oplevert, gedeeld door wat het kost. Beide zijn cijfers van 1 tot 5.",
                              "The score is impact ÷ effort: what it brings, divided by what it costs. Both are scores from 1 to 5.")
                }
                el("p") { el("code") { context.t("score = impact ÷ moeite", "score = impact ÷ effort") } }
            }
            el("p") {
                context.t("Hebben twee kansen dezelfde score, dan gaat de oudste kans voor. Het team kan de weging aanpassen.",
                          "When two opportunities have the same score, the older one goes first. The team can change the weighting.")
            }
        }
    }

    /// Red only for a serious finding that must improve: a finding that goes well is never alarming.
    static func severityTone(_ severity: Int64, kind: String?) -> String {
        kind == "good" ? "good" : (severity >= 4 ? "improve" : "neutral")
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Said only on a narrow screen, where a chart at its own size is wider than the screen.
    static func scrollHint(_ context: PageContext) -> Node {
        el("p", [.class("scroll-hint")]) {
            context.t("Schuif de figuur opzij om alles te zien.", "Scroll the picture sideways to see all of it.")
        }
    }

    /// A chart at its own size that scrolls sideways inside its frame on a narrow screen, so
    /// its text never shrinks below reading size. The frame takes focus so a keyboard can scroll it.
    static func scrollable(_ chart: Node, width: Double, label: String) -> Node {
        el("div", [.class("chart-scroll"), .style("--breedte: \(SVG.number(width))px"), Attribute("tabindex", "0"),
                   Attribute("role", "region"), .aria("label", label)]) {
            chart
        }
    }
}
