import Foundation
import SixSteps
import Site
import Testing

/// Assumptions on step 1 (and their test per cycle on step 2), and repeat contacts and channel
/// switches on step 2, from a roadmap with a hand-made file of contact registrations.
@Suite struct RepeatContactSiteTests {
    /// Twenty-five contacts of fourteen keys. Cycles: C1 "Voorjaar 2014" 2014-03-01 – 04-30,
    /// C2 "Zomer 2014" 2014-05-01 – 06-30. A case is a key's contacts within 30 days of its first.
    ///
    /// C1: cases A (101: telefoon, web, telefoon), B (102: app, app exactly 30 days later),
    /// C (103: web), D (103 again 30 days and 1 s later: telefoon), E (104: telefoon),
    /// N (112: telefoon, web), F (105: web, telefoon in May) = 7 cases; with a repeat contact
    /// A B N F = 4 (57%); switching A N F = 3 (43%).
    ///
    /// C2: G (106: telefoon, telefoon), H (107: web, Paspoort), I (108: app), J (109: balie, no
    /// reason or journey), L (101 again in June: e-mail), P (113: telefoon, telefoon),
    /// Q (114: web, app) = 7 cases; repeat G P Q = 3 (43%); switching Q = 1 (14%). The change:
    /// 300/7 − 400/7 = −14,3 points. Reasons: Afval (G I L P Q) 5 cases, 3 repeat, 60%;
    /// Paspoort (H) 1 case. Journeys: mor (G I L P Q) 5, 3, 60%; paspoort (H) 1. Flows, first
    /// to second contact: telefoon → telefoon (G, P) 2, web → app (Q) 1.
    ///
    /// K (110, February) and M (111, July) lie outside both cycles.
    static let contacts = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let shared = (try? String(contentsOf: folder.appendingPathComponent("Fixtures/contacts.csv"), encoding: .utf8)) ?? ""
        // The shared file of the other test targets, with P (113) and Q (114) added.
        return shared.trimmingCharacters(in: .newlines) + "\n" + """
            2014-05-10 10:00;telefoon;Afval;Z-ZAAKNUMMER-000113;mor
            2014-05-11 10:00;telefoon;Afval;Z-ZAAKNUMMER-000113;mor
            2014-06-05 09:00;web;Afval;Z-ZAAKNUMMER-000114;mor
            2014-06-06 09:00;app;Afval;Z-ZAAKNUMMER-000114;mor

            """
    }()

    static let scriptTitle = #"Aanname <script>alert("h4")</script> & meer"#

    struct Built {
        let folder: URL
        let pages: [String: String]

        func page(_ name: String) throws -> String { try #require(pages[name], "\(name) is missing") }
    }

    /// The roadmap with the contacts and four assumptions, its site built in Dutch:
    ///
    /// - H1 metric cijfer >= 7, measured 7,5 in C1 (no n, so no interval): confirmed, "klopt";
    /// - H2 repeat-share <= 10: C1 57%, C2 43%, refuted; with 7 cases the interval is wide, so a
    ///   close call: "klopt niet (nipt)";
    /// - H3 insight I1 not judged: "nog niet te toetsen";
    /// - H4 insight I1 judged confirmed, with markup in its title: "klopt".
    static func build(threshold: Int) throws -> Built {
        let folder = try Fixture.folder()
        let file = try RoadmapFile.create(path: folder.appendingPathComponent("roadmap.sqlite").path, actor: "test",
                                          municipality: "Gemeente Molensloot")
        try file.addJourney(slug: "mor", input: [.name: "Melding openbare ruimte"])
        try file.addJourney(slug: "paspoort", input: [.name: "Paspoort aanvragen"])
        try file.add(.cycle, input: [.name: "Voorjaar 2014", .status: "closed", .startDate: "2014-03-01", .endDate: "2014-04-30"])
        try file.add(.cycle, input: [.name: "Zomer 2014", .status: "open", .startDate: "2014-05-01", .endDate: "2014-06-30"])
        _ = try file.importVolumes(CSVDocument(bytes: Array(contacts.utf8)), path: "registraties.csv", dryRun: false, key: { testKey })
        try file.setPrivacyThreshold(threshold, allowSmallGroups: true)
        try file.add(.metric, slug: "cijfer", input: [.name: "Rapportcijfer", .unit: "cijfer"])
        try file.add(.measurement, input: [.metric: "cijfer", .cycle: "C1", .value: "7,5"])
        try file.add(.insight, input: [.kind: "need", .title: "Melders willen horen wat er gebeurt"])
        try file.add(.assumption, input: [.title: "Inwoners geven minstens een 7", .test: "metric", .metric: "cijfer", .expect: ">= 7"])
        try file.add(.assumption, input: [.title: "Bijna iedereen is na één contact geholpen", .test: "repeat-share",
                                          .expect: "<= 10"])
        try file.add(.assumption, input: [.title: "Melders willen vooral snelheid", .test: "insight", .insight: "I1"])
        try file.add(.assumption, input: [.title: scriptTitle, .test: "insight", .insight: "I1", .verdict: "confirmed"])
        let out = folder.appendingPathComponent("site")
        _ = try SiteBuilder.build(file, to: out.path, language: .nl, today: ISODate("2014-06-15") ?? .today())
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".html") {
            pages[name] = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        }
        return Built(folder: folder, pages: pages)
    }

    static let shown = Result { try build(threshold: 2) }
    /// At 1 nothing is suppressed: every flow is drawn.
    static let everything = Result { try build(threshold: 1) }
    static let hidden = Result { try build(threshold: 8) }

    /// The part of `html` from the element with `id` to the end of that element (`</tag>`).
    static func element(_ tag: String, id: String, in html: String) throws -> String {
        let pattern = "<\(tag)\\b[^>]*\\bid=\"\(id)\"[^>]*>"
        let start = try #require(html.range(of: pattern, options: .regularExpression), "no <\(tag) id=\"\(id)\">")
        let end = try #require(html.range(of: "</\(tag)>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The text of each cell of each row of the tables in `html`, tags removed, entities decoded.
    static func rows(_ html: String) -> [[String]] {
        var rows: [[String]] = []
        var rest = html[...]
        while let open = rest.range(of: "<tr>"), let close = rest.range(of: "</tr>", range: open.upperBound..<rest.endIndex) {
            let row = rest[open.upperBound..<close.lowerBound]
            var cells: [String] = []
            var cellRest = row
            while let cellOpen = cellRest.range(of: "<t[dh][^>]*>", options: .regularExpression),
                  let cellClose = cellRest.range(of: "</t[dh]>", options: .regularExpression, range: cellOpen.upperBound..<cellRest.endIndex) {
                cells.append(text(String(cellRest[cellOpen.upperBound..<cellClose.lowerBound])))
                cellRest = cellRest[cellClose.upperBound...]
            }
            rows.append(cells)
            rest = rest[close.upperBound...]
        }
        return rows
    }

    static func text(_ html: String) -> String {
        HTMLScan.unescape(html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Step 1: the assumptions

    @Test func stepOneShowsEachAssumptionAsACardWithItsVerdict() throws {
        let page = try Self.shown.get().page("stap-1.html")
        let section = try Self.element("section", id: "aannames", in: page)
        #expect(section.contains("4 aannames over inwoners vastgelegd"))
        #expect(section.contains("2 kloppen, 1 kloppen niet en 1 zijn nog niet te toetsen"))
        let verdicts = ["h1": "klopt", "h2": "klopt niet (nipt)", "h3": "nog niet te toetsen", "h4": "klopt"]
        for (id, verdict) in verdicts {
            let card = try Self.element("article", id: id, in: section)
            let badge = try #require(card.range(of: #"<span class="badge [a-z]+">[^<]*</span>"#, options: .regularExpression),
                                     "\(id) has no badge")
            #expect(Self.text(String(card[badge])) == verdict, "\(id)")
        }
        // The tone follows the verdict; the wrong ones come first.
        #expect(try Self.element("article", id: "h2", in: section).contains(#"class="assumption worse""#))
        #expect(try Self.element("article", id: "h1", in: section).contains(#"class="assumption good""#))
        #expect(try Self.element("article", id: "h3", in: section).contains(#"class="assumption neutral""#))
        let order = ["h2", "h1", "h4", "h3"].compactMap { id in section.range(of: #"id="\#(id)""#)?.lowerBound }
        #expect(order.count == 4 && order == order.sorted(), "refuted, then confirmed, then not testable")
        // What H2 measured: 43% in Zomer 2014 from 7 cases.
        let h2 = Self.text(try Self.element("article", id: "h2", in: section))
        #expect(h2.contains("gemeten 42,9% in Zomer 2014 (7 waarnemingen)"), "\(h2)")
        #expect(h2.contains("hoogstens 10%"))
    }

    @Test func anAssumptionTitleNeverBecomesMarkup() throws {
        let site = try Self.shown.get()
        let card = try Self.element("article", id: "h4", in: try site.page("stap-1.html"))
        #expect(card.contains("Aanname &lt;script&gt;alert("))
        #expect(card.contains("&amp; meer"))
        for (name, html) in site.pages {
            #expect(!html.contains("<script>alert"), "\(name) holds the title's script")
            for tag in HTMLScan.tags(html) where tag.name == "script" {
                #expect(tag.attributes["src"] == "assets/site.js", "\(name): a script that is not ours")
            }
        }
    }

    @Test func stepTwoShowsEachAssumptionPerCycle() throws {
        let page = try Self.shown.get().page("stap-2.html")
        let table = try Self.element("section", id: "aannames-getoetst", in: page)
        let rows = Self.rows(table)
        #expect(rows.first == ["Aanname", "Voorjaar 2014", "Zomer 2014"])
        // Only the assumptions tested by figures: H1 (metric) and H2 (repeat share).
        #expect(rows.dropFirst().map { $0.first ?? "" } == ["H1Inwoners geven minstens een 7",
                                                          "H2Bijna iedereen is na één contact geholpen"])
        #expect(rows.dropFirst().first?.dropFirst().map { $0 } == ["klopt 7,5", "nog niet te toetsen"])
        #expect(rows.last?.dropFirst().map { $0 } == ["klopt niet (nipt) 57,1%", "klopt niet (nipt) 42,9%"])
    }

    // MARK: Step 2: repeat contacts

    @Test func stepTwoShowsRepeatContactsPerCycleWithTheChange() throws {
        let page = try Self.shown.get().page("stap-2.html")
        let section = try Self.element("section", id: "herhaalcontact", in: page)
        let rows = Self.rows(section)
        let perCycle = rows.filter { ["Voorjaar 2014", "Zomer 2014"].contains($0.first ?? "") }
        #expect(perCycle.count == 2)
        #expect(perCycle.first.map { Array($0.prefix(5)) } == ["Voorjaar 2014", "7", "57%", "43%", "–"])
        let summer = try #require(perCycle.last)
        #expect(Array(summer.prefix(4)) == ["Zomer 2014", "7", "43%", "14%"])
        #expect(summer.count == 5 && summer[4].hasPrefix("−14,3 procentpunt, "), "\(summer)")
        #expect(Self.text(section).contains("In Zomer 2014 had 43% van de 7 zaken meer dan één contact nodig. "
                                            + "Bij 14% wisselde de inwoner van kanaal."))
        #expect(Self.text(section).contains("Dat is 14,3 procentpunt minder herhaalcontact dan in Voorjaar 2014"))
    }

    @Test func stepTwoShowsReasonsAndJourneysWithSmallGroupsSuppressed() throws {
        let section = try Self.element("section", id: "herhaalcontact", in: try Self.shown.get().page("stap-2.html"))
        let rows = Self.rows(section)
        // Reasons and journeys of the latest cycle, Zomer 2014, at a threshold of 2.
        #expect(rows.contains(["Afval", "5", "3", "60%"]))
        #expect(rows.contains(["Paspoort", "afgeschermd", "–", "–"]))
        #expect(rows.contains(["Melding openbare ruimte", "5", "3", "60%"]))
        #expect(rows.contains(["Paspoort aanvragen", "afgeschermd", "–", "–"]))
        #expect(!rows.contains { $0.first == "Paspoort" && $0.contains("1") }, "a suppressed group shows no number")
        #expect(Self.text(section).contains("De meeste herhaalcontacten in Zomer 2014 gingen over ‘Afval’: 3 zaken, "
                                            + "60% van alle zaken over dit onderwerp."))
    }

    @Test func stepTwoDrawsTheFlowsBetweenChannelsWithTheirNumbers() throws {
        let section = try Self.element("section", id: "herhaalcontact", in: try Self.everything.get().page("stap-2.html"))
        let start = try #require(section.range(of: "<svg "), "no flow picture")
        let end = try #require(section.range(of: "</svg>", range: start.upperBound..<section.endIndex))
        let svg = String(section[start.lowerBound..<end.upperBound])
        let bands = HTMLScan.tags(svg).filter { $0.name == "path" && ($0.attributes["class"] ?? nil)?.hasPrefix("flow-band") == true }
        // telefoon → telefoon (2 cases) and web → app (1 case), at a threshold of 1.
        #expect(bands.count == 2)
        #expect(bands.contains { ($0.attributes["class"] ?? nil)?.hasSuffix(" same") == true }, "a band from a channel to itself")
        #expect(svg.contains("2 zaken van Telefoon naar Telefoon (1e naar 2e contact)"))
        #expect(svg.contains("Website naar App"))
        let rows = Self.rows(section)
        #expect(rows.contains(["1e → 2e contact", "Telefoon", "Telefoon", "2"]))
    }

    @Test func aFlowThatWouldGiveASmallerOneAwayIsNotDrawn() throws {
        // At 2, web → app (1 case) is suppressed; telefoon → telefoon (2) goes with it, as the
        // three repeat cases shown in the table minus those two would give it away.
        let section = try Self.element("section", id: "herhaalcontact", in: try Self.shown.get().page("stap-2.html"))
        #expect(!section.contains("flow-band"))
        #expect(!Self.rows(section).contains { $0.first == "1e → 2e contact" })
        #expect(Self.text(section).contains("Te weinig herhaalcontacten om de wegen tussen kanalen te tonen."))
    }

    @Test func aboveTheThresholdEveryGroupIsSuppressedNeverShownAsANumber() throws {
        let site = try Self.hidden.get()
        let section = try Self.element("section", id: "herhaalcontact", in: try site.page("stap-2.html"))
        let rows = Self.rows(section)
        #expect(rows.contains(["Voorjaar 2014", "afgeschermd", "–", "–", "–"]))
        #expect(rows.contains(["Zomer 2014", "afgeschermd", "–", "–", "–"]))
        #expect(rows.contains(["Afval", "afgeschermd", "–", "–"]))
        for row in rows.dropFirst() where !row.isEmpty && row != ["Contactreden", "Zaken", "Met herhaalcontact", "Aandeel"]
            && row != ["Klantreis", "Zaken", "Met herhaalcontact", "Aandeel"] {
            #expect(row.dropFirst().allSatisfy { $0 == "afgeschermd" || $0 == "–" }, "a number in \(row)")
        }
        let text = Self.text(section)
        #expect(text.contains("In Zomer 2014 waren er te weinig zaken om cijfers te tonen."))
        #expect(text.contains("Te weinig herhaalcontacten om de wegen tussen kanalen te tonen."))
        for share in ["57%", "43%", "14%", "60%"] { #expect(!text.contains(share), "\(share) is shown") }
        #expect(!section.contains("flow-band"))
        // And the repeat share cannot test H2 with 7 cases under a threshold of 8.
        let card = try Self.element("article", id: "h2", in: try site.page("stap-1.html"))
        #expect(Self.text(card).contains("nog niet te toetsen"))
        #expect(Self.text(card).contains("te weinig waarnemingen om te tonen"))
    }

    @Test func noFileOfTheSiteHoldsACaseKey() throws {
        for built in [try Self.shown.get(), try Self.hidden.get()] {
            let site = built.folder.appendingPathComponent("site")
            let files = try #require(FileManager.default.enumerator(atPath: site.path)).compactMap { $0 as? String }
            #expect(files.contains("stap-2.html") && files.count > 10)
            var checked = 0
            for name in files {
                var isFolder: ObjCBool = false
                let path = site.appendingPathComponent(name).path
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                #expect(data.range(of: Data("ZAAKNUMMER".utf8)) == nil, "\(name) holds a clear case key")
                checked += 1
            }
            #expect(checked > 10)
            // Nor does the roadmap the site was built from.
            for name in try FileManager.default.contentsOfDirectory(atPath: built.folder.path) where name.hasPrefix("roadmap.sqlite") {
                let data = try Data(contentsOf: built.folder.appendingPathComponent(name))
                #expect(data.range(of: Data("ZAAKNUMMER".utf8)) == nil, "\(name) holds a clear case key")
            }
        }
    }
}
