import SixSteps
import Testing

/// The six steps are described once; everything that names a step reads `Step`.
struct StepTests {
    @Test func everyKindBelongsToExactlyOneStep() {
        for kind in Kind.allCases {
            let steps = Step.allCases.filter { $0.kinds.contains(kind) }
            #expect(steps == [Step(holding: kind)], "\(kind)")
        }
    }

    @Test func theStepsAreNumberedOneToSixInOrder() {
        #expect(Step.allCases.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(Step.allCases.map(\.dutchName) == [
            "Visie aanscherpen", "Inzicht in de basics", "Inzicht verdiepen", "Verbeterkansen en speerpunten",
            "Roadmap en werkafspraken", "Doorlopend verbeteren",
        ])
        #expect(Step(holding: .metric) == .basics && Step(holding: .finding) == .insight && Step(holding: .item) == .roadmap)
    }

    @Test func statusNamesTheStepsFromStep() throws {
        try withRoadmap { file in
            let report = try file.status(today: try #require(ISODate("2014-06-01")))
            #expect(report.steps.map(\.step) == Step.allCases)
            #expect(report.steps.map(\.name) == Step.allCases.map(\.dutchName))
        }
    }
}
