import Store

extension RoadmapFile {
    /// The columns of a file of contact registrations, by their standard names.
    static let contactColumns = ["date", "channel", "reason", "case", "journey", "resolved"]

    /// Imports contact registrations: one row per contact with its moment, channel, reason, case
    /// key and (optionally) journey. The case key is hashed under `key`, from the municipality's
    /// key file, as it is read, and never stored or shown. A contact already in the roadmap (same case, moment,
    /// channel and reason) is skipped, so importing a file twice adds nothing; each new contact
    /// adds one to the count of its month, channel and reason, so weekly exports add up.
    ///
    /// Like `importSurvey`, in two steps, so that a refused file leaves the roadmap byte for byte
    /// as it was: every row is checked and hashed while only reading, then written in one
    /// transaction (again checked first if another connection committed in between). Foreign
    /// keys are off while writing (`withBulkImportSettings`): every channel and journey was
    /// checked against the roadmap that the rows are written into, under the write lock, which
    /// is the check SQLite would repeat for each of a million rows.
    func importContacts(_ document: CSVDocument, path: String, rename: [String: String], dryRun: Bool,
                        key: PseudonymKey) throws -> VolumeImport {
        let columns = try ColumnMap(document, path: path, standard: Self.contactColumns, required: ["date", "channel", "case"],
                                    rename: rename)
        func check() throws -> CheckedContacts {
            do {
                return try checkContacts(document, path: path, columns: columns, key: key)
            } catch let error as CSVError {
                throw DomainError.badFile(path: path, .of(error))
            }
        }
        return try writeContacts(try read(check), path: path, dryRun: dryRun, key: key, check: check)
    }

    /// Step 2 of a contact import, from a CSV file or a KCC system's JSON (`importRegistrations`):
    /// the checked contacts written in one transaction, checked again first (`check`) if another
    /// connection committed since they were.
    func writeContacts(_ checked: CheckedContacts, path: String, dryRun: Bool, key: PseudonymKey,
                       check: () throws -> CheckedContacts) throws -> VolumeImport {
        var checked = checked
        return try withBulkImportSettings(dryRun: dryRun) { try rehearsing(dryRun, path: path) {
            if try connection.pragma("data_version") != checked.dataVersion {
                checked = try check()
            }
            try checkKey(key)
            try recordKey(key)
            // A million contacts fall on a few hundred days: each day's month is worked out once.
            var months: [Int64: String] = [:]
            func period(_ at: Int64) -> String {
                let day = Timestamp(seconds: at).days
                if let known = months[day] { return known }
                let month = String(Timestamp(seconds: at).date.description.prefix(7))
                months[day] = month
                return month
            }
            var counts: [VolumeKey: Int64] = [:]
            let fresh = try connection.first("SELECT 1 FROM contacts LIMIT 1") == nil
            let added = try ContactInserter.insert(checked, into: connection, fresh: fresh) { contact in
                let key = VolumeKey(period: period(contact.at), channel: checked.texts[Int(contact.channel)],
                                    reason: checked.texts[Int(contact.reason)])
                counts[key, default: 0] += 1
            }
            for (key, count) in counts {
                try connection.run(
                    "INSERT INTO volumes (period, channel, reason, count) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT(period, channel, reason) DO UPDATE SET count = count + excluded.count",
                    [.text(key.period), .text(key.channel), .text(key.reason), .integer(count)])
            }
            try refreshContactMetrics(source: path)
            let periods = Array(Set(checked.contacts.map { period($0.at) })).sorted()
            try audit(action: "import", record: "contacts",
                      summary: "imported \(checked.rows) contact registrations (\(added) new) for "
                        + "\(periods.joined(separator: ", ")) from \(path)",
                      before: nil, after: nil)
            return VolumeImport(rows: counts.count, contacts: Int64(checked.rows), periods: periods, newContacts: added)
        } }
    }

    /// Step 1: every row checked and its case key hashed. Reads only.
    private func checkContacts(_ document: CSVDocument, path: String, columns: ColumnMap, key: PseudonymKey) throws -> CheckedContacts {
        try checkKey(key)
        var reader = ContactRowReader(columns: columns, lookups: try SurveyLookups(self), hasher: key.hasher)
        var contacts: [CheckedContact] = []
        var problems = ImportProblems()
        try document.forEachRow { row in
            do {
                contacts.append(try reader.read(row))
            } catch let error as CSVError {
                problems.add(error)
            }
        }
        try problems.check(path: path)
        guard !contacts.isEmpty else { throw DomainError.badFile(path: path, Message("het bestand heeft geen regels", "the file holds no rows")) }
        return try checkedContacts(contacts, texts: reader.texts)
    }

