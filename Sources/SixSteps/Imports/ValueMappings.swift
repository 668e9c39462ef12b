import Store

/// A spelling of an export mapped to the roadmap's own value: the KCC system's "Telefonisch" is
/// the channel `telefoon`, its "Afval - grofvuil" the contact reason `grofvuil`. Stored in the
/// roadmap, so each later export of the same system imports without options.
public struct ValueMapping: Sendable, Equatable {
    /// channel, reason, journey or persona.
    public let field: String
    public let spelling: String
    public let target: String

    public var json: JSONObject {
        JSONObject([("field", .string(field)), ("spelling", .string(spelling)), ("target", .string(target))])
    }
}

extension RoadmapFile {
    public static let mappedFields = ["channel", "reason", "journey", "persona"]

    public func valueMappings() throws -> [ValueMapping] {
        try connection.query("SELECT field, spelling, target FROM value_mappings ORDER BY field, spelling").map {
            ValueMapping(field: $0.string(0), spelling: $0.string(1), target: $0.string(2))
        }
    }

    /// Maps a spelling to a channel, journey or persona of the roadmap (by slug or name) or to a
    /// contact reason (any text). Mapping a spelling again replaces its target; both are logged.
    public func setValueMapping(field: String, spelling: String, target: String) throws {
        let field = field.lowercased()
        let spelling = spelling.trimmingSpaces
        guard Self.mappedFields.contains(field) else {
            throw DomainError.invalidValue(field: "field", value: field, expected: "one of " + Self.mappedFields.joined(separator: ", "))
        }
        guard !spelling.isEmpty, !target.trimmingSpaces.isEmpty else {
            throw DomainError.inconsistent(Message(
                "een koppeling heeft een schrijfwijze en een doel nodig, bijvoorbeeld 'molensloot mapping set channel Telefonisch telefoon'",
                "a mapping needs a spelling and a target, e.g. 'molensloot mapping set channel Telefonisch telefoon'"))
        }
        try write {
            let resolved: String
            switch field {
            case "reason": resolved = target.trimmingSpaces
            default:
                let kind: Kind = field == "channel" ? .channel : field == "journey" ? .journey : .persona
                let folded = ImportVocabulary.fold(target)
                guard let record = try records(kind).first(where: {
                    ImportVocabulary.fold($0.ref) == folded || ImportVocabulary.fold($0.title) == folded
                }) else { throw DomainError.unknownRecord(kind, target) }
                resolved = record.ref
            }
            let before = try connection.first("SELECT target FROM value_mappings WHERE field = ? AND spelling = ?",
                                              [.text(field), .text(spelling)])?.string(0)
            try connection.run("INSERT INTO value_mappings (field, spelling, target) VALUES (?, ?, ?) "
                               + "ON CONFLICT(field, spelling) DO UPDATE SET target = excluded.target",
                               [.text(field), .text(spelling), .text(resolved)])
            try audit(action: "set", record: "mapping:\(field)", summary: "mapped \(field) '\(spelling)' to '\(resolved)'",
                      before: before.map(JSON.string), after: .string(resolved))
        }
    }

    public func removeValueMapping(field: String, spelling: String) throws {
        try write {
            let changed = try connection.run("DELETE FROM value_mappings WHERE field = ? AND spelling = ?",
                                             [.text(field.lowercased()), .text(spelling.trimmingSpaces)])
            guard changed > 0 else {
                throw DomainError.inconsistent(Message("er is geen koppeling van \(field) '\(spelling)'; zie 'molensloot mapping list'",
                                                       "there is no mapping of \(field) '\(spelling)'; see 'molensloot mapping list'"))
            }
            try audit(action: "remove", record: "mapping:\(field)", summary: "removed the mapping of \(field) '\(spelling)'",
                      before: nil, after: nil)
        }
    }

    /// The reason a registration's spelling stands for: its mapping, else the spelling itself.
    func reasonMappings() throws -> [String: String] {
        var table: [String: String] = [:]
        for entry in try valueMappings() where entry.field == "reason" { table[ImportVocabulary.fold(entry.spelling)] = entry.target }
        return table
    }
}
