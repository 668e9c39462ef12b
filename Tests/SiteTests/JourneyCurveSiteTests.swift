import Foundation
import SixSteps
import Site
import Testing

/// The measured journey curve on the journey map page, against responses worked out by hand.
///
/// Privacy threshold 3. The journey mor has the five default phases; its contact phase is named
/// with a script in it, and so is the persona ouders.
///
/// - C1 "Voorjaar 2014": contact 6 7 8 (mean 7), uitvoering 6 6 6 (mean 6), afronding 5 6 7 (mean 6).
/// - C2 "Voorjaar 2015":
///   - contact: ouders 6 8 10, no persona 5 6 7 8 9 7 9: n 10, mean 7.5, sd √2.5, standard error
///     0.5, interval 7.5 ± 2.262157 · 0.5 = 6.37 – 8.63; 0.5 up from C1.
///   - uitvoering: 7 9: two responses, too few.
///   - afronding: ouders 4 5, no persona 9: n 3. Shown, the 18 responses of C2 less the phases
///     shown would be uitvoering's 2, so afronding is suppressed too.
///   - evaluatie: ouders 7 7 8: n 3, mean 22/3, interval 22/3 ± 4.302653 / 3 = 5.90 – 8.77; not in C1.
///   - The ouders gave 8 responses: contact 3, afronding 2 (too few), evaluatie 3. Their contact
///     is suppressed as well, or 8 − 3 − 3 would give their afronding away.
/// - The metric bereikbaarheid (also mor's) has C2 contact 5 5 and afronding 2 only: every phase too few.
/// - The journey leeg has no responses.
@Suite struct JourneyCurveSiteTests {
    static let script = "<script>alert(1)</script>"
    static let escapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;"

    static func build(_ language: Language) throws -> [String: String] {
        let folder = try Fixture.folder()
        let file = try RoadmapFile.create(path: folder.appendingPathComponent("roadmap.sqlite").path, actor: "test",
                                          municipality: "Molensloot")
        try file.addJourney(slug: "mor", input: [.name: "Melding openbare ruimte"],
                            phases: [("orientatie", "Oriëntatie"), ("contact", "Contact \(script)"), ("uitvoering", "Uitvoering"),
                                     ("afronding", "Afronding"), ("evaluatie", "Evaluatie")])
        try file.addJourney(slug: "leeg", input: [.name: "Lege reis"])
        try file.add(.persona, slug: "ouders", input: [.name: "Ouders \(script)"])
        try file.add(.metric, slug: "tevredenheid", input: [.name: "Tevredenheid", .unit: "cijfer", .scaleMin: "1",
                                                           .scaleMax: "10", .journey: "mor"])
        try file.add(.metric, slug: "bereikbaarheid", input: [.name: "Bereikbaarheid", .unit: "cijfer", .scaleMin: "1",
                                                             .scaleMax: "10", .journey: "mor"])
        try file.setPrivacyThreshold(3, allowSmallGroups: true)
        func survey(_ rows: [(String, String, Int)]) throws -> CSVDocument {
            let lines = ["journey;phase;persona;score"] + rows.map { "mor;\($0.0);\($0.1);\($0.2)" }
            return try CSVDocument(bytes: Array(lines.joined(separator: "\n").utf8))
        }
        try file.openCycle(name: "Voorjaar 2014", start: "2014-03-01", end: "2014-06-30")
        _ = try file.importSurvey(
            survey([("contact", "", 6), ("contact", "", 7), ("contact", "", 8), ("uitvoering", "", 6), ("uitvoering", "", 6),
                    ("uitvoering", "", 6), ("afronding", "", 5), ("afronding", "", 6), ("afronding", "", 7)]),
            path: "c1.csv", metric: "tevredenheid", cycle: nil, rename: [:], dryRun: false)
        try file.closeCycle(nil, note: nil)
        try file.openCycle(name: "Voorjaar 2015", start: "2015-03-01", end: "2015-06-30")
        _ = try file.importSurvey(
            survey([6, 8, 10].map { ("contact", "ouders", $0) } + [5, 6, 7, 8, 9, 7, 9].map { ("contact", "", $0) }
                    + [("uitvoering", "", 7), ("uitvoering", "", 9)]
                    + [("afronding", "ouders", 4), ("afronding", "ouders", 5), ("afronding", "", 9)]
                    + [7, 7, 8].map { ("evaluatie", "ouders", $0) }),
            path: "c2.csv", metric: "tevredenheid", cycle: nil, rename: [:], dryRun: false)
        _ = try file.importSurvey(survey([("contact", "", 5), ("contact", "", 5), ("afronding", "", 2)]),
                                  path: "bereikbaarheid.csv", metric: "bereikbaarheid", cycle: nil, rename: [:], dryRun: false)
        let out = folder.appendingPathComponent("site")
        _ = try SiteBuilder.build(file, to: out.path, language: language, today: ISODate("2015-07-01") ?? .today())
        var pages: [String: String] = [:]
        for name in ["klantreis-mor.html", "klantreis-leeg.html"] {
            pages[name] = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        }
        return pages
    }

