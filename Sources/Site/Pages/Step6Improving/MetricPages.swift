import SixSteps

/// The metrics of step 6: a list against their targets, and one page per metric with its
/// definition, its trend over the cycles, the latest survey and the chain back from the metric
/// to the roadmap items, opportunities and findings that should move it.
enum MetricPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        let index = MetricIndex(context.data)
        try emit(listPage(context, index))
        for metric in context.data.records(.metric) {
            try emit(metricPage(context, index, metric))
        }
    }

    // MARK: - metingen.html

    static func listPage(_ context: PageContext, _ index: MetricIndex) -> Page {
        let metrics = context.data.records(.metric)
        let rows: [[Node]] = metrics.map { metric in
            let latest = context.data.latest(metric.ref)
            // The values come first, so a phone shows them before the table has to scroll.
            return [
                context.recordLink(.metric, metric.ref),
                .text(metric[.baseline].double.map { context.value($0, of: metric) } ?? "–"),
                latest.map { MetricText.measuredCell($0.current, metric, context, withCycle: true) } ?? .text("–"),
                MetricText.target(metric, context),
                MetricText.progress(latest?.progress, context),
                latest.map { context.verdictCell($0) } ?? context.verdictBadge(.notMeasured),
                .text(MetricText.direction(metric, context)),
                .text(metric[.unit].string ?? ""),
            ]
        }
        return Page(file: "metingen.html", title: context.t("Meeteenheden", "Metrics"), section: .improving,
                    lead: context.t("Wat we meten om te zien of de dienstverlening beter wordt, en hoe ver we zijn op weg naar het doel.",
                                    "What we measure to see whether the service gets better, and how far we are on the way to the target.")) {
            context.section(context.t("Alle meeteenheden", "All metrics"), id: "meeteenheden") {
                if metrics.isEmpty {
                    el("p", [.class("none")]) {
                        context.t("Er zijn nog geen meeteenheden. Leg ze vast in stap 2.", "There are no metrics yet. Add them in step 2.")
                    }
                } else {
                    el("p") {
                        context.t("De laatste waarde is de meest recente meting, met de cyclus waarin die is gedaan. Het oordeel vergelijkt die meting met de meting ervoor.",
                                  "The latest value is the most recent measurement, with the cycle it was taken in. The verdict compares it with the measurement before it.")
                    }
                    context.table(caption: context.t("Meeteenheden met nulmeting, laatste waarde en doel", "Metrics with baseline, latest value and target"),
                                  headers: [context.t("Meeteenheid", "Metric"), context.t("Nulmeting", "Baseline"),
                                            context.t("Laatste waarde", "Latest value"), context.t("Doel", "Target"),
                                            context.t("Voortgang", "Progress"), context.t("Oordeel", "Verdict"),
                                            context.t("Richting", "Direction"), context.t("Eenheid", "Unit")],
                                  numeric: [1, 2], sortable: true, rows: rows)
                }
            }
            context.section(context.t("Meer over het meten", "More about measuring"), id: "meer") {
                el("ul") {
                    el("li") { link("cycli.html") { context.t("Alle verbetercycli, met per cyclus een voor-en-na-rapport", "All improvement cycles, each with a before-and-after report") } }
                    el("li") { link("roadmap.html") { context.t("De roadmap: het werk dat de meeteenheden moet verbeteren", "The roadmap: the work that should improve the metrics") } }
                }
            }
        }
    }

    // MARK: - meting-<slug>.html

    static func metricPage(_ context: PageContext, _ index: MetricIndex, _ metric: Record) -> Page {
        let data = context.data
        let slug = metric.ref
        let history = index.history(slug)
        return Page(file: context.href(.metric, slug), title: metric.title, section: .improving,
                    lead: context.t("Een meeteenheid: wat we meten, hoe het zich ontwikkelt over de cycli en welk werk het moet verbeteren.",
                                    "A metric: what we measure, how it develops over the cycles and which work should improve it.")) {
            context.section(context.t("Wat we meten", "What we measure"), id: "definitie") {
                definition(context, metric)
            }
            context.section(context.t("Verloop over de cycli", "Trend over the cycles"), id: "verloop") {
                if history.isEmpty {
                    el("p", [.class("none")]) {
                        context.t("Er is nog geen verbetercyclus, dus ook nog geen meting.", "There is no improvement cycle yet, so no measurement either.")
                    }
                } else {
                    trendChart(context, metric, history)
                    el("h3") { context.t("De metingen per cyclus", "The measurements per cycle") }
                    cycleTable(context, metric, history)
                }
            }
            if case let surveys = context.data.surveys(of: slug), !surveys.isEmpty {
                surveySection(context, metric, surveys, quotes: index.quotesByMetric[slug] ?? [])
            }
            context.section(context.t("Doelen", "Goals"), id: "doelen") {
                goals(context, index.goalsByMetric[slug] ?? [])
            }
            context.section(context.t("Wat deze meeteenheid moet verbeteren", "What should move this metric"), id: "keten") {
                chain(context, data.links(.itemMetric, to: slug))
            }
        }
    }

    static func definition(_ context: PageContext, _ metric: Record) -> Node {
        let journey = metric[.journey].string
        let phase = metric[.phase].string.map { slug in MetricText.phaseLink(slug, journey: journey, context) }
        var scale: String?
        switch (metric[.scaleMin].double, metric[.scaleMax].double) {
        case (let low?, let high?): scale = context.t("van \(context.number(low, decimals: 2)) tot \(context.number(high, decimals: 2))",
                                                     "from \(context.number(low, decimals: 2)) to \(context.number(high, decimals: 2))")
        case (let low?, nil): scale = context.t("vanaf \(context.number(low, decimals: 2))", "from \(context.number(low, decimals: 2))")
        case (nil, let high?): scale = context.t("tot \(context.number(high, decimals: 2))", "up to \(context.number(high, decimals: 2))")
        case (nil, nil): scale = nil
        }
        let description = metric[.description].string ?? ""
        return Node.group([
            context.facts([
                (context.t("Eenheid", "Unit"), metric[.unit].string.map(Node.text)),
                (context.t("Schaal", "Scale"), scale.map(Node.text)),
                (context.t("Richting", "Direction"), .text(MetricText.direction(metric, context))),
                (context.t("Nulmeting", "Baseline"), .text(metric[.baseline].double.map { context.value($0, of: metric) }
                    ?? context.t("nog niet vastgelegd", "not recorded yet"))),
                (context.t("Doel", "Target"), MetricText.target(metric, context)),
                (context.t("Klantreis", "Journey"), journey.map { context.recordLink(.journey, $0) }),
                (context.t("Fase", "Phase"), phase),
            ]),
            description.isEmpty ? .empty : el("p") { description },
        ])
    }

    /// One point of the trend: a cycle with its measurement, if any, and the items done in it.
    struct TrendPoint {
        let cycle: Record
        let comparison: MetricComparison
        let done: [String]

        var value: Double? { comparison.current.flatMap { $0.suppressed ? nil : $0.summary.mean } }
        /// The interval of the metric's kind: Student's t for a mean, Wilson for a share, normal for an NPS.
        var interval: ClosedRange<Double>? { comparison.interval }
        var suppressed: Bool { comparison.current?.suppressed == true }
    }

    /// The line over the cycles with the baseline and the target as lines of their own, the 95%
    /// interval as a whisker around each point, and under each cycle the items done in it.
    static func trendChart(_ context: PageContext, _ metric: Record, _ points: [TrendPoint]) -> Node {
        let anyDone = points.contains { !$0.done.isEmpty }
        let width = 640.0, left = 60.0, right = 20.0, top = 28.0, bottom = anyDone ? 90.0 : 40.0
        let height = 240.0 + top + bottom
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let baseline = metric[.baseline].double, target = metric[.target].double
        var known = points.compactMap(\.value) + [baseline, target].compactMap { $0 }
        known += points.compactMap(\.interval).flatMap { [$0.lowerBound, $0.upperBound] }
        let scale = (metric[.scaleMin].double, metric[.scaleMax].double)
        let ticks = SVG.ticks(low: known.min() ?? scale.0 ?? 0, high: known.max() ?? scale.1 ?? 1, clampTo: scale, parts: 4)
        let low = ticks.first ?? 0, high = ticks.last ?? 1
        let slot = plotWidth / Double(max(points.count, 1))
        let crowded = points.count > 8
        func x(_ index: Int) -> Double { left + slot * (Double(index) + 0.5) }
        func y(_ value: Double) -> Double { top + (1 - (value - low) / max(high - low, 0.000_1)) * plotHeight }
        var segments: [[(Double, Double)]] = [[]]
        for (index, point) in points.enumerated() {
            if let value = point.value { segments[segments.count - 1].append((x(index), y(value))) } else if !(segments.last?.isEmpty ?? true) {
                segments.append([])
            }
        }
        // The upper of baseline and target gets its label above its line, the lower one below,
        // so the two never overlap.
        let targetOnTop = (target ?? 0) >= (baseline ?? 0)
        let caption = context.t("\(metric.title) per cyclus, met nulmeting en doel", "\(metric.title) per cycle, with baseline and target")
        let chart = SVG.canvas(id: "verloop-grafiek", width: width, height: height, title: caption,
                               description: trendDescription(context, metric, points)) {
            ticks.map { tick in
                Node.group([
                    SVG.line(x1: left, y1: y(tick), x2: width - right, y2: y(tick), classes: "grid"),
                    SVG.text(context.number(tick, decimals: max(2, context.decimals(of: metric))), x: left - 8, y: y(tick) + 4, anchor: "end"),
                ])
            }
            SVG.line(x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, classes: "axis")
            if let baseline {
                SVG.line(x1: left, y1: y(baseline), x2: width - right, y2: y(baseline), classes: "baseline")
                SVG.text(context.t("nulmeting", "baseline") + " " + context.value(baseline, of: metric), x: width - right - 4,
                         y: y(baseline) + (targetOnTop ? 22 : -7), anchor: "end", classes: "label baseline-label")
            }
            if let target {
                SVG.line(x1: left, y1: y(target), x2: width - right, y2: y(target), classes: "target")
                SVG.text(context.t("doel", "target") + " " + context.value(target, of: metric), x: width - right - 4,
                         y: y(target) + (targetOnTop ? -7 : 22), anchor: "end", classes: "label target-label")
            }
            points.enumerated().compactMap { index, point in
                point.interval.map { interval in
                    Node.group([
                        SVG.line(x1: x(index), y1: y(interval.lowerBound), x2: x(index), y2: y(interval.upperBound), classes: "interval"),
                        SVG.line(x1: x(index) - 5, y1: y(interval.lowerBound), x2: x(index) + 5, y2: y(interval.lowerBound), classes: "interval"),
                        SVG.line(x1: x(index) - 5, y1: y(interval.upperBound), x2: x(index) + 5, y2: y(interval.upperBound), classes: "interval"),
                    ])
                }
            }
            segments.filter { $0.count > 1 }.map { SVG.polyline($0, classes: "trend") }
            points.enumerated().map { index, point in
                if let value = point.value {
                    return Node.group([
                        SVG.circle(x: x(index), y: y(value), radius: 5, classes: "point"),
                        crowded ? .empty : SVG.text(context.value(value, of: metric), x: x(index) + 9, y: y(value) - 6,
                                                    classes: "label value-label"),
                    ])
                }
                guard !crowded else { return .empty }
                let word = point.suppressed ? context.t("afgeschermd", "suppressed") : context.t("niet gemeten", "not measured")
                return SVG.text(word, x: x(index), y: top + plotHeight - 8, anchor: "middle", classes: "label muted")
            }
            // Labels are sized for a phone, where they are drawn at 22 units: when they would
            // touch, only every so many is written, always including the last cycle.
            let widest = Double(points.map(\.cycle.ref.count).max() ?? 2) * 13 + 8
            let every = max(1, Int((widest / slot).rounded(.up)))
            points.enumerated().compactMap { index, point in
                (points.count - 1 - index) % every == 0
                    ? SVG.text(point.cycle.ref, x: x(index), y: top + plotHeight + 26, anchor: "middle") : nil
            }
            points.enumerated().compactMap { index, point -> Node? in
                guard !point.done.isEmpty else { return nil }
                let full = "✓ " + point.done.joined(separator: ", ")
                // Refs that do not fit under their cycle become a count; the table names them.
                let text = Double(full.count) * 12 < slot ? full : (slot < 60 ? "✓" : "✓ \(point.done.count)")
                return SVG.text(text, x: x(index), y: top + plotHeight + 52, anchor: "middle", classes: "label done-items")
            }
            if anyDone {
                SVG.text(context.t("✓ = roadmap-item afgerond in die cyclus", "✓ = roadmap item done in that cycle"),
                         x: left, y: height - 6, classes: "label muted")
            }
        }
        let rows: [[Node]] = points.map { point in
            [
                context.recordLink(.cycle, point.cycle.ref),
                MetricText.measuredCell(point.comparison.current, metric, context, withCycle: false),
                .text(point.interval.map { context.interval($0, of: metric) } ?? "–"),
                .text(point.done.isEmpty ? "–" : point.done.joined(separator: ", ")),
            ]
        }
        return MetricText.chart(context.figure(caption: caption, chart: chart,
                                               table: context.table(caption: caption,
                                                                    headers: [context.t("Cyclus", "Cycle"), context.t("Waarde", "Value"),
                                                                              context.t("95%-interval", "95% interval"),
                                                                              context.t("Afgeronde items", "Items done")],
                                                                    numeric: [1], rows: rows)))
    }

    static func trendDescription(_ context: PageContext, _ metric: Record, _ points: [TrendPoint]) -> String {
        var parts: [String] = []
        if let baseline = metric[.baseline].double {
            parts.append(context.t("Nulmeting \(context.value(baseline, of: metric)).", "Baseline \(context.value(baseline, of: metric))."))
        }
        if let target = metric[.target].double {
            parts.append(context.t("Doel \(context.value(target, of: metric)).", "Target \(context.value(target, of: metric))."))
        }
        parts.append(points.map { point in
            let value = point.value.map { context.value($0, of: metric) }
                ?? (point.suppressed ? context.t("afgeschermd", "suppressed") : context.t("niet gemeten", "not measured"))
            return "\(point.cycle.ref): \(value)"
        }.joined(separator: "; ") + ".")
        return parts.joined(separator: " ")
    }

    /// A row per cycle with a measurement or with work done; the other cycles in one sentence,
    /// so twenty cycles of a metric measured twice do not fill a page with dashes.
    static func cycleTable(_ context: PageContext, _ metric: Record, _ allPoints: [TrendPoint]) -> Node {
        let points = allPoints.filter { $0.comparison.current != nil || !$0.done.isEmpty }
        let unmeasured = allPoints.filter { $0.comparison.current == nil && $0.done.isEmpty }
        let rows: [[Node]] = points.map { point in
            let comparison = point.comparison
            let current = comparison.current
            let shown = current.flatMap { $0.suppressed ? nil : $0.summary }
            let dash = Node.text("–")
            return [
                Node.group([context.recordLink(.cycle, point.cycle.ref)]),
                MetricText.measuredCell(current, metric, context, withCycle: false),
                shown?.n.map { Node.text(context.number(Double($0), decimals: 0)) } ?? dash,
                shown?.sd.map { Node.text(context.number($0, decimals: context.decimals(of: metric) + 1)) } ?? dash,
                comparison.interval.map { Node.text(context.interval($0, of: metric)) } ?? dash,
                MetricText.change(comparison, context),
                context.verdictCell(comparison, showBase: false),
                shown == nil ? dash : .text(context.noiseLabel(comparison.noise)),
                MetricText.progress(comparison.progress, context),
                point.done.isEmpty ? dash : Node.group(point.done.enumerated().map { position, ref in
                    Node.group([position > 0 ? .text(", ") : .empty, context.recordLink(.item, ref)])
                }),
            ]
        }
        return Node.group([
            unmeasured.isEmpty ? .empty : el("p") {
                context.t("Niet gemeten in: ", "Not measured in: ")
                Node.group(unmeasured.enumerated().map { index, point in
                    Node.group([index > 0 ? .text(", ") : .empty, link(context.href(.cycle, point.cycle.ref)) { point.cycle.ref }])
                })
                "."
            },
            points.isEmpty ? .empty : context.table(caption: context.t("Metingen van \(metric.title) per cyclus", "Measurements of \(metric.title) per cycle"),
                          headers: [context.t("Cyclus", "Cycle"), context.t("Waarde", "Value"), context.t("Aantal (n)", "Count (n)"),
                                    context.t("Spreiding (sd)", "Spread (sd)"), context.t("95%-interval", "95% interval"),
                                    context.t("Verandering", "Change"), context.t("Oordeel", "Verdict"),
                                    context.t("Toeval?", "Chance?"), context.t("Voortgang", "Progress"),
                                    context.t("Afgeronde items", "Items done")],
                          numeric: [1, 2, 3, 4, 5], rows: rows),
            el("p", [.class("note")]) {
                context.t("Het 95%-interval is de marge rond de gemeten waarde: de echte waarde ligt daar vrijwel zeker tussen. De kolom ‘Toeval?’ zegt of de verandering groter is dan je door toeval zou verwachten. Een meting op minder dan \(context.data.threshold) antwoorden is afgeschermd: die tonen we niet.",
                          "The 95% interval is the margin around the measured value: the true value almost certainly lies within it. The column ‘Chance?’ says whether the change is larger than chance alone would give. A measurement on fewer than \(context.data.threshold) answers is suppressed: we do not show it.")
            },
        ])
    }

    // MARK: - Goals and the chain back

    static func goals(_ context: PageContext, _ goals: [Record]) -> Node {
        guard !goals.isEmpty else {
            return el("p", [.class("none")]) { context.t("Geen doel uit de visie hangt aan deze meeteenheid.", "No goal of the vision uses this metric.") }
        }
        return el("ul", [.class("records")]) {
            goals.map { goal in
                el("li") {
                    context.recordLink(.goal, goal.ref)
                    goal[.target].double.map { target in
                        Node.text(context.t(" – doel \(context.number(target, decimals: 2))", " – target \(context.number(target, decimals: 2))")
                            + (goal[.targetDate].string.map { context.t(" op ", " by ") + context.date($0) } ?? ""))
                    } ?? .empty
                }
            }
        }
    }

    static func chain(_ context: PageContext, _ links: [Link]) -> Node {
        let data = context.data
        guard !links.isEmpty else {
            return el("p", [.class("none")]) {
                context.t("Er is nog geen roadmap-item dat deze meeteenheid moet verbeteren.", "No roadmap item is expected to move this metric yet.")
            }
        }
        return Node.group([
            el("p") {
                context.t("Deze roadmap-items moeten de meeteenheid verbeteren. Bij elk item staat welke verbeterkansen en bevindingen erachter zitten.",
                          "These roadmap items should move the metric. Each shows the opportunities and findings behind it.")
            },
            el("ul", [.class("cards chain")]) {
                links.map { itemLink in
                    let ref = itemLink.fromRef
                    let status = data.record(.item, ref)?[.status].string ?? ""
                    let opportunities = data.targets(.itemOpportunity, from: ref)
                    var seen: Set<String> = []
                    let findings = opportunities.flatMap { data.targets(.opportunityFinding, from: $0) }.filter { seen.insert($0).inserted }
                    return el("li", [.class("card")]) {
                        el("h3") { context.recordLink(.item, ref) }
                        el("p") {
                            context.badge(context.statusLabel(status), tone: status)
                            " "
                            itemLink.expectedChange.map { context.t("Verwacht effect: ", "Expected change: ") + context.change($0, of: data.record(.metric, itemLink.toRef)) }
                                ?? context.t("Geen verwacht effect vastgelegd.", "No expected change recorded.")
                        }
                        el("p", [.class("chain-label")]) { context.t("Verbeterkansen", "Opportunities") }
                        context.recordList(.opportunity, opportunities, empty: context.t("Geen verbeterkans gekoppeld.", "No opportunity linked."))
                        el("p", [.class("chain-label")]) { context.t("Bevindingen", "Findings") }
                        context.recordList(.finding, findings, empty: context.t("Geen bevinding gekoppeld.", "No finding linked."))
                    }
                }
            },
        ])
    }
}

