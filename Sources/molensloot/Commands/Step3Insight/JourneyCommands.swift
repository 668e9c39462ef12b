import SixSteps

/// Customer journeys and their phases.
enum JourneyCommands {
    static let command: Command = {
        var group = RecordCommands.group(.journey, "Customer journeys (klantreizen) and their phases.", extra: [phase])
        group.subcommands[0] = add
        return group
    }()

    /// Like every add, plus the phases: the method's five unless others are given.
    static let add: Command = {
        var command = RecordCommands.add(.journey)
        command.options.insert(.init(name: "phases", value: "slug:Name,...",
                                     help: "other phases than oriëntatie, contact, uitvoering, afronding, evaluatie"), at: 0)
        command.examples = ["molensloot journey add mor \"Melding openbare ruimte\"",
                            "molensloot journey add vergunning \"Omgevingsvergunning\" --phases idee:Idee,aanvraag:Aanvraag,besluit:Besluit"]
        command.run = { invocation in
            var input = RecordCommands.fieldInput(.journey, invocation)
            if let name = invocation.argument(1) { input["name"] = name }
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
            throw UsageError(description: "--phases needs at least one phase, like idee:Idee,aanvraag:Aanvraag")
        }
        return phases
    }

    static let journeyArgument = Command.Argument(name: "journey", help: "the journey's slug")
    static let phaseArgument = Command.Argument(name: "phase", help: "the phase's slug")

    static let phase = Command(
        name: "phase", abstract: "The phases of a journey: list, add, edit, remove.",
        subcommands: [
            Command(name: "list", abstract: "List the phases of a journey in order.", arguments: [journeyArgument],
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
                var table = TextTable([.init(title: "#", alignRight: true), .init(title: "SLUG"), .init(title: "NAME", flexible: true)])
                for phase in phases { table.add([String(phase.position), phase.slug, phase.name]) }
                var output = Output()
                table.render().forEach { output.line($0) }
                output.flush()
            },
            Command(name: "add", abstract: "Add a phase to a journey.",
                    arguments: [journeyArgument, phaseArgument, .init(name: "name", help: "the phase's name")],
                    options: [.init(name: "position", value: "n", help: "its place, 1 for first (default: last)")]) { invocation in
                let roadmap = try invocation.openRoadmap()
                try roadmap.addPhase(journey: invocation.argument(0) ?? "", slug: invocation.argument(1) ?? "",
                                     name: invocation.argument(2) ?? "", position: try position(invocation))
                Output.print("added phase \(invocation.argument(1) ?? "")")
            },
            Command(name: "edit", abstract: "Rename or move a phase; its findings follow.",
                    arguments: [journeyArgument, phaseArgument],
                    options: [.init(name: "name", value: "text", help: "a new name"),
                              .init(name: "slug", value: "slug", help: "a new slug"),
                              .init(name: "position", value: "n", help: "a new place, 1 for first")]) { invocation in
                let roadmap = try invocation.openRoadmap()
                try roadmap.editPhase(journey: invocation.argument(0) ?? "", slug: invocation.argument(1) ?? "",
                                      newSlug: invocation.value("slug"), name: invocation.value("name"),
                                      position: try position(invocation))
                Output.print("saved phase \(invocation.value("slug") ?? invocation.argument(1) ?? "")")
            },
            Command(name: "remove", abstract: "Remove a phase that no finding or touchpoint uses.",
                    arguments: [journeyArgument, phaseArgument], options: [.force]) { invocation in
                let roadmap = try invocation.openRoadmap()
                try roadmap.removePhase(journey: invocation.argument(0) ?? "", slug: invocation.argument(1) ?? "",
                                        force: invocation.flag("force"))
                Output.print("removed phase \(invocation.argument(1) ?? "")")
            },
        ])

    static func position(_ invocation: Invocation) throws -> Int? {
        guard let text = invocation.value("position") else { return nil }
        guard let value = Int(text), value >= 1 else {
            throw UsageError(description: "--position '\(text)' is not valid: expected a whole number of at least 1")
        }
        return value
    }
}
