import SixSteps
import Store
import Testing

/// The prioritised roadmap, item dependencies, the status report, `check` and `trace`.
@Suite struct RoadmapTests {
    private let today = date("2014-06-01")

    /// Two scored opportunities and eight items spread over the horizons:
    /// - O1 (impact 5, effort 1, finding F1 severity 5): 100·(3·1 + 2·½ + ½ + 2·1 + 2·1)/11 = 850/11
    /// - O2 (impact 2, effort 4, finding F2 severity 2): 100·(3·¼ + 2·½ + ½ + 2·¼ + 2·¼)/11 = 325/11
    private func plannedRoadmap(_ file: RoadmapFile) throws {
        try file.makeJourney()
        try file.makeFinding("Melding kwijt", severity: 5)
        try file.makeFinding("Formulier lang", severity: 2)
        try file.makeOpportunity("Track & trace", impact: 5, effort: 1, findings: ["F1"])
        try file.makeOpportunity("Korter formulier", impact: 2, effort: 4, findings: ["F2"])
        try file.makeMetric("csat")
        try file.makeMetric("nps")
        try file.makeItem("R1 now planned", horizon: "now", status: "planned", due: "2014-06-01", opportunities: ["O2"])
        try file.makeItem("R2 now done", horizon: "now", status: "done", due: "2014-01-01", opportunities: ["O1"],
                          extra: [.doneDate: "2014-02-01"])
        try file.makeItem("R3 next doing", horizon: "next", status: "doing", opportunities: ["O1"])
        try file.makeItem("R4 later planned", horizon: "later", status: "planned", due: "2014-01-01")
        try file.makeItem("R5 now dropped", horizon: "now", status: "dropped", due: "2014-01-01", opportunities: ["O1"])
        try file.makeItem("R6 now planned", horizon: "now", status: "planned", opportunities: ["O2", "O1"])
        try file.makeItem("R7 now idea", horizon: "now", status: "idea")
        try file.makeItem("R8 now planned", horizon: "now", status: "planned", due: "2014-05-31", opportunities: ["O2"])
        try file.link(.itemDependency, from: "R3", to: ["R2", "R4", "R7"])
        try file.link(.itemMetric, from: "R6", to: ["nps"])
        try file.link(.itemMetric, from: "R6", to: ["csat"], expectedChange: 0.5)
    }

    // MARK: Roadmap

