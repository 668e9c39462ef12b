import Store

/// Adding, reading, editing and removing records of any kind, with every rule checked and every
/// change audited. The SQL is built from the kinds' own column names, never from user text.
extension RoadmapFile {
    private func selectSQL(_ kind: Kind) -> String {
        "SELECT " + ([kind.keyColumn] + kind.fields.map(\.name)).joined(separator: ", ") + " FROM " + kind.table
    }

    private func record(from row: Row, _ kind: Kind) -> Record {
        Record(kind: kind, key: row[0], fieldValues: Array(row.values.dropFirst()))
    }

    public func record(_ kind: Kind, key: SQLValue) throws -> Record? {
        try connection.first(selectSQL(kind) + " WHERE \(kind.keyColumn) = ?", [key]).map { record(from: $0, kind) }
    }

    /// The record a person named, or an error that says it does not exist.
    public func record(_ kind: Kind, _ ref: String) throws -> Record {
        let key = try kind.parseRef(ref)
        guard let found = try record(kind, key: key) else { throw DomainError.unknownRecord(kind, ref) }
        return found
    }

    public func exists(_ kind: Kind, key: SQLValue) throws -> Bool {
        try connection.first("SELECT 1 FROM \(kind.table) WHERE \(kind.keyColumn) = ?", [key]) != nil
    }

    /// All records of a kind in key order; `filter` keeps those whose fields equal the values.
    public func records(_ kind: Kind, filter: [FieldKey: SQLValue] = [:]) throws -> [Record] {
        var result: [Record] = []
        try forEachRecord(kind, filter: filter) { result.append($0) }
        return result
    }

    private func forEachRecord(_ kind: Kind, filter: [FieldKey: SQLValue], _ body: (Record) throws -> Void) throws {
        let keys = filter.keys.sorted { $0.rawValue < $1.rawValue }
        var sql = selectSQL(kind)
        if !keys.isEmpty {
            sql += " WHERE " + keys.map { filter[$0]?.isNull == true ? "\($0.rawValue) IS NULL" : "\($0.rawValue) = ?" }
                .joined(separator: " AND ")
        }
        sql += " ORDER BY \(kind.keyColumn)"
        let values = keys.compactMap { filter[$0] }.filter { !$0.isNull }
        try connection.forEach(sql, values) { try body(record(from: $0, kind)) }
    }

    /// The records of `records(_:filter:)` as the pretty JSON array of `--json`, written as they
    /// are read: a list of ten thousand findings never exists as a tree of values.
    public func recordsJSON(_ kind: Kind, filter: [FieldKey: SQLValue] = [:]) throws -> String {
        let keys = Record.jsonKeys(kind)
        var writer = JSONListWriter(pretty: true)
        try forEachRecord(kind, filter: filter) { writer.append(keys: keys, values: $0.jsonValues) }
        return writer.finish()
    }

    /// Parses command-line text for the given fields; a field the kind does not have is refused
    /// like any other invalid option, never dropped.
    public func parse(_ kind: Kind, _ input: [FieldKey: String]) throws -> [FieldKey: SQLValue] {
        var values: [FieldKey: SQLValue] = [:]
        for (key, text) in input {
            guard let field = kind.field(key) else {
                throw DomainError.invalidValue(field: key.rawValue, value: text, expected: "no such field for a \(kind.noun)")
            }
            values[key] = try field.parse(text)
        }
        return values
    }

    /// Adds a record from command-line text. Slug kinds need `slug`; numbered kinds get the next id.
    @discardableResult
    public func add(_ kind: Kind, slug: String? = nil, input: [FieldKey: String]) throws -> Record {
        try write {
            var values = try parse(kind, input)
            for field in kind.fields where values[field.key] == nil {
                values[field.key] = field.defaultValue ?? .null
            }
            let key: SQLValue
            if kind.identity == .slug {
                let slug = slug ?? ""
                try validateSlug(slug)
                key = .text(slug)
            } else {
                key = .null
            }
            var record = Record(kind: kind, key: key, values: values)
            try complete(&record)
            return try insert(record)
        }
    }

    /// Inserts a record, with its own key when it has one (import) or the next free id.
    @discardableResult
    func insert(_ record: Record, audited: Bool = true) throws -> Record {
        try validate(record)
        if !record.key.isNull, try exists(record.kind, key: record.key) {
            throw DomainError.duplicate(record.kind, record.ref)
        }
        let kind = record.kind
        let columns = [kind.keyColumn] + kind.fields.map(\.name)
        let sql = "INSERT INTO \(kind.table) (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        try connection.run(sql, [record.key] + record.fieldValues)
        let stored = Record(kind: kind, key: record.key.isNull ? .integer(connection.lastInsertRowID) : record.key,
                            fieldValues: record.fieldValues)
        if audited {
            try audit(action: "add", record: stored.ref, summary: "added \(kind.noun) \(stored.label)",
                      before: nil, after: .object(stored.json))
        }
        return stored
    }

    /// Changes the named fields; an empty text clears an optional field.
    @discardableResult
    public func edit(_ kind: Kind, _ ref: String, input: [FieldKey: String]) throws -> Record {
        try write {
            let before = try record(kind, ref)
            var after = before
            for (key, value) in try parse(kind, input) { after[key] = value }
            try complete(&after)
            return try update(before: before, after: after)
        }
    }

