import Foundation
import SixSteps
import Store
import Testing

// Assumptions (steps 1 and 2): each is tested per cycle by a metric's measurement, a share of the
// contact volumes, the share of cases with a repeat contact or a channel switch, or judged on a
// research insight. The verdicts are checked at their boundaries against values worked out by hand.

/// Three dated cycles:
///
/// - C1 "Winter 2014": 2014-01-01 to 2014-03-31 (the months January, February, March),
/// - C2 "Voorjaar 2014": 2014-04-01 to 2014-05-31 (April, May),
/// - C3 "Najaar 2014": 2014-08-01 to 2014-09-30 (August, September).
///
/// June and July lie in no cycle: C2 ends on 31 May, before C3 starts.
private func withCycles<T>(_ body: (RoadmapFile) throws -> T) throws -> T {
    try withRoadmap { file in
        try file.makeJourney()
        try file.add(.cycle, input: [.name: "Winter 2014", .status: "closed", .startDate: "2014-01-01", .endDate: "2014-03-31"])
        try file.add(.cycle, input: [.name: "Voorjaar 2014", .status: "closed", .startDate: "2014-04-01", .endDate: "2014-05-31"])
        try file.add(.cycle, input: [.name: "Najaar 2014", .status: "open", .startDate: "2014-08-01", .endDate: "2014-09-30"])
        return try body(file)
    }
}

private func measure(_ file: RoadmapFile, _ metric: String, _ cycle: String, _ value: String, n: Int? = nil, sd: String? = nil) throws {
    var input: [FieldKey: String] = [.metric: metric, .cycle: cycle, .value: value]
    if let n { input[.n] = String(n) }
    if let sd { input[.sd] = sd }
    try file.add(.measurement, input: input)
}

@discardableResult
private func assume(_ file: RoadmapFile, _ title: String, _ fields: [FieldKey: String]) throws -> Record {
    var input = fields
    input[.title] = title
    return try file.add(.assumption, input: input)
}

private func csv(_ lines: [String]) throws -> CSVDocument {
    try CSVDocument(bytes: Array((lines.joined(separator: "\n") + "\n").utf8))
}

/// Contact registrations of `cases` cases whose first contact is by phone on day 1, 2, … of
/// `month`; the first `repeats` of them have a second contact the same afternoon, by web for
/// the first `switches` of those (a channel switch) and by phone for the others.
private func shareContacts(month: String, cases: Int, repeats: Int, switches: Int, prefix: String) -> [String] {
    var lines: [String] = []
    for index in 0..<cases {
        let day = String(format: "%02d", index + 1)
        lines.append("\(month)-\(day) 09:00,telefoon,Afval,\(prefix)-\(index),mor")
        if index < repeats {
            lines.append("\(month)-\(day) 15:30,\(index < switches ? "web" : "telefoon"),Afval,\(prefix)-\(index),mor")
        }
    }
    return lines
}

/// t(0.975) of Student's t for 9, 19 and 24 degrees of freedom, from a table.
private let t9 = 2.262157, t19 = 2.093024, t24 = 2.063899

private func isClose(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-4) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

/// `Expectation` alone would be Swift Testing's.
private typealias Threshold = SixSteps.Expectation

@Suite struct AssumptionTests {
    // MARK: Expectations

    @Test func anExpectationIsAComparisonAndANumber() throws {
        let spelled: [(String, Threshold.Comparison, Double)] = [
            (">= 50", .atLeast, 50), ("≥ 50%", .atLeast, 50), ("<7,5", .below, 7.5), ("<= 15", .atMost, 15),
            ("≤15", .atMost, 15), ("> 7", .above, 7), (" < 1 ", .below, 1), (">= 0,25 %", .atLeast, 0.25),
        ]
        for (text, comparison, threshold) in spelled {
            let parsed = Threshold(text)
            let expectation = try #require(parsed, "\(text)")
            #expect(expectation.comparison == comparison, "\(text)")
            #expect(expectation.threshold == threshold, "\(text)")
        }
        for text in ["", "50", "= 50", "=> 50", ">= ", ">= veel", "ongeveer 50", ">= 1e3", ">= 5 0x", ">= nan"] {
            let parsed = Threshold(text)
            #expect(parsed == nil, "'\(text)' should not parse")
        }
        #expect(Threshold(">=7,5")?.description == ">= 7.5")
    }

