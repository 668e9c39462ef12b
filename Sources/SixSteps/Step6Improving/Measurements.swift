import Store

extension RoadmapFile {
    /// Records one value of a metric in a cycle (the open one unless named). Measuring again in
    /// the same cycle replaces the value; a closed cycle refuses.
    @discardableResult
    public func measure(metric: String, value: String, cycle: String? = nil, n: String? = nil, sd: String? = nil,
                        source: String? = nil, note: String? = nil) throws -> Record {
        try write {
            let metricRecord = try record(.metric, metric)
            let cycleRecord = try measurableCycle(cycle)
            if try surveyCount(metric: metricRecord.key, cycle: cycleRecord.key) > 0 {
                throw DomainError.inconsistent(Message(
                    "de meting van \(metricRecord.ref) in \(cycleRecord.ref) is berekend uit enquêteantwoorden; "
                        + "importeer de enquête opnieuw om haar te wijzigen",
                    "the \(metricRecord.ref) measurement of \(cycleRecord.ref) is computed from survey responses; "
                        + "import the survey again to change it"))
            }
            // A new value comes with its own sample: what is not given again is not known.
            let input: [FieldKey: String] = [.value: value, .n: n ?? "", .sd: sd ?? "", .source: source ?? "", .note: note ?? ""]
            return try storeMeasurement(metric: metricRecord, cycle: cycleRecord, input: try parse(.measurement, input))
        }
    }

    /// Inserts or replaces the measurement of `metric` in `cycle`.
    @discardableResult
    func storeMeasurement(metric: Record, cycle: Record, input: [FieldKey: SQLValue]) throws -> Record {
        if let existing = try measurement(metric: metric.key, cycle: cycle.key) {
            var after = existing
            for (key, value) in input { after[key] = value }
            return try update(before: existing, after: after)
        }
        var values = input
        values[.metric] = metric.key
        values[.cycle] = cycle.key
        return try insert(Record(kind: .measurement, key: .null, values: values))
    }

    public func measurement(metric: SQLValue, cycle: SQLValue) throws -> Record? {
        try records(.measurement, filter: [.metric: metric, .cycle: cycle]).first
    }

    /// Removes the measurement of a metric in an open cycle.
    public func removeMeasurement(metric: String, cycle: String?) throws {
        try write {
            let metricRecord = try record(.metric, metric)
            let cycleRecord = try measurableCycle(cycle)
            guard let existing = try measurement(metric: metricRecord.key, cycle: cycleRecord.key) else {
                throw DomainError.inconsistent(Message("\(metricRecord.ref) heeft geen meting in \(cycleRecord.ref); zie 'molensloot measure list'",
                                                       "\(metricRecord.ref) has no measurement in \(cycleRecord.ref)"))
            }
            try connection.run("DELETE FROM survey_responses WHERE metric = ? AND cycle = ?", [metricRecord.key, cycleRecord.key])
            try remove(.measurement, existing.ref, force: false)
        }
    }

    /// Many measurements at once from a CSV with columns metric, value and optionally n, sd,
    /// cycle, source, note. All rows land, or none.
    public func importMeasurements(_ document: CSVDocument, source: String, rename: [String: String] = [:],
                                   dryRun: Bool) throws -> [Record] {
        let columns = try ColumnMap(document, path: source, standard: ["metric", "value", "n", "sd", "cycle", "source", "note"],
                                    required: ["metric", "value"], rename: rename)
        return try rehearsing(dryRun, path: source) {
            var stored: [Record] = []
            try document.forEachRow { row in
                func text(_ name: String) throws -> String? { try columns[name].flatMap { try row.string($0) } }
                do {
                    guard let metric = try text("metric") else {
                        throw CSVError(line: row.line, column: columns.header("metric"), message: Message("is leeg; vul het in", "is empty"))
                    }
                    guard let value = try text("value") else {
                        throw CSVError(line: row.line, column: columns.header("value"), message: Message("is leeg; vul het in", "is empty"))
                    }
                    stored.append(try measure(metric: metric, value: value, cycle: try text("cycle"), n: try text("n"),
                                              sd: try text("sd"), source: try text("source") ?? source, note: try text("note")))
                } catch DomainError.invalidValue(let field, let value, let expected) {
                    throw CSVError(line: row.line, column: columns.header(field), message: Message(
                        "'\(value)' kan niet: verwacht \(DomainError.expectedDutch(expected, field: field))",
                        "'\(value)' is not valid: expected \(expected)"))
                } catch let error as DomainError {
                    throw DomainError.badFile(path: source, Message("regel \(row.line): ", "line \(row.line): ") + .of(error))
                }
            }
            return stored
        }
    }

