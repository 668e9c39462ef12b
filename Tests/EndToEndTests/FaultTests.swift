#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Store
import Testing

/// A roadmap that cannot be written: read-only (by permission or by mount), on a full disk, or
/// locked by another process for longer than the busy timeout. Each write gets the one-line
/// message of StoreError, exit 1 and leaves the file byte for byte as it was; reads still work;
/// and once the cause is gone the same write succeeds.
@Suite struct FaultTests {
    static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let isRoot = geteuid() == 0

    /// Mounting needs root and a kernel that lets this container do it; CI runs as root too.
    static let canMount: Bool = {
        guard isRoot else { return false }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("molensloot-mount-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard shell("mount -t tmpfs -o size=1m tmpfs '\(folder)'") == 0 else { return false }
        return shell("umount '\(folder)'") == 0
    }()

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Expects a write to be refused with exactly `message`, on one line, and to change nothing.
    static func expectRefused(_ cli: CLI, _ arguments: [String], _ message: String, file: String, runner: [String] = [],
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try #require(FileManager.default.contents(atPath: file), sourceLocation: sourceLocation)
        let result = try cli.run(Array(runner.dropFirst()) + arguments, executable: runner.first)
        #expect(result.status == 1, "\(arguments.joined(separator: " ")): exit \(result.status)", sourceLocation: sourceLocation)
        #expect(result.stderr == "error: \(message)\n", "\(arguments.joined(separator: " ")): \(result.stderr)",
                sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(FileManager.default.contents(atPath: file) == before, "\(arguments.joined(separator: " ")) changed the file",
                sourceLocation: sourceLocation)
    }

    /// A roadmap with an open cycle, and a survey file and an export to import into it.
    static func roadmap() throws -> CLI {
        let cli = try BadInputTests.filled()
        try cli.ok("cycle open 'Voorjaar 2014' --start 2014-03-01")
        let survey = "score;comment\n" + (1...300).map { "\($0 % 10 + 1);opmerking \($0)" }.joined(separator: "\n")
        try Data(survey.utf8).write(to: URL(fileURLWithPath: cli.path("enquete.csv")))
        try Data(try cli.ok("export").stdout.utf8).write(to: URL(fileURLWithPath: cli.path("export.json")))
        return cli
    }

    /// The writes every fault is tried with: a record, a survey import, an import with --replace.
    static let writes: [[String]] = [
        ["finding", "add", "Nog een bevinding", "--kind", "improve", "--journey", "mor", "--phase", "contact"],
        ["survey", "import", "enquete.csv", "--metric", "tevredenheid", "--replace"],
        ["import", "export.json", "--replace"],
        ["vision", "set", "Eén keer goed."],
    ]

    static func expectReadable(_ cli: CLI, runner: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let arguments = ["finding", "list", "--json"]
        let result = try cli.run(Array(runner.dropFirst()) + arguments, executable: runner.first)
        #expect(result.status == 0, "finding list: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.contains("\"F1\""), sourceLocation: sourceLocation)
    }

    /// Runs the binary as the user nobody: a copy of it, in a folder nobody may enter.
    static func asNobody(_ cli: CLI) throws -> [String] {
        let setpriv = try #require(Self.setpriv)
        let copy = cli.path("molensloot-bin")
        try FileManager.default.copyItem(atPath: CLI.binary.path, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.directory.path)
        return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", copy]
    }

    // MARK: - read-only

    @Test(.enabled(if: isRoot && setpriv != nil, "needs root to run the binary as another user"))
    func aFolderOthersOwnIsReadButNeverWritten() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        // The folder and the file are root's; nobody may read them, not write.
        let nobody = try Self.asNobody(cli)
        let file = cli.path("roadmap.sqlite")
        let listing = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).sorted()
        try Self.expectReadable(cli, runner: nobody)
        for write in Self.writes {
            try Self.expectRefused(cli, write, StoreError.readOnly(path: file).description, file: file, runner: nobody)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).sorted() == listing, "files were added")
        // The owner still can.
        try cli.ok("finding add 'Nog een bevinding' --kind improve --journey mor --phase contact")
    }

    @Test(.enabled(if: isRoot && setpriv != nil, "needs root to run the binary as another user"))
    func aFileOthersOwnInAnOpenFolderIsReadButNeverWritten() throws {
        var cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let nobody = try Self.asNobody(cli)
        let shared = cli.path("gedeeld")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: shared)
        try FileManager.default.copyItem(atPath: cli.path("roadmap.sqlite"), toPath: shared + "/roadmap.sqlite")
        let file = shared + "/roadmap.sqlite"
        cli.environment["MOLENSLOOT_DB"] = file
        try Self.expectReadable(cli, runner: nobody)
        for write in Self.writes {
            try Self.expectRefused(cli, write, StoreError.readOnly(path: file).description, file: file, runner: nobody)
        }
        try cli.ok("finding add 'Nog een bevinding' --kind improve --journey mor --phase contact")
    }

    @Test(.enabled(if: canMount, "needs to mount a tmpfs"))
    func aReadOnlyMountIsReadButNeverWritten() throws {
        var cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let mount = cli.path("alleen-lezen")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        try #require(Self.shell("mount -t tmpfs -o size=4m tmpfs '\(mount)'") == 0)
        defer { Self.shell("umount '\(mount)'") }
        try FileManager.default.copyItem(atPath: cli.path("roadmap.sqlite"), toPath: mount + "/roadmap.sqlite")
        try #require(Self.shell("mount -o remount,ro '\(mount)'") == 0)
        let file = mount + "/roadmap.sqlite"
        cli.environment["MOLENSLOOT_DB"] = file
        try Self.expectReadable(cli)
        for write in Self.writes {
            try Self.expectRefused(cli, write, StoreError.readOnly(path: file).description, file: file)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount) == ["roadmap.sqlite"])
    }

    // MARK: - full disk

    @Test(.enabled(if: canMount, "needs to mount a small tmpfs"))
    func aFullDiskIsNamedAndNothingIsLost() throws {
        var cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let volume = cli.path("vol")
        try FileManager.default.createDirectory(atPath: volume, withIntermediateDirectories: true)
        try #require(Self.shell("mount -t tmpfs -o size=1m tmpfs '\(volume)'") == 0)
        defer { Self.shell("umount '\(volume)'") }
        let file = volume + "/roadmap.sqlite"
        try FileManager.default.copyItem(atPath: cli.path("roadmap.sqlite"), toPath: file)
        cli.environment["MOLENSLOOT_DB"] = file
        try cli.ok("finding add 'Past nog net' --kind good --journey mor --phase contact")

        // Fill what is left, to the last byte.
        let filler = open(volume + "/vuller", O_WRONLY | O_CREAT, 0o644)
        try #require(filler >= 0)
        let block = [UInt8](repeating: 0, count: 4_096)
        for size in [block.count, 1] {
            while block.withUnsafeBytes({ write(filler, $0.baseAddress, size) }) > 0 {}
        }
        close(filler)

        try Self.expectReadable(cli)
        for write in Self.writes {
            try Self.expectRefused(cli, write, StoreError.diskFull(path: file).description, file: file)
        }
        try Self.expectReadable(cli)
        #expect(try cli.run("check").status == 0)

        // With room again, the same write succeeds and the file is whole.
        try FileManager.default.removeItem(atPath: volume + "/vuller")
        try cli.ok("finding add 'Nog een bevinding' --kind improve --journey mor --phase contact")
        try cli.ok("survey import enquete.csv --metric tevredenheid --replace")
        let integrity = try Connection(path: file, mode: .readWrite).query("PRAGMA integrity_check").map { $0.string(0) }
        #expect(integrity == ["ok"])
    }

    // MARK: - locks

    @Test func aWriteLockHeldTooLongIsNamedAndNothingChanges() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let file = cli.path("roadmap.sqlite")
        do {
            let holder = try Connection(path: file, mode: .readWrite)
            try holder.execute("BEGIN IMMEDIATE")
            // Readers are not kept waiting by a writer.
            try Self.expectReadable(cli)
            let started = ContinuousClock.now
            let writers = try Self.writes.map { try cli.start($0) }
            for (write, writer) in zip(Self.writes, writers) {
                let result = writer.finish()
                #expect(result.status == 1, "\(write.joined(separator: " ")): \(result.stderr)")
                #expect(result.stderr == "error: \(StoreError.busy(path: file).description)\n", "\(result.stderr)")
            }
            // They waited for the lock the whole busy timeout before giving up.
            #expect(ContinuousClock.now - started > .milliseconds(4_500))
            try holder.execute("ROLLBACK")
        }
        for write in Self.writes {
            let result = try cli.run(write)
            #expect(result.status == 0, "\(write.joined(separator: " ")) after the lock: \(result.stderr)")
        }
    }

    @Test func aLockShorterThanTheTimeoutIsWaitedFor() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let holder = try Connection(path: cli.path("roadmap.sqlite"), mode: .readWrite)
        try holder.execute("BEGIN IMMEDIATE")
        let writer = try cli.start(Self.writes[0])
        usleep(1_000_000)
        try holder.execute("ROLLBACK")
        let result = writer.finish()
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func anExclusiveLockKeepsReadersOutWithTheSameMessage() throws {
        let cli = try Self.roadmap()
        defer { cli.cleanUp() }
        let file = cli.path("roadmap.sqlite")
        let before = try #require(cli.bytes("roadmap.sqlite"))
        do {
            let holder = try Connection(path: file, mode: .readWrite)
            try holder.execute("PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM findings;")
            let started = ContinuousClock.now
            let result = try cli.run(["finding", "list"])
            // It waits the busy timeout once, not once per statement.
            let waited = ContinuousClock.now - started
            // Once per statement would be two timeouts at least.
            #expect(waited > .milliseconds(4_500) && waited < .milliseconds(10_000), "\(waited)")
            #expect(result.status == 1)
            #expect(result.stderr == "error: \(StoreError.busy(path: file).description)\n", "\(result.stderr)")
            try holder.execute("ROLLBACK")
        }
        #expect(cli.bytes("roadmap.sqlite") == before)
        try Self.expectReadable(cli)
    }
}

extension CLI {
    /// A command started in the background, its output going to files.
    struct Running {
        let process: Process
        let out: URL
        let err: URL

        func finish() -> Result {
            process.waitUntilExit()
            let stdout = (try? Data(contentsOf: out)) ?? Data()
            let stderr = (try? Data(contentsOf: err)) ?? Data()
            return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    func start(_ arguments: [String]) throws -> Running {
        let name = UUID().uuidString
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("molensloot-out-\(name)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("molensloot-err-\(name)")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}