    // MARK: Metric verdicts at the boundary

    /// cijfer: C1 exactly 7, C2 6,99, C3 7,01. wachttijd: C1 exactly 1, C2 0,99, none in C3.
    /// dagen: C1 exactly 15, C2 15,01, none in C3. No n, so no privacy threshold and no interval.
    @Test func aMetricExactlyAtTheThresholdMeetsOnlyAnInclusiveComparison() throws {
        try withCycles { file in
            try file.makeMetric("cijfer")
            try file.makeMetric("wachttijd", extra: [.unit: "minuten", .direction: "lower"])
            try file.makeMetric("dagen", extra: [.unit: "dagen", .direction: "lower"])
            try measure(file, "cijfer", "C1", "7")
            try measure(file, "cijfer", "C2", "6,99")
            try measure(file, "cijfer", "C3", "7.01")
            try measure(file, "wachttijd", "C1", "1")
            try measure(file, "wachttijd", "C2", "0,99")
            try measure(file, "dagen", "C1", "15")
            try measure(file, "dagen", "C2", "15,01")

            let expected: [(String, String, [AssumptionVerdict])] = [
                ("cijfer", ">= 7", [.confirmed, .refuted, .confirmed]),
                ("cijfer", "> 7", [.refuted, .refuted, .confirmed]),
                ("cijfer", "<= 7", [.confirmed, .confirmed, .refuted]),
                ("cijfer", "< 7", [.refuted, .confirmed, .refuted]),
                ("wachttijd", "< 1", [.refuted, .confirmed, .notTestable]),
                ("wachttijd", "<= 1", [.confirmed, .confirmed, .notTestable]),
                ("dagen", "<= 15", [.confirmed, .refuted, .notTestable]),
                ("dagen", "< 15", [.refuted, .refuted, .notTestable]),
            ]
            for (metric, expect, _) in expected {
                try assume(file, "\(metric) \(expect)", [.test: "metric", .metric: metric, .expect: expect])
            }
            let statuses = try file.assumptionStatuses()
            #expect(statuses.map(\.record.ref) == ["H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8"])
            for (status, (metric, expect, verdicts)) in zip(statuses, expected) {
                #expect(status.test == .metric)
                #expect(status.expectation == Threshold(expect))
                #expect(status.history.map(\.cycle) == ["C1", "C2", "C3"], "\(metric) \(expect)")
                #expect(status.history.map(\.verdict) == verdicts, "\(metric) \(expect)")
            }
            let first = statuses[0].history[0]
            #expect(first.value == 7 && first.unit == "" && first.n == nil && first.interval == nil && !first.closeCall)
            #expect(first.note == "measured 7 in C1")
            #expect(statuses[0].history[1].value == 6.99)
            // No measurement in a cycle: not testable, saying so.
            let missing = statuses[4].history[2]
            #expect(missing.value == nil && missing.note == "no measurement of wachttijd in C3")
            // The current verdict is the latest cycle that could test it, not the untestable C3.
            #expect(statuses[4].current.cycle == "C2" && statuses[4].current.verdict == .confirmed)
            #expect(statuses[6].current.cycle == "C2" && statuses[6].current.verdict == .refuted)
            #expect(statuses[0].current.cycle == "C3" && statuses[0].current.verdict == .confirmed)
            // The single look-up gives the same.
            let single = try file.assumptionStatus("H7")
            #expect(single.history.map(\.verdict) == [.confirmed, .refuted, .notTestable])
            #expect(single.current.cycle == "C2")
        }
    }

