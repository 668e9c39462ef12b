import Store

/// Step 6's rhythm: one improvement cycle open at a time; a closed cycle's measurements are frozen.
extension RoadmapFile {
    public func openCycleRecord() throws -> Record? {
        try records(.cycle, filter: [.status: .text("open")]).first
    }

    @discardableResult
    public func openCycle(name: String, start: String?, end: String?) throws -> Record {
        try write {
            if let open = try openCycleRecord() { throw DomainError.cycleStillOpen(open.label) }
            var input: [FieldKey: String] = [.name: name, .status: "open"]
            input[.startDate] = start ?? ISODate.today().description
            if let end { input[.endDate] = end }
            return try add(.cycle, input: input)
        }
    }

    /// Closes the open cycle (or the one named), with the team's retrospective note. Its end date
    /// becomes today unless it has one.
    @discardableResult
    public func closeCycle(_ ref: String?, note: String?, end: String? = nil) throws -> Record {
        try write {
            let cycle = try ref.map { try record(.cycle, $0) } ?? openCycleRecord()
            guard let cycle else { throw DomainError.noOpenCycle }
            guard cycle[.status].string == "open" else {
                throw DomainError.inconsistent(Message("\(cycle.label) is al gesloten; er valt niets meer te sluiten", "\(cycle.label) is already closed"))
            }
            var input: [FieldKey: String] = [.status: "closed"]
            if let note { input[.note] = note }
            if let end { input[.endDate] = end } else if cycle[.endDate].isNull {
                input[.endDate] = ISODate.today().description
            }
            return try edit(.cycle, cycle.ref, input: input)
        }
    }

    /// The cycle a measurement goes into: the one named, else the open one. Closed ones refuse.
    func measurableCycle(_ ref: String?) throws -> Record {
        let cycle = try ref.map { try record(.cycle, $0) } ?? openCycleRecord()
        guard let cycle else { throw DomainError.noOpenCycle }
        guard cycle[.status].string == "open" else { throw DomainError.frozen(cycle: cycle.label) }
        return cycle
    }

    /// Cycles in the order they ran: by start date, then by id.
    public func cyclesInOrder() throws -> [Record] {
        try records(.cycle).sorted { a, b in
            let (sa, sb) = (a[.startDate].string ?? "", b[.startDate].string ?? "")
            return sa != sb ? sa < sb : (a.key.int ?? 0) < (b.key.int ?? 0)
        }
    }
}
