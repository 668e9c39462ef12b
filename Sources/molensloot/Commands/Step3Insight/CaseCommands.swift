import SixSteps

/// Cases from the case system (zaaksysteem): imported, mapped onto the journeys, and the process
/// of a journey with its weakest link.
enum CaseCommands {
    static let command = Command(
        name: "case",
        abstract: t("Zaken uit het zaaksysteem: zaken en statussen inlezen, zaaktypen aan klantreizen koppelen, het proces van een klantreis tonen.", "Cases from the case system: import cases and their statuses, map case types onto journeys, show a journey's process."),
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
        if types.isEmpty { output.line("no case types yet; import cases with 'molensloot case import FILE'") }
        for type in types {
            output.line("\(type.ref): \(type.name) — \(type.cases) cases, term \(type.term ?? "none") → "
                        + (type.journey.map { "journey \($0)" } ?? "no journey yet ('molensloot case type \(type.ref) --journey SLUG')"))
            for step in type.steps {
                var parts = ["\(step.position). \(step.status)"]
                parts.append(step.department ?? "no department")
                parts.append(step.phase.map { "phase \($0)" } ?? "no phase")
                if let norm = step.norm { parts.append("norm \(formatNumber(norm)) " + (step.normWorking ? "working days" : "days")) }
                if step.stopsClock { parts.append("stops the clock") }
                output.line("  " + parts.joined(separator: ", "))
            }
        }
        output.flush()
    }
}
