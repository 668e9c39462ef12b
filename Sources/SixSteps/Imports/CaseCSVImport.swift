import Store

extension RoadmapFile {
    /// The columns of a case system's status export, by their standard names.
    public static let caseColumns = ["case", "casetype", "status", "date", "department"]

    /// Imports a plain status export of an older case system: one row per status a case was
    /// given (zaaknummer, zaaktype, status, datum, afdeling). The zaaknummer is hashed under the
    /// key of the contacts as it is read, so cases and contacts about them join, and is never
    /// stored or shown. A case starts on its first status and is decided when it reaches the
    /// last step of its type. Case types and steps the roadmap does not know yet are added, the
    /// steps in the order the cases pass them; every problem of the file is reported at once and
    /// nothing is written unless all is well.
    public func importCases(_ document: CSVDocument, path: String, rename: [String: String], dryRun: Bool,
                            key loadKey: () throws -> PseudonymKey) throws -> CaseImport {
        let columns = try ColumnMap(document, path: path, standard: Self.caseColumns, required: ["case", "casetype", "status", "date"],
                                    rename: rename)
        if try setting(.contactKey) != nil { throw PseudonymKeyError.stillInRoadmap }
        let key = try loadKey()
        let plan = try read {
            try checkKey(key)
            return try Self.caseCSVPlan(document, path: path, columns: columns, hasher: key.hasher)
        }
        return try writeCases(plan, path: path, dryRun: dryRun, key: key)
    }

    /// Reads and checks every row; reads nothing from the roadmap.
    static func caseCSVPlan(_ document: CSVDocument, path: String, columns: ColumnMap, hasher: SipHasher) throws -> CaseImportPlan {
        var reader = CaseRowReader(columns: columns, hasher: hasher)
        var rows: [CaseRow] = []
        var problems = ImportProblems()
        try document.forEachRow { row in
            do {
                rows.append(try reader.read(row))
            } catch let error as CSVError {
                problems.add(error)
            }
        }
        try problems.check(path: path)
        guard !rows.isEmpty else { throw DomainError.badFile(path: path, Message("het bestand heeft geen regels", "the file holds no rows")) }
        rows.sort { ($0.key, $0.at, $0.status) < ($1.key, $1.at, $1.status) }

        var plan = CaseImportPlan()
        plan.rows = rows.count
        plan.statusNames = reader.texts
        plan.statuses.reserveCapacity(rows.count)
        // Per type and status: the sum of relative ranks, how many, and the first department; in
        // a flat table by the two texts' numbers, as a million rows name only a few of each.
        // Types and statuses get dense numbers of their own, so the table is types × statuses.
        var typeIndex = [Int](repeating: -1, count: reader.texts.count)
        var statusIndex = [Int](repeating: -1, count: reader.texts.count)
        var typeNumbers: [UInt32] = []
        var statusNumbers: [UInt32] = []
        for row in rows {
            if typeIndex[Int(row.type)] < 0 { typeIndex[Int(row.type)] = typeNumbers.count; typeNumbers.append(row.type) }
            if statusIndex[Int(row.status)] < 0 { statusIndex[Int(row.status)] = statusNumbers.count; statusNumbers.append(row.status) }
        }
        let width = statusNumbers.count
        var ranks = [(sum: Double, count: Int, department: UInt32)](repeating: (0, 0, CaseRow.none), count: typeNumbers.count * width)
        var index = 0
        while index < rows.count {
            var end = index
            while end + 1 < rows.count && rows[end + 1].key == rows[index].key { end += 1 }
            let first = rows[index]
            if let other = rows[index...end].first(where: { $0.type != first.type }) {
                let (one, two) = (reader.texts[Int(first.type)], reader.texts[Int(other.type)])
                throw DomainError.badFile(path: path, Message(
                    "regel \(other.line): een zaak heeft twee zaaktypen, '\(one)' op regel \(first.line) en '\(two)'; een zaak heeft één zaaktype",
                    "line \(other.line): a case is named with two case types, '\(one)' on line \(first.line) and '\(two)'; a case has one type"))
            }
            let length = Double(end - index + 1)
            for position in index...end {
                let row = rows[position]
                if position > index, rows[position - 1].at == row.at, rows[position - 1].status == row.status { continue }
                plan.statuses.append(.init(key: row.key, at: row.at, status: row.status))
                let pair = typeIndex[Int(row.type)] * width + statusIndex[Int(row.status)]
                ranks[pair].sum += length > 1 ? Double(position - index) / (length - 1) : 0
                ranks[pair].count += 1
                if ranks[pair].department == CaseRow.none { ranks[pair].department = row.department }
            }
            plan.cases.append(.init(key: first.key, type: reader.texts[Int(first.type)], start: Timestamp(seconds: first.at).date.description,
                                    end: nil, deadline: nil, extensionDuration: nil, suspended: false))
            index = end + 1
        }
        for (pair, entry) in ranks.enumerated() where entry.count > 0 {
            let type = reader.texts[Int(typeNumbers[pair / width])]
            let status = reader.texts[Int(statusNumbers[pair % width])]
            let department = entry.department == CaseRow.none ? nil : reader.texts[Int(entry.department)]
            plan.types[type, default: .init(ref: type, name: type)].steps[status] =
                .init(status: status, department: department, meanRank: entry.sum / Double(entry.count))
        }
        return plan
    }
}

