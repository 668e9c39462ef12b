import Foundation
import SixSteps
import Store
import Testing

// Shared helpers of the SixSteps tests. Every test makes its own roadmap in its own temporary
// folder, which is removed when the test is done, so tests can run in parallel.

/// A fresh, empty folder for one test.
struct TestFolder {
    let path: String

    func file(_ name: String) -> String { path + "/" + name }
}

/// Runs `body` with a new folder and removes the folder afterwards, whatever happens.
func withFolder<T>(_ body: (TestFolder) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("molensloot-domain-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(TestFolder(path: path))
}

/// Runs `body` with a new roadmap (the default channels, nothing else) in a new folder.
func withRoadmap<T>(
    actor: String = "tester", municipality: String? = "Molensloot", _ body: (RoadmapFile) throws -> T
) throws -> T {
    try withFolder { folder in
        let file = try RoadmapFile.create(path: folder.file("roadmap.sqlite"), actor: actor, municipality: municipality)
        return try body(file)
    }
}

/// Everything a refused write must leave alone: the whole roadmap as exported, the number of
/// records of every kind and the length of the audit trail.
struct RoadmapState: Equatable, CustomStringConvertible {
    let document: String
    let counts: [String: Int]
    let auditLength: Int

    init(_ file: RoadmapFile) throws {
        document = try file.export().serialized()
        var counts: [String: Int] = [:]
        for kind in Kind.allCases { counts[kind.table] = try file.records(kind).count }
        for link in LinkKind.allCases { counts[link.rawValue] = try file.allLinks(link).count }
        self.counts = counts
        auditLength = try file.auditLength()
    }

    var description: String { "audit \(auditLength), counts \(counts.sorted { $0.key < $1.key })" }
}

/// Expects `body` to throw exactly `expected` and the roadmap to be as it was before.
func expectRefused(
    _ expected: DomainError, in file: RoadmapFile, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) throws {
    let before = try RoadmapState(file)
    expectEnglish(expected, sourceLocation: sourceLocation, body)
    let after = try RoadmapState(file)
    #expect(after == before, "a refused write changed the roadmap", sourceLocation: sourceLocation)
}

/// The error `body` throws, or nil.
func thrownError(_ body: () throws -> Void) -> (any Error)? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

extension RoadmapFile {
    func auditLength() throws -> Int { try log(limit: 1_000_000).count }

    /// A journey with the method's five phases.
    @discardableResult
    func makeJourney(_ slug: String = "mor", name: String = "Melding openbare ruimte") throws -> Record {
        try addJourney(slug: slug, input: [.name: name])
    }

    @discardableResult
    func makeFinding(
        _ title: String, kind: String = "improve", journey: String? = "mor", phase: String? = "contact",
        severity: Int? = nil, extra: [FieldKey: String] = [:]
    ) throws -> Record {
        var input = extra
        input[.kind] = kind
        input[.title] = title
        if let journey { input[.journey] = journey }
        if let phase { input[.phase] = phase }
        if let severity { input[.severity] = String(severity) }
        return try add(.finding, input: input)
    }

    @discardableResult
    func makeOpportunity(
        _ title: String, impact: Int, effort: Int, reach: Int? = nil, confidence: Int? = nil,
        spearhead: String? = nil, findings: [String] = []
    ) throws -> Record {
        var input: [FieldKey: String] = [.title: title, .impact: String(impact), .effort: String(effort)]
        if let reach { input[.reach] = String(reach) }
        if let confidence { input[.confidence] = String(confidence) }
        if let spearhead { input[.spearhead] = spearhead }
        let record = try add(.opportunity, input: input)
        if !findings.isEmpty { try link(.opportunityFinding, from: record.ref, to: findings) }
        return record
    }

    @discardableResult
    func makeItem(
        _ title: String, horizon: String? = nil, status: String? = nil, due: String? = nil,
        opportunities: [String] = [], dependsOn: [String] = [], extra: [FieldKey: String] = [:]
    ) throws -> Record {
        var input = extra
        input[.title] = title
        if let horizon { input[.horizon] = horizon }
        if let status { input[.status] = status }
        if let due { input[.dueDate] = due }
        let record = try add(.item, input: input)
        if !opportunities.isEmpty { try link(.itemOpportunity, from: record.ref, to: opportunities) }
        if !dependsOn.isEmpty { try link(.itemDependency, from: record.ref, to: dependsOn) }
        return record
    }

    @discardableResult
    func makeMetric(_ slug: String, extra: [FieldKey: String] = [:]) throws -> Record {
        var input = extra
        if input[.name] == nil { input[.name] = "Metric \(slug)" }
        if input[.unit] == nil { input[.unit] = "cijfer" }
        return try add(.metric, slug: slug, input: input)
    }

    /// The refs of all records of a kind, in key order.
    func refs(_ kind: Kind) throws -> [String] { try records(kind).map(\.ref) }
}

/// The names of the method's five default phases, in order.
let defaultPhaseSlugs = ["orientatie", "contact", "uitvoering", "afronding", "evaluatie"]

/// A date that is certainly valid.
func date(_ text: String) -> ISODate {
    guard let date = ISODate(text) else { fatalError("not a date: \(text)") }
    return date
}

/// One key file for the contact imports of this test process, in its own folder.
let testKey: PseudonymKey = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("molensloot-key-\(UUID().uuidString)").path
    return try! PseudonymKey.create(path: folder + "/pseudonym.key")
}()

// These tests compare the English side of a domain message; the Dutch side is checked from the
// command line (EndToEndTests/LanguageTests). A literal stands for a message whose English is
// that text, and errors are compared by their English description.
extension Message: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self.init(value, value) }
}

/// Expects `body` to throw a DomainError whose English message is `expected`'s.
func expectEnglish(_ expected: DomainError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected the refusal \(expected)", sourceLocation: sourceLocation)
    } catch let error as DomainError {
        #expect(error.description == expected.description, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected the refusal \(expected), got \(error)", sourceLocation: sourceLocation)
    }
}