    @Test func roadmapGroupsByHorizonThenUnfinishedFirstThenPriority() throws {
        try withRoadmap { file throws in
            try plannedRoadmap(file)
            let entries = try file.roadmap(today: today)
            // now: R6 (850/11), R1 and R8 (325/11, lower id first), R7 (0), then the done R2;
            // next: R3; later: R4. The dropped R5 is left out.
            #expect(entries.map(\.item.ref) == ["R6", "R1", "R8", "R7", "R2", "R3", "R4"])
            #expect(entries.map(\.horizon) == ["now", "now", "now", "now", "now", "next", "later"])
            let priorities = entries.map(\.priority)
            let expected = [850.0 / 11, 325.0 / 11, 325.0 / 11, 0, 850.0 / 11, 850.0 / 11, 0]
            for (priority, value) in zip(priorities, expected) { #expect(abs(priority - value) < 1e-9) }
        }
    }

    @Test func droppedItemsOnlyWhenAskedFor() throws {
        try withRoadmap { file throws in
            try plannedRoadmap(file)
            let entries = try file.roadmap(includeDropped: true, today: today)
            #expect(entries.map(\.item.ref) == ["R6", "R1", "R8", "R7", "R2", "R5", "R3", "R4"])
            #expect(entries.first { $0.item.ref == "R5" }?.overdue == false)
        }
    }

    @Test func overdueDependsOnTheDayAndOnlyForUnfinishedWork() throws {
        try withRoadmap { file throws in
            try plannedRoadmap(file)
            let overdue = try file.roadmap(includeDropped: true, today: today).filter(\.overdue).map(\.item.ref)
            // R1 is due today (not late); R2 is done and R5 dropped, however late.
            #expect(overdue == ["R8", "R4"])
            #expect(try file.roadmap(today: date("2014-06-02")).filter(\.overdue).map(\.item.ref) == ["R1", "R8", "R4"])
            #expect(try file.roadmap(today: date("2013-12-31")).filter(\.overdue).isEmpty)
        }
    }

    @Test func entriesCarryTheirChainAndWhatTheyWaitFor() throws {
        try withRoadmap { file throws in
            try plannedRoadmap(file)
            let entries = try file.roadmap(today: today)
            let r6 = try #require(entries.first { $0.item.ref == "R6" })
            #expect(r6.opportunities == ["O1", "O2"])  // by rank
            #expect(r6.findings == ["F1", "F2"])
            #expect(r6.metrics.map(\.slug) == ["csat", "nps"])
            #expect(r6.metrics.map(\.expectedChange) == [0.5, nil])
            #expect(r6.waitsFor == [])
            // R3 depends on R2 (done), R4 (planned) and R7 (idea).
            let r3 = try #require(entries.first { $0.item.ref == "R3" })
            #expect(r3.waitsFor == ["R4", "R7"])
            #expect(r3.findings == ["F1"])
            try file.setStatus("R4", "done", doneDate: "2014-05-01")
            #expect(try file.roadmap(today: today).first { $0.item.ref == "R3" }?.waitsFor == ["R7"])

            let json = r6.json
            #expect(json["id"] == .string("R6"))
            #expect(json["priority"] == .double(77.27))
            #expect(json["opportunities"] == .array([.string("O1"), .string("O2")]))
            #expect(json["metrics"] == .array([
                .object(JSONObject([("metric", .string("csat")), ("expected_change", .double(0.5))])),
                .object(JSONObject([("metric", .string("nps")), ("expected_change", .null)])),
            ]))
            #expect(json["waits_for"] == .array([]))
            #expect(json["overdue"] == .bool(false))
        }
    }

    @Test func anEmptyRoadmapHasNoEntries() throws {
        try withRoadmap { file throws in
            #expect(try file.roadmap(includeDropped: true, today: today).isEmpty)
        }
    }

    // MARK: Dependencies

    @Test func aDependencyCycleIsRefusedWithItsPath() throws {
        try withRoadmap { file throws in
            for n in 1...4 { try file.makeItem("item \(n)") }
            try file.link(.itemDependency, from: "R1", to: ["R2"])
            try file.link(.itemDependency, from: "R2", to: ["R3"])
            let cycle = DomainError.dependencyCycle(["R3", "R1", "R2", "R3"])
            try expectRefused(cycle, in: file) {
                try file.link(.itemDependency, from: "R3", to: ["R1"])
            }
            #expect(cycle.description == "that dependency would make a cycle (R3 → R1 → R2 → R3); remove one of these dependencies first")
            // Several targets at once: one that would close the cycle refuses them all.
            try expectRefused(cycle, in: file) {
                try file.link(.itemDependency, from: "R3", to: ["R4", "R1"])
            }
            #expect(try file.links(.itemDependency, from: .integer(3)).isEmpty)
            #expect(try file.check() == [])
        }
    }

    @Test func theCyclePathSkipsDeadEnds() throws {
        try withRoadmap { file throws in
            for n in 1...5 { try file.makeItem("item \(n)") }
            // R1 → R2 → R5 is a dead end; R1 → R4 → R3 leads back.
            try file.link(.itemDependency, from: "R1", to: ["R2", "R4"])
            try file.link(.itemDependency, from: "R2", to: ["R5"])
            try file.link(.itemDependency, from: "R4", to: ["R3"])
            try expectRefused(.dependencyCycle(["R3", "R1", "R4", "R3"]), in: file) {
                try file.link(.itemDependency, from: "R3", to: ["R1"])
            }
            // A diamond is no cycle.
            try file.link(.itemDependency, from: "R5", to: ["R3"])
            #expect(try file.allLinks(.itemDependency).count == 5)
        }
    }

    @Test func anItemCannotDependOnItself() throws {
        try withRoadmap { file throws in
            try file.makeItem("alleen")
            try expectRefused(.dependencyCycle(["R1", "R1"]), in: file) {
                try file.link(.itemDependency, from: "R1", to: ["r1"])
            }
        }
    }

    @Test func linkingTwiceIsHarmlessAndUnlinkingNothingIsRefused() throws {
        try withRoadmap { file throws in
            try file.makeItem("a")
            try file.makeItem("b")
            try file.makeMetric("csat")
            try file.link(.itemDependency, from: "R1", to: ["R2"])
            let length = try file.auditLength()
            try file.link(.itemDependency, from: "R1", to: ["R2"])
            #expect(try file.auditLength() == length)
            #expect(try file.allLinks(.itemDependency).count == 1)

            try file.unlink(.itemDependency, from: "R1", to: ["R2"])
            try expectRefused(.inconsistent("R1 is not linked to R2; nothing to remove"), in: file) {
                try file.unlink(.itemDependency, from: "R1", to: ["R2"])
            }
            try expectRefused(.unknownRecord(.metric, "nps"), in: file) {
                try file.link(.itemMetric, from: "R1", to: ["nps"])
            }
            try expectRefused(.unknownRecord(.item, "R3"), in: file) {
                try file.link(.itemMetric, from: "R3", to: ["csat"])
            }

            // Linking a metric again with another expected change updates it.
            try file.link(.itemMetric, from: "R1", to: ["csat"], expectedChange: 0.5)
            try file.link(.itemMetric, from: "R1", to: ["csat"], expectedChange: -1.25)
            let links = try file.links(.itemMetric, from: .integer(1))
            #expect(links.count == 1)
            #expect(links.first?.expectedChange == -1.25)
            let entry = try #require(try file.log(limit: 1).first)
            #expect(entry.summary == "linked R1 to csat, expected change -1.25")
            #expect(try JSON.parse(try #require(entry.before)) == JSON.parse(#"{"item":"R1","metric":"csat","expected_change":0.5}"#))
            #expect(try JSON.parse(try #require(entry.after)) == JSON.parse(#"{"item":"R1","metric":"csat","expected_change":-1.25}"#))
        }
    }

    // MARK: Status

    @Test func aNewRoadmapHasEmptyStepsAndNothingToDo() throws {
        try withRoadmap { file throws in
            let report = try file.status(today: today)
            #expect(report.municipality == "Molensloot")
            #expect(report.steps.map(\.number) == [1, 2, 3, 4, 5, 6])
            #expect(report.steps.map(\.name) == [
                "Visie aanscherpen", "Inzicht in de basics", "Inzicht verdiepen", "Verbeterkansen en speerpunten",
                "Roadmap en werkafspraken", "Doorlopend verbeteren",
            ])
            #expect(report.steps.map(\.state) == Array(repeating: .empty, count: 6))
            #expect(report.steps.map(\.holds) == [
                "no vision yet, 0 principles, 0 goals, 0 assumptions", "0 insights, 0 metrics, 0 with a baseline",
                "0 journeys, 0 findings, 0 to improve", "0 opportunities, 0 spearheads",
                "0 roadmap items, 0 done, 0 agreements", "0 cycles, 0 measurements",
            ])
            #expect(report.attention.isEmpty)
            #expect(report.chain.map(\.linked) == [0, 0, 0])
            #expect(report.chain.map(\.total) == [0, 0, 0])
        }
        try withRoadmap(municipality: nil) { file throws in
            #expect(try file.status(today: today).municipality == nil)
        }
    }

    @Test func statusListsWhatNeedsAttention() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.makeFinding("F1 improve", severity: 4)
            try file.makeFinding("F2 improve, no opportunity")
            try file.makeFinding("F3 good", kind: "good")
            try file.makeFinding("F4 improve")
            try file.makeOpportunity("O1", impact: 3, effort: 3, findings: ["F1"])
            try file.makeOpportunity("O2", impact: 3, effort: 3, findings: ["F4"])
            try file.makeOpportunity("O3", impact: 3, effort: 3)
            try file.makeMetric("csat", extra: [.baseline: "7,1"])
            try file.makeMetric("nps")
            try file.makeMetric("wachttijd", extra: [.unit: "dagen", .direction: "lower"])
            try file.makeItem("R1", status: "planned", due: "2014-07-01", opportunities: ["O1"])
            try file.link(.itemMetric, from: "R1", to: ["csat"])
            try file.makeItem("R2", status: "doing", due: "2014-05-01")
            try file.makeItem("R3", status: "dropped", due: "2014-01-01")
            try file.makeItem("R4", status: "done", due: "2014-01-01")
            try file.makeItem("R5", status: "planned", due: "2014-03-01")
            try file.link(.itemMetric, from: "R5", to: ["nps"])

            let report = try file.status(today: today)
            #expect(report.attention.map(\.key) == [
                "findings_without_opportunity", "opportunities_without_item", "items_without_metric", "overdue_items",
                "metrics_without_baseline",
            ])
            #expect(report.attention.map(\.records) == [["F2"], ["O2", "O3"], ["R2", "R4"], ["R5", "R2"], ["nps", "wachttijd"]])
            #expect(report.attention[0].message == "findings to improve without an opportunity: link them with 'opportunity link'")

            #expect(report.steps.map(\.state) == [.empty, .started, .complete, .started, .started, .empty])
            #expect(report.steps[1].holds == "0 insights, 3 metrics, 1 with a baseline")
            #expect(report.steps[2].holds == "1 journey, 4 findings, 3 to improve")
            #expect(report.steps[3].holds == "3 opportunities, 0 spearheads")
            #expect(report.steps[4].holds == "4 roadmap items, 1 done, 0 agreements")

            // The chain, link by link: 2 of 3 findings to improve have an opportunity, 1 of 3
            // opportunities has an item, 2 of the 4 items that are not dropped have a metric.
            #expect(report.chain.map(\.key) == ["findings_with_opportunity", "opportunities_with_item", "items_with_metric"])
            #expect(report.chain.map(\.linked) == [2, 1, 2])
            #expect(report.chain.map(\.total) == [3, 3, 4])

            // Another day, other overdue items.
            let later = try file.status(today: date("2014-08-01"))
            #expect(later.attention.first { $0.key == "overdue_items" }?.records == ["R5", "R2", "R1"])
            let json = report.json
            #expect(json["municipality"] == .string("Molensloot"))
            #expect(json["attention"]?.array?.count == 5)
        }
    }

    /// A small roadmap in which every step is complete and every rule is met.
    private func completeRoadmap(_ file: RoadmapFile) throws {
        try file.setVision("Inwoners weten altijd waar ze aan toe zijn.", on: date("2014-01-15"))
        try file.add(.principle, input: [.title: "Eén keer vragen"])
        try file.makeMetric("csat", extra: [.baseline: "6,9", .target: "7.5"])
        try file.add(.goal, input: [.title: "Tevreden melders", .metric: "csat", .target: "7.5", .targetDate: "2015-12-31"])
        try file.add(.insight, input: [.kind: "need", .title: "Terugkoppeling gewenst"])
        try file.makeJourney()
        try file.makeFinding("Geen terugkoppeling", severity: 4)
        try file.add(.spearhead, input: [.title: "Terugkoppelen"])
        try file.makeOpportunity("Statusberichten", impact: 4, effort: 2, spearhead: "S1", findings: ["F1"])
        try file.makeItem("Statusberichten bouwen", horizon: "now", status: "doing", due: "2014-09-01", opportunities: ["O1"])
        try file.link(.itemMetric, from: "R1", to: ["csat"], expectedChange: 0.3)
        try file.add(.agreement, input: [.who: "teamleider KCC", .what: "Statusberichten bespreken", .cadence: "maandelijks", .item: "R1"])
        try file.add(.cycle, input: [.name: "2014 Q2", .startDate: "2014-04-01", .endDate: "2014-06-30"])
        try file.add(.measurement, input: [.metric: "csat", .cycle: "C1", .value: "7,2", .n: "120"])
    }

    @Test func aCompleteRoadmapHasEveryStepComplete() throws {
        try withRoadmap { file throws in
            try completeRoadmap(file)
            let report = try file.status(today: today)
            #expect(report.steps.map(\.state) == Array(repeating: .complete, count: 6))
            #expect(report.steps.map(\.holds) == [
                "vision set, 1 principle, 1 goal, 0 assumptions", "1 insight, 1 metric, 1 with a baseline",
                "1 journey, 1 finding, 1 to improve", "1 opportunity, 1 spearhead",
                "1 roadmap item, 0 done, 1 agreement", "1 cycle, 1 measurement",
            ])
            #expect(report.attention.isEmpty)
            #expect(report.chain.map(\.linked) == [1, 1, 1])
            #expect(report.chain.map(\.total) == [1, 1, 1])
        }
    }

    @Test func stepOneStartsWithTheVisionAndCompletesWithAGoal() throws {
        try withRoadmap { file throws in
            try file.setVision("Dichtbij en digitaal")
            #expect(try file.status(today: today).steps[0].state == .started)
            #expect(try file.status(today: today).steps[0].holds == "vision set, 0 principles, 0 goals, 0 assumptions")
            try file.add(.goal, input: [.title: "Sneller"])
            #expect(try file.status(today: today).steps[0].state == .complete)
            try expectRefused(.inconsistent("the vision cannot be empty; give its text in quotes or with --file"), in: file) {
                try file.setVision("   ")
            }
        }
    }

    // MARK: Check

    @Test func aCleanRoadmapPassesTheCheck() throws {
        try withRoadmap { file throws in
            #expect(try file.check() == [])
            try completeRoadmap(file)
            #expect(try file.check() == [])
        }
    }

    @Test func checkReportsAnOpportunityWithoutFinding() throws {
        try withRoadmap { file throws in
            try completeRoadmap(file)
            try file.makeOpportunity("Zonder onderbouwing", impact: 2, effort: 2)
            let problems = try file.check()
            #expect(problems.map(\.record) == ["O2"])
            #expect(problems.map(\.message) == ["is based on no finding; link one with 'opportunity link'"])
            #expect(problems.first?.json == JSONObject([("record", .string("O2")),
                                                        ("message", .string("is based on no finding; link one with 'opportunity link'"))]))
        }
    }

    @Test func checkReportsADoneItemWaitingForUnfinishedWork() throws {
        try withRoadmap { file throws in
            try file.makeItem("klaar", status: "done", extra: [.doneDate: "2014-01-01"])
            try file.makeItem("nog bezig", status: "doing")
            try file.link(.itemDependency, from: "R1", to: ["R2"])
            let problems = try file.check()
            #expect(problems.map(\.record) == ["R1"])
            #expect(problems.map(\.message) == ["is done but depends on R2, which is doing"])
        }
    }

    // MARK: Trace

    @Test func traceFollowsTheChainBothWays() throws {
        try withRoadmap { file throws in
            try completeRoadmap(file)
            try file.makeItem("Voorwerk")
            try file.link(.itemDependency, from: "R1", to: ["R2"])
            let item = try file.trace(.item, "R1")
            #expect(item.record.ref == "R1")
            #expect(item.sections.map(\.key) == ["findings", "opportunities", "metrics", "depends_on", "agreements"])
            #expect(item.sections.map { $0.records.map(\.ref) } == [["F1"], ["O1"], ["csat"], ["R2"], ["A1"]])
            #expect(item.sections[2].records.first?.note == "expected +0.3")

            let finding = try file.trace(.finding, "F1")
            #expect(finding.sections.map(\.key) == ["opportunities", "items", "metrics"])
            #expect(finding.sections.map { $0.records.map(\.ref) } == [["O1"], ["R1"], ["csat"]])

            let metric = try file.trace(.metric, "csat")
            #expect(metric.sections.map(\.key) == ["findings", "opportunities", "items", "goals"])
            #expect(metric.sections.map { $0.records.map(\.ref) } == [["F1"], ["O1"], ["R1"], ["G1"]])

            #expect(try file.trace(.item, "R2").sections.map(\.key) == ["needed_by"])
            #expect(throws: DomainError.unknownRecord(.item, "R9")) { try file.trace(.item, "R9") }
        }
    }
}
