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
        let counts: [Int: String] = [
            1: context.t("\(data.records(.principle).count) principes, \(data.records(.goal).count) doelen",
                         "\(data.records(.principle).count) principles, \(data.records(.goal).count) goals"),
            2: context.t("\(data.records(.insight).count) inzichten, \(data.records(.metric).count) meeteenheden",
                         "\(data.records(.insight).count) insights, \(data.records(.metric).count) metrics"),
            3: context.t("\(data.records(.journey).count) klantreizen, \(data.records(.finding).count) bevindingen",
                         "\(data.records(.journey).count) journeys, \(data.records(.finding).count) findings"),
            4: context.t("\(data.records(.opportunity).count) verbeterkansen, \(data.records(.spearhead).count) speerpunten",
                         "\(data.records(.opportunity).count) opportunities, \(data.records(.spearhead).count) spearheads"),
            5: context.t("\(data.roadmap.filter { $0.status != "dropped" }.count) roadmap-items, \(data.records(.agreement).count) werkafspraken",
                         "\(data.roadmap.filter { $0.status != "dropped" }.count) roadmap items, \(data.records(.agreement).count) agreements"),
            6: context.t("\(data.cycles.count) cycli, \(data.records(.measurement).count) metingen",
                         "\(data.cycles.count) cycles, \(data.records(.measurement).count) measurements"),
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
            guard let progress = latest?.comparisons.first(where: { $0.slug == metric.ref })?.progress else { return nil }
            return (metric.title, max(0, min(progress, 1.5)) * 100, progress >= 1 ? "good" : "")
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
