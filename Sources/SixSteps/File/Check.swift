import Store

/// One problem `check` found.
public struct Problem: Sendable, Equatable {
    public let record: String
    public let message: String

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
                problems.append(Problem(record: row.string(0), message: "row \(row.int(1)) refers to a missing \(row.string(2)) record"))
            }
            if try setting(.contactKey) != nil { problems.append(Problem(record: "file", message: PseudonymKeyError.stillInRoadmap.description)) }
            for kind in Kind.allCases {
                for record in try records(kind) {
                    do { try validate(record) } catch {
                        problems.append(Problem(record: record.ref, message: "\(error)"))
                    }
                }
            }
            for link in try allLinks(.itemDependency) where try dependsTransitively(link.to, on: link.from) {
                problems.append(Problem(record: link.fromRef, message: "depends on \(link.toRef), which depends back on it"))
            }
            let done = try records(.item, filter: ["status": .text("done")])
            for item in done {
                for dependency in try links(.itemDependency, from: item.key) {
                    if let other = try record(.item, key: dependency.to), other["status"].string != "done" {
                        problems.append(Problem(record: item.ref, message: "is done but depends on \(other.ref), which is \(other["status"].string ?? "")"))
                    }
                }
            }
            for opportunity in try connection.query(
                "SELECT id FROM opportunities WHERE id NOT IN (SELECT opportunity FROM opportunity_findings) ORDER BY id") {
                problems.append(Problem(record: Kind.opportunity.ref(opportunity[0]),
                                        message: "is based on no finding; link one with 'opportunity link'"))
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
