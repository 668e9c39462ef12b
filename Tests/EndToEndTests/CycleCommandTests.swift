import Foundation
import Testing

/// Step 6 through the built binary: cycles, measurements, survey and volume imports and the
/// cycle report, the way a team uses them; and every refusal one line on stderr with the file
/// left byte for byte as it was.
@Suite struct CycleCommandTests {
    /// Spring: scores 7 8 6 9 7 8 5 10 7 8 6 9 (mean 7.5, sd √(23/11) ≈ 1.45), Dutch style: semicolons,
    /// dates 12-03-2014, a comment with a semicolon and one over two lines, the score under "cijfer".
    static let spring = """
        date;phase;channel;cijfer;comment\r
        10-03-2014;contact;app;7;\r
        10-03-2014;contact;app;8;"Snel geholpen; vriendelijk"\r
        11-03-2014;contact;web;6;\r
        11-03-2014;contact;web;9;\r
        12-03-2014;afronding;app;7;\r
        12-03-2014;afronding;app;8;\r
        13-03-2014;afronding;telefoon;5;"Niets meer gehoord.
        Na drie weken nog steeds niets."\r
        13-03-2014;afronding;web;10;\r
        14-03-2014;afronding;app;7;\r
        14-03-2014;contact;telefoon;8;\r
        15-03-2014;afronding;telefoon;6;\r
        15-03-2014;afronding;web;9;\r

        """

    /// Summer: 9 9 8 10 9 9 8 10 9 9 8 10, mean 9: against spring t ≈ 3.2, larger than the noise.
    static let summer = "date,channel,cijfer,comment\n"
        + [9, 9, 8, 10, 9, 9, 8, 10, 9, 9, 8, 10].enumerated().map { "2014-07-\(10 + $0.offset),app,\($0.element),\n" }.joined()

    static func roadmap() throws -> CLI {
        var cli = try CLI()
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        for line in [
            "init --name 'Gemeente Molensloot'",
            "journey add mor 'Melding openbare ruimte'",
            "metric add tevredenheid 'Tevredenheid over de afhandeling' --unit cijfer --scale-min 1 --scale-max 10 "
                + "--baseline 6 --target 9,5 --journey mor",
            "metric add doorlooptijd 'Doorlooptijd van een melding' --unit dagen --direction lower --baseline 10 --target 5",
        ] {
            try cli.ok(line)
        }
        try write(cli, "voorjaar.csv", spring)
        try write(cli, "zomer.csv", summer)
        return cli
    }

    static func write(_ cli: CLI, _ name: String, _ text: String) throws {
        try write(cli, name, Data(text.utf8))
    }

    static func write(_ cli: CLI, _ name: String, _ bytes: Data) throws {
        try bytes.write(to: URL(fileURLWithPath: cli.path(name)))
    }

    /// The spring cycle closed, the summer cycle open with its survey and measurement.
    static func twoCycles() throws -> CLI {
        let cli = try roadmap()
        try cli.ok("cycle open 'Voorjaar 2014' --start 2014-03-01 --end 2014-06-30")
        try cli.ok("survey import voorjaar.csv --metric tevredenheid --map score=cijfer")
        try cli.ok("measure doorlooptijd 9 --n 50 --sd 3 --source zaaksysteem")
        try cli.ok("cycle close --note 'Statusberichten werken; telefoon nog te traag'")
        try cli.ok("cycle open 'Zomer 2014' --start 2014-07-01 --end 2014-09-30")
        try cli.ok("survey import zomer.csv --metric tevredenheid --map score=cijfer")
        try cli.ok("measure doorlooptijd 9,5 --n 50 --sd 3")
        return cli
    }