    @Test func aMeasurementFromFewerRespondentsThanThePrivacyThresholdCannotTest() throws {
        try withCycles { file in
            try file.makeMetric("cijfer")
            // C1: n 9, below the default threshold of 10. C2: n 10, exactly the threshold.
            try measure(file, "cijfer", "C1", "8", n: 9)
            try measure(file, "cijfer", "C2", "6", n: 10)
            try assume(file, "Inwoners geven minstens een 7", [.test: "metric", .metric: "cijfer", .expect: ">= 7"])
            var status = try file.assumptionStatus("H1")
            #expect(status.history.map(\.verdict) == [.notTestable, .refuted, .notTestable])
            #expect(status.history[0].note == "9 responses in C1, fewer than the privacy threshold of 10")
            #expect(status.history[0].value == nil, "a suppressed measurement must not show its value")
            #expect(status.history[1].n == 10)
            #expect(status.current.cycle == "C2" && status.current.verdict == .refuted)

            try file.setPrivacyThreshold(9)
            status = try file.assumptionStatus("H1")
            #expect(status.history.map(\.verdict) == [.confirmed, .refuted, .notTestable])
            #expect(status.current.cycle == "C2", "the latest testable cycle wins, not the best")
        }
    }

    /// C1: 7,2 with n 25 and sd 1: se 0,2, half-width t(24)·0,2 = 0,41278, interval 6,78722–7,61278,
    /// which holds 7: confirmed, a close call. C2: 7,5: interval 7,08722–7,91278, clear of 7.
    /// C3: 6,8, n 10, sd 0,3: se 0,094868, half-width t(9)·se = 0,214605, interval
    /// 6,585395–7,014605, which holds 7: refuted, a close call.
    @Test func aCloseCallIsAVerdictWhose95PercentIntervalHoldsTheThreshold() throws {
        try withCycles { file in
            try file.makeMetric("cijfer")
            try measure(file, "cijfer", "C1", "7,2", n: 25, sd: "1")
            try measure(file, "cijfer", "C2", "7,5", n: 25, sd: "1")
            try measure(file, "cijfer", "C3", "6,8", n: 10, sd: "0,3")
            try assume(file, "Minstens een 7", [.test: "metric", .metric: "cijfer", .expect: ">= 7"])
            let history = try file.assumptionStatus("H1").history
            #expect(history.map(\.verdict) == [.confirmed, .confirmed, .refuted])
            #expect(history.map(\.closeCall) == [true, false, true])

            let half1 = t24 * 1 / 25.0.squareRoot()
            #expect(isClose(history[0].interval?.lowerBound, 7.2 - half1))
            #expect(isClose(history[0].interval?.upperBound, 7.2 + half1))
            #expect(isClose(history[0].interval?.lowerBound, 6.78722))
            #expect(isClose(history[1].interval?.lowerBound, 7.5 - half1))
            let half3 = t9 * 0.3 / 10.0.squareRoot()
            #expect(isClose(history[2].interval?.lowerBound, 6.8 - half3))
            #expect(isClose(history[2].interval?.upperBound, 6.8 + half3))
            #expect(history[0].n == 25)
            #expect(history[0].note == "measured 7.2 (n = 25) in C1")

            let json = try file.assumptionStatus("H1").json
            let current = try #require(json["current"]?.object)
            #expect(current["verdict"]?.string == "refuted")
            #expect(current["close_call"]?.bool == true)
            #expect(current["cycle"]?.string == "C3")
            #expect(json["expectation"]?.string == ">= 7")
            #expect(json["history"]?.array?.count == 3)
        }
    }

    // MARK: Channel share from the volumes

