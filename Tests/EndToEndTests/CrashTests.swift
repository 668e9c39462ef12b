#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Fuzzing
import Store
import Testing

/// A process killed with SIGKILL in the middle of a large import or a site build: the file
/// passes its integrity check and holds all of the import or none of it; the site folder holds
/// the old site or the new one, whole; and the next run succeeds.
@Suite struct CrashTests {
    /// Starts the binary, waits until `ready` holds (or the process ended), waits `delay` more
    /// and kills it. Returns true when it was killed, false when it finished first.
    static func killMidway(_ cli: CLI, _ arguments: [String], after delay: Double, ready: (() -> Bool)? = nil) throws -> Bool {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = cli.directory
        process.environment = cli.environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let ready {
            while process.isRunning && !ready() { usleep(200) }
        }
        if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    /// How long a command takes from start to end, in seconds.
    static func duration(_ cli: CLI, _ line: [String]) throws -> Double {
        let start = ContinuousClock.now
        let result = try cli.run(line)
        #expect(result.status == 0, "\(line.joined(separator: " ")): \(result.stderr)")
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func integrity(_ path: String) throws -> String {
        try Snapshot.integrity(try Connection(path: path, mode: .readWrite))
    }

    static func count(_ path: String, _ sql: String) throws -> Int64 {
        try Connection(path: path, mode: .readWrite).scalar(sql).int ?? -1
    }

    /// Fractions of a run at which to kill it: early, in the middle and late.
    static let moments = [0.15, 0.35, 0.55, 0.75, 0.9]

    // MARK: - survey import

    static func surveyCSV(rows: Int) -> Data {
        var text = "date;journey;phase;channel;persona;score;comment\n"
        text.reserveCapacity(rows * 40)
        let phases = ["orientatie", "contact", "uitvoering", "afronding", "evaluatie"]
        let channels = ["web", "app", "telefoon", "balie"]
        for row in 0..<rows {
            text += "2014-03-\(row % 28 + 10 < 20 ? "1" : "2")\(row % 10);mor;\(phases[row % 5]);\(channels[row % 4]);;"
            text += "\(row % 9 + 1),\(row % 7);\(row % 9 == 0 ? "opmerking \(row)" : "")\n"
        }
        return Data(text.utf8)
    }

    @Test func aKilledSurveyImportLeavesAllOrNothing() throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_DB"] = cli.path("pristine.sqlite")
        try cli.ok("init --name Molensloot")
        try cli.ok("journey add mor 'Melding openbare ruimte'")
        try cli.ok("metric add tevredenheid 'Tevredenheid' --unit cijfer --scale-min 1 --scale-max 10")
        try cli.ok("cycle open 'Voorjaar 2014' --start 2014-03-01")
        cli.environment["MOLENSLOOT_DB"] = nil
        let rows = 120_000
        try Self.surveyCSV(rows: rows).write(to: URL(fileURLWithPath: cli.path("enquete.csv")))
        let pristine = try #require(cli.bytes("pristine.sqlite"))
        func fresh(_ name: String) throws -> String {
            try pristine.write(to: URL(fileURLWithPath: cli.path(name)))
            return name
        }
        // --replace: a run that finished before the kill left its responses, and running it again replaces them.
        func command(_ name: String) -> [String] {
            ["--db", name, "survey", "import", "enquete.csv", "--metric", "tevredenheid", "--replace"]
        }

        let full = try Self.duration(cli, command(try fresh("full.sqlite")))
        #expect(try Self.count(cli.path("full.sqlite"), "SELECT count(*) FROM survey_responses") == Int64(rows))

        var outcomes: [String] = []
        var killedWhileWriting = false
        // At fixed moments of the run, and once as soon as the import has started writing.
        let attempts = Self.moments.map { (delay: full * $0, whileWriting: false) } + [(delay: 0.02, whileWriting: true)]
        for (index, attempt) in attempts.enumerated() {
            let name = try fresh("killed-\(index).sqlite")
            let journal = cli.path(name + "-journal"), wal = cli.path(name + "-wal")
            let killed = try Self.killMidway(cli, command(name), after: attempt.delay, ready: attempt.whileWriting ? {
                FileManager.default.fileExists(atPath: journal) || (Store.fileSize(wal) ?? 0) > 100_000
            } : nil)
            let path = cli.path(name)
            #expect(try Self.integrity(path) == "ok", "killed at \(attempt.delay) s")
            let responses = try Self.count(path, "SELECT count(*) FROM survey_responses")
            let measurements = try Self.count(path, "SELECT count(*) FROM measurements")
            let logged = try Self.count(path, "SELECT count(*) FROM audit WHERE action = 'import'")
            outcomes.append("\(killed ? "killed" : "finished") at \(String(format: "%.2f", attempt.delay)) s: \(responses) responses")
            #expect(responses == 0 || responses == Int64(rows), "killed at \(attempt.delay) s: \(responses) of \(rows) responses")
            // The measurement and the log entry belong to the same transaction as the responses.
            #expect(measurements == (responses > 0 ? 1 : 0) && logged == (responses > 0 ? 1 : 0),
                    "\(responses) responses, \(measurements) measurements, \(logged) log entries")
            if killed && attempt.whileWriting { killedWhileWriting = true }
            // The same import run again succeeds, and the roadmap checks clean.
            let again = try cli.run(command(name))
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try Self.count(path, "SELECT count(*) FROM survey_responses") == Int64(rows))
            #expect(try cli.run(["--db", name, "check"]).status == 0)
            try? FileManager.default.removeItem(atPath: path)
        }
        #expect(killedWhileWriting, "no kill landed while the import was writing: \(outcomes)")
        #expect(outcomes.contains { $0.hasPrefix("killed") && $0.hasSuffix(" 0 responses") }, "\(outcomes)")
    }

    // MARK: - JSON import

    /// A roadmap document with thousands of findings and tens of thousands of survey responses.
    static func bigDocument(_ cli: CLI, findings: Int, responses: Int) throws -> Data {
        var setup = cli
        setup.environment["MOLENSLOOT_DB"] = cli.path("setup.sqlite")
        try setup.ok("init --name Molensloot")
        try setup.ok("journey add mor 'Melding openbare ruimte'")
        try setup.ok("metric add tevredenheid 'Tevredenheid' --unit cijfer --scale-min 1 --scale-max 10")
        try setup.ok("cycle open 'Voorjaar 2014' --start 2014-03-01")
        let exported = try setup.ok("export").stdout
        var document = try #require(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
        let phases = ["orientatie", "contact", "uitvoering", "afronding", "evaluatie"]
        document["findings"] = (1...findings).map { number -> [String: Any] in
            var finding: [String: Any] = ["id": "F\(number)", "kind": number % 3 == 0 ? "good" : "improve"]
            finding["title"] = "Bevinding \(number) over de afhandeling"
            finding["journey"] = "mor"
            finding["phase"] = phases[number % 5]
            finding["severity"] = number % 5 + 1
            finding["source"] = "Klantreissessie \(number % 17)"
            return finding
        }
        document["survey_responses"] = (1...responses).map { number -> [String: Any] in
            var response: [String: Any] = ["id": number, "metric": "tevredenheid", "cycle": "C1"]
            response["date"] = "2014-03-\(10 + number % 18)"
            response["journey"] = "mor"
            response["phase"] = phases[number % 5]
            response["score"] = Double(number % 10 + 1)
            response["quotable"] = false
            return response
        }
        var next = document["next_ids"] as? [String: Any] ?? [:]
        next["findings"] = findings + 1
        next["survey_responses"] = responses + 1
        document["next_ids"] = next
        try FileManager.default.removeItem(atPath: cli.path("setup.sqlite"))
        return try JSONSerialization.data(withJSONObject: document)
    }

    @Test func aKilledImportLeavesAllOrNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let findings = 2_000, responses = 15_000
        try Self.bigDocument(cli, findings: findings, responses: responses).write(to: URL(fileURLWithPath: cli.path("groot.json")))
        func command(_ name: String, replace: Bool = false) -> [String] {
            ["--db", name, "import", "groot.json"] + (replace ? ["--replace"] : [])
        }
        let full = try Self.duration(cli, command("full.sqlite"))
        #expect(try Self.count(cli.path("full.sqlite"), "SELECT count(*) FROM findings") == Int64(findings))

        // Into a new file: afterwards there is no file, or one with the whole import or none of it.
        // Once as soon as the file appears: while it is being made.
        var outcomes: [String] = []
        for (index, moment) in ([0] + Self.moments).enumerated() {
            let name = "new-\(index).sqlite"
            let killed = try Self.killMidway(cli, command(name), after: full * moment, ready: moment > 0 ? nil : {
                FileManager.default.fileExists(atPath: cli.path(name))
            })
            let path = cli.path(name)
            var found = "no file"
            if FileManager.default.fileExists(atPath: path) {
                #expect(try Self.integrity(path) == "ok")
                // A file killed while it was being made may hold no tables yet.
                let made = try Self.count(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'findings'") == 1
                let count = made ? try Self.count(path, "SELECT count(*) FROM findings") : 0
                let answers = made ? try Self.count(path, "SELECT count(*) FROM survey_responses") : 0
                found = "\(count) findings"
                #expect((count == 0 && answers == 0) || (count == Int64(findings) && answers == Int64(responses)),
                        "killed at \(moment): \(count) findings, \(answers) responses")
            }
            outcomes.append("\(killed ? "killed" : "finished") at \(moment): \(found)")
            // Running the import again finishes what was started.
            let again = try cli.run(command(name))
            if found.hasPrefix(String(findings)) {
                #expect(again.status == 1 && again.stderr.contains("already holds a roadmap"), "\(again.stderr)")
            } else {
                #expect(again.status == 0, "after a kill at \(moment) (\(found)): \(again.stderr)")
            }
            #expect(try Self.count(path, "SELECT count(*) FROM findings") == Int64(findings))
            try? FileManager.default.removeItem(atPath: path)
        }
        #expect(outcomes.contains { $0.hasPrefix("killed") }, "\(outcomes)")

        // Over an existing roadmap with --replace: the old roadmap whole, or the new one whole.
        var old = cli
        old.environment["MOLENSLOOT_DB"] = cli.path("old.sqlite")
        try old.ok("init --name Oud")
        try old.ok("journey add afval Grofvuil")
        try old.ok("finding add 'De oude bevinding' --kind good --journey afval --phase contact")
        let before = try #require(old.bytes("old.sqlite"))
        for moment in [0.3, 0.7] {
            try before.write(to: URL(fileURLWithPath: cli.path("replace.sqlite")))
            _ = try Self.killMidway(cli, command("replace.sqlite", replace: true), after: full * moment)
            let path = cli.path("replace.sqlite")
            #expect(try Self.integrity(path) == "ok")
            let titles = try Connection(path: path, mode: .readWrite).query("SELECT title FROM findings").map { $0.string(0) }
            #expect(titles == ["De oude bevinding"] || titles.count == findings, "\(titles.prefix(3)) … \(titles.count)")
        }
    }

    // MARK: - site build

    /// Every file of a folder by its path inside it, with its bytes.
    static func contents(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
        for case let name as String in walker {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
            files[name] = exists && isFolder.boolValue ? Data("folder".utf8) : FileManager.default.contents(atPath: folder + "/" + name)
        }
        return files
    }

    @Test func aKilledSiteBuildLeavesTheOldSiteOrTheNewOneWhole() throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        try Self.bigDocument(cli, findings: 800, responses: 100).write(to: URL(fileURLWithPath: cli.path("roadmap.json")))
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        try cli.ok("import roadmap.json")
        try cli.ok("site build --out site")
        let old = try Self.contents(cli.path("site"))
        #expect(old.keys.contains("f800.html") && old.keys.contains(".molensloot-site"))

        // The changed roadmap, built elsewhere first: what a finished build must give.
        try cli.ok("finding edit F1 --title 'Een nieuwe titel voor de eerste bevinding'")
        try cli.ok("finding add 'Nog een bevinding' --kind improve --journey mor --phase contact")
        let full = try Self.duration(cli, ["site", "build", "--out", "expected"])
        let new = try Self.contents(cli.path("expected"))
        #expect(new != old && new.keys.contains("f801.html"))

        var outcomes: [String] = []
        for moment in Self.moments + [0.05, 0.98] {
            let killed = try Self.killMidway(cli, ["site", "build", "--out", "site"], after: full * moment)
            let now = try Self.contents(cli.path("site"))
            let which = now == old ? "old" : now == new ? "new" : "neither"
            outcomes.append("\(killed ? "killed" : "finished") at \(moment): \(which)")
            #expect(which != "neither", "killed at \(moment): the folder holds \(now.count) files, a mix or a half site")
            // Put the old site back for the next attempt, with molensloot's own build.
            if which == "new" {
                try FileManager.default.removeItem(atPath: cli.path("site"))
                try old.sorted { $0.key < $1.key }.forEach { name, data in
                    let path = cli.path("site/" + name)
                    if data == Data("folder".utf8) {
                        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                    } else {
                        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                                withIntermediateDirectories: true)
                        try data.write(to: URL(fileURLWithPath: path))
                    }
                }
            }
        }
        #expect(outcomes.contains { $0.hasPrefix("killed") }, "\(outcomes)")

        // The next build succeeds, and what the killed builds left behind does not stay.
        try cli.ok("site build --out site")
        #expect(try Self.contents(cli.path("site")) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.hasPrefix(".") && $0.contains(".building") }
        #expect(leftovers.isEmpty, "left beside the site: \(leftovers)")
    }
}
