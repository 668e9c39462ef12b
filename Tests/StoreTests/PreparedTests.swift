import Foundation
import Store
import Testing

@Suite("Prepared statements: compiled once, bound by position, run many times")
final class PreparedTests {
    let scratch: Scratch
    let db: Connection

    init() throws {
        scratch = try Scratch()
        db = try Connection(path: scratch.path("prepared.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, a, b, c NOT NULL DEFAULT 'c')")
    }

    private func rows() throws -> [[SQLValue]] {
        try db.query("SELECT a, b FROM v ORDER BY id").map(\.values)
    }

    // MARK: Binding

    @Test func eachKindOfValueIsStoredAsItsOwnType() throws {
        let insert = try db.prepare("INSERT INTO v(a, b) VALUES (?, ?)")
        #expect(insert.parameterCount == 2)
        try insert.bind("tekst", at: 1)
        try insert.bind(7.5, at: 2)
        try insert.run()
        try insert.bind(Int64(42), at: 1)
        try insert.bindNull(at: 2)
        try insert.run()
        try insert.bind(SQLValue.real(-0.25), at: 1)
        try insert.bind(SQLValue.text("waarde"), at: 2)
        try insert.run()
        #expect(try rows() == [[.text("tekst"), .real(7.5)], [.integer(42), .null], [.real(-0.25), .text("waarde")]])
        #expect(try db.scalar("SELECT group_concat(typeof(a) || '/' || typeof(b), ' ') FROM v")
                == .text("text/real integer/null real/text"))
    }

    @Test func nilBindsNullForEveryOptionalKind() throws {
        let insert = try db.prepare("INSERT INTO v(a, b) VALUES (?, ?)")
        let text: String? = nil
        let double: Double? = nil
        let integer: Int64? = nil
        try insert.bind(text, at: 1)
        try insert.bind(double, at: 2)
        try insert.run()
        try insert.bind(integer, at: 1)
        try insert.bind(SQLValue.null, at: 2)
        try insert.run()
        #expect(try rows() == [[.null, .null], [.null, .null]])
    }

    @Test(arguments: [
        "",
        "a",
        "precies vijftien",  // 16 bytes: just past Swift's small-string size
        "Oriëntatie en één café",
        "emoji 👍🏽 en 日本語",
        "O'Brien; \"quoted\"\nnext line",
        "with\u{0}nul",
        String(repeating: "lang veld ", count: 10_000),
    ])
    func textIsStoredByteForByte(_ text: String) throws {
        let insert = try db.prepare("INSERT INTO v(a) VALUES (?)")
        try insert.bind(text, at: 1)
        try insert.run()
        // The length is passed, not found by a NUL, so text after a NUL is kept too.
        #expect(try db.scalar("SELECT length(CAST(a AS BLOB)) FROM v") == .integer(Int64(text.utf8.count)))
        #expect(try db.scalar("SELECT a FROM v") == .text(text.contains("\u{0}") ? "with" : text))
        #expect(try db.scalar("SELECT typeof(a) FROM v") == .text("text"))
    }

    @Test func theEmptyStringIsTextNotNull() throws {
        let insert = try db.prepare("INSERT INTO v(a) VALUES (?)")
        try insert.bind("", at: 1)
        try insert.run()
        #expect(try db.scalar("SELECT a IS NULL FROM v") == .integer(0))
        #expect(try db.scalar("SELECT a FROM v") == .text(""))
    }

    @Test func aBridgedStringIsBoundToo() throws {
        // NSString-backed strings have no contiguous UTF-8 until copied.
        let bridged = NSString(string: "gebrugd uit Foundation, met ë") as String
        let insert = try db.prepare("INSERT INTO v(a) VALUES (?)")
        try insert.bind(bridged, at: 1)
        try insert.run()
        #expect(try db.scalar("SELECT a FROM v") == .text("gebrugd uit Foundation, met ë"))
    }

    @Test func aTextBoundFromATemporaryStringIsCopied() throws {
        let insert = try db.prepare("INSERT INTO v(a, b) VALUES (?, ?)")
        do {
            // Gone after the bind: SQLite must have its own copy.
            let temporary = String(repeating: "x", count: 100) + "\(Int.random(in: 0...9))"
            try insert.bind(temporary, at: 1)
        }
        try insert.bind("overschrijft de buffer misschien", at: 2)
        try insert.run()
        let stored = try db.scalar("SELECT a FROM v").string ?? ""
        #expect(stored.count == 101)
        #expect(stored.hasPrefix(String(repeating: "x", count: 100)))
    }

    @Test func aParameterOutOfRangeThrows() throws {
        let insert = try db.prepare("INSERT INTO v(a) VALUES (?)")
        for index in [0, 2, -1, Int(Int32.max) + 1] {
            #expect(throws: StoreError.self) { try insert.bind("x", at: index) }
            #expect(throws: StoreError.self) { try insert.bind(1.0, at: index) }
            #expect(throws: StoreError.self) { try insert.bindNull(at: index) }
        }
    }