    /// Counts per month (Afval unless said):
    ///
    /// - 2013-12: app 500 (before C1; must not count),
    /// - 2014-01: app 30, telefoon 70; 2014-03: app 20 (Paspoort), telefoon 80 → C1: app 50 of 200 = 25%;
    ///   Afval only: app 30 of 180 = 16,67%; telefoon 150 of 200 = 75%,
    /// - 2014-04: app 60; 2014-05: telefoon 40 → C2: app 60 of 100 = 60%, telefoon 40 of 100 = 40%,
    /// - 2014-06: app 1000 (between C2 and C3; must not count),
    /// - 2014-08: app 3, telefoon 2 → C3: 5 contacts, below the privacy threshold of 10.
    @Test func aChannelShareCountsTheVolumesInTheMonthsOfTheCycleOnly() throws {
        try withCycles { file in
            let volumes = [
                "period;channel;reason;count", "2013-12;app;Afval;500", "2014-01;app;Afval;30", "2014-01;telefoon;Afval;70",
                "2014-03;app;Paspoort;20", "2014-03;telefoon;Afval;80", "2014-04;app;Afval;60", "2014-05;telefoon;Afval;40",
                "2014-06;app;Afval;1000", "2014-08;app;Afval;3", "2014-08;telefoon;Afval;2",
            ]
            _ = try file.importVolumes(csv(volumes), path: "kcc.csv", dryRun: false)
            try assume(file, "De helft meldt via de app", [.test: "channel-share", .channel: "app", .expect: ">= 50"])
            try assume(file, "Minstens 40% belt", [.test: "channel-share", .channel: "telefoon", .expect: ">= 40"])
            try assume(file, "Afval melden weinigen via de app", [.test: "channel-share", .channel: "app", .reason: "Afval",
                                                                   .expect: "< 20"])
            let statuses = try file.assumptionStatuses()
            let app = statuses[0]
            #expect(app.history.map(\.verdict) == [.refuted, .confirmed, .notTestable])
            #expect(app.history[0].value == 25 && app.history[0].n == 200 && app.history[0].unit == "%")
            #expect(app.history[1].value == 60 && app.history[1].n == 100)
            #expect(app.history[2].note == "5 contacts in C3, fewer than the privacy threshold of 10")
            #expect(app.current.cycle == "C2" && app.current.verdict == .confirmed)

            let phone = statuses[1]
            // 40 of 100 is exactly the threshold; June's 1000 app contacts would have made it 40 of 1100.
            #expect(phone.history.map(\.verdict) == [.confirmed, .confirmed, .notTestable])
            #expect(phone.history[0].value == 75 && phone.history[1].value == 40)

            let afval = statuses[2]
            #expect(afval.history.map(\.verdict) == [.confirmed, .refuted, .notTestable])
            #expect(isClose(afval.history[0].value, 100.0 / 6, 1e-9) && afval.history[0].n == 180)

            // With the threshold at 5, C3 counts: app 3 of 5 = 60%.
            try file.setPrivacyThreshold(5)
            let lower = try file.assumptionStatus("H1")
            #expect(lower.history.map(\.verdict) == [.refuted, .confirmed, .confirmed])
            #expect(lower.history[2].value == 60 && lower.current.cycle == "C3")
        }
    }

    @Test func aChannelShareWithoutVolumesInACycleCannotTest() throws {
        try withCycles { file in
            _ = try file.importVolumes(csv(["period;channel;count", "2014-04;app;40"]), path: "kcc.csv", dryRun: false)
            try assume(file, "De app wint", [.test: "channel-share", .channel: "app", .expect: "> 50"])
            let status = try file.assumptionStatus("H1")
            #expect(status.history.map(\.verdict) == [.notTestable, .confirmed, .notTestable])
            #expect(status.history[0].note == "no contact volumes in the months of C1")
        }
    }

    // MARK: Repeat and switch shares from the contact registrations

