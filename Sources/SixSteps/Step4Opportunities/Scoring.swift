import Store

/// How opportunities are scored. The method and weights live in the database, so the ranking a
/// team agreed on is the ranking everyone sees.
public enum ScoreMethod: String, CaseIterable, Sendable {
    /// A weighted sum of six inputs, each scaled to 0...1; the score runs from 0 to 100.
    case weighted
    /// Reach × impact × confidence ÷ effort.
    case rice
    /// Impact ÷ effort.
    case valueEffort = "value-effort"
}

public struct ScoreWeights: Sendable, Equatable {
    public var impact: Double
    public var reach: Double
    public var confidence: Double
    public var ease: Double
    public var severity: Double
    public var spearhead: Double

    public static let balanced = ScoreWeights(impact: 3, reach: 2, confidence: 1, ease: 2, severity: 2, spearhead: 1)

    /// The sum of the weights: what a weighted score is divided by.
    public var total: Double { impact + reach + confidence + ease + severity + spearhead }

    /// The weights, listed once: each with the name the command line gives it and its setting.
    public static var factors: [(name: String, path: WritableKeyPath<ScoreWeights, Double>, setting: Setting)] { [
        ("impact", \.impact, .weightImpact), ("reach", \.reach, .weightReach), ("confidence", \.confidence, .weightConfidence),
        ("ease", \.ease, .weightEase), ("severity", \.severity, .weightSeverity), ("spearhead", \.spearhead, .weightSpearhead),
    ] }

    static var settings: [(Setting, WritableKeyPath<ScoreWeights, Double>)] { factors.map { ($0.setting, $0.path) } }
}

public struct ScoringModel: Sendable, Equatable {
    public var method: ScoreMethod
    public var weights: ScoreWeights

    public static let presets: [(name: String, model: ScoringModel)] = [
        ("balanced", ScoringModel(method: .weighted, weights: .balanced)),
        ("rice", ScoringModel(method: .rice, weights: .balanced)),
        ("value-effort", ScoringModel(method: .valueEffort, weights: .balanced)),
    ]

    /// What the formula's inputs mean, for the weighted method.
    public static let scaleNote = "each input scaled to 0–1; ease = 5 − effort; severity is the worst linked finding's"

    /// One line that says how the score is computed.
    public var formula: String {
        switch method {
        case .weighted:
            let w = weights
            return "score = 100 × (\(formatNumber(w.impact))·impact + \(formatNumber(w.reach))·reach + "
                + "\(formatNumber(w.confidence))·confidence + \(formatNumber(w.ease))·ease + "
                + "\(formatNumber(w.severity))·severity + \(formatNumber(w.spearhead))·spearhead) ÷ "
                + "\(formatNumber(w.total))"
        case .rice: return "score = reach × impact × confidence ÷ effort"
        case .valueEffort: return "score = impact ÷ effort"
        }
    }
}

/// One input of a score and what it added.
public struct ScoreFactor: Sendable, Equatable {
    public let name: String
    /// The input as a person gave it: impact 4, confidence 80 (%).
    public let input: Double
    /// For the weighted method, the points this input adds to the score; for the others, nil.
    public let points: Double?
}

public struct RankedOpportunity: Sendable {
    public let record: Record
    public let rank: Int
    public let score: Double
    public let factors: [ScoreFactor]
    public let findings: [String]

    public var ref: String { record.ref }

    /// The two inputs that weigh most, for a one-line reason in lists: "impact 4, bereik 5".
    public func reason(_ language: Language) -> String {
        let strongest = factors.sorted { ($0.points ?? $0.input) > ($1.points ?? $1.input) }.prefix(2)
        return strongest.map { "\(language.scoreInput($0.name)) \(language.number($0.input, decimals: 2))" }.joined(separator: ", ")
    }

