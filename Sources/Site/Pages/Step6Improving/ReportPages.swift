import SixSteps

/// One management report per cycle, made to be printed on A4 or saved as PDF from the browser:
/// where we stand, what changed beyond noise, what the roadmap delivered against what was
/// expected, which assumptions turned and what needs attention. Every figure comes from the
/// same cycle report as the cycle page, and every verdict from `Verdict.rule`.
enum ReportPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        for report in context.data.reports {
            try emit(reportPage(context, report))
        }
    }

    static func file(_ cycle: String) -> String { "rapport-\(cycle.lowercased()).html" }

    static func reportPage(_ context: PageContext, _ report: CycleReport) -> Page {
        let cycle = report.cycle
        let name = context.data.theme.name ?? context.data.municipality
        return Page(file: file(cycle.ref),
                    title: context.t("Managementrapport \(cycle.ref): \(cycle.title)", "Management report \(cycle.ref): \(cycle.title)"),
                    section: .improving,
                    lead: context.t("Wat deze verbetercyclus liet zien\(name.isEmpty ? "" : " – \(name)"). Gemaakt om te printen op A4 of op te slaan als pdf.",
                                    "What this improvement cycle showed\(name.isEmpty ? "" : " – \(name)"). Made to print on A4 or save as PDF.")) {
            el("div", [.class("management-report cycle-report")]) {
                context.facts([
                    (context.t("Periode", "Period"), CyclePages.period(cycle, context).map(Node.text)),
                    (context.t("Status", "Status"), .text(CyclePages.statusText(cycle, context))),
                    (context.t("Stand op", "As of"), .text(context.date(context.data.today.description))),
                    (context.t("Volledig rapport", "Full report"), link(context.href(.cycle, cycle.ref)) { context.t("cyclus \(cycle.ref)", "cycle \(cycle.ref)") }),
                ])
                standing(context, report)
                beyondNoise(context, report)
                delivered(context, report)
                assumptions(context, report)
                context.section(context.t("Wat aandacht vraagt", "What needs attention"), id: "aandacht") {
                    context.attention(report.attention)
                }
            }
        }
    }

    /// Where we stand: every metric's value in this cycle (or its last known one, with its
    /// cycle), the target, the progress toward it and the verdict.
    static func standing(_ context: PageContext, _ report: CycleReport) -> Node {
        let rows: [[Node]] = report.comparisons.map { comparison in
            let metric = comparison.metric
            let shown = comparison.current ?? comparison.previous
            return [
                context.recordLink(.metric, comparison.slug, showRef: false),
                MetricText.measuredCell(shown, metric, context, withCycle: true),
                MetricText.target(metric, context),
                MetricText.progress(comparison.current == nil ? nil : comparison.progress, context),
                context.verdictCell(comparison),
            ]
        }
        return context.section(context.t("Waar we staan", "Where we stand"), id: "stand") {
            el("p") {
                context.t("\(report.comparisons.filter { $0.current != nil }.count) van de \(report.comparisons.count) meeteenheden zijn in \(report.cycle.ref) gemeten. Niet opnieuw gemeten: de laatste waarde, met de cyclus erbij.",
                          "\(report.comparisons.filter { $0.current != nil }.count) of the \(report.comparisons.count) metrics were measured in \(report.cycle.ref). Not measured again: the last value, with its cycle.")
            }
            context.verdictCounts(report)
            context.table(caption: context.t("Meeteenheden in \(report.cycle.ref): waarde, doel, voortgang en oordeel",
                                             "Metrics in \(report.cycle.ref): value, target, progress and verdict"),
                          headers: [context.t("Meeteenheid", "Metric"), context.t("Waarde", "Value"), context.t("Doel", "Target"),
                                    context.t("Voortgang naar doel", "Progress to target"), context.t("Oordeel", "Verdict")],
                          numeric: [1], rows: rows)
        }
    }

    /// One sentence per metric that improved or got worse beyond the noise; the others are named
    /// as what they are, so no reader takes a change within the noise for a result.
    static func beyondNoise(_ context: PageContext, _ report: CycleReport) -> Node {
        let clear = report.comparisons.filter(\.verdict.isClear)
        let unclear = report.comparisons.filter { $0.verdict == .noClearChange || $0.verdict == .noVerdictPossible }
        return context.section(context.t("Wat veranderde meer dan toeval", "What changed beyond chance"), id: "veranderd") {
            if clear.isEmpty {
                el("p") {
                    context.t("Geen meeteenheid veranderde in \(report.cycle.ref) meer dan toeval.",
                              "No metric changed beyond chance in \(report.cycle.ref).")
                }
            } else {
                el("ul", [.class("changes")]) {
                    clear.map { comparison in
                        el("li") { changeSentence(context, comparison) }
                    }
                }
            }
            if !unclear.isEmpty {
                el("p", [.class("note")]) {
                    context.t("Wel een verschil, maar niet duidelijk meer dan toeval of zonder aantal of spreiding: ",
                              "A difference, but not clearly beyond chance or without sample size or spread: ")
                    Node.group(unclear.enumerated().map { index, comparison in
                        Node.group([index > 0 ? .text(", ") : .empty, context.recordLink(.metric, comparison.slug, showRef: false),
                                    .text(" (" + context.verdictLabel(comparison.verdict) + ")")])
                    })
                    "."
                }
            }
        }
    }

    /// "Wachttijd telefoon: 96 s → 83 s (−13 s t.o.v. C3, p < 0,001): verbeterd."
    static func changeSentence(_ context: PageContext, _ comparison: MetricComparison) -> Node {
        let metric = comparison.metric
        let before: Double? = comparison.previous.flatMap { $0.suppressed ? nil : $0.summary.mean } ?? comparison.baseline
        return Node.group([
            context.recordLink(.metric, comparison.slug, showRef: false),
            .text(": " + (before.map { context.value($0, of: metric) + " → " } ?? "")
                  + (comparison.current.map { context.value($0.summary.mean, of: metric) } ?? "")
                  + " (" + (comparison.change.map { context.change($0, of: metric) } ?? "") + " "),
            context.comparedWith(comparison.comparedWith),
            .text(", " + context.noiseLabel(comparison.noise) + "): "),
            context.verdictBadge(comparison.verdict),
        ])
    }

    /// The items done in the cycle with what they were expected to move, and the items that were
    /// due in it but are not done.
    static func delivered(_ context: PageContext, _ report: CycleReport) -> Node {
        let cycle = report.cycle
        let start = cycle[.startDate].string ?? "0000-00-00"
        let end = cycle[.endDate].string ?? context.data.today.description
        let items = context.data.records(.item)
        let done = items.filter { item in
            guard item[.status].string == "done", let date = item[.doneDate].string else { return false }
            return date >= start && date <= end
        }
        let due = items.filter { item in
            guard let date = item[.dueDate].string, item[.status].string != "done", item[.status].string != "dropped" else { return false }
            return date >= start && date <= end
        }
        return context.section(context.t("Wat de roadmap opleverde", "What the roadmap delivered"), id: "roadmap") {
            el("p") {
                context.count(done.count, "roadmap-item is", "roadmap-items zijn", "roadmap item was", "roadmap items were")
                context.t(" in deze cyclus afgerond", " done in this cycle")
                due.isEmpty ? "." : context.t("; \(due.count) gepland voor deze cyclus is nog niet af: ",
                                              "; \(due.count) planned for this cycle is not done yet: ")
                Node.group(due.enumerated().map { index, item in
                    Node.group([index > 0 ? .text(", ") : .empty, context.recordLink(.item, item.ref, showRef: true)])
                })
                due.isEmpty ? "" : "."
            }
            CyclePages.effectTable(context, report)
        }
    }

    /// The assumptions whose verdict in this cycle differs from their verdict before it.
    static func assumptions(_ context: PageContext, _ report: CycleReport) -> Node {
        let cycle = report.cycle.ref
        let turned: [(AssumptionStatus, AssumptionCheck, AssumptionCheck)] = context.data.assumptions.compactMap { status in
            guard let index = status.history.firstIndex(where: { $0.cycle == cycle }) else { return nil }
            let now = status.history[index]
            guard now.verdict != .notTestable,
                  let before = status.history[..<index].last(where: { $0.verdict != .notTestable }),
                  before.verdict != now.verdict else { return nil }
            return (status, before, now)
        }
        let tested = context.data.assumptions.filter { status in
            status.history.contains { $0.cycle == cycle && $0.verdict != .notTestable }
        }.count
        return context.section(context.t("Aannames die kantelden", "Assumptions that turned"), id: "aannames") {
            el("p") {
                context.t("In \(cycle) zijn \(tested) van de \(context.data.assumptions.count) aannames getoetst; \(turned.count) kreeg een ander oordeel dan ervoor.",
                          "In \(cycle) \(tested) of the \(context.data.assumptions.count) assumptions were tested; \(turned.count) got another verdict than before.")
            }
            if !turned.isEmpty {
                el("ul", [.class("changes")]) {
                    turned.map { status, before, now in
                        el("li") {
                            context.recordLink(.assumption, status.record.ref, showRef: true)
                            ": "
                            StepPages.verdictBadge(before, context)
                            " → "
                            StepPages.verdictBadge(now, context)
                        }
                    }
                }
            }
        }
    }
}
