import Foundation
import SixSteps
import Site
import Testing

/// Every claim on the site checked against the numbers beside it, on a roadmap made for it.
///
/// Two cycles, C1 and C2, of five grades (1 to 10, baseline 6):
/// - ruis: 6.5 → 6.7 with n 20 and sd 1.5 each: Welch p ≈ 0.68, within the noise.
/// - echt: 6.5 → 7 with n 200 and sd 1.5 each: p ≈ 0.0009, beyond the noise: improved.
/// - slechter: 7 → 6.5 with n 200 and sd 1.5: beyond the noise: worse.
/// - onbekend: 6.5 → 7 without n: no verdict on chance possible.
/// - bijna: 7.2 → 7.46 (n 400, sd 1; p ≈ 0.0003, improved) with target 7.5: must never read as 7,5.
/// - algemeen: from responses, 6.5 → 7 with six each: within the noise.
/// Survey responses on the journey mor carry phases but belong to a metric of no journey, so the
/// journey map has a measured curve and no phase scores. C1 has the contact and afronding phases
/// only (not neighbours: no dashed line can be drawn for it).
@Suite struct ClaimTests {
    static func build(_ language: Language) throws -> [String: String] {
        let folder = try Fixture.folder()
        let file = try RoadmapFile.create(path: folder.appendingPathComponent("roadmap.sqlite").path, actor: "test",
                                          municipality: "Molensloot")
        try file.addJourney(slug: "mor", input: [.name: "Melding openbare ruimte"])
        let grade: [FieldKey: String] = [.unit: "cijfer", .scaleMin: "1", .scaleMax: "10", .baseline: "6"]
        for slug in ["ruis", "echt", "slechter", "onbekend"] {
            try file.add(.metric, slug: slug, input: grade.merging([.name: "Meting \(slug)", .target: "8"]) { $1 })
        }
        try file.add(.metric, slug: "bijna", input: grade.merging([.name: "Meting bijna", .target: "7,5"]) { $1 })
        try file.add(.metric, slug: "algemeen", input: [.name: "Algemeen oordeel", .unit: "cijfer", .scaleMin: "1", .scaleMax: "10"])
        try file.setPrivacyThreshold(3, allowSmallGroups: true)
        func survey(_ rows: [(String, Int)]) throws -> CSVDocument {
            let lines = ["journey;phase;score"] + rows.map { "mor;\($0.0);\($0.1)" }
            return try CSVDocument(bytes: Array(lines.joined(separator: "\n").utf8))
        }
        try file.openCycle(name: "Voorjaar", start: "2014-03-01", end: "2014-06-30")
        for (slug, value, n, sd) in [("ruis", "6,5", "20", "1,5"), ("echt", "6,5", "200", "1,5"), ("slechter", "7", "200", "1,5"),
                                     ("onbekend", "6,5", nil, nil), ("bijna", "7,2", "400", "1")] {
            try file.measure(metric: slug, value: value, n: n, sd: sd)
        }
        _ = try file.importSurvey(survey([("contact", 7), ("contact", 8), ("contact", 6), ("afronding", 5), ("afronding", 6), ("afronding", 7)]),
                                  path: "c1.csv", metric: "algemeen", cycle: nil, rename: [:], dryRun: false)
        try file.closeCycle(nil, note: nil)
        try file.openCycle(name: "Zomer", start: "2014-07-01", end: "2014-09-30")
        for (slug, value, n, sd) in [("ruis", "6,7", "20", "1,5"), ("echt", "7", "200", "1,5"), ("slechter", "6,5", "200", "1,5"),
                                     ("onbekend", "7", nil, nil), ("bijna", "7,46", "400", "1")] {
            try file.measure(metric: slug, value: value, n: n, sd: sd)
        }
        _ = try file.importSurvey(survey([("contact", 7), ("contact", 8), ("contact", 6), ("uitvoering", 7), ("uitvoering", 6),
                                          ("uitvoering", 8)]),
                                  path: "c2.csv", metric: "algemeen", cycle: nil, rename: [:], dryRun: false)
        let out = folder.appendingPathComponent("site")
        _ = try SiteBuilder.build(file, to: out.path, language: language, today: ISODate("2014-10-15") ?? .today())
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".html") {
            pages[name] = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        }
        return pages
    }

    static let dutch = Result { try build(.nl) }
    static let english = Result { try build(.en) }

    static func pages(_ language: Language) throws -> [String: String] {
        try (language == .nl ? dutch : english).get()
    }

    /// The table rows of a page, as their markup.
    static func tableRows(_ html: String) -> [String] {
        html.components(separatedBy: "<table").dropFirst().flatMap { table in
            (table.components(separatedBy: "</table>").first ?? "").components(separatedBy: "<tr").dropFirst()
        }
    }

    /// The markup of the tables of a page, without what stands around them.
    static func tables(_ html: String) -> String {
        html.components(separatedBy: "<table").dropFirst().map { $0.components(separatedBy: "</table>").first ?? "" }.joined()
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The row of a metric in a table of metrics; on the metric's own page, its row for C2.
    static func row(_ html: String, metric: String) throws -> String {
        if let found = tableRows(html).first(where: { $0.contains("meting-\(metric).html") }) { return found }
        return try #require(tableRows(html).first { $0.contains("href=\"c2.html\"") && $0.contains("badge") }, "no row for \(metric)")
    }

    static let within = ["nl": "kan toeval zijn", "en": "could be chance"]
    static let unknown = ["nl": "niet te zeggen", "en": "cannot tell"]

    @Test(arguments: Language.allCases)
    func noImprovedOrWorseWithinTheNoise(_ language: Language) throws {
        let pages = try Self.pages(language)
        #expect(pages.count > 10)
        for (name, html) in pages {
            for row in Self.tableRows(html) where row.contains("badge improved") || row.contains("badge worse") {
                #expect(!row.contains(Self.within[language.rawValue] ?? "-"), "\(name): a green or red verdict beside a change within the noise")
                #expect(!row.contains(Self.unknown[language.rawValue] ?? "-"), "\(name): a green or red verdict without n or spread")
            }
            #expect(!html.contains("p = 0)") && !html.contains("p = 0 ") && !html.contains("p = 0,00)"), "\(name): a p-value written as 0")
        }
        for name in ["c2.html", "meting-ruis.html"] {
            let html = try #require(pages[name])
            #expect(try Self.row(html, metric: "ruis").contains("badge neutral"), "\(name)")
        }
        let cycle = try #require(pages["c2.html"])
        #expect(try Self.row(cycle, metric: "ruis").contains(language.t("geen duidelijke verandering", "no clear change")))
        #expect(try Self.row(cycle, metric: "echt").contains("badge improved"))
        #expect(try Self.row(cycle, metric: "slechter").contains("badge worse"))
        #expect(try Self.row(cycle, metric: "onbekend").contains(language.t("geen oordeel mogelijk", "no verdict possible")))
        #expect(!(try Self.row(cycle, metric: "onbekend").contains("badge improved")))
    }

    /// The figures above a table count the verdicts in the table; every verdict says what it
    /// compares with.
    @Test(arguments: Language.allCases)
    func countsAgreeWithTheirTables(_ language: Language) throws {
        let pages = try Self.pages(language)
        for name in ["index.html", "c2.html", "rapport-c2.html"] {
            let html = try #require(pages[name])
            let tables = Self.tables(html)
            let labels: [(String, String)] = [("improved", language.t("verbeterd", "improved")), ("worse", language.t("verslechterd", "worse")),
                                              ("no_clear_change", language.t("geen duidelijke verandering", "no clear change")),
                                              ("no_verdict_possible", language.t("geen oordeel mogelijk", "no verdict possible"))]
            for (verdict, label) in labels {
                let figure = try #require(html.range(of: "<li class=\"verdict-\(verdict)\"><strong>"), "\(name): no figure for \(verdict)")
                let number = Int(html[figure.upperBound...].prefix { $0.isNumber })
                #expect(number == Self.count("\">\(label)</span>", in: tables), "\(name): the figure for \(verdict) disagrees with the table")
            }
            #expect(Self.count("badge improved", in: tables) == 2 && Self.count("badge worse", in: tables) == 1, "\(name)")
        }
        let dashboard = try #require(pages["index.html"])
        #expect(try Self.row(dashboard, metric: "echt").contains(language.t("t.o.v. ", "vs. ") + "<a href=\"c1.html\">C1</a>"))
        let cycles = try #require(pages["cycli.html"])
        let c2 = try #require(Self.tableRows(cycles).first { $0.contains("c2.html") })
        let cells = c2.components(separatedBy: "<td class=\"num\"").dropFirst().map { $0.drop { $0 != ">" }.dropFirst().prefix { $0.isNumber } }
        #expect(cells == ["2", "1", "2", "1"], "improved (echt, bijna), worse, no clear change (ruis, algemeen), no verdict possible")
    }

    /// One precision per metric: 7.46 short of the target 7.5 is written 7,46 everywhere, and so
    /// is its interval.
    @Test func aValueNeverRoundsOntoItsTarget() throws {
        let pages = try Self.pages(.nl)
        for name in ["index.html", "c2.html", "rapport-c2.html", "meting-bijna.html", "metingen.html"] {
            let html = try #require(pages[name])
            let row = try Self.row(html, metric: "bijna")
            #expect(row.contains("7,46"), "\(name): \(row)")
            #expect(!row.contains(">7,5<") && !row.contains(">7,5 ("), "\(name)")
        }
        let metric = try #require(pages["meting-bijna.html"])
        // 7.46 ± 1.966 · 1 / √400 ≈ 7.36 – 7.56, with the metric's two decimals.
        #expect(metric.contains("7,36 – 7,56"))
    }

    /// The journey map's key and the chart's legend say what the page shows.
    @Test(arguments: Language.allCases)
    func theJourneyMapSaysWhatItShows(_ language: Language) throws {
        let html = try #require(try Self.pages(language)["klantreis-mor.html"])
        #expect(html.contains("curve-line current"), "the measured curve is drawn")
        #expect(!html.contains(language.t("nog geen enquête", "No survey has been held")), "no 'no survey' beside a curve")
        #expect(html.contains("curve-point previous"), "C1 is drawn as open circles")
        #expect(!html.contains(language.t("streepjeslijn", "dashed line")), "C1 has no neighbouring phases, so no dashed line is drawn or promised")
    }

    /// Readers of the site get no command lines.
    @Test(arguments: Language.allCases)
    func noCommandLinesForReaders(_ language: Language) throws {
        for (name, html) in try Self.pages(language) {
            #expect(!html.contains("molensloot "), "\(name)")
        }
    }
}