    // MARK: Running

    @Test func bindingsStayBetweenRunsSoAConstantIsBoundOnce() throws {
        let insert = try db.prepare("INSERT INTO v(a, b) VALUES (?, ?)")
        try insert.bind("vast", at: 1)
        for value in 1...1_000 {
            try insert.bind(Int64(value), at: 2)
            #expect(try insert.run() == 1)
        }
        #expect(try db.scalar("SELECT count(*) FROM v WHERE a = 'vast'") == .integer(1_000))
        #expect(try db.scalar("SELECT sum(b) FROM v") == .integer(500_500))
    }

    @Test func clearBindingsSetsEveryParameterBackToNull() throws {
        let insert = try db.prepare("INSERT INTO v(a, b) VALUES (?, ?)")
        try insert.bind("a", at: 1)
        try insert.bind("b", at: 2)
        try insert.run()
        insert.clearBindings()
        try insert.run()
        #expect(try rows() == [[.text("a"), .text("b")], [.null, .null]])
    }

    @Test func runReturnsTheRowsChanged() throws {
        try db.execute("INSERT INTO v(a) VALUES (1), (2), (3)")
        let update = try db.prepare("UPDATE v SET b = ? WHERE a >= ?")
        try update.bind("nieuw", at: 1)
        try update.bind(Int64(2), at: 2)
        #expect(try update.run() == 2)
        try update.bind(Int64(9), at: 2)
        #expect(try update.run() == 0)
    }

    @Test func aFailingRunThrowsAndTheStatementCanRunAgain() throws {
        let insert = try db.prepare("INSERT INTO v(id, a) VALUES (?, ?)")
        try insert.bind(Int64(1), at: 1)
        try insert.bind("eerste", at: 2)
        try insert.run()
        let error = #expect(throws: StoreError.self) { try insert.run() }
        guard case .constraint(let message)? = error else {
            Issue.record("expected .constraint, got \(String(describing: error))")
            return
        }
        #expect(message.contains("UNIQUE") || message.contains("PRIMARY KEY"))
        try insert.bind(Int64(2), at: 1)
        try insert.run()
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(2))
    }

    @Test func aRollbackUndoesPreparedRuns() throws {
        let insert = try db.prepare("INSERT INTO v(a) VALUES (?)")
        #expect(throws: Planned(id: 1)) {
            try db.transaction {
                for value in 1...100 {
                    try insert.bind(Int64(value), at: 1)
                    try insert.run()
                }
                throw Planned(id: 1)
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(0))
        try db.transaction {
            try insert.bind(Int64(1), at: 1)
            try insert.run()
        }
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(1))
    }

    @Test func aPreparedStatementDoesNotDisturbTheCachedOnes() throws {
        // The same text through `run` and `prepare`: two statements, neither resets the other.
        let sql = "INSERT INTO v(a) VALUES (?)"
        let insert = try db.prepare(sql)
        try insert.bind("prepared", at: 1)
        try db.run(sql, ["cached"])
        try insert.run()
        try db.run(sql, ["cached again"])
        #expect(try db.query("SELECT a FROM v ORDER BY id").map { $0.string(0) } == ["cached", "prepared", "cached again"])
    }

    @Test func theStatementKeepsItsConnectionAlive() throws {
        let path = scratch.path("alive.sqlite")
        var insert: PreparedStatement?
        do {
            let connection = try Connection(path: path, mode: .create)
            try connection.execute("CREATE TABLE t(x)")
            insert = try connection.prepare("INSERT INTO t(x) VALUES (?)")
        }
        try insert?.bind("na het loslaten van de verbinding", at: 1)
        #expect(try insert?.run() == 1)
        insert = nil
        #expect(try Connection(path: path, mode: .readOnly).scalar("SELECT count(*) FROM t") == .integer(1))
    }

    // MARK: Preparing

    @Test func sqlThatDoesNotCompileThrows() throws {
        let error = #expect(throws: StoreError.self) { try db.prepare("INSERT INTO nowhere(a) VALUES (?)") }
        guard case .sqlite(_, let message)? = error else {
            Issue.record("expected .sqlite, got \(String(describing: error))")
            return
        }
        #expect(message.contains("nowhere"))
    }

    @Test(arguments: ["", "   ", "-- only a comment", ";"])
    func textWithoutAStatementThrows(_ sql: String) throws {
        #expect(throws: StoreError.self) { try db.prepare(sql) }
    }

    @Test func textAfterTheStatementThrowsRatherThanBeingIgnored() throws {
        #expect(throws: StoreError.self) {
            try db.prepare("INSERT INTO v(a) VALUES (1); DELETE FROM v")
        }
        // A trailing semicolon and spaces are fine.
        let insert = try db.prepare("INSERT INTO v(a) VALUES (?) ;  \n")
        try insert.bind("ok", at: 1)
        try insert.run()
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(1))
    }
}