    /// C1 (January): 20 cases, 3 with a second contact (15%), 2 of them on another channel (10%).
    /// C2 (April): 20 cases, 4 with a second contact (20%), 3 of them switching (15%).
    /// C3: no contact registrations.
    @Test func aRepeatOrSwitchShareExactlyAtTheThresholdMeetsOnlyAnInclusiveComparison() throws {
        try withCycles { file in
            let lines = ["date,channel,reason,case,journey"]
                + shareContacts(month: "2014-01", cases: 20, repeats: 3, switches: 2, prefix: "JAN")
                + shareContacts(month: "2014-04", cases: 20, repeats: 4, switches: 3, prefix: "APR")
            _ = try file.importVolumes(csv(lines), path: "contacten.csv", dryRun: false, key: { testKey })
            let expected: [(String, String, [AssumptionVerdict])] = [
                ("repeat-share", "<= 15", [.confirmed, .refuted, .notTestable]),
                ("repeat-share", ">= 15", [.confirmed, .confirmed, .notTestable]),
                ("repeat-share", "< 15", [.refuted, .refuted, .notTestable]),
                ("repeat-share", "> 15", [.refuted, .confirmed, .notTestable]),
                ("switch-share", "<= 10", [.confirmed, .refuted, .notTestable]),
                ("switch-share", ">= 15", [.refuted, .confirmed, .notTestable]),
                ("switch-share", "< 15", [.confirmed, .refuted, .notTestable]),
            ]
            for (test, expect, _) in expected {
                try assume(file, "\(test) \(expect)", [.test: test, .expect: expect, .journey: "mor"])
            }
            let statuses = try file.assumptionStatuses()
            for (status, (test, expect, verdicts)) in zip(statuses, expected) {
                #expect(status.history.map(\.verdict) == verdicts, "\(test) \(expect)")
            }
            let repeats = statuses[0]
            #expect(repeats.history[0].value == 15 && repeats.history[0].n == 20 && repeats.history[0].unit == "%")
            #expect(repeats.history[1].value == 20)
            #expect(repeats.history[2].note == "no contact registrations of cases that started in C3")
            #expect(repeats.current.cycle == "C2" && repeats.current.verdict == .refuted)
            #expect(statuses[4].history[0].value == 10 && statuses[5].history[1].value == 15)

            // The interval of a share: sd = √(p(1 − p))·100·√(n/(n − 1)), half-width t(19)·sd/√20.
            // C2's 20% gives 20 ± 19,25, which holds 15: refuted, but a close call.
            let sd = (0.2 * 0.8).squareRoot() * 100 * (20.0 / 19).squareRoot()
            let half = t19 * sd / 20.0.squareRoot()
            #expect(isClose(repeats.history[1].interval?.lowerBound, 20 - half, 1e-3))
            #expect(isClose(repeats.history[1].interval?.upperBound, 20 + half, 1e-3))
            #expect(repeats.history[1].closeCall)
        }
    }

    @Test func aRepeatShareForAReasonOrJourneyOnlyCountsThoseCases() throws {
        try withCycles { file in
            let lines = ["date,channel,reason,case,journey"]
                + shareContacts(month: "2014-01", cases: 20, repeats: 3, switches: 2, prefix: "JAN")
                // Ten more cases about passports without a journey, all with a second contact.
                + (0..<10).flatMap { index in
                    ["2014-02-\(String(format: "%02d", index + 1)) 10:00,balie,Paspoort,PAS-\(index),",
                     "2014-02-\(String(format: "%02d", index + 1)) 11:00,balie,Paspoort,PAS-\(index),"]
                }
            _ = try file.importVolumes(csv(lines), path: "contacten.csv", dryRun: false, key: { testKey })
            try assume(file, "Alle zaken", [.test: "repeat-share", .expect: "<= 40"])
            try assume(file, "Meldingen", [.test: "repeat-share", .journey: "mor", .expect: "<= 40"])
            try assume(file, "Paspoorten", [.test: "repeat-share", .reason: "Paspoort", .expect: "<= 40"])
            try assume(file, "Paspoort, niet mor", [.test: "repeat-share", .reason: "Paspoort", .journey: "mor", .expect: "<= 40"])
            let statuses = try file.assumptionStatuses()
            // All: 13 of 30 = 43,3%. mor: 3 of 20 = 15%. Paspoort: 10 of 10 = 100%.
            #expect(isClose(statuses[0].history[0].value, 1300.0 / 30, 1e-9) && statuses[0].history[0].n == 30)
            #expect(statuses[0].history[0].verdict == .refuted)
            #expect(statuses[1].history[0].value == 15 && statuses[1].history[0].verdict == .confirmed)
            #expect(statuses[2].history[0].value == 100 && statuses[2].history[0].n == 10)
            #expect(statuses[2].history[0].verdict == .refuted)
            #expect(statuses[3].history[0].verdict == .notTestable)
        }
    }

