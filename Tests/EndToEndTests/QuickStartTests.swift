import Foundation
import Testing

/// The README's quick start, run line by line exactly as written there.
@Suite struct QuickStartTests {
    static let readme: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    /// The `molensloot` lines of the first shell block after the "Quick start" heading.
    static var quickStart: [String] {
        guard let start = readme.range(of: "## Quick start") else { return [] }
        let rest = readme[start.upperBound...]
        guard let open = rest.range(of: "```sh\n"), let close = rest[open.upperBound...].range(of: "```") else { return [] }
        var lines: [String] = []
        var pending = ""
        for raw in rest[open.upperBound..<close.lowerBound].split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            let full = pending + line
            pending = ""
            if full.hasPrefix("molensloot ") { lines.append(full) }
        }
        return lines
    }

    @Test func quickStartRunsAndShowsTheChain() throws {
        let lines = Self.quickStart
        try #require(lines.count >= 15, "the README's quick start was not found or is too short")
        let cli = try CLI()
        defer { cli.cleanUp() }
        // The quick start copies the example exports from Roadmaps/ into its folder first.
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Roadmaps")
        for name in ["enquete-voorjaar-2014.csv", "enquete-najaar-2014.csv", "klantcontacten-najaar-2014.json"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: URL(fileURLWithPath: cli.path(name)))
        }
        var last: [String: CLI.Result] = [:]
        for line in lines {
            let words = CLI.split(line)
            let result = try cli.run(Array(words.dropFirst()))
            #expect(result.status == 0, "\(line) → \(result.stderr)")
            last[words.dropFirst().first ?? ""] = result
        }
        let roadmap = try #require(last["roadmap"]).stdout
        let status = try #require(last["status"]).stdout
        // The chain from finding to opportunity to metric appears under its item.
        #expect(roadmap.contains("F1") && roadmap.contains("→ O1") && roadmap.contains("NOW"))
        #expect(status.contains("1 Visie aanscherpen") && status.contains("5 Roadmap en werkafspraken"))
        #expect(try cli.run("check").status == 0)
        // The Dutch survey exports and the Open Klant page imported without a single option.
        let report = try #require(last["cycle"]).stdout
        #expect(report.contains("tevredenheid-mor") && report.contains("improved") && report.contains("beyond noise"), "\(report)")
        #expect(report.contains("eerste-keer-goed") && report.contains("52%"), "\(report)")
        let surveys = try #require(last["survey"]).stdout
        #expect(surveys.contains("imported 204 responses for tevredenheid-mor into C2"), "\(surveys)")
    }
}
