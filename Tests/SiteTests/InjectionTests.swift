import Foundation
import Fuzzing
import Site
import SixSteps
import Store
import Testing

/// Every text field filled with HTML, SVG and JavaScript payloads and with SQL fragments: the
/// site's pages, tokenized as a browser does, hold no element or attribute that came from typed
/// text, and the database is unharmed, every typed text stored byte for byte.
@Suite struct InjectionTests {
    /// A text that was typed, and where it must be found again.
    struct Typed {
        let text: String
        let sql: String
        let key: [SQLValue]
        let place: String
    }

    /// A roadmap that fills every page, then every text field of every record, every phase name,
    /// the vision, the municipality, the theme name, survey comments and contact reasons filled
    /// with `text(n)`.
    static func roadmap(in folder: URL, _ text: (Int) -> String) throws -> (file: RoadmapFile, typed: [Typed]) {
        let file = try Fixture.roadmap(in: folder)
        var typed: [Typed] = []
        var number = 0
        func next() -> String {
            number += 1
            return text(number)
        }
        // Comments that are quoted on the site, and contact reasons, through the CSV imports
        // (first: a survey import writes its measurement anew).
        let comments = (0..<12).map { _ in next().trimmingCharacters(in: .whitespaces) }
        let survey = "score;comment\n" + comments.enumerated().map { "\($0.offset % 5 + 5);\(Fixture.csvQuoted($0.element))" }
            .joined(separator: "\n")
        _ = try file.importSurvey(try CSVDocument(bytes: Array(survey.utf8)), path: "najaar.csv", metric: "tevredenheid",
                                  cycle: nil, rename: [:], dryRun: false, options: .init(existing: .replace))
        try file.setQuotable(try file.surveyComments(metric: nil, cycle: nil).map(\.id), true)
        for comment in comments {
            typed.append(Typed(text: comment, sql: "SELECT comment FROM survey_responses WHERE comment = ?", key: [.text(comment)],
                               place: "survey comment"))
        }
        let reasons = (0..<3).map { _ in next().trimmingCharacters(in: .whitespaces) }
        let volumes = "period;channel;reason;count\n" + reasons.enumerated().map { "2014-0\($0.offset + 3);web;\(Fixture.csvQuoted($0.element));\(10 * ($0.offset + 1))" }
            .joined(separator: "\n")
        _ = try file.importVolumes(try CSVDocument(bytes: Array(volumes.utf8)), path: "volumes.csv", dryRun: false)
        for reason in reasons {
            typed.append(Typed(text: reason, sql: "SELECT reason FROM volumes WHERE reason = ?", key: [.text(reason)],
                               place: "contact reason"))
        }
        for kind in Kind.allCases {
            for record in try file.records(kind) {
                for field in kind.fields where field.type == .text {
                    let value = next()
                    // Closed cycles and their measurements are frozen; everything else takes the text.
                    guard (try? file.edit(kind, record.ref, input: [field.key: value])) != nil else { continue }
                    typed.append(Typed(text: value, sql: "SELECT \(field.name) FROM \(kind.table) WHERE \(kind.keyColumn) = ?",
                                       key: [record.key], place: "\(record.ref).\(field.name)"))
                }
            }
        }
        for journey in try file.records(.journey) {
            for phase in try file.phases(of: journey.ref) {
                let value = next()
                try file.editPhase(journey: journey.ref, slug: phase.slug, newSlug: nil, name: value, position: nil)
                typed.append(Typed(text: value, sql: "SELECT name FROM journey_phases WHERE journey = ? AND slug = ?",
                                   key: [journey.key, .text(phase.slug)], place: "phase \(journey.ref)/\(phase.slug)"))
            }
        }
        let vision = next()
        try file.setVision(vision)
        typed.append(Typed(text: vision, sql: "SELECT text FROM vision", key: [], place: "vision"))
        let municipality = next()
        try file.write { try file.setSetting(.municipality, municipality) }
        typed.append(Typed(text: municipality, sql: "SELECT value FROM settings WHERE key = ?", key: [.text("municipality")],
                           place: "municipality"))
        let themeName = next()
        try Theme.save(to: file, name: themeName, primary: "#00548c", logo: nil, removeLogo: false)
        typed.append(Typed(text: themeName, sql: "SELECT value FROM settings WHERE key = ?", key: [.text("theme_name")],
                           place: "theme name"))

        return (file, typed)
    }

