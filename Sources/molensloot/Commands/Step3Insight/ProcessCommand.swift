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
        let unit = language.dayUnit(working: process.workingDays)
        output.line(t("\(process.name) (\(process.journey)): doorlooptijden in \(unit)", "\(process.name) (\(process.journey)): lead times in \(unit)")
                    + (process.asOf.map { t(", open zaken per \(localDate($0.description)), de laatste dag die het zaaksysteem vastlegde",
                                            ", open cases as of \(localDate($0.description)), the last day the case system recorded") } ?? ""))
        if process.types.isEmpty {
            output.line(t("  geen zaaktype dient deze klantreis; koppel er een met 'molensloot case type ZAAKTYPE --journey \(process.journey)'",
                          "  no case type serves this journey; link one with 'molensloot case type ZAAKTYPE --journey \(process.journey)'"))
        }
        for type in process.types {
            output.line("")
            output.line("\(type.type.ref) — \(type.type.name), " + t("termijn", "term") + " \(language.caseTerm(type.type.term))"
                        + (type.outsideCycles > 0 ? t("; \(type.outsideCycles) zaken beginnen buiten elke cyclus",
                                                      "; \(type.outsideCycles) cases start outside every cycle") : ""))
            for cycle in type.cycles where cycle.cases > 0 {
                output.line("")
                for line in cycleLines(cycle, unit: unit) { output.line(line) }
            }
            for change in type.changes {
                var parts: [String] = []
                if let delta = change.onTimeChange {
                    parts.append(t("op tijd", "on time") + " \(localNumber(delta, decimals: 0, signed: true)) "
                                 + t("procentpunt", "percentage points") + ": " + language.noiseLabel(change.onTimeNoise))
                }
                if let delta = change.medianChange {
                    parts.append(t("mediaan", "median") + " \(localNumber(delta, decimals: 1, signed: true)) \(unit): " + language.noiseLabel(change.leadNoise))
                }
                if !parts.isEmpty { output.line("\(change.from) → \(change.to): " + parts.joined(separator: "; ")) }
            }
        }
        output.flush()
    }

    /// One cycle of a case type: its counts, lead time, on-time share, weakest link and steps.
    static func cycleLines(_ cycle: CycleProcess, unit: String) -> [String] {
        var lines = [t("\(cycle.cycle) \(cycle.cycleName): \(cycle.cases) zaken, \(cycle.decided) besloten, \(cycle.open) open",
                       "\(cycle.cycle) \(cycle.cycleName): \(cycle.cases) cases, \(cycle.decided) decided, \(cycle.open) open")
                     + (cycle.openOverdue > 0 ? t(" (\(cycle.openOverdue) over de termijn)", " (\(cycle.openOverdue) past their term)") : "")
                     + t(", \(cycle.suspendedNow) opgeschort, \(cycle.extended) verlengd, \(cycle.reopened) heropend",
                         ", \(cycle.suspendedNow) suspended, \(cycle.extended) extended, \(cycle.reopened) reopened")]
        if let lead = cycle.lead {
            lines.append(t("  doorlooptijd", "  lead time") + ": " + t("mediaan", "median") + " \(localNumber(lead.median, decimals: 1)), "
                         + "P80 \(localNumber(lead.p80, decimals: 1)), P90 \(localNumber(lead.p90, decimals: 1)) \(unit) "
                         + t("(\(lead.n) besloten)", "(\(lead.n) decided)"))
        }
        if let share = cycle.onTimeShare {
            lines.append(t("  op tijd: \(localNumber(share, decimals: 0))% (\(cycle.onTime) van de \(cycle.judged) waarvan de uitkomst bekend is)",
                           "  on time: \(localNumber(share, decimals: 0))% (\(cycle.onTime) of \(cycle.judged) whose outcome is known)"))
        }
        if let weakest = cycle.weakest {
            let department = weakest.step.department ?? t("geen afdeling", "no department")
            let share = localNumber(weakest.overrunShare, decimals: 0)
            lines.append(t("  zwakste schakel: \(weakest.step.status) (\(department)), \(share)% van de dagen boven de normen van de stappen in de zaken over hun termijn",
                           "  weakest link: \(weakest.step.status) (\(department)), \(share)% of the days beyond the steps' norms in the cases past their term"))
        }
        // The marks have a column of their own, so a shortened step name never hides them.
        var table = TextTable([.init(title: ""), .init(title: t("stap", "step"), flexible: true), .init(title: t("afdeling", "department"), flexible: true),
                               .init(title: "n", alignRight: true), .init(title: t("mediaan", "median"), alignRight: true),
                               .init(title: "P90", alignRight: true), .init(title: "norm", alignRight: true),
                               .init(title: t("boven norm", "over norm"), alignRight: true), .init(title: t("overschrijding", "overrun"), alignRight: true)])
        for figures in cycle.steps {
            table.add([
                figures.step.status == cycle.weakestLink ? "▶" : (figures.step.stopsClock ? "‖" : ""),
                "\(figures.step.position). \(figures.step.status)",
                figures.step.department ?? "–", "\(figures.spread?.n ?? 0)",
                figures.spread.map { localNumber($0.median, decimals: 1) } ?? "–",
                figures.spread.map { localNumber($0.p90, decimals: 1) } ?? "–",
                figures.step.norm.map { localNumber($0) + (figures.step.normWorking ? t(" wd", " wd") : "") } ?? "–",
                figures.overNormShare.map { localNumber($0, decimals: 0) + "%" } ?? "–",
                figures.overrunDays > 0 ? localNumber(figures.overrunShare, decimals: 0) + "%" : "–",
            ])
        }
        lines += table.render().map { "  " + $0 }
        var legend: [String] = []
        if cycle.steps.contains(where: { $0.step.status == cycle.weakestLink }) { legend.append(t("▶ de zwakste schakel", "▶ the weakest link")) }
        if cycle.steps.contains(where: { $0.step.stopsClock }) { legend.append(t("‖ de termijn staat stil", "‖ the clock stops")) }
        if !legend.isEmpty { lines.append("  " + legend.joined(separator: "; ")) }
        if let contacts = cycle.contacts {
            let late = localNumber(contacts.lateMean, decimals: 2), onTime = localNumber(contacts.onTimeMean, decimals: 2)
            lines.append(t("  contacten per zaak: \(late) over de termijn (\(contacts.lateCases) zaken) tegen \(onTime) binnen de termijn (\(contacts.onTimeCases) zaken)",
                           "  contacts per case: \(late) past the term (\(contacts.lateCases) cases) against \(onTime) within it (\(contacts.onTimeCases) cases)")
                         + (contacts.p == nil ? "" : ", " + language.noiseLabel(contacts.noise)))
        }
        return lines
    }
}
