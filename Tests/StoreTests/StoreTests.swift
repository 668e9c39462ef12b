import Foundation
import Store
import Testing

@Suite("Connection, values, rows and statements")
final class StoreTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    // MARK: Opening

    @Test func openingAMissingFileWithoutCreateThrowsMissing() throws {
        let path = scratch.path("nothing.sqlite")
        #expect(throws: StoreError.missing(path: path)) { try Connection(path: path, mode: .readWrite) }
        #expect(throws: StoreError.missing(path: path)) { try Connection(path: path, mode: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: path), "refusing must not create the file")
        #expect(try scratch.listing() == [])
    }

    @Test func openingInAMissingFolderWithCreateThrowsCannotOpen() throws {
        let path = scratch.path("no-such-folder/roadmap.sqlite")
        let error = #expect(throws: StoreError.self) { try Connection(path: path, mode: .create) }
        guard case .cannotOpen(let reported, let reason)? = error else {
            Issue.record("expected .cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
        #expect(!reason.isEmpty)
    }

    @Test func createMakesAFileThatReadWriteThenOpens() throws {
        let path = scratch.path("roadmap.sqlite")
        do {
            let db = try Connection(path: path, mode: .create)
            #expect(db.path == path)
            try db.execute("CREATE TABLE t(x); INSERT INTO t VALUES (42);")
        }
        #expect(fileExists(path))
        #expect((fileSize(path) ?? 0) > 0)
        let again = try Connection(path: path, mode: .readWrite)
        #expect(try again.scalar("SELECT x FROM t") == .integer(42))
    }

    @Test func writingThroughAReadOnlyConnectionThrowsReadOnly() throws {
        let path = scratch.path("roadmap.sqlite")
        do { _ = try Fixture.create(path) }
        let db = try Connection(path: path, mode: .readOnly)
        #expect(try Fixture.titles(db) == ["added by v3"])
        #expect(throws: StoreError.readOnly(path: path)) {
            try db.run("INSERT INTO goals(title) VALUES (?)", ["nope"])
        }
        #expect(try Fixture.titles(db) == ["added by v3"])
    }

    // MARK: Bound parameters

    @Test(arguments: [
        "O'Brien said \"hello\"",
        "'); DROP TABLE v; --",
        "x' OR '1'='1",
        "Robert'); DELETE FROM v WHERE ('1'='1",
        "IJsselmeer — Ĳ ß é ✓ 🚲 日本語 עברית",
        "",
        "  spaces around  ",
        "line one\nline two\ttab\r\n",
        "?1 :name @name $name %_ \\ backslash",
    ])
    func textRoundTripsThroughBoundParameters(text: String) throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x); INSERT INTO v(x) VALUES ('sentinel');")
        let changed = try db.run("INSERT INTO v(x) VALUES (?)", [.text(text)])
        #expect(changed == 1)
        let id = db.lastInsertRowID
        #expect(id == 2)
        let row = try #require(try db.first("SELECT x, typeof(x), length(x) FROM v WHERE id = ?", [.integer(id)]))
        #expect(row[0] == .text(text))
        #expect(row[1] == .text("text"))
        #expect(row.int(2) == Int64(text.unicodeScalars.count))
        // The text also works as a search key and never as SQL.
        #expect(try db.query("SELECT id FROM v WHERE x = ?", [.text(text)]).map { $0.int(0) } == [2])
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(2))
    }

    @Test func longTextRoundTripsWhole() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x)")
        let text = (0..<2_000).map { "\($0): O'Brien — Ĳssel 🚲\n" }.joined()
        try db.run("INSERT INTO v(x) VALUES (?)", [.text(text)])
        let row = try #require(try db.first("SELECT x, length(x) FROM v"))
        #expect(row.string(0) == text)
        #expect(row.int(1) == Int64(text.unicodeScalars.count))
    }

    @Test(arguments: [Int64.max, Int64.min, 0, -1, 1, 4_294_967_296])
    func integersRoundTrip(value: Int64) throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x)")
        try db.run("INSERT INTO v(x) VALUES (?)", [.integer(value)])
        let row = try #require(try db.first("SELECT x, typeof(x) FROM v"))
        #expect(row[0] == .integer(value))
        #expect(row.int(0) == value)
        #expect(row[1] == .text("integer"))
    }

    @Test(arguments: [3.141592653589793, -0.5, 1e-300, 1e300, 2.0, -0.0])
    func doublesRoundTrip(value: Double) throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x)")
        try db.run("INSERT INTO v(x) VALUES (?)", [.real(value)])
        let row = try #require(try db.first("SELECT x, typeof(x) FROM v"))
        #expect(row[0] == .real(value))
        #expect(row.double(0) == value)
        #expect(row[1] == .text("real"))
    }

    @Test func nullRoundTripsAndMatchesWithIs() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x)")
        try db.run("INSERT INTO v(x) VALUES (?)", [.null])
        try db.run("INSERT INTO v(x) VALUES (?)", [SQLValue(nil as String?)])
        try db.run("INSERT INTO v(x) VALUES (?)", [SQLValue("not null" as String?)])
        let rows = try db.query("SELECT x, typeof(x) FROM v ORDER BY id")
        #expect(rows.map(\.values) == [[.null, "null"], [.null, "null"], ["not null", "text"]])
        #expect(rows[0][0].isNull)
        #expect(!rows[2][0].isNull)
        #expect(try db.scalar("SELECT count(*) FROM v WHERE x IS ?", [nil]) == .integer(2))
        // `= NULL` matches nothing: the null really was bound as NULL, not as the text 'NULL'.
        #expect(try db.scalar("SELECT count(*) FROM v WHERE x = ?", [nil]) == .integer(0))
    }

    @Test func optionalInitialisersMapToTheRightStorageClass() {
        #expect(SQLValue(7 as Int?) == .integer(7))
        #expect(SQLValue(nil as Int?) == .null)
        #expect(SQLValue(Int64(-3) as Int64?) == .integer(-3))
        #expect(SQLValue(1.5 as Double?) == .real(1.5))
        #expect(SQLValue(nil as Double?) == .null)
        #expect(SQLValue("a" as String?) == .text("a"))
        #expect(("lit" as SQLValue) == .text("lit"))
        #expect((12 as SQLValue) == .integer(12))
        #expect((nil as SQLValue) == .null)
    }

    @Test func valueConversions() {
        #expect(SQLValue.real(2.0).int == 2)
        #expect(SQLValue.real(2.5).int == nil)
        #expect(SQLValue.integer(3).double == 3.0)
        #expect(SQLValue.text("3").int == nil)
        #expect(SQLValue.text("3").double == nil)
        #expect(SQLValue.integer(3).string == nil)
        #expect(SQLValue.null.int == nil)
        #expect(SQLValue.null.string == nil)
    }

    @Test func tooManyParametersIsAnErrorNotSilentlyIgnored() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(x)")
        let error = #expect(throws: StoreError.self) { try db.run("INSERT INTO v(x) VALUES (?)", [1, 2]) }
        guard case .sqlite(let code, let message)? = error else {
            Issue.record("expected .sqlite, got \(String(describing: error))")
            return
        }
        #expect(code == 25)  // SQLITE_RANGE
        #expect(!message.isEmpty)
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(0))
    }

    @Test func malformedSQLNamesTheProblem() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        let error = #expect(throws: StoreError.self) { try db.query("SELECT * FROM no_such_table") }
        #expect(error == .sqlite(code: 1, message: "no such table: no_such_table"))
    }

    // MARK: Rows

    @Test func rowsGiveTypedAccessByIndexAndByName() throws {
        let db = try Fixture.create(scratch.path("roadmap.sqlite"))
        try db.run("INSERT INTO goals(title, note) VALUES (?, ?)", ["Dry feet", nil])
        let goal = db.lastInsertRowID
        try db.run("INSERT INTO steps(goal, weight) VALUES (?, ?)", [.integer(goal), .real(0.25)])
        try db.run("INSERT INTO steps(goal, weight) VALUES (?, ?)", [.integer(goal), nil])

        let rows = try db.query("""
            SELECT g.id, g.title, s.weight, g.note, s.id AS step
            FROM goals g JOIN steps s ON s.goal = g.id ORDER BY s.id
            """)
        #expect(rows.count == 2)
        let row = rows[0]
        #expect(row.columnNames == ["id", "title", "weight", "note", "step"])
        #expect(row.values.count == 5)

        #expect(row[0] == .integer(goal))
        #expect(row.int(0) == goal)
        #expect(row.optionalInt(0) == goal)
        #expect(row["id"] == .integer(goal))

        #expect(row[1] == .text("Dry feet"))
        #expect(row.string(1) == "Dry feet")
        #expect(row.optionalString(1) == "Dry feet")
        #expect(row["title"] == .text("Dry feet"))

        #expect(row[2] == .real(0.25))
        #expect(row.double(2) == 0.25)
        #expect(row.optionalDouble(2) == 0.25)
        #expect(row["weight"].double == 0.25)

        #expect(row[3] == .null)
        #expect(row.optionalString(3) == nil)
        #expect(row.string(3) == "")
        #expect(row["note"].isNull)

        #expect(row["step"] == .integer(1))
        #expect(row["no_such_column"] == .null)

        let second = rows[1]
        #expect(second["step"] == .integer(2))
        #expect(second.optionalDouble(2) == nil)
        #expect(second.double(2) == 0)
        #expect(second.optionalInt(2) == nil)
        #expect(second.int(2) == 0)
    }

    @Test func duplicateColumnNamesResolveToTheFirst() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        let row = try #require(try db.first("SELECT 1 AS a, 2 AS a, 3 AS b"))
        #expect(row.columnNames == ["a", "a", "b"])
        #expect(row["a"] == .integer(1))
        #expect(row["b"] == .integer(3))
    }

    @Test func rowsOutliveTheirStatement() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x TEXT)")
        for text in ["one", "two", "three"] { try db.run("INSERT INTO v(x) VALUES (?)", [.text(text)]) }
        let first = try db.query("SELECT id, x FROM v ORDER BY id")
        try db.run("UPDATE v SET x = upper(x)")
        _ = try db.query("SELECT id, x FROM v ORDER BY id")
        #expect(first.map { $0.string(1) } == ["one", "two", "three"])
        #expect(first.map { $0["x"] } == ["one", "two", "three"])
    }

    @Test func forEachVisitsEveryRowInOrderAndScalarOfNothingIsNull() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x)")
        for n in 1...5 { try db.run("INSERT INTO v(x) VALUES (?)", [.integer(Int64(n * n))]) }
        var seen: [Int64] = []
        try db.forEach("SELECT x FROM v WHERE x > ? ORDER BY id", [3]) { seen.append($0.int(0)) }
        #expect(seen == [4, 9, 16, 25])
        #expect(try db.first("SELECT x FROM v WHERE x < 0") == nil)
        #expect(try db.scalar("SELECT x FROM v WHERE x < 0") == .null)
        #expect(try db.run("UPDATE v SET x = x + 1 WHERE x > ?", [10]) == 2)
        #expect(try db.run("DELETE FROM v WHERE x < 0") == 0)
    }

    // MARK: Statement cache

    @Test func theSameSQLTwiceGivesFreshRightResults() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x TEXT)")
        let insert = "INSERT INTO v(x) VALUES (?)"
        for text in ["a", "b", "c", "d"] { try db.run(insert, [.text(text)]) }
        let select = "SELECT x FROM v WHERE id > ? ORDER BY id"
        #expect(try db.query(select, [2]).map { $0.string(0) } == ["c", "d"])
        #expect(try db.query(select, [0]).map { $0.string(0) } == ["a", "b", "c", "d"])
        #expect(try db.query(select, [3]).map { $0.string(0) } == ["d"])
        #expect(try db.query(select, [9]).isEmpty)
    }

    @Test func aPartlyReadStatementStartsOverWhenReused() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x TEXT)")
        for text in ["a", "b", "c"] { try db.run("INSERT INTO v(x) VALUES (?)", [.text(text)]) }
        let select = "SELECT x FROM v ORDER BY id"
        let other = try Connection(path: db.path, mode: .readWrite, busyTimeout: 100)
        #expect(try db.first(select)?.string(0) == "a")
        // `first` ended its read: a row committed since then is seen by the next query.
        _ = try other.run("INSERT INTO v(x) VALUES ('c2')")
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(4))
        _ = try other.run("DELETE FROM v WHERE x = 'c2'")
        #expect(try db.first(select)?.string(0) == "a")
        #expect(try db.query(select).map { $0.string(0) } == ["a", "b", "c"])

        // A body that throws halfway leaves the statement reset for the next user.
        var visited = 0
        #expect(throws: Planned(id: 1)) {
            try db.forEach(select) { _ in
                visited += 1
                if visited == 2 { throw Planned(id: 1) }
            }
        }
        #expect(visited == 2)
        // The abandoned loop ended its read too.
        try other.transaction(.write) { _ = try other.run("INSERT INTO v(x) VALUES ('d')") }
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(4))
        #expect(try db.query(select).map { $0.string(0) } == ["a", "b", "c", "d"])
    }

    @Test func reusedStatementsDoNotKeepOldBindings() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x, y)")
        let insert = "INSERT INTO v(x, y) VALUES (?, ?)"
        try db.run(insert, [1, "first"])
        try db.run(insert, [2, .null])
        let rows = try db.query("SELECT x, y FROM v ORDER BY id")
        #expect(rows.map(\.values) == [[1, "first"], [2, .null]])
    }

    @Test func aWrongNumberOfValuesIsRefusedNotBoundAsNull() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x, y)")
        let insert = "INSERT INTO v(x, y) VALUES (?, ?)"
        for values: [SQLValue] in [[2], [1, 2, 3], []] {
            #expect(throws: StoreError.self) { try db.run(insert, values) }
        }
        #expect(throws: StoreError.self) { try db.query("SELECT x FROM v WHERE id = ?", []) }
        #expect(try db.scalar("SELECT count(*) FROM v") == .integer(0))
    }

    @Test func aStatementThatFailedWorksAgainWithGoodValues() throws {
        let db = try Fixture.create(scratch.path("roadmap.sqlite"))
        let insert = "INSERT INTO goals(title) VALUES (?)"
        try db.run(insert, ["Dry feet"])
        #expect(throws: StoreError.constraint("UNIQUE constraint failed: goals.title")) {
            try db.run(insert, ["Dry feet"])
        }
        try db.run(insert, ["Clean water"])
        #expect(try Fixture.titles(db) == ["added by v3", "Dry feet", "Clean water"])
    }

    @Test func schemaChangesDoNotBreakCachedStatements() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x)")
        try db.run("INSERT INTO v(x) VALUES (1)")
        let select = "SELECT * FROM v"
        #expect(try db.query(select).first?.columnNames == ["id", "x"])
        try db.execute("ALTER TABLE v ADD COLUMN y DEFAULT 'new'")
        let row = try #require(try db.first(select))
        #expect(row.values == [1, 1, "new"])
    }

    /// The statement cache does not hand out a statement that is being stepped: running the same
    /// SQL inside `forEach` would otherwise restart the outer loop forever.
    @Test func theSameSQLInsideForEachDoesNotRestartTheOuterLoop() throws {
        let db = try Connection(path: scratch.path("values.sqlite"), mode: .create)
        try db.execute("CREATE TABLE v(id INTEGER PRIMARY KEY); INSERT INTO v VALUES (1), (2), (3);")
        let select = "SELECT id FROM v ORDER BY id"
        var seen: [Int64] = []
        try db.forEach(select) { row in
            seen.append(row.int(0))
            if seen.count > 10 { throw Planned(id: 99) }  // a regression would loop forever: stop it
            #expect(try db.first(select)?.int(0) == 1)
        }
        #expect(seen == [1, 2, 3])
    }

    // MARK: Transactions

    @Test func aTransactionCommitsOnSuccessAndReturnsTheBodysValue() throws {
        let path = scratch.path("roadmap.sqlite")
        let db = try Fixture.create(path)
        let id = try db.transaction { () throws -> Int64 in
            try db.run("INSERT INTO goals(title) VALUES (?)", ["Dry feet"])
            let id = db.lastInsertRowID
            try db.run("INSERT INTO steps(goal, weight) VALUES (?, 1.5)", [.integer(id)])
            return id
        }
        #expect(id == 2)
        // Another connection sees it: it was committed, not only visible inside this one.
        let other = try Connection(path: path, mode: .readOnly)
        #expect(try Fixture.titles(other) == ["added by v3", "Dry feet"])
        #expect(try other.scalar("SELECT goal FROM steps") == .integer(2))
    }

    @Test func aThrowingBodyRollsBackEverythingAndRethrowsTheOriginalError() throws {
        let path = scratch.path("roadmap.sqlite")
        let db = try Fixture.create(path)
        try db.run("INSERT INTO goals(title) VALUES ('kept')")
        #expect(throws: Planned(id: 7)) {
            try db.transaction {
                try db.run("INSERT INTO goals(title) VALUES ('gone')")
                try db.run("UPDATE goals SET note = 'changed'")
                try db.run("DELETE FROM goals WHERE title = 'added by v3'")
                try db.execute("CREATE TABLE scratchpad(x)")
                throw Planned(id: 7)
            }
        }
        #expect(try Fixture.titles(db) == ["added by v3", "kept"])
        #expect(try db.query("SELECT note FROM goals ORDER BY id").map(\.values) == [["migration"], [nil]])
        #expect(try db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'scratchpad'") == .integer(0))
        let other = try Connection(path: path, mode: .readOnly)
        #expect(try Fixture.titles(other) == ["added by v3", "kept"])
        // The connection is out of the transaction: the next one commits for everyone to see.
        try db.transaction { _ = try db.run("INSERT INTO goals(title) VALUES ('after')") }
        #expect(try Fixture.titles(other) == ["added by v3", "kept", "after"])
    }

    @Test func aStoreErrorInsideTheBodyIsRethrownUnchanged() throws {
        let db = try Fixture.create(scratch.path("roadmap.sqlite"))
        #expect(throws: StoreError.constraint("NOT NULL constraint failed: goals.title")) {
            try db.transaction {
                try db.run("INSERT INTO goals(title) VALUES ('first')")
                try db.run("INSERT INTO goals(title) VALUES (?)", [nil])
            }
        }
        #expect(try Fixture.titles(db) == ["added by v3"])
    }

    @Test func aFailingCommitRollsBackAndReportsTheCommitError() throws {
        let db = try Fixture.create(scratch.path("roadmap.sqlite"))
        // steps.goal is a deferred foreign key: checked only at COMMIT.
        #expect(throws: StoreError.constraint("FOREIGN KEY constraint failed")) {
            try db.transaction {
                try db.run("INSERT INTO goals(title) VALUES ('orphan parent?')")
                try db.run("INSERT INTO steps(goal, weight) VALUES (999, 1)")
            }
        }
        #expect(try Fixture.titles(db) == ["added by v3"])
        #expect(try db.scalar("SELECT count(*) FROM steps") == .integer(0))
        try db.transaction { _ = try db.run("INSERT INTO goals(title) VALUES ('next')") }
        #expect(try Fixture.titles(db) == ["added by v3", "next"])
    }

    @Test func nestedTransactionsJoinTheOuterOne() throws {
        let path = scratch.path("roadmap.sqlite")
        let db = try Fixture.create(path)
        let other = try Connection(path: path, mode: .readOnly)

        // The inner one does not commit on its own.
        try db.transaction {
            try db.transaction { _ = try db.run("INSERT INTO goals(title) VALUES ('inner')") }
            #expect(try Fixture.titles(other) == ["added by v3"])
            #expect(try Fixture.titles(db) == ["added by v3", "inner"])
        }
        #expect(try Fixture.titles(other) == ["added by v3", "inner"])

        // An error in the inner one rolls back the outer one's work too.
        #expect(throws: Planned(id: 2)) {
            try db.transaction {
                try db.run("INSERT INTO goals(title) VALUES ('outer')")
                try db.transaction(.read) {
                    try db.run("INSERT INTO goals(title) VALUES ('inner 2')")
                    throw Planned(id: 2)
                }
            }
        }
        #expect(try Fixture.titles(db) == ["added by v3", "inner"])

        // An error after a successful inner one rolls back the inner one's work.
        #expect(throws: Planned(id: 3)) {
            try db.transaction {
                try db.transaction { _ = try db.run("INSERT INTO goals(title) VALUES ('inner 3')") }
                throw Planned(id: 3)
            }
        }
        #expect(try Fixture.titles(db) == ["added by v3", "inner"])

        // The depth is back to zero: a plain transaction commits again.
        try db.transaction { _ = try db.run("INSERT INTO goals(title) VALUES ('last')") }
        #expect(try Fixture.titles(other) == ["added by v3", "inner", "last"])
    }

    @Test func aReadTransactionSeesOneSnapshot() throws {
        let path = scratch.path("roadmap.sqlite")
        let db = try Fixture.create(path)
        let writer = try Connection(path: path, mode: .readWrite)
        let counts = try db.transaction(.read) { () throws -> [SQLValue] in
            let before = try db.scalar("SELECT count(*) FROM goals")
            try writer.run("INSERT INTO goals(title) VALUES ('concurrent')")
            let after = try db.scalar("SELECT count(*) FROM goals")
            return [before, after]
        }
        #expect(counts == [1, 1])
        #expect(try db.scalar("SELECT count(*) FROM goals") == .integer(2))
    }

    // MARK: Constraints

    @Test func constraintViolationsNameTheConstraintOrColumn() throws {
        let db = try Fixture.create(scratch.path("roadmap.sqlite"))
        try db.run("INSERT INTO goals(title) VALUES ('Dry feet')")
        #expect(throws: StoreError.constraint("UNIQUE constraint failed: goals.title")) {
            try db.run("INSERT INTO goals(title) VALUES (?)", ["Dry feet"])
        }
        #expect(throws: StoreError.constraint("NOT NULL constraint failed: goals.title")) {
            try db.run("INSERT INTO goals(title) VALUES (?)", [nil])
        }
        #expect(throws: StoreError.constraint("CHECK constraint failed: positive_weight")) {
            try db.run("INSERT INTO steps(goal, weight) VALUES (1, ?)", [.real(-1)])
        }
        #expect(throws: StoreError.constraint("UNIQUE constraint failed: goals.id")) {
            try db.run("INSERT INTO goals(id, title) VALUES (1, 'same id')")
        }
        let description = StoreError.constraint("UNIQUE constraint failed: goals.title").description
        #expect(description.contains("goals.title"))
        #expect(try Fixture.titles(db) == ["added by v3", "Dry feet"])
    }

    // MARK: Errors

    @Test func everyErrorHasANonEmptyOneLineDescription() {
        let path = "/tmp/roadmap.sqlite"
        let errors: [StoreError] = [
            .missing(path: path),
            .cannotOpen(path: path, reason: "unable to open database file"),
            .notADatabase(path: path),
            .foreignDatabase(path: path),
            .newerSchema(path: path, found: 9, known: 3),
            .busy(path: path),
            .readOnly(path: path),
            .diskFull(path: path),
            .constraint("UNIQUE constraint failed: goals.title"),
            .sqlite(code: 1, message: "no such table: x"),
            .exists(path: path),
        ]
        for error in errors {
            let text = error.description
            #expect(!text.isEmpty, "\(error)")
            #expect(!text.contains("\n") && !text.contains("\r"), "\(text)")
            #expect(text == String(describing: error))
            if case .constraint(let message) = error {
                #expect(text.contains(message))
            } else if case .sqlite(let code, let message) = error {
                #expect(text.contains(message) && text.contains("\(code)"))
            } else {
                #expect(text.contains(path), "\(text)")
            }
        }
        #expect(StoreError.newerSchema(path: path, found: 9, known: 3).description.contains("9"))
        #expect(StoreError.cannotOpen(path: path, reason: "why").description.contains("why"))
    }
}
