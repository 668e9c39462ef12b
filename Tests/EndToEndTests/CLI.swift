import Foundation
import Testing

/// Runs the built `molensloot` binary in a temporary folder, the way a person would.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    let directory: URL
    var environment: [String: String] = [:]

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("molensloot-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The key file in the test's own folder, so no test reads or writes one in a home folder.
        // English unless a test asks for Dutch: most tests read the English messages.
        environment = ["USER": "tester", "MOLENSLOOT_TODAY": "2014-06-01", "PATH": "/usr/bin:/bin", "MOLENSLOOT_LANG": "en",
                       "MOLENSLOOT_KEY_FILE": directory.appendingPathComponent("sleutels/pseudonym.key").path]
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The binary next to the test runner: `swift test` builds it because this target depends on it.
    static let binary: URL = {
        if let override = ProcessInfo.processInfo.environment["MOLENSLOOT_BIN"] { return URL(fileURLWithPath: override) }
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On macOS the runner sits inside a .xctest bundle.
        while folder.path != "/" && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("molensloot").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("molensloot")
    }()

    /// Runs the binary (or `executable`, such as setpriv running it as another user) in this
    /// folder (or `folder`).
    @discardableResult
    func run(_ arguments: [String], executable: String? = nil, in folder: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder.map { URL(fileURLWithPath: $0) } ?? directory
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting: a large output would otherwise fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs a command line written as a person types it, quotes and all.
    @discardableResult
    func run(_ line: String) throws -> Result { try run(CLI.split(line)) }

    /// Runs and requires success, so a failing step names itself.
    @discardableResult
    func ok(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let result = try run(line)
        #expect(result.status == 0, "\(line) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// Splits like a POSIX shell for the cases the README uses: single and double quotes.
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    func json(_ line: String) throws -> Any {
        let result = try run(line)
        #expect(result.status == 0, "\(line): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
    }

    func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }
}
