import Store

/// The contacts a roadmap item should change (a channel, a contact reason, or both) and the
/// effect estimated beyond trend and season once it is done.
public struct ItemVolumeTarget: Sendable, Equatable {
    public let item: String
    /// Nil: all channels.
    public let channel: String?
    /// Empty: all reasons.
    public let reason: String
    /// The change the team expects, in contacts a month (negative: fewer).
    public let expectedChange: Double?

    public var label: String {
        [channel.map { "channel \($0)" }, reason.isEmpty ? nil : "reason '\(reason)'"].compactMap { $0 }.joined(separator: ", ")
    }

    var json: JSONObject {
        JSONObject([("item", .string(item)), ("channel", channel.map(JSON.string) ?? .null), ("reason", .string(reason)),
                    ("expected_change", expectedChange.map(JSON.double) ?? .null)])
    }
}

/// Why an item has no effect estimate.
public enum ItemEffectRefusal: Error, Sendable, Equatable {
    case notDone
    /// The done date lies outside the months with volumes.
    case outsideVolumes(month: String)
    case series(CounterfactualRefusal)
}

public struct ItemVolumeEffect: Sendable {
    public let target: ItemVolumeTarget
    /// The month the item was done in, left out of the comparison.
    public let doneMonth: String?
    public let result: Result<CounterfactualEffect, ItemEffectRefusal>

    public var effect: CounterfactualEffect? { try? result.get() }

    public var json: JSONObject {
        var object = target.json
        object.append("done_month", doneMonth.map(JSON.string) ?? .null)
        switch result {
        case .success(let effect):
            object.append("effect", .object(JSONObject([
                ("months", .int(Int64(effect.months))), ("model", .string(effect.model.rawValue)),
                ("observed_per_month", .double(effect.observed.rounded(toPlaces: 1))),
                ("forecast_per_month", .double(effect.expected.rounded(toPlaces: 1))),
                ("effect_per_month", .double(effect.effect.rounded(toPlaces: 1))),
                ("low", .double(effect.low.rounded(toPlaces: 1))), ("high", .double(effect.high.rounded(toPlaces: 1))),
                ("plain_before_after", .double(effect.plainChange.rounded(toPlaces: 1))),
                ("verdict", .string(effect.isClear ? (effect.effect < 0 ? "fewer" : "more") : "cannot tell")),
            ])))
        case .failure(let refusal):
            object.append("effect", .null)
            object.append("refusal", .string(refusal.description))
        }
        return object
    }
}

extension ItemEffectRefusal: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notDone: "not done yet: an effect is estimated from the month after the done date"
        case .outsideVolumes(let month): "done in \(month), outside the months with volumes"
        case .series(.notEnoughBefore(let months, let needed)):
            "not enough data: \(months) months before the item, \(needed) needed"
        case .series(.nothingAfter): "no month after the item observed yet"
        }
    }
}

extension RoadmapFile {
    /// Records (or, with the same channel and reason, replaces) the contacts an item should change.
    public func setItemVolume(_ itemRef: String, channel: String?, reason: String, expectedChange: Double?) throws -> ItemVolumeTarget {
        try write {
            let item = try record(.item, itemRef)
            if let channel, !(try exists(.channel, key: .text(channel))) { throw DomainError.unknownRecord(.channel, channel) }
            guard channel != nil || !reason.trimmingSpaces.isEmpty else {
                throw DomainError.inconsistent(Message("noem een --channel, een --reason of beide: de contacten die het roadmap-item moet veranderen",
                                                       "name a --channel, a --reason or both: the contacts the item should change"))
            }
            try connection.run("DELETE FROM item_volumes WHERE item = ? AND ifnull(channel, '') = ? AND reason = ?",
                               [item.key, .text(channel ?? ""), .text(reason)])
            try connection.run("INSERT INTO item_volumes (item, channel, reason, expected_change) VALUES (?, ?, ?, ?)",
                               [item.key, SQLValue(channel), .text(reason), SQLValue(expectedChange)])
            let target = ItemVolumeTarget(item: item.ref, channel: channel, reason: reason, expectedChange: expectedChange)
            try audit(action: "link", record: item.ref, summary: "\(item.ref) should change the contacts of \(target.label)",
                      before: nil, after: .object(target.json))
            return target
        }
    }

    public func removeItemVolume(_ itemRef: String, channel: String?, reason: String) throws {
        try write {
            let item = try record(.item, itemRef)
            let removed = try connection.run("DELETE FROM item_volumes WHERE item = ? AND ifnull(channel, '') = ? AND reason = ?",
                                             [item.key, .text(channel ?? ""), .text(reason)])
            guard removed > 0 else {
                throw DomainError.inconsistent(Message(
                    "\(item.ref) heeft geen contacten van dat kanaal en die reden om weg te halen; zie 'molensloot item effect \(item.ref)'",
                    "\(item.ref) has no contacts of that channel and reason to remove; see 'molensloot item effect \(item.ref)'"))
            }
            try audit(action: "unlink", record: item.ref, summary: "\(item.ref) no longer linked to contacts", before: nil, after: nil)
        }
    }

    /// Every item's contacts to change, by item ref.
    public func itemVolumeTargets() throws -> [ItemVolumeTarget] {
        try connection.query("SELECT item, channel, reason, expected_change FROM item_volumes ORDER BY item, ifnull(channel, ''), reason")
            .map { row in
                ItemVolumeTarget(item: Kind.item.ref(row[0]), channel: row.optionalString(1), reason: row.string(2),
                                 expectedChange: row[3].double)
            }
    }

    /// The effect of each done item on the contacts it should change: the forecast fitted on the
    /// months before the done month, against the months after it.
    public func itemVolumeEffects(item itemRef: String? = nil) throws -> [ItemVolumeEffect] {
        try read {
            let targets = try itemVolumeTargets().filter { itemRef == nil || $0.item == itemRef }
            guard !targets.isEmpty else { return [] }
            let rows = try volumes()
            let all = VolumeSeries(rows)
            let position = Dictionary(uniqueKeysWithValues: all.periods.enumerated().map { ($1, $0) })
            return try targets.map { target in
                let item = try record(.item, target.item)
                guard let done = item[.doneDate].string.flatMap({ ISODate($0) }) else {
                    return ItemVolumeEffect(target: target, doneMonth: nil, result: .failure(.notDone))
                }
                let month = Period(date: done).description
                guard let index = position[month] else {
                    return ItemVolumeEffect(target: target, doneMonth: month, result: .failure(.outsideVolumes(month: month)))
                }
                var series = [Double](repeating: 0, count: all.periods.count)
                for row in rows where (target.channel == nil || row.channel == target.channel)
                    && (target.reason.isEmpty || row.reason == target.reason) {
                    if let at = position[row.period] { series[at] += Double(row.count) }
                }
                let result = Forecasting.counterfactual(series, changeIndex: index).mapError(ItemEffectRefusal.series)
                return ItemVolumeEffect(target: target, doneMonth: month, result: result)
            }
        }
    }

    /// The effects of the items done between a cycle's start and end date.
    public func itemVolumeEffects(doneIn cycle: Record) throws -> [ItemVolumeEffect] {
        guard let start = cycle[.startDate].string, let end = cycle[.endDate].string else { return [] }
        return try itemVolumeEffects().filter { effect in
            guard let done = try record(.item, effect.target.item)[.doneDate].string else { return false }
            return start <= done && done <= end
        }
    }
}
