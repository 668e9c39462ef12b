import Store

/// An open roadmap: one SQLite file, and the person whose changes are being recorded.
public final class RoadmapFile {
    /// The layers above read and write through the domain's API, never with SQL of their own.
    let connection: Connection
    public let path: String
    /// Written into the audit trail with every change.
    public let actor: String

    private init(connection: Connection, actor: String) {
        self.connection = connection
        self.path = connection.path
        self.actor = actor
    }

    /// Opens an existing roadmap, migrating an older one; refuses anything else untouched.
    public static func open(path: String, actor: String) throws -> RoadmapFile {
        let connection = try Connection(path: path, mode: .readWrite)
        try connection.prepare(for: RoadmapSchema.current, allowCreate: false)
        return RoadmapFile(connection: connection, actor: actor)
    }

    /// Creates a new roadmap with the default channels. Refuses a file that already exists.
    public static func create(path: String, actor: String, municipality: String?) throws -> RoadmapFile {
        if fileExists(path) { throw StoreError.exists(path: path) }
        let connection = try Connection(path: path, mode: .create)
        let file = RoadmapFile(connection: connection, actor: actor)
        do {
            try connection.prepare(for: RoadmapSchema.current, allowCreate: true)
            try file.write {
                try file.seedDefaults()
                if let municipality { try file.setSetting(.municipality, municipality) }
            }
        } catch {
            file.discard()
            throw error
        }
        return file
    }

    /// Creates a new roadmap and fills it with `body`: when the filling fails, the file made for
    /// it is removed, so nothing half-made is left behind. Refuses a file that already exists.
    public static func create<T>(path: String, actor: String, municipality: String? = nil,
                                 filling body: (RoadmapFile) throws -> T) throws -> T {
        let file = try create(path: path, actor: actor, municipality: municipality)
        do {
            return try body(file)
        } catch {
            file.discard()
            throw error
        }
    }

    /// Opens the roadmap at `path` and runs `body` on it; when there is none, creates one for
    /// `body` as `create(path:actor:filling:)` does. A file that an earlier `init` or `import`
    /// left unfinished when it was killed counts as none.
    public static func openOrCreate<T>(path: String, actor: String, filling body: (RoadmapFile) throws -> T) throws -> T {
        if try isUnfinished(path) { remove(path: path) }
        if fileExists(path) { return try body(try open(path: path, actor: actor)) }
        return try create(path: path, actor: actor, filling: body)
    }

    /// A file that an `init` or `import` killed while making it left behind: empty, or an SQLite
    /// file without a single table, version or id. Nothing can be lost by making it again, and
    /// otherwise the same import run again would be refused.
    static func isUnfinished(_ path: String) throws -> Bool {
        guard let size = fileSize(path) else { return false }
        if size == 0 { return true }
        // Such a file is a page or two; anything larger is left to the checks of opening it.
        guard size <= 65_536, let connection = try? Connection(path: path, mode: .readOnly),
              let tables = try? connection.scalar("SELECT count(*) FROM sqlite_schema").int else { return false }
        let applicationID = try connection.pragma("application_id")
        let version = try connection.pragma("user_version")
        return tables == 0 && version == 0 && (applicationID == 0 || applicationID == Int64(RoadmapSchema.applicationID))
    }

    /// Removes a file that was made but could not be finished, so nothing half-made is left behind.
    func discard() { Self.remove(path: path) }

    /// Removes a roadmap file with its log and journal: only for a file the program made itself.
    public static func remove(path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { removeFile(path + suffix) }
    }

    /// Copies the roadmap to a new file, safely even while others write to it.
    public func backup(to target: String) throws {
        try connection.backup(to: target)
    }

    public func read<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(.read, body)
    }

    /// Every change runs inside one of these: all of it lands, or none of it.
    public func write<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(.write, body)
    }

    static let defaultChannels: [(String, String)] = [
        ("balie", "Balie"), ("telefoon", "Telefoon"), ("web", "Website"), ("e-mail", "E-mail"),
        ("app", "App"), ("social", "Sociale media"), ("post", "Post"),
    ]

    /// The five phases of a customer journey from the method.
    public static let defaultPhases: [(slug: String, name: String)] = [
        ("orientatie", "Oriëntatie"), ("contact", "Contact"), ("uitvoering", "Uitvoering"),
        ("afronding", "Afronding"), ("evaluatie", "Evaluatie"),
    ]

    private func seedDefaults() throws {
        for (slug, name) in Self.defaultChannels {
            try connection.run("INSERT INTO channels (slug, name) VALUES (?, ?)", [.text(slug), .text(name)])
        }
    }
}
