import SixSteps
import Store
import Testing

/// Removing records: what blocks it, what `force` removes with it, and what it logs.
@Suite struct RemovalTests {
    @Test func unlinkedRecordIsRemovedAndLogged() throws {
        try withRoadmap(actor: "anna") { file throws in
            try file.makeJourney()
            let finding = try file.makeFinding("Wachttijd")
            let unlinked = try file.remove(.finding, "F1", force: false)
            #expect(unlinked == [])
            #expect(try file.records(.finding).isEmpty)
            let entry = try #require(try file.log(limit: 1).first)
            #expect(entry.action == "remove")
            #expect(entry.record == "F1")
            #expect(entry.who == "anna")
            #expect(entry.summary == "removed finding F1 \"Wachttijd\"")
            #expect(try JSON.parse(try #require(entry.before)) == .object(finding.json))
            #expect(entry.after == nil)
            try expectRefused(.unknownRecord(.finding, "F1"), in: file) {
                try file.remove(.finding, "F1", force: true)
            }
        }
    }

    @Test func linkedRecordIsRefusedWithItsLinks() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.makeFinding("a")
            try file.makeFinding("b")
            try file.makeOpportunity("kans 1", impact: 3, effort: 3, findings: ["F1"])
            try file.makeOpportunity("kans 2", impact: 3, effort: 3, findings: ["F1", "F2"])
            try file.makeItem("plan", opportunities: ["O2"])
            try expectRefused(.linked(record: "F1", links: ["O1", "O2"]), in: file) {
                try file.remove(.finding, "F1", force: false)
            }
            try expectRefused(.linked(record: "O2", links: ["F1", "F2", "R1"]), in: file) {
                try file.remove(.opportunity, "O2", force: false)
            }
            #expect(DomainError.linked(record: "F1", links: ["O1", "O2"]).description
                    == "F1 is linked to O1, O2; pass --force to remove it together with these links")
        }
    }

    @Test func forceRemovesTheLinksAndLogsEachOne() throws {
        try withRoadmap(actor: "bram") { file throws in
            try file.makeJourney()
            try file.makeFinding("a")
            try file.makeFinding("b")
            try file.makeOpportunity("kans", impact: 3, effort: 3, findings: ["F1", "F2"])
            try file.makeItem("plan", opportunities: ["O1"])
            let lengthBefore = try file.auditLength()

            #expect(try file.remove(.opportunity, "O1", force: true) == ["F1", "F2", "R1"])
            #expect(try file.records(.opportunity).isEmpty)
            #expect(try file.allLinks(.opportunityFinding).isEmpty)
            #expect(try file.allLinks(.itemOpportunity).isEmpty)
            #expect(try file.refs(.finding) == ["F1", "F2"])
            #expect(try file.refs(.item) == ["R1"])

            let entries = try file.log(limit: 10).prefix(try file.auditLength() - lengthBefore)
            #expect(entries.map(\.action) == ["remove", "unlink", "unlink", "unlink"])
            #expect(entries.map(\.summary) == [
                "removed opportunity O1 \"kans\"", "unlinked R1 from O1", "unlinked O1 from F2", "unlinked O1 from F1",
            ])
            #expect(entries.allSatisfy { $0.who == "bram" })
            #expect(try file.check() == [])
        }
    }

    @Test func forceClearsOptionalReferences() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.add(.persona, slug: "ouders", input: [.name: "Ouders", .channels: "telefoon,web"])
            try file.add(.persona, slug: "senioren", input: [.name: "Senioren", .channels: "web"])
            try file.add(.insight, input: [.kind: "usage", .title: "Veel web", .channel: "web", .persona: "ouders"])
            try file.makeFinding("a", extra: [.channel: "web"])
            try file.makeFinding("b", extra: [.channel: "telefoon"])

            try expectRefused(.linked(record: "web", links: ["ouders", "senioren", "I1", "F1"]), in: file) {
                try file.remove(.channel, "web", force: false)
            }
            let lengthBefore = try file.auditLength()
            #expect(try file.remove(.channel, "web", force: true) == ["ouders", "senioren", "I1", "F1"])
            #expect(try file.record(.persona, "ouders")[.channels] == .text("telefoon"))
            #expect(try file.record(.persona, "senioren")[.channels] == .null)
            #expect(try file.record(.insight, "I1")[.channel] == .null)
            #expect(try file.record(.insight, "I1")[.persona] == .text("ouders"))
            #expect(try file.record(.finding, "F1")[.channel] == .null)
            #expect(try file.record(.finding, "F2")[.channel] == .text("telefoon"))
            #expect(try file.refs(.channel).contains("web") == false)

            let entries = try file.log(limit: 10).prefix(try file.auditLength() - lengthBefore)
            #expect(entries.map(\.action) == ["remove", "edit", "edit", "edit", "edit"])
            #expect(entries.map(\.record) == ["web", "F1", "I1", "senioren", "ouders"])
            let edit = try #require(entries.last)
            #expect(try JSON.parse(try #require(edit.before))["channels"] == .array([.string("telefoon"), .string("web")]))
            #expect(try JSON.parse(try #require(edit.after))["channels"] == .array([.string("telefoon")]))
            #expect(try file.check() == [])
        }
    }

    @Test func forceClearsTheSpearheadOfAnOpportunity() throws {
        try withRoadmap { file throws in
            try file.add(.spearhead, input: [.title: "Digitaal"])
            try file.makeOpportunity("kans", impact: 3, effort: 3, spearhead: "S1")
            try expectRefused(.linked(record: "S1", links: ["O1"]), in: file) {
                try file.remove(.spearhead, "S1", force: false)
            }
            #expect(try file.remove(.spearhead, "S1", force: true) == ["O1"])
            #expect(try file.record(.opportunity, "O1")[.spearhead] == .null)
        }
    }

    @Test func forcedJourneyRemovalClearsTheMetricPhaseToo() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.makeMetric("csat", extra: [.journey: "mor", .phase: "contact"])
            try file.add(.insight, input: [.kind: "trend", .title: "t", .journey: "mor"])
            try expectRefused(.linked(record: "mor", links: ["csat", "I1"]), in: file) {
                try file.remove(.journey, "mor", force: false)
            }
            try file.remove(.journey, "mor", force: true)
            let metric = try file.record(.metric, "csat")
            #expect(metric[.journey] == .null)
            #expect(metric[.phase] == .null)
            #expect(try file.record(.insight, "I1")[.journey] == .null)
            #expect(try file.phases(of: "mor").isEmpty)
            #expect(try file.check() == [])
        }
    }

    @Test func requiredReferencesBlockRemovalEvenWithForce() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.add(.touchpoint, input: [.title: "Balie", .journey: "mor", .phase: "contact"])
            try file.makeFinding("a")
            try file.makeFinding("b")
            for force in [false, true] {
                try expectRefused(.needed(record: "mor", by: ["T1", "F1", "F2"]), in: file) {
                    try file.remove(.journey, "mor", force: force)
                }
            }
            #expect(DomainError.needed(record: "mor", by: ["T1", "F1"]).description
                    == "mor is needed by T1, F1, which cannot exist without it; move or remove those first")

            try file.makeMetric("csat")
            try file.add(.cycle, input: [.name: "Q1"])
            try file.add(.measurement, input: [.metric: "csat", .cycle: "C1", .value: "7,1"])
            try expectRefused(.needed(record: "csat", by: ["M1"]), in: file) {
                try file.remove(.metric, "csat", force: true)
            }
            try expectRefused(.needed(record: "C1", by: ["M1"]), in: file) {
                try file.remove(.cycle, "C1", force: true)
            }
        }
    }

    @Test func itemRemovalNamesAgreementsOpportunitiesDependenciesAndMetrics() throws {
        try withRoadmap { file throws in
            try file.makeOpportunity("kans", impact: 3, effort: 3)
            try file.makeMetric("csat")
            try file.makeItem("eerst")
            try file.makeItem("midden", opportunities: ["O1"], dependsOn: ["R1"])
            try file.makeItem("laatst", dependsOn: ["R2"])
            try file.link(.itemMetric, from: "R2", to: ["csat"], expectedChange: 0.5)
            try file.add(.agreement, input: [.who: "kcc", .what: "elke week bellen", .cadence: "wekelijks", .item: "R2"])

            try expectRefused(.linked(record: "R2", links: ["A1", "O1", "R1", "R3", "csat"]), in: file) {
                try file.remove(.item, "R2", force: false)
            }
            try file.remove(.item, "R2", force: true)
            #expect(try file.record(.agreement, "A1")[.item] == .null)
            #expect(try file.allLinks(.itemDependency).isEmpty)
            #expect(try file.allLinks(.itemMetric).isEmpty)
            #expect(try file.allLinks(.itemOpportunity).isEmpty)
            #expect(try file.refs(.item) == ["R1", "R3"])
        }
    }

    @Test func longListsOfLinksAreSummarised() throws {
        let refs = (1...10).map { "F\($0)" }
        #expect(DomainError.linked(record: "O1", links: refs).description
                == "O1 is linked to F1, F2, F3, F4, F5, F6, F7, F8 and 2 more; pass --force to remove it together with these links")
    }
}
