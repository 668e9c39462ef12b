import SixSteps
import Store
import Testing

/// Scoring and ranking of opportunities, with every expected number worked out by hand from the
/// formula in Scoring.swift: each input scaled to 0...1 (impact and reach (x − 1) ÷ 4,
/// confidence x ÷ 100, ease (5 − effort) ÷ 4, severity of the worst linked finding (s − 1) ÷ 4,
/// spearhead 1 or 0), weighted, summed and scaled to 100 ÷ the total weight.
@Suite struct ScoringTests {
    /// Four opportunities:
    /// - O1: impact 4, effort 2, reach 3 (default), confidence 80, spearhead S1; findings F1
    ///   (severity 2) and F2 (severity 5), so the worst severity is 5.
    /// - O2: impact 1, effort 3, reach 3, confidence 50; finding F3 (severity 2).
    /// - O3: impact 1, effort 5, reach 1, confidence 0; no findings.
    /// - O4: impact 5, effort 5, reach 5, confidence 100; no findings.
    private func fourOpportunities(_ file: RoadmapFile) throws {
        try file.makeJourney()
        try file.makeFinding("Geen bevestiging", severity: 2)
        try file.makeFinding("Melding kwijt", kind: "improve", severity: 5)
        try file.makeFinding("Onduidelijk formulier", severity: 2)
        try file.add(.spearhead, input: [.title: "Snel en zeker"])
        try file.makeOpportunity("Automatische bevestiging", impact: 4, effort: 2, confidence: 80, spearhead: "S1",
                                 findings: ["F1", "F2"])
        try file.makeOpportunity("Formulier herschrijven", impact: 1, effort: 3, reach: 3, confidence: 50, findings: ["F3"])
        try file.makeOpportunity("Folder", impact: 1, effort: 5, reach: 1, confidence: 0)
        try file.makeOpportunity("Nieuw zaaksysteem", impact: 5, effort: 5, reach: 5, confidence: 100)
    }

    private func preset(_ name: String) throws -> ScoringModel {
        try #require(ScoringModel.presets.first { $0.name == name }).model
    }

    private func scores(_ ranked: [RankedOpportunity]) -> [String: Double] {
        ranked.reduce(into: [:]) { $0[$1.ref] = $1.score }
    }

    @Test func theDefaultModelIsBalanced() throws {
        try withRoadmap { file throws in
            let model = try file.scoringModel()
            #expect(model == (try preset("balanced")))
            #expect(model.method == .weighted)
            #expect(model.weights == .balanced)
            #expect(ScoringModel.presets.map(\.name) == ["balanced", "rice", "value-effort"])
            #expect(model.formula == "score = 100 × (3·impact + 2·reach + 1·confidence + 2·ease + 2·severity + 1·spearhead) ÷ 11")
            #expect(ScoringModel.scaleNote == "each input scaled to 0–1; ease = 5 − effort; severity is the worst linked finding's")
            #expect(try preset("rice").formula == "score = reach × impact × confidence ÷ effort")
            #expect(try preset("value-effort").formula == "score = impact ÷ effort")
        }
    }

    @Test func balancedScoresMatchTheFormulaWorkedOutByHand() throws {
        try withRoadmap { file throws in
            try fourOpportunities(file)
            let ranked = try file.rankedOpportunities()
            #expect(ranked.map(\.ref) == ["O1", "O4", "O2", "O3"])
            #expect(ranked.map(\.rank) == [1, 2, 3, 4])

            // Weights: impact 3, reach 2, confidence 1, ease 2, severity 2, spearhead 1; total 11.
            let o1Points: [Double] = [
                100 * 3 * (4 - 1) / 4 / 11,  // impact 4
                100 * 2 * (3 - 1) / 4 / 11,  // reach 3
                100 * 1 * 0.80 / 11,  // confidence 80
                100 * 2 * (5 - 2) / 4 / 11,  // effort 2 → ease 3/4
                100 * 2 * (5 - 1) / 4 / 11,  // worst severity 5
                100 * 1 * 1 / 11,  // in a spearhead
            ]
            let o2Points: [Double] = [
                0,  // impact 1
                100 * 2 * (3 - 1) / 4 / 11,  // reach 3
                100 * 1 * 0.50 / 11,  // confidence 50
                100 * 2 * (5 - 3) / 4 / 11,  // effort 3 → ease 2/4
                100 * 2 * (2 - 1) / 4 / 11,  // worst severity 2
                0,  // no spearhead
            ]
            let o1 = ranked[0], o2 = ranked[2]
            #expect(abs(o1.score - 855.0 / 11) < 1e-9)  // 77.7272…
            #expect(abs(o1.score - o1Points.reduce(0, +)) < 1e-9)
            #expect(abs(o2.score - 300.0 / 11) < 1e-9)  // 27.2727…
            #expect(abs(o2.score - o2Points.reduce(0, +)) < 1e-9)
            #expect(abs(ranked[1].score - 600.0 / 11) < 1e-9)  // O4: impact, reach and confidence at the top
            #expect(ranked[3].score == 0)  // O3: every input at the bottom

            #expect(o1.factors.map(\.name) == ["impact", "reach", "confidence", "effort", "severity", "spearhead"])
            #expect(o1.factors.map(\.input) == [4, 3, 80, 2, 5, 1])
            #expect(o2.factors.map(\.input) == [1, 3, 50, 3, 2, 0])
            for (factor, expected) in zip(o1.factors, o1Points) {
                #expect(abs((factor.points ?? -1) - expected) < 1e-9, "O1 \(factor.name)")
            }
            for (factor, expected) in zip(o2.factors, o2Points) {
                #expect(abs((factor.points ?? -1) - expected) < 1e-9, "O2 \(factor.name)")
            }
            #expect(o1.findings == ["F1", "F2"])
            #expect(o2.findings == ["F3"])
            #expect(ranked[3].findings == [])
            #expect(o1.reason(.en) == "impact 4, severity 5")
            #expect(o1.reason(.nl) == "impact 4, ernst 5")

            let json = o1.json
            #expect(json["rank"] == .int(1))
            #expect(json["id"] == .string("O1"))
            #expect(json["score"] == .double(77.73))
        }
    }

