import Testing
@testable import SixSteps

/// The fields of each kind are read from a table by the kind's position; a position that does
/// not match `allCases` would give a kind another kind's fields.
@Suite struct KindTableTests {
    @Test func everyKindsPositionIsItsPlaceInAllCases() {
        for (index, kind) in Kind.allCases.enumerated() {
            #expect(kind.position == index, "\(kind)")
        }
    }

    @Test func everyKindReadsItsOwnFields() {
        #expect(Kind.finding.fields.contains { $0.name == "evidence" })
        #expect(Kind.metric.fields.contains { $0.name == "unit" })
        #expect(!Kind.finding.fields.contains { $0.name == "unit" })
        #expect(Set(Kind.allCases.map { $0.fields.map(\.name) }).count > 1)
    }
}

extension KindTableTests {
    @Test func kindsAreEqualAndHashedByWhichKindTheyAre() {
        for kind in Kind.allCases {
            #expect(kind == Kind(rawValue: kind.rawValue))
            #expect(Kind.allCases.filter { $0 == kind }.count == 1)
        }
        let byKind = Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0, $0.rawValue) })
        #expect(byKind.count == Kind.allCases.count)
        #expect(Kind.allCases.allSatisfy { byKind[$0] == $0.rawValue })
    }
}
