import SixSteps

/// Checks that the import kept everything, so the timings are of the roadmap asked for and
/// not of a half-empty file.
enum Verification {
    /// Counts each kind through its `list --json`, the way a script would see the file.
    static func checkCounts(_ molensloot: Molensloot, _ size: RoadmapSize) throws(BenchFailure) -> String {
        let expected: [(Kind, Int)] = [
            (.channel, size.channels), (.persona, size.personas), (.journey, size.journeys), (.metric, size.metrics),
            (.finding, size.findings), (.opportunity, size.opportunities), (.item, size.items),
        ]
        var mismatches: [String] = []
        for (kind, count) in expected {
            let listed = try molensloot.json([kind.noun, "list", "--json"]).array?.count ?? -1
            if listed != count { mismatches.append("\(kind.plural): expected \(count), listed \(listed)") }
        }
        guard mismatches.isEmpty else {
            throw BenchFailure("the imported roadmap has the wrong number of records: " + mismatches.joined(separator: "; "))
        }
        return expected.map { "\($0.1) \($0.0.plural)" }.joined(separator: ", ")
    }

    /// The export must give back the generated document exactly: this also covers every link,
    /// phase and expected change.
    static func checkRoundTrip(_ molensloot: Molensloot, _ document: JSON) throws(BenchFailure) {
        let exported = try molensloot.json(["export"])
        if let difference = firstDifference(document, exported, at: "$") {
            throw BenchFailure("the export differs from the imported document at \(difference)")
        }
    }

    /// The path of the first place where two documents differ, with both values.
    private static func firstDifference(_ expected: JSON, _ actual: JSON, at path: String) -> String? {
        switch (expected, actual) {
        case (.object(let left), .object(let right)):
            guard left.keys == right.keys else {
                return "\(path): keys \(left.keys) were expected, the export has \(right.keys)"
            }
            for (key, value) in left {
                guard let other = right[key] else { return "\(path).\(key): missing" }
                if let difference = firstDifference(value, other, at: "\(path).\(key)") { return difference }
            }
            return nil
        case (.array(let left), .array(let right)):
            guard left.count == right.count else {
                return "\(path): \(left.count) elements were expected, the export has \(right.count)"
            }
            for (index, pair) in zip(left, right).enumerated() {
                if let difference = firstDifference(pair.0, pair.1, at: "\(path)[\(index)]") { return difference }
            }
            return nil
        default:
            return expected == actual
                ? nil
                : "\(path): expected \(expected.serialized()), the export has \(actual.serialized())"
        }
    }
}
