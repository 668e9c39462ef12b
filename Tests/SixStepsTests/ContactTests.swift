import Foundation
import Store
import Testing

// SipHasher and PseudonymKey's parts are internal: the reference vectors need them.
@testable import SixSteps

// Contact registrations (step 2): one row per contact with its moment, channel, reason, case key
// and journey. The case key is hashed under the key of a key file and never stored; a case is one
// key's contacts within the repeat window of its first contact. The figures are checked against
// the hand-made file below.

/// Twenty-one contacts of twelve keys (K1–K12, written Z-ZAAKNUMMER-0001nn), in no particular
/// order of key, in the three date formats. Cycles: C1 2014-03-01 – 2014-04-30, C2 2014-05-01 –
/// 2014-06-30. The cases (a case is a key's contacts within 30 days of its first):
///
/// | case | key | contacts (channel)                                     | month   | cycle | reason   | journey  | repeat | switch |
/// |------|-----|--------------------------------------------------------|---------|-------|----------|----------|--------|--------|
/// | K    | 110 | 02-20 telefoon, 02-21 web                              | 2014-02 | –     | Afval    | mor      | yes    | yes    |
/// | A    | 101 | 03-03 telefoon, 03-05 web, 03-10 telefoon              | 2014-03 | C1    | Afval    | mor      | yes    | yes    |
/// | B    | 102 | 03-12 09:14 app, 04-11 09:14 app (exactly 30 days)     | 2014-03 | C1    | Afval    | mor      | yes    | no     |
/// | C    | 103 | 03-12 09:14:05 web                                     | 2014-03 | C1    | Paspoort | paspoort | no     | no     |
/// | D    | 103 | 04-11 09:14:06 telefoon (30 days and 1 s: a new case)  | 2014-04 | C1    | Paspoort | paspoort | no     | no     |
/// | E    | 104 | 12-03-2014 9:14 telefoon                               | 2014-03 | C1    | Afval    | mor      | no     | no     |
/// | N    | 112 | 03-20 telefoon, 03-21 web                              | 2014-03 | C1    | Afval    | mor      | yes    | yes    |
/// | F    | 105 | 04-28 web, 05-02 telefoon (second in C2; other reason) | 2014-04 | C1    | Afval    | mor      | yes    | yes    |
/// | G    | 106 | 05-06 telefoon, 05-07 telefoon                         | 2014-05 | C2    | Afval    | mor      | yes    | no     |
/// | H    | 107 | 05-20 web                                              | 2014-05 | C2    | Paspoort | paspoort | no     | no     |
/// | I    | 108 | 06-02 app                                              | 2014-06 | C2    | Afval    | mor      | no     | no     |
/// | J    | 109 | 06-10 balie                                            | 2014-06 | C2    | (none)   | (none)   | no     | no     |
/// | L    | 101 | 06-20 e-mail (K1 again, long after case A)             | 2014-06 | C2    | Afval    | mor      | no     | no     |
/// | M    | 111 | 07-15 post (after every cycle)                         | 2014-07 | –     | Afval    | mor      | no     | no     |
///
/// C1: cases A B C D E F N = 7; contacts 3+2+1+1+1+2+2 = 12; repeat A B F N = 4 (57,14%);
/// switch A F N = 3 (42,86%). Journeys: mor (A B E F N) 5 cases, 10 contacts, 4 repeat,
/// 3 switch; paspoort (C D) 2, 2, 0, 0. Reasons: Afval 5, 10, 4, 3; Paspoort 2, 2, 0, 0.
/// Flows, step 1: telefoon→web (A, N) 2, app→app (B) 1, web→telefoon (F) 1; step 2:
/// web→telefoon (A) 1.
///
/// C2: cases G H I J L = 5; contacts 2+1+1+1+1 = 6; repeat G = 1 (20%); switch 0. Journeys: mor
/// (G I L) 3, 4, 1, 0; paspoort (H) 1, 1, 0, 0; J has none. Reasons: Afval (G I L) 3, 4, 1, 0;
/// Paspoort (H) 1, 1, 0, 0; J's empty reason is no reason. Flows, step 1: telefoon→telefoon 1.
/// The change since C1: 20 − 400/7 = −260/7 = −37,14 points.
///
/// Months (of each case's first contact): 2014-02 K: 1 case, 2 contacts, 1 repeat, 1 switch;
/// 2014-03 A B C E N: 5, 9, 3, 2 (mor 4, 8, 3, 2; paspoort 1, 1, 0, 0); 2014-04 D F: 2, 3, 1, 1
/// (mor 1, 2, 1, 1; paspoort 1, 1, 0, 0); 2014-05 G H: 2, 3, 1, 0; 2014-06 I J L: 3, 3, 0, 0
/// (mor 2, 2, 0, 0); 2014-07 M: 1, 1, 0, 0.
///
/// The counts per month, channel and reason: 2014-02 telefoon Afval 1, web Afval 1; 2014-03
/// telefoon Afval 4, web Afval 2, app Afval 1, web Paspoort 1; 2014-04 app Afval 1, telefoon
/// Paspoort 1, web Afval 1; 2014-05 telefoon Afval 2, telefoon Straatverlichting 1, web Paspoort 1;
/// 2014-06 app Afval 1, balie (none) 1, e-mail Afval 1; 2014-07 post Afval 1: 16 counts.
/// The file is shared with the site's and the binary's tests (Tests/Fixtures/contacts.csv); here one
/// channel is spelled with a capital, as people type it.
let handMadeContacts = sharedFixture("contacts.csv")
    .replacingOccurrences(of: "2014-04-11T09:14:06;telefoon", with: "2014-04-11T09:14:06;Telefoon")

