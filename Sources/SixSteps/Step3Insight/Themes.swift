import Store

/// A theme of the codebook: a shared name for what residents say, with the words or phrases
/// that suggest it.
public struct Theme: Sendable, Equatable {
    public let slug: String
    public let name: String
    public let description: String?
    public let phrases: [String]

    public init(slug: String, name: String, description: String?, phrases: [String]) {
        self.slug = slug
        self.name = name
        self.description = description
        self.phrases = phrases
    }

    public var json: JSONObject {
        JSONObject([("slug", .string(slug)), ("name", .string(name)), ("description", description.map(JSON.string) ?? .null),
                    ("phrases", .array(phrases.map(JSON.string)))])
    }

    /// Whether one of the phrases occurs in the text as whole words, ignoring case.
    public func suggests(_ text: String) -> Bool {
        let haystack = Array(text.lowercased())
        return phrases.contains { phrase in
            let needle = Array(phrase.lowercased())
            guard !needle.isEmpty, needle.count <= haystack.count else { return false }
            for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
                let before = start == 0 || !haystack[start - 1].isLetter
                let after = start + needle.count == haystack.count || !haystack[start + needle.count].isLetter
                if before && after { return true }
            }
            return false
        }
    }
}

/// How sure a theme of a comment is: suggested by the codebook, or confirmed by a manager.
public enum CodingState: String, Sendable, Equatable {
    case suggested, confirmed
}

/// A survey comment with its themes.
public struct CodedComment: Sendable {
    public let id: Int64
    public let cycle: String
    public let phase: String?
    public let channel: String?
    public let persona: String?
    public let comment: String
    public let quotable: Bool
    /// Theme slug → state, for the themes that apply (rejected suggestions left out).
    public let themes: [(theme: String, state: CodingState)]
    /// Suggestions a manager rejected.
    public let rejected: [String]

    public var json: JSONObject {
        JSONObject([("id", .int(id)), ("cycle", .string(cycle)), ("comment", .string(comment)), ("quotable", .bool(quotable)),
                    ("themes", .array(themes.map {
                        .object(JSONObject([("theme", .string($0.theme)), ("state", .string($0.state.rawValue))]))
                    })),
                    ("rejected", .array(rejected.map(JSON.string)))])
    }
}

extension RoadmapFile {
    public func themes() throws -> [Theme] {
        try connection.query("SELECT slug, name, description, phrases FROM themes ORDER BY slug").map { row in
            Theme(slug: row.string(0), name: row.string(1), description: row.optionalString(2),
                  phrases: row.string(3).split(separator: "\n").map(String.init))
        }
    }

    public func theme(_ slug: String) throws -> Theme {
        guard let theme = try themes().first(where: { $0.slug == slug }) else {
            throw DomainError.inconsistent(Message("er is geen thema '\(slug)'; zie 'molensloot theme list'", "there is no theme '\(slug)'; see 'molensloot theme list'"))
        }
        return theme
    }

    /// Adds a theme, or with `replace` changes the one with this slug.
    public func saveTheme(_ theme: Theme, replace: Bool) throws {
        try write { try storeTheme(theme, replace: replace) }
    }

    func storeTheme(_ theme: Theme, replace: Bool, audited: Bool = true) throws {
        try validateSlug(theme.slug)
        guard !theme.name.trimmingSpaces.isEmpty else { throw DomainError.inconsistent(Message("een thema heeft een naam nodig; geef die met --name", "a theme needs a name")) }
        let phrases = theme.phrases.map(\.trimmingSpaces).filter { !$0.isEmpty }
        guard !phrases.contains(where: { $0.contains("\n") || $0.utf8.contains(0) }) else {
            throw DomainError.inconsistent(Message("een zinsdeel kan geen regeleinde of NUL bevatten; haal die weg", "a phrase cannot hold a line break or NUL"))
        }
        let old = try themes().first { $0.slug == theme.slug }
        if old != nil && !replace {
            throw DomainError.inconsistent(Message("thema '\(theme.slug)' bestaat al; wijzig het met 'molensloot theme edit \(theme.slug)'", "theme '\(theme.slug)' exists already; change it with 'molensloot theme edit \(theme.slug)'"))
        }
        if old == nil && replace { throw DomainError.inconsistent(Message("er is geen thema '\(theme.slug)'; zie 'molensloot theme list'", "there is no theme '\(theme.slug)'; see 'molensloot theme list'")) }
        try connection.run("INSERT INTO themes (slug, name, description, phrases) VALUES (?, ?, ?, ?) "
                           + "ON CONFLICT(slug) DO UPDATE SET name = excluded.name, description = excluded.description, phrases = excluded.phrases",
                           [.text(theme.slug), .text(theme.name), SQLValue(theme.description), .text(phrases.joined(separator: "\n"))])
        let stored = Theme(slug: theme.slug, name: theme.name, description: theme.description, phrases: phrases)
        if audited {
            try audit(action: old == nil ? "add" : "edit", record: "theme \(theme.slug)", summary: "\(old == nil ? "added" : "changed") theme \(theme.slug)",
                      before: old.map { .object($0.json) }, after: .object(stored.json))
        }
    }