    /// Runs a command that must be refused: the exit code, one line on stderr that holds each of
    /// `words`, nothing on stdout, and the roadmap file byte for byte as it was.
    func expectRefused(_ cli: CLI, _ line: String, status: Int32 = 1, containing words: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try #require(cli.bytes("roadmap.sqlite"), sourceLocation: sourceLocation)
        let result = try cli.run(line)
        #expect(result.status == status, "\(line): exit \(result.status), \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(line) printed: \(result.stdout)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1 && result.stderr.hasPrefix("error: "), "\(line): \(result.stderr)", sourceLocation: sourceLocation)
        for word in words {
            #expect(result.stderr.contains(word), "\(line): '\(word)' not in \(result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(cli.bytes("roadmap.sqlite") == before, "\(line) changed the file", sourceLocation: sourceLocation)
    }

    @Test func theWholeLoopFromOpenToReport() throws {
        let cli = try Self.twoCycles()
        defer { cli.cleanUp() }
        let cycles = try #require(try cli.json("cycle list --json") as? [[String: Any]])
        #expect(cycles.map { $0["status"] as? String } == ["closed", "open"])

        let report = try #require(try cli.json("cycle report --json") as? [String: Any])
        let cycle = try #require(report["cycle"] as? [String: Any])
        #expect(cycle["id"] as? String == "C2" && cycle["status"] as? String == "open")
        #expect(report["previous_cycle"] as? String == "C1")
        let metrics = try #require(report["metrics"] as? [[String: Any]])
        #expect(metrics.map { $0["metric"] as? String } == ["doorlooptijd", "tevredenheid"])

        // Lower is better: 9 → 9.5 days, within the noise (t ≈ 0.83): no clear change, though away from the target 5.
        let days = metrics[0]
        #expect(days["direction"] as? String == "lower")
        #expect(days["verdict"] as? String == "no_clear_change")
        #expect((days["compared_with"] as? [String: Any])?["cycle"] as? String == "C1")
        #expect(days["change"] as? Double == 0.5)
        #expect((days["noise"] as? [String: Any])?["verdict"] as? String == "within_noise")
        #expect(days["moving_away_from_target"] as? Bool == true)
        #expect((days["previous"] as? [String: Any])?["value"] as? Double == 9)

        // Satisfaction: 7.5 → 9 from the raw responses, larger than the noise; (9 − 6) / (9.5 − 6) of the way.
        let score = metrics[1]
        #expect(score["verdict"] as? String == "improved")
        #expect(score["change"] as? Double == 1.5)
        #expect(score["change_from_baseline"] as? Double == 3)
        let current = try #require(score["current"] as? [String: Any])
        #expect(current["value"] as? Double == 9 && current["n"] as? Int == 12 && current["suppressed"] as? Bool == false)
        let previous = try #require(score["previous"] as? [String: Any])
        #expect(previous["cycle"] as? String == "C1" && previous["value"] as? Double == 7.5)
        #expect(previous["sd"] as? Double == 1.446, "√(23/11) to four places")
        let noise = try #require(score["noise"] as? [String: Any])
        #expect(noise["verdict"] as? String == "larger_than_noise")
        #expect(((noise["p"] as? Double) ?? 1) < 0.05)
        #expect(score["progress"] as? Double == 0.8571)

        let attention = try #require(report["attention"] as? [[String: Any]])
        let moving = attention.first { $0["key"] as? String == "metrics_moving_away" }
        #expect(moving?["records"] as? [String] == ["doorlooptijd"])

        // The closed cycle keeps its note and end date.
        let spring = try #require(try cli.json("cycle show C1 --json") as? [String: Any])
        #expect(spring["status"] as? String == "closed" && spring["end_date"] as? String == "2014-06-30")
        #expect(spring["note"] as? String == "Statusberichten werken; telefoon nog te traag")
        #expect((spring["measurements"] as? [Any])?.count == 2)

        // The comments survived the semicolons and the line break.
        let comments = try #require(try cli.json("survey comments --metric tevredenheid --json") as? [[String: Any]])
        #expect(comments.map { $0["comment"] as? String }
                == ["Snel geholpen; vriendelijk", "Niets meer gehoord.\nNa drie weken nog steeds niets."])
        let id = try #require(comments[0]["id"] as? Int)
        try cli.ok("survey quote \(id)")
        let quoted = try #require(try cli.json("survey comments --json") as? [[String: Any]])
        #expect(quoted.map { $0["quotable"] as? Bool } == [true, false])

        // The text report: every line fits 100 columns and names the verdicts.
        let text = try cli.ok("cycle report")
        #expect(text.stdout.contains("improved") && text.stdout.contains("no clear change"))
        #expect(text.stdout.contains("p < 0.001") || text.stdout.contains("p = 0.0"), "\(text.stdout)")
        #expect(!text.stdout.contains("p 0") && !text.stdout.contains("p = 0 "), "a p-value is never written as 0")
        #expect(text.stdout.contains("retrospective") == false, "C2 has no note yet")
        for line in text.lines {
            #expect(line.count <= 100, "too wide (\(line.count)): \(line)")
        }
        let closed = try cli.ok("cycle report C1")
        #expect(closed.stdout.contains("retrospective: Statusberichten werken; telefoon nog te traag"))
        for line in closed.lines {
            #expect(line.count <= 100, "too wide (\(line.count)): \(line)")
        }
    }