/// What the metric pages look up again and again, gathered once for all pages.
struct MetricIndex {
    let reports: [CycleReport]
    /// Per metric, its comparison in each cycle, in the order of `reports`.
    let comparisons: [String: [MetricComparison]]
    /// Per metric and cycle ref, the items done in that cycle that should move the metric.
    let doneItems: [String: [String: [String]]]
    let goalsByMetric: [String: [Record]]
    let quotesByMetric: [String: [Quote]]

    init(_ data: SiteData) {
        reports = data.reports
        var comparisons: [String: [MetricComparison]] = [:]
        var doneItems: [String: [String: [String]]] = [:]
        for report in data.reports {
            for comparison in report.comparisons { comparisons[comparison.slug, default: []].append(comparison) }
            for effect in report.effects where !(doneItems[effect.metric]?[report.cycle.ref]?.contains(effect.item.ref) ?? false) {
                doneItems[effect.metric, default: [:]][report.cycle.ref, default: []].append(effect.item.ref)
            }
        }
        self.comparisons = comparisons
        self.doneItems = doneItems
        goalsByMetric = Dictionary(grouping: data.records(.goal).filter { $0[.metric].string != nil }, by: { $0[.metric].string ?? "" })
        quotesByMetric = Dictionary(grouping: data.quotes, by: \.metric)
    }

