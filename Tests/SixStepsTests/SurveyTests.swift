import Foundation
import SixSteps
import Store
import Testing

// Step 6's survey import: raw resident responses become a cycle's measurement. The figures are
// checked against values worked out by hand below; the files are the kinds municipalities send.

/// One response of the spring survey of `tevredenheid` (satisfaction, scale 1–10).
private struct SpringResponse: Sendable {
    let date: String
    let phase: String
    let channel: String
    let persona: String?
    let score: Int
    let comment: String?
}

/// Twelve responses. By hand:
///
/// - scores 7 8 6 9 7 8 5 10 7 8 6 9: sum 90, mean 90 / 12 = 7.5; deviations from 7.5 squared:
///   0.25 ×6 = 1.5, 2.25 ×4 = 9, 6.25 ×2 = 12.5, total 23; sample variance 23 / 11, sd √(23/11) ≈ 1.4460.
/// - distribution: 5:1, 6:2, 7:3, 8:3, 9:2, 10:1.
/// - phase contact: 7 8 6 9 8: n 5, mean 38 / 5 = 7.6, squares of deviations 5.2, variance 1.3.
/// - phase afronding: 7 8 5 10 7 6 9: n 7, mean 52 / 7; Σx² = 404, variance (404 − 52²/7) / 6 = 62 / 21.
/// - channel app: 7 8 7 8 7: n 5, mean 7.4, variance 1.2 / 4 = 0.3.
/// - channel telefoon: 5 8 6: n 3 (below a threshold of 4).
/// - channel web: 6 9 10 9: n 4, mean 8.5, variance 9 / 3 = 3.
/// - persona ouders: 7 8 6 8 6 9: n 6, mean 44 / 6; Σx² = 330, variance (330 − 44²/6) / 5 = 22 / 15.
/// - persona senioren: 9 7 8 5: n 4, mean 7.25, variance 8.75 / 3 = 35 / 12.
private let spring: [SpringResponse] = [
    .init(date: "2014-03-10", phase: "contact", channel: "app", persona: "ouders", score: 7, comment: nil),
    .init(date: "2014-03-10", phase: "contact", channel: "app", persona: "ouders", score: 8, comment: "Snel geholpen; vriendelijk"),
    .init(date: "2014-03-11", phase: "contact", channel: "web", persona: "ouders", score: 6, comment: nil),
    .init(date: "2014-03-11", phase: "contact", channel: "web", persona: "senioren", score: 9, comment: nil),
    .init(date: "2014-03-12", phase: "afronding", channel: "app", persona: "senioren", score: 7,
          comment: "Het \"nieuwe\" formulier, eindelijk"),
    .init(date: "2014-03-12", phase: "afronding", channel: "app", persona: "senioren", score: 8, comment: nil),
    .init(date: "2014-03-13", phase: "afronding", channel: "telefoon", persona: "senioren", score: 5,
          comment: "Niets meer gehoord.\nNa drie weken; nog steeds niets."),
    .init(date: "2014-03-13", phase: "afronding", channel: "web", persona: nil, score: 10, comment: nil),
    .init(date: "2014-03-14", phase: "afronding", channel: "app", persona: nil, score: 7, comment: nil),
    .init(date: "2014-03-14", phase: "contact", channel: "telefoon", persona: "ouders", score: 8, comment: nil),
    .init(date: "2014-03-15", phase: "afronding", channel: "telefoon", persona: "ouders", score: 6, comment: nil),
    .init(date: "2014-03-15", phase: "afronding", channel: "web", persona: "ouders", score: 9, comment: nil),
]

private let springMean = 7.5
private let springSD = (23.0 / 11).squareRoot()
private let springComments = ["Snel geholpen; vriendelijk", "Het \"nieuwe\" formulier, eindelijk",
                              "Niets meer gehoord.\nNa drie weken; nog steeds niets."]

/// How a file is written: the dialects of spreadsheet exports and hand-made files.
struct SurveyDialect: Sendable, CustomStringConvertible {
    let name: String
    let separator: String
    let lineEnd: String
    var bom = false
    var dutchDates = false
    /// Writes 7 as "7,0".
    var decimalComma = false
    /// Header names in the file for standard names; passed as `rename` when not only a case change.
    var headers: [String: String] = [:]
    var rename: [String: String] = [:]

    var description: String { name }

    static let all: [SurveyDialect] = [
        .init(name: "comma, LF", separator: ",", lineEnd: "\n"),
        .init(name: "semicolon, CRLF, BOM, Dutch dates, decimal comma", separator: ";", lineEnd: "\r\n", bom: true,
              dutchDates: true, decimalComma: true),
        .init(name: "comma, CRLF, mapped and capitalised headers", separator: ",", lineEnd: "\r\n",
              headers: ["score": "Cijfer", "comment": " Toelichting ", "date": "DATE"],
              rename: ["score": "cijfer", "comment": "toelichting"]),
        .init(name: "tab, LF, Dutch dates", separator: "\t", lineEnd: "\n", dutchDates: true),
    ]
}

