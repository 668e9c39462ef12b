import SixSteps

/// How big the generated roadmap is. The verification after the import checks these numbers.
struct RoadmapSize {
    var channels = Vocabulary.channels.count
    var personas = 20
    var journeys = 12
    var metrics = 50
    var findings = 10_000
    var opportunities = 2_000
    var items = 1_000
}

/// Builds a roadmap document in the import format, the same every run for the same seed.
///
/// The document has exactly the shape `molensloot export` writes (every field, nulls included,
/// in the same order, links sorted as the export sorts them), so that exporting the imported
/// file must give it back unchanged.
struct RoadmapGenerator {
    let size: RoadmapSize
    private var random: SplitMix64
    private let journeys: [Vocabulary.Journey]

    /// What the later sections need to know of the earlier ones.
    private struct Metric {
        let slug: String
        let type: Vocabulary.MetricType
    }
    private struct Opportunity {
        let journey: Int
        let improvement: String
    }

    init(size: RoadmapSize, seed: UInt64) {
        guard size.journeys <= Vocabulary.journeys.count, size.personas <= Vocabulary.personas.count,
              size.metrics <= size.journeys * Vocabulary.metricTypes.count
        else { fatal("internal error: the roadmap size asks for more names than the word lists have") }
        self.size = size
        random = SplitMix64(seed: seed)
        journeys = Array(Vocabulary.journeys.prefix(size.journeys))
    }

    mutating func document() -> JSON {
        // One after the other, as each draw moves the generator on.
        let personas = makePersonas()
        let metrics = makeMetrics()
        let (findings, findingsByJourney) = makeFindings()
        let (opportunities, plans) = makeOpportunities(findingsByJourney: findingsByJourney)
        let items = makeItems(opportunities: plans, metricsByJourney: metrics.byJourney)
        let sections: [Kind: [JSON]] = [
            .channel: Vocabulary.channels.map { channel(slug: $0.slug, name: $0.name) },
            .persona: personas,
            .journey: journeys.sorted { $0.slug < $1.slug }.map(journey),
            .metric: metrics.json,
            .finding: findings,
            .opportunity: opportunities,
            .item: items,
        ]
        var document = JSONObject([
            ("format", .string(Exchange.format)),
            ("version", .int(Int64(Exchange.version))),
            ("settings", .object(JSONObject([(Setting.municipality.rawValue, .string("Gemeente Molensloot"))]))),
            ("vision", .object(JSONObject([
                ("text", .string("Inwoners regelen hun zaken met de gemeente snel, begrijpelijk en op de manier die bij hen past.")),
                ("updated_on", .string("2025-01-15")),
            ]))),
        ])
        // Every section the export writes, empty ones included, in the export's order.
        for kind in Kind.creationOrder {
            document.append(kind.table, .array(sections[kind] ?? []))
        }
        // Survey responses, volumes and contacts (none here), then the next id of
        // every table whose records have numbers, which is one past the highest generated.
        document.append("survey_responses", .array([]))
        document.append("volumes", .array([]))
        document.append("contacts", .array([]))
        var nextIDs = JSONObject()
        for kind in Kind.creationOrder where kind.identity != .slug {
            nextIDs.append(kind.table, .int(Int64((sections[kind]?.count ?? 0) + 1)))
        }
        nextIDs.append("survey_responses", .int(1))
        document.append("next_ids", .object(nextIDs))
        return .object(document)
    }

    // MARK: - Sections

    private func channel(slug: String, name: String) -> JSON {
        .object(JSONObject([("slug", .string(slug)), ("name", .string(name)), ("description", .null)]))
    }

    private mutating func makePersonas() -> [JSON] {
        let slugs = Vocabulary.channels.map(\.slug)
        return Vocabulary.personas.prefix(size.personas)
            .sorted { $0.slug < $1.slug }
            .map { persona in
                let count = random.int(1...3)
                let channels = random.distinct(count, from: slugs)
                return .object(JSONObject([
                    ("slug", .string(persona.slug)), ("name", .string(persona.name)), ("description", .null),
                    ("channels", .array(channels.map(JSON.string))),
                ]))
            }
    }

    private func journey(_ journey: Vocabulary.Journey) -> JSON {
        let phases = RoadmapFile.defaultPhases.map {
            JSON.object(JSONObject([("slug", .string($0.slug)), ("name", .string($0.name))]))
        }
        return .object(JSONObject([
            ("slug", .string(journey.slug)), ("name", .string(journey.name)), ("description", .null),
            ("phases", .array(phases)),
        ]))
    }

    /// One metric of each type per journey, type by type, until there are enough.
    private mutating func makeMetrics() -> (json: [JSON], byJourney: [[Metric]]) {
        var byJourney = Array(repeating: [Metric](), count: journeys.count)
        var json: [(slug: String, value: JSON)] = []
        for type in Vocabulary.metricTypes {
            for (index, journey) in journeys.enumerated() where json.count < size.metrics {
                let slug = "\(type.slug)-\(journey.slug)"
                byJourney[index].append(Metric(slug: slug, type: type))
                json.append((slug, metric(slug: slug, type: type, journey: journey)))
            }
        }
        return (json.sorted { $0.slug < $1.slug }.map(\.value), byJourney)
    }

