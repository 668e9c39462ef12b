import Foundation
import Testing

/// The classes of attack of a careful outsider, through the built binary: output folders that are
/// not the user's, logos that could run or fetch something, every way in validated like the
/// command line, control characters that would drive the terminal, values outside their scale.
@Suite struct SafetyTests {
    static func roadmap() throws -> CLI {
        var cli = try CLI()
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        try cli.ok("init --name Molensloot")
        return cli
    }

    static func expectRefused(_ cli: CLI, _ arguments: [String], status: Int32 = 1, containing reason: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try cli.run(arguments)
        #expect(result.status == status, "\(arguments): exit \(result.status) \(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && result.stderr.contains(reason), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func systemFoldersDevicesAndLinksAreNeverTakenForTheSite() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        for folder in ["/etc", "/usr/local", "/var", "/var/lib", "/bin", "/proc", "/home"] {
            try Self.expectRefused(cli, ["site", "build", "--out", folder, "--force"], containing: "it is a system folder")
        }
        try Self.expectRefused(cli, ["site", "build", "--out", "/dev/null", "--force"], containing: "system folder")
        try Self.expectRefused(cli, ["site", "build", "--out", "/dev/shm", "--force"], containing: "system folder")
        // A folder in /dev/shm is the user's own, as one in /tmp is: a site built in memory.
        if FileManager.default.isWritableFile(atPath: "/dev/shm") {
            let inMemory = "/dev/shm/molensloot-test-\(getpid())"
            defer { try? FileManager.default.removeItem(atPath: inMemory) }
            try cli.ok("site build --out \(inMemory)")
        }
        #expect(mkfifo(cli.path("pijp"), 0o600) == 0)
        try Self.expectRefused(cli, ["site", "build", "--out", "pijp", "--force"], containing: "a pipe or socket")
        #expect(FileManager.default.fileExists(atPath: cli.path("pijp")))
        try cli.ok("site build --out site")
    }

    @Test func aLogoMustBeAPlainFileAndAnImageThatRunsNothing() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let svgs = [
            "script": #"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
            "handler": "<svg xmlns=\"http://www.w3.org/2000/svg\"\nonload=\"alert(1)\"><rect/></svg>",
            "foreign": #"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>"#,
            "external": #"<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://tracker.example/x)"/></svg>"#,
            "href": #"<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/x.png"/></svg>"#,
        ]
        for (name, svg) in svgs {
            try Data(svg.utf8).write(to: URL(fileURLWithPath: cli.path("\(name).svg")))
            try Self.expectRefused(cli, ["site", "theme", "--logo", "\(name).svg"], containing: "the SVG logo holds")
        }
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: cli.path("nep.png")))
        try Self.expectRefused(cli, ["site", "theme", "--logo", "nep.png"], containing: "is not a PNG image")
        let plain = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#00548c"/></svg>"##
        try Data(plain.utf8).write(to: URL(fileURLWithPath: cli.path("logo.svg")))
        try FileManager.default.createSymbolicLink(atPath: cli.path("link.svg"), withDestinationPath: cli.path("logo.svg"))
        try Self.expectRefused(cli, ["site", "theme", "--logo", "link.svg"], containing: "is not a regular file")
        try Self.expectRefused(cli, ["site", "theme", "--logo", "/dev/zero.svg"], containing: "cannot read")
        try cli.ok("site theme --logo logo.svg")
    }

    @Test func anImportAppliesTheRulesOfTheCommandLine() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let script = Data(#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#.utf8).base64EncodedString()
        let cases: [(String, String, String)] = [
            ("kleur", #""settings": {"theme_primary": "red;}</style><script>alert(1)</script>"}"#, "theme_primary"),
            ("licht", ##""settings": {"theme_primary": "#ffff00"}"##, "contrast"),
            ("logo", #""settings": {"theme_logo": "svg:\#(script)"}"#, "the SVG logo holds"),
            ("drempel", #""settings": {"privacy_threshold": "3"}"#, "--allow-small-groups"),
            ("schaal", #""metrics": [{"slug": "cijfer", "name": "Cijfer", "unit": "cijfer", "direction": "higher", "scale_min": 10, "scale_max": 1}]"#, "is not below"),
            ("basis", #""metrics": [{"slug": "cijfer", "name": "Cijfer", "unit": "cijfer", "direction": "higher", "scale_min": 1, "scale_max": 10, "baseline": 11}]"#,
             "above cijfer's scale"),
            ("escape", #""principles": [{"id": "P1", "title": "Niet \u001b]0;pwned\u0007 zoeken"}]"#, "control characters"),
        ]
        for (name, section, reason) in cases {
            let text = #"{"format": "molensloot-roadmap", "version": 4, \#(section)}"#
            try Data(text.utf8).write(to: URL(fileURLWithPath: cli.path("\(name).json")))
            try Self.expectRefused(cli, ["init", "--db", "\(name).sqlite", "--from", "\(name).json"], containing: reason)
            #expect(!FileManager.default.fileExists(atPath: cli.path("\(name).sqlite")), "\(name): a file was left")
        }
        try cli.ok("init --db klein.sqlite --from drempel.json --allow-small-groups")
    }

    @Test func valuesOutsideTheirScaleAndSmallThresholdsAreRefused() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        try Self.expectRefused(cli, ["metric", "add", "cijfer", "Cijfer", "--unit", "cijfer", "--scale-min", "10", "--scale-max", "1"], containing: "is not below")
        try Self.expectRefused(cli, ["metric", "add", "cijfer", "Cijfer", "--unit", "cijfer", "--scale-min", "1", "--scale-max", "10", "--target", "12"],
                               containing: "above cijfer's scale")
        try cli.ok("metric add cijfer Cijfer --unit cijfer --scale-min 1 --scale-max 10 --baseline 6,4")
        try cli.ok("cycle open Voorjaar --start 2014-03-01 --end 2014-06-30")
        try Self.expectRefused(cli, ["measure", "cijfer", "11"], containing: "above cijfer's scale")
        try Data("metric;value;n\ncijfer;0,5;20\n".utf8).write(to: URL(fileURLWithPath: cli.path("metingen.csv")))
        let imported = try cli.run("measure import metingen.csv")
        #expect(imported.status == 1 && imported.stderr.contains("below cijfer's scale"), "\(imported.stderr)")
        try Data("date;score\n2014-05-02;7\n2014-07-02;7\n".utf8).write(to: URL(fileURLWithPath: cli.path("enquete.csv")))
        try Self.expectRefused(cli, ["survey", "import", "enquete.csv", "--metric", "cijfer"], containing: "1 in no cycle")
        try Self.expectRefused(cli, ["survey", "threshold", "3"], containing: "--allow-small-groups")
        try cli.ok("survey threshold 3 --allow-small-groups")
        try cli.ok("survey threshold 5")
        // A value already in a file from before the rules: `check` names it.
        try SQLiteFile.execute(cli.path("roadmap.sqlite"), "UPDATE metrics SET baseline = 42 WHERE slug = 'cijfer'")
        let check = try cli.run("check")
        #expect(check.stdout.contains("cijfer") && check.stdout.contains("above cijfer's scale"), "\(check.stdout)")
    }

    @Test func controlCharactersNeverReachTheTerminal() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        try Self.expectRefused(cli, ["principle", "add", "Niet \u{1B}]0;pwned\u{07} zoeken"], status: 64, containing: "control characters")
        // A text already in the file (an older version let it in) is shown escaped, never obeyed.
        try cli.ok("principle add Gewoon")
        try SQLiteFile.execute(cli.path("roadmap.sqlite"), "UPDATE principles SET title = 'Rood ' || char(27) || '[31m' || char(155) || 'x'")
        for line in ["principle list", "principle show P1", "log"] {
            let output = try cli.ok(line)
            #expect(!output.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0.value == 0x9B }, "\(line): \(output.stdout)")
        }
        #expect(try cli.ok("principle list").stdout.contains("Rood \\u{1B}[31m\\u{9B}x"))
    }
}
