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
        #expect(status.contains("1 Sharpen the vision") && status.contains("5 Roadmap and working agreements"))
        #expect(try cli.run("check").status == 0)
        // The Dutch survey exports and the Open Klant page imported without a single option.
        let report = try #require(last["cycle"]).stdout
        #expect(report.contains("tevredenheid-mor") && report.contains("improved") && report.contains("beyond noise"), "\(report)")
        #expect(report.contains("eerste-keer-goed") && report.contains("52%"), "\(report)")
        let surveys = try #require(last["survey"]).stdout
        #expect(surveys.contains("imported 204 responses for tevredenheid-mor into C2"), "\(surveys)")
    }
}

/// The Dutch output the README shows under its quick start is what the binary prints.
@Suite struct QuickStartOutputTests {
    /// Each `$ command` of the README's text block after "What it prints", with the lines below it.
    static var shown: [(command: String, output: String)] {
        let readme = QuickStartTests.readme
        guard let start = readme.range(of: "What it prints"),
              let open = readme[start.upperBound...].range(of: "```text\n"),
              let close = readme[open.upperBound...].range(of: "\n```") else { return [] }
        var blocks: [(command: String, output: String)] = []
        for line in readme[open.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("$ ") {
                blocks.append((String(line.dropFirst(2)), ""))
            } else if !blocks.isEmpty {
                blocks[blocks.count - 1].output += (blocks[blocks.count - 1].output.isEmpty ? "" : "\n") + line
            }
        }
        return blocks.map { ($0.command, $0.output.trimmingCharacters(in: .newlines)) }
    }

    @Test func theReadmeShowsWhatTheBinaryPrintsInDutch() throws {
        let shown = Self.shown
        try #require(shown.count >= 3, "the README's Dutch output was not found")
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_LANG"] = "nl"
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Roadmaps")
        for name in ["enquete-voorjaar-2014.csv", "enquete-najaar-2014.csv", "klantcontacten-najaar-2014.json"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: URL(fileURLWithPath: cli.path(name)))
        }
        var printed: [String: String] = [:]
        for line in QuickStartTests.quickStart {
            let words = CLI.split(line)
            let result = try cli.run(Array(words.dropFirst()))
            #expect(result.status == 0, "\(line) → \(result.stderr)")
            printed[String(line.dropFirst("molensloot ".count))] = result.stdout.trimmingCharacters(in: .newlines)
        }
        for (command, output) in shown {
            #expect(printed[command] == output, "README's output of '\(command)' differs from the binary's:\n\(printed[command] ?? "(not run)")")
        }
    }
}
