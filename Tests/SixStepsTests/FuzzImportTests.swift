import Foundation
import Fuzzing
import SixSteps
import Testing

/// The JSON import and the three CSV imports with random and mutated input, a fixed seed each:
/// never a crash, always a clear error, nothing written when refused (and nothing by a dry run).
/// `molensloot-bench` runs the same drivers for many more inputs.
@Suite struct FuzzImportTests {
    static let seed: UInt64 = 20_140_301

    @Test func jsonImport() throws {
        try withFolder { folder in
            let report = try ImportFuzz.json(seed: Self.seed, iterations: 250, folder: folder.path)
            #expect(report.failures.isEmpty, "\(report)")
            // The mutations reach past the parser: some documents are imported, most refused.
            #expect(report.accepted > 0 && report.refused > report.runs / 2, "\(report)")
        }
    }

    @Test(arguments: ImportFuzz.CSVKind.allCases)
    func csvImport(_ kind: ImportFuzz.CSVKind) throws {
        try withFolder { folder in
            let report = try ImportFuzz.csv(kind, seed: Self.seed, iterations: 400, folder: folder.path)
            #expect(report.failures.isEmpty, "\(report)")
            #expect(report.accepted > 0 && report.refused > 0, "\(report)")
        }
    }

    /// The generators themselves: a seed gives the same inputs every time, so a failure found
    /// with it can be found again.
    @Test func aSeedGivesTheSameInputs() {
        func inputs(_ seed: UInt64) -> [String] {
            (0..<50).map { iteration in
                var random = FuzzRandom(seed: FuzzRandom.seed(seed, iteration: iteration))
                let csv = ImportFuzz.mutateCSV(Array(Corpus.survey[0].utf8), &random, others: [])
                return String(decoding: csv, as: UTF8.self) + JSONMutator.mutate(#"{"a": [1, "b", {"c": null}]}"#, &random)
            }
        }
        #expect(inputs(7) == inputs(7))
        #expect(inputs(7) != inputs(8))
    }
}