    /// Removes a theme with every decision made with it.
    public func removeTheme(_ slug: String) throws {
        try write {
            let old = try theme(slug)
            try connection.run("DELETE FROM themes WHERE slug = ?", [.text(slug)])
            try audit(action: "remove", record: "theme \(slug)", summary: "removed theme \(slug) and its codings",
                      before: .object(old.json), after: nil)
        }
    }

    /// A manager's decision on a comment: confirm themes, reject suggestions, or (`only`) confirm
    /// these and reject every other theme the codebook suggests for it.
    public func codeComment(_ id: Int64, confirm: [String], reject: [String], only: Bool = false) throws -> CodedComment {
        try write {
            guard let row = try connection.first("SELECT comment FROM survey_responses WHERE id = ?", [.integer(id)]),
                  let comment = row.optionalString(0) else {
                throw DomainError.inconsistent(Message("er is geen enquêteopmerking \(id); zie 'molensloot theme comments'", "there is no survey comment \(id); see 'molensloot theme comments'"))
            }
            let codebook = try themes()
            let known = Set(codebook.map(\.slug))
            if let unknown = (confirm + reject).first(where: { !known.contains($0) }) {
                throw DomainError.inconsistent(Message("er is geen thema '\(unknown)'; zie 'molensloot theme list'", "there is no theme '\(unknown)'; see 'molensloot theme list'"))
            }
            if let both = confirm.first(where: reject.contains) {
                throw DomainError.inconsistent(Message("thema '\(both)' kan niet tegelijk bevestigd en afgewezen worden; kies een van beide", "theme '\(both)' cannot be confirmed and rejected at once"))
            }
            var rejections = reject
            if only {
                try connection.run("DELETE FROM response_themes WHERE response = ?", [.integer(id)])
                rejections += codebook.filter { $0.suggests(comment) && !confirm.contains($0.slug) }.map(\.slug)
            }
            for (slugs, decision) in [(confirm, "confirmed"), (rejections, "rejected")] {
                for slug in slugs {
                    try connection.run("INSERT INTO response_themes (response, theme, decision) VALUES (?, ?, ?) "
                                       + "ON CONFLICT(response, theme) DO UPDATE SET decision = excluded.decision",
                                       [.integer(id), .text(slug), .text(decision)])
                }
            }
            try audit(action: "code", record: "comment \(id)",
                      summary: "comment \(id): confirmed \(confirm.joined(separator: ", ")); rejected \(rejections.joined(separator: ", "))",
                      before: nil, after: nil)
            guard let coded = try codedComments(ids: [id]).first else { throw DomainError.inconsistent(Message("opmerking \(id) is verdwenen; probeer het opnieuw", "comment \(id) vanished")) }
            return coded
        }
    }

    /// Every comment with its themes: confirmed ones, and the codebook's suggestions a manager
    /// has not rejected. `ids` narrows it to those comments.
    public func codedComments(ids: [Int64]? = nil) throws -> [CodedComment] {
        try read {
            let codebook = try themes()
            var decisions: [Int64: [String: String]] = [:]
            for row in try connection.query("SELECT response, theme, decision FROM response_themes") {
                decisions[row.int(0), default: [:]][row.string(1)] = row.string(2)
            }
            let wanted = ids.map(Set.init)
            return try connection.query(
                "SELECT id, cycle, phase, channel, persona, comment, quotable FROM survey_responses WHERE comment IS NOT NULL ORDER BY id"
            ).compactMap { row in
                let id = row.int(0)
                if let wanted, !wanted.contains(id) { return nil }
                let comment = row.string(5)
                let decided = decisions[id] ?? [:]
                let themes: [(theme: String, state: CodingState)] = codebook.compactMap { theme in
                    switch decided[theme.slug] {
                    case "confirmed": (theme.slug, .confirmed)
                    case "rejected": nil
                    default: theme.suggests(comment) ? (theme.slug, .suggested) : nil
                    }
                }
                return CodedComment(id: id, cycle: Kind.cycle.ref(row[1]), phase: row.optionalString(2), channel: row.optionalString(3),
                                    persona: row.optionalString(4), comment: comment, quotable: row.int(6) == 1, themes: themes,
                                    rejected: decided.filter { $0.value == "rejected" }.keys.sorted())
            }
        }
    }
}
