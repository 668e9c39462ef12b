import Store

/// One row of any kind, as a value: its key and its fields by name.
public struct Record: Sendable, Equatable {
    public let kind: Kind
    public let key: SQLValue
    /// In the order of `kind.fields`: a list of ten thousand records then costs no dictionaries.
    public private(set) var fieldValues: [SQLValue]

    public init(kind: Kind, key: SQLValue, values: [FieldKey: SQLValue]) {
        self.init(kind: kind, key: key, fieldValues: kind.fields.map { values[$0.key] ?? .null })
    }

    init(kind: Kind, key: SQLValue, fieldValues: [SQLValue]) {
        self.kind = kind
        self.key = key
        self.fieldValues = fieldValues
    }

    /// The fields by key.
    public var values: [FieldKey: SQLValue] {
        Dictionary(uniqueKeysWithValues: zip(kind.fields.map(\.key), fieldValues))
    }

    /// `F12`, or the slug.
    public var ref: String { kind.ref(key) }
    public var title: String { self[kind.titleField].string ?? "" }
    /// A field of the record's kind; a field the kind does not have reads as NULL, and writing
    /// one is a programming error, caught by the tests.
    public subscript(field: FieldKey) -> SQLValue {
        get { kind.fieldIndex(field).map { fieldValues[$0] } ?? .null }
        set {
            guard let index = kind.fieldIndex(field) else {
                assertionFailure("\(kind.noun) has no field \(field.rawValue)")
                return
            }
            fieldValues[index] = newValue
        }
    }


    /// `F12 "Geen bevestiging na melding"`: how records are named in messages and the log.
    public var label: String { "\(ref) \"\(title)\"" }

    /// The record as the JSON of `--json`, the export and the audit trail: the key first, then
    /// every field in the kind's order; references as refs people can read, flags as booleans.
    public var json: JSONObject {
        JSONObject(Array(zip(Record.jsonKeys(kind), jsonValues)))
    }

    /// The keys of `json`, shared by every record of a kind.
    static func jsonKeys(_ kind: Kind) -> [String] { [kind.keyColumn] + kind.fields.map(\.name) }

    /// The values of `json`, in the order of `jsonKeys`.
    var jsonValues: [JSON] {
        var values: [JSON] = [.string(ref)]
        values.reserveCapacity(fieldValues.count + 1)
        for (field, value) in zip(kind.fields, fieldValues) { values.append(Record.json(value, field)) }
        return values
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
        let values = try kind.fields.map { field in
            // A field an older export did not have yet takes its default (a metric's kind: mean).
            let value = try object[field.name].map { try Record.value($0, field) } ?? field.defaultValue ?? .null
            try field.check(value)
            return value
        }
        self.init(kind: kind, key: key, fieldValues: values)
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
