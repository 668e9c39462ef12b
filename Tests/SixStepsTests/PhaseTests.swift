import SixSteps
import Store
import Testing

/// The phases of a customer journey: the five defaults, adding, renaming, moving, removing.
@Suite struct PhaseTests {
    private func layout(_ file: RoadmapFile, _ journey: String = "mor") throws -> [String] {
        try file.phases(of: journey).map { "\($0.position):\($0.slug)" }
    }

    @Test func aNewJourneyHasTheFiveDefaultPhasesInOrder() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            let phases = try file.phases(of: "mor")
            #expect(phases.map(\.slug) == defaultPhaseSlugs)
            #expect(phases.map(\.name) == ["Oriëntatie", "Contact", "Uitvoering", "Afronding", "Evaluatie"])
            #expect(phases.map(\.position) == [1, 2, 3, 4, 5])
            #expect(phases.allSatisfy { $0.journey == "mor" })
            #expect(try file.phases(of: "onbekend").isEmpty)
        }
    }

    @Test func aJourneyCanHaveItsOwnPhases() throws {
        try withRoadmap { file throws in
            try file.addJourney(slug: "verhuizen", input: [.name: "Verhuizen"],
                                phases: [(slug: "melden", name: "Melden"), (slug: "klaar", name: "Klaar")])
            #expect(try layout(file, "verhuizen") == ["1:melden", "2:klaar"])
        }
    }

    @Test func ownPhasesOfANewJourneyAreCheckedLikeAddedOnes() throws {
        try withRoadmap { file throws in
            let badSlug = thrownError {
                try file.addJourney(slug: "a", input: [.name: "A"], phases: [(slug: "Niet Goed!", name: "x")])
            }
            let twice = thrownError {
                try file.addJourney(slug: "b", input: [.name: "B"], phases: [(slug: "x", name: "X"), (slug: "x", name: "Y")])
            }
            #expect(badSlug as? DomainError == .invalidSlug("Niet Goed!"))
            #expect((twice as? DomainError)?.description == "journey 'b' already has a phase 'x'; choose another slug")
            // The failed journey is not left half-made.
            #expect(try !file.refs(.journey).contains("b"))
        }
    }

    @Test func addPhaseAtAPositionShiftsTheOthers() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.addPhase(journey: "mor", slug: "wachten", name: "Wachten", position: 3)
            #expect(try layout(file) == ["1:orientatie", "2:contact", "3:wachten", "4:uitvoering", "5:afronding", "6:evaluatie"])
            try file.addPhase(journey: "mor", slug: "nazorg", name: "Nazorg")
            #expect(try layout(file).last == "7:nazorg")
            // Positions outside the list are clamped to its ends.
            try file.addPhase(journey: "mor", slug: "eerst", name: "Eerst", position: 0)
            try file.addPhase(journey: "mor", slug: "laatst", name: "Laatst", position: 99)
            #expect(try layout(file) == [
                "1:eerst", "2:orientatie", "3:contact", "4:wachten", "5:uitvoering", "6:afronding", "7:evaluatie",
                "8:nazorg", "9:laatst",
            ])
            let entry = try #require(try file.log(limit: 1).first)
            #expect(entry.action == "add")
            #expect(entry.record == "mor")
            #expect(entry.summary == "added phase laatst \"Laatst\" to journey mor at 9")
        }
    }

    @Test func addPhaseRefusesDuplicatesBadSlugsAndUnknownJourneys() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try expectRefused(.inconsistent("journey 'mor' already has a phase 'contact'; choose another slug"), in: file) {
                try file.addPhase(journey: "mor", slug: "contact", name: "Nog eens contact")
            }
            try expectRefused(.invalidSlug("Wachten"), in: file) {
                try file.addPhase(journey: "mor", slug: "Wachten", name: "Wachten")
            }
            try expectRefused(.unknownRecord(.journey, "nope"), in: file) {
                try file.addPhase(journey: "nope", slug: "wachten", name: "Wachten")
            }
        }
    }

    @Test func renamingAPhaseTakesItsRecordsAlong() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.add(.touchpoint, input: [.title: "Telefoon", .journey: "mor", .phase: "contact"])
            try file.makeFinding("Lang wachten", phase: "contact")
            try file.makeFinding("Duidelijk", kind: "good", phase: "uitvoering")
            try file.makeMetric("csat", extra: [.journey: "mor", .phase: "contact"])

            try file.editPhase(journey: "mor", slug: "contact", newSlug: "aanvraag", name: "Aanvraag", position: nil)
            let phases = try file.phases(of: "mor")
            #expect(phases.map(\.slug) == ["orientatie", "aanvraag", "uitvoering", "afronding", "evaluatie"])
            #expect(phases[1].name == "Aanvraag")
            #expect(try file.record(.finding, "F1")[.phase] == .text("aanvraag"))
            #expect(try file.record(.finding, "F2")[.phase] == .text("uitvoering"))
            #expect(try file.record(.touchpoint, "T1")[.phase] == .text("aanvraag"))
            #expect(try file.record(.metric, "csat")[.phase] == .text("aanvraag"))
            #expect(try file.check() == [])

            let entry = try #require(try file.log(limit: 1).first)
            #expect(entry.action == "edit")
            #expect(entry.summary == "changed phase contact of journey mor")
            #expect(try JSON.parse(try #require(entry.before)) == JSON.parse(#"{"slug":"contact","name":"Contact"}"#))
            #expect(try JSON.parse(try #require(entry.after)) == JSON.parse(#"{"slug":"aanvraag","name":"Aanvraag"}"#))

            // The old slug is gone: new records cannot use it.
            try expectRefused(.unknownPhase(journey: "mor", phase: "contact",
                                            phases: ["orientatie", "aanvraag", "uitvoering", "afronding", "evaluatie"]), in: file) {
                try file.makeFinding("oud", phase: "contact")
            }
        }
    }

    @Test func movingAPhaseRenumbersTheOthers() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.editPhase(journey: "mor", slug: "evaluatie", newSlug: nil, name: nil, position: 1)
            #expect(try layout(file) == ["1:evaluatie", "2:orientatie", "3:contact", "4:uitvoering", "5:afronding"])
            try file.editPhase(journey: "mor", slug: "evaluatie", newSlug: nil, name: nil, position: 4)
            #expect(try layout(file) == ["1:orientatie", "2:contact", "3:uitvoering", "4:evaluatie", "5:afronding"])
            try file.editPhase(journey: "mor", slug: "contact", newSlug: nil, name: nil, position: 42)
            #expect(try layout(file) == ["1:orientatie", "2:uitvoering", "3:evaluatie", "4:afronding", "5:contact"])
        }
    }

    @Test func editPhaseRefusesWhatCannotBe() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try expectRefused(.inconsistent("journey 'mor' already has a phase 'uitvoering'"), in: file) {
                try file.editPhase(journey: "mor", slug: "contact", newSlug: "uitvoering", name: nil, position: nil)
            }
            try expectRefused(.unknownPhase(journey: "mor", phase: "wachten", phases: defaultPhaseSlugs), in: file) {
                try file.editPhase(journey: "mor", slug: "wachten", newSlug: nil, name: "W", position: nil)
            }
            try expectRefused(.invalidSlug("Nieuw"), in: file) {
                try file.editPhase(journey: "mor", slug: "contact", newSlug: "Nieuw", name: nil, position: nil)
            }
            // Nothing changed, nothing logged.
            let length = try file.auditLength()
            try file.editPhase(journey: "mor", slug: "contact", newSlug: "contact", name: "Contact", position: 2)
            #expect(try file.auditLength() == length)
        }
    }

    @Test func aPhaseInUseCannotBeRemoved() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.makeFinding("a", phase: "contact")
            try file.add(.touchpoint, input: [.title: "Balie", .journey: "mor", .phase: "contact"])
            for force in [false, true] {
                try expectRefused(.needed(record: "phase mor/contact", by: ["F1", "T1"]), in: file) {
                    try file.removePhase(journey: "mor", slug: "contact", force: force)
                }
            }
            // A metric only loses its phase, and only with force.
            try file.makeMetric("csat", extra: [.journey: "mor", .phase: "afronding"])
            try expectRefused(.linked(record: "phase mor/afronding", links: ["csat"]), in: file) {
                try file.removePhase(journey: "mor", slug: "afronding", force: false)
            }
            try file.removePhase(journey: "mor", slug: "afronding", force: true)
            #expect(try file.record(.metric, "csat")[.phase] == .null)
            #expect(try file.record(.metric, "csat")[.journey] == .text("mor"))
            #expect(try layout(file) == ["1:orientatie", "2:contact", "3:uitvoering", "4:evaluatie"])
        }
    }

    @Test func anUnusedPhaseIsRemovedAndTheRestRenumbered() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.removePhase(journey: "mor", slug: "orientatie", force: false)
            #expect(try layout(file) == ["1:contact", "2:uitvoering", "3:afronding", "4:evaluatie"])
            let entry = try #require(try file.log(limit: 1).first)
            #expect(entry.action == "remove")
            #expect(entry.summary == "removed phase orientatie from journey mor")
            try expectRefused(.unknownPhase(journey: "mor", phase: "orientatie",
                                            phases: ["contact", "uitvoering", "afronding", "evaluatie"]), in: file) {
                try file.removePhase(journey: "mor", slug: "orientatie", force: true)
            }
        }
    }
}
