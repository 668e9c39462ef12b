import Foundation
import SixSteps
import Store
import Testing

// The measured journey curve against a small set of responses worked out by hand. The privacy
// threshold is 3 unless a test says otherwise.
//
// The cycles ran in this order (by start date), which is not the order they were made in:
//
// - C2 "Najaar 2013" (made second): contact 9 9 9. Ran first, so never the previous cycle of C4.
// - C1 "Voorjaar 2014": contact 6 (ouders) 7 (ouders) 8 (jongeren): n 3, mean 7, sd 1;
//   afronding 5 6 7: n 3, mean 6, sd 1; and three responses without a phase.
// - C3 "Najaar 2014": for mor only responses without a phase, so it has no curve for mor and is
//   skipped; for verhuizing contact 3 3 3.
// - C4 "Voorjaar 2015", the latest:
//   - orientatie: nothing.
//   - contact: ouders 6 8 10, senioren 7 9, no persona 5 6 7 8 9: n 10, sum 75, mean 7.5;
//     squared deviations 2.25 ×4 + 0.25 ×4 + 6.25 ×2 = 22.5, variance 22.5 / 9 = 2.5,
//     sd √2.5, standard error √(2.5 / 10) = 0.5.
//   - uitvoering: senioren 7 9: n 2, below the threshold.
//   - afronding: ouders 4 5, senioren 9: n 3, mean 6, squared deviations 4 + 1 + 9 = 14,
//     variance 7, standard error √(7 / 3).
//   - evaluatie: 7 7 8 without a journey, so in the metric's journey mor: n 3, mean 22/3,
//     squared deviations 1/9 + 1/9 + 4/9, variance 1/3, standard error 1/3.
//   - 1 1 1 without a phase (ouders), and 1 1 1 in verhuizing's contact (ouders): not mor's.
//   Per persona: ouders contact 6 8 10 (n 3, mean 8, sd 2), afronding 4 5 (n 2);
//   senioren contact 7 9, uitvoering 7 9, afronding 9.
// - The metric afhandeling (journey mor) has C4 contact 2 3 4 only; the metric zonder-fase has
//   responses in mor without a phase only.

/// t for a two-sided 95% interval, from the closed forms of Student's t: with 2 degrees of
/// freedom F(t) = 1/2 + t / (2√(2 + t²)), so t² = 2 · 0.95² / (1 − 0.95²).
private let t2 = (2 * 0.9025 / 0.0975).squareRoot()
/// scipy.stats.t.ppf(0.975, 9).
private let t9 = 2.262157162798205

private struct Response {
    let journey: String?
    let phase: String?
    let persona: String?
    let score: Int

    init(_ journey: String?, _ phase: String?, _ persona: String?, _ score: Int) {
        self.journey = journey
        self.phase = phase
        self.persona = persona
        self.score = score
    }
}

private func responses(_ journey: String?, _ phase: String?, _ persona: String?, _ scores: [Int]) -> [Response] {
    scores.map { Response(journey, phase, persona, $0) }
}

private func survey(_ responses: [Response]) throws -> CSVDocument {
    let lines = ["journey;phase;persona;score"] + responses.map {
        "\($0.journey ?? "");\($0.phase ?? "");\($0.persona ?? "");\($0.score)"
    }
    return try CSVDocument(bytes: Array(lines.joined(separator: "\n").utf8))
}

private func importInto(_ file: RoadmapFile, metric: String, _ responses: [Response]) throws {
    _ = try file.importSurvey(survey(responses), path: "\(metric).csv", metric: metric, cycle: nil, rename: [:], dryRun: false)
}