    @Test func aRepeatShareFromFewerCasesThanThePrivacyThresholdCannotTest() throws {
        try withCycles { file in
            let lines = ["date,channel,reason,case,journey"]
                + shareContacts(month: "2014-01", cases: 9, repeats: 1, switches: 0, prefix: "JAN")
                + shareContacts(month: "2014-04", cases: 10, repeats: 1, switches: 0, prefix: "APR")
            _ = try file.importVolumes(csv(lines), path: "contacten.csv", dryRun: false, key: { testKey })
            try assume(file, "Weinig herhaling", [.test: "repeat-share", .expect: "<= 5"])
            let status = try file.assumptionStatus("H1")
            #expect(status.history.map(\.verdict) == [.notTestable, .refuted, .notTestable])
            #expect(status.history[0].note == "9 cases in C1, fewer than the privacy threshold of 10")
            #expect(status.history[0].value == nil)
            #expect(status.history[1].value == 10 && status.history[1].n == 10)
        }
    }

    /// 11 of 20 cases is exactly 55%, and 7 of 100 contacts exactly 7%. In floating point
    /// 11 / 20 × 100 is 55.00000000000001 and 7 / 100 × 100 is 7.000000000000001, so a share
    /// computed that way lands just above a threshold it equals.
    @Test func aShareExactlyAtTheThresholdIsNotTurnedByRounding() throws {
        try withCycles { file in
            let lines = ["date,channel,reason,case,journey"]
                + shareContacts(month: "2014-01", cases: 20, repeats: 11, switches: 11, prefix: "JAN")
            _ = try file.importVolumes(csv(lines), path: "contacten.csv", dryRun: false, key: { testKey })
            try assume(file, "Hoogstens 55% herhaling", [.test: "repeat-share", .expect: "<= 55"])
            try assume(file, "Meer dan 55% herhaling", [.test: "repeat-share", .expect: "> 55"])
            try assume(file, "Hoogstens 55% wisselt", [.test: "switch-share", .expect: "<= 55"])
            let statuses = try file.assumptionStatuses()
            #expect(statuses[0].history[0].verdict == .confirmed, "11 of 20 = 55% is at most 55%")
            #expect(statuses[1].history[0].verdict == .refuted, "11 of 20 = 55% is not more than 55%")
            #expect(statuses[2].history[0].verdict == .confirmed, "11 of 20 = 55% is at most 55%")
        }
        try withCycles { file in
            _ = try file.importVolumes(csv(["period;channel;count", "2014-04;app;7", "2014-04;telefoon;93"]), path: "kcc.csv",
                                       dryRun: false)
            try assume(file, "Hoogstens 7% via de app", [.test: "channel-share", .channel: "app", .expect: "<= 7"])
            let status = try file.assumptionStatus("H1")
            #expect(status.history[1].verdict == .confirmed, "7 of 100 = 7% is at most 7%")
        }
    }

    // MARK: Insights

    @Test func anInsightIsNotTestableUntilJudgedAndThenHasThatVerdict() throws {
        try withCycles { file in
            try file.add(.insight, input: [.kind: "need", .title: "Melders willen horen wat er gebeurt"])
            try assume(file, "Melders willen vooral snelheid", [.test: "insight", .insight: "I1"])
            var status = try file.assumptionStatus("H1")
            #expect(status.history.count == 1)
            #expect(status.current.verdict == .notTestable && status.current.cycle == nil)
            #expect(status.current.note == "not judged yet: record what I1 showed with --verdict")

            try file.edit(.assumption, "H1", input: [.verdict: "refuted"])
            status = try file.assumptionStatus("H1")
            #expect(status.current.verdict == .refuted && status.current.note == "judged on insight I1")
            #expect(status.history.count == 1, "an insight is judged once, not per cycle")

            try file.edit(.assumption, "H1", input: [.verdict: "confirmed"])
            #expect(try file.assumptionStatus("H1").current.verdict == .confirmed)
            try file.edit(.assumption, "H1", input: [.verdict: ""])
            #expect(try file.assumptionStatus("H1").current.verdict == .notTestable)
        }
    }