/// One row of a status export, in 32 bytes: type, status and department as numbers in `texts`.
struct CaseRow {
    static let none = UInt32.max
    var key: Int64
    var at: Int64
    var type: UInt32
    var status: UInt32
    var department: UInt32
    var line: Int
}

/// Reads and checks the rows of a status export. An error about the case column never quotes its
/// value: that is the key that must not leave the file.
private struct CaseRowReader {
    private let columns: ColumnMap
    private let hasher: SipHasher
    private let caseKey: Int?
    private let type: Int?
    private let status: Int?
    private let date: Int?
    private let department: Int?
    private var numbered = NumberedTexts()
    var texts: [String] { numbered.texts }
    private var spellings = ByteSpellings()
    private var days = ByteSpellings()

    init(columns: ColumnMap, hasher: SipHasher) {
        self.columns = columns
        self.hasher = hasher
        caseKey = columns["case"]
        type = columns["casetype"]
        status = columns["status"]
        date = columns["date"]
        department = columns["department"]
    }

    mutating func read(_ row: borrowing CSVRow) throws -> CaseRow {
        guard let position = caseKey, let hash = row.withContent(position, { $0.isEmpty ? nil : hasher.hash($0) }) ?? nil else {
            throw failure(row.line, "case", Message("is leeg; elke status heeft het zaaknummer van zijn zaak nodig", "is empty; every status needs the zaaknummer of its case"))
        }
        guard let type = try text(row, type, "casetype") else {
            throw failure(row.line, "casetype", Message("is leeg; elke status heeft zijn zaaktype nodig", "is empty; every status needs its case type (zaaktype)"))
        }
        guard let status = try text(row, status, "status") else {
            throw failure(row.line, "status", Message("is leeg; elke regel heeft de status nodig die de zaak kreeg", "is empty; every row needs the status the case was given"))
        }
        let department = try text(row, department, "department") ?? CaseRow.none
        guard let position = date, let at = try moment(row, position) else {
            let raw = try date.flatMap { try row.string($0) } ?? ""
            throw failure(row.line, "date", raw.isEmpty
                ? Message("is leeg; elke status heeft de dag nodig waarop hij is gezet", "is empty; every status needs the day it was set")
                : Message("'\(raw)' is geen datum zoals 2015-03-12, 12-03-2015 of 12-03-2015 09:14",
                          "'\(raw)' is not a date like 2015-03-12, 12-03-2015 or 12-03-2015 09:14"))
        }
        return CaseRow(key: Int64(bitPattern: hash), at: at, type: type, status: status, department: department, line: row.line)
    }

    /// A date with its time (`2015-03-12 09:14`), or a day alone (`12-03-2015`) at midnight. Days
    /// are few: each spelling is read once.
    private mutating func moment(_ row: borrowing CSVRow, _ position: Int) throws -> Int64? {
        if let known = row.spelling(position, in: days) { return Int64(known) * 86_400 }
        if let stamp = row.withContent(position, Timestamp.parse) ?? nil { return stamp.seconds }
        guard let raw = try row.string(position), let day = ISODate(dutchOrISO: raw.trimmingSpaces) else { return nil }
        let number = Timestamp(date: day).days
        guard number >= 0, number < Int64(UInt32.max) else { return nil }
        row.remember(position, in: &days, UInt32(number))
        return number * 86_400
    }

    /// The number of a text field's value in `texts`; nil when empty. Control characters are refused.
    private mutating func text(_ row: borrowing CSVRow, _ position: Int?, _ column: String) throws -> UInt32? {
        guard let position, !row.isEmpty(position) else { return nil }
        if let known = row.spelling(position, in: spellings) { return known }
        guard let raw = try row.string(position) else { return nil }
        let trimmed = raw.trimmingSpaces
        guard trimmed.count <= 200 else { throw failure(row.line, column, Message("is langer dan 200 tekens; maak het korter", "is longer than 200 characters")) }
        if let bad = trimmed.unicodeScalars.first(where: TextRules.isControl) {
            throw failure(row.line, column, Message("bevat een stuurteken (U+\(String(bad.value, radix: 16, uppercase: true))); haal het weg", "holds a control character (U+\(String(bad.value, radix: 16, uppercase: true)))"))
        }
        let number = numbered.number(trimmed)
        row.remember(position, in: &spellings, number)
        return number
    }

    private func failure(_ line: Int, _ column: String, _ message: Message) -> CSVError {
        CSVError(line: line, column: columns.header(column), message: message)
    }
}