    /// Read contacts as they will be written: sorted, each contact once.
    func checkedContacts(_ read: [CheckedContact], texts: [String]) throws -> CheckedContacts {
        var contacts = read
        let rows = contacts.count
        // In the table's own order, SQLite adds each row at the end of its tree; a row that is in
        // the file twice is then next to itself, and kept once.
        contacts.sort { ($0.caseKey, $0.at, $0.channel, $0.reason) < ($1.caseKey, $1.at, $1.channel, $1.reason) }
        var kept = 0
        for index in contacts.indices where kept == 0 || !contacts[index].sameContact(as: contacts[kept - 1]) {
            contacts[kept] = contacts[index]
            kept += 1
        }
        contacts.removeLast(contacts.count - kept)
        return CheckedContacts(dataVersion: try connection.pragma("data_version"), texts: texts, rows: rows, contacts: contacts)
    }
}

/// One checked contact in 32 bytes: channel, reason and journey as numbers in `texts`.
struct CheckedContact {
    static let none = UInt32.max

    var caseKey: Int64
    var at: Int64
    var channel: UInt32
    var reason: UInt32
    var journey: UInt32
    /// Whether the contact was resolved: 1 yes, 0 no, `unknown` when the registration does not say.
    var resolved: UInt8 = CheckedContact.unknown

    static let unknown: UInt8 = 2

    /// The same contact: the table's key. A row that differs only in its journey is the same.
    func sameContact(as other: CheckedContact) -> Bool {
        caseKey == other.caseKey && at == other.at && channel == other.channel && reason == other.reason
    }
}

struct CheckedContacts {
    let dataVersion: Int64
    let texts: [String]
    /// The rows of the file; `contacts` holds each contact once.
    let rows: Int
    let contacts: [CheckedContact]

    func text(_ number: UInt32) -> String? {
        number == CheckedContact.none ? nil : texts[Int(number)]
    }
}

/// Reads and checks the rows of a contact file, in the column order date, channel, reason, case,
/// journey, so the first error in a file is the one reported. An error about the case column
/// never quotes its value: that is the key that must not leave the file.
private struct ContactRowReader {
    private let lookups: SurveyLookups
    private let columns: ColumnMap
    private let hasher: SipHasher
    private let date: Int?
    private let channel: Int?
    private let reason: Int?
    private let caseKey: Int?
    private let journey: Int?
    private let resolved: Int?

    private var numbered = NumberedTexts()
    var texts: [String] { numbered.texts }
    private var channels = ByteSpellings()
    private var reasons = ByteSpellings()
    private var journeys = ByteSpellings()

    init(columns: ColumnMap, lookups: SurveyLookups, hasher: SipHasher) {
        self.columns = columns
        self.lookups = lookups
        self.hasher = hasher
        date = columns["date"]
        channel = columns["channel"]
        reason = columns["reason"]
        caseKey = columns["case"]
        journey = columns["journey"]
        resolved = columns["resolved"]
    }

    mutating func read(_ row: borrowing CSVRow) throws -> CheckedContact {
        guard let position = date, let at = row.withContent(position, Timestamp.parse) ?? nil else {
            let raw = try date.flatMap { try row.string($0) } ?? ""
            throw failure(row.line, "date", raw.isEmpty
                ? Message("is leeg; elk contact heeft een datum en tijd nodig", "is empty; every contact needs its date and time")
                : Message("'\(raw)' is geen datum en tijd zoals 2014-03-12 09:14 of 12-03-2014 09:14",
                          "'\(raw)' is not a date and time like 2014-03-12 09:14 or 12-03-2014 09:14"))
        }
        var contact = CheckedContact(caseKey: 0, at: at.seconds, channel: 0, reason: 0, journey: CheckedContact.none)
        guard let channel = try spelling(row, "channel", channel, in: \.channels, check: { reader, raw, fail in
            reader.number(try reader.lookups.channel(raw, fail: fail))
        }) else {
            throw failure(row.line, "channel", Message("is leeg; elk contact heeft een kanaal nodig", "is empty; every contact needs its channel"))
        }
        contact.channel = channel
        contact.reason = try spelling(row, "reason", reason, in: \.reasons) { reader, raw, _ in reader.number(raw) } ?? number("")
        guard let position = caseKey,
              let hash = row.withContent(position, { $0.isEmpty ? nil : hasher.hash($0) }) ?? nil else {
            throw failure(row.line, "case", Message("is leeg; elk contact heeft de sleutel van zijn zaak of persoon nodig",
                                                    "is empty; every contact needs the key of its case or person"))
        }
        contact.caseKey = Int64(bitPattern: hash)
        contact.journey = try spelling(row, "journey", journey, in: \.journeys) { reader, raw, fail in
            reader.number(try reader.lookups.journey(raw, fail: fail))
        } ?? CheckedContact.none
        if let position = resolved, !row.isEmpty(position), let raw = try row.string(position) {
            guard let yes = ImportVocabulary.yesNo(raw) else {
                throw failure(row.line, "resolved", Message("'\(raw)' is geen antwoord zoals ja of nee", "'\(raw)' is not an answer like ja or nee"))
            }
            contact.resolved = yes ? 1 : 0
        }
        return contact
    }

