import Foundation
import SixSteps
import Store
import Testing

// Files as municipalities have them: a survey tool's Dutch spreadsheet export, imported without
// reshaping; responses placed in the cycle their dates belong to; nothing replaced unless asked.

/// A survey tool's export: BOM, CRLF, semicolons, Dutch headers, display names in any case and
/// with or without accents, extra columns, and answers that are no score.
///
/// Scores by hand: 8, 7, 6, 9, 10, 7 are scores (six); "n.v.t.", "weet niet", "-" and an empty
/// cell are not. Sum 47, mean 47 / 6; squares of deviations from 47/6: Σx² = 379, variance
/// (379 − 47²/6) / 5 = (379 − 368.1667) / 5 = 2.1667, i.e. 13 / 6.
let dutchSurveyExport = "\u{FEFF}" + [
    "Respondent-ID;Datum;Tijdstip;Klantreis;Fase;Kanaal;Klantgroep;Rapportcijfer;Toelichting;IP-adres",
    "1001;03-09-2014;09:12;Melding openbare ruimte;Oriëntatie;Website;Drukke ouders;8;Snel gevonden;10.0.0.1",
    "1002;03-09-2014;10:40;mor;orientatie;web;;7;;10.0.0.2",
    "1003;04-09-2014;11:02;MOR;Contact;Telefoon;drukke-ouders;6;\"Lang gewacht; wel geholpen\";10.0.0.3",
    "1004;05-09-2014;08:55;Melding Openbare Ruimte;afronding;E-MAIL;;n.v.t.;;10.0.0.4",
    "1005;05-09-2014;13:30;mor;Afronding;app;;9;;10.0.0.5",
    "1006;08-09-2014;14:00;mor;afronding;App;;weet niet;;10.0.0.6",
    "1007;09-09-2014;15:15;mor;uitvoering;balie;;-;;10.0.0.7",
    "1008;10-09-2014;16:20;mor;Evaluatie;Balie;;10;Top;10.0.0.8",
    "1009;12-09-2014;17:45;mor;evaluatie;web;;;;10.0.0.9",
    "1010;15-09-2014;18:00;mor;contact;telefoon;;7;;10.0.0.10",
].joined(separator: "\r\n") + "\r\n"

func csvDocument(_ text: String) throws -> CSVDocument { try CSVDocument(bytes: Array(text.utf8)) }

/// A roadmap with the journey mor, the persona drukke-ouders, the metric tevredenheid (1–10) on
/// mor, a closed spring cycle (March to June) and an open autumn cycle (September to December).
func withTwoCycles<T>(_ body: (RoadmapFile) throws -> T) throws -> T {
    try withRoadmap { file in
        try file.addJourney(slug: "mor", input: [.name: "Melding openbare ruimte"])
        try file.add(.persona, slug: "drukke-ouders", input: [.name: "Drukke ouders"])
        try file.add(.metric, slug: "tevredenheid", input: [.name: "Tevredenheid", .unit: "cijfer", .scaleMin: "1",
                                      .scaleMax: "10", .journey: "mor"])
        try file.setPrivacyThreshold(3, allowSmallGroups: true)
        try file.openCycle(name: "Voorjaar 2014", start: "2014-03-01", end: "2014-06-30")
        try file.closeCycle(nil, note: nil)
        try file.openCycle(name: "Najaar 2014", start: "2014-09-01", end: "2014-12-31")
        return try body(file)
    }
}

