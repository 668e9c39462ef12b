import Store

/// The process of one case type serving a journey: its steps and their figures per cycle.
public struct CaseTypeProcess: Sendable {
    public let type: CaseType
    public let cycles: [CycleProcess]
    /// From each cycle to the next that has cases.
    public let changes: [ProcessChange]
    /// Cases that start in no cycle's dates.
    public let outsideCycles: Int
}

/// The process behind a customer journey, from the case system: per case type that serves it,
/// the lead time per case and per step against the terms, per cycle.
public struct JourneyProcess: Sendable {
    public let journey: String
    public let name: String
    public let phases: [Phase]
    public let types: [CaseTypeProcess]
    /// Lead times counted in working days rather than calendar days.
    public let workingDays: Bool
    /// The day open cases are judged on: the last day the case system recorded anything.
    public let asOf: ISODate?
    public let threshold: Int
}

extension RoadmapFile {
    /// The journey's process. `workingDays` counts lead times, terms and extensions in working
    /// days (a week is five); norms are counted in the unit each was given in.
    public func journeyProcess(_ journeyRef: String, workingDays: Bool = false) throws -> JourneyProcess {
        try read {
            let journey = try record(.journey, journeyRef)
            return try journeyProcessInside(journey, workingDays: workingDays)
        }
    }

    /// The process of every journey that a case type serves, for the site.
    public func journeyProcesses(workingDays: Bool = false) throws -> [JourneyProcess] {
        try read {
            let served = Set(try caseTypesInside().compactMap(\.journey))
            return try records(.journey).filter { served.contains($0.ref) }.map { try journeyProcessInside($0, workingDays: workingDays) }
        }
    }

    func journeyProcessInside(_ journey: Record, workingDays: Bool) throws -> JourneyProcess {
        let cycles = try cyclesInOrder()
        let threshold = try privacyThreshold()
        let asOf = try caseAsOf()
        var types: [CaseTypeProcess] = []
        for type in try caseTypesInside() where type.journey == journey.ref {
            let byCycle = try timingsByCycle(type: type, cycles: cycles, asOf: asOf ?? .today(), workingDays: workingDays)
            let contactCounts = try contactsPerCase(type: type)
            var processes: [CycleProcess] = []
            for (cycle, timings) in byCycle.cycles {
                let late = timings.filter { $0.onTime == false }.map { contactCounts[$0.key] ?? 0 }
                let punctual = timings.filter { $0.onTime == true }.map { contactCounts[$0.key] ?? 0 }
                let contacts = contactCounts.isEmpty ? nil : ContactsPerOverrun.compute(late: late, onTime: punctual, threshold: threshold)
                processes.append(CycleProcess.compute(cycle: cycle.ref, cycleName: cycle.title, timings: timings, steps: type.steps,
                                                      workingDays: workingDays, contacts: contacts))
            }
            let measured = processes.filter { $0.cases > 0 }
            let changes = zip(measured, measured.dropFirst()).map { ProcessChange.between($0, $1) }
            types.append(CaseTypeProcess(type: type, cycles: processes, changes: changes, outsideCycles: byCycle.outside))
        }
        return JourneyProcess(journey: journey.ref, name: journey.title, phases: try phases(of: journey.ref), types: types,
                              workingDays: workingDays, asOf: asOf, threshold: threshold)
    }

    /// The last day anything was recorded about a case: open cases are judged as of then, so a
    /// roadmap read years later does not call every open case late.
    func caseAsOf() throws -> ISODate? {
        let row = try connection.first("SELECT (SELECT max(at) FROM case_statuses), (SELECT max(end_date) FROM cases), "
                                       + "(SELECT max(start_date) FROM cases)")
        guard let row else { return nil }
        let days = [row[0].int.map { Timestamp(seconds: $0).date }, row.optionalString(1).flatMap { ISODate($0) },
                    row.optionalString(2).flatMap { ISODate($0) }].compactMap { $0 }
        return days.max()
    }

    /// The timings of a type's cases grouped by the cycle their start date falls in, every cycle
    /// present (empty when it has no cases).
    func timingsByCycle(type: CaseType, cycles: [Record], asOf: ISODate, workingDays: Bool)
        throws -> (cycles: [(Record, [CaseTiming])], outside: Int) {
        let steps = Dictionary(type.steps.map { ($0.status, $0) }, uniquingKeysWith: { first, _ in first })
        let spans = cycles.map { cycle in
            (cycle, cycle[.startDate].string.flatMap { ISODate($0) }, cycle[.endDate].string.flatMap { ISODate($0) })
        }
        var grouped: [[CaseTiming]] = Array(repeating: [], count: cycles.count)
        var outside = 0
        for history in try caseHistories(type: type) {
            guard let index = spans.firstIndex(where: { _, start, end in
                start.map { history.start >= $0 } ?? false && (end.map { history.start <= $0 } ?? true)
            }) else {
                outside += 1
                continue
            }
            grouped[index].append(CaseTiming.compute(history, steps: steps, asOf: asOf, workingDays: workingDays))
        }
        return (Array(zip(cycles, grouped)), outside)
    }

