import SixSteps

/// Cases from the case system (zaaksysteem): imported, mapped onto the journeys, and the process
/// of a journey with its weakest link.
enum CaseCommands {
    static let command = Command(
        name: "case",
        abstract: t("zaken uit het zaaksysteem: inlezen, zaaktypen aan klantreizen koppelen, het proces van een klantreis tonen.", "Cases from the case system: import cases and their statuses, map case types onto journeys, show a journey's process."),
        subcommands: [CaseImportCommand.command, list, CaseTypeCommand.command, CaseStepCommand.command, ProcessCommand.command])

    static let list = Command(
        name: "list",
        abstract: t("De zaaktypen met hun termijn, klantreis, aantal zaken en stappen (fase, afdeling, norm).", "The case types with their term, journey, number of cases and steps (phase, department, norm)."),
        options: [.json]
    ) { invocation in
        let types = try invocation.openRoadmap().caseTypes()
        if invocation.json {
            Output.json(.array(types.map { .object($0.json) }))
            return
        }
        var output = Output()
        if types.isEmpty { output.line(t("nog geen zaaktypen; lees zaken in met 'molensloot case import BESTAND'", "no case types yet; import cases with 'molensloot case import FILE'")) }
        for type in types {
            output.line("\(type.ref): \(type.name) — " + t("\(type.cases) zaken, termijn", "\(type.cases) cases, term") + " \(language.caseTerm(type.term)) → "
                        + (type.journey.map { t("klantreis", "journey") + " \($0)" }
                           ?? t("nog geen klantreis ('molensloot case type \(type.ref) --journey SLUG')", "no journey yet ('molensloot case type \(type.ref) --journey SLUG')")))
            for step in type.steps { output.line("  " + stepWords(step)) }
        }
        output.flush()
    }

    /// "3. Advies aangevraagd, Welstand, fase uitvoering, norm 14 dagen": a step as mapped.
    static func stepWords(_ step: CaseStep) -> String {
        var parts = ["\(step.position). \(step.status)"]
        parts.append(step.department ?? t("geen afdeling", "no department"))
        parts.append(step.phase.map { t("fase", "phase") + " \($0)" } ?? t("geen fase", "no phase"))
        parts.append(step.norm.map { "norm \(localNumber($0)) " + language.dayUnit(working: step.normWorking) } ?? t("geen norm", "no norm"))
        parts.append(step.stopsClock ? t("de termijn staat stil", "stops the clock") : t("de termijn loopt", "the clock runs"))
        return parts.joined(separator: ", ")
    }
}
