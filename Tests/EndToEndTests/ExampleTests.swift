import Foundation
import Testing

/// The example roadmaps in Roadmaps/ and the demo built from them: the richest fixtures there are.
@Suite struct ExampleTests {
    static let roadmaps = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Roadmaps")
    static let names = ["molensloot", "haarlemmermeer-mor", "ede-omgevingsvergunning"]

    @Test(arguments: names)
    func anExampleImportsChecksCleanAndExportsUnchanged(_ name: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let source = Self.roadmaps.appendingPathComponent("\(name).json")
        try cli.ok("--db example.sqlite init --from \(source.path)")
        let check = try cli.run("--db example.sqlite check")
        #expect(check.status == 0 && check.stdout.contains("no problems"), "\(check.stdout)\(check.stderr)")
        let exported = try cli.ok("--db example.sqlite export").stdout
        #expect(exported == (try String(contentsOf: source, encoding: .utf8)), "\(name): export differs from the file")

        // Every record with a page of its own gets one; every cycle has a report.
        let document = try #require(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
        try cli.ok("--db example.sqlite site build --out site --lang nl")
        let site = URL(fileURLWithPath: cli.path("site"))
        for (section, prefix) in [("findings", ""), ("opportunities", ""), ("items", ""), ("cycles", "")] {
            for record in document[section] as? [[String: Any]] ?? [] {
                let id = try #require(record["id"] as? String)
                #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(prefix + id.lowercased() + ".html").path),
                        "\(name): no page for \(id)")
            }
        }
        for metric in document["metrics"] as? [[String: Any]] ?? [] {
            let slug = try #require(metric["slug"] as? String)
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("meting-\(slug).html").path))
        }
        for journey in document["journeys"] as? [[String: Any]] ?? [] {
            let slug = try #require(journey["slug"] as? String)
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("klantreis-\(slug).html").path))
        }
        for cycle in document["cycles"] as? [[String: Any]] ?? [] {
            let id = try #require(cycle["id"] as? String)
            #expect(try cli.run("--db example.sqlite cycle report \(id)").status == 0)
        }
    }

    @Test func theDemoBuildsTheExampleAndSaysWhereItIs() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.ok("demo --out demo --lang nl")
        let index = cli.path("demo/site-molensloot/index.html")
        #expect(result.stdout.contains(index), "\(result.stdout)")
        let dashboard = try String(contentsOfFile: index, encoding: .utf8)
        // The six steps, the cycles and the metrics against target.
        #expect(dashboard.contains("Stap 6") && dashboard.contains("Verbetercyclus") && dashboard.contains("tegen hun doel"))
        // Running it again replaces the demo instead of failing on the existing file.
        try cli.ok("demo --out demo --example haarlemmermeer-mor --lang en")
        try cli.ok("demo --out demo")
        #expect(try cli.run("demo --example onbekend").status == 64)
    }

    @Test func aCopiedBinaryBuildsTheDemoAlone() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let copy = URL(fileURLWithPath: cli.path("molensloot"))
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["demo", "--out", cli.path("alone")]
        process.currentDirectoryURL = cli.directory
        // The test's own surroundings, not the shell's: no roadmap, key or language of the host.
        process.environment = cli.environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let css = try String(contentsOfFile: cli.path("alone/site-molensloot/assets/style.css"), encoding: .utf8)
        #expect(css.contains("--ms-primary"))
    }
}
