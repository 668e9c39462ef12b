import SixSteps

/// Customer journeys and their phases.
enum JourneyCommands {
    static let command: Command = {
        var group = RecordCommands.group(.journey, t("klantreizen en hun fasen.", "customer journeys (klantreizen) and their phases."), extra: [phase])
        group.subcommands[0] = add
        return group
    }()

    /// Like every add, plus the phases: the method's five unless others are given.
    static let add: Command = {
        var command = RecordCommands.add(.journey)
        command.options.insert(.init(name: "phases", value: t("slug:Naam,...", "slug:Name,..."),
                                     help: t("andere fasen dan oriëntatie, contact, uitvoering, afronding, evaluatie",
                                             "other phases than oriëntatie, contact, uitvoering, afronding, evaluatie")), at: 0)
        command.examples = ["molensloot journey add mor \"Melding openbare ruimte\"",
                            "molensloot journey add vergunning \"Omgevingsvergunning\" --phases idee:Idee,aanvraag:Aanvraag,besluit:Besluit"]
        command.run = { invocation in
            var input = RecordCommands.fieldInput(.journey, invocation)
            if let name = invocation.argument(1) { input[.name] = name }
            let phases = try invocation.value("phases").map(parsePhases)
            let roadmap = try invocation.openRoadmap()
            let record = try roadmap.addJourney(slug: invocation.argument(0) ?? "", input: input, phases: phases)
            RecordCommands.printAdded(record, invocation)
        }
        return command
    }()

    static func parsePhases(_ text: String) throws -> [(slug: String, name: String)] {
        let phases = text.split(separator: ",").map { part -> (slug: String, name: String) in
            let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
            return (pieces[0].lowercased(), pieces.count > 1 ? pieces[1] : pieces[0])
        }
        guard !phases.isEmpty else {
            throw UsageError(description: t("--phases heeft minstens één fase nodig, zoals idee:Idee,aanvraag:Aanvraag",
                                            "--phases needs at least one phase, like idee:Idee,aanvraag:Aanvraag"))
        }
        return phases
    }

    static let journeyArgument = Command.Argument(name: t("klantreis", "journey"), help: t("de slug van de klantreis", "the journey's slug"))
    static let phaseArgument = Command.Argument(name: t("fase", "phase"), help: t("de slug van de fase", "the phase's slug"))

    static let phase = Command(
        name: "phase", abstract: t("De fasen van een klantreis: tonen, toevoegen, wijzigen, verwijderen.", "The phases of a journey: list, add, edit, remove."),
        subcommands: [
            Command(name: "list", abstract: t("Toon de fasen van een klantreis op volgorde.", "List the phases of a journey in order."), arguments: [journeyArgument],
                    options: [.json]) { invocation in
                let roadmap = try invocation.openRoadmap()
                let journey = invocation.argument(0) ?? ""
                let phases = try roadmap.read {
                    _ = try roadmap.record(.journey, journey)
                    return try roadmap.phases(of: journey)
                }
                if invocation.json {
                    Output.json(.array(phases.map { .object(JSONObject([("slug", .string($0.slug)), ("name", .string($0.name)),
                                                                         ("position", .int(Int64($0.position)))])) }))
                    return
                }
                var table = TextTable([.init(title: "#", alignRight: true), .init(title: "SLUG"), .init(title: t("NAAM", "NAME"), flexible: true)])
                for phase in phases { table.add([String(phase.position), phase.slug, phase.name]) }
                var output = Output()
                table.render().forEach { output.line($0) }
                output.flush()
            },
            Command(name: "add", abstract: t("Voeg een fase toe aan een klantreis.", "Add a phase to a journey."),
                    arguments: [journeyArgument, phaseArgument, .init(name: t("naam", "name"), help: t("de naam van de fase", "the phase's name"))],
                    options: [.init(name: "position", value: "n", help: t("de plaats, 1 voor de eerste (standaard: achteraan)", "its place, 1 for first (default: last)"))]) { invocation in
                let roadmap = try invocation.openRoadmap()
                try roadmap.addPhase(journey: invocation.argument(0) ?? "", slug: invocation.argument(1) ?? "",
                                     name: invocation.argument(2) ?? "", position: try position(invocation))
                Output.print(t("fase \(invocation.argument(1) ?? "") toegevoegd", "added phase \(invocation.argument(1) ?? "")"))
            },
            Command(name: "edit", abstract: t("Hernoem of verplaats een fase; de bevindingen gaan mee.", "Rename or move a phase; its findings follow."),
                    arguments: [journeyArgument, phaseArgument],
                    options: [.init(name: "name", value: t("tekst", "text"), help: t("een nieuwe naam", "a new name")),
                              .init(name: "slug", value: "slug", help: t("een nieuwe slug", "a new slug")),
                              .init(name: "position", value: "n", help: t("een nieuwe plaats, 1 voor de eerste", "a new place, 1 for first"))]) { invocation in
                let roadmap = try invocation.openRoadmap()
                try roadmap.editPhase(journey: invocation.argument(0) ?? "", slug: invocation.argument(1) ?? "",
                                      newSlug: invocation.value("slug"), name: invocation.value("name"),
                                      position: try position(invocation))
                Output.print(t("fase \(invocation.value("slug") ?? invocation.argument(1) ?? "") bewaard", "saved phase \(invocation.value("slug") ?? invocation.argument(1) ?? "")"))
            },
            Command(name: "remove", abstract: t("Verwijder een fase die geen bevinding of contactmoment gebruikt.", "Remove a phase that no finding or touchpoint uses."),
                    arguments: [journeyArgument, phaseArgument], options: [.force]) { invocation in
                let roadmap = try invocation.openRoadmap()
                try roadmap.removePhase(journey: invocation.argument(0) ?? "", slug: invocation.argument(1) ?? "",
                                        force: invocation.flag("force"))
                Output.print(t("fase \(invocation.argument(1) ?? "") verwijderd", "removed phase \(invocation.argument(1) ?? "")"))
            },
        ])

    static func position(_ invocation: Invocation) throws -> Int? {
        guard let text = invocation.value("position") else { return nil }
        guard let value = Int(text), value >= 1 else {
            throw UsageError(description: t("--position '\(text)' kan niet: verwacht een geheel getal van minstens 1", "--position '\(text)' is not valid: expected a whole number of at least 1"))
        }
        return value
    }
}