/// The roadmap described at the top of this file.
private func withCurveRoadmap<T>(_ body: (RoadmapFile) throws -> T) throws -> T {
    try withRoadmap { file in
        try file.makeJourney()
        try file.makeJourney("verhuizing", name: "Verhuizing doorgeven")
        try file.makeJourney("leeg", name: "Zonder enquête")
        for persona in ["ouders", "senioren", "jongeren"] {
            try file.add(.persona, slug: persona, input: [.name: persona.capitalized])
        }
        try file.makeMetric("tevredenheid", extra: [.scaleMin: "1", .scaleMax: "10", .journey: "mor"])
        try file.makeMetric("afhandeling", extra: [.scaleMin: "1", .scaleMax: "10", .journey: "mor"])
        try file.makeMetric("zonder-fase", extra: [.scaleMin: "1", .scaleMax: "10"])
        try file.setPrivacyThreshold(3, allowSmallGroups: true)

        try file.openCycle(name: "Voorjaar 2014", start: "2014-03-01", end: "2014-06-30")
        try importInto(file, metric: "tevredenheid",
                       responses("mor", "contact", "ouders", [6, 7]) + responses("mor", "contact", "jongeren", [8])
                        + responses("mor", "afronding", nil, [5, 6, 7]) + responses("mor", nil, "ouders", [1, 1, 1]))
        try file.closeCycle(nil, note: nil)

        try file.openCycle(name: "Najaar 2013", start: "2013-10-01", end: "2013-12-31")
        try importInto(file, metric: "tevredenheid", responses("mor", "contact", nil, [9, 9, 9]))
        try file.closeCycle(nil, note: nil)

        try file.openCycle(name: "Najaar 2014", start: "2014-09-01", end: "2014-12-31")
        try importInto(file, metric: "tevredenheid",
                       responses("mor", nil, nil, [2, 2, 2]) + responses("verhuizing", "contact", nil, [3, 3, 3]))
        try file.closeCycle(nil, note: nil)

        try file.openCycle(name: "Voorjaar 2015", start: "2015-03-01", end: "2015-06-30")
        try importInto(file, metric: "tevredenheid",
                       responses("mor", "contact", "ouders", [6, 8, 10]) + responses("mor", "contact", "senioren", [7, 9])
                        + responses("mor", "contact", nil, [5, 6, 7, 8, 9])
                        + responses("mor", "uitvoering", "senioren", [7, 9])
                        + responses("mor", "afronding", "ouders", [4, 5]) + responses("mor", "afronding", "senioren", [9])
                        + responses(nil, "evaluatie", nil, [7, 7, 8])
                        + responses("mor", nil, "ouders", [1, 1, 1]) + responses("verhuizing", "contact", "ouders", [1, 1, 1]))
        try importInto(file, metric: "afhandeling", responses("mor", "contact", nil, [2, 3, 4]))
        try importInto(file, metric: "zonder-fase", responses("mor", nil, nil, [5, 6, 7]))
        return try body(file)
    }
}

private func close(_ value: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
}

/// The curve of `tevredenheid` on mor.
private func satisfaction(_ file: RoadmapFile) throws -> JourneyCurve {
    try #require(try file.journeyCurves(journey: "mor").first { $0.metric == "tevredenheid" })
}

@Suite struct JourneyCurveTests {
    @Test func theCurrentCycleMatchesTheHandComputedNumbers() throws {
        try withCurveRoadmap { file throws in
            let curve = try satisfaction(file)
            #expect(curve.journey == "mor")
            #expect(curve.threshold == 3)
            #expect(curve.current.cycle == "C4")
            #expect(curve.phases.map(\.slug) == defaultPhaseSlugs)
            let points = curve.current.overall
            #expect(points.map(\.phase) == defaultPhaseSlugs)
            #expect(points.map(\.n) == [0, 10, 2, 3, 3])
            #expect(points.map(\.suppressed) == [false, false, true, false, false])

            let contact = points[1]
            #expect(close(contact.mean, 7.5))
            #expect(close(contact.summary?.sd, 2.5.squareRoot()))
            #expect(close(contact.interval?.lowerBound, 7.5 - t9 * 0.5))
            #expect(close(contact.interval?.upperBound, 7.5 + t9 * 0.5))

            let afronding = points[3]
            #expect(close(afronding.mean, 6))
            #expect(close(afronding.summary?.sd, 7.0.squareRoot()))
            #expect(close(afronding.interval?.lowerBound, 6 - t2 * (7.0 / 3).squareRoot()))
            #expect(close(afronding.interval?.upperBound, 6 + t2 * (7.0 / 3).squareRoot()))

            // Responses without a journey are in their metric's journey.
            let evaluatie = points[4]
            #expect(close(evaluatie.mean, 22.0 / 3))
            #expect(close(evaluatie.interval?.lowerBound, 22.0 / 3 - t2 / 3))
            #expect(close(evaluatie.interval?.upperBound, 22.0 / 3 + t2 / 3))
        }
    }