    func history(_ slug: String) -> [MetricPages.TrendPoint] {
        zip(reports, comparisons[slug] ?? []).map { report, comparison in
            MetricPages.TrendPoint(cycle: report.cycle, comparison: comparison, done: doneItems[slug]?[report.cycle.ref] ?? [])
        }
    }
}

/// Metric values in words and small pieces of markup, shared by the metric and cycle pages.
enum MetricText {
    /// A chart whose labels grow on a phone, where the picture is drawn at half its size.
    static func chart(_ figure: Node) -> Node {
        el("div", [.class("ms-chart")]) { figure }
    }

    static func direction(_ metric: Record, _ context: PageContext) -> String {
        metric[.direction].string == "lower" ? context.t("lager is beter", "lower is better") : context.t("hoger is beter", "higher is better")
    }

    static func target(_ metric: Record, _ context: PageContext) -> Node {
        guard let target = metric[.target].double else { return .text(context.t("geen doel", "no target")) }
        return .text(context.value(target, of: metric) + (metric[.targetDate].string.map { context.t(" op ", " by ") + context.date($0) } ?? ""))
    }

    /// A measured value; a suppressed one only as the word, never as a number.
    static func measuredCell(_ measured: Measured?, _ metric: Record, _ context: PageContext, withCycle: Bool) -> Node {
        guard let measured else { return .text(context.t("niet gemeten", "not measured")) }
        let shown: Node = measured.suppressed
            ? context.badge(context.t("afgeschermd", "suppressed"), tone: "suppressed")
            : .text(context.value(measured.summary.mean, of: metric))
        guard withCycle else { return shown }
        return Node.group([shown, .text(" ("), link(context.href(.cycle, measured.cycle)) { measured.cycle }, .text(")")])
    }

