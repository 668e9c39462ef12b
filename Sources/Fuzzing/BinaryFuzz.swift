import Foundation
import SixSteps

/// Fuzzes the built `molensloot` binary: the command-line parser with random and mutated
/// argument lists, and the imports with mutated files. For every run: the process ends by itself
/// (no signal, no hang) with 0, 1 or 64; a failure prints exactly one line on stderr, starting
/// with "error: ", and nothing on stdout; and after a failure the roadmap file is byte for byte
/// as it was and no file was added or removed.
public enum BinaryFuzz {
    /// How one run of the binary ended.
    public struct Outcome: Sendable {
        public let status: Int32
        /// The signal that ended it, if one did.
        public let signal: Int32?
        public let timedOut: Bool
        public let stdout: String
        public let stderr: String
    }

    /// Runs the binary with its output in files (a pipe can fill and block it), and kills it
    /// when it runs longer than `timeout` seconds.
    public static func run(_ binary: URL, _ arguments: [String], in directory: String, environment: [String: String],
                           capture: String, timeout: Double = 30) throws -> Outcome {
        let outPath = capture + "/stdout", errPath = capture + "/stderr"
        try Data().write(to: URL(fileURLWithPath: outPath))
        try Data().write(to: URL(fileURLWithPath: errPath))
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
        return Outcome(status: process.terminationStatus, signal: timedOut ? nil : signal, timedOut: timedOut,
                       stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                       stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }

    /// What is wrong with how a run ended, or nil when nothing is.
    public static func problem(_ outcome: Outcome) -> String? {
        if outcome.timedOut { return "did not finish" }
        if let signal = outcome.signal { return "crashed with signal \(signal)" }
        guard [0, 1, 64].contains(outcome.status) else { return "exit status \(outcome.status)" }
        guard outcome.status != 0 else { return nil }
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 2, lines[1].isEmpty, lines[0].hasPrefix("error: "), lines[0].count > "error: ".count else {
            return "exit \(outcome.status) without exactly one 'error: ' line on stderr: \(FuzzFailure.excerpt(outcome.stderr))"
        }
        if outcome.stderr.contains("SQLite error") { return "SQLite's own message reached the user: \(outcome.stderr)" }
        if outcome.stderr.count > 1_200 { return "an error message of \(outcome.stderr.count) characters" }
        if !outcome.stdout.isEmpty { return "exit \(outcome.status) but printed on stdout: \(FuzzFailure.excerpt(outcome.stdout))" }
        return nil
    }

    /// A folder to run in: `work` is the current folder with the roadmap, `home` and `tmp` are
    /// what HOME and TMPDIR point at, `capture` holds the output of each run.
    final class Arena {
        let root: String
        let work: String
        let capture: String
        let roadmap: String
        let environment: [String: String]
        private var pristine: [String: Data] = [:]

        init(folder: String) throws {
            root = folder
            work = folder + "/work"
            capture = folder + "/capture"
            roadmap = work + "/roadmap.sqlite"
            for name in [work, capture, folder + "/home", folder + "/tmp"] {
                try FileManager.default.createDirectory(atPath: name, withIntermediateDirectories: true)
            }
            environment = ["USER": "fuzz", "MOLENSLOOT_TODAY": "2014-10-01", "PATH": "/usr/bin:/bin", "MOLENSLOOT_LANG": "en", "MOLENSLOOT_DB": roadmap,
                           "HOME": folder + "/home", "TMPDIR": folder + "/tmp"]
        }

        /// Takes the files of `work` as they are now as the state to go back to.
        func keep() throws {
            pristine = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: work) {
                pristine[name] = FileManager.default.contents(atPath: work + "/" + name)
            }
        }

        /// Names and bytes of the files in `work` (folders by name only).
        func state() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: work) {
                files[name] = FileManager.default.contents(atPath: work + "/" + name) ?? Data("folder".utf8)
            }
            return files
        }

        /// Puts `work` back as it was kept: only files inside it are ever removed.
        func reset() throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: work) where pristine[name] == nil {
                try FileManager.default.removeItem(atPath: work + "/" + name)
            }
            for (name, data) in pristine where FileManager.default.contents(atPath: work + "/" + name) != data {
                try data.write(to: URL(fileURLWithPath: work + "/" + name))
            }
        }

        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: work + "/" + name))
        }
    }

    /// Runs one input and checks it; returns the problem, or nil. `accepted` tells what happened.
    static func attempt(_ binary: URL, _ arguments: [String], arena: Arena, accepted: inout Bool) throws -> String? {
        let before = try arena.state()
        let outcome = try run(binary, arguments, in: arena.work, environment: arena.environment, capture: arena.capture)
        accepted = outcome.status == 0
        var found = problem(outcome)
        if found == nil, outcome.status != 0 {
            let after = try arena.state()
            if after != before {
                let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
                found = "exit \(outcome.status) (\(outcome.stderr.trimmingCharacters(in: .newlines))) but changed \(changed.joined(separator: ", "))"
            }
        }
        if outcome.status != 0 && found == nil { return nil }
        try arena.reset()
        return found
    }

    // MARK: - The command line

    public static func commandLine(binary: URL, seed: UInt64, iterations: Int, folder: String) throws -> FuzzReport {
        var tally = Tally("command line (binary)", seed: seed)
        let arena = try Arena(folder: folder)
        _ = try Corpus.makeRoadmap(at: arena.roadmap)
        try arena.write("enquete.csv", Array(Corpus.survey[0].utf8))
        try arena.keep()
        for iteration in 0..<iterations {
            var random = FuzzRandom(seed: FuzzRandom.seed(seed, iteration: iteration))
            var words = random.oneIn(10)
                ? (0..<random.int(0...6)).map { _ in random.pick(Corpus.vocabulary + Interesting.all) }
                : Mutate.arguments(random.pick(Corpus.commandLines), &random, vocabulary: Corpus.vocabulary)
            words = sanitized(words)
            tally.runs += 1
            var accepted = false
            if let found = try attempt(binary, words, arena: arena, accepted: &accepted) {
                tally.fail(iteration, found, shellLine(words))
            } else if accepted {
                tally.accepted += 1
            } else {
                tally.refused += 1
            }
        }
        return tally.report
    }

    /// Keeps a mutated command line inside the fuzz folder: no absolute paths, no parent folder,
    /// no moving folders aside, no NUL (which an argument cannot hold), no argument longer than
    /// the system passes (128 KiB), no demo (slow, and tested elsewhere).
    static func sanitized(_ words: [String]) -> [String] {
        var words = words.map { word -> String in
            var word = word.replacingOccurrences(of: "\0", with: "").replacingOccurrences(of: "/", with: "-")
            if word == "." || word == ".." || word.hasPrefix("~") { word = "x" }
            if word.utf8.count > 60_000 { word = String(decoding: word.utf8.prefix(60_000), as: UTF8.self) }
            return word
        }
        if words.contains("site") || words.contains(where: { $0.hasPrefix("--out") }) {
            words = words.filter { !$0.hasPrefix("--force") }
        }
        return words.map { $0 == "demo" ? "status" : $0 }
    }

    static func shellLine(_ words: [String]) -> String {
        words.map { word in
            word.allSatisfy({ $0.isLetter || $0.isNumber || "-_=,.#".contains($0) }) && !word.isEmpty
                ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }

    // MARK: - The imports

    /// Mutated JSON for `import` (into a blank file, a new one, or `--replace` over a roadmap) and
    /// mutated CSV for `survey import`, `measure import` and `volume import`.
    public static func imports(binary: URL, seed: UInt64, iterations: Int, folder: String) throws -> FuzzReport {
        var tally = Tally("imports (binary)", seed: seed)
        let arena = try Arena(folder: folder)
        _ = try Corpus.makeRoadmap(at: arena.roadmap)
        _ = try RoadmapFile.create(path: arena.work + "/blank.sqlite", actor: "fuzz", municipality: nil)
        try arena.keep()
        let jsonSeeds = try ImportFuzz.jsonSeeds(folder: arena.capture)
        for iteration in 0..<iterations {
            var random = FuzzRandom(seed: FuzzRandom.seed(seed, iteration: iteration))
            let arguments: [String]
            let input: String
            switch random.below(4) {
            case 0:
                var text = random.pick(jsonSeeds)
                for _ in 0..<random.int(1...2) { text = JSONMutator.mutate(text, &random) }
                var bytes = Array(text.utf8)
                if random.oneIn(10) { bytes = Mutate.bytes(bytes, &random) }
                if random.oneIn(20) { bytes = Mutate.random(&random, tokens: ImportFuzz.jsonTokens) }
                try arena.write("input.json", bytes)
                input = String(decoding: bytes, as: UTF8.self)
                arguments = random.pick([["--db", "blank.sqlite", "import", "input.json"], ["--db", "new.sqlite", "import", "input.json"],
                                         ["import", "input.json", "--replace"]])
            default:
                let (seeds, command): ([String], [String]) = random.pick([
                    (Corpus.survey, ["survey", "import", "input.csv", "--metric", "tevredenheid"]),
                    (Corpus.measurements, ["measure", "import", "input.csv"]),
                    (Corpus.volumes, ["volume", "import", "input.csv"]),
                ])
                let seedIndex = random.below(seeds.count)
                var bytes = ImportFuzz.mutateCSV(Array(seeds[seedIndex].utf8), &random, others: seeds.map { Array($0.utf8) })
                if random.oneIn(20) { bytes = Mutate.random(&random, tokens: ImportFuzz.csvTokens) }
                try arena.write("input.csv", bytes)
                input = String(decoding: bytes, as: UTF8.self)
                var words = command
                if command[0] == "survey" {
                    for (name, column) in Corpus.surveyRenames[min(seedIndex, Corpus.surveyRenames.count - 1)] {
                        words += ["--map", "\(name)=\(column)"]
                    }
                }
                if random.oneIn(4) { words.append("--dry-run") }
                arguments = words
            }
            // The input file is part of the state a failure must leave alone.
            tally.runs += 1
            var accepted = false
            if let found = try attempt(binary, arguments, arena: arena, accepted: &accepted) {
                tally.fail(iteration, "\(arguments.joined(separator: " ")): \(found)", input)
            } else if accepted {
                tally.accepted += 1
            } else {
                tally.refused += 1
            }
        }
        return tally.report
    }
}
