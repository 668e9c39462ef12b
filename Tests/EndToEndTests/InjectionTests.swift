import Foundation
import Fuzzing
import Store
import Testing

/// HTML, SVG, JavaScript and SQL typed on the command line into every kind of text: stored byte
/// for byte, shown as text on the site built by the binary, and the database unharmed.
@Suite struct CLIInjectionTests {
    @Test func payloadsTypedOnTheCommandLineStayText() throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        let file = cli.path("roadmap.sqlite")
        cli.environment["MOLENSLOOT_DB"] = file
        var number = 0
        var typed: [(text: String, sql: String)] = []
        /// The next payload, to be found again with `sql`.
        func payload(_ sql: String) -> String {
            // Every payload in every field, so each reaches every place a field is shown: text,
            // attribute values, titles, tables, charts.
            let text = Payloads.all[number % Payloads.all.count] + " \(number) " + Payloads.all.joined(separator: " ")
            number += 1
            typed.append((text, sql))
            return text
        }
        func ok(_ arguments: [String]) throws {
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(arguments.first ?? "") \(arguments.dropFirst().first ?? ""): \(result.stderr)")
        }
        try ok(["init", "--name", payload("SELECT value FROM settings WHERE key = 'municipality'")])
        let tables = try Connection(path: file, mode: .readOnly).query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .map { $0.string(0) }
        try ok(["vision", "set", payload("SELECT text FROM vision")])
        try ok(["principle", "add", payload("SELECT title FROM principles"), "--description", payload("SELECT description FROM principles")])
        try ok(["persona", "add", "ouders", payload("SELECT name FROM personas"), "--description", payload("SELECT description FROM personas")])
        try ok(["channel", "add", "chat", payload("SELECT name FROM channels WHERE slug = 'chat'"),
                "--description", payload("SELECT description FROM channels WHERE slug = 'chat'")])
        try ok(["journey", "add", "mor", payload("SELECT name FROM journeys"), "--description", payload("SELECT description FROM journeys")])
        try ok(["journey", "phase", "add", "mor", "wachten", payload("SELECT name FROM journey_phases WHERE slug = 'wachten'")])
        try ok(["metric", "add", "tevredenheid", payload("SELECT name FROM metrics"), "--unit", payload("SELECT unit FROM metrics"),
                "--scale-min", "1", "--scale-max", "10", "--baseline", "6,4", "--target", "7,5", "--journey", "mor",
                "--description", payload("SELECT description FROM metrics")])
        try ok(["goal", "add", payload("SELECT title FROM goals"), "--metric", "tevredenheid", "--target", "7,5",
                "--target-date", "2014-12-31", "--description", payload("SELECT description FROM goals")])
        try ok(["insight", "add", payload("SELECT title FROM insights"), "--kind", "trend", "--journey", "mor",
                "--description", payload("SELECT description FROM insights"), "--source", payload("SELECT source FROM insights")])
        try ok(["touchpoint", "add", payload("SELECT title FROM touchpoints"), "--journey", "mor", "--phase", "contact",
                "--channel", "app", "--description", payload("SELECT description FROM touchpoints")])
        try ok(["finding", "add", payload("SELECT title FROM findings"), "--kind", "improve", "--journey", "mor", "--phase", "afronding",
                "--severity", "5", "--persona", "ouders", "--source", payload("SELECT source FROM findings"),
                "--evidence", payload("SELECT evidence FROM findings"), "--description", payload("SELECT description FROM findings")])
        try ok(["spearhead", "add", payload("SELECT title FROM spearheads"), "--description", payload("SELECT description FROM spearheads")])
        try ok(["opportunity", "add", payload("SELECT title FROM opportunities"), "--impact", "4", "--effort", "2", "--spearhead", "S1",
                "--description", payload("SELECT description FROM opportunities")])
        try ok(["opportunity", "link", "O1", "F1"])
        try ok(["item", "add", payload("SELECT title FROM items"), "--horizon", "now", "--owner", payload("SELECT owner FROM items"),
                "--team", payload("SELECT team FROM items"), "--description", payload("SELECT description FROM items")])
        try ok(["item", "link", "R1", "O1"])
        try ok(["item", "link", "R1", "--metric", "tevredenheid", "--expect", "+0.5"])
        try ok(["agreement", "add", payload("SELECT what FROM agreements"), "--who", payload("SELECT who FROM agreements"),
                "--cadence", payload("SELECT cadence FROM agreements"), "--item", "R1"])
        try ok(["cycle", "open", payload("SELECT name FROM cycles"), "--start", "2014-03-01"])
        try ok(["measure", "tevredenheid", "7,2", "--n", "100", "--sd", "1,5", "--source", payload("SELECT source FROM measurements"),
                "--note", payload("SELECT note FROM measurements")])
        try ok(["--by", payload("SELECT who FROM audit ORDER BY id DESC LIMIT 1"), "site", "theme",
                "--name", payload("SELECT value FROM settings WHERE key = 'theme_name'"), "--color", "#00548c"])
        #expect(typed.count >= 40)

        // Stored byte for byte, and nothing else harmed.
        do {
            let connection = try Connection(path: file, mode: .readOnly)
            for (text, sql) in typed {
                let stored = try connection.query(sql).compactMap { $0[0].string }
                #expect(stored.count == 1 && Array(stored[0].utf8) == Array(text.utf8), "\(sql): stored \(stored), typed \(text)")
            }
            #expect(try Snapshot.integrity(connection) == "ok")
            #expect(try connection.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").map { $0.string(0) } == tables)
            #expect(try connection.scalar("SELECT count(*) FROM findings").int == 1)
            #expect(try connection.scalar("SELECT count(*) FROM settings").int ?? 0 >= 3)
        }
        #expect(try cli.run("check").status == 0)
        // The export, as a script reads it, gives every text back.
        let export = try cli.ok("export").stdout
        var strings: [String] = []
        func collect(_ value: Any) {
            if let text = value as? String { strings.append(text) }
            if let list = value as? [Any] { list.forEach(collect) }
            if let object = value as? [String: Any] { object.values.forEach(collect) }
        }
        collect(try JSONSerialization.jsonObject(with: Data(export.utf8)))
        for (text, sql) in typed where !sql.contains("audit") {
            #expect(strings.contains { Array($0.utf8) == Array(text.utf8) }, "\(text) is not in the export")
        }

        // The site shows them as text.
        try cli.ok("site build --out site")
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: cli.path("site")) where name.hasSuffix(".html") {
            pages[name] = try String(contentsOfFile: cli.path("site/" + name), encoding: .utf8)
        }
        #expect(pages.count > 15)
        for (name, html) in pages {
            let problems = HTMLTokens.problems(in: html, typed: typed.map(\.text))
            #expect(problems.isEmpty, "\(name): \(problems.prefix(5))")
        }
        let all = pages.values.joined()
        #expect(all.contains("&lt;svg onload=alert(1)&gt;") && all.contains("DROP TABLE findings"))
    }
}
