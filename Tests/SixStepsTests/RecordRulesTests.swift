import SixSteps
import Store
import Testing

/// Adding and editing records: defaults, ids, slugs and every validation rule. Each refused
/// write must leave the roadmap exactly as it was.
@Suite struct RecordRulesTests {
    // MARK: Defaults and ids

    @Test func addFillsInTheDefaults() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            let finding = try file.makeFinding("Geen bevestiging na melding")
            #expect(finding.ref == "F1")
            #expect(finding[.severity] == .integer(3))
            #expect(finding[.kind] == .text("improve"))
            #expect(finding[.touchpoint] == .null)

            let item = try file.add(.item, input: [.title: "Ontvangstbevestiging"])
            #expect(item.ref == "R1")
            #expect(item[.horizon] == .text("next"))
            #expect(item[.status] == .text("planned"))
            #expect(item[.doneDate] == .null)

            let opportunity = try file.add(.opportunity, input: [.title: "Bevestigen", .impact: "4", .effort: "2"])
            #expect(opportunity.ref == "O1")
            #expect(opportunity[.reach] == .integer(3))
            #expect(opportunity[.confidence] == .integer(50))

            let metric = try file.add(.metric, slug: "csat", input: [.name: "Tevredenheid", .unit: "cijfer"])
            #expect(metric[.direction] == .text("higher"))
            let touchpoint = try file.add(.touchpoint, input: [.title: "Formulier", .journey: "mor", .phase: "contact"])
            #expect(touchpoint[.momentOfTruth] == .integer(0))
            let cycle = try file.add(.cycle, input: [.name: "Q1"])
            #expect(cycle[.status] == .text("open"))

