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
                            link(Section(rawValue: step.number)?.file ?? "index.html") {
                                context.t("Stap \(step.number): ", "Step \(step.number): ") + context.stepName(step.number)
                            }
                        }
                        el("p") { context.badge(label, tone: state) }
                        el("p") { counts[step.number] ?? "" }
                    }
                }
            }
        }
    }

    static func currentCycle(_ context: PageContext) -> Node {
        let report = context.data.reports.last { $0.cycle["status"].string == "open" } ?? context.data.reports.last
        return context.section(context.t("Verbetercyclus", "Improvement cycle"), id: "cyclus") {
            if let report {
                let cycle = report.cycle
                let open = cycle["status"].string == "open"
                el("p") {
                    context.recordLink(.cycle, cycle.ref)
                    " – "
                    open ? context.t("loopt", "running") : context.t("afgesloten", "closed")
                    cycle["start_date"].string.map { context.t(", van ", ", from ") + context.date($0) } ?? ""
                    cycle["end_date"].string.map { context.t(" tot ", " to ") + context.date($0) } ?? ""
                    "."
                }
                let measured = report.comparisons.filter { $0.current != nil }.count
                el("ul", [.class("figures")]) {
                    el("li") { el("strong") { "\(measured)" }; context.t("van \(report.comparisons.count) meeteenheden gemeten", "of \(report.comparisons.count) metrics measured") }
                    el("li") { el("strong") { "\(report.comparisons.filter { $0.verdict == .improved }.count)" }; context.t("verbeterd", "improved") }
                    el("li") { el("strong") { "\(report.comparisons.filter { $0.verdict == .worse }.count)" }; context.t("verslechterd", "worse") }
                    el("li") { el("strong") { "\(report.effects.count)" }; context.t("verwachte effecten van afgeronde items", "expected effects of items done") }
                }
            } else {
                el("p", [.class("none")]) {
                    context.t("Er is nog geen verbetercyclus. Een cyclus begint met een meting.",
                              "There is no improvement cycle yet. A cycle starts with a measurement.")
                }
            }
        }
    }

    static func metrics(_ context: PageContext) -> Node {
        let data = context.data
        let latest = data.reports.last
        let rows: [[Node]] = data.records(.metric).map { metric in
            let comparison = latest?.comparisons.first { $0.slug == metric.ref }
            let value = comparison?.current.flatMap { $0.suppressed ? nil : $0.summary.mean }
            return [
                context.recordLink(.metric, metric.ref),
                .text(metric["baseline"].double.map { context.number($0) } ?? "–"),
                .text(comparison?.current?.suppressed == true ? context.t("afgeschermd", "suppressed") : value.map { context.number($0, decimals: 2) } ?? "–"),
                .text(metric["target"].double.map { context.number($0) } ?? "–"),
                .text(comparison?.progress.map { context.language.percent($0) } ?? "–"),
                comparison.map { context.verdictBadge($0.verdict) } ?? .text("–"),
            ]
        }
        let bars = data.records(.metric).compactMap { metric -> (label: String, value: Double, tone: String)? in
            guard let comparison = latest?.comparisons.first(where: { $0.slug == metric.ref }),
                  let progress = comparison.progress else { return nil }
            // The words in the table say the same; the colour only repeats them.
            let tone = comparison.verdict == .worse ? "bad" : progress >= 1 ? "good" : ""
            return (metric.title, max(0, progress) * 100, tone)
        }
        return context.section(context.t("Meeteenheden tegen hun doel", "Metrics against their target"), id: "meeteenheden") {
            if !bars.isEmpty {
                context.barChart(id: "voortgang", caption: context.t("Voortgang van nulmeting naar doel, in procenten",
                                                                      "Progress from baseline to target, in percent"),
                                 description: context.t("Per meeteenheid het deel van de weg van nulmeting naar doel dat is afgelegd.",
                                                        "For each metric, the share of the way from baseline to target covered."),
                                 unit: "%", bars: bars, maximum: 100)
            }
            context.table(caption: context.t("Meeteenheden in de laatste cyclus", "Metrics in the latest cycle"),
                          headers: [context.t("Meeteenheid", "Metric"), context.t("Nulmeting", "Baseline"), context.t("Nu", "Now"),
                                    context.t("Doel", "Target"), context.t("Voortgang", "Progress"), context.t("Oordeel", "Verdict")],
                          numeric: [1, 2, 3, 4], rows: rows)
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
