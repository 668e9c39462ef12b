import SixSteps

/// The first page: the six steps and their state, the current cycle, the metrics against their
/// target and what needs attention. It prints as a one-page management report.
enum DashboardPage: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        let data = context.data
        let name = data.theme.name ?? data.municipality
        try emit(Page(file: "index.html",
                      title: context.t("Stand van de dienstverlening", "State of the service") + (name.isEmpty ? "" : " – \(name)"),
                      section: .dashboard,
                      lead: data.vision.map { firstSentence($0.text) }) {
            steps(context)
            currentCycle(context)
            metrics(context)
            context.section(context.t("Wat vraagt aandacht", "What needs attention"), id: "aandacht") {
                context.attention(data.status.attention)
            }
        })
    }

    static func firstSentence(_ text: String) -> String {
        guard let end = text.firstIndex(where: { $0 == "." || $0 == "\n" }) else { return text }
        return String(text[...end]).trimmingCharacters(in: [" ", "\n"])
    }

    static func steps(_ context: PageContext) -> Node {
        let data = context.data
        let items = data.roadmap.filter { $0.status != "dropped" }.count
        let c = context.count
        let counts: [Int: String] = [
            1: c(data.records(.principle).count, "principe", "principes", "principle", "principles") + ", "
                + c(data.records(.goal).count, "doel", "doelen", "goal", "goals"),
            2: c(data.records(.insight).count, "inzicht", "inzichten", "insight", "insights") + ", "
                + c(data.records(.metric).count, "meeteenheid", "meeteenheden", "metric", "metrics"),
            3: c(data.records(.journey).count, "klantreis", "klantreizen", "journey", "journeys") + ", "
                + c(data.records(.finding).count, "bevinding", "bevindingen", "finding", "findings"),
            4: c(data.records(.opportunity).count, "verbeterkans", "verbeterkansen", "opportunity", "opportunities") + ", "
                + c(data.records(.spearhead).count, "speerpunt", "speerpunten", "spearhead", "spearheads"),
            5: c(items, "roadmap-item", "roadmap-items", "roadmap item", "roadmap items") + ", "
                + c(data.records(.agreement).count, "werkafspraak", "werkafspraken", "agreement", "agreements"),
            6: c(data.cycles.count, "cyclus", "cycli", "cycle", "cycles") + ", "
                + c(data.records(.measurement).count, "meting", "metingen", "measurement", "measurements"),
        ]
        return context.section(context.t("De zes stappen", "The six steps"), id: "stappen") {
            el("ol", [.class("cards")]) {
                data.status.steps.map { step in
                    let state = step.state.rawValue
                    let label: String
                    switch step.state {
                    case .complete: label = context.t("op orde", "in place")
                    case .started: label = context.t("begonnen", "started")
                    case .empty: label = context.t("nog niet begonnen", "not started")
                    }
                    return el("li", [.class("card \(state)")]) {
                        el("h3") {
                            link(Section(step.step).file) { context.stepTitle(step.step) }
                        }
                        el("p") { context.badge(label, tone: state) }
                        el("p") { counts[step.number] ?? "" }
                    }
                }
            }
        }
    }

    static func currentCycle(_ context: PageContext) -> Node {
        let report = context.data.reports.last { $0.cycle[.status].string == "open" } ?? context.data.reports.last
        return context.section(context.t("Verbetercyclus", "Improvement cycle"), id: "cyclus") {
            if let report {
                let cycle = report.cycle
                let open = cycle[.status].string == "open"
                el("p") {
                    context.recordLink(.cycle, cycle.ref)
                    " – "
                    open ? context.t("loopt", "running") : context.t("afgesloten", "closed")
                    cycle[.startDate].string.map { context.t(", van ", ", from ") + context.date($0) } ?? ""
                    cycle[.endDate].string.map { context.t(" tot ", " to ") + context.date($0) } ?? ""
                    "."
                }
                let measured = report.comparisons.filter { $0.current != nil }.count
                el("p") {
                    context.t("\(measured) van de \(report.comparisons.count) meeteenheden zijn in deze cyclus gemeten. Het oordeel per meeteenheid, ",
                              "\(measured) of the \(report.comparisons.count) metrics were measured in this cycle. The verdict per metric, ")
                    context.t("vergeleken met de meting ervoor of de nulmeting (zie ", "compared with the measurement before it or the baseline (see ")
                    link(context.href(.cycle, cycle.ref) + "#voor-en-na") { context.t("het cyclusrapport", "the cycle report") }
                    "):"
                }
                context.verdictCounts(report)
                el("p", [.class("print-hide")]) {
                    link(ReportPages.file(cycle.ref)) {
                        context.t("Het managementrapport van \(cycle.ref), om te printen", "The management report of \(cycle.ref), to print")
                    }
                }
            } else {
                el("p", [.class("none")]) {
                    context.t("Er is nog geen verbetercyclus. Een cyclus begint met een meting.",
                              "There is no improvement cycle yet. A cycle starts with a measurement.")
                }
            }
        }
    }

    /// Each metric's latest known value with its cycle, even when the latest cycle did not measure
    /// it; the verdict of that measurement with what it compares with; the progress toward the
    /// target in a column of its own.
    static func metrics(_ context: PageContext) -> Node {
        let data = context.data
        let rows: [[Node]] = data.records(.metric).map { metric in
            let latest = data.latest(metric.ref)
            return [
                context.recordLink(.metric, metric.ref),
                .text(metric[.baseline].double.map { context.value($0, of: metric) } ?? "–"),
                latest.map { MetricText.measuredCell($0.current, metric, context, withCycle: true) } ?? .text(context.t("nog niet gemeten", "not measured yet")),
                MetricText.target(metric, context),
                MetricText.progress(latest?.progress, context),
                latest.map { context.verdictCell($0) } ?? context.verdictBadge(.notMeasured),
            ]
        }
        return context.section(context.t("Meeteenheden tegen hun doel", "Metrics against their target"), id: "meeteenheden") {
            el("p") {
                context.t("Per meeteenheid de laatste meting, met de cyclus waarin die is gedaan. De voortgang is het deel van de weg van nulmeting naar doel dat is afgelegd. Het oordeel vergelijkt de laatste meting met de meting ervoor, of met de nulmeting als er geen meting ervoor is: verbeterd of verslechterd staat er alleen als het verschil groter is dan toeval.",
                          "For each metric the latest measurement, with the cycle it was taken in. Progress is the share of the way from baseline to target covered. The verdict compares the latest measurement with the one before it, or with the baseline when there is none: improved or worse is said only when the difference is larger than chance.")
            }
            context.table(caption: context.t("Meeteenheden: laatste meting, doel en oordeel", "Metrics: latest measurement, target and verdict"),
                          headers: [context.t("Meeteenheid", "Metric"), context.t("Nulmeting", "Baseline"), context.t("Laatste meting", "Latest measurement"),
                                    context.t("Doel", "Target"), context.t("Voortgang naar doel", "Progress to target"),
                                    context.t("Oordeel", "Verdict")],
                          numeric: [1, 2, 3], rows: rows)
        }
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
