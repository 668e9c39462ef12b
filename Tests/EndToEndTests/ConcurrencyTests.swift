import Foundation
import Testing

/// Two managers at once: two processes each adding 500 findings at the same moment, and the site
/// built again and again while they write.
@Suite struct ConcurrencyTests {
    /// A shell loop of `finding add`s; every failure is noted with its exit code, stderr is kept.
    static func writer(_ cli: CLI, name: String, count: Int) throws -> Process {
        try loop(cli, name: name, count: count, command: """
            "$MOLENSLOOT_BIN" finding add "Bevinding $1 nummer $i" --kind improve --journey mor --phase contact --by "$1"
            """)
    }

    /// A colleague who imports the survey again and again, a small one and a larger one in turn:
    /// each import replaces the responses and the measurement computed from them in one go.
    static func surveyor(_ cli: CLI, count: Int) throws -> Process {
        try loop(cli, name: "enquete", count: count, command: """
            "$MOLENSLOOT_BIN" survey import "enquete-$((i % 2)).csv" --metric tevredenheid --replace
            """)
    }

    static func loop(_ cli: CLI, name: String, count: Int, command: String) throws -> Process {
        let script = """
            failed=0
            for i in $(seq \(count)); do
              \(command) >/dev/null 2>>"stderr-$1.txt" || { echo "$i exit $?" >> "failed-$1.txt"; failed=1; }
            done
            exit $failed
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", name]
        process.currentDirectoryURL = cli.directory
        process.environment = cli.environment.merging(["MOLENSLOOT_BIN": CLI.binary.path]) { $1 }
        return process
    }

    /// The whole numbers in the table cells of the metric's page: its measurement (value and n,
    /// from the measurements) and its survey (the count per score, from the responses).
    static func numbers(site: String) -> Set<Int> {
        guard let page = try? String(contentsOfFile: site + "/meting-tevredenheid.html", encoding: .utf8) else { return [] }
        // A cell carries its column's name as well (data-label): read from the end of its tag.
        return Set(page.components(separatedBy: "<td class=\"num\"").dropFirst().compactMap { cell in
            Int(cell.drop { $0 != ">" }.dropFirst().prefix { $0.isNumber })
        })
    }

    /// The ids of the finding pages of a built site, and what its findings page says about them:
    /// the count in the caption and the pages it links to.
    static func findingsOf(site: String) throws -> (pages: Set<Int>, caption: Int?, linked: Set<Int>) {
        var pages: Set<Int> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: site) where name.hasPrefix("f") && name.hasSuffix(".html") {
            if let id = Int(name.dropFirst().dropLast(5)) { pages.insert(id) }
        }
        let overview = try String(contentsOfFile: site + "/bevindingen.html", encoding: .utf8)
        var caption: Int?
        if let range = overview.range(of: "Alle bevindingen (") {
            caption = Int(overview[range.upperBound...].prefix { $0 != ")" }.filter(\.isNumber))
        }
        var linked: Set<Int> = []
        for part in overview.components(separatedBy: "href=\"f").dropFirst() {
            if let id = Int(part.prefix { $0.isNumber }), part.dropFirst(String(id).count).hasPrefix(".html") { linked.insert(id) }
        }
        return (pages, caption, linked)
    }

    @Test func twoWritersAndSiteBuildsLoseNothingAndNeverSeeALock() throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        try cli.ok("init --name 'Gemeente Molensloot'")
        try cli.ok("journey add mor 'Melding openbare ruimte'")
        try cli.ok("metric add tevredenheid Tevredenheid --unit cijfer --scale-min 1 --scale-max 10")
        try cli.ok("cycle open Voorjaar --start 2014-03-01")
        // 23 times a 3, or 37 times an 8: a build shows one of the two, never a mix.
        try Data(("score\n" + String(repeating: "3\n", count: 23)).utf8).write(to: URL(fileURLWithPath: cli.path("enquete-0.csv")))
        try Data(("score\n" + String(repeating: "8\n", count: 37)).utf8).write(to: URL(fileURLWithPath: cli.path("enquete-1.csv")))

        let writers = try ["jeske", "ruud"].map { try Self.writer(cli, name: $0, count: 500) } + [try Self.surveyor(cli, count: 150)]
        for writer in writers { try writer.run() }
        // Build the site again and again while they write; each build must be one moment of the roadmap.
        var builds: [(status: Int32, stderr: String, pages: Set<Int>, caption: Int?, linked: Set<Int>, survey: Set<Int>)] = []
        var number = 0
        while writers.contains(where: \.isRunning) || builds.count < 2 {
            number += 1
            let out = "site-\(number)"
            let result = try cli.run(["site", "build", "--out", out, "--lang", "nl"])
            let found: (pages: Set<Int>, caption: Int?, linked: Set<Int>) =
                result.status == 0 ? try Self.findingsOf(site: cli.path(out)) : ([], nil, [])
            builds.append((result.status, result.stderr, found.pages, found.caption, found.linked, Self.numbers(site: cli.path(out))))
            try? FileManager.default.removeItem(atPath: cli.path(out))
        }
        for writer in writers { writer.waitUntilExit() }

        for name in ["jeske", "ruud", "enquete"] {
            let stderr = String(decoding: cli.bytes("stderr-\(name).txt") ?? Data(), as: UTF8.self)
            let failed = String(decoding: cli.bytes("failed-\(name).txt") ?? Data(), as: UTF8.self)
            #expect(stderr.isEmpty, "\(name)'s commands printed errors: \(stderr.prefix(500))")
            #expect(!stderr.contains("locked") && !stderr.contains("busy"))
            #expect(failed.isEmpty, "\(name)'s failed commands: \(failed.prefix(500))")
        }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })

        // All thousand findings landed, each once, with the ids handed out without a gap.
        let findings = try #require(try cli.json("finding list --json") as? [[String: Any]])
        #expect(findings.count == 1_000)
        let titles = Set(findings.compactMap { $0["title"] as? String })
        #expect(titles.count == 1_000)
        for name in ["jeske", "ruud"] {
            #expect((1...500).allSatisfy { titles.contains("Bevinding \(name) nummer \($0)") }, "\(name) lost findings")
        }
        #expect(Set(findings.compactMap { $0["id"] as? String }) == Set((1...1_000).map { "F\($0)" }))
        #expect(try cli.run("check").status == 0)

        // Every build saw one moment: its finding pages are exactly the findings its overview counts and links.
        #expect(builds.count >= 2)
        var counts: [Int] = []
        for (index, build) in builds.enumerated() {
            #expect(build.status == 0, "build \(index + 1): \(build.stderr)")
            #expect(!build.stderr.contains("locked"))
            guard build.status == 0 else { continue }
            // Without findings the overview has no table, and so no caption.
            #expect((build.caption ?? 0) == build.pages.count, "build \(index + 1): caption \(build.caption ?? -1), \(build.pages.count) pages")
            #expect(build.linked == build.pages, "build \(index + 1): the overview links other findings than there are pages")
            #expect(!(build.survey.contains(23) && build.survey.contains(37)), "build \(index + 1): two surveys at once: \(build.survey.sorted())")
            counts.append(build.pages.count)
        }
        #expect(builds.contains { $0.survey.contains(23) || $0.survey.contains(37) }, "no build showed the survey")
        // Later builds never see fewer findings than earlier ones.
        #expect(counts == counts.sorted(), "\(counts)")
        // At least one build ran in the middle of the writing.
        #expect(counts.contains { $0 > 0 && $0 < 1_000 }, "\(counts)")
    }
}