    @Test func aClosedCycleRefusesEveryChangeToItsMeasurements() throws {
        let cli = try Self.twoCycles()
        defer { cli.cleanUp() }
        try Self.write(cli, "metingen.csv", "metric,value,cycle\ndoorlooptijd,8,C1\n")
        try Self.write(cli, "nog.csv", "cijfer\n7\n")
        for line in ["measure doorlooptijd 8 --cycle C1",
                     "measure remove doorlooptijd --cycle C1",
                     "survey import nog.csv --metric tevredenheid --cycle C1 --map score=cijfer",
                     "survey import nog.csv --metric tevredenheid --cycle C1 --map score=cijfer --dry-run"] {
            try expectRefused(cli, line, containing: ["C1", "closed", "frozen"])
        }
        try expectRefused(cli, "measure import metingen.csv", containing: ["metingen.csv", "line 2", "closed", "frozen",
                                                                           "nothing was imported"])
        try expectRefused(cli, "cycle open 'Herfst 2014'", containing: ["C2", "still open"])
        try expectRefused(cli, "cycle close C1 --note nogmaals", containing: ["C1", "already closed"])
    }

    @Test func aBadSurveyFileIsRefusedNamingItsLine() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        try cli.ok("cycle open 'Voorjaar 2014' --start 2014-03-01")
        try cli.ok("survey import voorjaar.csv --metric tevredenheid --map score=cijfer")
        let files: [(String, String, [String])] = [
            ("tekst.csv", "cijfer;comment\n7;goed\n8;\"twee\nregels\"\nzeven;slecht\n", ["tekst.csv", "line 5", "column cijfer", "zeven"]),
            ("schaal.csv", "cijfer\n7\n12\n", ["schaal.csv", "line 3", "above the scale"]),
            ("kop.csv", "datum,waarde\n2014-03-01,7\n", ["kop.csv", "line 1", "no column 'cijfer'"]),
            ("kanaal.csv", "channel,cijfer\nweb,7\nfax,6\n", ["kanaal.csv", "line 3", "unknown channel 'fax'"]),
            ("datum.csv", "date,cijfer\n2014-02-30,7\n", ["datum.csv", "line 2", "column date"]),
            ("leeg.csv", "", ["leeg.csv", "line 1", "empty"]),
            ("alleenkop.csv", "date;cijfer\n", ["alleenkop.csv", "holds no responses"]),
        ]
        for (name, text, words) in files {
            try Self.write(cli, name, text)
            try expectRefused(cli, "survey import \(name) --metric tevredenheid --map score=cijfer", containing: words)
        }
        // Latin-1 in a comment, and a line of 5 MB.
        try Self.write(cli, "latin1.csv", Data("cijfer,comment\n7,goed\n8,".utf8) + Data([0xE9, 0xE9, 0x6E]) + Data("\n".utf8))
        try expectRefused(cli, "survey import latin1.csv --metric tevredenheid --map score=cijfer",
                          containing: ["latin1.csv", "line 3", "UTF-8"])
        try Self.write(cli, "groot.csv", "cijfer,comment\n7,goed\n8," + String(repeating: "x", count: 5_000_000) + "\n")
        try expectRefused(cli, "survey import groot.csv --metric tevredenheid --map score=cijfer",
                          containing: ["groot.csv", "line 3", "longer than"])
        try expectRefused(cli, "survey import ontbreekt.csv --metric tevredenheid", containing: ["ontbreekt.csv"])
        try expectRefused(cli, "survey import voorjaar.csv --map score=cijfer", status: 64, containing: ["--metric"])

