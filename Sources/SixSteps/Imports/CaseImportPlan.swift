import Store

/// What a case import read, checked and hashed, before anything is written: the case types and
/// their steps as the file has them, the cases under their pseudonym, and their statuses.
struct CaseImportPlan {
    struct PlannedStep {
        var status: String
        var url: String?
        /// The volgnummer from the Catalogi API; nil from a CSV, which gives only the order in
        /// which cases pass the statuses.
        var position: Int?
        var department: String?
        /// From a CSV: the mean rank of the status in the cases' histories, to order new steps.
        var meanRank: Double = 0
    }

    struct PlannedType {
        var ref: String
        var name: String
        var url: String?
        var term: String?
        var serviceNorm: String?
        var steps: [String: PlannedStep] = [:]
    }

    struct PlannedCase {
        var key: Int64
        var type: String
        var start: String
        var end: String?
        var deadline: String?
        var extensionDuration: String?
        var suspended: Bool
    }

    /// A status: case key, moment (seconds) and the status's number in `statusNames`.
    struct PlannedStatus {
        var key: Int64
        var at: Int64
        var status: UInt32
    }

    var types: [String: PlannedType] = [:]
    var cases: [PlannedCase] = []
    var statusNames: [String] = []
    var statuses: [PlannedStatus] = []
    /// Rows or records read.
    var rows = 0
}

/// What a case import did (or, in a dry run, would do).
public struct CaseImport: Sendable {
    public let rows: Int
    public let cases: Int
    public let newCases: Int
    public let statuses: Int
    public let newStatuses: Int
    public let caseTypes: [String]
    public let firstDate: String?
    public let lastDate: String?
    /// Case types without a journey: their cases count nowhere until linked.
    public let unlinkedTypes: [String]
    public let measurements: [String]
}

extension RoadmapFile {
    /// Writes a checked plan in one transaction (or rehearses it): the types and steps added or
    /// completed, the cases added or brought up to date, the statuses added (a status already
    /// there is skipped, so importing the same export twice adds nothing), then the case metrics
    /// of the open cycles computed again.
    func writeCases(_ plan: CaseImportPlan, path: String, dryRun: Bool, key: PseudonymKey) throws -> CaseImport {
        try withBulkImportSettings(dryRun: dryRun) { try rehearsing(dryRun, path: path) {
            try checkKey(key)
            try recordKey(key)
            for type in plan.types.values.sorted(by: { $0.ref < $1.ref }) { try writeType(type) }
            let casesBefore = try connection.scalar("SELECT count(*) FROM cases").int ?? 0
            let upsert = try connection.prepare(
                "INSERT INTO cases (case_key, case_type, start_date, end_date, deadline, extension, suspended) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT(case_key) DO UPDATE SET case_type = excluded.case_type, start_date = min(start_date, excluded.start_date), "
                    + "end_date = excluded.end_date, deadline = coalesce(excluded.deadline, deadline), "
                    + "extension = coalesce(excluded.extension, extension), suspended = excluded.suspended")
            for planned in plan.cases {
                try upsert.bind(planned.key, at: 1)
                try upsert.bind(planned.type, at: 2)
                try upsert.bind(planned.start, at: 3)
                try upsert.bind(planned.end, at: 4)
                try upsert.bind(planned.deadline, at: 5)
                try upsert.bind(planned.extensionDuration, at: 6)
                try upsert.bind(Int64(planned.suspended ? 1 : 0), at: 7)
                _ = try upsert.run()
            }
            let newCases = Int((try connection.scalar("SELECT count(*) FROM cases").int ?? 0) - casesBefore)
            let newStatuses = try StatusInserter.insert(plan, into: connection)
            let measurements = try refreshCaseMetrics(source: path)
            let days = plan.statuses.isEmpty ? plan.cases.map(\.start) : [
                Timestamp(seconds: plan.statuses.map(\.at).min() ?? 0).date.description,
                Timestamp(seconds: plan.statuses.map(\.at).max() ?? 0).date.description,
            ]
            let unlinked = try connection.query("SELECT ref FROM case_types WHERE journey IS NULL ORDER BY ref").map { $0.string(0) }
            let typeRefs = plan.types.keys.sorted()
            try audit(action: "import", record: "cases",
                      summary: "imported \(plan.cases.count) cases (\(newCases) new) and \(plan.statuses.count) statuses "
                        + "(\(newStatuses) new) of \(typeRefs.joined(separator: ", ")) from \(path)",
                      before: nil, after: nil)
            return CaseImport(rows: plan.rows, cases: plan.cases.count, newCases: newCases, statuses: plan.statuses.count,
                              newStatuses: newStatuses, caseTypes: typeRefs, firstDate: days.min(), lastDate: days.max(),
                              unlinkedTypes: unlinked.filter { typeRefs.contains($0) }, measurements: measurements)
        } }
    }

