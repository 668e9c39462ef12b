import Store

/// One roadmap item in the prioritised view.
public struct RoadmapEntry: Sendable {
    public let item: Record
    /// The best score among the opportunities it serves; 0 when it serves none.
    public let priority: Double
    public let opportunities: [String]
    /// The findings behind those opportunities: the start of the chain.
    public let findings: [String]
    public let metrics: [(slug: String, expectedChange: Double?)]
    /// Items it depends on that are not done yet.
    public let waitsFor: [String]
    public let overdue: Bool

    public var horizon: String { item[.horizon].string ?? "" }
    public var status: String { item[.status].string ?? "" }

    public var json: JSONObject {
        var object = item.json
        object.append("priority", .double(priority.rounded(toPlaces: 2)))
        object.append("opportunities", .array(opportunities.map(JSON.string)))
        object.append("findings", .array(findings.map(JSON.string)))
        object.append("metrics", .array(metrics.map {
            .object(JSONObject([("metric", .string($0.slug)), ("expected_change", $0.expectedChange.map(JSON.double) ?? .null)]))
        }))
        object.append("waits_for", .array(waitsFor.map(JSON.string)))
        object.append("overdue", .bool(overdue))
        return object
    }
}

public enum Horizon: String, CaseIterable, Sendable {
    case now, next, later
}

extension RoadmapFile {
    /// The roadmap in priority order per horizon: unfinished work first, best score first;
    /// done items after them, dropped items only when asked for.
    public func roadmap(includeDropped: Bool = false, today: ISODate = .today()) throws -> [RoadmapEntry] {
        let scores = try rankedOpportunities().reduce(into: [SQLValue: RankedOpportunity]()) { $0[$1.record.key] = $1 }
        let items = try records(.item)
        let status = items.reduce(into: [SQLValue: String]()) { $0[$1.key] = $1[.status].string }
        let grouped = try Dictionary(grouping: allLinks(.itemOpportunity), by: \.from)
        let metrics = try Dictionary(grouping: allLinks(.itemMetric), by: \.from)
        let dependencies = try Dictionary(grouping: allLinks(.itemDependency), by: \.from)

        let entries = items.compactMap { item -> RoadmapEntry? in
            let state = item[.status].string ?? ""
            if state == ItemStatus.dropped.rawValue && !includeDropped { return nil }
            let served = (grouped[item.key] ?? []).compactMap { scores[$0.to] }
            var findings: [String] = []
            for opportunity in served { for finding in opportunity.findings where !findings.contains(finding) { findings.append(finding) } }
            let finished = state == ItemStatus.done.rawValue || state == ItemStatus.dropped.rawValue
            let overdue = !finished && (item[.dueDate].string.flatMap { ISODate($0) }.map { $0 < today } ?? false)
            return RoadmapEntry(
                item: item,
                priority: served.map(\.score).max() ?? 0,
                opportunities: served.sorted { $0.rank < $1.rank }.map(\.ref),
                findings: findings,
                metrics: (metrics[item.key] ?? []).map { (slug: $0.toRef, expectedChange: $0.expectedChange) },
                waitsFor: (dependencies[item.key] ?? []).filter {
                    status[$0.to] != ItemStatus.done.rawValue && status[$0.to] != ItemStatus.dropped.rawValue
                }.map(\.toRef),
                overdue: overdue)
        }
        func order(_ entry: RoadmapEntry) -> Int {
            switch entry.status {
            case ItemStatus.done.rawValue: return 1
            case ItemStatus.dropped.rawValue: return 2
            default: return 0
            }
        }
        let horizons = Horizon.allCases.map(\.rawValue)
        return entries.sorted { a, b in
            let (ha, hb) = (horizons.firstIndex(of: a.horizon) ?? 3, horizons.firstIndex(of: b.horizon) ?? 3)
            if ha != hb { return ha < hb }
            if order(a) != order(b) { return order(a) < order(b) }
            if a.priority != b.priority { return a.priority > b.priority }
            return (a.item.key.int ?? 0) < (b.item.key.int ?? 0)
        }
    }

    /// Sets an item's status; `done` records today as its done date unless one is given.
    @discardableResult
    public func setStatus(_ ref: String, _ status: String, doneDate: String? = nil) throws -> Record {
        var input: [FieldKey: String] = [.status: status]
        if let doneDate { input[.doneDate] = doneDate }
        if status.lowercased() != ItemStatus.done.rawValue { input[.doneDate] = "" }
        return try edit(.item, ref, input: input)
    }
}
