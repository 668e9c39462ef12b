import SixSteps

/// `case type` and `case step`: how the case system's types and statuses map onto the method.
enum CaseTypeCommand {
    static let command = Command(
        name: "type",
        abstract: t("Koppel een zaaktype aan de klantreis die het dient, en stel de termijn (de doorlooptijd) in.", "Link a case type (zaaktype) to the journey it serves, and set its term (doorlooptijd)."),
        arguments: [.init(name: "case-type", help: t("de identificatie of naam van het zaaktype", "the case type's identification or name"))],
        options: [.init(name: "journey", value: "slug", help: t("de klantreis die het zaaktype dient (\"\" ontkoppelt)", "the journey the case type serves (\"\" unlinks it)")),
                  .init(name: "term", value: "duration", help: t("de termijn van de hele zaak: ISO 8601 (P8W, P56D) of een aantal dagen", "the term of the whole case: ISO 8601 (P8W, P56D) or a number of days"))],
        examples: ["molensloot case type ZT-OMV --journey omgevingsvergunning",
                   "molensloot case type \"Omgevingsvergunning regulier\" --term P8W"]
    ) { invocation in
        let journey: String?? = invocation.value("journey").map { text -> String? in text.isEmpty ? nil : text }
        guard journey != nil || invocation.value("term") != nil else {
            throw UsageError(description: t("zeg wat er verandert: --journey SLUG of --term DUUR; zie 'molensloot case type --help'",
                                                "say what to change: --journey SLUG or --term DURATION; see 'molensloot case type --help'"))
        }
        let type = try invocation.openRoadmap().setCaseType(invocation.argument(0) ?? "", journey: journey, term: invocation.value("term"))
        Output.print(t("zaaktype", "case type") + " \(type.ref): " + t("termijn", "term") + " \(language.caseTerm(type.term)), "
                     + (type.journey.map { t("klantreis", "journey") + " \($0)" } ?? t("geen klantreis", "no journey")))
    }
}

enum CaseStepCommand {
    static let command = Command(
        name: "step",
        abstract: t("Plaats een status van een zaaktype in de klantreis: de fase, de afdeling, de norm en of de termijn stilstaat.", "Map a status of a case type onto the journey: its phase, its department, its norm, and whether it stops the clock."),
        arguments: [.init(name: "case-type", help: t("de identificatie of naam van het zaaktype", "the case type's identification or name")),
                    .init(name: "status", help: t("de naam (omschrijving) van het statustype", "the status type's name (omschrijving)"))],
        options: [.init(name: "phase", value: "slug", help: t("de fase van de klantreis waar de stap bij hoort (\"\" wist)", "the journey phase the step belongs to (\"\" clears it)")),
                  .init(name: "department", value: "name", help: t("de afdeling die de stap uitvoert (\"\" wist)", "the department that owns the step (\"\" clears it)")),
                  .init(name: "norm", value: "days", help: t("de norm van de stap in dagen (\"\" wist)", "the step's norm in days (\"\" clears it)")),
                  .flag("working-days", t("de norm telt werkdagen", "the norm counts working days")),
                  .flag("calendar-days", t("de norm telt kalenderdagen (standaard)", "the norm counts calendar days (the default)")),
                  .init(name: "stops-clock", value: "yes|no", help: t("de termijn staat stil in deze stap (opschorting)", "the term is suspended in this step (opschorting)"))],
        examples: ["molensloot case step ZT-OMV \"Advies aangevraagd\" --phase uitvoering --department \"Welstand en omgevingsdienst\" --norm 14",
                   "molensloot case step ZT-OMV \"Aanvulling gevraagd\" --stops-clock yes"]
    ) { invocation in
        var change = StepChange()
        change.phase = invocation.value("phase").map { text -> String? in text.isEmpty ? nil : text }
        change.department = invocation.value("department").map { text -> String? in text.isEmpty ? nil : text }
        if let text = invocation.value("norm") {
            if text.isEmpty {
                change.norm = Double??.some(nil)
            } else {
                guard let days = parseDecimal(text), days >= 0, days <= 3_650 else {
                    throw UsageError(description: t("--norm '\(text)' kan niet: verwacht een aantal dagen van 0 tot en met 3650",
                                                "--norm '\(text)' is not valid: expected a number of days from 0 to 3650"))
                }
                change.norm = .some(days)
            }
        }
        if invocation.flag("working-days") && invocation.flag("calendar-days") {
            throw UsageError(description: t("--working-days en --calendar-days sluiten elkaar uit; kies er een",
                                                "--working-days and --calendar-days exclude each other; choose one"))
        }
        if invocation.flag("working-days") { change.normWorking = true }
        if invocation.flag("calendar-days") { change.normWorking = false }
        if let text = invocation.value("stops-clock") {
            switch text.lowercased() {
            case "yes", "ja", "true": change.stopsClock = true
            case "no", "nee", "false": change.stopsClock = false
            default: throw UsageError(description: t("--stops-clock '\(text)' kan niet: verwacht ja of nee",
                                                "--stops-clock '\(text)' is not valid: expected yes or no"))
            }
        }
        guard change.phase != nil || change.department != nil || change.norm != nil || change.normWorking != nil || change.stopsClock != nil else {
            throw UsageError(description: t("zeg wat er verandert: --phase, --department, --norm of --stops-clock; zie 'molensloot case step --help'",
                                                "say what to change: --phase, --department, --norm or --stops-clock; see 'molensloot case step --help'"))
        }
        let step = try invocation.openRoadmap().setCaseStep(type: invocation.argument(0) ?? "", status: invocation.argument(1) ?? "", change: change)
        Output.print(t("stap ", "step ") + CaseCommands.stepWords(step))
    }
}
