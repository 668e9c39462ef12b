import SixSteps
import Testing

/// A done item's effect on the contacts it should change, from the forecast of the months
/// before it (an interrupted time series).
@Suite struct ItemEffectTests {
    /// Four years of phone contacts about moving from January 2011, with a summer season; from
    /// `dropFrom` (a month index) on, `drop` fewer a month.
    static func csv(dropFrom: Int?, drop: Int = 120) throws -> CSVDocument {
        var lines = ["period;channel;reason;count"]
        for t in 0..<54 {
            let period = "\(2011 + t / 12)-" + (t % 12 + 1 < 10 ? "0" : "") + "\(t % 12 + 1)"
            let summer = [5, 6, 7].contains(t % 12) ? 250 : 0
            let wobble = (t * 37) % 11 - 5
            let effect = dropFrom.map { t >= $0 ? drop : 0 } ?? 0
            lines.append("\(period);telefoon;Verhuizing;\(600 + summer + wobble * 4 + t - effect)")
            lines.append("\(period);web;Verhuizing;\(200 + wobble)")
        }
        return try CSVDocument(bytes: Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    @Test func aKnownDropIsRecoveredAndPlacedBesideTheExpectation() throws {
        try withRoadmap { file in
            // Done on 10 June 2014 (month 41); the drop shows from July (month 42).
            _ = try file.importVolumes(Self.csv(dropFrom: 42), path: "kcc.csv", dryRun: false)
            let item = try file.makeItem("Nieuw e-formulier verhuizing", status: "done", extra: [.doneDate: "2014-06-10"])
            _ = try file.setItemVolume(item.ref, channel: "telefoon", reason: "Verhuizing", expectedChange: -100)
            let effects = try file.itemVolumeEffects(item: item.ref)
            #expect(effects.count == 1)
            let effect = try #require(effects.first)
            #expect(effect.doneMonth == "2014-06")
            let estimate = try #require(effect.effect)
            #expect(estimate.months == 12)
            #expect(estimate.low <= -120 && -120 <= estimate.high, "\(estimate)")
            #expect(estimate.isClear && estimate.effect < 0)
            #expect(effect.json["effect"]?["verdict"]?.string == "fewer")
            #expect(effect.json["expected_change"]?.double == -100)
            // The cycle it was done in reports it.
            let cycle = try file.add(.cycle, input: [.name: "Zomer", .status: "closed", .startDate: "2014-06-01", .endDate: "2014-06-30"])
            #expect(try file.itemVolumeEffects(doneIn: cycle).count == 1)
        }
    }

    @Test func noChangeCannotBeTold() throws {
        try withRoadmap { file in
            _ = try file.importVolumes(Self.csv(dropFrom: nil), path: "kcc.csv", dryRun: false)
            let item = try file.makeItem("Tekst op de website", status: "done", extra: [.doneDate: "2014-06-10"])
            _ = try file.setItemVolume(item.ref, channel: nil, reason: "Verhuizing", expectedChange: nil)
            let estimate = try #require(try file.itemVolumeEffects(item: item.ref).first?.effect)
            #expect(estimate.low <= 0 && 0 <= estimate.high, "\(estimate)")
            #expect(!estimate.isClear)
        }
    }

    @Test func refusalsSayWhy() throws {
        try withRoadmap { file in
            _ = try file.importVolumes(Self.csv(dropFrom: nil), path: "kcc.csv", dryRun: false)
            let open = try file.makeItem("Nog bezig", status: "doing")
            let early = try file.makeItem("Vroeg klaar", status: "done", extra: [.doneDate: "2012-03-01"])
            _ = try file.setItemVolume(open.ref, channel: "web", reason: "", expectedChange: 10)
            _ = try file.setItemVolume(early.ref, channel: "web", reason: "", expectedChange: 10)
            #expect(try file.itemVolumeEffects(item: open.ref).first?.result.failureValue == .notDone)
            #expect(try file.itemVolumeEffects(item: early.ref).first?.result.failureValue
                    == .series(.notEnoughBefore(months: 14, needed: 36)))
            // Setting the same contacts again replaces the expectation; unknown channels are refused.
            _ = try file.setItemVolume(open.ref, channel: "web", reason: "", expectedChange: 20)
            #expect(try file.itemVolumeTargets().filter { $0.item == open.ref }.map(\.expectedChange) == [20])
            #expect(throws: DomainError.self) { try file.setItemVolume(open.ref, channel: "fax", reason: "", expectedChange: nil) }
            #expect(throws: DomainError.self) { try file.setItemVolume(open.ref, channel: nil, reason: " ", expectedChange: nil) }
            try file.removeItemVolume(open.ref, channel: "web", reason: "")
            #expect(try file.itemVolumeTargets().map(\.item) == [early.ref])
        }
    }
}