    /// The checked form of a field: looked up by its bytes when that spelling was met before,
    /// else checked by `check` and remembered. Nil when the field is empty or absent.
    private mutating func spelling(
        _ row: borrowing CSVRow, _ column: String, _ position: Int?, in table: WritableKeyPath<ContactRowReader, ByteSpellings>,
        check: (inout ContactRowReader, String, (Message) -> CSVError) throws -> UInt32
    ) throws -> UInt32? {
        guard let position, !row.isEmpty(position) else { return nil }
        if let known = row.spelling(position, in: self[keyPath: table]) { return known }
        guard let raw = try row.string(position) else { return nil }
        let name = columns.header(column)
        let line = row.line
        let checked = try check(&self, raw, { CSVError(line: line, column: name, message: $0) })
        row.remember(position, in: &self[keyPath: table], checked)
        return checked
    }

    /// The number of a checked text in `texts`, which holds each text once.
    mutating func number(_ text: String) -> UInt32 { numbered.number(text) }

    private func failure(_ line: Int, _ column: String, _ message: Message) -> CSVError {
        CSVError(line: line, column: columns.header(column), message: message)
    }
}

/// Writes checked contacts. Into a table without contacts, every contact is new, and they go a
/// batch of 100 at a time through one prepared statement, like `SurveyInserter`. Into a table
/// that has contacts, one at a time, as only then SQLite tells which were new. Calls `new` for
/// each contact that was not there yet and returns how many there were.
private enum ContactInserter {
    static let batchSize = 100
    private static let columnsPerRow = 6

    static func insert(_ checked: CheckedContacts, into connection: Connection, fresh: Bool,
                       new: (CheckedContact) -> Void) throws -> Int {
        let contacts = checked.contacts
        var added = 0
        var start = 0
        let single = try statement(connection, rows: 1)
        let batch = fresh && contacts.count >= batchSize ? try statement(connection, rows: batchSize) : nil
        while start < contacts.count {
            let statement = batch != nil && contacts.count - start >= batchSize ? batch ?? single : single
            let rows = statement === single ? 1 : batchSize
            for slot in 0..<rows {
                let contact = contacts[start + slot]
                let first = 1 + slot * columnsPerRow
                try statement.bind(contact.caseKey, at: first)
                try statement.bind(contact.at, at: first + 1)
                try statement.bind(checked.text(contact.channel), at: first + 2)
                try statement.bind(checked.text(contact.reason), at: first + 3)
                try statement.bind(checked.text(contact.journey), at: first + 4)
                try statement.bind(contact.resolved == CheckedContact.unknown ? nil : Int64(contact.resolved), at: first + 5)
            }
            let changed = try statement.run()
            if fresh || changed == 1 {
                for contact in contacts[start..<start + rows] { new(contact) }
            }
            added += changed
            start += rows
        }
        return added
    }

    private static func statement(_ connection: Connection, rows: Int) throws -> PreparedStatement {
        let values = (0..<rows).map { slot in
            let first = 1 + slot * columnsPerRow
            return "(" + (first..<first + columnsPerRow).map { "?\($0)" }.joined(separator: ", ") + ")"
        }
        return try connection.prepare("INSERT OR IGNORE INTO contacts (case_key, at, channel, reason, journey, resolved) VALUES "
                                      + values.joined(separator: ", "))
    }
}