    /// Runs a write and, for a dry run, rolls it back after computing the result: the person sees
    /// exactly what would be imported, and nothing is.
    func rehearsing<T>(_ dryRun: Bool, path: String, _ body: () throws -> T) throws -> T {
        do {
            return try rehearsing(dryRun, body)
        } catch let error as CSVError {
            throw DomainError.badFile(path: path, .of(error))
        }
    }

    private func rehearsing<T>(_ dryRun: Bool, _ body: () throws -> T) throws -> T {
        guard dryRun else { return try write(body) }
        var result: T?
        do {
            try write {
                result = try body()
                throw Rehearsal()
            }
        } catch is Rehearsal {}
        guard let result else {
            throw DomainError.inconsistent(Message("de proefrun gaf geen resultaat; probeer het opnieuw", "the dry run produced no result"))
        }
        return result
    }
}

/// Thrown to roll a dry run back once its result is known.
private struct Rehearsal: Error {}

/// Where each standard column of an import is in a file: under its own name, under the Dutch
/// names exports use (`ImportVocabulary.headerAliases`: cijfer, kanaal, zaaknummer …), or under
/// the one a person mapped it to (`--map score=vraag3`). Other columns are ignored and listed in
/// `ignored`, so a survey tool's extra columns need no work.
struct ColumnMap {
    private let index: [String: Int]
    private let names: [String: String]
    /// The file's columns that no standard column was read from, in the file's order.
    let ignored: [String]

    init(_ document: CSVDocument, path: String, standard: [String], required: [String], rename: [String: String]) throws {
        let rename = rename.mapValues { $0.lowercased() }
        var index: [String: Int] = [:]
        var claimed = Set<Int>()
        for name in standard {
            if let mapped = rename[name] {
                guard let position = document.columnIndex(mapped) else {
                    let columns = document.header.joined(separator: ", ")
                    throw DomainError.badFile(path: path, Message(
                        "regel 1: er is geen kolom '\(mapped)' voor --map \(name)=\(mapped); de kolommen zijn \(columns)",
                        "line 1: there is no column '\(mapped)' for --map \(name)=\(mapped); the columns are \(columns)"))
                }
                index[name] = position
            } else if let position = Self.locate(name, in: document.header, except: claimed) {
                index[name] = position
            }
            if let position = index[name] { claimed.insert(position) }
        }
        for name in required where index[name] == nil {
            let aliases = ImportVocabulary.headerAliases[name] ?? []
            let names = aliases.prefix(4).joined(separator: ", ")
            let (columns, kolommen) = (Self.shown(document.header), Self.shown(document.header, dutch: true))
            throw DomainError.badFile(path: path, Message(
                "regel 1: geen kolom voor \(name)" + (aliases.isEmpty ? "" : " (gelezen uit een kolom met de naam \(name), \(names))")
                    + "; de kolommen zijn \(kolommen); noem de kolom die het moet zijn met --map \(name)=KOLOM",
                "line 1: no column for \(name)" + (aliases.isEmpty ? "" : " (read from a column named \(name), \(names))")
                    + "; the columns are \(columns); name the one to use with --map \(name)=COLUMN"))
        }
        self.index = index
        var names: [String: String] = [:]
        for (name, position) in index { names[name] = document.header[position] }
        self.names = names
        ignored = document.header.indices.filter { !claimed.contains($0) }.map { document.header[$0] }
    }

    /// The position of the first column named `name` or one of its aliases (compared folded).
    static func locate(_ name: String, in header: [String], except claimed: Set<Int> = []) -> Int? {
        let spellings = Set(([name] + (ImportVocabulary.headerAliases[name] ?? [])).map(ImportVocabulary.fold))
        return header.indices.first { !claimed.contains($0) && spellings.contains(ImportVocabulary.fold(header[$0])) }
    }

    /// Whether the file has the column, under any of its names or the one mapped.
    static func has(_ name: String, _ document: CSVDocument, rename: [String: String]) -> Bool {
        if let mapped = rename[name] { return document.columnIndex(mapped.lowercased()) != nil }
        return locate(name, in: document.header) != nil
    }

    subscript(name: String) -> Int? { index[name] }

    /// Column names for a message: at most twelve, each at most 40 characters, so that a file
    /// with a runaway header still gets a message of one readable line.
    static func shown(_ names: [String], dutch: Bool = false) -> String {
        let listed = names.prefix(12).map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 }
        let more = dutch ? " en nog \(names.count - 12)" : " and \(names.count - 12) more"
        return listed.joined(separator: ", ") + (names.count > 12 ? more : "")
    }

    /// The column's name in the file, for error messages.
    func header(_ name: String) -> String { names[name] ?? name }
}