/// A file of Tests/Fixtures, which the test targets share.
func sharedFixture(_ name: String) -> String {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    return (try? String(contentsOf: folder.appendingPathComponent("Fixtures/" + name), encoding: .utf8)) ?? ""
}

/// The twelve clear case keys of the file.
let handMadeKeys = (101...112).map { "Z-ZAAKNUMMER-000\($0)" }

private func document(_ text: String) throws -> CSVDocument { try CSVDocument(bytes: Array(text.utf8)) }

/// The journeys mor and paspoort and the cycles C1 (March–April) and C2 (May–June).
func prepareContacts(_ file: RoadmapFile) throws {
    try file.makeJourney()
    try file.makeJourney("paspoort", name: "Paspoort aanvragen")
    try file.add(.cycle, input: [.name: "Voorjaar 2014", .status: "closed", .startDate: "2014-03-01", .endDate: "2014-04-30"])
    try file.add(.cycle, input: [.name: "Zomer 2014", .status: "open", .startDate: "2014-05-01", .endDate: "2014-06-30"])
}

func withContactRoadmap<T>(_ body: (RoadmapFile) throws -> T) throws -> T {
    try withRoadmap { file in
        try prepareContacts(file)
        return try body(file)
    }
}

@discardableResult
func importHandMade(_ file: RoadmapFile, dryRun: Bool = false) throws -> VolumeImport {
    try file.importVolumes(document(handMadeContacts), path: "registraties.csv", dryRun: dryRun, key: { testKey })
}

private func figures(_ group: ContactGroup?) -> ContactFigures? { group?.figures }

/// Whether `needle` occurs anywhere in `haystack`.
func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
    let needle = Array(needle.utf8)
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if Array(haystack[start..<start + needle.count]) == needle { return true }
    }
    return false
}

/// The exported contacts as (case, at, channel) strings.
private func exportedContacts(_ file: RoadmapFile) throws -> [(key: String, at: String, channel: String)] {
    try (file.export()["contacts"]?.array ?? []).map {
        ($0["case"]?.string ?? "", $0["at"]?.string ?? "", $0["channel"]?.string ?? "")
    }
}

@Suite struct ContactTests {
    // MARK: Import