    static let dutch = Result { try build(.nl) }
    static let english = Result { try build(.en) }

    static func page(_ language: Language, _ name: String = "klantreis-mor.html") throws -> String {
        try #require(try (language == .nl ? dutch : english).get()[name])
    }

    /// The rows of the table whose caption starts with `caption`, each cell as its text.
    static func rows(_ html: String, caption: String) throws -> [[String]] {
        let start = try #require(html.range(of: "<caption>" + caption), "no table captioned \(caption)")
        let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let table = String(html[start.upperBound..<end.lowerBound])
        let body = try #require(table.range(of: "<tbody>"))
        return table[body.upperBound...].components(separatedBy: "<tr>").dropFirst().map { row in
            row.components(separatedBy: "<td").dropFirst().map { cell in
                let inner = cell.drop { $0 != ">" }.dropFirst()
                let content = inner.components(separatedBy: "</td>").first ?? ""
                return HTMLScan.unescape(content.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression))
            }
        }
    }

    /// The part of the page from `marker` to the first `end` after it.
    static func slice(_ html: String, from marker: String, to end: String) throws -> String {
        let start = try #require(html.range(of: marker), "\(marker) is not on the page")
        let stop = try #require(html.range(of: end, range: start.upperBound..<html.endIndex), "no \(end) after \(marker)")
        return String(html[start.lowerBound..<stop.upperBound])
    }

    /// The SVG of the curve against the previous cycle, from its title to its end.
    static func cycleChart(_ html: String) throws -> String {
        try slice(html, from: #"id="kromme-tevredenheid-grafiek-titel""#, to: "</svg>")
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func theTableBehindTheChartHasTheNumbersOfTheSurvey() throws {
        let html = try Self.page(.nl)
        let rows = try Self.rows(html, caption: "‘Tevredenheid’ per fase: Voorjaar 2015 (C2), met Voorjaar 2014 (C1) ter vergelijking")
        #expect(rows.count == 5)
        #expect(rows.map { Array($0.prefix(5)) } == [
            ["Oriëntatie", "0", "–", "–", "–"],
            ["Contact \(Self.script)", "10", "7,5", "6,37 – 8,63", "7"],
            ["Uitvoering", "afgeschermd", "afgeschermd", "–", "6"],
            ["Afronding", "afgeschermd", "afgeschermd", "–", "6"],
            ["Evaluatie", "3", "7,33", "5,9 – 8,77", "–"],
        ])
        #expect(rows.map { $0.last ?? "" }.map { $0.hasPrefix("+0,5") } == [false, true, false, false, false])
        #expect(rows[1].last?.contains("kan toeval zijn") == true)
        #expect(rows[0].last == "–" && rows[2].last == "–" && rows[3].last == "–" && rows[4].last == "–")
        // Nothing on the page gives the hidden phases away: not their n, not their mean.
        #expect(!html.contains("n = 2"))
        #expect(!rows.flatMap { $0 }.contains("2"))
    }

    @Test func theChartShowsNUnderEachPointAndSaysWhereThereAreTooFew() throws {
        let chart = try Self.cycleChart(try Self.page(.nl))
        #expect(chart.contains(">n = 10</text>"))
        #expect(Self.count(">n = 3</text>", in: chart) == 1)
        #expect(Self.count(">niet</text>", in: chart) == 2 && Self.count(">getoond</text>", in: chart) == 2)
        // The text alternative has every phase's number, and never the suppressed mean.
        let description = try Self.slice(chart, from: #"id="kromme-tevredenheid-grafiek-uitleg">"#, to: "</desc>")
        #expect(description.contains("Contact \(Self.escapedScript): 7,5 (n = 10), eerder 7"))
        #expect(description.contains("Uitvoering: afgeschermd, eerder 6"))
        #expect(description.contains("Afronding: afgeschermd, eerder 6"))
        #expect(description.contains("Evaluatie: 7,3 (n = 3)"))
        #expect(!description.contains("Uitvoering: 8") && !description.contains("Afronding: 6"))
    }

    @Test func thePreviousCycleIsADashedLineBesideTheCurrentOneWithAGapWhereTooFewAnswered() throws {
        let chart = try Self.cycleChart(try Self.page(.nl))
        let polylines = HTMLScan.tags(chart).filter { $0.name == "polyline" }
        let current = polylines.filter { $0.attributes["class"] == "curve-line current" }
        let previous = polylines.filter { $0.attributes["class"] == "curve-line previous" }
        // C2: contact and evaluatie, with nothing between them to join.
        #expect(current.isEmpty)
        // C1: contact, uitvoering and afronding in one line.
        #expect(previous.count == 1)
        #expect(previous.first.map { ($0.attributes["points"] ?? nil)?.split(separator: " ").count } == 3)
        let circles = HTMLScan.tags(chart).filter { $0.name == "circle" }
        #expect(circles.filter { $0.attributes["class"] == "curve-point current" }.count == 2)
        #expect(circles.filter { $0.attributes["class"] == "curve-point previous" }.count == 3)
        let legend = try Self.slice(try Self.page(.nl), from: #"<ul class="curve-legend">"#, to: "</ul>")
        #expect(legend.contains("Voorjaar 2015 (C2): gemiddelde met 95%-interval"))
        #expect(legend.contains("Voorjaar 2014 (C1): gemiddelde (open rondjes, streepjeslijn)"))
    }

    @Test func personasGetTheirOwnLabelledLinesAndTable() throws {
        let html = try Self.page(.nl)
        let chart = try Self.slice(html, from: #"id="kromme-tevredenheid-persona-grafiek-titel""#, to: "</svg>")
        // One marker for the ouders' evaluatie; their afronding (2 responses) is not drawn, nor
        // their contact, which would give it away.
        let markers = HTMLScan.tags(chart).filter { ($0.attributes["class"] ?? nil)?.hasPrefix("curve-marker") == true }
        #expect(markers.count == 1)
        #expect(chart.contains("Ouders \(Self.escapedScript): Oriëntatie –, Contact \(Self.escapedScript) afgeschermd, "
                               + "Uitvoering –, Afronding afgeschermd, Evaluatie 7,3."))
        let legend = try Self.slice(html, from: #"id="kromme-tevredenheid-persona-grafiek-titel""#, to: "</ul>")
        #expect(legend.hasSuffix("Ouders \(Self.escapedScript)</li></ul>"))
        let rows = try Self.rows(html, caption: "‘Tevredenheid’ per fase en per persona: Voorjaar 2015 (C2)")
        #expect(rows.map { Array($0.prefix(4)) } == [
            ["Ouders \(Self.script)", "Contact \(Self.script)", "afgeschermd", "afgeschermd"],
            ["Ouders \(Self.script)", "Afronding", "afgeschermd", "afgeschermd"],
            ["Ouders \(Self.script)", "Evaluatie", "3", "7,33"],
        ])
    }

    @Test func namesPeopleTypedAreEscaped() throws {
        for language in [Language.nl, .en] {
            let html = try Self.page(language)
            #expect(!html.contains(Self.script))
            #expect(html.contains("Ouders \(Self.escapedScript)"))
            #expect(html.contains("Contact \(Self.escapedScript)"))
            let scripts = HTMLScan.tags(html).filter { $0.name == "script" }
            #expect(scripts.count == 1 && scripts.first?.attributes["src"] == "assets/site.js")
        }
    }

    @Test func inEnglishTheWordsAndNumbersAreEnglish() throws {
        let html = try Self.page(.en)
        #expect(html.contains(">Measured journey</h2>"))
        let rows = try Self.rows(html, caption: "‘Tevredenheid’ per phase: Voorjaar 2015 (C2), with Voorjaar 2014 (C1) for comparison")
        #expect(rows.map { Array($0.prefix(5)) } == [
            ["Oriëntatie", "0", "–", "–", "–"],
            ["Contact \(Self.script)", "10", "7.5", "6.37 – 8.63", "7"],
            ["Uitvoering", "suppressed", "suppressed", "–", "6"],
            ["Afronding", "suppressed", "suppressed", "–", "6"],
            ["Evaluatie", "3", "7.33", "5.9 – 8.77", "–"],
        ])
        #expect(!html.contains("Gemeten klantreis"))
    }

    @Test func aCurveWithEveryPhaseSuppressedGetsASentenceInsteadOfAChart() throws {
        let html = try Self.page(.nl)
        let block = try Self.slice(html, from: #"<div class="curve" id="kromme-bereikbaarheid">"#, to: "</div>")
        #expect(block.contains("In Voorjaar 2015 (C2) is het cijfer van elke fase afgeschermd: te weinig antwoorden, of uit de andere cijfers af te leiden."))
        #expect(!block.contains("<svg") && !block.contains(">5<") && !block.contains(">2<"))
        #expect(!html.contains("kromme-bereikbaarheid-grafiek"))
        // The curves come in the order of their metrics' slugs.
        let first = try #require(html.range(of: #"id="kromme-bereikbaarheid""#))
        let second = try #require(html.range(of: #"id="kromme-tevredenheid""#))
        #expect(first.lowerBound < second.lowerBound)
    }

    @Test func aJourneyWithoutResponsesInAPhaseGetsOneSentenceAndNoChart() throws {
        let html = try Self.page(.nl, "klantreis-leeg.html")
        #expect(html.contains("De gemeten klantreis verschijnt hier zodra er enquête-antwoorden met een fase zijn ingelezen."))
        #expect(!html.contains("kromme-"))
        #expect(!html.contains("curve-line"))
        // And the journey with responses has the chart.
        #expect(try Self.page(.nl).contains(#"id="kromme-tevredenheid-grafiek-titel""#))
    }
}