    @Test func theWorstLinkedSeverityCountsAndChangesFollowEdits() throws {
        try withRoadmap { file throws in
            try fourOpportunities(file)
            try file.edit(.finding, "F2", input: [.severity: "1"])
            // Worst severity is now 2: severity points 100·2·(1/4)/11 instead of 100·2·1/11.
            let o1 = try #require(try file.rankedOpportunities().first { $0.ref == "O1" })
            #expect(abs(o1.score - 705.0 / 11) < 1e-9)
            try file.unlink(.opportunityFinding, from: "O1", to: ["F1", "F2"])
            let unlinked = try #require(try file.rankedOpportunities().first { $0.ref == "O1" })
            #expect(abs(unlinked.score - 655.0 / 11) < 1e-9)
            #expect(unlinked.factors.first { $0.name == "severity" }?.input == 0)
        }
    }

    @Test func ricePreset() throws {
        try withRoadmap { file throws in
            try fourOpportunities(file)
            try file.setScoringModel(try preset("rice"))
            #expect(try file.scoringModel().method == .rice)
            let ranked = try file.rankedOpportunities()
            #expect(ranked.map(\.ref) == ["O4", "O1", "O2", "O3"])
            // reach × impact × confidence ÷ effort
            let expected = ["O4": 5.0 * 5 * 1.0 / 5, "O1": 3.0 * 4 * 0.8 / 2, "O2": 3.0 * 1 * 0.5 / 3, "O3": 0.0]
            for (ref, score) in scores(ranked) {
                #expect(abs(score - expected[ref]!) < 1e-9, "\(ref)")
            }
            #expect(ranked[1].factors.map(\.name) == ["reach", "impact", "confidence", "effort"])
            #expect(ranked[1].factors.map(\.input) == [3, 4, 80, 2])
            #expect(ranked.allSatisfy { $0.factors.allSatisfy { $0.points == nil } })
        }
    }

    @Test func valueEffortPreset() throws {
        try withRoadmap { file throws in
            try fourOpportunities(file)
            try file.setScoringModel(try preset("value-effort"))
            let ranked = try file.rankedOpportunities()
            #expect(ranked.map(\.ref) == ["O1", "O4", "O2", "O3"])
            let expected = ["O1": 4.0 / 2, "O4": 5.0 / 5, "O2": 1.0 / 3, "O3": 1.0 / 5]
            for (ref, score) in scores(ranked) {
                #expect(abs(score - expected[ref]!) < 1e-9, "\(ref)")
            }
            #expect(ranked[0].factors.map(\.name) == ["impact", "effort"])
        }
    }

    @Test func customWeightsAreStoredAndUsed() throws {
        try withRoadmap { file throws in
            try fourOpportunities(file)
            var model = try preset("balanced")
            model.weights = .balanced
            model.weights.impact = 1
            model.weights.reach = 0
            model.weights.confidence = 0
            model.weights.ease = 0
            model.weights.severity = 0
            model.weights.spearhead = 0
            try file.setScoringModel(model)
            #expect(try file.scoringModel() == model)
            let ranked = try file.rankedOpportunities()
            // Only impact counts: 100·(impact − 1)/4. O2 and O3 tie at 0: the older one first.
            #expect(ranked.map(\.ref) == ["O4", "O1", "O2", "O3"])
            #expect(ranked.map(\.score) == [100, 75, 0, 0])
            #expect(try file.setting(.weightImpact) == "1")
            #expect(try file.setting(.weightReach) == "0")
            #expect(try file.setting(.scoreMethod) == "weighted")
        }
    }

