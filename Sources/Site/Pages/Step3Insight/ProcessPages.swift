import SixSteps

/// One page per journey that case types serve (proces-<slug>.html): the process behind the
/// journey as the case system recorded it — the steps as a lane under the journey's phases,
/// each step's days against its norm per cycle, the weakest link marked, and the trend of the
/// on-time share and the median lead time, every chart with its numbers in a table.
enum ProcessPages: PageFamily {
    static func file(_ journey: String) -> String { "proces-\(journey).html" }

    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        for process in context.data.processes.values.sorted(by: { $0.journey < $1.journey }) {
            try emit(page(process, context))
        }
    }

    static func page(_ process: JourneyProcess, _ context: PageContext) -> Page {
        Page(file: file(process.journey), title: context.t("Proces: ", "Process: ") + process.name, section: .insight,
             lead: context.t("Wat er met de aanvraag van een inwoner gebeurt, uit het zaaksysteem: hoe lang elke stap duurt tegen de norm, en welke stap de termijn het vaakst doet overschrijden.",
                             "What happens to a resident's case, from the case system: how long each step takes against its norm, and which step most often makes cases overrun their term.")) {
            el("p") {
                link(context.href(.journey, process.journey)) { context.t("Terug naar de klantreis", "Back to the journey") }
            }
            process.types.map { type in typeSection(type, process, context) }
            howToRead(process, context)
        }
    }

    static func typeSection(_ type: CaseTypeProcess, _ process: JourneyProcess, _ context: PageContext) -> Node {
        let measured = type.cycles.filter { $0.cases > 0 }
        let anchor = anchorID(type.type.ref)
        return context.section(context.t("Zaaktype ", "Case type ") + type.type.name, id: anchor) {
            context.facts([
                (context.t("Termijn van de hele zaak", "Term of the whole case"), .text(context.language.caseTerm(type.type.term))),
                (context.t("Zaken", "Cases"), .text(String(type.type.cases))),
                (context.t("Buiten de cycli", "Outside the cycles"), type.outsideCycles > 0 ? .text(String(type.outsideCycles)) : nil),
            ])
            if let latest = measured.last {
                el("p", [.class("process-summary")]) { summary(latest, previous: measured.dropLast().last, context) }
                lane(type, measured, process, context)
                trend(type, measured, process, context)
                casesTable(measured, process, context)
                measured.map { cycle in stepsTable(cycle, process, context) }
                changesTable(type.changes, process, context)
                contactsTable(measured, context)
            } else {
                el("p", [.class("none")]) {
                    context.t("Er zijn nog geen zaken van dit type die in een cyclus beginnen.", "No case of this type starts in a cycle yet.")
                }
            }
        }
    }

    static func unit(_ process: JourneyProcess, _ context: PageContext) -> String {
        context.language.dayUnit(working: process.workingDays)
    }

    /// The latest cycle in words, every figure from the table below it.
    static func summary(_ cycle: CycleProcess, previous: CycleProcess?, _ context: PageContext) -> String {
        var text = context.t("In \(cycle.cycleName) begonnen \(cycle.cases) zaken; \(cycle.decided) zijn besloten.",
                             "In \(cycle.cycleName) \(cycle.cases) cases started; \(cycle.decided) have been decided.")
        if let share = cycle.onTimeShare {
            text += " " + context.t("\(context.number(share, decimals: 0))% van de \(cycle.judged) zaken waarvan de uitkomst bekend is, werd binnen de termijn besloten.",
                                    "\(context.number(share, decimals: 0))% of the \(cycle.judged) cases whose outcome is known were decided within their term.")
        }
        if let weakest = cycle.weakest {
            let late = cycle.judged - cycle.onTime
            text += " " + context.t("Bij de \(late) zaken over de termijn komen de meeste dagen boven de norm uit de stap ‘\(weakest.step.status)’ (\(weakest.step.department ?? "geen afdeling"), \(context.number(weakest.overrunShare, decimals: 0))%): de zwakste schakel.",
                                    "In the \(late) cases past their term, most days beyond the norm come from the step ‘\(weakest.step.status)’ (\(weakest.step.department ?? "no department"), \(context.number(weakest.overrunShare, decimals: 0))%): the weakest link.")
        } else if cycle.judged > 0 {
            text += " " + context.t("Geen zaak ging over de termijn, dus er is geen zwakste schakel.", "No case went past its term, so there is no weakest link.")
        }
        if let previous, let before = previous.weakest, before.step.status != cycle.weakestLink {
            text += " " + context.t("In \(previous.cycleName) was dat nog ‘\(before.step.status)’ (\(before.step.department ?? "geen afdeling")).",
                                    "In \(previous.cycleName) it was ‘\(before.step.status)’ (\(before.step.department ?? "no department")).")
        }
        return text
    }

    /// The steps as a lane under the journey's phases: each step a card with its phase, its
    /// department and a small chart of its median days per cycle against its norm.
    static func lane(_ type: CaseTypeProcess, _ cycles: [CycleProcess], _ process: JourneyProcess, _ context: PageContext) -> Node {
        let phaseNames = Dictionary(process.phases.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        let steps = cycles.last?.steps ?? []
        let top = cycles.flatMap { $0.steps.compactMap { $0.spread?.median } + $0.steps.compactMap(\.step.norm) }.max() ?? 1
        let latest = cycles.last
        return el("div", [.class("process-lane-block")]) {
            el("h3") { context.t("De stappen, fase voor fase", "The steps, phase by phase") }
            el("p", [.class("map-key")]) {
                context.t("Per stap de mediane doorlooptijd per cyclus in \(unit(process, context)); de streeplijn is de norm. Rood en met ‘zwakst’: de stap die in die cyclus de meeste dagen boven de norm gaf bij zaken over de termijn.",
                          "Per step its median number of \(unit(process, context)) per cycle; the dashed line is the norm. Red and marked ‘weakest’: the step that gave the most days beyond the norm in the cases past their term in that cycle.")
            }
            el("ol", [.class("process-lane")]) {
                steps.map { figures in
                    let weakestIn = cycles.filter { $0.weakestLink == figures.step.status }.map(\.cycle)
                    let isLatestWeakest = latest?.weakestLink == figures.step.status
                    return el("li", [.class(isLatestWeakest ? "process-step weakest" : "process-step")]) {
                        el("p", [.class("step-phase")]) {
                            figures.step.phase.flatMap { phaseNames[$0] } ?? context.t("Zonder fase", "No phase")
                        }
                        el("h4") { "\(figures.step.position). \(figures.step.status)" }
                        el("p", [.class("step-department")]) { figures.step.department ?? context.t("Geen afdeling", "No department") }
                        if figures.step.stopsClock {
                            context.badge(context.t("Termijn staat stil", "Term suspended"), tone: "neutral")
                        }
                        if !weakestIn.isEmpty {
                            context.badge(context.t("Zwakste schakel in ", "Weakest link in ") + weakestIn.joined(separator: ", "), tone: "late")
                        }
                        stepChart(figures.step, cycles, top: top, chartID: "\(anchorID(type.type.ref))-stap-\(figures.step.position)", process, context)
                    }
                }
            }
        }
    }

    /// A case type's ref as the letters and digits of an HTML id: refs are the case system's, any text.
    static func anchorID(_ ref: String) -> String {
        "zaaktype-" + String(ref.lowercased().unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "-" })
    }

    static func stepChart(_ step: CaseStep, _ cycles: [CycleProcess], top: Double, chartID id: String, _ process: JourneyProcess,
                          _ context: PageContext) -> Node {
        let width = 220.0, row = 24.0, left = 26.0, barRoom = 104.0
        let height = Double(cycles.count) * row + 26
        let scale = barRoom / max(top, 1)
        let rows = cycles.map { cycle in (cycle, cycle.steps.first { $0.step.status == step.status }) }
        let description = rows.map { cycle, figures in
            "\(cycle.cycle): " + (figures?.spread.map { context.t("mediaan ", "median ") + context.number($0.median) } ?? context.t("geen zaken", "no cases"))
                + (cycle.weakestLink == step.status ? context.t(", zwakste schakel", ", weakest link") : "")
        }.joined(separator: "; ") + (step.norm.map { "; " + context.t("norm ", "norm ") + context.number($0) } ?? "")
        return SVG.canvas(id: id, width: width, height: height, title: context.t("Doorlooptijd van ", "Days in ") + step.status,
                          description: description) {
            rows.enumerated().map { index, pair in
                let (cycle, figures) = pair
                let y = 8 + Double(index) * row
                let weakest = cycle.weakestLink == step.status
                let median = figures?.spread?.median
                return Node.group([
                    SVG.text(cycle.cycle, x: 0, y: y + 14),
                    SVG.rect(x: left, y: y, width: (median ?? 0) * scale, height: 17, classes: weakest ? "bar bad" : "bar alt6"),
                    SVG.text((median.map { context.number($0) } ?? "–") + (weakest ? " · " + context.t("zwakst", "weakest") : ""),
                             x: left + barRoom + 6, y: y + 13),
                ])
            }
            if let norm = step.norm {
                SVG.line(x1: left + norm * scale, y1: 4, x2: left + norm * scale, y2: height - 20, classes: "target")
                SVG.text(context.t("norm ", "norm ") + context.number(norm), x: left + norm * scale, y: height - 6, anchor: "middle",
                         classes: "label target-label")
            }
        }
    }

    /// On-time share and median lead time over the cycles, with the items done in each cycle
    /// that were expected to move them.
    static func trend(_ type: CaseTypeProcess, _ cycles: [CycleProcess], _ process: JourneyProcess, _ context: PageContext) -> Node {
        let data = context.data
        let caseMetrics = Set(data.records(.metric).filter {
            $0[.journey].string == process.journey && ($0.metricKind == .onTime || $0.metricKind == .leadTime)
        }.map(\.ref))
        var markers: [Int: String] = [:]
        for (index, cycle) in cycles.enumerated() {
            guard let record = data.record(.cycle, cycle.cycle), let start = record[.startDate].string else { continue }
            let end = record[.endDate].string ?? "9999-12-31"
            let done = data.records(.item).filter { item in
                guard item[.status].string == "done", let date = item[.doneDate].string, date >= start, date <= end else { return false }
                return data.targets(.itemMetric, from: item.ref).contains { caseMetrics.contains($0) }
            }.map(\.ref)
            if !done.isEmpty { markers[index] = done.joined(separator: ", ") }
        }
        let labels = cycles.map(\.cycle)
        let shares: [Double?] = cycles.map(\.onTimeShare)
        let medians: [Double?] = cycles.map { $0.lead?.median }
        let shareText: String = cycles.map { cycle -> String in
            "\(cycle.cycle): " + (cycle.onTimeShare.map { context.number($0, decimals: 0) + "%" } ?? "–")
        }.joined(separator: "; ")
        let medianText: String = cycles.map { cycle -> String in
            "\(cycle.cycle): " + (cycle.lead.map { context.number($0.median) } ?? "–")
        }.joined(separator: "; ")
        let id = anchorID(type.type.ref)
        let onTimeChart: Node = context.lineChart(
            id: id + "-op-tijd",
            caption: context.t("Binnen de termijn besloten (%), per cyclus waarin de zaken begonnen", "Decided within the term (%), per cycle the cases started in"),
            description: shareText, labels: labels, values: shares, target: nil, range: 0...100, markers: markers)
        let leadChart: Node = context.lineChart(
            id: id + "-doorlooptijd",
            caption: context.t("Mediane doorlooptijd (\(unit(process, context))), per cyclus", "Median lead time (\(unit(process, context))), per cycle"),
            description: medianText, labels: labels, values: medians, target: nil, range: nil, markers: markers)
        return el("div", [.class("process-trend")]) {
            el("h3") { context.t("Het verloop over de cycli", "The trend across cycles") }
            onTimeChart
            leadChart
        }
    }
}