    @Test func aPhaseWithoutResponsesHasNoPointAndIsNotSuppressed() throws {
        try withCurveRoadmap { file throws in
            let orientatie = try satisfaction(file).current.overall[0]
            #expect(orientatie.phase == "orientatie")
            #expect(orientatie.n == 0)
            #expect(!orientatie.suppressed)
            #expect(orientatie.mean == nil)
            #expect(orientatie.interval == nil)
            #expect(!orientatie.isShown)
        }
    }

    @Test func thePreviousCycleIsTheLatestEarlierOneWithResponsesInAPhase() throws {
        try withCurveRoadmap { file throws in
            let curve = try satisfaction(file)
            // Not C3 (ran later, but no responses in a phase of mor) and not C2 (made later, ran first).
            let previous = try #require(curve.previous)
            #expect(previous.cycle == "C1")
            #expect(previous.overall.map(\.n) == [0, 3, 0, 3, 0])
            #expect(close(previous.overall[1].mean, 7))
            #expect(close(previous.overall[1].interval?.lowerBound, 7 - t2 / 3.0.squareRoot()))
            #expect(close(previous.overall[1].interval?.upperBound, 7 + t2 / 3.0.squareRoot()))
            #expect(close(previous.overall[3].mean, 6))
        }
    }

    @Test func aCurveWithOneSurveyedCycleHasNoPreviousCycle() throws {
        try withCurveRoadmap { file throws in
            let curve = try #require(try file.journeyCurves(journey: "mor").first { $0.metric == "afhandeling" })
            #expect(curve.current.cycle == "C4")
            #expect(curve.previous == nil)
            #expect(curve.current.overall.map(\.n) == [0, 3, 0, 0, 0])
            #expect(close(curve.current.overall[1].mean, 3))
            #expect(curve.current.personas.isEmpty)
        }
    }

    @Test func personaLinesHaveOnlyPersonasWithResponses() throws {
        try withCurveRoadmap { file throws in
            let curve = try satisfaction(file)
            #expect(curve.current.personas.map(\.persona) == ["ouders", "senioren"])
            let ouders = curve.current.personas[0].points
            #expect(ouders.map(\.n) == [0, 3, 0, 2, 0])
            #expect(ouders.map(\.suppressed) == [false, false, false, true, false])
            #expect(close(ouders[1].mean, 8))
            #expect(close(ouders[1].summary?.sd, 2))
            #expect(close(ouders[1].interval?.lowerBound, 8 - t2 * 2 / 3.0.squareRoot()))
            #expect(close(ouders[1].interval?.upperBound, 8 + t2 * 2 / 3.0.squareRoot()))
            #expect(ouders[3].mean == nil)

            let senioren = curve.current.personas[1].points
            #expect(senioren.map(\.n) == [0, 2, 2, 1, 0])
            #expect(!senioren.contains { $0.isShown })

            // The previous cycle has its own personas: jongeren answered in C1 only.
            #expect(curve.previous?.personas.map(\.persona) == ["jongeren", "ouders"])
            #expect(curve.previous?.personas.first?.points.map(\.n) == [0, 1, 0, 0, 0])
        }
    }

    @Test func aPointIsSuppressedBelowTheThresholdAndShownAtIt() throws {
        try withCurveRoadmap { file throws in
            // Threshold 3: uitvoering has 2 responses (threshold − 1), afronding 3.
            var points = try satisfaction(file).current.overall
            #expect(points[2].suppressed && points[2].summary == nil && points[2].interval == nil)
            #expect(!points[3].suppressed && close(points[3].mean, 6))

            // Threshold 4: afronding's 3 responses are now one too few.
            try file.setPrivacyThreshold(4, allowSmallGroups: true)
            points = try satisfaction(file).current.overall
            #expect(points.map(\.suppressed) == [false, false, true, true, true])
            #expect(points[3].mean == nil && points[3].interval == nil)

            // Threshold 2: uitvoering's 2 responses (7 and 9) are shown.
            try file.setPrivacyThreshold(2, allowSmallGroups: true)
            points = try satisfaction(file).current.overall
            #expect(points.map(\.suppressed) == [false, false, false, false, false])
            #expect(close(points[2].mean, 8))
            #expect(close(points[2].interval?.upperBound, 8 + 12.706204736174694 * 1, 1e-9))
        }
    }