    @Test func importReportsTheContactsNewContactsAndMonthlyCounts() throws {
        try withContactRoadmap { file in
            let result = try importHandMade(file)
            #expect(result.contacts == 21)
            #expect(result.newContacts == 21)
            #expect(result.rows == 16)
            #expect(result.periods == ["2014-02", "2014-03", "2014-04", "2014-05", "2014-06", "2014-07"])
            #expect(try file.contactCount() == 21)
            let volumes = try file.volumes().map { "\($0.period) \($0.channel) \($0.reason) \($0.count)" }
            #expect(volumes == [
                "2014-02 telefoon Afval 1", "2014-02 web Afval 1",
                "2014-03 app Afval 1", "2014-03 telefoon Afval 4", "2014-03 web Afval 2", "2014-03 web Paspoort 1",
                "2014-04 app Afval 1", "2014-04 telefoon Paspoort 1", "2014-04 web Afval 1",
                "2014-05 telefoon Afval 2", "2014-05 telefoon Straatverlichting 1", "2014-05 web Paspoort 1",
                "2014-06 app Afval 1", "2014-06 balie  1", "2014-06 e-mail Afval 1",
                "2014-07 post Afval 1",
            ])
            let entry = try file.log(limit: 1)[0]
            #expect(entry.action == "import" && entry.record == "contacts")
            #expect(entry.summary == "imported 21 contact registrations (21 new) for 2014-02, 2014-03, 2014-04, 2014-05, 2014-06, "
                    + "2014-07 from registraties.csv")
            // The three date formats and the seconds are kept to the second.
            let moments = Set(try exportedContacts(file).map(\.at))
            #expect(moments.isSuperset(of: ["2014-03-12 09:14:00", "2014-03-12 09:14:05", "2014-04-11 09:14:06",
                                            "2014-04-11 09:14:00"]))
            #expect(Set(try exportedContacts(file).map(\.key)).count == 12, "twelve keys, twelve hashes")
        }
    }

    @Test func aDryRunWritesNothing() throws {
        try withContactRoadmap { file in
            let before = try RoadmapState(file)
            let result = try importHandMade(file, dryRun: true)
            #expect(result.contacts == 21 && result.rows == 16)
            #expect(try RoadmapState(file) == before)
            #expect(try file.contactCount() == 0)
            #expect(try file.volumes().isEmpty)
            #expect(try file.setting(.contactKeyID) == nil, "a dry run records no key")
        }
    }

    @Test func laterFilesAddTheirNewContactsToTheMonthsCounts() throws {
        try withContactRoadmap { file in
            let week1 = """
                date;channel;reason;case
                2014-03-03 09:00;telefoon;Afval;W1
                2014-03-04 09:00;telefoon;Afval;W2
                2014-03-05 09:00;telefoon;Afval;W3

                """
            // The second week repeats one contact of the first, and holds one of its own twice.
            let week2 = """
                date;channel;reason;case
                2014-03-05 09:00;telefoon;Afval;W3
                2014-03-11 09:00;telefoon;Afval;W4
                2014-03-11 09:00;telefoon;Afval;W4

                """
            func marchCount() throws -> Int64? {
                try file.volumes().first { $0.period == "2014-03" && $0.channel == "telefoon" }?.count
            }
            #expect(try file.importVolumes(document(week1), path: "week1.csv", dryRun: false, key: { testKey }).newContacts == 3)
            #expect(try marchCount() == 3)
            let second = try file.importVolumes(document(week2), path: "week2.csv", dryRun: false, key: { testKey })
            #expect(second.contacts == 3, "the rows of the file")
            #expect(second.newContacts == 1)
            #expect(try marchCount() == 4)
            #expect(try file.contactCount() == 4)
            // Again: nothing new, nothing added.
            #expect(try file.importVolumes(document(week2), path: "week2.csv", dryRun: false, key: { testKey }).newContacts == 0)
            #expect(try marchCount() == 4)
        }
    }

    // MARK: The figures

    @Test func casesRepeatsSwitchesAndFlowsPerCycleMatchTheHandCount() throws {
        try withContactRoadmap { file in
            try importHandMade(file)
            try file.setPrivacyThreshold(1, allowSmallGroups: true)
            let report = try file.contactReport()
            #expect(report.windowDays == 30)
            #expect(report.threshold == 1)
            #expect(report.contacts == 21)
            #expect(!report.isEmpty)
            #expect(report.cycles.map(\.cycle) == ["C1", "C2"])
            #expect(report.cycles.map(\.name) == ["Voorjaar 2014", "Zomer 2014"])

            let spring = report.cycles[0]
            #expect(figures(spring.overall) == ContactFigures(cases: 7, contacts: 12, repeatCases: 4, switchCases: 3))
            #expect(abs((spring.overall.figures?.repeatShare?.mean ?? 0) - 400.0 / 7) < 1e-9)
            #expect(abs((spring.overall.figures?.switchShare?.mean ?? 0) - 300.0 / 7) < 1e-9)
            #expect(spring.journeys.map(\.label) == ["mor", "paspoort"])
            #expect(spring.journeys.map(\.figures) == [ContactFigures(cases: 5, contacts: 10, repeatCases: 4, switchCases: 3),
                                                       ContactFigures(cases: 2, contacts: 2, repeatCases: 0, switchCases: 0)])
            #expect(spring.reasons.map(\.label) == ["Afval", "Paspoort"])
            #expect(spring.reasons.map(\.figures) == [ContactFigures(cases: 5, contacts: 10, repeatCases: 4, switchCases: 3),
                                                      ContactFigures(cases: 2, contacts: 2, repeatCases: 0, switchCases: 0)])
            #expect(spring.flows == [
                ContactFlowValue(1, "telefoon", "web", 2), ContactFlowValue(1, "app", "app", 1), ContactFlowValue(1, "web", "telefoon", 1),
                ContactFlowValue(2, "web", "telefoon", 1),
            ].map(\.flow))
            #expect(spring.hiddenFlowCases == 0)
            #expect(spring.change == nil)

            let summer = report.cycles[1]
            #expect(figures(summer.overall) == ContactFigures(cases: 5, contacts: 6, repeatCases: 1, switchCases: 0))
            #expect(summer.journeys.map(\.label) == ["mor", "paspoort"], "a case without a journey is in no journey")
            #expect(summer.journeys.map(\.figures) == [ContactFigures(cases: 3, contacts: 4, repeatCases: 1, switchCases: 0),
                                                       ContactFigures(cases: 1, contacts: 1, repeatCases: 0, switchCases: 0)])
            #expect(summer.reasons.map(\.label) == ["Afval", "Paspoort"], "an empty reason is no reason")
            #expect(summer.reasons.map(\.figures) == [ContactFigures(cases: 3, contacts: 4, repeatCases: 1, switchCases: 0),
                                                      ContactFigures(cases: 1, contacts: 1, repeatCases: 0, switchCases: 0)])
            #expect(summer.flows == [ContactFlowValue(1, "telefoon", "telefoon", 1).flow])
            let change = try #require(summer.change)
            #expect(change.since == "C1")
            #expect(abs(change.points - (-260.0 / 7)) < 1e-9)

            // The figures behind an assumption, by journey and reason.
            #expect(report.figures(cycle: "C1", journey: nil, reason: nil)
                    == ContactFigures(cases: 7, contacts: 12, repeatCases: 4, switchCases: 3))
            #expect(report.figures(cycle: "C1", journey: "mor", reason: "Afval")
                    == ContactFigures(cases: 5, contacts: 10, repeatCases: 4, switchCases: 3))
            #expect(report.figures(cycle: "C1", journey: nil, reason: "Straatverlichting") == ContactFigures(),
                    "a case counts under the reason of its first contact")
            #expect(report.figures(cycle: "C2", journey: "paspoort", reason: nil)
                    == ContactFigures(cases: 1, contacts: 1, repeatCases: 0, switchCases: 0))
        }
    }

    @Test func monthsCountEveryCaseAlsoOutsideTheCycles() throws {
        try withContactRoadmap { file in
            try importHandMade(file)
            try file.setPrivacyThreshold(1, allowSmallGroups: true)
            let periods = try file.contactReport().periods
            #expect(periods.map(\.period) == ["2014-02", "2014-03", "2014-04", "2014-05", "2014-06", "2014-07"])
            #expect(periods.map { $0.overall.figures } == [
                ContactFigures(cases: 1, contacts: 2, repeatCases: 1, switchCases: 1),
                ContactFigures(cases: 5, contacts: 9, repeatCases: 3, switchCases: 2),
                ContactFigures(cases: 2, contacts: 3, repeatCases: 1, switchCases: 1),
                ContactFigures(cases: 2, contacts: 3, repeatCases: 1, switchCases: 0),
                ContactFigures(cases: 3, contacts: 3, repeatCases: 0, switchCases: 0),
                ContactFigures(cases: 1, contacts: 1, repeatCases: 0, switchCases: 0),
            ])
            #expect(periods[1].journeys.map(\.label) == ["mor", "paspoort"])
            #expect(periods[1].journeys.map(\.figures) == [ContactFigures(cases: 4, contacts: 8, repeatCases: 3, switchCases: 2),
                                                          ContactFigures(cases: 1, contacts: 1, repeatCases: 0, switchCases: 0)])
            #expect(periods[2].journeys.map(\.figures) == [ContactFigures(cases: 1, contacts: 2, repeatCases: 1, switchCases: 1),
                                                          ContactFigures(cases: 1, contacts: 1, repeatCases: 0, switchCases: 0)])
            #expect(periods[4].journeys.map(\.label) == ["mor"])
            #expect(periods[4].journeys.map(\.figures) == [ContactFigures(cases: 2, contacts: 2, repeatCases: 0, switchCases: 0)])
            // Every case is in exactly one month; only cases in a cycle are in a cycle.
            #expect(periods.compactMap(\.overall.figures?.cases).reduce(0, +) == 14)
            #expect(periods.compactMap(\.overall.figures?.contacts).reduce(0, +) == 21)
        }
    }

    @Test func theRepeatWindowDecidesWhatIsOneCase() throws {
        try withContactRoadmap { file in
            try importHandMade(file)
            try file.setPrivacyThreshold(1, allowSmallGroups: true)
            // With a window of 29 days, B's contact exactly 30 days on is a new case in C1 (April):
            // C1 then has 8 cases, 3 of them with a repeat contact.
            try file.setRepeatWindowDays(29)
            var report = try file.contactReport()
            #expect(report.windowDays == 29)
            #expect(figures(report.cycles[0].overall) == ContactFigures(cases: 8, contacts: 12, repeatCases: 3, switchCases: 3))
            // With 120 days, K1's contact of 20 June joins case A (109 days after 3 March), which
            // then has four contacts, and K3's two contacts (C and D) become one case with a
            // switch from web to telefoon. C1: A B CD E F N = 6 cases, 4+2+2+1+2+2 = 13 contacts,
            // repeat A B CD F N = 5, switch A CD F N = 4. C2 loses L: G H I J = 4 cases, 5 contacts.
            // A's third move (telefoon → e-mail) is no flow: only first → second and second → third.
            try file.setRepeatWindowDays(120)
            report = try file.contactReport()
            #expect(figures(report.cycles[0].overall) == ContactFigures(cases: 6, contacts: 13, repeatCases: 5, switchCases: 4))
            #expect(figures(report.cycles[1].overall) == ContactFigures(cases: 4, contacts: 5, repeatCases: 1, switchCases: 0))
            #expect(report.cycles[0].flows == [
                ContactFlowValue(1, "telefoon", "web", 2), ContactFlowValue(1, "web", "telefoon", 2), ContactFlowValue(1, "app", "app", 1),
                ContactFlowValue(2, "web", "telefoon", 1),
            ].map(\.flow))
            expectEnglish(DomainError.inconsistent("the repeat window must be 1 to 366 days")) { try file.setRepeatWindowDays(0) }
            expectEnglish(DomainError.inconsistent("the repeat window must be 1 to 366 days")) { try file.setRepeatWindowDays(367) }
        }
    }

    @Test func groupsAndFlowsBelowThePrivacyThresholdAreSuppressed() throws {
        try withContactRoadmap { file in
            try importHandMade(file)
            try file.setPrivacyThreshold(2, allowSmallGroups: true)
            var report = try file.contactReport()
            let spring = report.cycles[0]
            #expect(figures(spring.overall)?.cases == 7)
            #expect(spring.journeys.map(\.suppressed) == [false, false])
            // Only telefoon → web (2 cases) is shown; app → app and web → telefoon (1 case each)
            // are counted together, not shown. Step 2's one case is not even counted: the count
            // of a step with fewer cases than the threshold would give it away.
            #expect(spring.flows == [ContactFlowValue(1, "telefoon", "web", 2).flow])
            #expect(spring.hiddenFlowCases == 2)
            let summer = report.cycles[1]
            #expect(figures(summer.overall)?.cases == 5)
            #expect(summer.journeys.map(\.label) == ["mor", "paspoort"])
            #expect(summer.journeys.map(\.suppressed) == [false, true])
            #expect(summer.reasons.map(\.label) == ["Afval", "Paspoort"])
            #expect(summer.reasons.map(\.suppressed) == [false, true])
            #expect(summer.reasons[1].figures == nil)
            #expect(summer.flows.isEmpty && summer.hiddenFlowCases == 0)
            #expect(summer.change != nil)
            #expect(report.periods.map(\.overall.suppressed) == [true, false, false, false, false, true])

            // A suppressed group shows its label and the fact, never a number.
            let json = report.json
            let reasons = try #require(json["cycles"]?.array?[1]["reasons"]?.array)
            let hidden = try #require(reasons[1].object)
            #expect(hidden.keys.sorted() == ["group", "suppressed"])
            #expect(hidden["group"]?.string == "Paspoort" && hidden["suppressed"]?.bool == true)
            #expect(reasons[0]["cases"]?.int == 3 && reasons[0]["repeat_share"]?.double == 33.33)

            // At 6, C2's 5 cases are suppressed as a whole, and with them the change since C1.
            try file.setPrivacyThreshold(6)
            report = try file.contactReport()
            #expect(figures(report.cycles[0].overall)?.cases == 7)
            #expect(report.cycles[0].flows.isEmpty && report.cycles[0].hiddenFlowCases == 0)
            #expect(report.cycles[1].overall.suppressed)
            #expect(report.cycles[1].change == nil)
            #expect(report.cycles[1].reasons.allSatisfy { $0.suppressed })
            // The verdicts still see the whole cycle: the threshold there is the assumption's own.
            #expect(report.figures(cycle: "C2", journey: nil, reason: nil).cases == 5)
        }
    }

    /// At 3, C1's 7 cases are shown, and so were March's 5: April's 2 was then C1 less March.
    /// The months of a cycle are a breakdown of it, so March goes too; the same for C2's June.
    @Test func aSmallMonthCannotBeWorkedOutFromItsCycle() throws {
        try withContactRoadmap { file in
            try importHandMade(file)
            try file.setPrivacyThreshold(3, allowSmallGroups: true)
            let report = try file.contactReport()
            #expect(report.periods.map(\.period) == ["2014-02", "2014-03", "2014-04", "2014-05", "2014-06", "2014-07"])
            #expect(figures(report.cycles[0].overall)?.cases == 7 && figures(report.cycles[1].overall)?.cases == 5)
            #expect(report.periods.map(\.overall.suppressed) == [true, true, true, true, true, true])
            // Whatever the threshold: a cycle shown less its months shown is nobody or enough.
            for threshold in 2...8 {
                try file.setPrivacyThreshold(threshold, allowSmallGroups: true)
                let report = try file.contactReport()
                for (cycle, months) in zip(report.cycles, [["2014-03", "2014-04"], ["2014-05", "2014-06"]]) {
                    guard let total = figures(cycle.overall)?.cases else { continue }
                    let shown = report.periods.filter { months.contains($0.period) }.compactMap { figures($0.overall)?.cases }.reduce(0, +)
                    #expect(total - shown == 0 || total - shown >= threshold, "at \(threshold): \(total - shown) of \(cycle.cycle)")
                    for journey in cycle.journeys {
                        guard let cases = figures(journey)?.cases else { continue }
                        let inMonths = report.periods.filter { months.contains($0.period) }.flatMap(\.journeys)
                            .filter { $0.label == journey.label }.compactMap { figures($0)?.cases }.reduce(0, +)
                        #expect(cases - inMonths == 0 || cases - inMonths >= threshold, "at \(threshold): \(journey.label) in \(cycle.cycle)")
                    }
                }
                // A month hidden hides its journeys, which would otherwise add up to it.
                for period in report.periods where period.overall.suppressed {
                    #expect(period.journeys.allSatisfy { $0.suppressed }, "at \(threshold): \(period.period)")
                }
            }
        }
    }

    // MARK: Hashing

    @Test func noCaseKeyIsInTheDatabaseItsJournalsTheExportOrTheAuditTrail() throws {
        try withFolder { folder in
            func databaseFiles() throws -> [String] {
                try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("roadmap.sqlite") }
            }
            func checkFiles(_ when: String) throws {
                let files = try databaseFiles()
                #expect(files.contains("roadmap.sqlite"))
                for name in files {
                    let bytes = try #require(FileManager.default.contents(atPath: folder.file(name)))
                    #expect(!contains(Array(bytes), "ZAAKNUMMER"), "\(when): \(name) holds a clear case key")
                }
            }
            // In a function of its own, so that the connection is closed when it returns.
            func importAndLook() throws {
                let file = try RoadmapFile.create(path: folder.file("roadmap.sqlite"), actor: "tester", municipality: "Molensloot")
                try prepareContacts(file)
                try importHandMade(file)
                try file.add(.assumption, input: [.title: "Weinig herhaling", .test: "repeat-share", .expect: "<= 20"])
                #expect(try file.contactCount() == 21, "the contacts are there, so their absence below means something")
                try checkFiles("while open")

                let export = try file.export().serialized()
                #expect(export.contains("\"contacts\""))
                #expect(!export.contains("ZAAKNUMMER"), "the export holds a clear case key")
                let secret = testKey.hex
                #expect(!export.contains(secret) && !export.contains(testKey.k0.description), "the export holds the key")
                for entry in try file.log(limit: 1_000) {
                    for text in [entry.summary, entry.before ?? "", entry.after ?? "", entry.record] {
                        #expect(!text.contains("ZAAKNUMMER"), "the audit trail holds a clear case key: \(text)")
                        #expect(!text.contains(secret), "the audit trail holds the secret: \(text)")
                    }
                }
                // The report, whose JSON the CLI prints, has no keys either.
                #expect(!JSON.object(try file.contactReport().json).serialized().contains("ZAAKNUMMER"))
            }
            try importAndLook()
            // And whatever SQLite leaves on disk once the connection is gone.
            try checkFiles("after closing")
        }
    }

    @Test func theSameKeyUnderTheSameRoadmapGivesTheSameHash() throws {
        try withContactRoadmap { file in
            try importHandMade(file)
            let once = try file.export().serialized()
            let again = try importHandMade(file)
            #expect(again.contacts == 21)
            #expect(again.newContacts == 0, "re-importing the same file adds nothing")
            #expect(try file.contactCount() == 21)
            #expect(try file.export().serialized() == once)

            // The four contacts of K1 (cases A and L) share one hash, and it is SipHash-2-4 of
            // the key under the roadmap's secret.
            let hasher = testKey.hasher
            let contacts = try exportedContacts(file)
            let k1 = PseudonymKey.hex(hasher.hash("Z-ZAAKNUMMER-000101"))
            #expect(contacts.filter { $0.key == k1 }.map(\.at).sorted()
                    == ["2014-03-03 09:00:00", "2014-03-05 10:00:00", "2014-03-10 11:00:00", "2014-06-20 10:00:00"])
            #expect(Set(contacts.map(\.key)) == Set(handMadeKeys.map { PseudonymKey.hex(hasher.hash($0)) }))
            // One more contact of K2 joins case B.
            let more = "date,channel,reason,case,journey\n2014-03-13 08:00,balie,Afval,Z-ZAAKNUMMER-000102,mor\n"
            let added = try file.importVolumes(document(more), path: "nog een.csv", dryRun: false, key: { testKey })
            #expect(added.newContacts == 1)
            try file.setPrivacyThreshold(1, allowSmallGroups: true)
            #expect(figures(try file.contactReport().cycles[0].overall)
                    == ContactFigures(cases: 7, contacts: 13, repeatCases: 4, switchCases: 4))
        }
    }

    @Test func anotherKeyFileGivesOtherHashes() throws {
        try withContactRoadmap { first in
            try withContactRoadmap { second in
                let otherKey = try PseudonymKey.create(path: second.path + ".key")
                #expect(otherKey != testKey && otherKey.id != testKey.id)
                try importHandMade(first)
                _ = try second.importVolumes(document(handMadeContacts), path: "registraties.csv", dryRun: false, key: { otherKey })
                #expect(try first.setting(.contactKeyID) == testKey.id && second.setting(.contactKeyID) == otherKey.id)
                let firstKeys = Set(try exportedContacts(first).map(\.key))
                let secondKeys = Set(try exportedContacts(second).map(\.key))
                #expect(firstKeys.count == 12 && secondKeys.count == 12)
                #expect(firstKeys.isDisjoint(with: secondKeys))
                // The figures do not depend on the secret.
                try first.setPrivacyThreshold(1, allowSmallGroups: true)
                try second.setPrivacyThreshold(1, allowSmallGroups: true)
                #expect(try first.contactReport().cycles.map { $0.overall.figures }
                        == second.contactReport().cycles.map { $0.overall.figures })
            }
        }
    }

    /// The reference vectors of SipHash-2-4 (Aumasson and Bernstein, vectors.h): key 00 01 … 0f,
    /// message 00 01 … of each length.
    @Test(arguments: [
        (0, 0x726f_db47_dd0e_0e31), (1, 0x74f8_39c5_93dc_67fd), (2, 0x0d6c_8009_d9a9_4f5a), (3, 0x8567_6696_d7fb_7e2d),
        (4, 0xcf27_94e0_2771_87b7), (7, 0xab02_00f5_8b01_d137), (8, 0x93f5_f579_9a93_2462), (15, 0xa129_ca61_49be_45e5),
        (63, 0x958a_324c_eb06_4572),
    ] as [(Int, UInt64)])
    func sipHashMatchesTheReferenceVectors(_ length: Int, _ expected: UInt64) throws {
        let hasher = SipHasher(key: (0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908))
        let message = (0..<length).map { UInt8($0) }
        #expect(message.withUnsafeBufferPointer { hasher.hash($0) } == expected)
        // The 128-bit secret as stored: the first 16 hex digits are k0, the last k1. The
        // messages are ASCII, so as text they are the same bytes.
        let parsed = try #require(PseudonymKey.parse("0706050403020100" + "0f0e0d0c0b0a0908", path: "k"))
        #expect(parsed.hasher.hash(String(decoding: message, as: UTF8.self)) == expected, "the text form hashes its UTF-8 bytes")
    }

    // MARK: Export and import

    /// The hand-made contacts, a metric with measurements, an insight and an assumption of every
    /// test, a threshold and a window of their own.
    private func richRoadmap(_ file: RoadmapFile) throws {
        try prepareContacts(file)
        try importHandMade(file)
        try file.setPrivacyThreshold(3, allowSmallGroups: true)
        try file.setRepeatWindowDays(28)
        try file.makeMetric("cijfer", extra: [.scaleMin: "1", .scaleMax: "10"])
        try file.add(.measurement, input: [.metric: "cijfer", .cycle: "C1", .value: "7,2", .n: "25", .sd: "1,1"])
        try file.add(.insight, input: [.kind: "need", .title: "Melders willen horen wat er gebeurt"])
        for input: [FieldKey: String] in [
            [.title: "Minstens een 7", .test: "metric", .metric: "cijfer", .expect: ">= 7", .source: "MT-sessie"],
            [.title: "De app wint", .test: "channel-share", .channel: "app", .reason: "Afval", .expect: "> 50"],
            [.title: "Weinig herhaling", .test: "repeat-share", .journey: "mor", .expect: "<= 10,5"],
            [.title: "Weinig wissels", .test: "switch-share", .reason: "Afval", .expect: "< 5", .description: "Regel 1\nRegel 2"],
            [.title: "Snelheid \"boven\" alles", .test: "insight", .insight: "I1", .verdict: "refuted"],
        ] {
            try file.add(.assumption, input: input)
        }
        try file.remove(.assumption, "H2", force: false)
    }

    @Test func exportImportExportWithAssumptionsAndContactsGivesIdenticalBytes() throws {
        try withFolder { folder in
            let original = try RoadmapFile.create(path: folder.file("origineel.sqlite"), actor: "anna", municipality: "Molensloot")
            try richRoadmap(original)
            let first = try original.export().serialized(pretty: true)
            #expect(try original.export()["version"] == .int(5))
            #expect(try original.export()["assumptions"]?.array?.count == 4)
            #expect(try original.export()["contacts"]?.array?.count == 21)

            let copy = try RoadmapFile.create(path: folder.file("kopie.sqlite"), actor: "bram", municipality: nil)
            try copy.importDocument(first, source: "origineel.json", replace: false, allowSmallGroups: true)
            let second = try copy.export().serialized(pretty: true)
            #expect(Array(second.utf8) == Array(first.utf8))
            #expect(try copy.setting(.contactKeyID) == original.setting(.contactKeyID))
            #expect(try copy.setting(.contactKeyID) == testKey.id)

            // The copy tests and counts alike, and keeps the removed H2's id unused.
            #expect(try copy.assumptionStatuses().map { "\($0.record.ref) \($0.current.verdict) \($0.current.cycle ?? "-")" }
                    == original.assumptionStatuses().map { "\($0.record.ref) \($0.current.verdict) \($0.current.cycle ?? "-")" })
            #expect(try copy.contactReport().json == original.contactReport().json)
            #expect(try copy.add(.assumption, input: [.title: "Nieuw", .test: "insight", .insight: "I1"]).ref == "H6")
            // The key's id travelled with it: under the same key file the same file adds nothing to the copy.
            #expect(try copy.importVolumes(document(handMadeContacts), path: "registraties.csv", dryRun: false, key: { testKey }).newContacts == 0)
        }
    }

    // MARK: Bad files

    struct BadContacts: Sendable, CustomStringConvertible {
        let name: String
        let text: String
        var rename: [String: String] = [:]
        let message: String
        var description: String { name }
    }

    static let header = "date,channel,reason,case,journey\n"
    static let goodLine = "2014-03-12 09:14,web,Afval,Z-ZAAKNUMMER-000201,mor\n"

    static let badFiles: [BadContacts] = [
        .init(name: "a date without a time", text: header + goodLine + "2014-03-13,web,Afval,Z-ZAAKNUMMER-000202,mor\n",
              message: "line 3, column date: '2014-03-13' is not a date and time like 2014-03-12 09:14 or 12-03-2014 09:14"),
        .init(name: "a Dutch date without a time", text: header + "13-03-2014,web,Afval,Z-ZAAKNUMMER-000202,mor\n",
              message: "line 2, column date: '13-03-2014' is not a date and time like 2014-03-12 09:14 or 12-03-2014 09:14"),
        .init(name: "an hour of 24", text: header + "2014-03-13 24:00,web,Afval,Z-ZAAKNUMMER-000202,mor\n",
              message: "line 2, column date: '2014-03-13 24:00' is not a date and time like 2014-03-12 09:14 or 12-03-2014 09:14"),
        .init(name: "a day that does not exist", text: header + "31-04-2014 10:00,web,Afval,Z-ZAAKNUMMER-000202,mor\n",
              message: "line 2, column date: '31-04-2014 10:00' is not a date and time like 2014-03-12 09:14 or 12-03-2014 09:14"),
        .init(name: "an empty date", text: header + goodLine + ",web,Afval,Z-ZAAKNUMMER-000202,mor\n",
              message: "line 3, column date: is empty; every contact needs its date and time"),
        .init(name: "an empty case", text: header + goodLine + "2014-03-13 10:00,web,Afval,,mor\n",
              message: "line 3, column case: is empty; every contact needs the key of its case or person"),
        .init(name: "an empty case in a mapped column",
              text: "tijdstip;kanaal;zaaknummer\n2014-03-13 10:00;web;Z-ZAAKNUMMER-000203\n2014-03-13 11:00;web;\n",
              rename: ["date": "tijdstip", "channel": "kanaal", "case": "zaaknummer"],
              message: "line 3, column zaaknummer: is empty; every contact needs the key of its case or person"),
        .init(name: "a case key whose quote is never closed",
              text: header + goodLine + "2014-03-13 10:00,web,Afval,\"Z-ZAAKNUMMER-000204,mor\n",
              message: "line 3, column case: a quoted field is never closed"),
        .init(name: "an unknown channel", text: header + goodLine + "2014-03-13 10:00,fax,Afval,Z-ZAAKNUMMER-000202,mor\n",
              message: "line 3, column channel: unknown channel 'fax'; known: app, balie, e-mail, post, social, telefoon, web"),
        .init(name: "an empty channel", text: header + "2014-03-13 10:00,,Afval,Z-ZAAKNUMMER-000202,mor\n",
              message: "line 2, column channel: is empty; every contact needs its channel"),
        .init(name: "an unknown journey", text: header + goodLine + "2014-03-13 10:00,web,Afval,Z-ZAAKNUMMER-000202,verhuizen\n",
              message: "line 3, column journey: unknown journey 'verhuizen'; known: mor, paspoort"),
        .init(name: "only a header", text: header, message: "the file holds no rows"),
    ]

    @Test(arguments: badFiles)
    func aBadContactFileIsRefusedNamingLineAndColumnAndWritesNothing(_ bad: BadContacts) throws {
        // Into a roadmap without contacts (so the refusal must not record a key either)…
        try withContactRoadmap { file in
            try expectRefused(.badFile(path: "zaken.csv", Message(stringLiteral: bad.message)), in: file) {
                _ = try file.importVolumes(document(bad.text), path: "zaken.csv", rename: bad.rename, dryRun: false, key: { testKey })
            }
            #expect(try file.contactCount() == 0)
            #expect(try file.setting(.contactKeyID) == nil)
        }
        // …and into one that has them.
        try withContactRoadmap { file in
            try importHandMade(file)
            try expectRefused(.badFile(path: "zaken.csv", Message(stringLiteral: bad.message)), in: file) {
                _ = try file.importVolumes(document(bad.text), path: "zaken.csv", rename: bad.rename, dryRun: false, key: { testKey })
            }
            #expect(try file.contactCount() == 21)
        }
    }

    @Test func noRefusalQuotesACaseKey() throws {
        try withContactRoadmap { file in
            for bad in Self.badFiles {
                let error = thrownError {
                    _ = try file.importVolumes(document(bad.text), path: "zaken.csv", rename: bad.rename, dryRun: false, key: { testKey })
                }
                #expect(error != nil, "\(bad.name) was accepted")
                #expect(!"\(error.map { "\($0)" } ?? "")".contains("ZAAKNUMMER"), "\(bad.name): the message quotes a case key")
            }
        }
    }
}

/// A flow written compactly in the expectations above.
private struct ContactFlowValue {
    let flow: ContactFlow

    init(_ step: Int, _ from: String, _ to: String, _ cases: Int) {
        flow = ContactFlow(step: step, from: from, to: to, cases: cases)
    }
}