    @Test func weightsMustBeZeroOrMoreWithOneAboveZero() throws {
        try withRoadmap { file throws in
            let message = DomainError.inconsistent("weights must be zero or more and at least one above zero")
            var negative = try preset("balanced")
            negative.weights.reach = -1
            try expectRefused(message, in: file) { try file.setScoringModel(negative) }
            var zero = try preset("balanced")
            zero.weights = ScoreWeights.balanced
            for path in [\ScoreWeights.impact, \.reach, \.confidence, \.ease, \.severity, \.spearhead] {
                zero.weights[keyPath: path] = 0
            }
            try expectRefused(message, in: file) { try file.setScoringModel(zero) }
            #expect(try file.scoringModel() == (try preset("balanced")))
        }
    }

    @Test func equalScoresGoToTheLowerId() throws {
        try withRoadmap { file throws in
            try file.makeOpportunity("Eerste", impact: 3, effort: 3)
            try file.makeOpportunity("Beste", impact: 5, effort: 1)
            try file.makeOpportunity("Tweede", impact: 3, effort: 3)
            try file.makeOpportunity("Derde", impact: 3, effort: 3)
            // O1 is the last one written, so the order of writing alone cannot explain the ranking.
            try file.edit(.opportunity, "O1", input: [.impact: "2"])
            try file.edit(.opportunity, "O1", input: [.impact: "3"])
            let ranked = try file.rankedOpportunities()
            #expect(ranked.map(\.ref) == ["O2", "O1", "O3", "O4"])
            #expect(ranked[1].score == ranked[2].score)
            #expect(ranked[2].score == ranked[3].score)
            // 100·(3·2/4 + 2·2/4 + 1·0.5 + 2·2/4 + 0 + 0)/11 = 400/11
            #expect(abs(ranked[1].score - 400.0 / 11) < 1e-9)

            let text = try file.explainRanking("O4", "O3")
            #expect(text.hasPrefix("O3 (rank 3, score 36.36) ranks above O4 (rank 4, score 36.36): equal scores, so the older one goes first"))
        }
    }

    @Test func explainRankingPutsTheBiggestDifferenceFirst() throws {
        try withRoadmap { file throws in
            try fourOpportunities(file)
            let expected = """
                O1 (rank 1, score 77.73) ranks above O2 (rank 3, score 27.27):
                  impact: +20.5 points (4 vs 1)
                  severity: +13.6 points (5 vs 2)
                  spearhead: +9.1 points (1 vs 0)
                  effort: +4.5 points (2 vs 3)
                  confidence: +2.7 points (80 vs 50)
                  reach: 0 points (3 vs 3)
                """
            #expect(try file.explainRanking("O1", "O2") == expected)
            // The order of the arguments does not matter: the higher-ranked one is explained first.
            #expect(try file.explainRanking("o2", "1") == expected)
            #expect(throws: DomainError.unknownRecord(.opportunity, "O9")) { try file.explainRanking("O1", "O9") }
        }
    }

    @Test func explainRankingForRice() throws {
        try withRoadmap { file throws in
            try fourOpportunities(file)
            try file.setScoringModel(try preset("rice"))
            #expect(try file.explainRanking("O2", "O1") == """
                O1 (rank 2, score 4.8) ranks above O2 (rank 3, score 0.5):
                  reach: 3 vs 3 (score ×1)
                  impact: 4 vs 1 (score ×4)
                  confidence: 80 vs 50 (score ×1.6)
                  effort: 2 vs 3 (score ×1.5)
                """)
        }
    }

    @Test func scoringModelChangesAreAudited() throws {
        try withRoadmap(actor: "carla") { file throws in
            let before = try file.auditLength()
            try file.setScoringModel(try preset("rice"))
            let entries = try file.log(limit: 100).prefix(try file.auditLength() - before)
            // The method and six weights are new settings.
            #expect(entries.count == 7)
            #expect(entries.allSatisfy { $0.action == "set" && $0.who == "carla" })
            #expect(entries.contains { $0.record == "setting:score_method" && $0.after == "\"rice\"" })
            // Setting the same model again changes nothing and logs nothing.
            let length = try file.auditLength()
            try file.setScoringModel(try preset("rice"))
            #expect(try file.auditLength() == length)
        }
    }
}
