import Store

/// Where the team stands in the six steps, and what needs attention now.
public struct StatusReport: Sendable {
    public enum State: String, Sendable {
        case empty, started, complete
    }

    /// How far one step is.
    public struct StepProgress: Sendable {
        public let step: Step
        public let state: State
        /// What the step holds, in a few words: "3 principles, 2 goals".
        public let holds: String
        /// The counts behind `holds`, each with its English plural, for other languages to word.
        public let tally: [Tally]
        /// Step 1 only: whether the vision is written.
        public let visionSet: Bool?

        public var number: Int { step.number }
        /// The step's Dutch name, the method's own.
        public var name: String { step.dutchName }
    }

    public struct Tally: Sendable {
        public let count: Int
        public let what: String
    }

    /// A group of records that need a person's attention, with what to do about them.
    public struct Attention: Sendable {
        public let key: String
        public let message: String
        public let records: [String]
    }

    /// How far the chain finding → opportunity → item → metric is closed, link by link.
    public struct ChainLink: Sendable {
        public let key: String
        public let records: String
        public let linkedTo: String
        public let linked: Int
        public let total: Int
    }

    public let municipality: String?
    public let steps: [StepProgress]
    public let chain: [ChainLink]
    public let attention: [Attention]
    /// The assumptions by their current verdict.
    public let assumptions: [AssumptionVerdict: [String]]

    public var json: JSONObject {
        JSONObject([
            ("municipality", municipality.map(JSON.string) ?? .null),
            ("assumptions", .object(JSONObject([AssumptionVerdict.confirmed, .refuted, .notTestable].map { verdict in
                (verdict.rawValue, .array((assumptions[verdict] ?? []).map(JSON.string)))
            }))),
            ("steps", .array(steps.map { step in
                .object(JSONObject([("number", .int(Int64(step.number))), ("name", .string(step.name)),
                                    ("state", .string(step.state.rawValue)), ("holds", .string(step.holds))]))
            })),
            ("chain", .array(chain.map { link in
                .object(JSONObject([("key", .string(link.key)), ("linked", .int(Int64(link.linked))),
                                    ("total", .int(Int64(link.total)))]))
            })),
            ("attention", .array(attention.map { item in
                .object(JSONObject([("key", .string(item.key)), ("message", .string(item.message)),
                                    ("records", .array(item.records.map(JSON.string)))]))
            })),
        ])
    }
}

extension RoadmapFile {
    private func count(_ sql: String) throws -> Int { Int(try connection.scalar(sql).int ?? 0) }

    private func refs(_ kind: Kind, _ sql: String) throws -> [String] {
        try connection.query(sql).map { kind.ref($0[0]) }
    }