    /// Writes a changed record. Unchanged records are not written and not logged.
    @discardableResult
    func update(before: Record, after: Record) throws -> Record {
        let changed = after.kind.fields.filter { before[$0.key] != after[$0.key] }
        guard !changed.isEmpty else { return after }
        let kind = after.kind
        if kind == .touchpoint { try moveFindings(of: before, to: after) }
        try validate(after)
        let sql = "UPDATE \(kind.table) SET " + changed.map { "\($0.name) = ?" }.joined(separator: ", ")
            + " WHERE \(kind.keyColumn) = ?"
        try connection.run(sql, changed.map { after[$0.key] } + [after.key])
        try audit(action: "edit", record: after.ref,
                  summary: "changed " + changed.map(\.name).joined(separator: ", ") + " of \(kind.noun) \(after.label)",
                  before: .object(before.json), after: .object(after.json))
        return after
    }

    /// A touchpoint that moves to another journey or phase takes its findings along: they are
    /// about that moment, wherever it sits.
    private func moveFindings(of before: Record, to after: Record) throws {
        guard before[.journey] != after[.journey] || before[.phase] != after[.phase] else { return }
        // Validate the touchpoint's new place first, so the findings never point somewhere invalid.
        try validate(after)
        try connection.run("UPDATE touchpoints SET journey = ?, phase = ? WHERE id = ?",
                           [after[.journey], after[.phase], after.key])
        for finding in try records(.finding, filter: [.touchpoint: after.key]) {
            var moved = finding
            moved[.journey] = after[.journey]
            moved[.phase] = after[.phase]
            try update(before: finding, after: moved)
        }
    }

    /// Fills what follows from other fields: a finding at a touchpoint is in its journey and phase;
    /// an item that is done has a done date.
    private func complete(_ record: inout Record) throws {
        if record.kind == .finding, let touchpoint = try self.record(.touchpoint, key: record[.touchpoint]) {
            if record[.journey].isNull { record[.journey] = touchpoint[.journey] }
            if record[.phase].isNull { record[.phase] = touchpoint[.phase] }
        }
        if record.kind == .item, record[.status] == .text(ItemStatus.done.rawValue), record[.doneDate].isNull {
            record[.doneDate] = .text(ISODate.today().description)
        }
    }

    /// The rules a record must meet before it is stored.
    func validate(_ record: Record) throws {
        let kind = record.kind
        for field in kind.fields {
            let value = record[field.key]
            if value.isNull {
                if field.required { throw DomainError.missingValue(kind, field: field.name) }
                continue
            }
            try field.check(value)
            switch field.type {
            case .reference(let target):
                guard try exists(target, key: value) else { throw DomainError.unknownRecord(target, target.ref(value)) }
            case .slugList(let target):
                for slug in (value.string ?? "").split(separator: ",") {
                    guard try exists(target, key: .text(String(slug))) else {
                        throw DomainError.unknownRecord(target, String(slug))
                    }
                }
            case .phase:
                guard let journey = record[.journey].string else {
                    throw DomainError.inconsistent(Message("--phase heeft --journey nodig: een fase hoort bij een klantreis; geef ook --journey",
                                                           "--phase needs --journey: a phase belongs to a journey"))
                }
                let phases = try self.phases(of: journey).map(\.slug)
                guard phases.contains(value.string ?? "") else {
                    throw DomainError.unknownPhase(journey: journey, phase: value.string ?? "", phases: phases)
                }
            default:
                break
            }
        }
        try checkRules(record)
    }

    private func checkRules(_ record: Record) throws {
        try checkValueRules(record)
        if record.kind == .assumption { try checkAssumption(record) }
        if let touchpoint = try self.record(.touchpoint, key: record[.touchpoint]) {
            guard touchpoint[.journey] == record[.journey], touchpoint[.phase] == record[.phase] else {
                let (inJourney, inPhase) = (touchpoint[.journey].string ?? "", touchpoint[.phase].string ?? "")
                let (given, givenPhase) = (record[.journey].string ?? "", record[.phase].string ?? "")
                throw DomainError.inconsistent(Message(
                    "\(touchpoint.ref) hoort bij \(inJourney)/\(inPhase), niet bij \(given)/\(givenPhase); "
                        + "laat --journey en --phase weg, dan komen ze van het contactmoment",
                    "\(touchpoint.ref) is in \(inJourney)/\(inPhase), not in \(given)/\(givenPhase); "
                        + "leave out --journey and --phase to take them from the touchpoint"))
            }
        }
        for (first, second) in [(FieldKey.startDate, FieldKey.dueDate), (.startDate, .endDate)] {
            if let start = record[first].string, let end = record[second].string, end < start {
                let (later, earlier) = (second.rawValue.replacingUnderscores, first.rawValue.replacingUnderscores)
                throw DomainError.inconsistent(Message(
                    "--\(later) \(end) ligt vóór --\(earlier) \(start); draai ze om of verbeter er een",
                    "--\(later) \(end) is before --\(earlier) \(start); swap them or fix one"))
            }
        }
    }
}
