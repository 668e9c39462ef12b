import Store

/// The chain around one record, both ways: what led to it and what it led to.
public struct Trace: Sendable {
    public struct Section: Sendable {
        /// A key for JSON, snake_case: "opportunities", "led_to_items".
        public let key: String
        public let title: String
        public let records: [TracedRecord]
    }

    public let record: Record
    public let sections: [Section]

    public init(record: Record, sections: [Section]) {
        self.record = record
        self.sections = sections
    }

    public var json: JSONObject {
        var object = record.json
        for section in sections {
            object.append(section.key, .array(section.records.map { .object($0.json) }))
        }
        return object
    }
}

/// A record as it appears in someone else's trace, with an optional note: "expected +0.5".
public struct TracedRecord: Sendable {
    public let ref: String
    public let title: String
    public let note: String?
    /// The change the link expects of a metric, which `note` words in English for the JSON.
    public let expectedChange: Double?
    /// For the rank row: the opportunity's rank, whose score and reason `title` and `note` word
    /// in English for the JSON.
    public let rank: RankedOpportunity?

    init(ref: String, title: String, note: String?, expectedChange: Double? = nil, rank: RankedOpportunity? = nil) {
        self.ref = ref
        self.title = title
        self.note = note
        self.expectedChange = expectedChange
        self.rank = rank
    }

    var json: JSONObject {
        var object = JSONObject([("id", .string(ref)), ("title", .string(title))])
        if let note { object.append("note", .string(note)) }
        return object
    }
}

extension RoadmapFile {
    public func trace(_ kind: Kind, _ ref: String) throws -> Trace {
        try read {
            let record = try record(kind, ref)
            return Trace(record: record, sections: try sections(for: record).filter { !$0.records.isEmpty })
        }
    }

    private func traced(_ kind: Kind, _ keys: [SQLValue], expected: [SQLValue: Double] = [:]) throws -> [TracedRecord] {
        var seen: Set<SQLValue> = []
        return try keys.filter { seen.insert($0).inserted }.compactMap { key in
            try record(kind, key: key).map { record in
                let change = expected[key]
                return TracedRecord(ref: record.ref, title: record.title,
                                    note: change.map { "expected \(formatNumber($0, signed: true))" }, expectedChange: change)
            }
        }
    }

    private func expected(_ links: [Link], key: (Link) -> SQLValue) -> [SQLValue: Double] {
        links.reduce(into: [:]) { changes, link in
            if let change = link.expectedChange { changes[key(link)] = change }
        }
    }