    @Test func withoutACycleNothingCanBeTested() throws {
        try withRoadmap { file in
            try file.makeMetric("cijfer")
            try assume(file, "Minstens een 7", [.test: "metric", .metric: "cijfer", .expect: ">= 7"])
            let status = try file.assumptionStatus("H1")
            #expect(status.history.isEmpty)
            #expect(status.current.verdict == .notTestable)
        }
    }

    // MARK: The rules

    struct Refusal: Sendable, CustomStringConvertible {
        let name: String
        let input: [FieldKey: String]
        let error: DomainError
        var description: String { name }
    }

    static let refusals: [Refusal] = [
        .init(name: "metric without --expect", input: [.test: "metric", .metric: "cijfer"],
              error: .inconsistent("a metric assumption needs --expect; see 'molensloot assumption add --help'")),
        .init(name: "metric without --metric", input: [.test: "metric", .expect: ">= 7"],
              error: .inconsistent("a metric assumption needs --metric; see 'molensloot assumption add --help'")),
        .init(name: "channel-share without --channel", input: [.test: "channel-share", .expect: ">= 50"],
              error: .inconsistent("a channel-share assumption needs --channel; see 'molensloot assumption add --help'")),
        .init(name: "repeat-share without --expect", input: [.test: "repeat-share", .journey: "mor"],
              error: .inconsistent("a repeat-share assumption needs --expect; see 'molensloot assumption add --help'")),
        .init(name: "insight without --insight", input: [.test: "insight", .verdict: "confirmed"],
              error: .inconsistent("an insight assumption needs --insight; see 'molensloot assumption add --help'")),
        .init(name: "--channel on a metric test", input: [.test: "metric", .metric: "cijfer", .expect: ">= 7", .channel: "app"],
              error: .inconsistent("--channel does not apply to a metric assumption; leave it out (or clear it with --channel '')")),
        .init(name: "--journey on a channel-share test",
              input: [.test: "channel-share", .channel: "app", .expect: ">= 50", .journey: "mor"],
              error: .inconsistent("--journey does not apply to a channel-share assumption; leave it out "
                                   + "(or clear it with --journey '')")),
        .init(name: "--metric on a repeat-share test", input: [.test: "repeat-share", .expect: "<= 10", .metric: "cijfer"],
              error: .inconsistent("--metric does not apply to a repeat-share assumption; leave it out (or clear it with --metric '')")),
        .init(name: "--verdict on a metric test", input: [.test: "metric", .metric: "cijfer", .expect: ">= 7", .verdict: "confirmed"],
              error: .inconsistent("--verdict does not apply to a metric assumption; leave it out (or clear it with --verdict '')")),
        .init(name: "--expect on an insight", input: [.test: "insight", .insight: "I1", .expect: ">= 50"],
              error: .inconsistent("--expect does not apply to an insight assumption; leave it out (or clear it with --expect '')")),
        .init(name: "an unparsable expectation", input: [.test: "metric", .metric: "cijfer", .expect: "ongeveer 7"],
              error: .invalidValue(field: "expect", value: "ongeveer 7", expected: "a comparison and a number, like '>= 50' or '< 7,5'")),
        .init(name: "an expectation without a comparison", input: [.test: "repeat-share", .expect: "15"],
              error: .invalidValue(field: "expect", value: "15", expected: "a comparison and a number, like '>= 50' or '< 7,5'")),
        .init(name: "a share above 100", input: [.test: "repeat-share", .expect: ">= 120"],
              error: .invalidValue(field: "expect", value: ">= 120", expected: "a share from 0 to 100 (%)")),
        .init(name: "a channel share above 100", input: [.test: "channel-share", .channel: "app", .expect: "<= 100,5"],
              error: .invalidValue(field: "expect", value: "<= 100,5", expected: "a share from 0 to 100 (%)")),
        .init(name: "a negative switch share", input: [.test: "switch-share", .expect: "> -1"],
              error: .invalidValue(field: "expect", value: "> -1", expected: "a share from 0 to 100 (%)")),
    ]

