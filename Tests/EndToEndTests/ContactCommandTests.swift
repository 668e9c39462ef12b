import Foundation
import Testing

/// Contact registrations and assumptions through the built binary: `volume import` of a file with
/// case numbers, `volume repeats`, `volume window`, `assumption add/list/show`, `status`; refusals
/// as one line on stderr with the file left as it was; and no clear case number in the file.
@Suite struct ContactCommandTests {
    /// The registrations of the SixSteps tests' hand-made file (see ContactTests.swift), under the
    /// column names of a case system: 21 contacts of 12 case numbers. C1 (Voorjaar 2014, March–April):
    /// 7 cases, 12 contacts, 4 with a repeat contact (57,14%), 3 switching (42,86%); flows telefoon →
    /// web 2, app → app 1, web → telefoon 1, and in step 2 web → telefoon 1. C2 (Zomer 2014, May–June):
    /// 5 cases, 6 contacts, 1 repeat (20%), no switch; flow telefoon → telefoon 1; the change −37,14
    /// points. Six months, 2014-02 to 2014-07; 16 counts per month, channel and reason.
    static let registrations = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let text = (try? String(contentsOf: folder.appendingPathComponent("Fixtures/contacts.csv"), encoding: .utf8)) ?? ""
        return text.replacingOccurrences(of: "date;channel;reason;case;journey\n", with: "tijdstip;kanaal;reden;zaaknummer;klantreis\n")
    }()

    static let map = "--map case=zaaknummer --map date=tijdstip --map channel=kanaal --map reason=reden --map journey=klantreis"

    /// A roadmap with the journeys mor and paspoort, C1 closed and C2 open, and the two files.
    static func roadmap() throws -> CLI {
        var cli = try CLI()
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        for line in [
            "init --name 'Gemeente Molensloot'",
            "key create",
            "journey add mor 'Melding openbare ruimte'",
            "journey add paspoort 'Paspoort aanvragen'",
            "cycle open 'Voorjaar 2014' --start 2014-03-01 --end 2014-04-30",
            "cycle close --note 'Eerste meting'",
            "cycle open 'Zomer 2014' --start 2014-05-01 --end 2014-06-30",
        ] {
            try cli.ok(line)
        }
        try Data(registrations.utf8).write(to: URL(fileURLWithPath: cli.path("registraties.csv")))
        return cli
    }

    /// Every file SQLite keeps for the roadmap, as one run of bytes.
    static func databaseBytes(_ cli: CLI) throws -> [(String, Data)] {
        try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.hasPrefix("roadmap.sqlite") }.sorted()
            .map { ($0, try Data(contentsOf: URL(fileURLWithPath: cli.path($0)))) }
    }

    @Test func importingRegistrationsPrintsOneLineAndStoresNoCaseNumber() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let untouched = try Self.databaseBytes(cli)
        let dry = try cli.ok("volume import registraties.csv \(Self.map) --dry-run")
        #expect(try Self.databaseBytes(cli).map(\.1) == untouched.map(\.1), "a dry run changed the roadmap")
        #expect(dry.stdout == "dry run: would import 21 contact registrations (21 new; the case keys are stored only as hashes) "
                + "and 16 counts for February 2014 to July 2014\n")
        #expect(try cli.json("volume repeats --json") as? [String: Any] != nil)
        #expect((try cli.json("volume repeats --json") as? [String: Any])?["contacts"] as? Int == 0, "a dry run imports nothing")

        let result = try cli.ok("volume import registraties.csv \(Self.map)")
        #expect(result.stdout == "imported 21 contact registrations (21 new; the case keys are stored only as hashes) "
                + "and 16 counts for February 2014 to July 2014\n")
        #expect(result.stderr.isEmpty)
        let again = try cli.ok("volume import registraties.csv \(Self.map)")
        #expect(again.stdout.hasPrefix("imported 21 contact registrations (0 new;"))

        // The whole file set, the export and every printout, without one clear case number.
        let files = try Self.databaseBytes(cli)
        #expect(files.map(\.0).contains("roadmap.sqlite"))
        for (name, bytes) in files {
            #expect(bytes.range(of: Data("ZAAKNUMMER".utf8)) == nil, "\(name) holds a clear case number")
        }
        for line in ["export", "volume repeats", "volume repeats --json", "volume mix", "log", "log --json"] {
            let output = try cli.ok(line)
            #expect(!output.stdout.contains("ZAAKNUMMER"), "\(line) shows a clear case number")
        }
        let export = try #require(try cli.json("export") as? [String: Any])
        #expect((export["contacts"] as? [Any])?.count == 21)
    }

    @Test func repeatsGivesTheFiguresAsJSONAndText() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        try cli.ok("volume import registraties.csv \(Self.map)")
        try cli.ok("survey threshold 1 --allow-small-groups")
        let report = try #require(try cli.json("volume repeats --json") as? [String: Any])
        #expect(report["window_days"] as? Int == 30)
        #expect(report["threshold"] as? Int == 1)
        #expect(report["contacts"] as? Int == 21)
        let cycles = try #require(report["cycles"] as? [[String: Any]])
        #expect(cycles.map { $0["cycle"] as? String } == ["C1", "C2"])
        let spring = try #require(cycles[0]["overall"] as? [String: Any])
        #expect(spring["cases"] as? Int == 7 && spring["contacts"] as? Int == 12)
        #expect(spring["repeat_cases"] as? Int == 4 && spring["switch_cases"] as? Int == 3)
        #expect(spring["repeat_share"] as? Double == 57.14 && spring["switch_share"] as? Double == 42.86)
        #expect(spring["suppressed"] as? Bool == false)
        let flows = try #require(cycles[0]["flows"] as? [[String: Any]])
        #expect(flows.map { "\($0["step"] ?? "") \($0["from"] ?? "")>\($0["to"] ?? "") \($0["cases"] ?? "")" }
                == ["1 telefoon>web 2", "1 app>app 1", "1 web>telefoon 1", "2 web>telefoon 1"])
        #expect(cycles[0]["change"] is NSNull)
        let summer = try #require(cycles[1]["overall"] as? [String: Any])
        #expect(summer["cases"] as? Int == 5 && summer["repeat_share"] as? Double == 20)
        let change = try #require(cycles[1]["change"] as? [String: Any])
        #expect(change["since"] as? String == "C1" && change["points"] as? Double == -37.14)
        let periods = try #require(report["periods"] as? [[String: Any]])
        #expect(periods.map { $0["period"] as? String } == ["2014-02", "2014-03", "2014-04", "2014-05", "2014-06", "2014-07"])

        let text = try cli.ok("volume repeats").stdout
        #expect(text.contains("21 contacts; a case is one key's contacts within 30 days of its first"))
        #expect(text.contains("C1 Voorjaar 2014: 7 cases, 57.1% needed more than one contact, 42.9% switched channel"))
        #expect(text.contains("C2 Zomer 2014: 5 cases, 20% needed more than one contact, 0% switched channel; "
                              + "repeat share −37.1 points since C1"))
        #expect(text.contains("1→2  telefoon → web  2 cases"))

        // A window of 29 days splits case B: C1 then has 8 cases.
        #expect(try cli.ok("volume window").stdout == "contacts within 30 days of a case's first contact count as the same case\n")
        #expect(try cli.ok("volume window 29").stdout == "contacts within 29 days of a case's first contact count as the same case\n")
        let narrower = try #require(try cli.json("volume repeats --json") as? [String: Any])
        #expect(((narrower["cycles"] as? [[String: Any]])?.first?["overall"] as? [String: Any])?["cases"] as? Int == 8)
        let refused = try cli.run("volume window 400")
        #expect(refused.status == 1 && refused.stderr.hasPrefix("error: ") && refused.stderr.contains("1 to 366"))
    }

    @Test func assumptionsAreAddedListedShownAndCountedInStatus() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        try cli.ok("volume import registraties.csv \(Self.map)")
        try cli.ok("survey threshold 1 --allow-small-groups")
        try cli.ok("metric add cijfer Rapportcijfer --unit cijfer")
        try cli.ok("measure cijfer 7,5")
        try cli.ok("insight add 'Melders willen horen wat er gebeurt' --kind need")
        let added = try cli.ok("assumption add 'Bijna iedereen is na één contact geholpen' --test repeat-share --journey mor --expect '<= 10'")
        #expect(added.stdout.contains("H1"))
        try cli.ok("assumption add 'Inwoners geven minstens een 7' --test metric --metric cijfer --expect '>= 7'")
        try cli.ok("assumption add 'Melders willen vooral snelheid' --test insight --insight I1")

        let list = try cli.ok("assumption list").lines
        let h1 = try #require(list.first { $0.hasPrefix("H1 ") })
        #expect(h1.contains("repeat-share") && h1.contains("<= 10") && h1.contains("refuted") && h1.contains("in C2"), "\(h1)")
        let h2 = try #require(list.first { $0.hasPrefix("H2 ") })
        #expect(h2.contains("metric") && h2.contains(">= 7") && h2.contains("confirmed") && h2.contains("7.5 in C2"), "\(h2)")
        let h3 = try #require(list.first { $0.hasPrefix("H3 ") })
        #expect(h3.contains("not testable yet"), "\(h3)")
        #expect(list.contains("3 assumptions, 1 refuted"))

        // H1, journey mor only: C1 4 of 5 cases = 80%, C2 1 of 3 = 33,33%: refuted in both; the
        // current verdict is C2's, a close call with so few cases.
        let show = try cli.ok("assumption show H1").stdout
        #expect(show.hasPrefix("H1  Bijna iedereen is na één contact geholpen\n"))
        #expect(show.contains("Verdict: refuted (close) — measured 33.33% (n = 3) in C2"), "\(show)")
        #expect(show.contains("C1     refuted          measured 80% (n = 5) in C1"), "\(show)")
        let json = try #require(try cli.json("assumption show H1 --json") as? [String: Any])
        let current = try #require(json["current"] as? [String: Any])
        #expect(current["verdict"] as? String == "refuted" && current["cycle"] as? String == "C2")
        #expect(current["value"] as? Double == 33.3333 && current["n"] as? Int == 3 && current["close_call"] as? Bool == true)
        #expect((json["history"] as? [[String: Any]])?.map { $0["verdict"] as? String } == ["refuted", "refuted"])
        let all = try #require(try cli.json("assumption list --json") as? [[String: Any]])
        #expect(all.map { ($0["current"] as? [String: Any])?["verdict"] as? String } == ["refuted", "confirmed", "not_testable"])

        let status = try cli.ok("status").stdout
        #expect(status.contains("Assumptions: 1 confirmed, 1 refuted (H1), 1 not testable yet"), "\(status)")
        #expect(status.contains("assumptions the data refutes"))
        let statusJSON = try #require(try cli.json("status --json") as? [String: Any])
        let attention = try #require(statusJSON["attention"] as? [[String: Any]])
        #expect(attention.first { $0["key"] as? String == "refuted_assumptions" }?["records"] as? [String] == ["H1"])

        // A rule broken through the command line: one line, exit 1, nothing written.
        let before = try #require(cli.bytes("roadmap.sqlite"))
        let refused = try cli.run("assumption add 'Zonder grens' --test metric --metric cijfer")
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr == "error: a metric assumption needs --expect; see 'molensloot assumption add --help'\n")
        #expect(cli.bytes("roadmap.sqlite") == before)
    }

    static let badFiles: [(String, String)] = [
        ("zaaknummer\n2014-03-12 09:14;web;Afval;Z-ZAAKNUMMER-000201;mor\n2014-03-13;web;Afval;Z-ZAAKNUMMER-000202;mor\n",
         "line 3, column tijdstip: '2014-03-13' is not a date and time like 2014-03-12 09:14 or 12-03-2014 09:14"),
        ("zaaknummer\n2014-03-12 09:14;web;Afval;Z-ZAAKNUMMER-000201;mor\n2014-03-13 10:00;web;Afval;;mor\n",
         "line 3, column zaaknummer: is empty; every contact needs the key of its case or person"),
        ("zaaknummer\n2014-03-12 09:14;fax;Afval;Z-ZAAKNUMMER-000201;mor\n",
         "line 2, column kanaal: unknown channel 'fax'; known: app, balie, e-mail, post, social, telefoon, web"),
    ]

    @Test(arguments: badFiles)
    func aBadFileIsOneLineOnStderrAndLeavesTheRoadmapAsItWas(_ body: String, _ message: String) throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        try cli.ok("volume import registraties.csv \(Self.map)")
        let text = body.replacingOccurrences(of: "zaaknummer\n", with: "tijdstip;kanaal;reden;zaaknummer;klantreis\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: cli.path("fout.csv")))
        let before = try Self.databaseBytes(cli)
        let result = try cli.run("volume import fout.csv \(Self.map)")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: fout.csv: \(message); nothing was imported\n")
        #expect(!result.stderr.contains("ZAAKNUMMER"))
        let after = try Self.databaseBytes(cli)
        #expect(after.map(\.0) == before.map(\.0))
        #expect(after.map(\.1) == before.map(\.1), "the refused import changed the roadmap")
    }
}