@Suite struct DutchSurveyExportTests {
    @Test func aDutchExportImportsWithoutAnyMapping() throws {
        try withTwoCycles { file in
            let result = try file.importSurvey(csvDocument(dutchSurveyExport), path: "export.csv", metric: "tevredenheid",
                                               cycle: nil, rename: [:], dryRun: false)
            #expect(result.rowsRead == 10)
            #expect(result.responses == 6)
            #expect(result.skipped == 4)
            #expect(result.nonResponses.map(\.answer) == ["n.v.t.", "weet niet", "-", "empty"])
            #expect(result.nonResponses.map(\.count) == [1, 1, 1, 1])
            #expect(result.ignoredColumns == ["respondent-id", "tijdstip", "ip-adres"])
            #expect(result.cycle == "C2" && result.cycleName == "Najaar 2014")
            #expect(result.dates == "2014-09-03"..."2014-09-15")
            #expect(abs(result.measurement.mean - 47.0 / 6) < 1e-12)
            #expect(result.measurement.n == 6)
            #expect(abs((result.measurement.sd ?? 0) - (13.0 / 6).squareRoot()) < 1e-12)
            // Display names, slugs, case and accents all resolve to the roadmap's slugs.
            let responses = try file.export()["survey_responses"]?.array ?? []
            #expect(responses.map { $0["journey"]?.string } == Array(repeating: "mor", count: 6))
            #expect(responses.map { $0["phase"]?.string } == ["orientatie", "orientatie", "contact", "afronding", "evaluatie", "contact"])
            #expect(responses.map { $0["channel"]?.string } == ["web", "web", "telefoon", "app", "balie", "telefoon"])
            #expect(responses.map { $0["persona"]?.string } == ["drukke-ouders", nil, "drukke-ouders", nil, nil, nil])
            #expect(responses.map { $0["comment"]?.string } == ["Snel gevonden", nil, "Lang gewacht; wel geholpen", nil, "Top", nil])
            #expect(try file.log(limit: 1)[0].summary
                    == "imported 6 survey responses for tevredenheid into C2 from export.csv; skipped 4 rows")
        }
    }

    @Test func everyProblemIsReportedAtOnceWithLineAndColumn() throws {
        try withTwoCycles { file in
            let text = "datum;kanaal;cijfer\n03-09-2014;web;zeven\n04-09-2014;fax;7\n31-09-2014;web;8\n05-09-2014;web;11\n"
            try expectRefused(.problems(path: "x.csv", [
                "line 2, column cijfer: expected a number such as 7,8 but found 'zeven'",
                "line 3, column kanaal: unknown channel 'fax'; known: app, balie, e-mail, post, social, telefoon, web",
                "line 4, column datum: '31-09-2014' is not a date like 2014-03-12 or 12-03-2014",
                "line 5, column cijfer: 11 is above the scale's 10",
            ], total: 4), in: file) {
                _ = try file.importSurvey(csvDocument(text), path: "x.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                          dryRun: false)
            }
            // Many: the first twenty are named, the rest counted.
            let many = "cijfer\n" + (1...25).map { "x\($0)\n" }.joined()
            let error = thrownError {
                _ = try file.importSurvey(csvDocument(many), path: "y.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                          dryRun: true)
            }
            guard case .problems(_, let shown, let total) = error as? DomainError else {
                Issue.record("expected problems, got \(String(describing: error))")
                return
            }
            #expect(shown.count == 20 && total == 25)
            #expect("\(error.map { "\($0)" } ?? "")".contains("… and 5 more"))
            // The same problem on many rows is one problem with its lines.
            let same = "kanaal;cijfer\n" + String(repeating: "fax;7\n", count: 30) + "web;77\n"
            try expectRefused(.problems(path: "z.csv", [
                "lines 2, 3, 4, 5, 6 and 25 more, column kanaal: unknown channel 'fax'; known: app, balie, e-mail, post, social, telefoon, web",
                "line 32, column cijfer: 77 is above the scale's 10",
            ], total: 2), in: file) {
                _ = try file.importSurvey(csvDocument(same), path: "z.csv", metric: "tevredenheid", cycle: nil, rename: [:], dryRun: false)
            }
        }
    }
}

@Suite struct CyclePlacementTests {
    static func survey(_ dates: [String]) -> String {
        "datum;cijfer\n" + dates.enumerated().map { "\($0.element);\(6 + $0.offset % 4)" }.joined(separator: "\n") + "\n"
    }

    @Test func aFileDatedInAClosedCycleNeverLandsInTheOpenOne() throws {
        try withTwoCycles { file in
            try expectRefused(.inconsistent(
                "the responses are dated 2014-04-02 to 2014-04-05, in C1 \"Voorjaar 2014\" (2014-03-01 to 2014-06-30, closed); "
                    + "a closed cycle's measurements are frozen, and they do not belong in another; nothing was imported"), in: file) {
                _ = try file.importSurvey(csvDocument(Self.survey(["02-04-2014", "03-04-2014", "05-04-2014"])), path: "v.csv",
                                          metric: "tevredenheid", cycle: nil, rename: [:], dryRun: false)
            }
            // Named explicitly, the open cycle still refuses responses dated in the closed one.
            try expectRefused(.inconsistent(
                "3 in C1 of these responses are dated outside C2; a response counts in the cycle its date falls in: "
                    + "import those into their own cycle, or pass --skip-others to leave them out; nothing was imported"), in: file) {
                _ = try file.importSurvey(csvDocument(Self.survey(["02-04-2014", "03-04-2014", "05-04-2014"])), path: "v.csv",
                                          metric: "tevredenheid", cycle: "C2", rename: [:], dryRun: false)
            }
        }
    }

    @Test func aFileDatedInNoCycleNeedsAnExplicitChoice() throws {
        try withTwoCycles { file in
            let text = Self.survey(["15-07-2014", "20-07-2014", "01-08-2014"])
            try expectRefused(.inconsistent(
                "the responses are dated 2014-07-15 to 2014-08-01, outside every cycle; a response counts in the cycle "
                    + "its date falls in: open a cycle for those dates; nothing was imported"), in: file) {
                _ = try file.importSurvey(csvDocument(text), path: "z.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                          dryRun: false)
            }
            // Naming a cycle does not move responses into a period they were not given in.
            try expectRefused(.inconsistent(
                "3 in no cycle of these responses are dated outside C2 (2014-07-15 to 2014-08-01 lie in no cycle); a response "
                    + "counts in the cycle its date falls in: import those into their own cycle, or pass --skip-others to "
                    + "leave them out; nothing was imported"), in: file) {
                _ = try file.importSurvey(csvDocument(text), path: "z.csv", metric: "tevredenheid", cycle: "C2", rename: [:],
                                          dryRun: false)
            }
            let mixed = Self.survey(["15-07-2014", "10-09-2014", "11-09-2014"])
            let kept = try file.importSurvey(csvDocument(mixed), path: "m.csv", metric: "tevredenheid", cycle: "C2", rename: [:],
                                             dryRun: false, options: .init(skipOthers: true))
            #expect(kept.cycle == "C2" && kept.responses == 2 && kept.otherCycles == 1)
            #expect(kept.dates == "2014-09-10"..."2014-09-11")
        }
    }

    @Test func aFileSpanningCyclesIsRefusedOrSplitOnRequest() throws {
        try withTwoCycles { file in
            let text = Self.survey(["02-04-2014", "03-04-2014", "10-09-2014", "11-09-2014", "12-09-2014", "20-07-2014"])
            try expectRefused(.inconsistent(
                "the responses are dated 2014-04-02 to 2014-09-12: 2 in C1 \"Voorjaar 2014\" (2014-03-01 to 2014-06-30, closed), "
                    + "3 in C2 \"Najaar 2014\" (2014-09-01 to 2014-12-31, open), 1 in no cycle; name the cycle to import with "
                    + "--cycle, adding --skip-others to leave out the rest; nothing was imported"), in: file) {
                _ = try file.importSurvey(csvDocument(text), path: "s.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                          dryRun: false)
            }
            let only = try file.importSurvey(csvDocument(text), path: "s.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                             dryRun: false, options: .init(skipOthers: true))
            #expect(only.cycle == "C2" && only.responses == 3 && only.otherCycles == 3)
            #expect(only.dates == "2014-09-10"..."2014-09-12")
            #expect(try file.measurement(metric: "tevredenheid", cycle: 1) == nil)
        }
    }

    @Test func reimportingIsRefusedUnlessReplaceOrAppend() throws {
        try withTwoCycles { file in
            // 6, 7, 8, 9 → mean 7.5.
            let first = Self.survey(["10-09-2014", "11-09-2014", "12-09-2014", "13-09-2014"])
            _ = try file.importSurvey(csvDocument(first), path: "a.csv", metric: "tevredenheid", cycle: nil, rename: [:], dryRun: false)
            try expectRefused(.inconsistent(
                "tevredenheid already has 4 survey responses in C2 \"Najaar 2014\"; pass --replace to replace them or --append "
                    + "to add these to them; nothing was imported"), in: file) {
                _ = try file.importSurvey(csvDocument(first), path: "a.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                          dryRun: false)
            }
            // Appending 6, 7: all six are 6 7 8 9 6 7, mean 43 / 6.
            let more = Self.survey(["20-09-2014", "21-09-2014"])
            let appended = try file.importSurvey(csvDocument(more), path: "b.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                                 dryRun: false, options: .init(existing: .append))
            #expect(appended.kept == 4 && appended.replaced == 0 && appended.responses == 2)
            #expect(abs(appended.measurement.mean - 43.0 / 6) < 1e-12 && appended.measurement.n == 6)
            #expect(try file.measurement(metric: "tevredenheid", cycle: 2)?[.n].int == 6)
            let replaced = try file.importSurvey(csvDocument(more), path: "c.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                                 dryRun: false, options: .init(existing: .replace))
            #expect(replaced.replaced == 6 && replaced.measurement.mean == 6.5 && replaced.measurement.n == 2)
            #expect(try file.log(limit: 1)[0].summary == "imported 2 survey responses for tevredenheid into C2 from c.csv, replacing 6")
        }
    }
}