            // What is stored is what was returned.
            #expect(try file.record(.finding, "F1") == finding)
            #expect(try file.record(.opportunity, "O1") == opportunity)
            #expect(try file.record(.item, "R1") == item)
        }
    }

    @Test func choicesAreReadCaseInsensitively() throws {
        try withRoadmap { file throws in
            let item = try file.add(.item, input: [.title: "x", .horizon: " NOW ", .status: "Doing"])
            #expect(item[.horizon] == .text("now"))
            #expect(item[.status] == .text("doing"))
            try expectRefused(.invalidValue(field: "horizon", value: "soon", expected: "one of now, next, later"), in: file) {
                try file.add(.item, input: [.title: "y", .horizon: "soon"])
            }
        }
    }

    @Test func numberedIdsCountUpPerKindAndAreNeverReused() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            #expect(try (1...3).map { try file.makeFinding("f\($0)").ref } == ["F1", "F2", "F3"])
            #expect(try file.add(.spearhead, input: [.title: "s"]).ref == "S1")

            // Removing the highest id does not free it.
            try file.remove(.finding, "F3", force: false)
            #expect(try file.makeFinding("f4").ref == "F4")
            try file.remove(.finding, "F4", force: false)
            try file.remove(.finding, "F1", force: false)
            #expect(try file.makeFinding("f5").ref == "F5")
            #expect(try file.refs(.finding) == ["F2", "F5"])
        }
    }

    @Test func refsAreReadWithOrWithoutPrefix() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.makeFinding("a")
            let second = try file.makeFinding("b")
            #expect(try file.record(.finding, "f2") == second)
            #expect(try file.record(.finding, "2") == second)
            #expect(try file.record(.finding, " F2 ") == second)
            #expect(throws: DomainError.unknownRecord(.finding, "F3")) { try file.record(.finding, "F3") }
            #expect(throws: DomainError.unknownRecord(.finding, "O2")) { try file.record(.finding, "O2") }
            #expect(throws: DomainError.unknownRecord(.finding, "F0")) { try file.record(.finding, "F0") }
        }
    }

    // MARK: Slugs

    @Test(arguments: ["Mor", "1mor", "-mor", "mor_x", "mor x", "", "moré", String(repeating: "a", count: 61)])
    func invalidSlugsAreRefused(slug: String) throws {
        #expect(throws: DomainError.invalidSlug(slug)) { try validateSlug(slug) }
        try withRoadmap { file throws in
            try expectRefused(.invalidSlug(slug), in: file) {
                try file.addJourney(slug: slug, input: [.name: "Melding"])
            }
            try expectRefused(.invalidSlug(slug), in: file) {
                try file.add(.metric, slug: slug, input: [.name: "m", .unit: "%"])
            }
        }
    }

    @Test(arguments: ["a", "csat-mor", "m2", "a-", String(repeating: "z", count: 60)])
    func validSlugsAreAccepted(slug: String) throws {
        try validateSlug(slug)
        try withRoadmap { file throws in
            #expect(try file.addJourney(slug: slug, input: [.name: "Melding"]).ref == slug)
        }
    }

    @Test func slugKindsNeedASlug() throws {
        try withRoadmap { file throws in
            try expectRefused(.invalidSlug(""), in: file) {
                try file.add(.journey, input: [.name: "Melding"])
            }
        }
    }

    @Test func duplicateSlugsAreRefused() throws {
        try withRoadmap { file throws in
            try file.makeJourney("mor", name: "Eerste")
            try expectRefused(.duplicate(.journey, "mor"), in: file) {
                try file.addJourney(slug: "mor", input: [.name: "Tweede"])
            }
            #expect(try file.record(.journey, "mor")[.name] == .text("Eerste"))
            #expect(try file.phases(of: "mor").count == 5)
            // The default channels exist from the start.
            try expectRefused(.duplicate(.channel, "web"), in: file) {
                try file.add(.channel, slug: "web", input: [.name: "Nog een website"])
            }
        }
    }

    @Test func newFileHoldsTheDefaultChannelsOnly() throws {
        try withRoadmap { file throws in
            #expect(try file.refs(.channel) == ["app", "balie", "e-mail", "post", "social", "telefoon", "web"])
            for kind in Kind.allCases where kind != .channel { #expect(try file.records(kind).isEmpty, "\(kind)") }
            #expect(try file.setting(.municipality) == "Molensloot")
        }
    }

    // MARK: Missing and invalid values

    @Test func missingRequiredFieldsAreRefused() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try expectRefused(.missingValue(.finding, field: "kind"), in: file) {
                try file.add(.finding, input: [.title: "t", .journey: "mor", .phase: "contact"])
            }
            try expectRefused(.missingValue(.finding, field: "title"), in: file) {
                try file.add(.finding, input: [.kind: "good", .journey: "mor", .phase: "contact"])
            }
            try expectRefused(.missingValue(.finding, field: "journey"), in: file) {
                try file.add(.finding, input: [.kind: "good", .title: "t"])
            }
            try expectRefused(.missingValue(.opportunity, field: "effort"), in: file) {
                try file.add(.opportunity, input: [.title: "t", .impact: "3"])
            }
            try expectRefused(.missingValue(.measurement, field: "metric"), in: file) {
                try file.add(.measurement, input: [.value: "3"])
            }
            try expectRefused(.invalidValue(field: "title", value: "  ", expected: "a value (it cannot be empty)"), in: file) {
                try file.add(.finding, input: [.kind: "good", .title: "  ", .journey: "mor", .phase: "contact"])
            }
            #expect(try file.records(.finding).isEmpty)
        }
    }

    @Test func unknownFieldsAreRefused() throws {
        try withRoadmap { file throws in
            try expectRefused(.invalidValue(field: "unit", value: "red", expected: "no such field for a spearhead"), in: file) {
                try file.add(.spearhead, input: [.title: "t", .unit: "red"])
            }
        }
    }

    @Test(arguments: [
        (FieldKey.impact, "0", "a whole number from 1 to 5"),
        (.impact, "6", "a whole number from 1 to 5"),
        (.effort, "-1", "a whole number from 1 to 5"),
        (.reach, "3.5", "a whole number from 1 to 5"),
        (.confidence, "101", "a whole number from 0 to 100"),
        (.confidence, "veel", "a whole number from 0 to 100"),
    ])
    func outOfRangeIntegersAreRefused(field: FieldKey, value: String, expected: String) throws {
        try withRoadmap { file throws in
            var input: [FieldKey: String] = [.title: "Kans", .impact: "3", .effort: "3"]
            input[field] = value
            try expectRefused(.invalidValue(field: field.rawValue, value: value, expected: expected), in: file) {
                try file.add(.opportunity, input: input)
            }
            // The same through an edit of an existing record.
            let existing = try file.add(.opportunity, input: [.title: "Bestaand", .impact: "3", .effort: "3"])
            try expectRefused(.invalidValue(field: field.rawValue, value: value, expected: expected), in: file) {
                try file.edit(.opportunity, existing.ref, input: [field: value])
            }
            #expect(try file.record(.opportunity, existing.ref) == existing)
        }
    }

    @Test func integerBoundsAreAccepted() throws {
        try withRoadmap { file throws in
            let low = try file.add(.opportunity, input: [.title: "a", .impact: "1", .effort: "1", .confidence: "0"])
            let high = try file.add(.opportunity, input: [.title: "b", .impact: "5", .effort: "5", .confidence: "100"])
            #expect(low[.impact] == .integer(1) && low[.confidence] == .integer(0))
            #expect(high[.impact] == .integer(5) && high[.confidence] == .integer(100))
        }
    }

    @Test(arguments: ["2014-13-45", "2014-02-30", "2013-02-29", "1900-02-29", "2014-00-10", "2014-04-31", "2014-3-3", "03-03-2014", "morgen"])
    func unrealDatesAreRefused(text: String) throws {
        #expect(ISODate(text) == nil)
        try withRoadmap { file throws in
            try expectRefused(
                .invalidValue(field: "start_date", value: text, expected: "a real date as YYYY-MM-DD, such as 2014-03-03"),
                in: file
            ) {
                try file.add(.item, input: [.title: "t", .startDate: text])
            }
        }
    }

    @Test(arguments: ["2012-02-29", "2000-02-29", "2014-12-31", "2014-01-01"])
    func realDatesAreAccepted(text: String) throws {
        try withRoadmap { file throws in
            let item = try file.add(.item, input: [.title: "t", .startDate: text])
            #expect(item[.startDate] == .text(text))
            #expect(ISODate(text)?.description == text)
        }
    }

    @Test func unknownReferencesAreRefused() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try expectRefused(.unknownRecord(.journey, "nope"), in: file) {
                try file.makeFinding("t", journey: "nope")
            }
            try expectRefused(.unknownRecord(.touchpoint, "T9"), in: file) {
                try file.makeFinding("t", extra: [.touchpoint: "T9"])
            }
            try expectRefused(.unknownRecord(.spearhead, "S4"), in: file) {
                try file.makeOpportunity("t", impact: 3, effort: 3, spearhead: "s4")
            }
            try expectRefused(.unknownRecord(.channel, "fax"), in: file) {
                try file.add(.persona, slug: "ouders", input: [.name: "Ouders", .channels: "web, fax"])
            }
            try expectRefused(.invalidValue(field: "spearhead", value: "X1", expected: "a spearhead id such as S1"), in: file) {
                try file.makeOpportunity("t", impact: 3, effort: 3, spearhead: "X1")
            }
            try expectRefused(.unknownRecord(.item, "R1"), in: file) {
                try file.add(.agreement, input: [.who: "kcc", .what: "bellen", .cadence: "wekelijks", .item: "R1"])
            }
        }
    }

    @Test func slugListsAreNormalised() throws {
        try withRoadmap { file throws in
            let persona = try file.add(.persona, slug: "ouders", input: [.name: "Ouders", .channels: " Web , telefoon,, "])
            #expect(persona[.channels] == .text("web,telefoon"))
            #expect(persona.json["channels"] == .array([.string("web"), .string("telefoon")]))
        }
    }

    @Test func phaseMustBelongToTheJourney() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try expectRefused(.unknownPhase(journey: "mor", phase: "wachten", phases: defaultPhaseSlugs), in: file) {
                try file.makeFinding("t", phase: "wachten")
            }
            // Phases are slugs: typed in capitals, they are still found.
            #expect(try file.makeFinding("t", phase: "Contact")[.phase] == .text("contact"))
        }
    }

    @Test func phaseNeedsAJourney() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try expectRefused(.inconsistent("--phase needs --journey: a phase belongs to a journey"), in: file) {
                try file.makeMetric("csat", extra: [.phase: "contact"])
            }
            let metric = try file.makeMetric("csat", extra: [.journey: "mor", .phase: "contact"])
            // Clearing the journey but not the phase leaves a phase without a journey.
            try expectRefused(.inconsistent("--phase needs --journey: a phase belongs to a journey"), in: file) {
                try file.edit(.metric, metric.ref, input: [.journey: ""])
            }
        }
    }

    @Test func decimalCommaIsReadAsAPoint() throws {
        try withRoadmap { file throws in
            let metric = try file.makeMetric("csat", extra: [.baseline: "7,8", .target: "8.25", .scaleMin: "1", .scaleMax: " 10 "])
            #expect(metric[.baseline] == .real(7.8))
            #expect(metric[.target] == .real(8.25))
            #expect(metric[.scaleMin] == .real(1))
            #expect(metric[.scaleMax] == .real(10))
            #expect(try file.record(.metric, "csat")[.baseline] == .real(7.8))
            #expect(parseDecimal("-0,5") == -0.5)
            for bad in ["7,8,1", "abc", "nan", "inf", "0x10", "7.8kg"] {
                #expect(parseDecimal(bad) == nil, "\(bad)")
                try expectRefused(.invalidValue(field: "baseline", value: bad, expected: "a number such as 7.8 or 7,8"), in: file) {
                    try file.edit(.metric, "csat", input: [.baseline: bad])
                }
            }
        }
    }

    @Test func flagsAcceptYesAndNoInBothLanguages() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            for (text, value) in [("yes", 1), ("ja", 1), ("TRUE", 1), ("1", 1), ("no", 0), ("nee", 0), ("false", 0), ("0", 0)] {
                let touchpoint = try file.add(.touchpoint, input: [.title: "t", .journey: "mor", .phase: "contact", .momentOfTruth: text])
                #expect(touchpoint[.momentOfTruth] == .integer(Int64(value)), "\(text)")
            }
            try expectRefused(.invalidValue(field: "moment_of_truth", value: "misschien", expected: "yes or no"), in: file) {
                try file.add(.touchpoint, input: [.title: "t", .journey: "mor", .phase: "contact", .momentOfTruth: "misschien"])
            }
        }
    }

    // MARK: Touchpoints

    @Test func findingAtATouchpointTakesItsJourneyAndPhase() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.makeJourney("paspoort", name: "Paspoort aanvragen")
            let touchpoint = try file.add(.touchpoint, input: [.title: "Melding via app", .journey: "mor", .phase: "uitvoering"])
            #expect(touchpoint.ref == "T1")

            let inherited = try file.makeFinding("Geen terugkoppeling", journey: nil, phase: nil, extra: [.touchpoint: "T1"])
            #expect(inherited[.journey] == .text("mor"))
            #expect(inherited[.phase] == .text("uitvoering"))
            #expect(inherited[.touchpoint] == .integer(1))

            // Giving the same journey and phase is fine; another phase or journey is not.
            #expect(try file.makeFinding("ok", journey: "mor", phase: "uitvoering", extra: [.touchpoint: "T1"]).ref == "F2")
            let message = "T1 is in mor/uitvoering, not in mor/contact; leave out --journey and --phase to take them from the touchpoint"
            try expectRefused(.inconsistent(Message(stringLiteral: message)), in: file) {
                try file.makeFinding("mismatch", journey: "mor", phase: "contact", extra: [.touchpoint: "T1"])
            }
            try expectRefused(.inconsistent(Message(stringLiteral: message)), in: file) {
                try file.makeFinding("mismatch", journey: nil, phase: "contact", extra: [.touchpoint: "T1"])
            }
            try expectRefused(.inconsistent(
                "T1 is in mor/uitvoering, not in paspoort/contact; leave out --journey and --phase to take them from the touchpoint"
            ), in: file) {
                try file.makeFinding("mismatch", journey: "paspoort", phase: "contact", extra: [.touchpoint: "T1"])
            }
            // An edit that moves the finding away from its touchpoint is refused too.
            try expectRefused(.inconsistent(Message(stringLiteral: message)), in: file) {
                try file.edit(.finding, "F1", input: [.phase: "contact"])
            }
        }
    }

    @Test func movingATouchpointMustNotLeaveItsFindingsBehind() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.add(.touchpoint, input: [.title: "Balie", .journey: "mor", .phase: "contact"])
            try file.makeFinding("Lang wachten", journey: nil, phase: nil, extra: [.touchpoint: "T1"])
            let before = try RoadmapState(file)
            let error = thrownError { try file.edit(.touchpoint, "T1", input: [.phase: "uitvoering"]) }
            // Either refused (and nothing changed) or the findings moved along; never a broken rule.
            if error != nil {
                #expect(try RoadmapState(file) == before)
            } else {
                #expect(try file.record(.finding, "F1")[.phase] == .text("uitvoering"))
            }
            #expect(try file.check() == [])
        }
    }

    // MARK: Dates in order

    @Test func dueDateBeforeStartDateIsRefused() throws {
        try withRoadmap { file throws in
            try expectRefused(.inconsistent("--due-date 2014-01-31 is before --start-date 2014-02-01; swap them or fix one"), in: file) {
                try file.add(.item, input: [.title: "t", .startDate: "2014-02-01", .dueDate: "2014-01-31"])
            }
            let item = try file.add(.item, input: [.title: "t", .startDate: "2014-02-01", .dueDate: "2014-02-01"])
            try expectRefused(.inconsistent("--due-date 2014-01-01 is before --start-date 2014-02-01; swap them or fix one"), in: file) {
                try file.edit(.item, item.ref, input: [.dueDate: "2014-01-01"])
            }
            try expectRefused(.inconsistent("--due-date 2014-02-01 is before --start-date 2014-03-01; swap them or fix one"), in: file) {
                try file.edit(.item, item.ref, input: [.startDate: "2014-03-01"])
            }
            try expectRefused(.inconsistent("--end-date 2013-12-31 is before --start-date 2014-01-01; swap them or fix one"), in: file) {
                try file.add(.cycle, input: [.name: "Q1", .startDate: "2014-01-01", .endDate: "2013-12-31"])
            }
        }
    }

    // MARK: Editing

    @Test func editChangesOnlyTheNamedFieldsAndClearsWithEmptyText() throws {
        try withRoadmap { file throws in
            let item = try file.add(.item, input: [.title: "t", .owner: "Anna", .team: "KCC", .dueDate: "2014-05-01"])
            let edited = try file.edit(.item, item.ref, input: [.owner: "Bram", .dueDate: ""])
            #expect(edited[.owner] == .text("Bram"))
            #expect(edited[.dueDate] == .null)
            #expect(edited[.team] == .text("KCC"))
            #expect(try file.record(.item, "R1") == edited)
            try expectRefused(.invalidValue(field: "title", value: "", expected: "a value (it cannot be empty)"), in: file) {
                try file.edit(.item, "R1", input: [.title: ""])
            }
            try expectRefused(.unknownRecord(.item, "R7"), in: file) {
                try file.edit(.item, "R7", input: [.owner: "x"])
            }
        }
    }

    @Test func doneItemsGetADoneDateAndLoseItWhenReopened() throws {
        try withRoadmap { file throws in
            let done = try file.makeItem("klaar", status: "done")
            #expect(done[.doneDate] == .text(ISODate.today().description))
            let dated = try file.makeItem("klaar op", status: "done", extra: [.doneDate: "2014-03-04"])
            #expect(dated[.doneDate] == .text("2014-03-04"))

            let reopened = try file.setStatus("R2", "doing")
            #expect(reopened[.status] == .text("doing"))
            #expect(reopened[.doneDate] == .null)
            let finished = try file.setStatus("R2", "done", doneDate: "2014-04-01")
            #expect(finished[.doneDate] == .text("2014-04-01"))
            try expectRefused(.invalidValue(field: "status", value: "finished",
                                            expected: "one of idea, planned, doing, done, dropped"), in: file) {
                try file.setStatus("R2", "finished")
            }
        }
    }
}