    private mutating func metric(slug: String, type: Vocabulary.MetricType, journey: Vocabulary.Journey) -> JSON {
        let baseline = roundedToTenth(random.double(type.baseline))
        let improvement = random.double(type.change.lowerBound * 3...type.change.upperBound * 2)
        var target = roundedToTenth(baseline + (type.lowerIsBetter ? -improvement : improvement))
        target = min(max(target, type.scale?.lowerBound ?? 1), type.scale?.upperBound ?? .infinity)
        let phase = random.chance(0.6) ? JSON.string(random.pick(RoadmapFile.defaultPhases).slug) : .null
        return .object(JSONObject([
            ("slug", .string(slug)), ("name", .string("\(type.name) \(journey.topic)")), ("unit", .string(type.unit)),
            ("scale_min", type.scale.map { .double($0.lowerBound) } ?? .null),
            ("scale_max", type.scale.map { .double($0.upperBound) } ?? .null),
            ("direction", .string(type.lowerIsBetter ? "lower" : "higher")),
            ("baseline", .double(baseline)), ("target", .double(target)),
            ("target_date", .string(random.pick(["2025-12-31", "2026-06-30", "2026-12-31"]))),
            ("journey", .string(journey.slug)), ("phase", phase), ("description", .null),
        ]))
    }

    /// The findings, and the ids of each journey's findings, so opportunities can address
    /// findings of one journey as a team would.
    private mutating func makeFindings() -> (json: [JSON], byJourney: [[Int]]) {
        var byJourney = Array(repeating: [Int](), count: journeys.count)
        var json: [JSON] = []
        json.reserveCapacity(size.findings)
        for id in 1...size.findings {
            let journey = random.int(0..<journeys.count)
            byJourney[journey].append(id)
            json.append(finding(id: id, journey: journeys[journey]))
        }
        return (json, byJourney)
    }

    private mutating func finding(id: Int, journey: Vocabulary.Journey) -> JSON {
        let improve = random.chance(0.7)
        let predicate = random.pick(improve ? Vocabulary.improvePredicates : Vocabulary.goodPredicates)
        let title = [random.pick(Vocabulary.findingSubjects), predicate, random.pick(Vocabulary.situations)]
            .filter { !$0.isEmpty }.joined(separator: " ")
        let persona = random.chance(0.35) ? JSON.string(random.pick(Array(Vocabulary.personas.prefix(size.personas))).slug) : .null
        let channel = random.chance(0.5) ? JSON.string(random.pick(Vocabulary.channels).slug) : .null
        let source = random.chance(0.4) ? JSON.string(random.pick(Vocabulary.sources)) : .null
        let sentences = random.distinct(3, from: Vocabulary.evidenceSentences)
        let evidence = "\(random.int(3...40)) van de 50 respondenten noemen dit. " + sentences.joined(separator: " ")
        return .object(JSONObject([
            ("id", .string("F\(id)")), ("kind", .string(improve ? "improve" : "good")), ("title", .string(title)),
            ("journey", .string(journey.slug)), ("phase", .string(random.pick(RoadmapFile.defaultPhases).slug)),
            ("touchpoint", .null), ("persona", persona), ("channel", channel),
            ("severity", .int(Int64(random.int(1...5)))),
            ("source", source), ("evidence", .string(evidence)), ("description", .null),
        ]))
    }

    private mutating func makeOpportunities(findingsByJourney: [[Int]]) -> (json: [JSON], plans: [Opportunity]) {
        var json: [JSON] = []
        var plans: [Opportunity] = []
        for id in 1...size.opportunities {
            let journey = random.int(0..<journeys.count)
            let plan = Opportunity(journey: journey, improvement: random.pick(Vocabulary.improvements))
            let candidates = findingsByJourney[journey].count >= 8 ? findingsByJourney[journey] : Array(1...size.findings)
            // About five findings behind each opportunity, as the issue's busy municipality has.
            let count = random.int(3...7)
            let findings = random.distinct(count, from: candidates).sorted()
            plans.append(plan)
            json.append(opportunity(id: id, plan: plan, findings: findings))
        }
        return (json, plans)
    }

    private mutating func opportunity(id: Int, plan: Opportunity, findings: [Int]) -> JSON {
        let title = "\(plan.improvement) \(random.pick(Vocabulary.opportunityVerbs)) bij \(journeys[plan.journey].topic)"
        let description: JSON = random.chance(0.3)
            ? .string("Inwoners vragen hierom in de \(random.pick(Vocabulary.sources)).")
            : .null
        return .object(JSONObject([
            ("id", .string("O\(id)")), ("title", .string(title.capitalizedFirst)), ("description", description),
            ("impact", .int(Int64(random.int(1...5)))),
            ("effort", .int(Int64(random.int(1...5)))),
            ("reach", .int(Int64(random.int(1...5)))),
            ("confidence", .int(Int64(random.pick(Array(stride(from: 20, through: 90, by: 10)))))),
            ("spearhead", .null),
            ("findings", .array(findings.map { .string("F\($0)") })),
        ]))
    }

