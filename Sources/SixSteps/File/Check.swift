import Store

/// One problem `check` found.
public struct Problem: Sendable, Equatable {
    public let record: String
    public let message: String
    /// The same in Dutch, where the check words it; nil for what SQLite itself reports.
    public var dutch: String? = nil

    /// The message in the language asked for; the JSON keeps the English one.
    public func message(_ language: Language) -> String { language == .nl ? dutch ?? message : message }

    public var json: JSONObject { JSONObject([("record", .string(record)), ("message", .string(message))]) }
}

extension RoadmapFile {
    /// Checks the file and the rules between records. An empty list means all is well.
    public func check() throws -> [Problem] {
        try read {
            var problems: [Problem] = []
            for row in try connection.query("PRAGMA integrity_check") where row.string(0) != "ok" {
                problems.append(Problem(record: "file", message: row.string(0)))
            }
            for row in try connection.query("PRAGMA foreign_key_check") {
                problems.append(Problem(record: row.string(0), message: "row \(row.int(1)) refers to a missing \(row.string(2)) record",
                                        dutch: "regel \(row.int(1)) verwijst naar een record in \(row.string(2)) dat er niet is"))
            }
            if try setting(.contactKey) != nil { problems.append(Problem(record: "file", message: PseudonymKeyError.stillInRoadmap.description)) }
            for kind in Kind.allCases {
                for record in try records(kind) {
                    do { try validate(record) } catch {
                        problems.append(Problem(record: record.ref, message: "\(error)", dutch: (error as? DomainError)?.message(.nl)))
                    }
                }
            }
            for link in try allLinks(.itemDependency) where try dependsTransitively(link.to, on: link.from) {
                problems.append(Problem(record: link.fromRef, message: "depends on \(link.toRef), which depends back on it",
                                        dutch: "wacht op \(link.toRef), dat weer op dit item wacht"))
            }
            let done = try records(.item, filter: [.status: .text("done")])
            for item in done {
                for dependency in try links(.itemDependency, from: item.key) {
                    if let other = try record(.item, key: dependency.to), other[.status].string != "done" {
                        let status = other[.status].string ?? ""
                        problems.append(Problem(record: item.ref, message: "is done but depends on \(other.ref), which is \(status)",
                                                dutch: "is klaar maar wacht op \(other.ref), dat \(Language.nl.statusLabel(status)) is"))
                    }
                }
            }
            for opportunity in try connection.query(
                "SELECT id FROM opportunities WHERE id NOT IN (SELECT opportunity FROM opportunity_findings) ORDER BY id") {
                problems.append(Problem(record: Kind.opportunity.ref(opportunity[0]),
                                        message: "is based on no finding; link one with 'opportunity link'",
                                        dutch: "berust op geen enkele bevinding; koppel er een met 'opportunity link'"))
            }
            return problems
        }
    }

    private func dependsTransitively(_ item: SQLValue, on target: SQLValue) throws -> Bool {
        var stack = [item]
        var seen: Set<SQLValue> = []
        while let current = stack.popLast() {
            if current == target { return true }
            guard seen.insert(current).inserted else { continue }
            stack += try links(.itemDependency, from: current).map(\.to)
        }
        return false
    }
}
