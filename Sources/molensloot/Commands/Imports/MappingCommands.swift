import SixSteps

/// The stored mapping from an export's spellings to the roadmap's channels, journeys, personas
/// and contact reasons: set once, used by every later import.
enum MappingCommands {
    static let command = Command(
        name: "mapping", abstract: t("Hoe exports kanalen, klantreizen, persona's en contactredenen schrijven: bewaard, zodat imports geen opties nodig hebben.", "How exports spell channels, journeys, personas and contact reasons: stored, so imports need no options."),
        subcommands: [list, set, remove])

    static let list = Command(name: "list", abstract: t("Toon de bewaarde vertalingen.", "Show the stored mapping."), options: [.json]) { invocation in
        let mappings = try invocation.openRoadmap().valueMappings()
        if invocation.json {
            Output.json(.array(mappings.map { .object($0.json) }))
            return
        }
        var output = Output()
        if mappings.isEmpty {
            output.line(t("nog geen vertalingen; voeg er een toe met 'molensloot mapping set channel \"Telefonisch\" telefoon'", "no mappings yet; add one with 'molensloot mapping set channel \"Telefonisch\" telefoon'"))
        }
        var table = TextTable([.init(title: t("VELD", "FIELD")), .init(title: t("SCHRIJFWIJZE", "SPELLING"), flexible: true), .init(title: t("WORDT", "TARGET"), flexible: true)])
        for mapping in mappings { table.add([mapping.field, mapping.spelling, mapping.target]) }
        if !mappings.isEmpty { table.render().forEach { output.line($0) } }
        output.flush()
    }

    static let set = Command(
        name: "set", abstract: t("Vertaal een schrijfwijze uit een export naar een kanaal, klantreis of persona (slug of naam) of een contactreden.", "Map a spelling of an export to a channel, journey or persona (slug or name) or a contact reason."),
        arguments: [fieldArgument,
                    .init(name: t("schrijfwijze", "spelling"), help: t("de waarde zoals de export die schrijft", "the value as the export writes it")),
                    .init(name: t("doel", "target"), help: t("de waarde in de roadmap", "the roadmap's value"))],
        examples: ["molensloot mapping set channel \"Contactformulier\" web",
                   "molensloot mapping set reason \"Afval - grofvuil ophalen\" grofvuil",
                   "molensloot mapping set journey \"Melding openbare ruimte (MOR)\" mor"]
    ) { invocation in
        let (field, spelling, target) = (mappedField(invocation.argument(0) ?? ""), invocation.argument(1) ?? "", invocation.argument(2) ?? "")
        guard RoadmapFile.mappedFields.contains(field.lowercased()) else {
            throw UsageError(description: t("'\(field)' is geen veld dat vertaald kan worden: gebruik ", "'\(field)' is not a field that can be mapped: use ")
                             + RoadmapFile.mappedFields.joined(separator: ", "))
        }
        try invocation.openRoadmap().setValueMapping(field: field, spelling: spelling, target: target)
        Output.print(t("\(field.lowercased()) '\(spelling)' wordt vanaf nu gelezen als '\(target)'", "\(field.lowercased()) '\(spelling)' is read as '\(target)' from now on"))
    }

    static let remove = Command(
        name: "remove", abstract: t("Vergeet de vertaling van een schrijfwijze.", "Forget the mapping of a spelling."),
        arguments: [fieldArgument,
                    .init(name: t("schrijfwijze", "spelling"), help: t("de waarde zoals de export die schrijft", "the value as the export writes it"))]
    ) { invocation in
        try invocation.openRoadmap().removeValueMapping(field: mappedField(invocation.argument(0) ?? ""), spelling: invocation.argument(1) ?? "")
        Output.print(t("vertaling van ", "removed the mapping of ") + "\(invocation.argument(0) ?? "") '\(invocation.argument(1) ?? "")'" + t(" verwijderd", ""))
    }
}

extension MappingCommands {
    /// The fields in Dutch, as a manager may type them: `kanaal` is channel.
    static let dutchFields = ["channel": "kanaal", "reason": "reden", "journey": "klantreis", "persona": "persona"]

    static var fieldArgument: Command.Argument {
        .init(name: t("veld", "field"), help: RoadmapFile.mappedFields.map { language == .nl ? dutchFields[$0] ?? $0 : $0 }.joined(separator: ", "))
    }

    static func mappedField(_ typed: String) -> String {
        dutchFields.first { $0.value == typed.lowercased() }?.key ?? typed
    }
}

/// `volume import` of a KCC system's JSON export.
enum RegistrationCommands {
    /// A .json file, or a file whose first character is { or [.
    static func isJSON(_ path: String) -> Bool {
        if path.lowercased().hasSuffix(".json") { return true }
        guard let bytes = try? readBinaryFile(path) else { return false }
        let first = bytes.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }.first
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    static func importJSON(_ invocation: Invocation, path: String) throws {
        if invocation.values["map"] != nil {
            throw UsageError(description: t("--map is voor CSV-bestanden; vertaal waarden voor een JSON-export één keer met 'molensloot mapping set'", "--map is for CSV files; for a JSON export map values once with 'molensloot mapping set'"))
        }
        var format: RegistrationFormat?
        if let name = invocation.value("format") {
            guard let known = RegistrationFormat(rawValue: name.lowercased()) else {
                throw UsageError(description: t("--format '\(name)' kan niet: verwacht ", "--format '\(name)' is not valid: expected ") + RegistrationFormat.names.joined(separator: ", "))
            }
            format = known
        }
        var text = try readTextFile(path)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let dryRun = invocation.flag("dry-run")
        let imported = try invocation.openRoadmap().importRegistrations(text, path: path, format: format, dryRun: dryRun,
                                                                        key: { try PseudonymKey.load(path: invocation.keyFilePath) })
        let result = imported.result
        var output = Output()
        output.line((dryRun ? t("proef: zou importeren: ", "dry run: would import ") : t("geïmporteerd: ", "imported "))
                    + t("\(result.contacts) contactregistraties (\(imported.format.rawValue)) voor ", "\(result.contacts) contact registrations (\(imported.format.rawValue)) for ")
                    + VolumeCommands.periodRange(result.periods)
                    + t(": \(result.newContacts ?? 0) nieuw, in \(result.rows) aantallen; de zaaknummers staan er alleen versleuteld in",
                        ": \(result.newContacts ?? 0) new, in \(result.rows) counts; the case keys are stored only as hashes"))
        if imported.withoutCase > 0 {
            output.line(t("  \(imported.withoutCase) contacten noemen geen zaak of persoon; elk telt als een eigen zaak", "  \(imported.withoutCase) contacts name no case or person; each counts as a case of its own"))
        }
        output.line(t("  \(imported.withResolution) van \(result.contacts) zeggen of het contact de vraag oploste (voor opgelost bij eerste contact)", "  \(imported.withResolution) of \(result.contacts) say whether the contact was resolved (for first contact resolution)"))
        output.flush()
    }
}