    static func pages(of file: RoadmapFile, in folder: URL, _ language: Language) throws -> [String: String] {
        let out = folder.appendingPathComponent("site-\(language.rawValue)")
        _ = try SiteBuilder.build(file, to: out.path, language: language, today: ISODate("2014-11-04") ?? .today())
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".html") {
            pages[name] = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        }
        return pages
    }

    static func tables(_ connection: Connection) throws -> [String] {
        try connection.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").map { $0.string(0) }
    }

    static func payload(_ number: Int) -> String {
        Payloads.all[number % Payloads.all.count] + " \(number)"
    }

    /// The payload with every character that markup, script or SQL needs replaced by an x: text
    /// of the same length and words, which charts wrap and tables truncate the same way.
    static func defused(_ number: Int) -> String {
        String(payload(number).map { "<>&\"'=;/\\`{}$:()-%".contains($0) ? "x" : $0 })
    }

    @Test func typedPayloadsNeverBecomeMarkupAndAreStoredExactly() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plainFolder = folder.appendingPathComponent("gewoon"), payloadFolder = folder.appendingPathComponent("aanval")
        for subfolder in [plainFolder, payloadFolder] {
            try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
        }
        // The same roadmap twice: once with the payloads defused, once with them as typed.
        let plain = try Self.roadmap(in: plainFolder, Self.defused)
        let before = try Self.tables(try Connection(path: plain.file.path, mode: .readOnly))
        let (file, typed) = try Self.roadmap(in: payloadFolder, Self.payload)
        #expect(typed.count > 120, "only \(typed.count) texts were typed")
        #expect(typed.count == plain.typed.count)

        let plainPages = try Self.pages(of: plain.file, in: plainFolder, .nl)
        var pages = try Self.pages(of: file, in: payloadFolder, .nl)
        #expect(Set(pages.keys) == Set(plainPages.keys))
        // Every page has exactly the tags of its ordinary twin: no typed text added or changed one.
        for (name, html) in pages {
            let shapes = HTMLTokens.tags(html).map(\.shape).sorted()
            let expected = HTMLTokens.tags(plainPages[name] ?? "").map(\.shape).sorted()
            #expect(shapes == expected, "\(name): \(Set(shapes).symmetricDifference(expected).sorted().prefix(5))")
        }
        for (name, html) in try Self.pages(of: file, in: payloadFolder, .en) { pages["en/" + name] = html }
        let texts = typed.map(\.text)
        for (name, html) in pages {
            let problems = HTMLTokens.problems(in: html, typed: texts)
            #expect(problems.isEmpty, "\(name): \(problems.prefix(5))")
        }
        // The payloads are on the pages, as text.
        let all = pages.values.joined()
        for shown in ["&lt;svg onload=alert(1)&gt;", "&lt;/textarea&gt;&lt;script&gt;alert(3)&lt;/script&gt;", "DROP TABLE findings",
                      "javascript:alert(6)", "&amp;lt;script&amp;gt;alert(14)", "\u{202E}lmth.exe"] {
            #expect(all.contains(shown), "\(shown) is not on any page")
        }

        // The database: whole, every table still there, every typed text stored byte for byte.
        let connection = try Connection(path: file.path, mode: .readOnly)
        #expect(try Snapshot.integrity(connection) == "ok")
        #expect(try Self.tables(connection) == before)
        #expect(try Self.tables(connection).contains("findings"))
        #expect(try file.records(.finding).count == 4)
        for entry in typed {
            let stored = try connection.query(entry.sql, entry.key).compactMap { $0[0].string }
            #expect(stored.contains { Array($0.utf8) == Array(entry.text.utf8) }, "\(entry.place): stored \(stored), typed \(entry.text)")
        }
        // And as the records read back.
        for kind in Kind.allCases {
            for record in try file.records(kind) {
                for field in kind.fields where field.type == .text {
                    guard let entry = typed.first(where: { $0.place == "\(record.ref).\(field.name)" }) else { continue }
                    #expect(Array((record[field.key].string ?? "").utf8) == Array(entry.text.utf8), "\(entry.place)")
                }
            }
        }
    }

    /// The checker itself: markup that got through is found, escaped markup is not.
    @Test func theCheckerFindsMarkupThatGotThrough() {
        let escaped = #"<p title="&quot; onmouseover=&quot;x">&lt;svg onload=alert(1)&gt;</p><a href="f1.html">x</a>"#
        #expect(HTMLTokens.problems(in: escaped).isEmpty)
        for raw in [#"<p title="" onmouseover="x">a</p>"#, "<p><svg onload=alert(1)></p>", "<textarea></textarea><script>alert(3)</script>",
                    #"<a href=" JaVaScRiPt:alert(7)">x</a>"#, #"<a href="javascript&colon;alert(8)">x</a>"#,
                    "<iframe srcdoc=x></iframe>", "<style>'); DROP TABLE findings; --</style>",
                    "<p title='x' onfocus='alert(5)' autofocus=''>"] {
            #expect(!HTMLTokens.problems(in: raw, typed: ["'); DROP TABLE findings; --"]).isEmpty, "\(raw)")
        }
    }
}
