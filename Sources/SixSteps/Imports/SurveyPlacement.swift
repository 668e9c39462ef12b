import Store

/// What to do with responses a cycle already has for the metric: a new import never replaces
/// them silently.
public enum ExistingResponses: String, Sendable {
    /// Refuse the import, saying how many there are and how to choose.
    case refuse
    /// Replace them; the result and the log say how many were replaced.
    case replace
    /// Keep them and add the new ones; the measurement is computed from all of them.
    case append
}

/// The choices a person makes about a survey import beyond the file itself.
public struct SurveyImportOptions: Sendable {
    public var existing: ExistingResponses
    /// Leave out the responses dated in other cycles (or in none) than the one imported into.
    public var skipOthers: Bool

    public init(existing: ExistingResponses = .refuse, skipOthers: Bool = false) {
        self.existing = existing
        self.skipOthers = skipOthers
    }
}

/// The cycle a file's responses land in, found from their dates.
struct CyclePlacement {
    let cycle: Record
    /// Dates whose responses are left out: they belong to another cycle, or to none.
    let skippedDates: Set<String>
    let skippedResponses: Int
}

extension RoadmapFile {
    /// Places responses by their dates. Without a cycle named, they go to the one cycle whose
    /// dates hold them all, which must be open; responses in a closed cycle, in no cycle, or in
    /// several are refused with what was found and the choices, so a file never lands in the
    /// open cycle by default. With a cycle named, responses dated in another cycle or in none are
    /// refused (or left out with `skipOthers`): a response counts in the cycle its date falls in,
    /// so naming a cycle never moves a response into a period it was not given in. A file
    /// without dates goes to the cycle named, else the open one.
    func placeResponses(dates: [String: Int], named: String?, skipOthers: Bool) throws -> CyclePlacement {
        let cycles = try cyclesInOrder()
        func containing(_ date: String) -> [Record] {
            cycles.filter { cycle in
                guard let start = cycle[.startDate].string, start <= date else { return false }
                return cycle[.endDate].string.map { date <= $0 } ?? true
            }
        }
        func describe(_ cycle: Record) -> Message {
            let open = cycle[.status].string == "open"
            let (start, end) = (cycle[.startDate].string ?? "…", cycle[.endDate].string ?? "…")
            return Message("\(cycle.label) (\(start) tot en met \(end), \(open ? "open" : "gesloten"))",
                           "\(cycle.label) (\(start) to \(end), \(open ? "open" : "closed"))")
        }
        let dated = dates.keys.sorted()
        let (first, last) = (dated.first ?? "", dated.last ?? "")
        if let named {
            let target = try measurableCycle(named)
            var skipped = Set<String>()
            var skippedCount = 0
            var elsewhere: [String: Int] = [:]
            var outside: [String] = []
            for (date, count) in dates {
                let holders = containing(date)
                if holders.contains(where: { $0.key == target.key }) { continue }
                if skipOthers {
                    skipped.insert(date)
                    skippedCount += count
                } else if let holder = holders.first {
                    elsewhere[holder.ref, default: 0] += count
                } else {
                    elsewhere["", default: 0] += count
                    outside.append(date)
                }
            }
            if !elsewhere.isEmpty {
                // The empty key counts the responses in no cycle; it sorts first, as "no cycle" did not.
                let sorted = elsewhere.sorted { ($0.key.isEmpty ? "no cycle" : $0.key) < ($1.key.isEmpty ? "no cycle" : $1.key) }
                let list = Message(sorted.map { "\($0.value) in \($0.key.isEmpty ? "geen cyclus" : $0.key)" }.joined(separator: ", "),
                                   sorted.map { "\($0.value) in \($0.key.isEmpty ? "no cycle" : $0.key)" }.joined(separator: ", "))
                let (low, high) = (outside.min() ?? "", outside.max() ?? "")
                let outsideSpan = outside.isEmpty ? Message("", "")
                    : Message(" (\(low) tot en met \(high) vallen in geen enkele cyclus)", " (\(low) to \(high) lie in no cycle)")
                let dutchList = Message("van deze antwoorden hebben er een datum buiten \(target.ref): ", "") + list
                let englishList = list + Message("", " of these responses are dated outside \(target.ref)")
                throw DomainError.inconsistent(Message(dutchList.nl, englishList.en)
                    + outsideSpan + Message(
                        "; een antwoord telt in de cyclus waarin de datum valt: importeer die in hun eigen cyclus, "
                            + "of geef --skip-others om ze weg te laten; er is niets geïmporteerd",
                        "; a response counts in the cycle its date falls in: import those into their "
                            + "own cycle, or pass --skip-others to leave them out; nothing was imported"))
            }
            return CyclePlacement(cycle: target, skippedDates: skipped, skippedResponses: skippedCount)
        }
        guard !dated.isEmpty else {
            return CyclePlacement(cycle: try measurableCycle(nil), skippedDates: [], skippedResponses: 0)
        }
        var byCycle: [SQLValue: (cycle: Record, count: Int, dates: [String])] = [:]
        var outside: (count: Int, dates: [String]) = (0, [])
        for (date, count) in dates {
            // Overlapping cycles: the latest that holds the date.
            if let holder = containing(date).last {
                byCycle[holder.key, default: (holder, 0, [])].count += count
                byCycle[holder.key]?.dates.append(date)
            } else {
                outside.count += count
                outside.dates.append(date)
            }
        }
        let groups = byCycle.values.sorted { ($0.cycle[.startDate].string ?? "") < ($1.cycle[.startDate].string ?? "") }
        if groups.count == 1, outside.count == 0, let only = groups.first {
            guard only.cycle[.status].string == "open" else {
                throw DomainError.inconsistent(Message("de antwoorden hebben een datum van \(first) tot en met \(last), in ",
                                                       "the responses are dated \(first) to \(last), in ")
                    + describe(only.cycle) + Message(
                        "; de metingen van een gesloten cyclus liggen vast, en de antwoorden horen niet in een andere; er is niets geïmporteerd",
                        "; a closed cycle's measurements are frozen, and they do not belong in another; nothing was imported"))
            }
            return CyclePlacement(cycle: only.cycle, skippedDates: [], skippedResponses: 0)
        }
        if skipOthers, let open = groups.first(where: { $0.cycle[.status].string == "open" }) {
            let others = groups.filter { $0.cycle.key != open.cycle.key }
            let skipped = Set(others.flatMap(\.dates) + outside.dates)
            return CyclePlacement(cycle: open.cycle, skippedDates: skipped,
                                  skippedResponses: others.reduce(outside.count) { $0 + $1.count })
        }
        if groups.isEmpty {
            throw DomainError.inconsistent(Message(
                "de antwoorden hebben een datum van \(first) tot en met \(last), buiten elke cyclus; een antwoord telt in de cyclus "
                    + "waarin de datum valt: open een cyclus voor die data; er is niets geïmporteerd",
                "the responses are dated \(first) to \(last), outside every cycle; a response counts in the cycle "
                    + "its date falls in: open a cycle for those dates; nothing was imported"))
        }
        let parts = groups.map { Message("\($0.count) in ", "\($0.count) in ") + describe($0.cycle) }
            + (outside.count > 0 ? [Message("\(outside.count) in geen cyclus", "\(outside.count) in no cycle")] : [])
        let joined = parts.dropFirst().reduce(parts.first ?? Message("", "")) { $0 + Message(", ", ", ") + $1 }
        throw DomainError.inconsistent(Message("de antwoorden hebben een datum van \(first) tot en met \(last): ",
                                               "the responses are dated \(first) to \(last): ")
            + joined + Message(
                "; noem de cyclus om in te importeren met --cycle, en geef --skip-others om de rest weg te laten; er is niets geïmporteerd",
                "; name the cycle to import with --cycle, adding --skip-others to leave out the rest; nothing was imported"))
    }
}
