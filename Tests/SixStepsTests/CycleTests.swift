import Foundation
import SixSteps
import Store
import Testing

// Step 6's rhythm: one cycle open at a time, closed cycles frozen, and the report that compares
// each metric with its baseline, the previous cycle and its target.

private func csv(_ text: String) throws -> CSVDocument { try CSVDocument(bytes: Array(text.utf8)) }

private func near(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

/// A cycle from `start` to `end` with the given measurements (metric, value, n, sd), closed
/// unless `open`.
@discardableResult
private func cycle(_ file: RoadmapFile, _ name: String, _ start: String, _ end: String, open: Bool = false,
                   _ values: [(String, String, String?, String?)] = []) throws -> Record {
    let record = try file.openCycle(name: name, start: start, end: end)
    for (metric, value, n, sd) in values {
        try file.measure(metric: metric, value: value, n: n, sd: sd)
    }
    if !open { try file.closeCycle(nil, note: "retrospectief \(name)") }
    return record
}

private func comparison(_ report: CycleReport, _ slug: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> MetricComparison {
    try #require(report.comparisons.first { $0.slug == slug }, sourceLocation: sourceLocation)
}

private func attention(_ report: CycleReport, _ key: String) -> [String]? {
    report.attention.first { $0.key == key }?.records
}

@Suite struct CycleTests {
    // MARK: Opening and closing

    @Test func oneCycleIsOpenAtATimeAndClosingTakesTheNoteAndEndDate() throws {
        try withRoadmap { file in
            #expect(try file.openCycleRecord() == nil)
            let first = try file.openCycle(name: "Voorjaar 2014", start: "2014-03-01", end: nil)
            #expect(first.ref == "C1")
            #expect(first[.status].string == "open")
            #expect(first[.startDate].string == "2014-03-01" && first[.endDate].isNull)
            #expect(try file.openCycleRecord()?.ref == "C1")

            try expectRefused(.cycleStillOpen("C1 \"Voorjaar 2014\""), in: file) {
                try file.openCycle(name: "Zomer 2014", start: "2014-07-01", end: nil)
            }

            let closed = try file.closeCycle(nil, note: "Statusberichten werken; telefoon nog te traag")
            #expect(closed.ref == "C1" && closed[.status].string == "closed")
            #expect(closed[.note].string == "Statusberichten werken; telefoon nog te traag")
            #expect(closed[.endDate].string == ISODate.today().description, "no end date: it becomes today")
            #expect(try file.record(.cycle, "C1") == closed)
            #expect(try file.openCycleRecord() == nil)
            let entry = try file.log(record: "C1", limit: 1)[0]
            #expect(entry.action == "edit")
            #expect(entry.summary.contains("status") && entry.summary.contains("note") && entry.summary.contains("end_date"))

            try expectRefused(.noOpenCycle, in: file) { try file.closeCycle(nil, note: "niets open") }
            try expectRefused(.inconsistent("C1 \"Voorjaar 2014\" is already closed"), in: file) {
                try file.closeCycle("C1", note: "nog eens")
            }

            // A planned end date is kept; an end date given when closing wins.
            try file.openCycle(name: "Zomer 2014", start: "2014-07-01", end: "2014-09-30")
            let summer = try file.closeCycle("C2", note: nil)
            #expect(summer[.endDate].string == "2014-09-30" && summer[.note].isNull)
            try file.openCycle(name: "Najaar 2014", start: "2014-10-01", end: "2014-12-31")
            #expect(try file.closeCycle(nil, note: nil, end: "2014-12-15")[.endDate].string == "2014-12-15")

            // Cycles run in the order of their start dates, whatever their ids.
            try file.openCycle(name: "Winter 2013", start: "2013-12-01", end: "2014-02-28")
            #expect(try file.cyclesInOrder().map(\.ref) == ["C4", "C1", "C2", "C3"])
        }
    }

    @Test func aClosedCycleIsFrozen() throws {
        try withRoadmap { file in
            try file.makeJourney()
            try file.makeMetric("tevredenheid", extra: [.scaleMin: "1", .scaleMax: "10", .journey: "mor"])
            try file.makeMetric("wachttijd", extra: [.unit: "dagen", .direction: "lower"])
            try file.makeMetric("bereik", extra: [.unit: "%"])
            let spring = try file.openCycle(name: "Voorjaar 2014", start: "2014-03-01", end: "2014-06-30")
            _ = try file.importSurvey(csv("score,comment\n7,goed\n8,\n9,prima\n"), path: "voorjaar.csv",
                                      metric: "tevredenheid", cycle: nil, rename: [:], dryRun: false)
            try file.measure(metric: "wachttijd", value: "12", n: "40", sd: "3")
            try file.closeCycle(nil, note: "klaar")
            try file.openCycle(name: "Zomer 2014", start: "2014-07-01", end: nil)
            let label = try file.record(.cycle, spring.ref).label
            #expect(label == "C1 \"Voorjaar 2014\"")
            let frozen = DomainError.frozen(cycle: label)
            #expect(frozen.description == "C1 \"Voorjaar 2014\" is closed, so its measurements are frozen; measure in the open cycle instead")

            // Measuring again, measuring a new metric, removing: all refused, nothing changed.
            try expectRefused(frozen, in: file) { try file.measure(metric: "wachttijd", value: "10", cycle: "C1") }
            try expectRefused(frozen, in: file) { try file.measure(metric: "bereik", value: "60", cycle: "C1", n: "100") }
            try expectRefused(frozen, in: file) { try file.removeMeasurement(metric: "wachttijd", cycle: "C1") }
            try expectRefused(frozen, in: file) { try file.removeMeasurement(metric: "tevredenheid", cycle: "C1") }
            for dryRun in [false, true] {
                try expectRefused(frozen, in: file) {
                    _ = try file.importSurvey(csv("score\n5\n"), path: "later.csv", metric: "tevredenheid", cycle: "C1",
                                              rename: [:], dryRun: dryRun)
                }
            }
            // A measurement file: the refusal names the line, and the good line before it is not kept.
            try expectRefused(.badFile(path: "metingen.csv", "line 3: \(frozen)"), in: file) {
                _ = try file.importMeasurements(csv("metric,value,cycle\nbereik,55,C2\nwachttijd,9,C1\n"),
                                                source: "metingen.csv", dryRun: false)
            }
            #expect(try file.records(.measurement, filter: [.cycle: 2]).isEmpty)

            let kept = try #require(try file.measurement(metric: "wachttijd", cycle: 1))
            #expect(kept[.value].double == 12 && kept[.n].int == 40 && kept[.sd].double == 3)

            // With no cycle open and none named, there is nowhere to measure.
            try file.closeCycle(nil, note: nil)
            try expectRefused(.noOpenCycle, in: file) { try file.measure(metric: "wachttijd", value: "10") }
        }
    }

    // MARK: Measuring

    @Test func measuringAgainReplacesTheValueAndIsLoggedAsAnEdit() throws {
        try withRoadmap { file in
            try file.makeMetric("wachttijd", extra: [.unit: "dagen", .direction: "lower"])
            try file.openCycle(name: "Voorjaar 2014", start: "2014-03-01", end: nil)
            let first = try file.measure(metric: "wachttijd", value: "12,5", n: "40", sd: "3", source: "zaaksysteem")
            #expect(first.ref == "M1" && first[.value].double == 12.5 && first[.cycle] == .integer(1))
            #expect(try file.log(limit: 1)[0].action == "add")

            let second = try file.measure(metric: "wachttijd", value: "10", n: "44", sd: "2,5")
            #expect(second.ref == "M1")
            #expect(second[.value].double == 10 && second[.n].int == 44 && second[.sd].double == 2.5)
            #expect(try file.records(.measurement).count == 1)
            let entry = try file.log(limit: 1)[0]
            #expect(entry.action == "edit" && entry.record == "M1")
            #expect(try JSON.parse(entry.before ?? "")["value"]?.double == 12.5)
            #expect(try JSON.parse(entry.after ?? "")["value"]?.double == 10)

            // A bad value is refused with the option it came from.
            try expectRefused(.invalidValue(field: "n", value: "veel", expected: Kind.measurement.field(.n)!.expectation), in: file) {
                try file.measure(metric: "wachttijd", value: "9", n: "veel")
            }
            try expectRefused(.unknownRecord(.metric, "onbekend"), in: file) { try file.measure(metric: "onbekend", value: "9") }

            // Removing it from the open cycle.
            try file.removeMeasurement(metric: "wachttijd", cycle: nil)
            #expect(try file.records(.measurement).isEmpty)
            try expectRefused(.inconsistent("wachttijd has no measurement in C1"), in: file) {
                try file.removeMeasurement(metric: "wachttijd", cycle: nil)
            }
        }
    }

    @Test func measuringAgainWithoutNAndSDDoesNotKeepTheOldSample() throws {
        try withRoadmap { file in
            try file.makeMetric("wachttijd", extra: [.unit: "dagen", .direction: "lower"])
            try file.openCycle(name: "Voorjaar 2014", start: "2014-03-01", end: nil)
            try file.measure(metric: "wachttijd", value: "12", n: "40", sd: "3", source: "steekproef")
            // A new value from somewhere else, without a sample size: the n and sd of the old value
            // do not belong to it, and would feed the noise test with a sample that was never taken.
            let replaced = try file.measure(metric: "wachttijd", value: "9", source: "schatting teamleider")
            #expect(replaced[.n].isNull)
            #expect(replaced[.sd].isNull)
        }
    }

    @Test func measurementsImportFromAFileIntoTheOpenCycle() throws {
        try withRoadmap { file in
            try file.makeMetric("wachttijd", extra: [.unit: "dagen", .direction: "lower"])
            try file.makeMetric("bereik", extra: [.unit: "%"])
            try file.openCycle(name: "Voorjaar 2014", start: "2014-03-01", end: nil)
            let text = "meting;waarde;n;sd\nwachttijd;12,5;40;3\nbereik;61;200;\n"
            let before = try RoadmapState(file)
            let dry = try file.importMeasurements(csv(text), source: "m.csv", rename: ["metric": "meting", "value": "waarde"],
                                                  dryRun: true)
            #expect(dry.map(\.ref) == ["M1", "M2"])
            #expect(try RoadmapState(file) == before)
            let stored = try file.importMeasurements(csv(text), source: "m.csv", rename: ["metric": "meting", "value": "waarde"],
                                                     dryRun: false)
            #expect(stored.map { $0[.value].double } == [12.5, 61])
            #expect(stored.map { $0[.n].int } == [40, 200])
            #expect(stored.map { $0[.source].string } == ["m.csv", "m.csv"])
            // A bad number names its line and column; nothing of the file lands.
            let after = try RoadmapState(file)
            let bad = thrownError {
                _ = try file.importMeasurements(csv("metric,value,n\nwachttijd,9,12\nbereik,60,veel\n"), source: "b.csv", dryRun: false)
            }
            #expect((bad as? DomainError)?.description
                    == "b.csv: line 3, column n: 'veel' is not valid: expected \(Kind.measurement.field(.n)!.expectation); nothing was imported")
            #expect(try RoadmapState(file) == after)
        }
    }

    // MARK: The cycle report

    /// Metrics that go up, down and stay, for both directions; one measured every other cycle; one
    /// never measured; items done in and outside the cycle.
    private func comparisonRoadmap(_ body: (RoadmapFile) throws -> Void) throws {
        try withRoadmap { file in
            for slug in ["hoog-beter", "hoog-slechter", "hoog-gelijk"] {
                try file.makeMetric(slug, extra: [.baseline: "6", .target: "8"])
            }
            for slug in ["laag-beter", "laag-slechter", "laag-gelijk"] {
                try file.makeMetric(slug, extra: [.unit: "dagen", .direction: "lower", .baseline: "10", .target: "5"])
            }
            try file.makeMetric("om-de-andere", extra: [.baseline: "6"])
            try file.makeMetric("nooit", extra: [.baseline: "6", .target: "8"])
            try cycle(file, "Winter", "2014-01-01", "2014-03-31", [
                ("hoog-beter", "6,5", nil, nil), ("hoog-slechter", "7", nil, nil), ("hoog-gelijk", "7", nil, nil),
                ("laag-beter", "9", nil, nil), ("laag-slechter", "8", nil, nil), ("laag-gelijk", "8", nil, nil),
                ("om-de-andere", "6,25", nil, nil),
            ])
            try cycle(file, "Voorjaar", "2014-04-01", "2014-06-30", [
                ("hoog-beter", "7", nil, nil), ("hoog-slechter", "6,75", nil, nil), ("hoog-gelijk", "7", nil, nil),
                ("laag-beter", "8", nil, nil), ("laag-slechter", "9", nil, nil), ("laag-gelijk", "8", nil, nil),
            ])
            try cycle(file, "Zomer", "2014-07-01", "2014-09-30", open: true, [("om-de-andere", "6,625", nil, nil)])
            try body(file)
        }
    }

    @Test func theReportComparesWithThePreviousCycleForBothDirections() throws {
        try comparisonRoadmap { file in
            let report = try file.cycleReport("C2", today: date("2014-10-15"))
            #expect(report.cycle.ref == "C2" && report.previous?.ref == "C1")
            #expect(report.comparisons.map(\.slug)
                    == ["hoog-beter", "hoog-gelijk", "hoog-slechter", "laag-beter", "laag-gelijk", "laag-slechter", "nooit", "om-de-andere"])

            // Higher is better: 6.5 → 7 improved (halfway from 6 to 8); 7 → 6.75 worse; 7 → 7 unchanged.
            let up = try comparison(report, "hoog-beter")
            #expect(up.higherIsBetter)
            #expect(up.verdict == .noVerdictPossible && up.change == 0.5 && up.changeFromBaseline == 1 && up.progress == 0.5)
            #expect(up.previous?.cycle == "C1" && up.previous?.summary.mean == 6.5 && up.current?.summary.mean == 7)
            #expect(!up.movingAwayFromTarget)
            let down = try comparison(report, "hoog-slechter")
            #expect(down.verdict == .noVerdictPossible && down.change == -0.25 && down.changeFromBaseline == 0.75 && down.progress == 0.375)
            #expect(down.movingAwayFromTarget)
            let same = try comparison(report, "hoog-gelijk")
            #expect(same.verdict == .noClearChange && same.change == 0 && !same.movingAwayFromTarget)

            // Lower is better: 9 → 8 improved (from 10 toward 5: 2 / 5 = 0.4); 8 → 9 worse; 8 → 8 unchanged.
            let lower = try comparison(report, "laag-beter")
            #expect(!lower.higherIsBetter)
            #expect(lower.verdict == .noVerdictPossible && lower.change == -1 && lower.changeFromBaseline == -2)
            #expect(near(lower.progress, 0.4) && !lower.movingAwayFromTarget)
            let higher = try comparison(report, "laag-slechter")
            #expect(higher.verdict == .noVerdictPossible && higher.change == 1 && near(higher.progress, 0.2) && higher.movingAwayFromTarget)
            #expect(try comparison(report, "laag-gelijk").verdict == .noClearChange)

            // Not measured in C2: no verdict, but the last measurement is still shown as before.
            let skipped = try comparison(report, "om-de-andere")
            #expect(skipped.verdict == .notMeasured && skipped.current == nil && skipped.change == nil)
            #expect(skipped.previous?.cycle == "C1")
            let never = try comparison(report, "nooit")
            #expect(never.verdict == .notMeasured && never.previous == nil && never.progress == nil)

            // Without n or sd no verdict on noise.
            #expect(report.comparisons.allSatisfy { $0.noise == .unknown })

            #expect(attention(report, "metrics_moving_away") == ["hoog-slechter", "laag-slechter"])
            #expect(attention(report, "metrics_not_remeasured") == nil, "C2 is closed")
            #expect(attention(report, "cycle_past_end") == nil, "C2 is closed")

            let json = report.json
            #expect(json["previous_cycle"] == .string("C1"))
            let rows = try #require(json["metrics"]?.array)
            #expect(rows.map { $0["verdict"]?.string } == ["no_verdict_possible", "no_clear_change", "no_verdict_possible", "no_verdict_possible",
                                                             "no_clear_change", "no_verdict_possible", "not_measured", "not_measured"])
            #expect(rows[0]["compared_with"] == .object(JSONObject([("kind", .string("previous")), ("cycle", .string("C1"))])))
            #expect(rows[0]["direction"] == .string("higher") && rows[3]["direction"] == .string("lower"))
            #expect(rows[0]["previous"]?["value"]?.double == 6.5 && rows[0]["current"]?["value"]?.double == 7)
            #expect(rows[0]["change"]?.double == 0.5 && rows[0]["progress"]?.double == 0.5)
            #expect(rows[5]["moving_away_from_target"] == .bool(true))
            #expect(rows[0]["noise"]?["verdict"] == .string("unknown"))
        }
    }

    @Test func previousIsTheLatestEarlierCycleInWhichTheMetricWasMeasured() throws {
        try comparisonRoadmap { file in
            let report = try file.cycleReport("C3", today: date("2014-09-01"))
            #expect(report.previous?.ref == "C2", "the cycle before")
            let skipped = try comparison(report, "om-de-andere")
            #expect(skipped.previous?.cycle == "C1", "C2 did not measure it")
            #expect(skipped.change == 0.375 && skipped.changeFromBaseline == 0.625 && skipped.verdict == .noVerdictPossible)
            #expect(skipped.progress == nil, "no target")

            // C3 is open: what it has not measured yet needs attention; its end is still ahead.
            #expect(attention(report, "metrics_not_remeasured")
                    == ["hoog-beter", "hoog-gelijk", "hoog-slechter", "laag-beter", "laag-gelijk", "laag-slechter", "nooit"])
            #expect(attention(report, "cycle_past_end") == nil)
            let late = try file.cycleReport(nil, today: date("2014-10-01"))
            #expect(late.cycle.ref == "C3", "the open cycle is the default")
            #expect(attention(late, "cycle_past_end") == ["C3"])
            #expect(try file.cycleReport(nil, today: date("2014-09-30")).attention.allSatisfy { $0.key != "cycle_past_end" })

            // The first cycle compares with the baselines.
            let first = try file.cycleReport("C1", today: date("2014-10-15"))
            #expect(first.previous == nil)
            let start = try comparison(first, "hoog-beter")
            #expect(start.previous == nil && start.change == 0.5 && start.verdict == .noVerdictPossible && start.comparedWith == .baseline)
            #expect(try comparison(first, "laag-beter").verdict == .noVerdictPossible)
            #expect(try comparison(first, "hoog-slechter").change == 1)
        }
    }

    @Test func aFirstMeasurementWithoutBaselineHasNothingToCompareWith() throws {
        try withRoadmap { file in
            try file.makeMetric("nieuw")
            try cycle(file, "Voorjaar", "2014-04-01", "2014-06-30", open: true, [("nieuw", "7", "30", "1")])
            let row = try comparison(try file.cycleReport(nil, today: date("2014-05-01")), "nieuw")
            #expect(row.current?.summary == SampleSummary(mean: 7, n: 30, sd: 1))
            #expect(row.verdict == .nothingToCompare && row.change == nil && row.changeFromBaseline == nil && row.progress == nil)
        }
    }

    @Test func reportsAndStatusNeedACycle() throws {
        try withRoadmap { file in
            #expect(throws: DomainError.noCycles) {
                _ = try file.cycleReport(nil)
            }
            let status = try file.status(today: date("2014-10-01"))
            #expect(status.attention.allSatisfy { !$0.key.hasPrefix("metrics_not") && $0.key != "cycle_past_end" })
            #expect(throws: DomainError.unknownRecord(.cycle, "C7")) { _ = try file.cycleReport("C7") }
        }
    }

    @Test func itemsDoneInTheCycleShowExpectedAndObservedChange() throws {
        try comparisonRoadmap { file in
            try file.makeItem("Statusberichten", status: "done", extra: [.doneDate: "2014-05-01"])
            try file.link(.itemMetric, from: "R1", to: ["hoog-beter"], expectedChange: 0.6)
            try file.makeItem("Terugbelafspraak", status: "done", extra: [.doneDate: "2014-05-15"])
            try file.link(.itemMetric, from: "R2", to: ["nooit"], expectedChange: -1)
            try file.makeItem("Zonder meetpunt", status: "done", extra: [.doneDate: "2014-06-01"])
            try file.makeItem("In de winter", status: "done", extra: [.doneDate: "2014-02-01"])
            try file.link(.itemMetric, from: "R4", to: ["hoog-beter"], expectedChange: 0.2)
            try file.makeItem("Nog bezig", status: "doing")
            try file.link(.itemMetric, from: "R5", to: ["hoog-gelijk"], expectedChange: 0.3)

            let report = try file.cycleReport("C2", today: date("2014-10-15"))
            #expect(report.effects.map(\.item.ref) == ["R1", "R2"])
            #expect(report.effects.map(\.metric) == ["hoog-beter", "nooit"])
            #expect(report.effects.map(\.expected) == [0.6, -1])
            #expect(report.effects.map(\.observed) == [0.5, nil])
            #expect(attention(report, "items_without_measured_effect") == ["R2", "R3"])
            let json = try #require(report.json["effects"]?.array)
            #expect(json[0] == .object(JSONObject([("item", .string("R1")), ("title", .string("Statusberichten")),
                                                   ("metric", .string("hoog-beter")), ("expected_change", .double(0.6)),
                                                   ("observed_change", .double(0.5))])))
            #expect(json[1]["observed_change"] == .null)

            let winter = try file.cycleReport("C1", today: date("2014-10-15"))
            #expect(winter.effects.map(\.item.ref) == ["R4"])
            #expect(winter.effects.first?.observed == 0.5, "6.5 against the baseline 6")
        }
    }

    @Test func statusIncludesTheAttentionOfTheOpenCycle() throws {
        try comparisonRoadmap { file in
            let today = date("2014-10-01")
            let report = try file.cycleReport(nil, today: today)
            let status = try file.status(today: today)
            for item in report.attention {
                let shown = status.attention.first { $0.key == item.key }
                #expect(shown?.records == item.records, "\(item.key)")
                #expect(shown?.message == item.message, "\(item.key)")
            }
            #expect(status.attention.first { $0.key == "cycle_past_end" }?.records == ["C3"])
            #expect(status.attention.first { $0.key == "metrics_not_remeasured" }?.records.count == 7)
            #expect(status.steps[5].state == .complete && status.steps[5].holds == "3 cycles, 14 measurements")
            #expect(try file.status(today: date("2014-09-01")).attention.allSatisfy { $0.key != "cycle_past_end" })
        }
    }

    // MARK: Noise

    @Test func noiseIsUnknownWhenOneSideHasNoSampleSize() throws {
        try withRoadmap { file in
            try file.makeMetric("tevredenheid", extra: [.baseline: "6"])
            try file.makeMetric("bereik", extra: [.unit: "%", .baseline: "50"])
            try cycle(file, "Voorjaar", "2014-04-01", "2014-06-30", [("tevredenheid", "7", "100", "1"), ("bereik", "60", "400", nil)])
            try cycle(file, "Zomer", "2014-07-01", "2014-09-30", open: true, [("tevredenheid", "7,5", nil, nil), ("bereik", "70", nil, nil)])
            let report = try file.cycleReport(nil, today: date("2014-08-01"))
            #expect(try comparison(report, "tevredenheid").noise == .unknown)
            #expect(try comparison(report, "tevredenheid").verdict == .noVerdictPossible, "no n on one side: no verdict on chance")
            #expect(try comparison(report, "bereik").noise == .unknown, "a percentage without n has no spread")
            #expect(try comparison(report, "tevredenheid").json["noise"]
                    == .object(JSONObject([("verdict", .string("unknown")), ("p", .null)])))
        }
    }

    @Test func noiseFromSummariesIsWelchsTest() throws {
        try withRoadmap { file in
            try file.makeMetric("groot", extra: [.baseline: "6"])
            try file.makeMetric("klein", extra: [.baseline: "6"])
            try cycle(file, "Voorjaar", "2014-04-01", "2014-06-30", [("groot", "6,5", "200", "1,5"), ("klein", "6,5", "20", "1,5")])
            try cycle(file, "Zomer", "2014-07-01", "2014-09-30", open: true, [("groot", "7", "200", "1,5"), ("klein", "6,7", "20", "1,5")])
            let report = try file.cycleReport(nil, today: date("2014-08-01"))

            // groot: standard error √(2 · 1.5² / 200) = 0.15, t = 0.5 / 0.15 = 3.33 with df 398: p ≈ 0.0009.
            let big = try #require(Statistics.welch(SampleSummary(mean: 6.5, n: 200, sd: 1.5), SampleSummary(mean: 7, n: 200, sd: 1.5)))
            #expect(near(big.t, 0.5 / 0.15, 1e-9) && near(big.df, 398, 1e-9))
            #expect(big.p > 0.0008 && big.p < 0.0011)
            #expect(try comparison(report, "groot").noise == .significant(p: big.p))

            // klein: standard error √(2 · 1.5² / 20) ≈ 0.474, t ≈ 0.42 with df 38: p ≈ 0.68.
            let small = try #require(Statistics.welch(SampleSummary(mean: 6.5, n: 20, sd: 1.5), SampleSummary(mean: 6.7, n: 20, sd: 1.5)))
            #expect(near(small.t, 0.2 / (0.225.squareRoot()), 1e-9) && near(small.df, 38, 1e-9))
            #expect(small.p > 0.6 && small.p < 0.75)
            let row = try comparison(report, "klein")
            guard case .withinNoise(let p) = row.noise else {
                Issue.record("expected within noise, got \(row.noise)")
                return
            }
            #expect(near(p, small.p, 1e-12))
            #expect(row.verdict == .noClearChange, "within noise: no clear change, whichever way it moved")
            #expect(row.json["noise"]?["verdict"] == .string("within_noise"))
            #expect(try comparison(report, "groot").json["noise"]?["verdict"] == .string("larger_than_noise"))
        }
    }

    @Test func aPercentageWithNAndNoSDGetsTheSpreadOfAProportion() throws {
        try withRoadmap { file in
            try file.makeMetric("bereik", extra: [.unit: "%", .baseline: "50", .target: "80"])
            try cycle(file, "Voorjaar", "2014-04-01", "2014-06-30", [("bereik", "60", "400", nil)])
            try cycle(file, "Zomer", "2014-07-01", "2014-09-30", open: true, [("bereik", "70", "400", nil)])
            let row = try comparison(try file.cycleReport(nil, today: date("2014-08-01")), "bereik")
            // √(0.7 · 0.3) · 100 · √(400 / 399) ≈ 45.883 and √(0.6 · 0.4) · 100 · √(400 / 399) ≈ 49.051.
            #expect(near(row.current?.summary.sd, (0.21).squareRoot() * 100 * (400.0 / 399).squareRoot()))
            #expect(near(row.current?.summary.sd, 45.883, 1e-3))
            #expect(near(row.previous?.summary.sd, 49.051, 1e-3))
            let expected = try #require(Statistics.welch(.percentage(60, n: 400), .percentage(70, n: 400)))
            // t ≈ 10 / √((49.05² + 45.88²) / 400) ≈ 2.98: larger than the noise.
            #expect(near(expected.t, 2.978, 1e-3))
            #expect(row.noise == .significant(p: expected.p))
            #expect(row.verdict == .improved && near(row.progress, 20.0 / 30))
        }
    }

    @Test func rawResponsesOnBothSidesAreTestedDirectly() throws {
        try withRoadmap { file in
            try file.makeMetric("tevredenheid", extra: [.scaleMin: "1", .scaleMax: "10", .baseline: "6"])
            try file.setPrivacyThreshold(5)
            let before: [Double] = [7, 8, 6, 9, 7, 8, 5, 10, 7, 8, 6, 9]
            let after: [Double] = [9, 9, 8, 10, 9, 9, 8, 10, 9, 9, 8, 10]
            func lines(_ scores: [Double]) -> String { "score\n" + scores.map { "\(Int($0))\n" }.joined() }
            try file.openCycle(name: "Voorjaar", start: "2014-04-01", end: "2014-06-30")
            _ = try file.importSurvey(csv(lines(before)), path: "a.csv", metric: "tevredenheid", cycle: nil, rename: [:], dryRun: false)
            try file.closeCycle(nil, note: nil)
            try file.openCycle(name: "Zomer", start: "2014-07-01", end: "2014-09-30")
            _ = try file.importSurvey(csv(lines(after)), path: "b.csv", metric: "tevredenheid", cycle: nil, rename: [:], dryRun: false)

            // Means 7.5 and 9; variances 23 / 11 and 6 / 11: t = 1.5 / √((23 + 6) / 132) ≈ 3.2.
            let test = try #require(Statistics.welch(before, after))
            #expect(near(test.t, 1.5 / (29.0 / 132).squareRoot(), 1e-9))
            let row = try comparison(try file.cycleReport(nil, today: date("2014-08-01")), "tevredenheid")
            #expect(row.change == 1.5 && row.verdict == .improved)
            guard case .significant(let p) = row.noise else {
                Issue.record("expected larger than the noise, got \(row.noise)")
                return
            }
            #expect(near(p, test.p, 1e-12) && p < 0.05)

            // Close to each other: within noise, p from the raw scores.
            try file.setPrivacyThreshold(3, allowSmallGroups: true)
            _ = try file.importSurvey(csv(lines([7, 8, 7, 9, 6])), path: "c.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                      dryRun: false, options: .init(existing: .replace))
            let close = try #require(Statistics.welch(before, [7, 8, 7, 9, 6]))
            let again = try comparison(try file.cycleReport(nil, today: date("2014-08-01")), "tevredenheid")
            guard case .withinNoise(let closeP) = again.noise else {
                Issue.record("expected within noise, got \(again.noise)")
                return
            }
            #expect(near(closeP, close.p, 1e-12) && closeP > 0.05)
            // 7.5 → 7.4 on a higher-is-better metric.
            #expect(again.verdict == .noClearChange && near(again.change, 7.4 - 7.5))
        }
    }

    @Test func overshootingTheTargetInTheGoodDirectionIsNotMovingAway() throws {
        try withRoadmap { file in
            try file.makeMetric("tevredenheid", extra: [.baseline: "6", .target: "8"])
            try file.makeMetric("wachttijd", extra: [.unit: "dagen", .direction: "lower", .baseline: "10", .target: "5"])
            try cycle(file, "Voorjaar", "2014-04-01", "2014-06-30", [("tevredenheid", "7,5", nil, nil), ("wachttijd", "6", nil, nil)])
            try cycle(file, "Zomer", "2014-07-01", "2014-09-30", open: true, [("tevredenheid", "9", nil, nil), ("wachttijd", "3", nil, nil)])
            let report = try file.cycleReport(nil, today: date("2014-08-01"))
            #expect(try comparison(report, "tevredenheid").verdict == .noVerdictPossible, "no n on one side: no verdict on chance")
            #expect(try comparison(report, "wachttijd").verdict == .noVerdictPossible)
            let higher = try comparison(report, "tevredenheid"), lower = try comparison(report, "wachttijd")
            #expect(higher.movingAwayFromTarget == false)
            #expect(lower.movingAwayFromTarget == false)
            #expect(attention(report, "metrics_moving_away") == nil)
        }
    }

    // MARK: Export and import

    @Test func exportImportExportIsIdenticalWithCyclesSurveysAndVolumes() throws {
        try withFolder { folder in
            let file = try RoadmapFile.create(path: folder.file("a.sqlite"), actor: "tester", municipality: "Molensloot")
            try file.makeJourney()
            try file.add(.persona, slug: "ouders", input: [.name: "Drukke ouders"])
            try file.makeMetric("tevredenheid", extra: [.scaleMin: "1", .scaleMax: "10", .journey: "mor", .baseline: "6,4"])
            try file.makeMetric("wachttijd", extra: [.unit: "dagen", .direction: "lower"])
            try file.setPrivacyThreshold(7)
            try file.openCycle(name: "Voorjaar 2014", start: "2014-03-01", end: "2014-06-30")
            let survey = "datum;fase;kanaal;persona;score;opmerking\n"
                + "12-03-2014;contact;app;ouders;7,5;\"Snel; vriendelijk\"\n"
                + "13-03-2014;afronding;web;;8;\"Twee\nregels\"\n"
                + "14-03-2014;;telefoon;;6;\n"
            _ = try file.importSurvey(csv(survey), path: "voorjaar.csv", metric: "tevredenheid", cycle: nil,
                                      rename: ["date": "datum", "phase": "fase", "channel": "kanaal", "comment": "opmerking"],
                                      dryRun: false)
            try file.measure(metric: "wachttijd", value: "12,5", n: "40", sd: "3", source: "zaaksysteem", note: "mediaan 11")
            try file.closeCycle(nil, note: "Statusberichten werken")
            try file.openCycle(name: "Zomer 2014", start: "2014-07-01", end: nil)
            try file.measure(metric: "wachttijd", value: "10")
            let comment = try #require(try file.surveyComments(metric: nil, cycle: nil).first)
            try file.setQuotable([comment.id], true)
            _ = try file.importVolumes(csv("period,channel,reason,count\n2014-03,telefoon,Afval,120\n2014-03,web,,80\n"),
                                       path: "v.csv", dryRun: false)

            let exported = try file.export()
            #expect(exported["settings"]?["privacy_threshold"] == .string("7"))
            #expect(exported["cycles"]?.array?.map { $0["status"]?.string } == ["closed", "open"])
            #expect(exported["measurements"]?.array?.count == 3)
            #expect(exported["survey_responses"]?.array?.count == 3)
            #expect(exported["survey_responses"]?.array?.map { $0["quotable"] } == [.bool(true), .bool(false), .bool(false)])
            #expect(exported["survey_responses"]?.array?[1]["comment"] == .string("Twee\nregels"))
            #expect(exported["volumes"]?.array?.count == 2)

            let copy = try RoadmapFile.create(path: folder.file("b.sqlite"), actor: "tester", municipality: nil)
            try copy.importDocument(exported.serialized(), source: "a.json", replace: false)
            #expect(try copy.export().serialized() == exported.serialized())
            #expect(try copy.privacyThreshold() == 7)
            #expect(try copy.openCycleRecord()?.ref == "C2")
            #expect(try copy.surveyComments(metric: nil, cycle: nil).map(\.quotable) == [true, false])
            #expect(try copy.channelMix().first?.total == 200)
            // The copy keeps the rules: C1 is still frozen.
            try expectRefused(.frozen(cycle: "C1 \"Voorjaar 2014\""), in: copy) {
                try copy.measure(metric: "wachttijd", value: "1", cycle: "C1")
            }
        }
    }
}