    @Test func oneResponseGivesAMeanWithoutAnInterval() throws {
        try withCurveRoadmap { file throws in
            try file.setPrivacyThreshold(1, allowSmallGroups: true)
            let senioren = try #require(try satisfaction(file).current.personas.first { $0.persona == "senioren" })
            let afronding = senioren.points[3]
            #expect(afronding.n == 1)
            #expect(close(afronding.mean, 9))
            #expect(afronding.summary?.sd == nil)
            #expect(afronding.interval == nil)
        }
    }

    @Test func responsesWithoutAPhaseOrOfAnotherJourneyAreLeftOut() throws {
        try withCurveRoadmap { file throws in
            // C4 holds 24 responses of tevredenheid; 6 have no phase or are verhuizing's.
            let curve = try satisfaction(file)
            #expect(curve.current.overall.map(\.n).reduce(0, +) == 18)
            // The ouders' 1 1 1 in verhuizing's contact would have pulled their contact mean down.
            #expect(close(curve.current.personas[0].points[1].mean, 8))
            // Neither the C3 responses without a phase nor verhuizing's make C3 a cycle of mor's curve.
            #expect(curve.previous?.cycle == "C1")
            // The metric with responses in mor but none in a phase has no curve.
            #expect(try file.journeyCurves(journey: "mor").map(\.metric) == ["afhandeling", "tevredenheid"])

            // verhuizing has its own curve, from its own responses only.
            let verhuizing = try #require(try file.journeyCurves(journey: "verhuizing").first)
            #expect(verhuizing.metric == "tevredenheid")
            #expect(verhuizing.current.cycle == "C4")
            #expect(verhuizing.current.overall.map(\.n) == [0, 3, 0, 0, 0])
            #expect(close(verhuizing.current.overall[1].mean, 1))
            #expect(verhuizing.previous?.cycle == "C3")
            #expect(close(verhuizing.previous?.overall[1].mean, 3))
        }
    }

    @Test func aJourneyWithoutResponsesInItsPhasesHasNoCurves() throws {
        try withCurveRoadmap { file throws in
            #expect(try file.journeyCurves(journey: "leeg").isEmpty)
            #expect(try file.journeyCurves()["leeg"] == nil)
            #expect(throws: DomainError.unknownRecord(.journey, "nergens")) { try file.journeyCurves(journey: "nergens") }
        }
    }

    @Test func allJourneysAtOnceGiveTheSameCurvesAsOneByOne() throws {
        try withCurveRoadmap { file throws in
            let all = try file.journeyCurves()
            #expect(all.keys.sorted() == ["mor", "verhuizing"])
            #expect(all["mor"] == (try file.journeyCurves(journey: "mor")))
            #expect(all["verhuizing"] == (try file.journeyCurves(journey: "verhuizing")))
        }
    }

    @Test func pointsFollowThePhasesInTheOrderOfTheMap() throws {
        try withCurveRoadmap { file throws in
            try file.editPhase(journey: "mor", slug: "afronding", newSlug: nil, name: "Klaar", position: 1)
            let curve = try satisfaction(file)
            #expect(curve.phases.map(\.slug) == ["afronding", "orientatie", "contact", "uitvoering", "evaluatie"])
            #expect(curve.phases.first?.name == "Klaar")
            #expect(curve.current.overall.map(\.phase) == curve.phases.map(\.slug))
            #expect(curve.current.overall.map(\.n) == [3, 0, 10, 2, 3])
            #expect(close(curve.current.overall[0].mean, 6))
        }
    }
}
