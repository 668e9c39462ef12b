import Store

extension RoadmapFile {
    /// Removes a record. Records that cannot exist without it block the removal; links and
    /// optional references block it too, unless `force`, which removes them first and logs each.
    /// Returns the refs of what was unlinked.
    @discardableResult
    public func remove(_ kind: Kind, _ ref: String, force: Bool) throws -> [String] {
        try write {
            let target = try record(kind, ref)
            var needed: [String] = []
            var referring: [(Record, Field)] = []
            for other in Kind.allCases {
                for field in other.fields {
                    switch field.type {
                    case .reference(kind):
                        for record in try records(other, filter: [field.key: target.key]) {
                            if field.required { needed.append(record.ref) } else { referring.append((record, field)) }
                        }
                    case .slugList(kind):
                        for record in try records(other) where record.listed(field.key).contains(target.ref) {
                            referring.append((record, field))
                        }
                    default:
                        continue
                    }
                }
            }
            if !needed.isEmpty { throw DomainError.needed(record: target.ref, by: needed) }
            let attached = try LinkKind.allCases.flatMap { link -> [Link] in
                (link.from.kind == kind ? try links(link, from: target.key) : [])
                    + (link.to.kind == kind ? try links(link, to: target.key) : [])
            }
            let named = referring.map(\.0.ref) + attached.map { $0.from == target.key && $0.kind.from.kind == kind ? $0.toRef : $0.fromRef }
            if !named.isEmpty && !force { throw DomainError.linked(record: target.ref, links: named) }

            for (record, field) in referring {
                // Re-read: one record may refer twice (an insight's journey and its channel).
                guard let before = try self.record(record.kind, key: record.key) else { continue }
                var after = before
                if case .slugList = field.type {
                    after[field.key] = SQLValue(before.listed(field.key).filter { $0 != target.ref }
                        .joined(separator: ",").nonEmpty)
                } else {
                    after[field.key] = .null
                    // A phase only means something within its journey.
                    if field.key == .journey, record.kind.field(.phase) != nil { after[.phase] = .null }
                }
                try update(before: before, after: after)
            }
            for link in attached { try deleteLink(link) }
            try connection.run("DELETE FROM \(kind.table) WHERE \(kind.keyColumn) = ?", [target.key])
            try audit(action: "remove", record: target.ref, summary: "removed \(kind.noun) \(target.label)",
                      before: .object(target.json), after: nil)
            return named
        }
    }
}

extension Record {
    /// The slugs of a comma-separated list field.
    func listed(_ field: FieldKey) -> [String] {
        (self[field].string ?? "").split(separator: ",").map(String.init)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