    public var json: JSONObject {
        var object = JSONObject([("rank", .int(Int64(rank))), ("id", .string(ref)), ("title", .string(record.title)),
                                 ("score", .double(score.rounded(toPlaces: 2)))])
        object.append("factors", .array(factors.map { factor in
            .object(JSONObject([("name", .string(factor.name)), ("input", .double(factor.input)),
                                ("points", factor.points.map { .double($0.rounded(toPlaces: 2)) } ?? .null)]))
        }))
        object.append("findings", .array(findings.map(JSON.string)))
        return object
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

extension RoadmapFile {
    public func scoringModel() throws -> ScoringModel {
        var model = ScoringModel(method: .weighted, weights: .balanced)
        if let method = try setting(.scoreMethod).flatMap(ScoreMethod.init(rawValue:)) { model.method = method }
        for (setting, path) in ScoreWeights.settings {
            if let value = try self.setting(setting).flatMap(Double.init) { model.weights[keyPath: path] = value }
        }
        return model
    }

    public func setScoringModel(_ model: ScoringModel) throws {
        guard model.weights.total > 0,
              ScoreWeights.settings.allSatisfy({ model.weights[keyPath: $0.1] >= 0 }) else {
            throw DomainError.inconsistent(Message("gewichten moeten nul of meer zijn, en minstens één boven nul", "weights must be zero or more and at least one above zero"))
        }
        try write {
            try setSetting(.scoreMethod, model.method.rawValue)
            for (setting, path) in ScoreWeights.settings {
                try setSetting(setting, formatNumber(model.weights[keyPath: path], decimals: 4))
            }
        }
    }

    /// All opportunities, best first. Ties go to the older opportunity, so ranks are stable.
    public func rankedOpportunities() throws -> [RankedOpportunity] {
        let model = try scoringModel()
        let severity = try connection.query("SELECT id, severity FROM findings")
            .reduce(into: [Int64: Int64]()) { $0[$1.int(0)] = $1.int(1) }
        var findings: [Int64: [Int64]] = [:]
        for link in try allLinks(.opportunityFinding) {
            if let opportunity = link.from.int, let finding = link.to.int { findings[opportunity, default: []].append(finding) }
        }
        let scored = try records(.opportunity).map { record -> (Record, Double, [ScoreFactor], [Int64]) in
            let linked = findings[record.key.int ?? 0] ?? []
            let worst = linked.compactMap { severity[$0] }.max()
            let (score, factors) = Self.score(record, worstSeverity: worst, model: model)
            return (record, score, factors, linked)
        }
        let sorted = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : ($0.0.key.int ?? 0) < ($1.0.key.int ?? 0) }
        return sorted.enumerated().map { offset, entry in
            RankedOpportunity(record: entry.0, rank: offset + 1, score: entry.1, factors: entry.2,
                              findings: entry.3.map { Kind.finding.ref(.integer($0)) })
        }
    }

    static func score(_ record: Record, worstSeverity: Int64?, model: ScoringModel) -> (Double, [ScoreFactor]) {
        let impact = record[.impact].double ?? 1
        let effort = record[.effort].double ?? 5
        let reach = record[.reach].double ?? 1
        let confidence = record[.confidence].double ?? 0
        switch model.method {
        case .weighted:
            let w = model.weights
            let severity = Double(worstSeverity ?? 0)
            let inSpearhead = record[.spearhead].isNull ? 0.0 : 1.0
            let inputs: [(String, Double, Double, Double)] = [
                ("impact", impact, (impact - 1) / 4, w.impact),
                ("reach", reach, (reach - 1) / 4, w.reach),
                ("confidence", confidence, confidence / 100, w.confidence),
                ("effort", effort, (5 - effort) / 4, w.ease),
                ("severity", severity, max(0, severity - 1) / 4, w.severity),
                ("spearhead", inSpearhead, inSpearhead, w.spearhead),
            ]
            let factors = inputs.map { name, input, scaled, weight in
                ScoreFactor(name: name, input: input, points: 100 * weight * scaled / w.total)
            }
            return (factors.reduce(0) { $0 + ($1.points ?? 0) }, factors)
        case .rice:
            let factors = [("reach", reach), ("impact", impact), ("confidence", confidence), ("effort", effort)]
                .map { ScoreFactor(name: $0.0, input: $0.1, points: nil) }
            return (reach * impact * (confidence / 100) / effort, factors)
        case .valueEffort:
            let factors = [("impact", impact), ("effort", effort)].map { ScoreFactor(name: $0.0, input: $0.1, points: nil) }
            return (impact / effort, factors)
        }
    }

    /// Why one opportunity ranks above another, factor by factor, the biggest difference first,
    /// in the language asked for.
    public func explainRanking(_ firstRef: String, _ secondRef: String, language: Language = .en) throws -> String {
        let ranked = try rankedOpportunities()
        let first = try record(.opportunity, firstRef)
        let second = try record(.opportunity, secondRef)
        guard let a = ranked.first(where: { $0.record.key == first.key }),
              let b = ranked.first(where: { $0.record.key == second.key }) else { return "" }
        let (upper, lower) = a.rank <= b.rank ? (a, b) : (b, a)
        let method = try scoringModel().method
        let t = language.t
        func number(_ value: Double, signed: Bool = false, decimals: Int = 2) -> String {
            language == .en ? formatNumber(value, signed: signed, decimals: decimals) : language.number(value, decimals: decimals, signed: signed)
        }
        func name(_ factor: ScoreFactor) -> String { language.scoreInput(factor.name) }
        var lines = [t("\(upper.ref) (plaats \(upper.rank), score \(number(upper.score))) staat boven "
                         + "\(lower.ref) (plaats \(lower.rank), score \(number(lower.score)))",
                       "\(upper.ref) (rank \(upper.rank), score \(number(upper.score))) ranks above "
                         + "\(lower.ref) (rank \(lower.rank), score \(number(lower.score)))")
                     + (upper.score == lower.score ? t(": gelijke scores, dus de oudste gaat voor", ": equal scores, so the older one goes first") : ":")]
        let pairs = zip(upper.factors, lower.factors).map { ($0, $1) }
        switch method {
        case .weighted:
            for (x, y) in pairs.sorted(by: { abs(($0.0.points ?? 0) - ($0.1.points ?? 0)) > abs(($1.0.points ?? 0) - ($1.1.points ?? 0)) }) {
                let difference = (x.points ?? 0) - (y.points ?? 0)
                lines.append("  \(name(x)): \(number(difference, signed: true, decimals: 1)) " + t("punten", "points")
                             + " (\(number(x.input)) " + t("tegen", "vs") + " \(number(y.input)))")
            }
        case .rice, .valueEffort:
            for (x, y) in pairs {
                let ratio = x.name == "effort" ? y.input / max(x.input, 0.0001) : x.input / max(y.input, 0.0001)
                lines.append("  \(name(x)): \(number(x.input)) " + t("tegen", "vs") + " \(number(y.input)) "
                             + "(score ×\(number(ratio)))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
