import SixSteps

/// The stored mapping from an export's spellings to the roadmap's channels, journeys, personas
/// and contact reasons: set once, used by every later import.
enum MappingCommands {
    static let command = Command(
        name: "mapping", abstract: "How exports spell channels, journeys, personas and contact reasons: stored, so imports need no options.",
        subcommands: [list, set, remove])

    static let list = Command(name: "list", abstract: "Show the stored mapping.", options: [.json]) { invocation in
        let mappings = try invocation.openRoadmap().valueMappings()
        if invocation.json {
            Output.json(.array(mappings.map { .object($0.json) }))
            return
        }
        var output = Output()
        if mappings.isEmpty {
            output.line("no mappings yet; add one with 'molensloot mapping set channel \"Telefonisch\" telefoon'")
        }
        var table = TextTable([.init(title: "FIELD"), .init(title: "SPELLING", flexible: true), .init(title: "TARGET", flexible: true)])
        for mapping in mappings { table.add([mapping.field, mapping.spelling, mapping.target]) }
        if !mappings.isEmpty { table.render().forEach { output.line($0) } }
        output.flush()
    }

    static let set = Command(
        name: "set", abstract: "Map a spelling of an export to a channel, journey or persona (slug or name) or a contact reason.",
        arguments: [.init(name: "field", help: RoadmapFile.mappedFields.joined(separator: ", ")),
                    .init(name: "spelling", help: "the value as the export writes it"),
                    .init(name: "target", help: "the roadmap's value")],
        examples: ["molensloot mapping set channel \"Contactformulier\" web",
                   "molensloot mapping set reason \"Afval - grofvuil ophalen\" grofvuil",
                   "molensloot mapping set journey \"Melding openbare ruimte (MOR)\" mor"]
    ) { invocation in
        let (field, spelling, target) = (invocation.argument(0) ?? "", invocation.argument(1) ?? "", invocation.argument(2) ?? "")
        guard RoadmapFile.mappedFields.contains(field.lowercased()) else {
            throw UsageError(description: "'\(field)' is not a field that can be mapped: use "
                             + RoadmapFile.mappedFields.joined(separator: ", "))
        }
        try invocation.openRoadmap().setValueMapping(field: field, spelling: spelling, target: target)
        Output.print("\(field.lowercased()) '\(spelling)' is read as '\(target)' from now on")
    }

    static let remove = Command(
        name: "remove", abstract: "Forget the mapping of a spelling.",
        arguments: [.init(name: "field", help: RoadmapFile.mappedFields.joined(separator: ", ")),
                    .init(name: "spelling", help: "the value as the export writes it")]
    ) { invocation in
        try invocation.openRoadmap().removeValueMapping(field: invocation.argument(0) ?? "", spelling: invocation.argument(1) ?? "")
        Output.print("removed the mapping of \(invocation.argument(0) ?? "") '\(invocation.argument(1) ?? "")'")
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
            throw UsageError(description: "--map is for CSV files; for a JSON export map values once with 'molensloot mapping set'")
        }
        var format: RegistrationFormat?
        if let name = invocation.value("format") {
            guard let known = RegistrationFormat(rawValue: name.lowercased()) else {
                throw UsageError(description: "--format '\(name)' is not valid: expected " + RegistrationFormat.names.joined(separator: ", "))
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
        output.line((dryRun ? "dry run: would import " : "imported ")
                    + "\(result.contacts) contact registrations (\(imported.format.rawValue)) for "
                    + VolumeCommands.periodRange(result.periods) + ": \(result.newContacts ?? 0) new, in \(result.rows) counts; "
                    + "the case keys are stored only as hashes")
        if imported.withoutCase > 0 {
            output.line("  \(imported.withoutCase) contacts name no case or person; each counts as a case of its own")
        }
        output.line("  \(imported.withResolution) of \(result.contacts) say whether the contact was resolved (for first contact resolution)")
        output.flush()
    }
}
