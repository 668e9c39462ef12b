import Foundation
import SixSteps
import Store

/// Fuzzes the JSON import and the three CSV imports in this process, through the same public
/// calls the command line makes. For every input: the import succeeds, or it fails with a clear
/// error (a domain, CSV, JSON or store error a person can act on, never SQLite's raw message) and
/// the roadmap is exactly as it was. A dry run that succeeds changes nothing either. A crash ends
/// the process, which the test or the benchmark reports.
public enum ImportFuzz {
    public enum CSVKind: String, CaseIterable, Sendable {
        case survey, measure, volume
    }

    /// A roadmap file that can be put back as it was after an import that was accepted.
    final class Workbench {
        let path: String
        private let pristine: Data
        let pristineDigest: UInt64
        private(set) var file: RoadmapFile?

        init(path: String, make: (String) throws -> RoadmapFile) throws {
            self.path = path
            Workbench.remove(path)
            do {
                let made = try make(path)
                try Connection(path: made.path, mode: .readWrite).execute("PRAGMA wal_checkpoint(TRUNCATE)")
            }
            pristine = try Data(contentsOf: URL(fileURLWithPath: path))
            let opened = try RoadmapFile.open(path: path, actor: "fuzz")
            pristineDigest = try Snapshot.digest(opened)
            file = opened
        }

        func roadmap() throws -> RoadmapFile {
            if let file { return file }
            let opened = try RoadmapFile.open(path: path, actor: "fuzz")
            file = opened
            return opened
        }

        /// Closes the file and writes the pristine bytes back.
        func reset() throws {
            file = nil
            Workbench.remove(path)
            try pristine.write(to: URL(fileURLWithPath: path))
        }

        func digest() throws -> UInt64 { try Snapshot.digest(try roadmap()) }

        static func remove(_ path: String) {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }

        deinit { file = nil }
    }

