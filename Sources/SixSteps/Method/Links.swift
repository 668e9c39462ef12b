import Store

/// The many-to-many links of the chain: finding → opportunity → item → metric, and item → item.
public enum LinkKind: String, CaseIterable, Sendable {
    case opportunityFinding = "opportunity_findings"
    case itemOpportunity = "item_opportunities"
    case itemDependency = "item_dependencies"
    case itemMetric = "item_metrics"

    var table: String { rawValue }

    var from: (kind: Kind, column: String) {
        switch self {
        case .opportunityFinding: return (.opportunity, "opportunity")
        case .itemOpportunity, .itemDependency, .itemMetric: return (.item, "item")
        }
    }

    var to: (kind: Kind, column: String) {
        switch self {
        case .opportunityFinding: return (.finding, "finding")
        case .itemOpportunity: return (.opportunity, "opportunity")
        case .itemDependency: return (.item, "depends_on")
        case .itemMetric: return (.metric, "metric")
        }
    }

    /// The key in the export under which the owner lists its links.
    var exportKey: String {
        switch self {
        case .opportunityFinding: return "findings"
        case .itemOpportunity: return "opportunities"
        case .itemDependency: return "depends_on"
        case .itemMetric: return "metrics"
        }
    }
}

/// One link, seen from either end.
public struct Link: Sendable, Equatable {
    public let kind: LinkKind
    public let from: SQLValue
    public let to: SQLValue
    /// For item → metric: by how much the item should move the metric.
    public let expectedChange: Double?

    public var fromRef: String { kind.from.kind.ref(from) }
    public var toRef: String { kind.to.kind.ref(to) }
}

extension RoadmapFile {
    private func links(_ kind: LinkKind, where column: String, _ key: SQLValue) throws -> [Link] {
        let extra = kind == .itemMetric ? ", expected_change" : ", NULL"
        let sql = "SELECT \(kind.from.column), \(kind.to.column)\(extra) FROM \(kind.table) WHERE \(column) = ? "
            + "ORDER BY \(kind.from.column), \(kind.to.column)"
        return try connection.query(sql, [key]).map {
            Link(kind: kind, from: $0[0], to: $0[1], expectedChange: $0.optionalDouble(2))
        }
    }

    /// The links that start at this record: an opportunity's findings, an item's metrics.
    public func links(_ kind: LinkKind, from key: SQLValue) throws -> [Link] {
        try links(kind, where: kind.from.column, key)
    }

    /// The links that end at this record: the opportunities that address a finding.
    public func links(_ kind: LinkKind, to key: SQLValue) throws -> [Link] {
        try links(kind, where: kind.to.column, key)
    }

    public func allLinks(_ kind: LinkKind) throws -> [Link] {
        let extra = kind == .itemMetric ? ", expected_change" : ", NULL"
        return try connection.query(
            "SELECT \(kind.from.column), \(kind.to.column)\(extra) FROM \(kind.table) "
                + "ORDER BY \(kind.from.column), \(kind.to.column)"
        ).map { Link(kind: kind, from: $0[0], to: $0[1], expectedChange: $0.optionalDouble(2)) }
    }

    /// Links `from` to each of `targets`; linking twice is harmless and logged once.
    public func link(_ kind: LinkKind, from fromRef: String, to targets: [String], expectedChange: Double? = nil) throws {
        try write {
            let owner = try record(kind.from.kind, fromRef)
            for target in targets {
                let other = try record(kind.to.kind, target)
                try insertLink(Link(kind: kind, from: owner.key, to: other.key, expectedChange: expectedChange))
            }
        }
    }

    func insertLink(_ link: Link, audited: Bool = true) throws {
        if link.kind == .itemDependency { try refuseCycle(item: link.from, dependsOn: link.to) }
        let existing = try links(link.kind, from: link.from).first { $0.to == link.to }
        // Linking again without an expected change keeps the one already there.
        if let existing, link.expectedChange == nil || existing.expectedChange == link.expectedChange { return }
        let summary = "linked \(link.fromRef) to \(link.toRef)"
            + (link.expectedChange.map { ", expected change \(formatNumber($0, signed: true))" } ?? "")
        if link.kind == .itemMetric {
            try connection.run(
                "INSERT INTO item_metrics (item, metric, expected_change) VALUES (?, ?, ?) "
                    + "ON CONFLICT(item, metric) DO UPDATE SET expected_change = excluded.expected_change",
                [link.from, link.to, SQLValue(link.expectedChange)])
        } else {
            try connection.run(
                "INSERT INTO \(link.kind.table) (\(link.kind.from.column), \(link.kind.to.column)) VALUES (?, ?)",
                [link.from, link.to])
        }
        guard audited else { return }
        try audit(action: "link", record: link.fromRef, summary: summary,
                  before: existing.map(\.json).map(JSON.object), after: .object(link.json))
    }

    public func unlink(_ kind: LinkKind, from fromRef: String, to targets: [String]) throws {
        try write {
            let owner = try record(kind.from.kind, fromRef)
            for target in targets {
                let other = try record(kind.to.kind, target)
                guard let link = try links(kind, from: owner.key).first(where: { $0.to == other.key }) else {
                    throw DomainError.inconsistent(Message("\(owner.ref) is niet gekoppeld aan \(other.ref); er valt niets los te maken",
                                                           "\(owner.ref) is not linked to \(other.ref); nothing to remove"))
                }
                try deleteLink(link)
            }
        }
    }

    func deleteLink(_ link: Link) throws {
        try connection.run(
            "DELETE FROM \(link.kind.table) WHERE \(link.kind.from.column) = ? AND \(link.kind.to.column) = ?",
            [link.from, link.to])
        try audit(action: "unlink", record: link.fromRef, summary: "unlinked \(link.fromRef) from \(link.toRef)",
                  before: .object(link.json), after: nil)
    }

    /// A dependency that leads back to the item itself would make the roadmap impossible to plan.
    private func refuseCycle(item: SQLValue, dependsOn: SQLValue) throws {
        var path: [SQLValue] = []
        var seen: Set<SQLValue> = []
        func reaches(_ current: SQLValue) throws -> Bool {
            path.append(current)
            if current == item { return true }
            if seen.insert(current).inserted {
                for next in try links(.itemDependency, from: current).map(\.to) where try reaches(next) {
                    return true
                }
            }
            path.removeLast()
            return false
        }
        if item == dependsOn {
            throw DomainError.dependencyCycle([item, item].map { Kind.item.ref($0) })
        }
        if try reaches(dependsOn) {
            throw DomainError.dependencyCycle(([item] + path).map { Kind.item.ref($0) })
        }
    }
}

extension Link {
    var json: JSONObject {
        var object = JSONObject([(kind.from.column, .string(fromRef)), (kind.to.column, .string(toRef))])
        if kind == .itemMetric { object.append("expected_change", expectedChange.map(JSON.double) ?? .null) }
        return object
    }
}