    /// `assumptions` when the caller has them already (the site does).
    public func status(today: ISODate = .today(), assumptions known: [AssumptionStatus]? = nil) throws -> StatusReport {
        try read {
            // The JSON carries the method's own (Dutch) names; text output words them per language.
            func step(_ step: Step, _ state: StatusReport.State, vision: Bool? = nil, _ parts: [(Int, String)]) -> StatusReport.StepProgress {
                let prefix = vision.map { ($0 ? "vision set" : "no vision yet") + ", " } ?? ""
                return StatusReport.StepProgress(step: step, state: state, holds: prefix + phrase(parts),
                                                 tally: parts.map { StatusReport.Tally(count: $0.0, what: $0.1) }, visionSet: vision)
            }
            func phrase(_ parts: [(Int, String)]) -> String {
                parts.map { count, plural in
                    // "1 principles" reads wrong; every plural here ends in a plain "s".
                    count == 1 && plural.hasSuffix("s") ? "1 \(plural.dropLast())" : "\(count) \(plural)"
                }.joined(separator: ", ")
            }
            func state(_ complete: Bool, _ started: Bool) -> StatusReport.State {
                complete ? .complete : started ? .started : .empty
            }
            let hasVision = try vision() != nil
            let principles = try count("SELECT count(*) FROM principles")
            let goals = try count("SELECT count(*) FROM goals")
            let insights = try count("SELECT count(*) FROM insights")
            let metrics = try count("SELECT count(*) FROM metrics")
            let baselined = try count("SELECT count(*) FROM metrics WHERE baseline IS NOT NULL")
            let journeys = try count("SELECT count(*) FROM journeys")
            let findings = try count("SELECT count(*) FROM findings")
            let improve = try count("SELECT count(*) FROM findings WHERE kind = 'improve'")
            let opportunities = try count("SELECT count(*) FROM opportunities")
            let spearheads = try count("SELECT count(*) FROM spearheads")
            let items = try count("SELECT count(*) FROM items WHERE status <> 'dropped'")
            let done = try count("SELECT count(*) FROM items WHERE status = 'done'")
            let agreements = try count("SELECT count(*) FROM agreements")
            let cycles = try count("SELECT count(*) FROM cycles")
            let measurements = try count("SELECT count(*) FROM measurements")

            let unaddressed = try refs(.finding, """
                SELECT id FROM findings WHERE kind = 'improve'
                AND id NOT IN (SELECT finding FROM opportunity_findings) ORDER BY id
                """)
            let unplanned = try refs(.opportunity, """
                SELECT id FROM opportunities WHERE id NOT IN (SELECT opportunity FROM item_opportunities) ORDER BY id
                """)
            let unmeasured = try refs(.item, """
                SELECT id FROM items WHERE status <> 'dropped' AND id NOT IN (SELECT item FROM item_metrics) ORDER BY id
                """)
            let overdue = try connection.query(
                "SELECT id FROM items WHERE status NOT IN ('done', 'dropped') AND due_date < ? ORDER BY due_date, id",
                [.text(today.description)]).map { Kind.item.ref($0[0]) }
            let assumptions = Dictionary(grouping: try known ?? assumptionStatuses(), by: \.current.verdict).mapValues { $0.map(\.record.ref) }
            let noBaseline = try connection.query("SELECT slug FROM metrics WHERE baseline IS NULL ORDER BY slug")
                .map { $0.string(0) }

            let steps = [
                step(.vision, state(hasVision && goals > 0, hasVision || principles + goals > 0), vision: hasVision,
                     [(principles, "principles"), (goals, "goals"), (assumptions.values.reduce(0) { $0 + $1.count }, "assumptions")]),
                step(.basics, state(insights > 0 && baselined > 0, insights + metrics > 0),
                     [(insights, "insights"), (metrics, "metrics"), (baselined, "with a baseline")]),
                step(.insight, state(findings > 0, journeys > 0), [(journeys, "journeys"), (findings, "findings"), (improve, "to improve")]),
                step(.opportunities, state(opportunities > 0 && unaddressed.isEmpty, opportunities + spearheads > 0),
                     [(opportunities, opportunities == 1 ? "opportunity" : "opportunities"), (spearheads, "spearheads")]),
                step(.roadmap, state(items > 0 && agreements > 0 && unplanned.isEmpty, items + agreements > 0),
                     [(items, "roadmap items"), (done, "done"), (agreements, "agreements")]),
                step(.improving, state(cycles > 0 && measurements > 0, cycles > 0), [(cycles, "cycles"), (measurements, "measurements")]),
            ]
            let attention = [
                StatusReport.Attention(key: "findings_without_opportunity",
                                       message: "findings to improve without an opportunity: link them with 'opportunity link'",
                                       records: unaddressed),
                .init(key: "opportunities_without_item",
                      message: "opportunities without a roadmap item: plan them with 'item link'", records: unplanned),
                .init(key: "items_without_metric",
                      message: "roadmap items without a metric: say what they should move with 'item link --metric'",
                      records: unmeasured),
                .init(key: "overdue_items", message: "roadmap items past their due date: finish them or move the date",
                      records: overdue),
                .init(key: "refuted_assumptions",
                      message: "assumptions the data refutes: rethink them and the plans that rest on them ('assumption show')",
                      records: assumptions[.refuted] ?? []),
                .init(key: "metrics_without_baseline",
                      message: "metrics without a baseline: measure the starting point with 'metric edit --baseline'",
                      records: noBaseline),
            ].filter { !$0.records.isEmpty }
                + (cycles > 0 ? try cycleReport(nil, today: today).attention : [])
            let chain = [
                StatusReport.ChainLink(key: "findings_with_opportunity", records: "findings to improve",
                                       linkedTo: "an opportunity", linked: improve - unaddressed.count, total: improve),
                .init(key: "opportunities_with_item", records: "opportunities", linkedTo: "a roadmap item",
                      linked: opportunities - unplanned.count, total: opportunities),
                .init(key: "items_with_metric", records: "roadmap items", linkedTo: "a metric",
                      linked: items - unmeasured.count, total: items),
            ]
            return StatusReport(municipality: try setting(.municipality), steps: steps, chain: chain, attention: attention,
                                assumptions: assumptions)
        }
    }
}
