import Store

/// One row of any kind, as a value: its key and its fields by name.
public struct Record: Sendable, Equatable {
    public let kind: Kind
    public let key: SQLValue
    public var values: [String: SQLValue]

    public init(kind: Kind, key: SQLValue, values: [String: SQLValue]) {
        self.kind = kind
        self.key = key
        self.values = values
    }

    /// `F12`, or the slug.
    public var ref: String { kind.ref(key) }
    public var title: String { values[kind.titleField]?.string ?? "" }
    public subscript(field: String) -> SQLValue { values[field] ?? .null }

    /// `F12 "Geen bevestiging na melding"`: how records are named in messages and the log.
    public var label: String { "\(ref) \"\(title)\"" }

    /// The record as the JSON of `--json`, the export and the audit trail: the key first, then
    /// every field in the kind's order; references as refs people can read, flags as booleans.
    public var json: JSONObject {
        var object = JSONObject()
        object.append(kind.keyColumn, .string(ref))
        for field in kind.fields {
            object.append(field.name, Record.json(self[field.name], field))
        }
        return object
    }

    static func json(_ value: SQLValue, _ field: Field) -> JSON {
        switch (value, field.type) {
        case (.null, _): return .null
        case (.integer(let int), .flag): return .bool(int != 0)
        case (.integer, .reference(let kind)): return .string(kind.ref(value))
        case (.text(let text), .slugList):
            return .array(text.split(separator: ",").map { .string(String($0)) })
        case (.integer(let int), _): return .int(int)
        case (.real(let double), _): return .double(double)
        case (.text(let text), _): return .string(text)
        }
    }

    /// Reads a record back from its JSON, checking every value as the command line would.
    public init(kind: Kind, json object: JSONObject) throws {
        let keyText = object[kind.keyColumn]?.string ?? ""
        let key: SQLValue
        switch kind.identity {
        case .slug:
            try validateSlug(keyText)
            key = .text(keyText)
        case .numbered:
            key = try kind.parseRef(keyText)
        }
        var values: [String: SQLValue] = [:]
        for field in kind.fields {
            let value = try Record.value(object[field.name] ?? .null, field)
            try field.check(value)
            values[field.name] = value
        }
        self.init(kind: kind, key: key, values: values)
    }

    static func value(_ json: JSON, _ field: Field) throws -> SQLValue {
        switch (json, field.type) {
        case (.null, _): return .null
        case (.bool(let flag), .flag): return .integer(flag ? 1 : 0)
        case (.string(let text), .reference(let kind)): return try kind.parseRef(text, field: field.name)
        case (.array(let items), .slugList):
            return .text(items.compactMap(\.string).joined(separator: ","))
        case (.int(let int), .number): return .real(Double(int))
        case (.int(let int), _): return .integer(int)
        case (.double(let double), .number): return .real(double)
        case (.string(let text), _): return .text(text)
        default:
            throw DomainError.invalidValue(field: field.name, value: json.serialized(), expected: field.expectation)
        }
    }
}
