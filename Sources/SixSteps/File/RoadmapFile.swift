import Store

/// An open roadmap: one SQLite file, and the person whose changes are being recorded.
public final class RoadmapFile {
    public let connection: Connection
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

    /// Opens the file named by `path` for an import: creates it when missing.
    public static func openOrCreate(path: String, actor: String) throws -> RoadmapFile {
        fileExists(path) ? try open(path: path, actor: actor) : try create(path: path, actor: actor, municipality: nil)
    }

    /// Removes a file that was made but could not be finished, so nothing half-made is left behind.
    public func discard() {
        for suffix in ["", "-wal", "-shm"] { removeFile(path + suffix) }
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
