import SixSteps

/// `case process`: a journey's process from the case system, per cycle: lead times, the share
/// decided on time, each step against its norm and the weakest link.
enum ProcessCommand {
    static let command = Command(
        name: "process",
        abstract: t("Toon het proces van een klantreis per cyclus: doorlooptijden (mediaan, P80, P90), deel op tijd, elke stap tegen de norm, de zwakste schakel.", "Show a journey's process per cycle: lead times (median, P80, P90), on-time share, each step against its norm, the weakest link."),
        arguments: [.init(name: "journey", help: t("de slug van de klantreis", "the journey's slug"))],
        options: [.flag("working-days", t("tel doorlooptijden, termijnen en verlengingen in werkdagen (een week is vijf)", "count lead times, terms and extensions in working days (a week is five)")), .json],
        examples: ["molensloot case process omgevingsvergunning", "molensloot case process omgevingsvergunning --working-days --json"]
    ) { invocation in
        let process = try invocation.openRoadmap().journeyProcess(invocation.argument(0) ?? "", workingDays: invocation.flag("working-days"))
        if invocation.json {
            Output.json(.object(process.json))
            return
        }
        var output = Output()
        let unit = process.workingDays ? "working days" : "days"
        output.line("\(process.name) (\(process.journey)): lead times in \(unit)"
                    + (process.asOf.map { ", open cases as of \($0), the last day the case system recorded" } ?? ""))
        if process.types.isEmpty {
            output.line("  no case type serves this journey; link one with 'molensloot case type ZAAKTYPE --journey \(process.journey)'")
        }
        for type in process.types {
            output.line("")
            output.line("\(type.type.ref) — \(type.type.name), term \(type.type.term ?? "none")"
                        + (type.outsideCycles > 0 ? "; \(type.outsideCycles) cases start outside every cycle" : ""))
            for cycle in type.cycles where cycle.cases > 0 {
                output.line("")
                output.line("\(cycle.cycle) \(cycle.cycleName): \(cycle.cases) cases, \(cycle.decided) decided, \(cycle.open) open"
                            + (cycle.openOverdue > 0 ? " (\(cycle.openOverdue) past their term)" : "")
                            + ", \(cycle.suspendedNow) suspended, \(cycle.extended) extended, \(cycle.reopened) reopened")
                if let lead = cycle.lead {
                    output.line("  lead time: median \(formatNumber(lead.median, decimals: 1)), P80 \(formatNumber(lead.p80, decimals: 1)), "
                                + "P90 \(formatNumber(lead.p90, decimals: 1)) \(unit) (\(lead.n) decided)")
                }
                if let share = cycle.onTimeShare {
                    output.line("  on time: \(formatNumber(share, decimals: 0))% (\(cycle.onTime) of \(cycle.judged) whose outcome is known)")
                }
                if let weakest = cycle.weakest {
                    output.line("  weakest link: \(weakest.step.status) (\(weakest.step.department ?? "no department")), "
                                + "\(formatNumber(weakest.overrunShare, decimals: 0))% of the days beyond the steps' norms in the cases past their term")
                }
                var table = TextTable([.init(title: "step", flexible: true), .init(title: "department", flexible: true),
                                       .init(title: "n", alignRight: true), .init(title: "median", alignRight: true),
                                       .init(title: "P90", alignRight: true), .init(title: "norm", alignRight: true),
                                       .init(title: "over norm", alignRight: true), .init(title: "overrun", alignRight: true)])
                for figures in cycle.steps {
                    let marker = figures.step.status == cycle.weakestLink ? " ◀" : ""
                    table.add([
                        "\(figures.step.position). \(figures.step.status)" + marker + (figures.step.stopsClock ? " (paused)" : ""),
                        figures.step.department ?? "–", "\(figures.spread?.n ?? 0)",
                        figures.spread.map { formatNumber($0.median, decimals: 1) } ?? "–",
                        figures.spread.map { formatNumber($0.p90, decimals: 1) } ?? "–",
                        figures.step.norm.map { formatNumber($0) + (figures.step.normWorking ? " wd" : "") } ?? "–",
                        figures.overNormShare.map { formatNumber($0, decimals: 0) + "%" } ?? "–",
                        figures.overrunDays > 0 ? formatNumber(figures.overrunShare, decimals: 0) + "%" : "–",
                    ])
                }
                for line in table.render() { output.line("  " + line) }
                if let contacts = cycle.contacts {
                    output.line("  contacts per case: \(formatNumber(contacts.lateMean, decimals: 2)) past the term (\(contacts.lateCases) cases) "
                                + "against \(formatNumber(contacts.onTimeMean, decimals: 2)) within it (\(contacts.onTimeCases) cases)"
                                + (contacts.p.map { ", " + noiseWords($0) } ?? ""))
                }
            }
            for change in type.changes {
                var parts: [String] = []
                if let delta = change.onTimeChange {
                    parts.append("on time \(formatNumber(delta, signed: true, decimals: 0)) percentage points (\(verdictWords(change.onTimeNoise)))")
                }
                if let delta = change.medianChange {
                    parts.append("median \(formatNumber(delta, signed: true, decimals: 1)) \(unit) (\(verdictWords(change.leadNoise)))")
                }
                if !parts.isEmpty { output.line("\(change.from) → \(change.to): " + parts.joined(separator: "; ")) }
            }
        }
        output.flush()
    }

    static func noiseWords(_ p: Double) -> String {
        (p < 0.05 ? "beyond noise" : "within noise") + ", " + pValueText(p, decimalComma: false)
    }

    static func verdictWords(_ verdict: NoiseVerdict) -> String {
        switch verdict {
        case .significant(let p), .withinNoise(let p): return noiseWords(p)
        case .unknown: return "no test possible"
        }
    }
}