    private func sections(for record: Record) throws -> [Trace.Section] {
        let key = record.key
        switch record.kind {
        case .finding:
            let opportunities = try links(.opportunityFinding, to: key).map(\.from)
            let items = try opportunities.flatMap { try links(.itemOpportunity, to: $0).map(\.from) }
            let metricLinks = try items.flatMap { try links(.itemMetric, from: $0) }
            return [
                .init(key: "opportunities", title: "Led to opportunities", records: try traced(.opportunity, opportunities)),
                .init(key: "items", title: "Roadmap items", records: try traced(.item, items)),
                .init(key: "metrics", title: "Metrics they should move", records: try traced(.metric, metricLinks.map(\.to))),
            ]
        case .opportunity:
            let findings = try links(.opportunityFinding, from: key).map(\.to)
            let items = try links(.itemOpportunity, to: key).map(\.from)
            let metricLinks = try items.flatMap { try links(.itemMetric, from: $0) }
            let rank = try rankedOpportunities().first { $0.record.key == key }
            let score = rank.map { TracedRecord(ref: "#\($0.rank)", title: "score \(formatNumber($0.score))", note: $0.reason(.en), rank: $0) }
            return [
                .init(key: "rank", title: "Rank", records: score.map { [$0] } ?? []),
                .init(key: "findings", title: "Based on findings", records: try traced(.finding, findings)),
                .init(key: "in_spearhead", title: "Spearhead", records: try traced(.spearhead, [record[.spearhead]])),
                .init(key: "items", title: "Roadmap items", records: try traced(.item, items)),
                .init(key: "metrics", title: "Metrics they should move", records: try traced(.metric, metricLinks.map(\.to))),
            ]
        case .item:
            let opportunities = try links(.itemOpportunity, from: key).map(\.to)
            let findings = try opportunities.flatMap { try links(.opportunityFinding, from: $0).map(\.to) }
            let metricLinks = try links(.itemMetric, from: key)
            return [
                .init(key: "findings", title: "Findings behind it", records: try traced(.finding, findings)),
                .init(key: "opportunities", title: "Opportunities it serves", records: try traced(.opportunity, opportunities)),
                .init(key: "metrics", title: "Metrics it should move",
                      records: try traced(.metric, metricLinks.map(\.to), expected: expected(metricLinks) { $0.to })),
                .init(key: "depends_on", title: "Depends on", records: try traced(.item, try links(.itemDependency, from: key).map(\.to))),
                .init(key: "needed_by", title: "Needed by", records: try traced(.item, try links(.itemDependency, to: key).map(\.from))),
                .init(key: "agreements", title: "Working agreements", records: try traced(.agreement, try records(.agreement, filter: [.item: key]).map(\.key))),
            ]
        case .metric:
            let itemLinks = try links(.itemMetric, to: key)
            let opportunities = try itemLinks.flatMap { try links(.itemOpportunity, from: $0.from).map(\.to) }
            let findings = try opportunities.flatMap { try links(.opportunityFinding, from: $0).map(\.to) }
            return [
                .init(key: "findings", title: "Findings behind it", records: try traced(.finding, findings)),
                .init(key: "opportunities", title: "Opportunities", records: try traced(.opportunity, opportunities)),
                .init(key: "items", title: "Roadmap items expected to move it",
                      records: try traced(.item, itemLinks.map(\.from), expected: expected(itemLinks) { $0.from })),
                .init(key: "goals", title: "Goals", records: try traced(.goal, try records(.goal, filter: [.metric: key]).map(\.key))),
            ]
        case .journey:
            let phases = try phases(of: record.ref).map { TracedRecord(ref: $0.slug, title: $0.name, note: nil) }
            return [
                .init(key: "phases", title: "Phases", records: phases),
                .init(key: "touchpoints", title: "Touchpoints", records: try traced(.touchpoint, records(.touchpoint, filter: [.journey: key]).map(\.key))),
                .init(key: "findings", title: "Findings", records: try traced(.finding, records(.finding, filter: [.journey: key]).map(\.key))),
                .init(key: "metrics", title: "Metrics", records: try traced(.metric, records(.metric, filter: [.journey: key]).map(\.key))),
            ]
        case .spearhead:
            return [.init(key: "opportunities", title: "Opportunities",
                          records: try traced(.opportunity, records(.opportunity, filter: [.spearhead: key]).map(\.key)))]
        case .persona:
            return [.init(key: "findings", title: "Findings",
                          records: try traced(.finding, records(.finding, filter: [.persona: key]).map(\.key))),
                    .init(key: "insights", title: "Insights",
                          records: try traced(.insight, records(.insight, filter: [.persona: key]).map(\.key)))]
        case .channel:
            return [.init(key: "touchpoints", title: "Touchpoints",
                          records: try traced(.touchpoint, records(.touchpoint, filter: [.channel: key]).map(\.key))),
                    .init(key: "findings", title: "Findings",
                          records: try traced(.finding, records(.finding, filter: [.channel: key]).map(\.key)))]
        case .touchpoint:
            return [.init(key: "findings", title: "Findings",
                          records: try traced(.finding, records(.finding, filter: [.touchpoint: key]).map(\.key)))]
        default:
            return []
        }
    }
}