    /// The change against the previous measurement, saying what it is compared with.
    static func change(_ comparison: MetricComparison, _ context: PageContext) -> Node {
        guard let change = comparison.change else { return .text("–") }
        return Node.group([.text(context.change(change, of: comparison.metric) + " "), context.comparedWith(comparison.comparedWith)])
    }

    /// The share of the way from baseline to target as a small bar and a percentage.
    static func progress(_ progress: Double?, _ context: PageContext) -> Node {
        guard let progress else { return .text("–") }
        let width = Int((max(0, min(progress, 1)) * 100).rounded())
        return el("span", [.class("progress")]) {
            el("span", [.class(progress >= 1 ? "progress-bar reached" : "progress-bar"), .aria("hidden", "true")]) {
                el("span", [.style("width: \(width)%")])
            }
            el("span") { context.language.percent(progress) }
        }
    }

    /// A phase of the metric's journey links to its column on the journey map; a phase of
    /// another journey is only named.
    static func phaseLink(_ slug: String, journey: String?, _ context: PageContext) -> Node {
        guard let journey, let phase = context.data.phases[journey]?.first(where: { $0.slug == slug }) else {
            return .text(phaseName(slug, journey: journey, context.data))
        }
        return link(context.href(.journey, journey) + "#fase-" + slug) { phase.name }
    }

    static func phaseName(_ slug: String, journey: String?, _ data: SiteData) -> String {
        if let journey, let phase = data.phases[journey]?.first(where: { $0.slug == slug }) { return phase.name }
        for phases in data.phases.values {
            if let phase = phases.first(where: { $0.slug == slug }) { return phase.name }
        }
        return slug
    }

    /// Quotable comments only: `data.quotes` holds nothing else.
    static func quotes(_ context: PageContext, _ quotes: [Quote], showMetric: Bool) -> Node {
        el("ul", [.class("quotes")]) {
            quotes.map { quote in
                el("li") {
                    el("blockquote") {
                        el("p") { "“" + quote.comment + "”" }
                    }
                    el("p", [.class("quote-source")]) {
                        // No score where it would undo a suppression (`Quote`).
                        quote.score.map { context.t("Score \(context.number($0, decimals: 2))", "Score \(context.number($0, decimals: 2))") }
                            ?? context.t("Enquête", "Survey")
                        if showMetric {
                            context.t(" voor ", " for ")
                            context.recordLink(.metric, quote.metric)
                        } else {
                            context.t(", in ", ", in ")
                            link(context.href(.cycle, quote.cycle)) { quote.cycle }
                        }
                    }
                }
            }
        }
    }

}