/// A field as a spreadsheet writes it: quoted (quotes doubled) when it holds the separator, a
/// quote or a line break.
private func csvField(_ text: String, _ separator: String) -> String {
    if text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r") {
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return text
}

private func dutch(_ iso: String) -> String {
    let parts = iso.split(separator: "-")
    return "\(parts[2])-\(parts[1])-\(parts[0])"
}

/// The spring survey in a dialect, as bytes.
private func springFile(_ dialect: SurveyDialect, extraLines: [String] = []) -> [UInt8] {
    let columns = ["date", "journey", "phase", "channel", "persona", "score", "comment"]
    var lines = [columns.map { dialect.headers[$0] ?? $0 }.joined(separator: dialect.separator)]
    for response in spring {
        let score = dialect.decimalComma ? "\(response.score),0" : "\(response.score)"
        let fields = [dialect.dutchDates ? dutch(response.date) : response.date, "mor", response.phase, response.channel,
                      response.persona ?? "", score, response.comment ?? ""]
        lines.append(fields.map { csvField($0, dialect.separator) }.joined(separator: dialect.separator))
    }
    lines += extraLines
    let text = lines.joined(separator: dialect.lineEnd) + dialect.lineEnd
    return (dialect.bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
}

private func document(_ text: String) throws -> CSVDocument { try CSVDocument(bytes: Array(text.utf8)) }

/// A roadmap with the journey `mor`, two personas, the metric `tevredenheid` (1–10, journey mor)
/// and the open cycle C1.
private func withSurveyRoadmap<T>(_ body: (RoadmapFile) throws -> T) throws -> T {
    try withRoadmap { file in
        try file.makeJourney()
        try file.makeMetric("tevredenheid", extra: [.scaleMin: "1", .scaleMax: "10", .journey: "mor",
                                                    .baseline: "6,4", .target: "7,5"])
        try file.add(.persona, slug: "ouders", input: [.name: "Drukke ouders"])
        try file.add(.persona, slug: "senioren", input: [.name: "Senioren"])
        try file.openCycle(name: "Voorjaar 2014", start: "2014-03-01", end: "2014-06-30")
        return try body(file)
    }
}

@discardableResult
private func importSpring(_ file: RoadmapFile, _ dialect: SurveyDialect = SurveyDialect.all[0],
                          dryRun: Bool = false) throws -> SurveyImport {
    try file.importSurvey(CSVDocument(bytes: springFile(dialect)), path: "voorjaar.csv", metric: "tevredenheid",
                          cycle: nil, rename: dialect.rename, dryRun: dryRun)
}

/// The survey responses of the export, as JSON objects.
private func exportedResponses(_ file: RoadmapFile) throws -> [JSON] {
    try file.export()["survey_responses"]?.array ?? []
}

private func isClose(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

@Suite struct SurveyTests {
    // MARK: The measurement from the responses

    @Test func importComputesMeanNAndSampleSDOfTheResponses() throws {
        try withSurveyRoadmap { file in
            let result = try importSpring(file)
            #expect(result.metric == "tevredenheid")
            #expect(result.cycle == "C1")
            #expect(result.responses == 12)
            #expect(result.replaced == 0)
            #expect(result.suppressed == false)
            #expect(result.measurement.mean == springMean)
            #expect(result.measurement.n == 12)
            #expect(isClose(result.measurement.sd, springSD, 1e-12))
            #expect(isClose(result.measurement.sd, 1.446, 1e-3))

            let stored = try #require(try file.measurement(metric: "tevredenheid", cycle: 1))
            #expect(stored[.value].double == 7.5)
            #expect(stored[.n].int == 12)
            #expect(isClose(stored[.sd].double, springSD, 1e-12))
            #expect(stored[.source].string == "survey: voorjaar.csv")
            #expect(try file.records(.measurement).count == 1)

            let log = try file.log(limit: 1)[0]
            #expect(log.action == "import")
            #expect(log.record == "tevredenheid")
            #expect(log.summary == "imported 12 survey responses for tevredenheid into C1 from voorjaar.csv")
        }
    }

    @Test func resultsShowTheDistributionAndEachGroupAboveTheThreshold() throws {
        try withSurveyRoadmap { file in
            try file.setPrivacyThreshold(4, allowSmallGroups: true)
            try importSpring(file)
            let results = try file.surveyResults(metric: "tevredenheid", cycle: nil)
            #expect(results.metric == "tevredenheid")
            #expect(results.cycle == "C1")
            #expect(results.threshold == 4)
            #expect(results.overall.n == 12)
            #expect(isClose(results.overall.summary?.mean, 7.5))
            #expect(isClose(results.overall.summary?.sd, springSD))
            // Every score was given fewer than 4 times, so none is shown by itself.
            #expect(results.distribution.isEmpty && results.otherScores == 12)

            func check(_ groups: [SurveyGroup], _ expected: [(String, Int, Double?, Double?)],
                       sourceLocation: SourceLocation = #_sourceLocation) {
                #expect(groups.map(\.label) == expected.map { $0.0 }, sourceLocation: sourceLocation)
                #expect(groups.map(\.n) == expected.map { $0.1 }, sourceLocation: sourceLocation)
                for (group, (label, _, mean, variance)) in zip(groups, expected) {
                    if let mean, let variance {
                        #expect(isClose(group.summary?.mean, mean), "\(label)", sourceLocation: sourceLocation)
                        #expect(isClose(group.summary?.sd, variance.squareRoot()), "\(label)", sourceLocation: sourceLocation)
                    } else {
                        #expect(group.suppressed, "\(label) should be suppressed", sourceLocation: sourceLocation)
                    }
                }
            }
            // In the journey's order of phases, not the alphabet's.
            check(results.byPhase, [("contact", 5, 7.6, 1.3), ("afronding", 7, 52.0 / 7, 62.0 / 21)])
            // telefoon (3) is below the threshold; web, the smallest group shown, goes with it, or
            // 12 − 5 would give telefoon's three away. The two without a persona would be the 12
            // minus ouders and senioren: senioren goes with them.
            check(results.byChannel, [("app", 5, 7.4, 0.3), ("telefoon", 3, nil, nil), ("web", 4, nil, nil)])
            check(results.byPersona, [("ouders", 6, 44.0 / 6, 22.0 / 15), ("senioren", 4, nil, nil)])

            // The suppressed group shows its label and nothing else.
            let json = results.json
            let telefoon = try #require(json["by_channel"]?.array?.first { $0["group"]?.string == "telefoon" })
            #expect(telefoon["suppressed"] == .bool(true))
            #expect(telefoon["n"] == .null && telefoon["mean"] == .null && telefoon["sd"] == .null)
            let app = try #require(json["by_channel"]?.array?.first { $0["group"]?.string == "app" })
            #expect(app["n"]?.int == 5 && app["mean"]?.double == 7.4)
            #expect(json["distribution"] == .array([]) && json["other_scores"]?.int == 12)
        }
    }

    @Test(arguments: SurveyDialect.all)
    func everyDialectGivesTheSameResponses(_ dialect: SurveyDialect) throws {
        try withSurveyRoadmap { file in
            let result = try importSpring(file, dialect)
            #expect(result.responses == 12)
            #expect(result.measurement.mean == springMean)
            #expect(isClose(result.measurement.sd, springSD, 1e-12))
            let responses = try exportedResponses(file)
            #expect(responses.map { $0["date"]?.string } == spring.map(\.date), "dates are stored as ISO")
            #expect(responses.map { $0["phase"]?.string } == spring.map(\.phase))
            #expect(responses.map { $0["channel"]?.string } == spring.map(\.channel))
            #expect(responses.map { $0["persona"]?.string } == spring.map(\.persona))
            #expect(responses.map { $0["journey"]?.string } == Array(repeating: "mor", count: 12))
            #expect(responses.map { $0["score"]?.double } == spring.map { Double($0.score) })
            #expect(try file.surveyComments(metric: "tevredenheid", cycle: "C1").map(\.comment) == springComments)
        }
    }

    @Test func decimalCommaInSemicolonAndQuotedInCommaFiles() throws {
        // 7,5 + 8,25 + 6 = 21,75, mean 7,25; deviations 0,25, 1, −1,25; squares 2,625; variance 1,3125.
        let files = ["score;comment\n7,5;\"goed; snel\"\n8,25;\n6;\n",
                     "score,comment\n\"7,5\",\"goed; snel\"\n8.25,\n 6 ,\n"]
        for text in files {
            try withSurveyRoadmap { file in
                let result = try file.importSurvey(document(text), path: "x.csv", metric: "tevredenheid", cycle: nil,
                                                   rename: [:], dryRun: false)
                #expect(result.responses == 3, "\(text)")
                #expect(result.measurement.mean == 7.25, "\(text)")
                #expect(isClose(result.measurement.sd, 1.3125.squareRoot(), 1e-12), "\(text)")
                #expect(try file.surveyComments(metric: nil, cycle: nil).map(\.comment) == ["goed; snel"])
            }
        }
    }

    @Test func anErrorAfterAMultiLineQuotedCommentNamesItsPhysicalLine() throws {
        // The BOM, CRLF file: the header is line 1, response 7's comment takes lines 8 and 9, so the
        // twelve responses end on line 14 and the bad one is on line 15.
        let dialect = SurveyDialect.all[1]
        try withSurveyRoadmap { file in
            let bytes = springFile(dialect, extraLines: ["16-03-2014;mor;contact;app;;zeven;\"te laat\""])
            try expectRefused(.badFile(path: "voorjaar.csv", "line 15, column score: expected a number such as 7,8 but found 'zeven'"),
                              in: file) {
                _ = try file.importSurvey(CSVDocument(bytes: bytes), path: "voorjaar.csv", metric: "tevredenheid", cycle: nil,
                                          rename: [:], dryRun: false)
            }
            #expect(try file.measurement(metric: "tevredenheid", cycle: 1) == nil)
        }
    }

    @Test func columnsCanBeMappedToOtherNames() throws {
        try withSurveyRoadmap { file in
            let text = "datum;fase;kanaal;cijfer;toelichting\n12-03-2014;contact;app;7;goed\n13-03-2014;afronding;web;9;\n"
            let rename = ["date": "datum", "phase": "fase", "channel": "kanaal", "score": "cijfer", "comment": "toelichting"]
            let result = try file.importSurvey(document(text), path: "x.csv", metric: "tevredenheid", cycle: nil,
                                               rename: rename, dryRun: false)
            #expect(result.responses == 2 && result.measurement.mean == 8)
            let responses = try exportedResponses(file)
            #expect(responses.map { $0["date"]?.string } == ["2014-03-12", "2014-03-13"])
            #expect(responses.map { $0["phase"]?.string } == ["contact", "afronding"])
            #expect(responses.map { $0["channel"]?.string } == ["app", "web"])
            #expect(responses.map { $0["comment"]?.string } == ["goed", nil])
            // A mapping to a column the file does not have is refused, naming the columns it has.
            let error = thrownError {
                _ = try file.importSurvey(document(text), path: "x.csv", metric: "tevredenheid", cycle: nil,
                                          rename: ["score": "vraag3"], dryRun: false, options: .init(existing: .replace))
            }
            #expect((error as? DomainError).map { "\($0)" }?.hasPrefix("x.csv: line 1: there is no column 'vraag3' for --map score=vraag3")
                    == true, "\(String(describing: error))")
        }
    }

    @Test func phasesAreCheckedAgainstTheJourneyOfEachRow() throws {
        try withSurveyRoadmap { file in
            try file.addJourney(slug: "afval", input: [.name: "Grofvuil ophalen"],
                                phases: [(slug: "aanvraag", name: "Aanvraag"), (slug: "ophalen", name: "Ophalen")])
            // Slugs are read case-insensitively; "contact" is a phase of mor, not of afval.
            let good = "journey,phase,channel,score\nmor,contact,App,7\nAFVAL,Ophalen,app,8\n,afronding,web,6\n"
            let result = try file.importSurvey(document(good), path: "x.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                               dryRun: false)
            #expect(result.responses == 3)
            let responses = try exportedResponses(file)
            #expect(responses.map { $0["journey"]?.string } == ["mor", "afval", nil])
            #expect(responses.map { $0["phase"]?.string } == ["contact", "ophalen", "afronding"], "the metric's journey is mor")
            #expect(responses.map { $0["channel"]?.string } == ["app", "app", "web"])

            let bad = "journey,phase,score\nmor,contact,7\nafval,ophalen,8\nafval,contact,6\n"
            try expectRefused(.badFile(path: "x.csv", "line 4, column phase: unknown phase of afval 'contact'; known: aanvraag, ophalen"),
                              in: file) {
                _ = try file.importSurvey(document(bad), path: "x.csv", metric: "tevredenheid", cycle: nil, rename: [:], dryRun: false)
            }
            // A metric without a journey: a phase needs a journey column.
            try file.makeMetric("algemeen")
            try expectRefused(.badFile(path: "x.csv", "line 2, column phase: a phase needs a journey: add a journey column "
                                       + "or give the metric a journey"), in: file) {
                _ = try file.importSurvey(document("phase,score\ncontact,7\n"), path: "x.csv", metric: "algemeen", cycle: nil,
                                          rename: [:], dryRun: false)
            }
        }
    }

    // MARK: Re-import and dry run

    @Test func reimportReplacesTheResponsesAndTheMeasurement() throws {
        try withSurveyRoadmap { file in
            try importSpring(file)
            // 6, 7, 8: mean 7, sd 1.
            let result = try file.importSurvey(document("score\n6\n7\n8\n"), path: "herhaling.csv", metric: "tevredenheid",
                                               cycle: "C1", rename: [:], dryRun: false, options: .init(existing: .replace))
            #expect(result.responses == 3)
            #expect(result.replaced == 12)
            #expect(result.measurement == SampleSummary(mean: 7, n: 3, sd: 1))
            #expect(try exportedResponses(file).count == 3)
            #expect(try file.surveyComments(metric: nil, cycle: nil).isEmpty)
            let measurements = try file.records(.measurement)
            #expect(measurements.count == 1)
            #expect(measurements[0][.value].double == 7 && measurements[0][.n].int == 3 && measurements[0][.sd].double == 1)
            #expect(measurements[0][.source].string == "survey: herhaling.csv")
            let log = try file.log(limit: 2)
            #expect(log[0].summary == "imported 3 survey responses for tevredenheid into C1 from herhaling.csv, replacing 12")
            #expect(log[1].action == "edit" && log[1].record == measurements[0].ref)
        }
    }

    @Test func aMeasurementFromASurveyIsNotOverwrittenByHand() throws {
        try withSurveyRoadmap { file in
            try importSpring(file)
            let error = thrownError { try file.measure(metric: "tevredenheid", value: "9") }
            #expect((error as? DomainError)?.description == (
                "the tevredenheid measurement of C1 is computed from survey responses; import the survey again to change it"))
        }
    }

    @Test func aDryRunImportsNothingButGivesTheFigures() throws {
        try withSurveyRoadmap { file in
            let before = try RoadmapState(file)
            let result = try importSpring(file, dryRun: true)
            #expect(result.responses == 12)
            #expect(result.measurement.mean == springMean)
            #expect(isClose(result.measurement.sd, springSD, 1e-12))
            #expect(try RoadmapState(file) == before)
            #expect(try exportedResponses(file).isEmpty)
            #expect(try file.measurement(metric: "tevredenheid", cycle: 1) == nil)
            // A dry run over an earlier import reports what it would replace, and replaces nothing.
            try importSpring(file)
            let stored = try RoadmapState(file)
            let again = try file.importSurvey(document("score\n6\n7\n8\n"), path: "x.csv", metric: "tevredenheid", cycle: nil,
                                              rename: [:], dryRun: true, options: .init(existing: .replace))
            #expect(again.replaced == 12 && again.responses == 3 && again.measurement.mean == 7)
            #expect(try RoadmapState(file) == stored)
        }
    }

    // MARK: Bad files

    struct BadFile: Sendable, CustomStringConvertible {
        let name: String
        let text: String
        let message: String
        var description: String { name }
    }

    static let badFiles: [BadFile] = [
        .init(name: "no score column", text: "date,comment\n2014-03-10,goed\n",
              message: "line 1: no column for score (read from a column named score, cijfer, rapportcijfer, waardering, beoordeling); "
                + "the columns are date, comment; name the one to use with --map score=COLUMN"),
        .init(name: "text in the score column", text: "score,comment\n7,goed\nzeven,slecht\n",
              message: "line 3, column score: expected a number such as 7,8 but found 'zeven'"),
        .init(name: "a thousands separator", text: "score;comment\n7;goed\n1.234,5;slecht\n",
              message: "line 3, column score: expected a number such as 7,8 but found '1.234,5'"),
        .init(name: "no row with a score", text: "score,comment\n,goed\nn.v.t.,slecht\n",
              message: "none of the 2 rows has a score (only answers like n.v.t. or empty)"),
        .init(name: "above the scale", text: "score\n7\n11\n", message: "line 3, column score: 11 is above the scale's 10"),
        .init(name: "below the scale", text: "score;comment\n0,5;te laag\n", message: "line 2, column score: 0.5 is below the scale's 1"),
        .init(name: "unknown channel", text: "channel,score\napp,7\nfax,8\n",
              message: "line 3, column channel: unknown channel 'fax'; known: app, balie, e-mail, post, social, telefoon, web"),
        .init(name: "unknown persona", text: "persona,score\nouders,7\njongeren,8\n",
              message: "line 3, column persona: unknown persona 'jongeren'; known: ouders, senioren"),
        .init(name: "unknown journey", text: "journey,phase,score\nmor,contact,7\nparkeren,contact,8\n",
              message: "line 3, column journey: unknown journey 'parkeren'; known: mor"),
        .init(name: "unknown phase", text: "phase,score\ncontact,7\nwachten,8\n",
              message: "line 3, column phase: unknown phase of mor 'wachten'; known: afronding, contact, evaluatie, orientatie, uitvoering"),
        .init(name: "a month that does not exist", text: "date,score\n12-03-2014,7\n2014-13-45,8\n",
              message: "line 3, column date: '2014-13-45' is not a date like 2014-03-12 or 12-03-2014"),
        .init(name: "a day that does not exist", text: "date,score\n31-02-2014,7\n",
              message: "line 2, column date: '31-02-2014' is not a date like 2014-03-12 or 12-03-2014"),
        .init(name: "a date in words", text: "date;score\n12 maart 2014;7\n",
              message: "line 2, column date: '12 maart 2014' is not a date like 2014-03-12 or 12-03-2014"),
        .init(name: "more fields than the header", text: "score,comment\n7,goed,extra\n",
              message: "line 2: has 3 fields, the header has 2"),
        .init(name: "a quote never closed", text: "score,comment\n7,goed\n8,\"open\n9,x\n",
              message: "line 3, column comment: a quoted field is never closed"),
        .init(name: "only a header", text: "date,score\n", message: "the file holds no responses"),
        .init(name: "a header and blank rows", text: "date;score\n\n;\n  \n", message: "the file holds no responses"),
    ]

    @Test(arguments: badFiles)
    func aBadFileIsRefusedNamingTheLineAndImportsNothing(_ bad: BadFile) throws {
        try withSurveyRoadmap { file in
            try expectRefused(.badFile(path: "enquete.csv", Message(stringLiteral: bad.message)), in: file) {
                _ = try file.importSurvey(document(bad.text), path: "enquete.csv", metric: "tevredenheid", cycle: nil,
                                          rename: [:], dryRun: false)
            }
            #expect(try exportedResponses(file).isEmpty)
            #expect(try file.measurement(metric: "tevredenheid", cycle: 1) == nil)
            // The same file in a dry run fails the same way.
            expectEnglish(DomainError.badFile(path: "enquete.csv", Message(stringLiteral: bad.message))) {
                _ = try file.importSurvey(document(bad.text), path: "enquete.csv", metric: "tevredenheid", cycle: nil,
                                          rename: [:], dryRun: true)
            }
        }
    }

    @Test func aBadReimportLeavesTheEarlierResponsesAndMeasurement() throws {
        try withSurveyRoadmap { file in
            try importSpring(file)
            for bad in Self.badFiles {
                try expectRefused(.badFile(path: "enquete.csv", Message(stringLiteral: bad.message)), in: file) {
                    _ = try file.importSurvey(document(bad.text), path: "enquete.csv", metric: "tevredenheid", cycle: nil,
                                              rename: [:], dryRun: false)
                }
            }
            #expect(try exportedResponses(file).count == 12)
            #expect(try file.measurement(metric: "tevredenheid", cycle: 1)?[.value].double == 7.5)
        }
    }

    @Test func anEmptyFileIsRefusedOnItsFirstLine() throws {
        for bytes: [UInt8] in [[], Array("   \n\r\n\n".utf8), [0xEF, 0xBB, 0xBF]] {
            #expect(throws: CSVError(line: 1, column: nil, message: Message("het bestand is leeg", "the file is empty"))) { try CSVDocument(bytes: bytes) }
        }
    }

    @Test func aFieldOfSeveralMegabytesIsRefusedNamingItsLine() throws {
        try withSurveyRoadmap { file in
            let long = "score,comment\n7,kort\n8," + String(repeating: "x", count: 5_000_000) + "\n9,kort\n"
            let csv = try document(long)
            try csv.validateUTF8()
            try expectRefused(.badFile(path: "groot.csv", "line 3, column comment: field is longer than 1 MiB"), in: file) {
                _ = try file.importSurvey(csv, path: "groot.csv", metric: "tevredenheid", cycle: nil, rename: [:], dryRun: false)
            }
            #expect(try exportedResponses(file).isEmpty)
        }
    }

    @Test func aLineOfSeveralMegabytesIsRefusedNamingItsLine() throws {
        try withSurveyRoadmap { file in
            // Six fields of 900 000 bytes: none is too long, the line (5,4 MB) is.
            let field = String(repeating: "y", count: 900_000)
            let long = "score,comment\n7,kort\n" + Array(repeating: field, count: 6).joined(separator: ",") + "\n"
            try expectRefused(.badFile(path: "groot.csv", "line 3: line is longer than 4 MiB; is this a CSV file?"), in: file) {
                _ = try file.importSurvey(document(long), path: "groot.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                          dryRun: false)
            }
            #expect(try exportedResponses(file).isEmpty)
        }
    }

    @Test func invalidUTF8InACommentIsNamedWithItsLineAndColumn() throws {
        try withSurveyRoadmap { file in
            // Latin-1 "één" (0xE9 0xE9 0x6E) in the comment of the second response.
            let bytes = Array("score,comment\n7,goed\n8,".utf8) + [0xE9, 0xE9, 0x6E] + Array("\n9,prima\n".utf8)
            let csv = try CSVDocument(bytes: bytes)
            // As the command line checks it, before importing anything.
            let error = thrownError { try csv.validateUTF8() }
            #expect(error as? CSVError == CSVError(line: 3, column: "comment", message: Message("geen geldige UTF-8; sla het bestand op als CSV UTF-8", "not valid UTF-8; save the file as CSV UTF-8")))
            // And the import itself, for a caller that did not check.
            try expectRefused(.badFile(path: "latin1.csv", "line 3, column comment: not valid UTF-8; save the file as CSV UTF-8"),
                              in: file) {
                _ = try file.importSurvey(csv, path: "latin1.csv", metric: "tevredenheid", cycle: nil, rename: [:], dryRun: false)
            }
            #expect(try exportedResponses(file).isEmpty)
        }
    }

    @Test func anUnknownMetricOrNoOpenCycleIsRefused() throws {
        try withSurveyRoadmap { file in
            try expectRefused(.unknownRecord(.metric, "onbekend"), in: file) {
                _ = try file.importSurvey(document("score\n7\n"), path: "x.csv", metric: "onbekend", cycle: nil, rename: [:],
                                          dryRun: false)
            }
            try file.closeCycle(nil, note: nil)
            try expectRefused(.noOpenCycle, in: file) {
                _ = try file.importSurvey(document("score\n7\n"), path: "x.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                          dryRun: false)
            }
        }
    }

    // MARK: Privacy

    /// 19 responses: ten by app (score 8) and nine by web (score 6).
    private static let nineteen = "channel,score\n" + String(repeating: "app,8\n", count: 10) + String(repeating: "web,6\n", count: 9)

    @Test func aGroupOfNineIsSuppressedAndSoIsTheTenThatWouldGiveItAway() throws {
        try withSurveyRoadmap { file in
            #expect(try file.privacyThreshold() == 10)
            _ = try file.importSurvey(document(Self.nineteen), path: "x.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                  dryRun: false)
            let results = try file.surveyResults(metric: "tevredenheid", cycle: "C1")
            #expect(results.byChannel.map(\.label) == ["app", "web"])
            let app = results.byChannel[0], web = results.byChannel[1]
            // The overall 19 and app's ten would give web's nine away: (19 × mean − 80) / 9.
            #expect(web.suppressed && web.summary == nil)
            #expect(app.suppressed && app.summary == nil)
            #expect(isClose(results.overall.summary?.mean, 134.0 / 19))

            let json = results.json
            let groups = try #require(json["by_channel"]?.array)
            #expect(groups[1] == .object(JSONObject([("group", .string("web")), ("suppressed", .bool(true)), ("n", .null),
                                                     ("mean", .null), ("sd", .null)])))
            #expect(groups[0]["n"] == .null && groups[0]["mean"] == .null)
            // The distribution (8 ten times, 6 nine times) would give it away too: neither score is shown.
            #expect(results.distribution.map(\.score) == [] && results.otherScores == 19)

            // A threshold of 11 hides the ten as well; 20 hides everything.
            try file.setPrivacyThreshold(11)
            #expect(try file.surveyResults(metric: "tevredenheid", cycle: nil).byChannel.allSatisfy(\.suppressed))
            #expect(try file.surveyResults(metric: "tevredenheid", cycle: nil).overall.suppressed == false)
            try file.setPrivacyThreshold(20)
            let hidden = try file.surveyResults(metric: "tevredenheid", cycle: nil)
            #expect(hidden.overall.suppressed && hidden.distribution.isEmpty)
            #expect(hidden.json["distribution"] == .array([]))
            #expect(hidden.json["overall"]?["mean"] == .null && hidden.json["overall"]?["n"] == .null)
        }
    }

    @Test func aSurveyOfNineIsSuppressedInResultsAndInTheCycleReport() throws {
        try withSurveyRoadmap { file in
            let nine = "score\n" + String(repeating: "9\n", count: 4) + String(repeating: "7\n", count: 5)
            let result = try file.importSurvey(document(nine), path: "x.csv", metric: "tevredenheid", cycle: nil, rename: [:],
                                               dryRun: false)
            #expect(result.suppressed)
            let results = try file.surveyResults(metric: "tevredenheid", cycle: nil)
            #expect(results.overall.suppressed && results.distribution.isEmpty)

            let report = try file.cycleReport(nil)
            let row = try #require(report.comparisons.first { $0.slug == "tevredenheid" })
            #expect(row.verdict == .suppressed)
            #expect(row.current?.suppressed == true)
            #expect(row.change == nil && row.changeFromBaseline == nil && row.progress == nil)
            #expect(row.json["current"] == .object(JSONObject([("cycle", .string("C1")), ("suppressed", .bool(true))])))
            #expect(row.json["verdict"] == .string("suppressed"))
            #expect(row.json["change"] == .null)

            // A threshold of 9 shows it: (36 + 35) / 9 against the baseline 6.4.
            try file.setPrivacyThreshold(9)
            let shown = try #require(try file.cycleReport(nil).comparisons.first { $0.slug == "tevredenheid" })
            #expect(shown.verdict == .noVerdictPossible, "a baseline has no n: no verdict on chance")
            #expect(isClose(shown.current?.summary.mean, 71.0 / 9))
            #expect(isClose(shown.change, 71.0 / 9 - 6.4))
            #expect(try file.surveyResults(metric: "tevredenheid", cycle: nil).overall.n == 9)
        }
    }

    @Test func theThresholdIsAtLeastOneAndItsChangeIsLogged() throws {
        try withSurveyRoadmap { file in
            for value in [0, -3] {
                try expectRefused(.inconsistent("the threshold must be at least 1 respondent"), in: file) {
                    try file.setPrivacyThreshold(value, allowSmallGroups: true)
                }
            }
            try file.setPrivacyThreshold(5)
            #expect(try file.privacyThreshold() == 5)
            let entry = try file.log(limit: 1)[0]
            #expect(entry.record == "setting:privacy_threshold" && entry.summary == "set privacy_threshold to 5")
        }
    }

    // MARK: Comments

    @Test func commentsCanBeMarkedQuotableAndBack() throws {
        try withSurveyRoadmap { file in
            try importSpring(file)
            let comments = try file.surveyComments(metric: "tevredenheid", cycle: "C1")
            #expect(comments.map(\.comment) == springComments)
            #expect(comments.map(\.score) == [8, 7, 5])
            #expect(comments.allSatisfy { !$0.quotable && $0.cycle == "C1" && $0.metric == "tevredenheid" })
            let id = comments[1].id

            let audit = try file.auditLength()
            try file.setQuotable([id], true)
            #expect(try file.surveyComments(metric: nil, cycle: nil).map(\.quotable) == [false, true, false])
            #expect(try file.auditLength() == audit + 1)
            let entry = try file.log(limit: 1)[0]
            #expect(entry.action == "edit" && entry.record == "response:\(id)")
            #expect(entry.summary == "marked comment \(id) as quotable")
            // Marking it again changes nothing and logs nothing.
            try file.setQuotable([id], true)
            #expect(try file.auditLength() == audit + 1)
            #expect(try exportedResponses(file).filter { $0["quotable"] == .bool(true) }.map { $0["id"]?.int } == [id])

            try file.setQuotable([id], false)
            #expect(try file.surveyComments(metric: nil, cycle: nil).allSatisfy { !$0.quotable })
            #expect(try file.log(limit: 1)[0].summary == "marked comment \(id) as not quotable")
            #expect(try file.auditLength() == audit + 2)

            // An unknown id, or a response without a comment, is refused, and none of the list is marked.
            let withoutComment = try #require(try exportedResponses(file).first { $0["comment"]?.isNull == true }?["id"]?.int)
            for ids in [[comments[0].id, 999], [withoutComment]] {
                let bad = ids.last!
                try expectRefused(.inconsistent("there is no survey comment \(bad); see 'molensloot survey comments'"), in: file) {
                    try file.setQuotable(ids, true)
                }
            }
        }
    }

    @Test func commentsAreFilteredByMetricAndCycle() throws {
        try withSurveyRoadmap { file in
            try file.makeMetric("bereikbaarheid", extra: [.scaleMin: "1", .scaleMax: "5"])
            try importSpring(file)
            _ = try file.importSurvey(document("score,comment\n4,\"Goed bereikbaar\"\n"), path: "b.csv", metric: "bereikbaarheid",
                                  cycle: nil, rename: [:], dryRun: false)
            try file.closeCycle(nil, note: nil, end: "2014-06-30")
            try file.openCycle(name: "Zomer 2014", start: "2014-07-01", end: nil)
            _ = try file.importSurvey(document("score,comment\n9,\"Prima\"\n"), path: "z.csv", metric: "tevredenheid", cycle: nil,
                                  rename: [:], dryRun: false)
            #expect(try file.surveyComments(metric: nil, cycle: nil).count == 5)
            #expect(try file.surveyComments(metric: "bereikbaarheid", cycle: nil).map(\.comment) == ["Goed bereikbaar"])
            #expect(try file.surveyComments(metric: "tevredenheid", cycle: "C2").map(\.comment) == ["Prima"])
            #expect(try file.surveyComments(metric: "tevredenheid", cycle: "C1").map(\.comment) == springComments)
            #expect(throws: DomainError.unknownRecord(.cycle, "C9")) { try file.surveyComments(metric: nil, cycle: "C9") }
        }
    }
}