        // The earlier import is untouched.
        let results = try #require(try cli.json("survey results tevredenheid --json") as? [String: Any])
        #expect((results["overall"] as? [String: Any])?["n"] as? Int == 12)
    }

    @Test func anErrorMessageStaysOneLineWhenTheFieldHoldsALineBreak() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        try cli.ok("cycle open 'Voorjaar 2014' --start 2014-03-01")
        try Self.write(cli, "kanaal.csv", "channel,cijfer\nweb,7\n\"fax\nof brief\",6\n")
        let before = try #require(cli.bytes("roadmap.sqlite"))
        let result = try cli.run("survey import kanaal.csv --metric tevredenheid --map score=cijfer")
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 3"))
        #expect(cli.bytes("roadmap.sqlite") == before)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func dryRunsLeaveTheFileAsItWas() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        try cli.ok("cycle open 'Voorjaar 2014' --start 2014-03-01")
        try Self.write(cli, "metingen.csv", "metric;value;n\ndoorlooptijd;9,5;40\n")
        try Self.write(cli, "kcc.csv", "period;channel;reason;count\n2014-03;telefoon;Afval;120\n2014-03;web;Afval;80\n")
        let before = try #require(cli.bytes("roadmap.sqlite"))
        let survey = try cli.ok("survey import voorjaar.csv --metric tevredenheid --map score=cijfer --dry-run")
        #expect(survey.stdout.hasPrefix("dry run: would import 12 responses for tevredenheid into C1 \"Voorjaar 2014\""),
                "\(survey.stdout)")
        #expect(survey.stdout.contains("result: mean 7.5, sd 1.45, n 12"), "\(survey.stdout)")
        let measures = try cli.ok("measure import metingen.csv --dry-run")
        #expect(measures.stdout.contains("dry run: would import 1 measurement"))
        let volumes = try cli.ok("volume import kcc.csv --dry-run")
        #expect(volumes.stdout.contains("dry run: would import 200 contacts in 2 counts for March 2014"))
        #expect(cli.bytes("roadmap.sqlite") == before)
        // And for real, the same figures.
        let real = try cli.ok("survey import voorjaar.csv --metric tevredenheid --map score=cijfer")
        #expect(real.stdout.hasPrefix("imported 12 responses for tevredenheid into C1 \"Voorjaar 2014\""))
        #expect(real.stdout.contains("result: mean 7.5, sd 1.45, n 12"), "\(real.stdout)")
        #expect(cli.bytes("roadmap.sqlite") != before)
    }

    @Test func suppressedGroupsShowNoNumbers() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        try cli.ok("cycle open 'Voorjaar 2014' --start 2014-03-01")
        try cli.ok("survey import voorjaar.csv --metric tevredenheid --map score=cijfer")
        // Twelve respondents: the whole is shown; per phase (5 and 7) and per channel (5, 3, 4) nothing is.
        let results = try #require(try cli.json("survey results tevredenheid --json") as? [String: Any])
        #expect(results["threshold"] as? Int == 10)
        let overall = try #require(results["overall"] as? [String: Any])
        #expect(overall["n"] as? Int == 12 && overall["mean"] as? Double == 7.5)
        // Every score was given fewer than ten times, so none is shown by itself.
        #expect((results["distribution"] as? [Any])?.count == 0 && results["other_scores"] as? Int == 12)
        let groups = (results["by_phase"] as? [[String: Any]] ?? []) + (results["by_channel"] as? [[String: Any]] ?? [])
        #expect(groups.map { $0["group"] as? String } == ["contact", "afronding", "app", "telefoon", "web"], "phases in the journey's order")
        for group in groups {
            #expect(group["suppressed"] as? Bool == true)
            for key in ["n", "mean", "sd"] {
                #expect(group[key] is NSNull, "\(group["group"] ?? "?") shows \(key)")
            }
        }
        let text = try cli.ok("survey results tevredenheid")
        #expect(text.stdout.contains("suppressed") && !text.stdout.contains("7.6"), "contact's mean 7.6 must not show")

        // With a threshold of 5, the groups of 5 and more are shown, telefoon (3) and web (4) are not.
        try cli.ok("survey threshold 5")
        let lower = try #require(try cli.json("survey results tevredenheid --json") as? [String: Any])
        let channels = try #require(lower["by_channel"] as? [[String: Any]])
        #expect(channels.map { $0["suppressed"] as? Bool } == [false, true, true])
        #expect(channels[0]["mean"] as? Double == 7.4 && channels[1]["mean"] is NSNull && channels[2]["n"] is NSNull)
        try expectRefused(cli, "survey threshold 0", status: 64, containing: ["at least 1"])

        // A survey of nine is suppressed as a whole, in the results and in the cycle report.
        try cli.ok("survey threshold 10")
        try Self.write(cli, "negen.csv", "cijfer\n" + String(repeating: "8\n", count: 9))
        let nine = try cli.ok("survey import negen.csv --metric tevredenheid --map score=cijfer --replace")
        #expect(nine.stdout.contains("suppressed") && !nine.stdout.contains("mean"))
        let hidden = try #require(try cli.json("survey results tevredenheid --json") as? [String: Any])
        #expect((hidden["overall"] as? [String: Any])?["mean"] is NSNull)
        #expect((hidden["distribution"] as? [Any])?.isEmpty == true)
        let report = try #require(try cli.json("cycle report --json") as? [String: Any])
        let row = try #require((report["metrics"] as? [[String: Any]])?.first { $0["metric"] as? String == "tevredenheid" })
        #expect(row["verdict"] as? String == "suppressed")
        let current = try #require(row["current"] as? [String: Any])
        #expect(current["suppressed"] as? Bool == true && current["value"] == nil && current["n"] == nil)
        #expect(row["change"] is NSNull && row["progress"] is NSNull)
        let reportText = try cli.ok("cycle report")
        #expect(reportText.stdout.contains("suppressed"))

        let listed = try #require(try cli.json("measure list --metric tevredenheid --json") as? [[String: Any]])
        #expect(listed.allSatisfy { $0["value"] is NSNull }, "\(listed)")
    }

    @Test func volumesImportAndShowTheChannelMix() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        try Self.write(cli, "kcc.csv", "period;channel;reason;count\n2014-03;telefoon;Afval;120\n2014-03;web;Afval;80\n"
                       + "2014-03;telefoon;Paspoort;50\n")
        try cli.ok("volume import kcc.csv")
        let mix = try #require(try cli.json("volume mix --json") as? [[String: Any]])
        #expect(mix.count == 1 && mix[0]["total"] as? Int == 250)
        let channels = try #require(mix[0]["channels"] as? [[String: Any]])
        #expect(channels.map { $0["channel"] as? String } == ["telefoon", "web"])
        #expect(channels.map { $0["share"] as? Double } == [0.68, 0.32])
        try cli.ok("volume import kcc.csv")
        let again = try #require(try cli.json("volume mix --json") as? [[String: Any]])
        #expect(again[0]["total"] as? Int == 250, "the same file twice changes nothing")
        let text = try cli.ok("volume mix")
        #expect(text.stdout.contains("March 2014: 250 contacts") && text.stdout.contains("telefoon 68%"))

        try Self.write(cli, "fax.csv", "datum,kanaal\n12-03-2014,web\n13-03-2014,fax\n")
        try expectRefused(cli, "volume import fax.csv --map date=datum --map channel=kanaal",
                          containing: ["fax.csv", "line 3", "unknown channel 'fax'"])
    }

    @Test func exportAndImportKeepCyclesSurveysAndVolumes() throws {
        let cli = try Self.twoCycles()
        defer { cli.cleanUp() }
        try cli.ok("survey threshold 7")
        try Self.write(cli, "kcc.csv", "period,channel,count\n2014-03,web,80\n")
        try cli.ok("volume import kcc.csv")
        let exported = try cli.ok("export")
        try Self.write(cli, "roadmap.json", exported.stdout)
        try cli.ok("--db kopie.sqlite import roadmap.json")
        let again = try cli.ok("--db kopie.sqlite export")
        #expect(again.stdout == exported.stdout)
        #expect(exported.stdout.contains("\"privacy_threshold\""))
    }
}
