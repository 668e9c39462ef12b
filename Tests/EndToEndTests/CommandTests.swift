import Foundation
import Testing

@Suite struct CommandTests {
    @Test func helpWorksOnEveryLevel() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let root = try cli.run("--help")
        #expect(root.status == 0 && root.stdout.contains("SUBCOMMANDS:"))
        // The help names the steps as `status` and the README do, and places each noun in one.
        #expect(root.stdout.contains("2 Know the basics") && root.stdout.contains("6 Keep improving"))
        #expect(root.stdout.contains("'metric', 'insight', 'persona', 'channel', 'volume'"))
        #expect(root.stdout.contains(" metric ") && root.stdout.contains("Step 2: metrics (meeteenheden)"))
        #expect(!root.stdout.contains("Steps 1"))
        let nouns = ["init", "vision", "principle", "goal", "journey", "touchpoint", "persona", "channel", "metric",
                     "insight", "finding", "opportunity", "spearhead", "item", "agreement", "roadmap", "status",
                     "check", "log", "export", "import", "backup"]
        for noun in nouns {
            let help = try cli.run([noun, "--help"])
            #expect(help.status == 0 && help.stdout.hasPrefix("OVERVIEW:"), "\(noun) --help")
            let section = help.stdout.components(separatedBy: "SUBCOMMANDS:").dropFirst().first ?? ""
            let verbs = section.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
                .prefix(while: { !$0.isEmpty }).compactMap { $0.split(separator: " ").first.map(String.init) }
            for verb in verbs {
                let sub = try cli.run([noun, verb, "-h"])
                #expect(sub.status == 0 && sub.stdout.contains("USAGE: molensloot \(noun) \(verb)"), "\(noun) \(verb) -h")
            }
        }
        #expect(try cli.run("journey phase add --help").stdout.contains("<journey> <phase> <name>"))
    }

    @Test func jsonOutputsUseStableSnakeCaseKeys() throws {
        let cli = try BadInputTests.filled()
        defer { cli.cleanUp() }
        let findings = try #require(try cli.json("finding list --json") as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings[0]["id"] as? String == "F1")
        #expect(findings[0]["severity"] as? Int == 5)
        let item = try #require(try cli.json("item show R1 --json") as? [String: Any])
        #expect(item["due_date"] is NSNull)
        #expect((item["depends_on"] as? [[String: Any]])?.first?["id"] as? String == "R2")
        let roadmap = try #require(try cli.json("roadmap --json") as? [String: Any])
        #expect(Set(roadmap.keys) == ["now", "next", "later"])
        let now = try #require(roadmap["now"] as? [[String: Any]])
        #expect(now.first?["waits_for"] as? [String] == ["R2"])
        for line in ["status --json", "check --json", "log --json", "opportunity rank --json", "vision show --json",
                     "journey phase list mor --json", "metric show tevredenheid --json", "opportunity weights --json"] {
            _ = try cli.json(line)
        }
        let keys = try cli.run("export").stdout
        #expect(!keys.contains(where: \.isUppercase) || keys.contains("Melders"), "export keys are snake_case")
    }

    @Test func tablesFitInOneHundredColumns() throws {
        let cli = try BadInputTests.filled()
        defer { cli.cleanUp() }
        let long = String(repeating: "Oriëntatie op de omgevingsvergunning voor een dakkapel ", count: 4)
        try cli.ok("finding add '\(long)' --kind improve --journey mor --phase orientatie --source 'Klantreisonderzoek Ede 2013 日本語'")
        try cli.ok("item add '\(long)' --owner 'Jeske van der Heijden, manager Dienstverlening' --horizon now")
        for line in ["finding list", "item list", "roadmap", "status", "opportunity rank", "log"] {
            let output = try cli.ok(line).stdout
            for row in output.split(separator: "\n") {
                #expect(String(row).cellWidth <= 100, "\(line): \(row)")
            }
        }
        // Columns line up by what people see, not by bytes: the ë is one column wide.
        let list = try cli.ok("finding list").lines
        let header = try #require(list.first)
        let column = try #require(header.range(of: "KIND")).lowerBound
        let offset = header.distance(from: header.startIndex, to: column)
        for row in list.dropFirst().dropLast(2) where !row.isEmpty {
            #expect(row.dropFirst(offset).hasPrefix("improve"), "\(row)")
        }
    }

    @Test func removalIsRefusedWhileLinkedAndForcedWithLog() throws {
        let cli = try BadInputTests.filled()
        defer { cli.cleanUp() }
        let refused = try cli.run("opportunity remove O1")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("F1") && refused.stderr.contains("R1") && refused.stderr.contains("--force"))
        let forced = try cli.ok("--by jeske opportunity remove O1 --force")
        #expect(forced.stdout.contains("F1") && forced.stdout.contains("R1"))
        #expect(try cli.run("opportunity show O1").status == 1)
        let log = try #require(try cli.json("log --json --limit 3") as? [[String: Any]])
        #expect(log.map { $0["action"] as? String } == ["remove", "unlink", "unlink"])
        #expect(log.allSatisfy { $0["who"] as? String == "jeske" })
        #expect((log[0]["before"] as? [String: Any])?["title"] as? String == "Statusberichten")
        // The finding is back on the list of what needs attention.
        #expect(try cli.ok("status").stdout.contains("without an opportunity"))
    }

    @Test func exportImportExportIsIdentical() throws {
        let cli = try BadInputTests.filled()
        defer { cli.cleanUp() }
        try cli.ok("vision set 'Wij zijn \"goed\" bereikbaar & <b>digitaal</b> waar het kan.'")
        try cli.ok("persona add drukke-ouders 'Drukke ouders' --channels app,web")
        try cli.ok("item link R1 --metric tevredenheid --expect +0.6")
        try cli.ok("opportunity weights --preset rice")
        try cli.ok("export --out first.json")
        try cli.ok("--db copy.sqlite import first.json")
        try cli.ok("--db copy.sqlite export --out second.json")
        let first = try #require(cli.bytes("first.json"))
        #expect(first == cli.bytes("second.json"))
        #expect(String(decoding: first, as: UTF8.self).contains("\"expected_change\": 0.6"))
        // A file that holds a roadmap is not overwritten by accident.
        let again = try cli.run("--db copy.sqlite import first.json")
        #expect(again.status == 1 && again.stderr.contains("--replace"))
        try cli.ok("--db copy.sqlite import first.json --replace")
    }

    @Test func backupIsAWholeWorkingCopy() throws {
        let cli = try BadInputTests.filled()
        defer { cli.cleanUp() }
        try cli.ok("backup copy.sqlite")
        let original = try cli.ok("export").stdout
        #expect(try cli.ok("--db copy.sqlite export").stdout == original)
        #expect(try cli.run("backup copy.sqlite").status == 1)
    }

    @Test func phasesCanBeEditedAndFindingsFollow() throws {
        let cli = try BadInputTests.filled()
        defer { cli.cleanUp() }
        try cli.ok("journey phase edit mor afronding --slug terugkoppeling --name Terugkoppeling --position 2")
        let phases = try cli.ok("journey phase list mor").stdout
        #expect(phases.contains("2  terugkoppeling  Terugkoppeling"))
        let finding = try #require(try cli.json("finding show F1 --json") as? [String: Any])
        #expect(finding["phase"] as? String == "terugkoppeling")
        #expect(try cli.run("journey phase remove mor terugkoppeling").status == 1)
        try cli.ok("journey phase remove mor evaluatie")
        try cli.ok("journey add vergunning 'Omgevingsvergunning' --phases idee:Idee,aanvraag:Aanvraag,besluit:Besluit")
        #expect(try cli.ok("journey phase list vergunning").stdout.contains("3  besluit"))
    }

    @Test func statusNamesWhatNeedsAttention() throws {
        let cli = try BadInputTests.filled()
        defer { cli.cleanUp() }
        try cli.ok("item edit R2 --due-date 2014-05-01")
        try cli.ok("opportunity add 'Nog niet gepland' --impact 2 --effort 4")
        let status = try #require(try cli.json("status --json") as? [String: Any])
        let attention = try #require(status["attention"] as? [[String: Any]])
        func records(_ key: String) -> [String]? { attention.first { $0["key"] as? String == key }?["records"] as? [String] }
        #expect(records("opportunities_without_item") == ["O2"])
        #expect(records("items_without_metric") == ["R1", "R2"])
        #expect(records("overdue_items") == ["R2"])
        #expect(records("findings_without_opportunity") == nil)
    }
}

extension String {
    /// Terminal columns, as the CLI counts them: CJK takes two.
    var cellWidth: Int {
        reduce(0) { width, character in
            guard let scalar = character.unicodeScalars.first?.value else { return width }
            return width + ((0x1100...0x115F).contains(scalar) || (0x2E80...0xA4CF).contains(scalar)
                || (0xAC00...0xD7A3).contains(scalar) || (0xFF00...0xFF60).contains(scalar) ? 2 : 1)
        }
    }
}
