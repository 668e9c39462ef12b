import Foundation
import SixSteps
import Store
import Testing

// NPS, CSAT (top-2-box), CES, FCR and on-time share: each computed from raw answers, with its own
// interval and its own test for noise, checked against values worked out by hand.

private let z = 1.959963984540054

private func near(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

/// A roadmap with one metric of `kind` on the given scale and a spring and autumn cycle.
private func withKind<T>(_ kind: MetricKind, scale: (String, String)?, _ body: (RoadmapFile) throws -> T) throws -> T {
    try withRoadmap { file in
        var input: [FieldKey: String] = [.name: "Meting", .unit: kind == .mean || kind == .ces ? "cijfer" : "%", .kind: kind.rawValue]
        if let scale { (input[.scaleMin], input[.scaleMax]) = scale }
        try file.add(.metric, slug: "m", input: input)
        try file.setPrivacyThreshold(2, allowSmallGroups: true)
        try file.openCycle(name: "Voorjaar", start: "2014-03-01", end: "2014-06-30")
        return try body(file)
    }
}

private func answers(_ values: [String]) throws -> CSVDocument {
    try CSVDocument(bytes: Array(("antwoord;score\n" + values.map { "x;\($0)" }.joined(separator: "\n") + "\n").utf8))
}

@Suite struct MetricKindTests {
    /// 20 answers on 0–10: promoters (9, 10) 8, passives (7, 8) 6, detractors (0–6) 6, and one
    /// "weet niet". NPS = 40% − 30% = 10. Contributions +100 ×8, 0 ×6, −100 ×6: Σx = 200,
    /// Σx² = 140 000, sample variance (140 000 − 20 · 10²) / 19 = 138 000 / 19.
    static let npsAnswers = ["10", "10", "9", "9", "9", "8", "7", "7", "6", "5", "3", "0", "10", "9", "8", "8", "7", "6", "2", "10",
                             "weet niet"]

    @Test func npsIsPromotersMinusDetractorsWithTheIntervalOfItsContributions() throws {
        try withKind(.nps, scale: nil) { file in
            let result = try file.importSurvey(answers(Self.npsAnswers), path: "nps.csv", metric: "m", cycle: nil, rename: [:],
                                               dryRun: false)
            #expect(result.responses == 20 && result.skipped == 1)
            #expect(near(result.measurement.mean, 10))
            let variance = 138_000.0 / 19
            #expect(near(result.measurement.sd, variance.squareRoot()))
            let half = z * (variance / 20).squareRoot()
            let interval = try #require(MetricKind.nps.interval95(result.measurement))
            #expect(near(interval.lowerBound, 10 - half) && near(interval.upperBound, 10 + half))
            // On a 0–10 scale by default: 11 is refused.
            let error = thrownError {
                _ = try file.importSurvey(answers(["11"]), path: "x.csv", metric: "m", cycle: nil, rename: [:], dryRun: true,
                                          options: .init(existing: .replace))
            }
            #expect("\(error.map { "\($0)" } ?? "")".contains("11 is above the scale's 10"))
        }
    }

    @Test func npsNoiseIsTheZTestOfTwoMeansOfContributions() throws {
        // Before: NPS 10 from the 20 answers above. After: 40 answers, 24 promoters, 10 passives,
        // 6 detractors: NPS 60 − 15 = 45; Σx = 1800, Σx² = 300 000, variance (300 000 − 40 · 45²) / 39.
        let before = SampleSummary(mean: 10, n: 20, sd: (138_000.0 / 19).squareRoot())
        let afterVariance = (300_000.0 - 40 * 45 * 45) / 39
        let after = SampleSummary(mean: 45, n: 40, sd: afterVariance.squareRoot())
        let zValue = 35 / (138_000.0 / 19 / 20 + afterVariance / 40).squareRoot()
        let expected = erfc(zValue / 2.0.squareRoot())
        // z = 35 / √(363.2 + 140.4) ≈ 1.56, p ≈ 0.12: a rise of 35 points on 20 answers is within the noise.
        guard case .withinNoise(let p) = MetricKind.nps.noise(before, after) else {
            Issue.record("expected within the noise")
            return
        }
        #expect(near(p, expected, 1e-12) && p > 0.05)
        // Four times the answers on both sides: beyond it.
        let bigger = MetricKind.nps.noise(SampleSummary(mean: 10, n: 80, sd: before.sd), SampleSummary(mean: 45, n: 160, sd: after.sd))
        #expect(bigger.isSignificant)
        // Without a spread (an NPS typed in by hand) there is no verdict.
        #expect(MetricKind.nps.noise(SampleSummary(mean: 10, n: 20, sd: nil), after) == .unknown)
    }

    /// 1–5 scale, answers 5 4 4 3 5 2 4 1 5 4: top-2-box (4 and 5) is 7 of 10 = 70%. Wilson's
    /// interval for 7 of 10: centre (0.7 + z²/20) / (1 + z²/10), half-width
    /// z · √(0.21/10 + z²/400) / (1 + z²/10): about 0.3968 to 0.8922.
    @Test func csatIsTheTopTwoBoxShareWithWilsonsInterval() throws {
        try withKind(.csat, scale: ("1", "5")) { file in
            let result = try file.importSurvey(answers(["5", "4", "4", "3", "5", "2", "4", "1", "5", "4", "n.v.t."]), path: "csat.csv",
                                               metric: "m", cycle: nil, rename: [:], dryRun: false)
            #expect(near(result.measurement.mean, 70) && result.measurement.n == 10)
            let z2 = z * z
            let centre = (0.7 + z2 / 20) / (1 + z2 / 10)
            let half = z * (0.21 / 10 + z2 / 400).squareRoot() / (1 + z2 / 10)
            let interval = try #require(MetricKind.csat.interval95(result.measurement))
            #expect(near(interval.lowerBound, (centre - half) * 100) && near(interval.upperBound, (centre + half) * 100))
            #expect(abs(interval.lowerBound - 39.68) < 0.01 && abs(interval.upperBound - 89.22) < 0.01)
        }
    }

    /// 70% of 10 against 90% of 50: pooled p = (7 + 45) / 60, z = 0.2 / √(p(1 − p)(1/10 + 1/50)).
    @Test func sharesAreTestedWithThePooledTwoProportionTest() throws {
        let pooled = 52.0 / 60
        let zValue = 0.2 / (pooled * (1 - pooled) * (1.0 / 10 + 1.0 / 50)).squareRoot()
        let expected = erfc(zValue / 2.0.squareRoot())
        let verdict = MetricKind.fcr.noise(SampleSummary.percentage(70, n: 10), SampleSummary.percentage(90, n: 50))
        switch verdict {
        case .withinNoise(let p), .significant(let p): #expect(near(p, expected, 1e-12))
        case .unknown: Issue.record("expected a verdict")
        }
        // p ≈ 0.098: within the noise, although the share rose 20 points.
        #expect(!verdict.isSignificant)
        #expect(MetricKind.onTime.noise(SampleSummary.percentage(0, n: 30), SampleSummary.percentage(0, n: 40)) == .withinNoise(p: 1))
    }

    @Test func cesIsAMeanWithStudentsInterval() throws {
        try withKind(.ces, scale: ("1", "7")) { file in
            // 2 3 3 4 5 6: mean 23/6.
            let result = try file.importSurvey(answers(["2", "3", "3", "4", "5", "6", "-"]), path: "ces.csv", metric: "m", cycle: nil,
                                               rename: [:], dryRun: false)
            #expect(near(result.measurement.mean, 23.0 / 6) && result.measurement.n == 6)
            #expect(MetricKind.ces.interval95(result.measurement) == result.measurement.confidenceInterval95)
        }
    }

    @Test func onTimeShareReadsYesAndNoAnswers() throws {
        try withKind(.onTime, scale: nil) { file in
            let result = try file.importSurvey(answers(["ja", "Ja", "nee", "ja", "j", "NEE", "n.v.t.", "ja", "1"]), path: "zaken.csv",
                                               metric: "m", cycle: nil, rename: [:], dryRun: false)
            // 6 yes of 8.
            #expect(result.responses == 8 && near(result.measurement.mean, 75))
            let report = try file.cycleReport(nil)
            let row = try #require(report.comparisons.first)
            #expect(row.kind == .onTime)
            let wilson = try #require(Statistics.wilson95(share: 0.75, n: 8))
            #expect(near(row.interval?.lowerBound, wilson.lowerBound * 100) && near(row.interval?.upperBound, wilson.upperBound * 100))
            let bad = thrownError {
                _ = try file.importSurvey(answers(["misschien"]), path: "x.csv", metric: "m", cycle: nil, rename: [:], dryRun: true,
                                          options: .init(existing: .replace))
            }
            #expect("\(bad.map { "\($0)" } ?? "")".contains("'misschien' is not an answer like ja or nee"))
        }
    }

    @Test func theCycleReportUsesTheKindsOwnTest() throws {
        try withKind(.csat, scale: ("1", "5")) { file in
            // Spring: 7 of 10 top-2-box; autumn 45 of 50.
            _ = try file.importSurvey(answers(["5", "4", "4", "3", "5", "2", "4", "1", "5", "4"]), path: "a.csv", metric: "m", cycle: nil,
                                      rename: [:], dryRun: false)
            try file.closeCycle(nil, note: nil)
            try file.openCycle(name: "Najaar", start: "2014-07-01", end: "2014-12-31")
            _ = try file.importSurvey(answers(Array(repeating: "5", count: 45) + Array(repeating: "2", count: 5)), path: "b.csv",
                                      metric: "m", cycle: nil, rename: [:], dryRun: false)
            let row = try #require(try file.cycleReport(nil).comparisons.first)
            #expect(near(row.change, 20))
            let pooled = 52.0 / 60
            let expected = erfc(0.2 / (pooled * (1 - pooled) * (1.0 / 10 + 1.0 / 50)).squareRoot() / 2.0.squareRoot())
            #expect(row.json["kind"] == .string("csat"))
            guard case .withinNoise(let p) = row.noise else {
                Issue.record("expected within the noise, got \(row.noise)")
                return
            }
            #expect(near(p, expected, 1e-12))
        }
    }
}