    /// Contacts per case key, for the cases of a type: the contacts that carry the same pseudonym.
    func contactsPerCase(type: CaseType) throws -> [Int64: Int] {
        try connection.query("SELECT c.case_key, count(*) FROM contacts c JOIN cases z ON z.case_key = c.case_key "
                             + "WHERE z.case_type = ? GROUP BY c.case_key", [.text(type.ref)])
            .reduce(into: [Int64: Int]()) { $0[$1.int(0)] = Int($1.int(1)) }
    }
}

extension JourneyProcess {
    public var json: JSONObject {
        func number(_ value: Double?) -> JSON { value.map { .double($0.rounded(toPlaces: 4)) } ?? .null }
        func noise(_ verdict: NoiseVerdict) -> JSON {
            switch verdict {
            case .significant(let p): return .object(JSONObject([("beyond_noise", .bool(true)), ("p", number(p))]))
            case .withinNoise(let p): return .object(JSONObject([("beyond_noise", .bool(false)), ("p", number(p))]))
            case .unknown: return .null
            }
        }
        return JSONObject([
            ("journey", .string(journey)), ("name", .string(name)), ("unit", .string(workingDays ? "working_days" : "calendar_days")),
            ("as_of", asOf.map { .string($0.description) } ?? .null),
            ("case_types", .array(types.map { process in
                .object(JSONObject([
                    ("case_type", .string(process.type.ref)), ("name", .string(process.type.name)),
                    ("term", process.type.term.map(JSON.string) ?? .null), ("outside_cycles", .int(Int64(process.outsideCycles))),
                    ("steps", .array(process.type.steps.map { .object($0.json) })),
                    ("cycles", .array(process.cycles.map { cycle in
                        .object(JSONObject([
                            ("cycle", .string(cycle.cycle)), ("cases", .int(Int64(cycle.cases))), ("decided", .int(Int64(cycle.decided))),
                            ("open", .int(Int64(cycle.open))), ("open_overdue", .int(Int64(cycle.openOverdue))),
                            ("suspended", .int(Int64(cycle.suspendedNow))), ("extended", .int(Int64(cycle.extended))),
                            ("reopened", .int(Int64(cycle.reopened))), ("lead_days", cycle.lead?.json ?? .null),
                            ("judged", .int(Int64(cycle.judged))), ("on_time", .int(Int64(cycle.onTime))),
                            ("on_time_share", number(cycle.onTimeShare)),
                            ("weakest_link", cycle.weakest.map { weakest in
                                .object(JSONObject([("status", .string(weakest.step.status)),
                                                    ("department", weakest.step.department.map(JSON.string) ?? .null),
                                                    ("overrun_share", number(weakest.overrunShare))]))
                            } ?? .null),
                            ("steps", .array(cycle.steps.map { figures in
                                .object(JSONObject([
                                    ("status", .string(figures.step.status)), ("days", figures.spread?.json ?? .null),
                                    ("norm_days", number(figures.step.norm)), ("over_norm_share", number(figures.overNormShare)),
                                    ("overrun_days", .int(Int64(figures.overrunDays))), ("overrun_share", number(figures.overrunShare)),
                                ]))
                            })),
                            ("contacts", cycle.contacts.map { contacts in
                                .object(JSONObject([
                                    ("late_cases", .int(Int64(contacts.lateCases))), ("late_mean", number(contacts.lateMean)),
                                    ("on_time_cases", .int(Int64(contacts.onTimeCases))), ("on_time_mean", number(contacts.onTimeMean)),
                                    ("p", number(contacts.p)),
                                ]))
                            } ?? .null),
                        ]))
                    })),
                    ("changes", .array(process.changes.map { change in
                        .object(JSONObject([
                            ("from", .string(change.from)), ("to", .string(change.to)),
                            ("on_time_change", number(change.onTimeChange)), ("on_time_noise", noise(change.onTimeNoise)),
                            ("median_change", number(change.medianChange)), ("lead_noise", noise(change.leadNoise)),
                        ]))
                    })),
                ]))
            })),
        ])
    }
}