    /// A case type and its steps: new ones added; known ones completed with what the file adds.
    /// The Catalogi API's volgnummer sets a step's position; a step a CSV names for the first
    /// time goes after the known ones, in the order the cases pass it.
    private func writeType(_ type: CaseImportPlan.PlannedType) throws {
        try connection.run("INSERT INTO case_types (ref, name, url, term, service_norm) VALUES (?, ?, ?, ?, ?) "
                           + "ON CONFLICT(ref) DO UPDATE SET url = coalesce(excluded.url, url), term = coalesce(excluded.term, term), "
                           + "service_norm = coalesce(excluded.service_norm, service_norm)",
                           [.text(type.ref), .text(type.name), SQLValue(type.url), SQLValue(type.term), SQLValue(type.serviceNorm)])
        var next = (try connection.scalar("SELECT max(position) FROM case_steps WHERE case_type = ?", [.text(type.ref)]).int ?? 0) + 1
        let known = Set(try connection.query("SELECT status FROM case_steps WHERE case_type = ?", [.text(type.ref)]).map { $0.string(0) })
        let ordered = type.steps.values.sorted { ($0.position ?? Int.max, $0.meanRank, $0.status) < ($1.position ?? Int.max, $1.meanRank, $1.status) }
        for step in ordered {
            if known.contains(step.status) {
                try connection.run("UPDATE case_steps SET position = coalesce(?, position), url = coalesce(?, url), "
                                   + "department = coalesce(department, ?) WHERE case_type = ? AND status = ?",
                                   [SQLValue(step.position.map(Int64.init)), SQLValue(step.url), SQLValue(step.department),
                                    .text(type.ref), .text(step.status)])
            } else {
                let position = step.position.map(Int64.init) ?? next
                next = max(next, position) + 1
                try connection.run("INSERT INTO case_steps (case_type, status, url, position, department) VALUES (?, ?, ?, ?, ?)",
                                   [.text(type.ref), .text(step.status), SQLValue(step.url), .integer(position), SQLValue(step.department)])
            }
        }
    }
}

/// Writes statuses a batch of 100 at a time through one prepared statement, in the table's own
/// order, so SQLite adds each row at the end of its tree. Returns how many were new.
private enum StatusInserter {
    static let batchSize = 100

    static func insert(_ plan: CaseImportPlan, into connection: Connection) throws -> Int {
        let statuses = plan.statuses
        var added = 0
        var start = 0
        let single = try statement(connection, rows: 1)
        let batch = statuses.count >= batchSize ? try statement(connection, rows: batchSize) : nil
        while start < statuses.count {
            let rows = batch != nil && statuses.count - start >= batchSize ? batchSize : 1
            let statement = rows == batchSize ? batch ?? single : single
            for slot in 0..<rows {
                let status = statuses[start + slot]
                try statement.bind(status.key, at: 1 + slot * 3)
                try statement.bind(status.at, at: 2 + slot * 3)
                try statement.bind(plan.statusNames[Int(status.status)], at: 3 + slot * 3)
            }
            added += try statement.run()
            start += rows
        }
        return added
    }

    private static func statement(_ connection: Connection, rows: Int) throws -> PreparedStatement {
        let values = (0..<rows).map { slot in "(?\(slot * 3 + 1), ?\(slot * 3 + 2), ?\(slot * 3 + 3))" }
        return try connection.prepare("INSERT OR IGNORE INTO case_statuses (case_key, at, status) VALUES " + values.joined(separator: ", "))
    }
}