    private mutating func makeItems(opportunities: [Opportunity], metricsByJourney: [[Metric]]) -> [JSON] {
        var byJourney = Array(repeating: [Int](), count: journeys.count)
        for (index, opportunity) in opportunities.enumerated() { byJourney[opportunity.journey].append(index + 1) }
        return (1...size.items).map { id in
            let journey = random.int(0..<journeys.count)
            let candidates = byJourney[journey].count >= 3 ? byJourney[journey] : Array(1...opportunities.count)
            let count = random.int(1...3)
            let served = random.distinct(count, from: candidates).sorted()
            let lead = opportunities[served[0] - 1]
            return item(id: id, title: "\(random.pick(Vocabulary.itemPrefixes)) \(lead.improvement) bij \(journeys[journey].topic)",
                        opportunities: served, metrics: metricsByJourney[journey])
        }
    }

    private mutating func item(id: Int, title: String, opportunities: [Int], metrics: [Metric]) -> JSON {
        let (horizon, status) = horizonAndStatus()
        let dates = plannedDates(horizon: horizon, status: status)
        return .object(JSONObject([
            ("id", .string("R\(id)")), ("title", .string(title)), ("description", .null),
            ("owner", random.chance(0.8) ? .string(random.pick(Vocabulary.owners)) : .null),
            ("team", random.chance(0.9) ? .string(random.pick(Vocabulary.teams)) : .null),
            ("horizon", .string(horizon)), ("status", .string(status.rawValue)),
            ("start_date", dates.start.map(JSON.string) ?? .null),
            ("due_date", dates.due.map(JSON.string) ?? .null),
            ("done_date", dates.done.map(JSON.string) ?? .null),
            ("opportunities", .array(opportunities.map { .string("O\($0)") })),
            ("depends_on", .array(dependencies(of: id).map { .string("R\($0)") })),
            ("metrics", .array(expectedChanges(from: metrics))),
        ]))
    }

    /// Most work waits for later; what is on now is mostly under way.
    private mutating func horizonAndStatus() -> (String, ItemStatus) {
        let roll = random.double(0...1)
        switch roll {
        case ..<0.2: return ("now", random.pick([.doing, .doing, .planned, .planned, .done]))
        case ..<0.55: return ("next", random.pick([.planned, .planned, .planned, .idea]))
        default: return ("later", random.pick([.idea, .idea, .idea, .planned, .planned, .dropped]))
        }
    }

    private mutating func plannedDates(horizon: String, status: ItemStatus) -> (start: String?, due: String?, done: String?) {
        // Months counted from January 2024, so due dates always fall after start dates.
        let start: Int
        switch horizon {
        case "now": start = random.int(12...23)
        case "next" where random.chance(0.5): start = random.int(24...29)
        default: return (nil, nil, nil)
        }
        let due = start + random.int(1...6)
        let done = status == .done ? isoDate(month: due, day: random.int(1...28)) : nil
        return (isoDate(month: start, day: random.int(1...28)),
                isoDate(month: due, day: random.int(1...28)), done)
    }

    /// A few items wait for others, always ones with a lower id, so there is never a cycle.
    private mutating func dependencies(of id: Int) -> [Int] {
        guard id > 1, random.chance(0.12) else { return [] }
        let count = min(random.int(1...2), id - 1)
        return random.distinct(count, from: Array(1..<id)).sorted()
    }

    /// About a third of the items say which of their journey's metrics they should move.
    private mutating func expectedChanges(from metrics: [Metric]) -> [JSON] {
        guard !metrics.isEmpty, random.chance(1.0 / 3.0) else { return [] }
        let count = min(random.int(1...2), metrics.count)
        return random.distinct(count, from: metrics.map(\.slug)).sorted().compactMap { slug in
            guard let type = metrics.first(where: { $0.slug == slug })?.type else { return nil }
            let change = roundedToTenth(random.double(type.change))
            return .object(JSONObject([
                ("metric", .string(slug)), ("expected_change", .double(type.lowerIsBetter ? -change : change)),
            ]))
        }
    }
}

private func roundedToTenth(_ value: Double) -> Double {
    (value * 10).rounded() / 10
}

/// `month` counts from January 2024 (0).
private func isoDate(month: Int, day: Int) -> String {
    let year = 2024 + month / 12
    let monthOfYear = month % 12 + 1
    return "\(year)-\(monthOfYear < 10 ? "0" : "")\(monthOfYear)-\(day < 10 ? "0" : "")\(day)"
}