    @Test(arguments: refusals)
    func anAssumptionThatBreaksARuleIsRefusedAndNothingIsWritten(_ refusal: Refusal) throws {
        try withCycles { file in
            try file.makeMetric("cijfer")
            try file.add(.insight, input: [.kind: "need", .title: "Terugkoppeling"])
            try expectRefused(refusal.error, in: file) {
                try assume(file, "Aanname", refusal.input)
            }
            #expect(try file.records(.assumption).isEmpty)
        }
    }

    @Test func anEditThatBreaksARuleIsRefusedAndNothingIsWritten() throws {
        try withCycles { file in
            try file.makeMetric("cijfer")
            try assume(file, "Minstens een 7", [.test: "metric", .metric: "cijfer", .expect: ">= 7"])
            try assume(file, "Weinig herhaling", [.test: "repeat-share", .expect: "<= 10"])
            try expectRefused(.inconsistent("a metric assumption needs --expect; see 'molensloot assumption add --help'"), in: file) {
                try file.edit(.assumption, "H1", input: [.expect: ""])
            }
            try expectRefused(.invalidValue(field: "expect", value: "> 101", expected: "a share from 0 to 100 (%)"), in: file) {
                try file.edit(.assumption, "H2", input: [.expect: "> 101"])
            }
            try expectRefused(.inconsistent("--channel does not apply to a repeat-share assumption; leave it out "
                                            + "(or clear it with --channel '')"), in: file) {
                try file.edit(.assumption, "H2", input: [.channel: "app"])
            }
            // A metric is no share: a threshold above 100 is fine there.
            try file.edit(.assumption, "H1", input: [.expect: ">= 120"])
            #expect(try file.record(.assumption, "H1")[.expect].string == ">= 120")
        }
    }

    // MARK: Status

    @Test func statusListsRefutedAssumptionsUnderAttention() throws {
        try withCycles { file in
            try file.makeMetric("cijfer")
            try measure(file, "cijfer", "C1", "6,5")
            try assume(file, "Minstens een 7", [.test: "metric", .metric: "cijfer", .expect: ">= 7"])
            try assume(file, "Hoogstens een 7", [.test: "metric", .metric: "cijfer", .expect: "<= 7"])
            try file.add(.insight, input: [.kind: "need", .title: "Terugkoppeling"])
            try assume(file, "Nog te beoordelen", [.test: "insight", .insight: "I1"])
            try assume(file, "Ook fout", [.test: "insight", .insight: "I1", .verdict: "refuted"])

            let report = try file.status()
            #expect(report.assumptions[.refuted] == ["H1", "H4"])
            #expect(report.assumptions[.confirmed] == ["H2"])
            #expect(report.assumptions[.notTestable] == ["H3"])
            let attention = try #require(report.attention.first { $0.key == "refuted_assumptions" })
            #expect(attention.records == ["H1", "H4"])
            #expect(report.steps[0].holds.contains("4 assumptions"))
            let json = report.json
            #expect(json["assumptions"]?["refuted"]?.array?.map(\.string) == ["H1", "H4"])
            #expect(json["assumptions"]?["not_testable"]?.array?.map(\.string) == ["H3"])

            // Without refuted assumptions there is nothing to attend to.
            try file.remove(.assumption, "H1", force: false)
            try file.remove(.assumption, "H4", force: false)
            #expect(try file.status().attention.contains { $0.key == "refuted_assumptions" } == false)
        }
    }
}