    /// Whether an error is one a person can act on, and the one line the command line would print.
    static func judge(_ error: any Error) -> (clear: Bool, message: String) {
        let message = "\(error)"
        switch error {
        case let store as StoreError:
            if case .sqlite = store { return (false, "SQLite's own message: " + message) }
        case is DomainError, is CSVError, is JSONError:
            break
        default:
            return (false, "an unexpected kind of error (\(type(of: error))): " + message)
        }
        if message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return (false, "an empty message") }
        return (true, message)
    }

    // MARK: - JSON

    public static func json(seed: UInt64, iterations: Int, folder: String) throws -> FuzzReport {
        var tally = Tally("import (JSON, in-process)", seed: seed)
        let seeds = try jsonSeeds(folder: folder)
        let bench = try Workbench(path: folder + "/fuzz-import.sqlite") {
            try RoadmapFile.create(path: $0, actor: "fuzz", municipality: nil)
        }
        for iteration in 0..<iterations {
            var random = FuzzRandom(seed: FuzzRandom.seed(seed, iteration: iteration))
            var text = random.pick(seeds)
            for _ in 0..<random.int(1...2) { text = JSONMutator.mutate(text, &random) }
            if random.oneIn(20) { text = String(decoding: Mutate.random(&random, tokens: jsonTokens), as: UTF8.self) }
            let replace = random.oneIn(4)
            tally.runs += 1
            let roadmap = try bench.roadmap()
            do {
                try roadmap.importDocument(text, source: "fuzz.json", replace: replace)
                tally.accepted += 1
                if let problem = try roundTrip(roadmap, folder: folder) { tally.fail(iteration, problem, text) }
                try bench.reset()
            } catch {
                let (clear, message) = judge(error)
                if clear { tally.refused += 1 } else { tally.fail(iteration, message, text) }
                if try bench.digest() != bench.pristineDigest {
                    tally.fail(iteration, "refused (\(message)) but the roadmap changed", text)
                    try bench.reset()
                }
            }
        }
        return tally.report
    }

    /// The export of the corpus roadmap, the same in the first version of the format, and the
    /// smallest document there is.
    static func jsonSeeds(folder: String) throws -> [String] {
        let path = folder + "/fuzz-seed.sqlite"
        Workbench.remove(path)
        defer { Workbench.remove(path) }
        let full = try Corpus.makeRoadmap(at: path).export()
        var first = full.object ?? JSONObject()
        first["version"] = .int(1)
        first["survey_responses"] = nil
        first["volumes"] = nil
        return [full.serialized(pretty: true), JSON.object(first).serialized(pretty: false),
                #"{"format": "molensloot-roadmap", "version": 2}"#]
    }

    /// An accepted document must come back the same: export, import into a new file, export again.
    static func roundTrip(_ roadmap: RoadmapFile, folder: String) throws -> String? {
        let integrity = try Snapshot.integrity(roadmap)
        guard integrity == "ok" else { return "accepted, but the file fails its integrity check: \(integrity)" }
        let exported = try roadmap.export().serialized(pretty: true)
        let path = folder + "/fuzz-copy.sqlite"
        Workbench.remove(path)
        defer { Workbench.remove(path) }
        let copy = try RoadmapFile.create(path: path, actor: "fuzz", municipality: nil)
        do {
            try copy.importDocument(exported, source: "export.json", replace: false)
        } catch {
            return "accepted, but its export is refused: \(error)"
        }
        let again = try copy.export().serialized(pretty: true)
        return again == exported ? nil : "accepted, but export → import → export differs"
    }

    // MARK: - CSV

    public static func csv(_ kind: CSVKind, seed: UInt64, iterations: Int, folder: String) throws -> FuzzReport {
        var tally = Tally("\(kind.rawValue) import (CSV, in-process)", seed: seed)
        let bench = try Workbench(path: folder + "/fuzz-\(kind.rawValue).sqlite") { try Corpus.makeRoadmap(at: $0) }
        // A mutated header may name a case column: then the rows are hashed under this key.
        let keyFile = folder + "/fuzz-\(kind.rawValue).key"
        let key = fileExists(keyFile) ? try PseudonymKey.load(path: keyFile) : try PseudonymKey.create(path: keyFile)
        let seeds: [String]
        switch kind {
        case .survey: seeds = Corpus.survey
        case .measure: seeds = Corpus.measurements
        case .volume: seeds = Corpus.volumes
        }
        for iteration in 0..<iterations {
            var random = FuzzRandom(seed: FuzzRandom.seed(seed, iteration: iteration))
            let seedIndex = random.below(seeds.count)
            var bytes = mutateCSV(Array(seeds[seedIndex].utf8), &random, others: seeds.map { Array($0.utf8) })
            if random.oneIn(20) { bytes = Mutate.random(&random, tokens: csvTokens) }
            let input = String(decoding: bytes, as: UTF8.self)
            let dryRun = random.oneIn(4)
            tally.runs += 1
            let roadmap = try bench.roadmap()
            do {
                let document = try CSVDocument(bytes: bytes)
                try document.validateUTF8()
                switch kind {
                case .survey:
                    let rename = random.oneIn(8) ? ["score": "cijfer"] : Corpus.surveyRenames[seedIndex]
                    _ = try roadmap.importSurvey(document, path: "fuzz.csv", metric: random.pick(["tevredenheid", "terug", "doorlooptijd", "x"]),
                                                 cycle: random.pick([nil, "C2", "C1", "C7", "c2"]), rename: rename, dryRun: dryRun)
                case .measure:
                    _ = try roadmap.importMeasurements(document, source: "fuzz.csv", dryRun: dryRun)
                case .volume:
                    _ = try roadmap.importVolumes(document, path: "fuzz.csv", dryRun: dryRun, key: { key })
                }
                tally.accepted += 1
                if dryRun, try bench.digest() != bench.pristineDigest {
                    tally.fail(iteration, "a dry run changed the roadmap", input)
                } else if random.oneIn(4) {
                    let integrity = try Snapshot.integrity(roadmap)
                    if integrity != "ok" { tally.fail(iteration, "accepted, but the file fails its integrity check: \(integrity)", input) }
                }
                if !dryRun { try bench.reset() }
            } catch {
                let (clear, message) = judge(error)
                if clear { tally.refused += 1 } else { tally.fail(iteration, message, input) }
                if try bench.digest() != bench.pristineDigest {
                    tally.fail(iteration, "refused (\(message)) but the roadmap changed", input)
                    try bench.reset()
                }
            }
        }
        return tally.report
    }

    /// Pieces random inputs are made of, so that some of them get past the first check.
    static let jsonTokens = ["{", "}", "[", "]", ",", ":", "\"format\"", "\"molensloot-roadmap\"", "\"version\"", "2", "null",
                             "\"findings\"", "\"id\"", "\"F1\"", "true", "-1e999", "\"\\u0000\""]
    static let csvTokens = ["score", "date", "journey", "phase", "channel", "metric", "value", "period", "count", "mor", "web",
                            "tevredenheid", "2014-03", "7,5", ";", ",", "\n", "\""]

    /// One to three mutations of any kind: bytes, lines or fields.
    public static func mutateCSV(_ input: [UInt8], _ random: inout FuzzRandom, others: [[UInt8]]) -> [UInt8] {
        var bytes = input
        for _ in 0..<random.int(1...3) {
            switch random.below(5) {
            case 0: bytes = Mutate.bytes(bytes, &random, others: others)
            case 1: bytes = Mutate.lines(bytes, &random)
            default: bytes = Mutate.csv(bytes, &random)
            }
        }
        return bytes
    }
}
