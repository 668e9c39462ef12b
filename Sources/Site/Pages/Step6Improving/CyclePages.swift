import SixSteps

/// The improvement cycles of step 6: a list of all cycles, and one before/after report per
/// cycle that prints as a management report.
enum CyclePages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        let reports = context.data.reports
        let quotes = Dictionary(grouping: context.data.quotes, by: \.cycle)
        try emit(listPage(context, reports))
        for (position, report) in reports.enumerated() {
            let next = position + 1 < reports.count ? reports[position + 1].cycle : nil
            try emit(cyclePage(context, report, next: next, quotes: quotes[report.cycle.ref] ?? []))
        }
    }

    static func isOpen(_ cycle: Record) -> Bool { cycle[.status].string == "open" }

    static func statusText(_ cycle: Record, _ context: PageContext) -> String {
        isOpen(cycle) ? context.t("loopt nog", "open") : context.t("afgesloten", "closed")
    }

    static func period(_ cycle: Record, _ context: PageContext) -> String? {
        switch (cycle[.startDate].string, cycle[.endDate].string) {
        case (let start?, let end?): return context.t("\(context.date(start)) tot en met \(context.date(end))", "\(context.date(start)) to \(context.date(end))")
        case (let start?, nil): return context.t("vanaf \(context.date(start))", "from \(context.date(start))")
        case (nil, let end?): return context.t("tot en met \(context.date(end))", "until \(context.date(end))")
        case (nil, nil): return nil
        }
    }

    static func count(_ report: CycleReport, _ verdict: Verdict) -> Int {
        report.comparisons.reduce(0) { $0 + ($1.verdict == verdict ? 1 : 0) }
    }

    // MARK: - cycli.html

    static func listPage(_ context: PageContext, _ reports: [CycleReport]) -> Page {
        let rows: [[Node]] = reports.map { report in
            let cycle = report.cycle
            let note = cycle[.note].string ?? ""
            return [
                context.recordLink(.cycle, cycle.ref),
                .text(cycle[.startDate].string.map { context.date($0) } ?? "–"),
                .text(cycle[.endDate].string.map { context.date($0) } ?? "–"),
                context.badge(statusText(cycle, context), tone: isOpen(cycle) ? "doing" : "neutral"),
                .text(String(count(report, .improved))),
                .text(String(count(report, .worse))),
                .text(String(count(report, .noClearChange))),
                .text(String(count(report, .noVerdictPossible))),
                .text(note.isEmpty ? "–" : note),
            ]
        }
        return Page(file: "cycli.html", title: context.t("Verbetercycli", "Improvement cycles"), section: .improving,
                    lead: context.t("In elke cyclus meten we opnieuw en kijken we wat het werk heeft opgeleverd.",
                                    "In each cycle we measure again and look at what the work achieved.")) {
            context.section(context.t("Alle cycli", "All cycles"), id: "cycli") {
                if reports.isEmpty {
                    el("p", [.class("none")]) {
                        context.t("Er is nog geen verbetercyclus. Een cyclus begint met een meting.",
                                  "There is no improvement cycle yet. A cycle starts with a measurement.")
                    }
                } else {
                    el("p") {
                        context.t("De cycli staan in de volgorde waarin ze liepen. Per cyclus staat hoeveel meeteenheden beter of slechter werden dan de meting ervoor, met een verschil groter dan toeval. Open een cyclus voor het hele rapport.",
                                  "The cycles are in the order they ran. For each cycle you see how many metrics got better or worse than the measurement before, by more than chance. Open a cycle for its full report.")
                    }
                    context.table(caption: context.t("Verbetercycli met hun uitkomst", "Improvement cycles and their outcome"),
                                  headers: [context.t("Cyclus", "Cycle"), context.t("Begin", "Start"), context.t("Einde", "End"),
                                            context.t("Status", "Status"), context.t("Verbeterd", "Improved"),
                                            context.t("Verslechterd", "Worse"), context.t("Geen duidelijke verandering", "No clear change"),
                                            context.t("Geen oordeel mogelijk", "No verdict possible"),
                                            context.t("Terugblik", "Retrospective")],
                                  numeric: [4, 5, 6, 7], rows: rows)
                }
            }
            context.section(context.t("Meer over het meten", "More about measuring"), id: "meer") {
                el("p") { link("metingen.html") { context.t("Alle meeteenheden met hun verloop", "All metrics and their trend") } }
            }
        }
    }

    // MARK: - c<N>.html

    static func cyclePage(_ context: PageContext, _ report: CycleReport, next: Record?, quotes: [Quote]) -> Page {
        let cycle = report.cycle
        let note = cycle[.note].string ?? ""
        return Page(file: context.href(.cycle, cycle.ref),
                    title: context.t("Cyclus \(cycle.ref): \(cycle.title)", "Cycle \(cycle.ref): \(cycle.title)"), section: .improving,
                    lead: context.t("Het voor-en-na-rapport van deze cyclus: wat er veranderde, wat het werk opleverde en wat nu aandacht vraagt.",
                                    "The before-and-after report of this cycle: what changed, what the work achieved and what needs attention now.")) {
            el("div", [.class("cycle-report")]) {
                context.facts([
                    (context.t("Periode", "Period"), period(cycle, context).map(Node.text)),
                    (context.t("Status", "Status"), .text(statusText(cycle, context))),
                    (context.t("Vorige cyclus", "Previous cycle"), report.previous.map { context.recordLink(.cycle, $0.ref) }),
                    (context.t("Volgende cyclus", "Next cycle"), next.map { context.recordLink(.cycle, $0.ref) }),
                ])
                el("p", [.class("print-hide")]) {
                    link(ReportPages.file(cycle.ref)) {
                        context.t("Het managementrapport van deze cyclus, om te printen op A4", "The management report of this cycle, to print on A4")
                    }
                }
                summary(context, report)
                beforeAfter(context, report)
                effects(context, report)
                context.section(context.t("Wat vraagt aandacht", "What needs attention"), id: "aandacht") {
                    context.attention(report.attention)
                }
                context.section(context.t("Terugblik van het team", "The team’s retrospective"), id: "terugblik") {
                    if note.isEmpty {
                        el("p", [.class("none")]) {
                            isOpen(cycle)
                                ? context.t("De cyclus loopt nog. De terugblik volgt bij het afsluiten.", "The cycle is still open. The retrospective follows when it closes.")
                                : context.t("Bij deze cyclus is geen terugblik vastgelegd.", "No retrospective was recorded for this cycle.")
                        }
                    } else {
                        el("blockquote", [.class("retrospective")]) { el("p") { note } }
                    }
                }
                if !quotes.isEmpty {
                    context.section(context.t("Wat inwoners zeggen", "What residents say"), id: "citaten") {
                        el("p") {
                            context.t("Opmerkingen uit de enquêtes van deze cyclus die inwoners ons lieten citeren.",
                                      "Comments from this cycle’s surveys that may be quoted.")
                        }
                        MetricText.quotes(context, quotes, showMetric: true)
                    }
                }
            }
        }
    }

    static func summary(_ context: PageContext, _ report: CycleReport) -> Node {
        let total = report.comparisons.count
        let measured = report.comparisons.filter { $0.current != nil }.count
        return context.section(context.t("In het kort", "In short"), id: "kort") {
            el("p") {
                context.t("In deze cyclus zijn \(measured) van de \(total) meeteenheden gemeten. Het oordeel per meeteenheid:",
                          "In this cycle \(measured) of the \(total) metrics were measured. The verdict per metric:")
            }
            context.verdictCounts(report)
        }
    }

    // MARK: - Before and after

    static func beforeAfter(_ context: PageContext, _ report: CycleReport) -> Node {
        let rows: [[Node]] = report.comparisons.map { comparison in
            let metric = comparison.metric
            return [
                context.recordLink(.metric, comparison.slug),
                .text(comparison.baseline.map { context.value($0, of: metric) } ?? "–"),
                comparison.previous.map { MetricText.measuredCell($0, metric, context, withCycle: true) } ?? .text("–"),
                MetricText.measuredCell(comparison.current, metric, context, withCycle: false),
                MetricText.change(comparison, context),
                context.verdictCell(comparison, showBase: false),
                comparison.current.map { $0.suppressed } == false ? .text(context.noiseLabel(comparison.noise)) : .text("–"),
                MetricText.target(metric, context),
                MetricText.progress(comparison.progress, context),
            ]
        }
        return context.section(context.t("Voor en na per meeteenheid", "Before and after per metric"), id: "voor-en-na") {
            if report.comparisons.isEmpty {
                el("p", [.class("none")]) { context.t("Er zijn nog geen meeteenheden.", "There are no metrics yet.") }
            } else {
                progressChart(context, report)
                context.table(caption: context.t("Elke meeteenheid: nulmeting, vorige meting, nu en doel", "Each metric: baseline, previous measurement, now and target"),
                              headers: [context.t("Meeteenheid", "Metric"), context.t("Nulmeting", "Baseline"), context.t("Vorige meting", "Previous"),
                                        context.t("Nu", "Now"), context.t("Verandering", "Change"), context.t("Oordeel", "Verdict"),
                                        context.t("Toeval?", "Chance?"), context.t("Doel", "Target"), context.t("Voortgang", "Progress")],
                              numeric: [1, 2, 3, 4], rows: rows)
                el("p", [.class("note")]) {
                    context.t("De verandering is het verschil met de vorige meting van dezelfde meeteenheid, of met de nulmeting als die er niet is. ‘Toeval?’ zegt of de verandering groter is dan je door toeval zou verwachten. De voortgang is het deel van de weg van nulmeting naar doel dat is afgelegd.",
                              "The change is the difference with the previous measurement of the same metric, or with the baseline when there is none. ‘Chance?’ says whether the change is larger than chance alone would give. Progress is the share of the way from baseline to target that has been covered.")
                }
            }
        }
    }

    /// Per metric a bar for how far it is from baseline to target now, with a tick where it was
    /// at the previous measurement: one scale for metrics of every unit.
    static func progressChart(_ context: PageContext, _ report: CycleReport) -> Node {
        struct Row {
            let title: String
            let now: Double
            let before: Double?
        }
        let rows: [Row] = report.comparisons.compactMap { comparison in
            guard let now = comparison.progress, let baseline = comparison.baseline, let target = comparison.target else { return nil }
            let before = comparison.previous.flatMap { $0.suppressed ? nil : ($0.summary.mean - baseline) / (target - baseline) }
            return Row(title: comparison.metric.title, now: now, before: before)
        }
        let without = report.comparisons.filter { $0.progress == nil }
        let caption = context.t("Voortgang van nulmeting naar doel per meeteenheid in \(report.cycle.ref)",
                                "Progress from baseline to target per metric in \(report.cycle.ref)")
        let percent = context.language.percent
        let width = 640.0, valueRoom = 190.0, labelHeight = 28.0, barHeight = 18.0, gap = 14.0
        let track = width - valueRoom
        let rowHeight = labelHeight + barHeight + gap
        let legend = 64.0
        let height = Double(rows.count) * rowHeight + gap + legend
        func x(_ share: Double) -> Double { max(0, min(share, 1)) * track }
        let description = rows.map { row in
            row.title + ": " + percent(row.now) + (row.before.map { context.t(", was ", ", was ") + percent($0) } ?? "")
        }.joined(separator: "; ") + "."
        let chart = SVG.canvas(id: "voortgang-grafiek", width: width, height: height, title: caption, description: description) {
            rows.enumerated().map { index, row in
                let y = gap + Double(index) * rowHeight
                let words = percent(row.now) + (row.before.map { context.t(" (was ", " (was ") + percent($0) + ")" } ?? "")
                return Node.group([
                    SVG.text(short(row.title), x: 0, y: y + labelHeight - 8),
                    SVG.rect(x: 0, y: y + labelHeight, width: track, height: barHeight, classes: "track"),
                    SVG.rect(x: 0, y: y + labelHeight, width: x(row.now), height: barHeight, classes: row.now >= 1 ? "bar good" : "bar"),
                    row.before.map { SVG.line(x1: x($0), y1: y + labelHeight - 4, x2: x($0), y2: y + labelHeight + barHeight + 4, classes: "was") } ?? .empty,
                    SVG.text(words, x: track + 8, y: y + labelHeight + barHeight * 0.75),
                ])
            }
            SVG.text(context.t("Balk = nu, streep = vorige meting.", "Bar = now, line = previous measurement."),
                     x: 0, y: height - 36, classes: "label muted")
            SVG.text(context.t("De hele balk is het doel (100%).", "The full bar is the target (100%)."),
                     x: 0, y: height - 8, classes: "label muted")
        }
        let table = context.table(caption: caption,
                                  headers: [context.t("Meeteenheid", "Metric"), context.t("Vorige meting", "Previous"), context.t("Nu", "Now")],
                                  numeric: [1, 2],
                                  rows: rows.map { [.text($0.title), .text($0.before.map(percent) ?? "–"), .text(percent($0.now))] })
        return Node.group([
            rows.isEmpty ? .empty : MetricText.chart(context.figure(caption: caption, chart: chart, table: table)),
            without.isEmpty ? .empty : el("p", [.class("note")]) {
                context.t("Zonder voortgang in deze cyclus (niet gemeten, afgeschermd, of geen nulmeting of doel): ",
                          "No progress in this cycle (not measured, suppressed, or no baseline or target): ")
                Node.group(without.enumerated().map { index, comparison in
                    Node.group([index > 0 ? .text(", ") : .empty, context.recordLink(.metric, comparison.slug)])
                })
                "."
            },
        ])
    }

    /// A name that fits on one line of the chart; the table beside it has the whole name.
    static func short(_ title: String) -> String {
        title.count <= 46 ? title : String(title.prefix(44)).trimmingCharacters(in: [" ", ",", "-"]) + "…"
    }

    // MARK: - Effects of the work done

    static func effects(_ context: PageContext, _ report: CycleReport) -> Node {
        context.section(context.t("Effect van het afgeronde werk", "Effect of the work done"), id: "effect") {
            if !report.effects.isEmpty {
                el("p") {
                    context.t("Deze roadmap-items zijn in deze cyclus afgerond. Per item staat wat we verwachtten en wat we maten.",
                              "These roadmap items were done in this cycle. For each, what we expected and what we measured.")
                }
            }
            effectTable(context, report)
        }
    }

    /// Expected against measured per item done, shared with the management report.
    static func effectTable(_ context: PageContext, _ report: CycleReport) -> Node {
        let byMetric = Dictionary(report.comparisons.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        if report.effects.isEmpty {
            return el("p", [.class("none")]) {
                context.t("In deze cyclus is geen roadmap-item afgerond dat een meeteenheid moet verbeteren.",
                          "No roadmap item that should move a metric was done in this cycle.")
            }
        }
        return Node.group([
            context.table(caption: context.t("Verwacht en gemeten effect van de afgeronde items", "Expected and measured effect of the items done"),
                          headers: [context.t("Roadmap-item", "Roadmap item"), context.t("Meeteenheid", "Metric"),
                                    context.t("Verwacht", "Expected"), context.t("Gemeten", "Measured"), context.t("In woorden", "In words")],
                          numeric: [2, 3],
                          rows: report.effects.map { effect in
                              [
                                  context.recordLink(.item, effect.item.ref),
                                  context.recordLink(.metric, effect.metric),
                                  .text(effect.expected.map { context.change($0, of: context.data.record(.metric, effect.metric)) } ?? "–"),
                                  .text(effect.observed.map { context.change($0, of: context.data.record(.metric, effect.metric)) } ?? "–"),
                                  .text(sentence(context, effect, byMetric[effect.metric])),
                              ]
                          }),
            el("p", [.class("note")]) {
                context.t("Gemeten is de verandering van de hele meeteenheid in deze cyclus. Ook ander werk en toeval spelen daarin mee.",
                          "Measured is the change of the whole metric in this cycle. Other work and chance play a part in it too.")
            },
        ])
    }

    /// "Verwacht +0,5, gemeten +0,48: bijna zoals verwacht."
    static func sentence(_ context: PageContext, _ effect: ItemEffect, _ comparison: MetricComparison?) -> String {
        let metric = context.data.record(.metric, effect.metric)
        let expected = effect.expected.map { context.change($0, of: metric) }
        let observed = effect.observed.map { context.change($0, of: metric) }
        let suppressed = comparison?.current?.suppressed == true
        let measured = observed.map { context.t("gemeten \($0)", "measured \($0)") }
            ?? (suppressed ? context.t("de meting is afgeschermd", "the measurement is suppressed")
                : context.t("nog niet gemeten", "not measured yet"))
        guard let expected else { return context.t("Geen verwachting vastgelegd, ", "No expectation recorded, ") + measured + "." }
        var text = context.t("Verwacht \(expected), ", "Expected \(expected), ") + measured
        if let want = effect.expected, let got = effect.observed, abs(want) > 1e-12 {
            let ratio = got / want
            if ratio <= 0 {
                text += context.t(": de andere kant op", ": the other way")
            } else if ratio < 0.9 {
                text += context.t(": minder dan verwacht", ": less than expected")
            } else if ratio <= 1.1 {
                text += context.t(": zoals verwacht", ": as expected")
            } else {
                text += context.t(": meer dan verwacht", ": more than expected")
            }
        }
        // The ratio alone would claim an effect the noise may not carry.
        switch comparison?.verdict {
        case .noClearChange?: text += context.t(", maar dat verschil kan toeval zijn", ", but that difference could be chance")
        case .noVerdictPossible?: text += context.t(", maar of dat toeval is, is niet te zeggen", ", but whether that is chance cannot be told")
        default: break
        }
        return text + "."
    }
}
